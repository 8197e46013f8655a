/*
 * vocab.h — the fact contract's vocabularies as the core sees them: enums
 * for units (and their families), measures, statuses, bases, approximations,
 * metric families, cue kinds and period kinds.  The core compares enums; the
 * names FACTS.md gives them (the strings SQL shows) live in vocab.c only and
 * are read at the SQL boundary (the glue) or when the lexicon tables are
 * loaded.  A value 0 (..._NONE) is "not said": NULL in SQL.
 */
#ifndef NVFACTS_VOCAB_H
#define NVFACTS_VOCAB_H

#include <stdbool.h>

/* The unit of a quantity: an ISO currency, or a unit of a ratio or a count. */
typedef enum nvf_unit
{
	NVF_UNIT_NONE,				/* not read (yet) */
	NVF_UNIT_USD,
	NVF_UNIT_CNY,
	NVF_UNIT_HKD,
	NVF_UNIT_TWD,
	NVF_UNIT_JPY,
	NVF_UNIT_EUR,
	NVF_UNIT_GBP,
	NVF_UNIT_KRW,
	NVF_UNIT_MYR,				/* the last currency: see nvf_unit_family_of() */
	NVF_UNIT_PERCENT,			/* "%" */
	NVF_UNIT_PP,				/* percentage points (basis points are read as 0.01 pp) */
	NVF_UNIT_TIMES,				/* "x": a multiple or a fraction */
	NVF_UNIT_ITEMS,				/* "count": counted things */
	NVF_UNIT_N_
} nvf_unit;

typedef enum nvf_unit_family
{
	NVF_UF_NONE,
	NVF_UF_MONEY,
	NVF_UF_PERCENT,
	NVF_UF_PP,
	NVF_UF_TIMES,
	NVF_UF_ITEMS
} nvf_unit_family;

/* Currencies are an allow-list: a unit is money only when it is one of them. */
static inline nvf_unit_family
nvf_unit_family_of(nvf_unit u)
{
	if (u >= NVF_UNIT_USD && u <= NVF_UNIT_MYR)
		return NVF_UF_MONEY;
	switch (u)
	{
		case NVF_UNIT_PERCENT:
			return NVF_UF_PERCENT;
		case NVF_UNIT_PP:
			return NVF_UF_PP;
		case NVF_UNIT_TIMES:
			return NVF_UF_TIMES;
		case NVF_UNIT_ITEMS:
			return NVF_UF_ITEMS;
		default:
			return NVF_UF_NONE;
	}
}

static inline bool
nvf_unit_is_money(nvf_unit u)
{
	return nvf_unit_family_of(u) == NVF_UF_MONEY;
}

/* A percent or percentage points: a ratio, not an amount. */
static inline bool
nvf_unit_is_ratio(nvf_unit u)
{
	return u == NVF_UNIT_PERCENT || u == NVF_UNIT_PP;
}

/* What a figure measures (FACTS.md measure). */
typedef enum nvf_measure
{
	NVF_MEASURE_NONE,
	NVF_MEASURE_LEVEL,
	NVF_MEASURE_YOY,
	NVF_MEASURE_QOQ,
	NVF_MEASURE_CHANGE,
	NVF_MEASURE_SHARE,
	NVF_MEASURE_SURPRISE,
	NVF_MEASURE_N_
} nvf_measure;

/* Whose figure, reported or expected (FACTS.md status). */
typedef enum nvf_status
{
	NVF_STATUS_NONE,
	NVF_STATUS_ACTUAL,
	NVF_STATUS_GUIDANCE,
	NVF_STATUS_FORECAST,
	NVF_STATUS_N_
} nvf_status;

/* An outlook: guidance or a forecast. */
static inline bool
nvf_status_is_outlook(nvf_status s)
{
	return s == NVF_STATUS_GUIDANCE || s == NVF_STATUS_FORECAST;
}

typedef enum nvf_basis
{
	NVF_BASIS_NONE,
	NVF_BASIS_GAAP,
	NVF_BASIS_NON_GAAP,
	NVF_BASIS_N_
} nvf_basis;

typedef enum nvf_approx
{
	NVF_APPROX_NONE,
	NVF_APPROX_ABOUT,
	NVF_APPROX_OVER,
	NVF_APPROX_UNDER,
	NVF_APPROX_UP_TO,
	NVF_APPROX_N_
} nvf_approx;

