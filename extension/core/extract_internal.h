/*
 * extract_internal.h — what clause.c, fact.c and document.c share: a
 * sentence with its clauses, lexicon mentions, quantities and periods, and
 * the document state carried from sentence to sentence.
 */
#ifndef NVFACTS_EXTRACT_INTERNAL_H
#define NVFACTS_EXTRACT_INTERNAL_H

#include <string.h>

#include "nvfacts_extract.h"

typedef struct mention
{
	size_t		start;
	size_t		end;
	const nvf_term *term;
	int			clause;
} mention;

typedef struct sentence
{
	const nvf_block *blk;
	const char *t;				/* the normalized block text */
	size_t		start;
	size_t		end;
	bool		new_paragraph;	/* a line break came before it */
	int			nclauses;
	size_t	   *clause_end;		/* clause i ends at clause_end[i] */
	mention    *m;
	int			nm;
	unsigned	kinds;			/* 1 << kind of every mention: a search for none is over */
	uint64_t	cues;			/* the cue kinds of every mention */
	nvf_quantity *q;
	int			nq;
	nvf_period_mention *p;
	int			np;
	nvf_span   *quiet;			/* block words (固定汇率下, 按美元计算): text that names nothing */
	int			nquiet;
} sentence;

/* Does a mention of the sentence have the cue kind (下同 for declare, 按年 for hk_usage ...)? */
static inline bool
nvf_names_cue(const sentence *s, nvf_cue cue)
{
	return (s->cues & (UINT64_C(1) << cue)) != 0;
}

#define ENTITY_NONE (-1)
#define ENTITY_GROUP (-2)		/* several companies at once: entity NULL */
#define HEADLESS_UNASKED (-3)	/* doc_state.headless_owner not looked for yet */

/* What the document knows of one entity's periods. */
typedef struct entity_periods
{
	nvf_period	current;		/* the period the article is reporting for it */
	nvf_period	report;			/* the last reported period named for it: current
								 * returns to it at each new paragraph */
	nvf_period	named;			/* the period named last (当季 points at it) */
	nvf_period	outlook;		/* the period named last in an outlook */
	int			outlook_para;	/* the paragraph that named it */
	bool		listed;			/* in doc_state.reported */
	int			figures;		/* its rows emitted so far */
} entity_periods;

/* The metrics the attribution rules name (ids in the lexicon, -1 if it has none). */
typedef struct rule_metrics
{
	int			revenue;
	int			share_price;
	int			spending;
	int			market_share;
	int			loss;
	int			market_cap;
} rule_metrics;

/* The most items a list of names keeps (the last ones). */
#define NVF_NAMED_MAX 8

