/*
 * nvfacts_extract.h — the fact extractor's interface (text core, no
 * PostgreSQL): the compiled lexicon, and documents to facts.
 *
 * Pipeline: lexicon.c (terms from the user-extensible tables, matched in
 * repaired text) -> clause.c (sentences, clauses, mentions) -> period.c
 * (fiscal periods, publication date) -> fact.c (who, what, how, when for each
 * quantity) -> document.c (blocks, carry-over, duplicates).
 */
#ifndef NVFACTS_EXTRACT_H
#define NVFACTS_EXTRACT_H

#include "nvfacts_core.h"

/* ---- the lexicon (in lexicon.c) ---------------------------------------- */

typedef enum nvf_family
{
	NVF_FAMILY_MONEY,
	NVF_FAMILY_PERCENT,
	NVF_FAMILY_MONEY_OR_PERCENT
} nvf_family;

/* Cue kinds: the words that steer measure, sign, status, basis ... */
typedef enum nvf_cue
{
	NVF_CUE_BLOCK,				/* a word that only hides shorter terms (会议) */
	NVF_CUE_YOY,
	NVF_CUE_QOQ,
	NVF_CUE_SHARE,
	NVF_CUE_SURPRISE,
	NVF_CUE_UP,					/* a verb: 增长 */
	NVF_CUE_DOWN,				/* a verb: 下降 */
	NVF_CUE_UP_NOUN,			/* 涨幅: up whatever follows */
	NVF_CUE_DOWN_NOUN,			/* 跌幅 */
	NVF_CUE_GUIDANCE,
	NVF_CUE_FORECAST,
	NVF_CUE_GAAP,
	NVF_CUE_NON_GAAP,
	NVF_CUE_TOLERANCE,
	NVF_CUE_RESPECTIVELY,
	NVF_CUE_EACH,				/* 各自: a tolerance for every figure before */
	NVF_CUE_TOTAL,				/* 总: the whole entity, no segment */
	NVF_CUE_GROUP,				/* 他们, 这些巨头: several entities */
	NVF_CUE_FROM,				/* 从: a starting point (从37亿美元增长至...) */
	NVF_CUE_PER,				/* 每: a rate or a per-unit return */
	NVF_CUE_ARTICLE_END,		/* 责任编辑, 免责声明: what follows is another story */
	NVF_CUE_OTHER_ORG,			/* 银行, 证券, 有限公司: a company not in the lexicon */
	NVF_CUE_COUNT_
} nvf_cue;

extern const char *const nvf_cue_names[NVF_CUE_COUNT_];
extern int	nvf_cue_from_name(const char *name);	/* -1 if unknown */

typedef enum nvf_term_kind
{
	NVF_TERM_ENTITY,
	NVF_TERM_METRIC,
	NVF_TERM_SEGMENT,
	NVF_TERM_CUE
} nvf_term_kind;

#define NVF_TERM_NEEDS_SEGMENT 0x01	/* a metric word that needs a product (成本) */

typedef struct nvf_entity
{
	char	   *name;
	int			fy_end_month;	/* 12 for calendar years; NVIDIA: 1 */
} nvf_entity;

typedef struct nvf_metric
{
	char	   *key;
	nvf_family	family;
	bool		flow;			/* a period flow (revenue); false: a level at a
								 * moment (share price), which takes no period
								 * from context */
} nvf_metric;

typedef struct nvf_segment
{
	char	   *key;
	int			owner;			/* entity index of a product's maker, or -1 */
} nvf_segment;

typedef struct nvf_term
{
	char	   *text;			/* repaired, ASCII lower-cased */
	size_t		len;
	nvf_term_kind kind;
	int			id;				/* entity/metric/segment index or cue kind */
	unsigned	flags;
	bool		ascii;			/* needs word boundaries, case-insensitive */
	int			next;			/* chain of terms sharing a first code point */
} nvf_term;

typedef struct nvf_lexicon nvf_lexicon;

extern nvf_lexicon *nvf_lexicon_new(nvf_env *env);
extern int	nvf_lexicon_add_entity(nvf_lexicon *lex, const char *name, int fy_end_month);
extern int	nvf_lexicon_add_metric(nvf_lexicon *lex, const char *key, nvf_family family, bool flow);
extern int	nvf_lexicon_add_segment(nvf_lexicon *lex, const char *key);
extern int	nvf_lexicon_find(const nvf_lexicon *lex, nvf_term_kind kind, const char *key);
extern void nvf_lexicon_set_owner(nvf_lexicon *lex, int segment, int entity);
/* Adds an alias (any script: it is repaired first); false if empty. */
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

/* ---- dates and periods (in period.c) ----------------------------------- */

typedef struct nvf_date
{
	int			year;			/* 0 = unknown */
	int			month;
	int			day;
} nvf_date;

/* The publication date printed in a page (发表于 2024-5-31 ...), if any. */
extern nvf_date nvf_find_published_date(nvf_env *env, const char *doc, size_t len);

typedef enum nvf_period_kind
{
	NVF_PER_FISCAL,				/* 2025财年, FY25: the entity's own label */
	NVF_PER_CALENDAR,			/* 2024年, 2024年Q4 */
	NVF_PER_QUARTER_ONLY,		/* 第二季度, Q4 */
	NVF_PER_REL_YEAR,			/* 今年 (0), 去年 (-1), 明年 (+1) */
	NVF_PER_REL_FISCAL,			/* 本财年 (0), 上财年 (-1) */
	NVF_PER_REL_QUARTER,		/* 本季度 (0), 上季 (-1) */
	NVF_PER_FULL_YEAR			/* 全年, 全财年: the whole year of the context */
} nvf_period_kind;

typedef struct nvf_period_mention
{
	size_t		start;			/* bytes in the repaired text */
	size_t		end;
	nvf_period_kind kind;
	int			year;			/* or the offset for relative kinds */
	int			quarter;		/* 0 = none */
	bool		comparison;		/* after 较/比/同: a base, not the fact's period */
	bool		anaphoric;		/* 当季, 该季度: the quarter just named, not the current one */
} nvf_period_mention;

extern int	nvf_find_periods(nvf_env *env, const char *t, size_t len,
							 nvf_period_mention **out);

/* A resolved period: fy/fq 0 when unknown. */
typedef struct nvf_period
{
	int			fy;
	int			fq;
	char	   *text;			/* as written in the original, or NULL */
} nvf_period;

/* The fiscal year that contains a date. */
extern int	nvf_fiscal_year_of(nvf_date d, int fy_end_month);

/*
 * Resolves m for an entity whose fiscal year ends in fy_end_month, given its
 * current quarter and the period named last for it (either may be NULL);
 * outlook when the figure is guidance or a forecast.
 */
extern nvf_period nvf_resolve_period(const nvf_period_mention *m, int fy_end_month,
									 nvf_date published, const nvf_period *current,
									 const nvf_period *named, bool outlook);

/* ---- facts (in fact.c, document.c) ------------------------------------- */

typedef struct nvf_fact
{
	int			entity;			/* -1: NULL */
	int			metric;
	int			segment;		/* -1: the whole entity */
	const char *basis;			/* "gaap", "non_gaap" or NULL */
	const char *measure;
	nvf_dec		value;			/* ok = false: NULL */
	nvf_dec		low;
	nvf_dec		high;
	const char *unit;
	nvf_approx	approx;
	const char *status;
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
