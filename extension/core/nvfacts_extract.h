/*
 * nvfacts_extract.h — the fact extractor's interface (text core, no
 * PostgreSQL): the compiled lexicon, and documents to facts.
 *
 * Pipeline: lexicon.c (terms from the user-extensible tables, matched in
 * normalized text) -> clause.c (sentences, clauses, mentions) -> period.c
 * (fiscal periods, publication date) -> fact.c (who, what, how, when for each
 * quantity) -> document.c (blocks, carry-over, duplicates).
 */
#ifndef NVFACTS_EXTRACT_H
#define NVFACTS_EXTRACT_H

#include "nvfacts_core.h"

/* ---- the lexicon (in lexicon.c) ---------------------------------------- */

typedef enum nvf_term_kind
{
	NVF_TERM_ENTITY,
	NVF_TERM_METRIC,
	NVF_TERM_SEGMENT,
	NVF_TERM_CUE
} nvf_term_kind;

#define NVF_TERM_NEEDS_SEGMENT 0x01	/* a metric word that needs a product (成本) */
#define NVF_TERM_GAAP		0x02	/* a metric word that says its basis (GAAP营业收入) */
#define NVF_TERM_NON_GAAP	0x04
#define NVF_TERM_NEGATIVE	0x08	/* a metric word for a loss (净亏损): the value is negative */

typedef struct nvf_entity
{
	char	   *name;
	int			fy_end_month;	/* 12 for calendar years; NVIDIA: 1 */
	nvf_unit	currency;		/* of a bare 元 in its figures (TSMC: TWD); NONE: the page's */
} nvf_entity;

typedef struct nvf_metric
{
	char	   *key;
	nvf_family	family;
	bool		flow;			/* a period flow (revenue); false: a level at a
								 * moment (share price), which takes no period
								 * from context */
	bool		segmented;		/* false: a figure of the whole entity (market
								 * cap, share price), which has no segment */
} nvf_metric;

typedef struct nvf_segment
{
	char	   *key;
	int			owner;			/* entity index of its company (a product's maker), or -1 */
	bool		product;		/* a product: naming it names its maker */
	int			metric;			/* the metric its figures are of when no word says (the metric of
								 * a metric word naming it: 研发费用 -> r_and_d's operating_expenses),
								 * or -1 (revenue) */
} nvf_segment;

/* A shared part's word said of one company: its figures are of that company's own part. */
typedef struct nvf_segment_reading
{
	int			segment;		/* the part the words name (gaming, storage) */
	int			entity;			/* said of this company (Tencent, Samsung) */
	int			reading;		/* they name its own part (online_games, memory) */
} nvf_segment_reading;

typedef struct nvf_term
{
	char	   *text;			/* normalized, ASCII lower-cased */
	size_t		len;
	nvf_term_kind kind;
	int			id;				/* entity/metric/segment index */
	uint64_t	cues;			/* for cues: a bitmask of nvf_cue kinds (a word may have several) */
	unsigned	flags;
	int			segment;		/* for metrics: the segment the word names too (研发费用), or -1 */
	bool		ascii;			/* needs word boundaries, case-insensitive */
	int			next;			/* chain of terms sharing their index key */
	uint64_t	head;			/* its first (up to) 8 bytes, a quick test before memcmp */
	uint64_t	head_mask;		/* which bytes of head are its own */
} nvf_term;

typedef struct nvf_lexicon nvf_lexicon;

/* Whether a term is a cue of kind cue (a cue term, or a metric word that is one too). */
static inline bool
nvf_term_is_cue(const nvf_term *t, nvf_cue cue)
{
	return (t->cues & (UINT64_C(1) << cue)) != 0;
}

extern nvf_lexicon *nvf_lexicon_new(nvf_env *env);
extern int	nvf_lexicon_add_entity(nvf_lexicon *lex, const char *name, int fy_end_month,
								   const char *currency);
/*
 * Does a figure of metric m take a period: a flow its own or its context's, a
 * share at a moment (市场份额) only one named for it (own), a level at a moment
 * (市值, 股价) none.
 */
extern bool nvf_metric_dated(const nvf_metric *m, bool own);
extern int	nvf_lexicon_add_metric(nvf_lexicon *lex, const char *key, nvf_family family, bool flow,
								   bool segmented);