/* What a document remembers between sentences. */
typedef struct doc_state
{
	nvf_env    *env;			/* lives for the document */
	const nvf_lexicon *lex;
	rule_metrics metric;		/* looked up once per document, not per figure */
	nvf_date	published;
	bool		hk_usage;		/* Hong Kong/Taiwan register (上季 = the quarter reported) */
	nvf_unit	currency;		/* the currency of a bare 元 (declared, or named first) */
	bool		currency_declared;	/* by 下同: for every company, whatever the register */
	nvf_period_mention lead;	/* the first part of a year named with its year in the first block */
	bool		has_lead;
	int			lead_owner;		/* the company named last before it (ENTITY_NONE: none) */
	bool		market_figures;	/* the last sentence with figures gave only a market's (全球服务器市场规模) */
	int			paragraph;		/* paragraphs with figures so far */
	nvf_status	semicolon_status;	/* the outlook a sentence ending in ； carries on */
	nvf_period_mention semicolon_period;	/* the period it named last (kind NONE: none), for */
										/* the shares after it (三季度A份额…；B份额仍达57%) */
	nvf_period_mention years_before;	/* the range of years the sentence before named last
										 * (kind NONE: none), for a 同期…分别 list after it */
	int			metrics_before[NVF_NAMED_MAX];	/* the metrics it named one by one, in order
												 * (营收…，每股收益…；此前预测分别为A和B) */
	int			nmetrics_before;
	bool		market_period;	/* the page's period was named for a market (a tracker's): the
								 * shares of the companies it ranks read it */
	bool		in_list;		/* lines of figures after a line ending in ： (数据中心收入依次是：) */
	int			list_items;		/* lines of the list read so far */
	bool		list_spaced;	/* its items are apart by blank lines (a blank line ends no list) */
	nvf_status	heading_status;	/* the outlook a section heading (【FY26Q2指引】) gives its bullets */
	int			carry_entity;	/* subject of recent sentences, or ENTITY_* */
	bool		named_any;		/* a company has been the subject of a sentence */
	int			headless_owner;	/* a page naming no company before its figures: the owner of
								 * the first segment it names, ENTITY_NONE, or UNASKED */
	int			main_entity;	/* the subject of the last sentence with figures */
	int			first_entity;	/* the first company the article names (its headline's) */
	int			lead_entity;	/* the company with the most rows so far (the first to reach
								 * them), else first_entity: the article's own */
	int			carry_paragraph;	/* the paragraph carry_entity was named in */
	bool		carry_in_passing;	/* carry_entity came from a sentence without figures */
	int			pair[2];		/* the last two companies named together (前者, 后者) */
	int			pair_age;		/* sentences since they were named */
	int			carry_metric;
	int			carry_metric_age;
	int			carry_segment;	/* the segment of the carried metric's last figure, or -1 */
	bool		semicolon_before;	/* the sentence before ended with ； */
	bool		chain_whole;	/* a part of the ； chain so far gave a figure of the whole entity */
	int			semicolon_part;	/* the one part a sentence ending in ； gave figures of, or -1 */
	int			topic_part;		/* the first part named by the paragraph's last sentence of parts' figures, or -1 */
	bool		ended;			/* past an end-of-article marker: links and other stories */
	int64_t		emitted;		/* facts given so far */
	entity_periods *periods;	/* per entity, and [nentities] for figures of none */
	int		   *reported;		/* the periods given a report, each once: a new paragraph
								 * asks them, not every entity of the lexicon */
	int			nreported;
	nvf_unit   *listing;		/* per entity: the currency of the market its stock code names */
	nvf_unit   *own_currency;	/* per entity: the currency its figures named 元 in (新台币…元) */
	size_t		nentities;
	struct fact_key **seen;		/* duplicate keys: open addressing */
	size_t		seen_cap;
	size_t		seen_n;
	struct fact_key *key_pool;	/* room for key_pool_left more keys, allocated a chunk at a time */
	int			key_pool_left;
} doc_state;

/* in clause.c */
extern int	nvf_next_sentence(const char *t, size_t len, size_t pos, size_t *end);
extern void nvf_sentence_build(nvf_env *env, const nvf_lexicon *lex, const nvf_text *text,
							   size_t start, size_t end, const nvf_quantity *qs, int nq,
							   const nvf_period_mention *ps, int np, sentence *s);
extern int	nvf_clause_of(const sentence *s, size_t pos);

/* The start of item i of nvf_first_from's array. */
static inline size_t
nvf_item_start(const size_t *start0, size_t stride, int i)
{
	return *(const size_t *) ((const char *) start0 + i * stride);
}

/*
 * Binary search: the first of n items (start0 of each, stride apart)
 * starting at or after pos.  The rules ask it for nearly every figure and
 * mention, with pos anywhere among the items: a branch on each comparison
 * is mispredicted half the time, so the range is halved without one (lo
 * moves or stays by a conditional move) and the last item compared decides.
 * Inline: the stride is a constant at each call, the search a few steps.
 */
static inline int
nvf_first_from(const size_t *start0, size_t stride, int n, size_t pos)
{
	int			lo = 0;

	if (n <= 0)
		return 0;
	while (n > 1)
	{
		int			half = n / 2;

		lo = nvf_item_start(start0, stride, lo + half) < pos ? lo + half : lo;
		n -= half;
	}
	return lo + (nvf_item_start(start0, stride, lo) < pos);
}

/*
 * The index of the first of n items in text order (quantities, periods,
 * mentions: anything with a start) that starts at or after pos.
 */
#define NVF_FIRST_FROM(items, n, pos) \
	nvf_first_from((items) ? &(items)[0].start : NULL, sizeof((items)[0]), (n), (pos))
/* Is pos inside brackets opened and closed within [lo, hi)? */
extern bool nvf_in_brackets(const sentence *s, size_t lo, size_t pos, size_t hi);
extern bool nvf_ends_with_one_of(const char *t, size_t end, const char *const *marks);
/*
 * High bits at the bytes of x equal to b: exact as to whether there is one,
 * and at the first (in nvf_load_word's order): a borrow runs on only past
 * an equal byte, towards the higher bits.
 */