/* The units a metric's figures take (the metrics table's unit_family). */
typedef enum nvf_family
{
	NVF_FAMILY_MONEY,
	NVF_FAMILY_PERCENT,
	NVF_FAMILY_MONEY_OR_PERCENT,
	NVF_FAMILY_N_
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
	NVF_CUE_GUIDANCE,			/* the company's own outlook: 指引, 展望, 目标 */
	NVF_CUE_FORECAST,			/* someone else's: 分析师, 市场预期, 一致预期 */
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
	NVF_CUE_OTHER_METRIC,		/* 现金流, 积压订单, EBITDA: a measure outside the vocabulary */
	NVF_CUE_PARTNER,			/* 与, 得益于, 签订: the company after it is named in passing */
	NVF_CUE_APPOSITION,			/* 对手, 客户: 甲的对手乙 is about 乙 */
	NVF_CUE_CONTRAST,			/* 而, 但: what follows has its own status */
	NVF_CUE_SELF,				/* 该公司, 公司, 其: the subject itself */
	NVF_CUE_DECLARE,			/* 下同, 以...计: a currency declared for the rest */
	NVF_CUE_EXPECT,				/* 预计, 将: an outlook, the company's unless an analyst spoke */
	NVF_CUE_EXCLUDE,			/* 剔除, 不计: the part named after it is left out */
	NVF_CUE_BOTH,				/* 两者同为, 均为: the figure is every listed item's */
	NVF_CUE_MARKET,				/* 市场规模, 行业均价: a figure of a market, no company's */
	NVF_CUE_DONE,				/* 已, 录得: what follows is reported, not expected */
	NVF_CUE_FORMER,				/* 前者: the first of the two companies just named */
	NVF_CUE_LATTER,				/* 后者: the second of them */
	NVF_CUE_MODIFIER,			/* 相关, 旗下 right after a company: it only qualifies (OpenAI相关亏损) */
	NVF_CUE_MISS,				/* 低于预期, 不及预期: a surprise below the expectation */
	NVF_CUE_HK_USAGE,			/* 按年, 按季, 今季: Hong Kong or Malaysian usage, 上季 the quarter reported */
	NVF_CUE_DISPOSAL,			/* 推高, 拉升 after 将 and a noun: 将 marks the object (as 把), not the future */
	NVF_CUE_WORLD,				/* 全球, 全世界 opening a subject: 全球AI支出 is the world's */
	NVF_CUE_ORG_NOUN,			/* 公司, 基础设施 right after a part's word: it describes a company (这家AI芯片公司) or what money buys (云基础设施) */
	NVF_CUE_CAUSE,				/* 得益于, 受: the part named after it drove the figure, it is not its part */
	NVF_CUE_THIS_PART,			/* 该分部, 该业务: the part named before is the figure's (该分部经调整EBITA) */
	NVF_CUE_AUTHORIZED,			/* 授权, authorization: an amount allowed, not spent in a period (回购授权) */
	NVF_CUE_COUNT_
} nvf_cue;

/* What span of time a figure covers (FACTS.md period_kind). */
typedef enum nvf_period_kind
{
	NVF_PK_NONE,				/* no period (a level at a moment) or unknown */
	NVF_PK_QUARTER,
	NVF_PK_HALF,				/* 上半年, 中期; part 1 or 2 */
	NVF_PK_NINE_MONTHS,			/* 前三季度 */
	NVF_PK_YEAR,
	NVF_PK_MONTH,				/* a monthly report: part = calendar month */
	NVF_PK_YTD,					/* 1-4月累计: part = calendar month it ends in */
	NVF_PK_TTM,					/* 过去12个月 */
	NVF_PK_COUNT_
} nvf_period_kind;

/* The names SQL shows ([..._NONE] is NULL). */
extern const char *const nvf_unit_names[NVF_UNIT_N_];
extern const char *const nvf_measure_names[NVF_MEASURE_N_];
extern const char *const nvf_status_names[NVF_STATUS_N_];
extern const char *const nvf_basis_names[NVF_BASIS_N_];
extern const char *const nvf_approx_names[NVF_APPROX_N_];
extern const char *const nvf_family_names[NVF_FAMILY_N_];
extern const char *const nvf_cue_names[NVF_CUE_COUNT_];
extern const char *const nvf_period_kind_names[NVF_PK_COUNT_];

/* The value a name gives among n names, or -1 (the lexicon tables' texts). */
extern int	nvf_vocab_find(const char *const *names, int n, const char *name);

#endif							/* NVFACTS_VOCAB_H */