extern int	nvf_lexicon_add_segment(nvf_lexicon *lex, const char *key);
extern int	nvf_lexicon_find(const nvf_lexicon *lex, nvf_term_kind kind, const char *key);
extern void nvf_lexicon_set_owner(nvf_lexicon *lex, int segment, int entity, bool product);
/* 游戏 said of Tencent is its online_games: a figure of segment of entity is of reading. */
extern void nvf_lexicon_add_reading(nvf_lexicon *lex, int segment, int entity, int reading);
/* The part a figure of segment of entity is of (segment itself, unless a reading says). */
extern int	nvf_lexicon_reading(const nvf_lexicon *lex, int segment, int entity);
/* Adds an alias (any script: it is normalized first); false if empty. */
extern bool nvf_lexicon_add_term(nvf_lexicon *lex, const char *alias, nvf_term_kind kind,
								 int id, unsigned flags);
/* Builds the match index; call once after the last add. */
extern void nvf_lexicon_finish(nvf_lexicon *lex);

/*
 * Where the lexicon tables' rows come from: the server's tables (SPI, in
 * lexicon_cache.c) or the shipped rows of lexicon_data.sql (the standalone
 * fuzzer).  query asks for the rows of nvfacts.<table> with the columns
 * named (comma-separated), ordered by the first, and returns their count;
 * value is row r's column c (0-based) of the last query, NULL for NULL;
 * booleans read true when they start with 't'.
 */
typedef struct nvf_lexicon_source
{
	int			(*query) (void *arg, const char *table, const char *columns);
	const char *(*value) (void *arg, int r, int c);
	void	   *arg;
} nvf_lexicon_source;

/* Fills an empty lexicon from its tables, in dependency order, and finishes it. */
extern void nvf_lexicon_load(nvf_lexicon *lex, const nvf_lexicon_source *src);

extern const nvf_entity *nvf_lexicon_entity(const nvf_lexicon *lex, int i);
extern const nvf_metric *nvf_lexicon_metric(const nvf_lexicon *lex, int i);
extern const nvf_segment *nvf_lexicon_segment(const nvf_lexicon *lex, int i);

/* The longest term at t[pos], or NULL. */
extern const nvf_term *nvf_lexicon_match(const nvf_lexicon *lex, const char *t, size_t len,
										 size_t pos);
/*
 * The first term from *pos on, asking nvf_lexicon_match at each character
 * (stepping as nvf_char_boundary does): *pos is set to where it starts, or
 * to len with NULL when there is none.
 */
extern const nvf_term *nvf_lexicon_next(const nvf_lexicon *lex, const char *t, size_t len,
										size_t *pos);

/* ---- dates and periods (in period.c) ----------------------------------- */

typedef struct nvf_date
{
	int			year;			/* 0 = unknown */
	int			month;
	int			day;
} nvf_date;

/* The publication date printed in a page (发表于 2024-5-31 ...), if any. */
extern nvf_date nvf_find_published_date(nvf_env *env, const char *doc, size_t len);

/* How a period mention gives its year. */
typedef enum nvf_year_form
{
	NVF_YEAR_NONE,				/* 第二季度, 上半年: the year of the context */
	NVF_YEAR_FISCAL,			/* 2025财年, FY25, 2024年第一财季: the entity's own label */
	NVF_YEAR_CALENDAR,			/* 2024年, 2024Q4, 25Q2 */
	NVF_YEAR_RELATIVE,			/* 今年 0, 去年 -1, 明年 +1 */
	NVF_YEAR_RELATIVE_FISCAL,	/* 本财年 0, 上财年 -1 */
	NVF_YEAR_ENDED				/* 截至2025年1月26日止的第四季度: the year holding that date */
} nvf_year_form;

/* A period expression in normalized text (period.c's grammar). */
typedef struct nvf_period_mention
{
	size_t		start;			/* bytes in the normalized text */
	size_t		end;
	nvf_year_form year_form;
	int			year;			/* absolute, or the offset of a relative form */
	int			year_to;		/* the last year of a range (2023年至2025年), else year */
	int			month;			/* YEAR_ENDED: the month of the date (0: unknown) */
	nvf_period_kind kind;		/* NONE with whole_year/same_period: from the context */
	int			part;			/* quarter 1-4, half 1-2, month 1-12; 0: none */
	int			quarter_shift;	/* relative quarter: 本季 0, 上季 -1, 下季 +1 */
	bool		relative_quarter;	/* 本季度, 上季, 当季 */
	bool		anaphoric;		/* 当季, 该季度: the quarter just named */
	bool		hk_last;		/* bare 上季 (no 一/个/度): the quarter just reported in HK/TW usage */
	bool		latest;			/* 最近一季: the quarter just reported in any usage */
	bool		same_period;	/* 同期: the context's period, a year_form year away */
	bool		whole_year;		/* 全年: the whole year of the context */
	bool		comparison;		/* after 较/比/从 ...: a base, not the figure's period */
	bool		aside;			/* followed by 以来: a landmark, or in brackets explaining the period before */
	bool		month_only;		/* 4月: a month, a period only right before its figure */
	bool		fiscal_quarter;	/* 第三财季, fiscal third quarter: a fiscal label, never a calendar quarter */
	bool		shared;			/* a calendar quarter several companies share (微软、谷歌三季度) */
	bool		span_years;		/* 未来三年, 过去十年: several years, no one period */
	bool		ahead;			/* 未来三年, 长期: years still to come */
} nvf_period_mention;