static inline uint64_t
nvf_word_eq(uint64_t x, unsigned char b)
{
	uint64_t	y = x ^ (NVF_ONES * b);

	return (y - NVF_ONES) & ~y & NVF_HIGHS;
}

/* Is b one of the four bytes in want? */
static inline bool
nvf_byte_in(unsigned char b, const unsigned char want[4])
{
	return b == want[0] || b == want[1] || b == want[2] || b == want[3];
}

/*
 * The first i from i on (before hi) where t holds one of the four bytes in
 * want (a set of fewer repeats one), or hi; eight bytes at a time, the
 * first wanted one told by its bit.  Scans for bytes rare in Chinese text
 * ask each byte far less.
 */
static inline size_t
nvf_next_byte_of(const char *t, size_t i, size_t hi, const unsigned char want[4])
{
	for (; i + sizeof(uint64_t) <= hi; i += sizeof(uint64_t))
	{
		uint64_t	x = nvf_load_word(t + i);
		uint64_t	marks = nvf_word_eq(x, want[0]) | nvf_word_eq(x, want[1]) |
			nvf_word_eq(x, want[2]) | nvf_word_eq(x, want[3]);

		if (marks)
			return i + nvf_first_marked(marks);
	}
	while (i < hi && !nvf_byte_in((unsigned char) t[i], want))
		i++;
	return i;
}

/*
 * Where a scan back from hi stops at the last bracket, ( or ), in [lo, hi):
 * just past it, or lo when there is none.  Eight bytes at a time while they
 * hold neither (brackets are rare, the scans long).
 */
static inline size_t
nvf_after_last_bracket(const char *t, size_t lo, size_t hi)
{
	for (; hi - lo >= sizeof(uint64_t); hi -= sizeof(uint64_t))
	{
		uint64_t	x;

		memcpy(&x, t + hi - sizeof(x), sizeof(x));
		if (nvf_word_eq(x, '(') | nvf_word_eq(x, ')'))
			break;
	}
	while (hi > lo && t[hi - 1] != '(' && t[hi - 1] != ')')
		hi--;
	return hi;
}

/* The bytes a cell separator may start with: a tab, |, a space, the first of │ ┃. */
static const unsigned char nvf_separator_first[4] = {'\t', '|', ' ', 0xE2};

/* The first i from i on (before hi) where a cell separator may start, or hi. */
static inline size_t
nvf_next_separator_byte(const char *t, size_t i, size_t hi)
{
	return nvf_next_byte_of(t, i, hi, nvf_separator_first);
}

/* The length of the cell separator at t[i] (a tab, |, │, ┃ or two spaces or more), or 0. */
static inline size_t
nvf_cell_separator(const char *t, size_t i, size_t hi)
{
	size_t		k = i;

	if (!nvf_byte_in((unsigned char) t[i], nvf_separator_first))
		return 0;				/* the common case: no separator starts with this byte */
	if (t[i] == '\t' || t[i] == '|')
		return 1;
	if (i + 3 <= hi && (memcmp(t + i, "│", 3) == 0 || memcmp(t + i, "┃", 3) == 0))
		return 3;
	while (k < hi && t[k] == ' ')
		k++;
	return k - i >= 2 ? k - i : 0;
}

extern bool nvf_text_between_has(const sentence *s, size_t a, size_t b, const char *word);
/* Any of the words in [a, b)? */
extern bool nvf_text_between_has_any(const sentence *s, size_t a, size_t b, const char *const *words);
/* The length of the filler word at a (ending by b), or 0. */
extern size_t nvf_filler_at(const sentence *s, size_t a, size_t b, const char *const *fillers);
/* Only the given filler words in [a,b)? */
extern bool nvf_only_fillers(const sentence *s, size_t a, size_t b, const char *const *fillers);
/* The same, a bracketed aside counting as one filler. */
extern bool nvf_only_glue(const sentence *s, size_t a, size_t b, const char *const *glue);
extern bool nvf_entity_pair(const sentence *s, size_t hi, int pair[2]);