extern int	nvf_find_periods(nvf_env *env, const char *t, size_t len,
							 nvf_period_mention **out);
/* A period behind the article's own: 去年, 上季, 去年同期. */
extern bool nvf_looks_back(const nvf_period_mention *p);

/* A resolved period: fy/fq/part 0 when unknown. */
typedef struct nvf_period
{
	int			fy;
	int			fq;				/* quarters only */
	nvf_period_kind kind;
	int			part;			/* half 1-2, month/ytd calendar month */
	char	   *text;			/* as written in the original, or NULL */
	bool		carried;		/* the context's: the figure's sentence names none */
} nvf_period;

/* The fiscal year that contains a date. */
extern int	nvf_fiscal_year_of(nvf_date d, int fy_end_month);
/* The fiscal year most of a calendar year falls in (NVIDIA's 2024 is FY2025). */
extern int	nvf_calendar_to_fiscal(int year, int fy_end_month);

/* What a period mention is resolved against, for one entity. */
typedef struct nvf_period_context
{
	int			fy_end_month;
	nvf_date	published;		/* year 0: unknown */
	const nvf_period *current;	/* the period the article reports (NULL: none) */
	nvf_period	page;			/* the page's period in this calendar, when current is it */
	const nvf_period *named;	/* the period named last */
	int			sentence_year;	/* a fiscal year named in the same sentence, or 0 */
	bool		outlook;		/* the figure is guidance or a forecast */
	bool		hk_usage;		/* Hong Kong/Taiwan register: 上季 = the quarter just reported */
} nvf_period_context;

extern nvf_period nvf_resolve_period(const nvf_period_mention *m, const nvf_period_context *c);
/* The fiscal year mention m names, read in context c (its relative year counted, or the context's). */
extern int	nvf_mention_year(const nvf_period_mention *m, const nvf_period_context *c);

/*
 * The last day of the calendar month in which p ends, for an entity whose
 * fiscal year ends in fy_end_month; false when p does not say.
 */
extern bool nvf_period_end(const nvf_period *p, int fy_end_month, nvf_date *out);
/* A calendar quarter read as the quarter of a fiscal calendar that ends in the same month. */
extern nvf_period nvf_period_in_calendar(const nvf_period *p, int fy_end_month);
/* The month of a date, counted from year 0 (year * 12 + month). */
static inline int
nvf_month_index(nvf_date d)
{
	return d.year * 12 + d.month;
}
/* The month p ends in, counted from year 0 (0: p does not say). */
extern int	nvf_period_end_month(const nvf_period *p, int fy_end_month);

/* ---- facts (in fact.c, document.c) ------------------------------------- */

typedef struct nvf_fact
{
	int			entity;			/* -1: NULL */
	int			metric;
	int			segment;		/* -1: the whole entity */
	nvf_basis	basis;
	nvf_measure measure;
	nvf_dec		value;			/* ok = false: NULL */
	nvf_dec		low;
	nvf_dec		high;
	nvf_unit	unit;
	nvf_approx	approx;
	nvf_status	status;
	nvf_period	period;
	int64_t		ostart;			/* chars in the original document */
	int64_t		oend;
	char	   *evidence;
} nvf_fact;

typedef void (*nvf_fact_cb) (void *arg, const nvf_fact *f);

/* The publication date printed in the document's first block (year 0: none). */
extern nvf_date nvf_document_published(nvf_env *scratch, const char *doc, size_t len);

/*
 * Every fact of a document, in text order, duplicates collapsed.  doc_env
 * holds what lives for the whole document (it is not reset); scratch is
 * reset after every block; emit copies what it keeps.
 */
extern void nvf_document_facts(nvf_env *doc_env, nvf_env *scratch, const nvf_lexicon *lex,
							   const char *doc, size_t len, nvf_date published,
							   nvf_fact_cb emit, void *arg);

#endif							/* NVFACTS_EXTRACT_H */