/* in fact.c */
typedef struct fact_list
{
	nvf_fact   *items;
	size_t	   *qstart;			/* byte start of each fact's quantity */
	bool	   *reference;		/* a base or an expectation, not a figure reported */
	int			n;
	int			cap;
} fact_list;

extern void nvf_sentence_facts(doc_state *ds, nvf_env *env, const sentence *s,
							   fact_list *out);
/* f's value and bounds from q (sign -1: negated; to_percent: a fraction made a percentage). */
extern void nvf_set_value(nvf_fact *f, const nvf_quantity *q, int sign, bool to_percent);
/* 约为FY2024全年475亿美元的2.4倍: does p name the year of the base of a multiple? */
extern bool nvf_names_multiple_base(const sentence *s, const nvf_period_mention *p);
/* A market or the world (市场规模, 全球) named in [lo, hi)? */
extern bool nvf_names_market(const sentence *s, size_t lo, size_t hi);
/* The ids of the terms of kind named one by one in [lo, hi), the last NVF_NAMED_MAX; their count. */
extern int	nvf_named_in_order(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind,
							   int ids[NVF_NAMED_MAX]);
/* Appends f (its quantity at byte qstart; reference: a base or an expectation) to out. */
extern void nvf_push_fact(nvf_env *env, fact_list *out, const nvf_fact *f, size_t qstart,
						  bool reference);

/* ---- tables pasted as text (table.c) ---- */
/* The first mention of kind (and cue, for cues) inside [lo, hi), or -1 (fact.c). */
extern int	nvf_first_mention(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind, int cue);
extern bool nvf_period_before(const sentence *s, size_t pos, bool (*test) (const nvf_period_mention *));
/* 深南电路第三季度营收…: does the sentence open with a company the lexicon lacks (fact.c)? */
extern bool nvf_unnamed_subject(const sentence *s);
/* Whether a quantity lies inside [lo, hi) (fact.c). */
extern bool nvf_quantity_in(const sentence *s, size_t lo, size_t hi);
#define NVF_TABLE_CELLS 12

typedef struct nvf_table_cell
{
	size_t		start;
	size_t		end;
} nvf_table_cell;

typedef struct nvf_table_column
{
	int			metric;			/* a metric column (營收), or -1 */
	nvf_measure measure;		/* a yoy/qoq column (年增率), or NONE */
	bool		has_period;		/* a period column (2024年) */
	nvf_period_mention period;
	nvf_status	status;			/* 全年指引: guidance, 2025年（预测）: forecast, else actual */
	nvf_unit	unit;			/* 2025年(亿美元): the unit its figures are in, or NONE */
	nvf_dec		scale;
} nvf_table_column;

/* The table being read: its header's columns, its caption's company, metric, unit and period. */
typedef struct nvf_table
{
	int			ncols;			/* 0: no table */
	nvf_table_column col[NVF_TABLE_CELLS];
	int			entity;
	int			metric;
	nvf_unit	unit;
	nvf_dec		scale;
	bool		has_period;		/* the caption's period (第三季度…一览) */
	nvf_period_mention period;
} nvf_table;

/*
 * A line of a table (prev: the line before it, for a header's caption): a
 * header read into tb, or a row whose facts go to out; false for a line of
 * prose (and no table is read any more).
 */
extern bool nvf_table_line(const doc_state *ds, nvf_env *env, nvf_table *tb, const sentence *s,
						   const sentence *prev, fact_list *out);
/* The entity a sentence is about (its first one, a group, or ENTITY_NONE). */
extern int	nvf_sentence_subject(const doc_state *ds, const sentence *s);
/* The period context of an entity (ENTITY_* for none) for a figure or a mention at pos. */
extern void nvf_entity_context(const doc_state *ds, int entity, const sentence *s, size_t pos,
							   bool outlook, nvf_period_context *c);
/* Whether the status cues before pos in the sentence make it an outlook. */
extern bool nvf_outlook_before(const sentence *s, size_t pos);
/* Whether an outlook word follows pos right away (第二季财测, 第三季度展望). */
extern bool nvf_outlook_after(const sentence *s, size_t pos);
/* The status the sentence's cues give what follows it (NONE: none). */
extern nvf_status nvf_status_after_end(const sentence *s);
/* The entity named in passing at mention i (a partner, 甲 in 甲的对手乙)? */
extern bool nvf_in_passing(const sentence *s, int i);

#endif
