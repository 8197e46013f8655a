/*
 * fact.c — from one sentence's quantities to facts: which metric (before
 * the figure in its clause, or right after it; never a neighbour's when a
 * measure outside the vocabulary is named), which entity (local to the
 * clause, carried when the subject is dropped, never a company named in
 * passing), segment, measure and sign, status, basis and period (the
 * figure's own, a comparison's base, or the article's); then 分别, slash
 * lists and tolerances (上下浮动) across the sentence.
 */
#include <stdint.h>
#include <string.h>

#include "extract_internal.h"

#define ATTACH_GAP 9			/* bytes between an entity and its metric (的 + a few) */
#define UNNAMED_MIN 3			/* Han characters of a company name the lexicon lacks */
#define UNNAMED_MAX 6
#define LATIN_NAME_MAX 24		/* bytes of one in capitalized Latin words (Astera Labs) */
#define WORLD_GAP 48			/* bytes from 全球 to its metric (全球服务器市场第二季度营收) */
#define AFTER_GAP 15			/* 110亿美元的收入: metric after the figure */
#define NEXT_FIGURE_GAP 9		/* 资本支出349亿美元, 盘后跌超11%: a metric's own figure */
#define LABEL_GAP 24
#define OWN_PART_LEAD 7			/* ，其中DS部门9.9万亿韩元: a part opening its clause (bytes from its mark) */
#define DESCRIPTOR_GAP 15		/* AI伺服器代工大廠廣達: a segment describing a company */			/* 智能云：309亿美元, Azure：同比增长40%: a segment labelling its figure */
#define HEADLESS_SCAN 4096		/* bytes a page without a company is read ahead for its owner */
#define VERB_GAP 12				/* 下降了 3个百分点: a direction word right before */
#define BASE_GAP 30				/* 较上一财季的 ... 29.11亿美元: a base after its period */
#define COMPARE_AFTER_GAP 30	/* up 154% from a year ago: a comparison after the figure */
#define MAX_MULTIPLE 100		/* a metric that grew more than 100-fold is a misreading */

#define CUE(k) (UINT64_C(1) << (k))
#define STATUS_CUES (CUE(NVF_CUE_GUIDANCE) | CUE(NVF_CUE_FORECAST) | CUE(NVF_CUE_EXPECT))

#define NOT_INHERITED (-2)

typedef struct attribution
{
	const doc_state *ds;
	const sentence *s;
	const nvf_quantity *q;
	int			clause;
	size_t		cstart;			/* start of q's clause */
	int			metric_m;		/* mention index of the metric, -1 none */
	int			metric;
	bool		metric_after;	/* 40%的收入 */
	size_t		metric_cstart;	/* start of the metric's clause */
	int			base;			/* period mention q is the base of (较上季的X), or -1 */
	nvf_measure prev_measure;	/* of the sentence's last fact of the same metric, or NONE */
	const nvf_fact *prev;		/* the sentence's last figure reported, or NULL */
	const nvf_fact *last;		/* its last figure, base and expectation ones too, or NULL */
	int			inherited_segment;	/* the segment of prev when its metric is taken (-1 none),
									 * else NOT_INHERITED */
	size_t		open;			/* open_bracket(): asked often, read once */
} attribution;

/* ---- mention search --------------------------------------------------- */

static bool
is_cue(const mention *m, nvf_cue cue)
{
	return nvf_term_is_cue(m->term, cue);
}

static size_t
clause_start(const sentence *s, int c)
{
	return c == 0 ? s->start : s->clause_end[c - 1];
}

static bool
kind_matches(const mention *m, nvf_term_kind kind, int cue)
{
	return kind == NVF_TERM_CUE ? is_cue(m, (nvf_cue) cue) : m->term->kind == kind;
}

/* Has the sentence a mention of kind (and cue, for cues) at all? */
static bool
sentence_has(const sentence *s, nvf_term_kind kind, int cue)
{
	return kind == NVF_TERM_CUE ? nvf_names_cue(s, (nvf_cue) cue) : (s->kinds & (1u << kind)) != 0;
}

/*
 * Mentions are disjoint and in text order: a search over [lo, hi) starts
 * at one end by binary search and stops at the other.
 */
static int
last_before(const sentence *s, size_t pos)
{
	return NVF_FIRST_FROM(s->m, s->nm, pos) - 1;
}

static int
first_at(const sentence *s, size_t pos)
{
	return NVF_FIRST_FROM(s->m, s->nm, pos);
}

/* What may stand between the items of a list (营收、毛利率和净利润, GAAP/非GAAP). */
static const char *const item_glue[] = {"、", "和", "与", "及", "以及", "或", ",", " ", "/", "的", NULL};

/* What joins two items and nothing else (甲和乙, A、B及C). */
static const char *const conjunctions[] = {"及", "和", "与", "以及", "、", NULL};

/* Last mention of kind (and cue, for cues) inside [lo, hi). */
static int
last_mention(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind, int cue)
{
	int			first;

	if (!sentence_has(s, kind, cue))
		return -1;
	first = NVF_FIRST_FROM(s->m, s->nm, lo);

	for (int i = NVF_FIRST_FROM(s->m, s->nm, hi) - 1; i >= first; i--)
		if (s->m[i].end <= hi && kind_matches(&s->m[i], kind, cue))
			return i;
	return -1;
}

/* Does the sentence name before pos (ended there) a period that passes test? */
bool
nvf_period_before(const sentence *s, size_t pos, bool (*test) (const nvf_period_mention *))
{
	for (int i = 0; i < s->np && s->p[i].end <= pos; i++)
		if (test(&s->p[i]))
			return true;
	return false;
}

int
nvf_first_mention(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind, int cue)
{
	if (!sentence_has(s, kind, cue))
		return -1;
	for (int i = NVF_FIRST_FROM(s->m, s->nm, lo); i < s->nm && s->m[i].start < hi; i++)
		if (s->m[i].end <= hi && kind_matches(&s->m[i], kind, cue))
			return i;
	return -1;
}

static bool
has_cue(const sentence *s, size_t lo, size_t hi, nvf_cue cue)
{
	return last_mention(s, lo, hi, NVF_TERM_CUE, cue) >= 0;
}

/* Only list glue (、 和 与 及 / spaces) between two byte offsets, and something? */
static bool
list_glue(const sentence *s, size_t a, size_t b)
{
	static const char *const glue[] = {"、", "和", "与", "及", "以及", ",", " ", "/", NULL};

	return b > a && nvf_only_fillers(s, a, b, glue);
}

/* ---- metric ----------------------------------------------------------- */

/* A product (a segment with a maker) named in [lo, hi), or -1. */
static int
product_in(const sentence *s, const nvf_lexicon *lex, size_t lo, size_t hi)
{
	for (int i = last_before(s, hi); i >= 0 && s->m[i].start >= lo; i--)
		if (s->m[i].end <= hi && s->m[i].term->kind == NVF_TERM_SEGMENT &&
			nvf_lexicon_segment(lex, s->m[i].term->id)->owner >= 0)
			return i;
	return -1;
}

static bool
metric_usable(const sentence *s, const nvf_lexicon *lex, const mention *m, size_t before)
{
	if (!(m->term->flags & NVF_TERM_NEEDS_SEGMENT))
		return true;
	return product_in(s, lex, s->start, before) >= 0;
}

/* A metric word, or a measure outside the vocabulary (which yields no fact). */
static bool
metric_like(const mention *m)
{
	return m->term->kind == NVF_TERM_METRIC || is_cue(m, NVF_CUE_OTHER_METRIC);
}

/*
 * 剔除这笔费用后是71%, 不计入一次性费用的净利润: the first metric after an
 * exclude word in its clause, before 后, is what is left out, not what the
 * figure is of.
 */
static bool
left_out(const sentence *s, int i)
{
	int			c = s->m[i].clause;

	for (int k = i - 1; k >= 0 && s->m[k].clause == c; k--)
	{
		if (metric_like(&s->m[k]))
			return false;
		if (is_cue(&s->m[k], NVF_CUE_EXCLUDE))
			return !nvf_text_between_has(s, s->m[k].end, s->m[i].start, "后");	/* 剔除这一影响后的毛利率 */
	}
	return false;
}

/* Is a metric left out in the figure's clause, before the figure? */
static bool
left_out_before(const attribution *a)
{
	const sentence *s = a->s;

	for (int i = last_before(s, a->q->start); i >= 0 && s->m[i].start >= a->cstart; i--)
		if (metric_like(&s->m[i]) && left_out(s, i))
			return true;
	return false;
}

/* (资本支出（含融资租赁）达349亿美元: a measure outside the vocabulary in an aside names no figure) */
static int
last_metric_like(const sentence *s, size_t lo, size_t hi)
{
	for (int i = last_before(s, hi); i >= 0 && s->m[i].start >= lo; i--)
		if (s->m[i].end <= hi && metric_like(&s->m[i]) && !left_out(s, i) &&
			!(is_cue(&s->m[i], NVF_CUE_OTHER_METRIC) && nvf_in_brackets(s, lo, s->m[i].start, hi)))
			return i;
	return -1;
}

/* Is pos inside brackets, (每股亏损0.22美元), within [lo, pos)? */
bool
nvf_in_brackets(const sentence *s, size_t lo, size_t pos, size_t hi)
{
	size_t		k = pos > lo ? nvf_after_last_bracket(s->t, lo, pos) : pos;

	if (k == lo || s->t[k - 1] != '(')
		return false;
	for (k = pos; k < hi && s->t[k] != ')' && s->t[k] != '('; k++)
		;
	return k < hi && s->t[k] == ')';
}

/*
 * 占总收入的36%: is metric mention i the whole a share is of (a share word
 * before it in its clause)?
 */
static bool
share_whole(const sentence *s, int i)
{
	size_t		end = s->clause_end[s->m[i].clause];

	for (int k = i - 1; k >= 0 && s->m[k].clause == s->m[i].clause; k--)
		if (is_cue(&s->m[k], NVF_CUE_SHARE))
			return nvf_quantity_in(s, s->m[i].end, end);	/* (its share after it) */
	return false;
}

static int	nearest_cue(const attribution *a, uint64_t mask);

/*
 * 同比增长74% after 占总收入的36%: a clause of growth, no share of its own —
 * the growth of the part, not of the whole its share was of (高于第三季度的23%
 * goes on with the share).
 */
static bool
growth_of_part(const attribution *a)
{
	return nearest_cue(a, CUE(NVF_CUE_SHARE)) < 0 &&
		nearest_cue(a, CUE(NVF_CUE_YOY) | CUE(NVF_CUE_QOQ) | CUE(NVF_CUE_UP) | CUE(NVF_CUE_DOWN)) >= 0;
}

/*
 * The metric named last in an earlier clause, not one in an aside's brackets,
 * nor, for a figure that is no share itself, the whole of a share (AI收入65亿
 * 美元，占总收入的36%，同比增长74%: AI收入's; 3纳米占晶圆营收的23%，5纳米占37%:
 * 晶圆营收's).
 */
static int
earlier_metric(const sentence *s, size_t hi, bool share)
{
	for (int i = last_before(s, hi); i >= 0; i--)
		if (s->m[i].end <= hi && metric_like(&s->m[i]) && !left_out(s, i) &&
			!nvf_in_brackets(s, s->start, s->m[i].start, hi) && (share || !share_whole(s, i)))
			return i;
	return -1;
}

/* 的 and spaces: what may join a figure to the noun it goes with (20%的收入). */
static const char *const de_fillers[] = {"的", " ", NULL};

/* Is [lo, hi) a 的 joining two words, spaces around it at most? */
static bool
joined_by_de(const sentence *s, size_t lo, size_t hi)
{
	return nvf_only_fillers(s, lo, hi, de_fillers) && nvf_text_between_has(s, lo, hi, "的");
}

/*
 * 8亿美元的库存及相关费用: of the nouns listed after a figure (a modifier
 * before each at most), the last says what it measures.
 */
static int
listed_last(const sentence *s, int i)
{
	for (int k = i + 1; k < s->nm;)
	{
		int			n = k;

		if (is_cue(&s->m[n], NVF_CUE_MODIFIER) && n + 1 < s->nm && s->m[n + 1].start == s->m[n].end)
			n++;
		if (!metric_like(&s->m[n]) || s->m[k].start <= s->m[i].end ||
			!nvf_only_fillers(s, s->m[i].end, s->m[k].start, conjunctions))
			break;
		i = n;
		k = n + 1;
	}
	return i;
}

/*
 * 135亿美元的净亏损, 20%的收入, 4美元/小时的租金, 七成以上的毛利率: a metric
 * right after the figure (的 between at most, after a price's per-unit or an
 * approximation word).
 */
static int
metric_right_after(const attribution *a)
{
	const sentence *s = a->s;
	size_t		k = a->q->tail + (nvf_unit_is_money(a->q->unit) ? nvf_per_unit_at(s->t, s->end, a->q->tail) : 0);
	int			i = first_at(s, k),
				next;

	if (i >= s->nm || s->m[i].start - k > AFTER_GAP)
		return -1;
	/* 20亿美元的数据中心收入, 31亿美元的相关投资损失: the segments of the metric (or a modifier) come between */
	for (int n = 0; n < 2 && i + 1 < s->nm &&
		 (s->m[i].term->kind == NVF_TERM_SEGMENT || is_cue(&s->m[i], NVF_CUE_MODIFIER)) &&
		 joined_by_de(s, k, s->m[i].start); n++)
		k = s->m[i++].end;
	if (!metric_like(&s->m[i]) || !nvf_only_fillers(s, k, s->m[i].start, de_fillers))
		return -1;
	/* 营收同比暴增2386% 净利润扭亏为盈, Azure增长40% 资本支出创新高: past a space, with no
	 * 的, a headline's next item (after a percentage, or a metric named before) */
	if (!nvf_text_between_has(s, k, s->m[i].start, "的") && k < s->m[i].start &&
		(a->q->unit == NVF_UNIT_PERCENT || last_metric_like(s, a->cstart, a->q->start) >= 0))
		return -1;
	i = listed_last(s, i);
	/* Azure增速40%　资本支出349亿美元: a metric with a figure of its own is that figure's */
	next = NVF_FIRST_FROM(s->q, s->nq, s->m[i].end);
	if (next < s->nq && s->q[next].start - s->m[i].end <= NEXT_FIGURE_GAP &&
		!nvf_text_between_has(s, s->m[i].end, s->q[next].start, ","))
		return -1;
	return i;
}

/* 超过250%的增长, 5%的降幅: +1 or -1 for a growth noun right after the figure, else 0. */
static int
growth_after(const attribution *a)
{
	const sentence *s = a->s;
	int			i = first_at(s, a->q->tail);

	if (i >= s->nm || s->m[i].start - a->q->tail > AFTER_GAP || !joined_by_de(s, a->q->tail, s->m[i].start))
		return 0;
	if (is_cue(&s->m[i], NVF_CUE_UP) || is_cue(&s->m[i], NVF_CUE_UP_NOUN))
		return 1;
	return is_cue(&s->m[i], NVF_CUE_DOWN) || is_cue(&s->m[i], NVF_CUE_DOWN_NOUN) ? -1 : 0;
}

/*
 * 约3成的2奈米先进制程, 20亿美元的协议: a figure followed by 的 and a noun
 * that is no metric measures that noun (not a level or a move: 两成多的空间).
 */
static bool
share_of_other(const attribution *a)
{
	static const char *const kept[] = {"水平", "增长", "增速", "涨幅", "降幅", "规模", "高位", "新高",
	"速度", "幅度", "区间", "范围", "空间", NULL};
	const sentence *s = a->s;
	size_t		after = a->q->end;
	int			next = NVF_FIRST_FROM(s->q, s->nq, after),
				i;

	if (after + 3 > s->end || memcmp(s->t + after, "的", 3) != 0)
		return false;
	after += 3;
	if (next < s->nq && s->q[next].start == after)
		return false;			/* 37亿美元的三倍: another figure, no noun */
	if (growth_after(a) != 0)
		return false;			/* 73%的上涨空间: a move */
	if ((i = first_at(s, after)) < s->nm && s->m[i].start == after &&
		(s->m[i].term->cues & STATUS_CUES))
		return false;			/* 57%至59%的指引, 552亿美元的预期: the outlook itself */
	for (int k = 0; kept[k]; k++)
		if (after + strlen(kept[k]) <= s->end && memcmp(s->t + after, kept[k], strlen(kept[k])) == 0)
			return false;
	/* 40%的数据中心收入: a segment may come before the metric */
	for (i = first_at(s, after); i < s->nm && s->m[i].start - after <= 2 * AFTER_GAP; i++)
		if (metric_like(&s->m[i]))
			return is_cue(&s->m[i], NVF_CUE_OTHER_METRIC);
	return after < s->end && s->t[after] != ',' && s->t[after] != ' ';
}

/* A verb or noun of a move: 上涨, 跌, 涨幅, 跌幅, 涨跌幅. */
static bool
is_move(const mention *m)
{
	return is_cue(m, NVF_CUE_UP) || is_cue(m, NVF_CUE_DOWN) || is_cue(m, NVF_CUE_UP_NOUN) ||
		is_cue(m, NVF_CUE_DOWN_NOUN);
}

/* How far a word right before its figure may stand (an approximation between: 超过, 约). */
#define RIGHT_BEFORE_GAP 6

/* The mention right before the figure, in its clause, or -1. */
static int
right_before(const attribution *a)
{
	int			d = last_before(a->s, a->q->start);

	return d >= 0 && a->s->m[d].start >= a->cstart &&
		a->q->start - a->s->m[d].end <= RIGHT_BEFORE_GAP ? d : -1;
}

/*
 * 市值单日蒸发1460亿美元。本周累计下跌1.5%: a percentage move right after its
 * verb, in a sentence naming no metric, after a sentence about the market
 * value: the move of the share price.
 */
static bool
market_value_moved(const attribution *a)
{
	int			d = right_before(a);

	return a->q->unit == NVF_UNIT_PERCENT && a->ds->carry_metric == a->ds->metric.market_cap &&
		a->ds->carry_metric_age <= 1 && d >= 0 && is_move(&a->s->m[d]) &&
		nvf_first_mention(a->s, a->s->start, a->s->end, NVF_TERM_METRIC, 0) < 0;
}

/*
 * 微软跌2.92%, 英伟达周四下跌2%, 台积电在台北上市的股票周四…收涨1.5%, 微软周四的
 * 走势，重挫10%: a company, a move right before a percentage, and no metric
 * or segment word between them (in the figure's clause, or near in the one
 * before): the move of its share price.
 */
static bool
bare_move(const attribution *a)
{
	const sentence *s = a->s;
	int			d = last_before(s, a->q->start),
				c;
	size_t		gap_end = a->q->start;

	/* 英伟达、微软的周涨跌幅分别为-1.6%、1.9%: the move named before the list */
	if (d >= 1 && is_cue(&s->m[d], NVF_CUE_RESPECTIVELY) && s->m[d].clause == a->clause)
		gap_end = s->m[d--].start;
	if (a->q->unit != NVF_UNIT_PERCENT || d < 1 || s->m[d].start < a->cstart ||
		gap_end - s->m[d].end > RIGHT_BEFORE_GAP || !is_move(&s->m[d]))
		return false;
	c = s->m[d].clause;
	for (int e = d - 1; e >= 0 && s->m[e].clause >= c - 1 &&
		 (s->m[e].clause == c || s->m[d].start - s->m[e].end <= 40); e--)
	{
		nvf_term_kind k = s->m[e].term->kind;

		if (k == NVF_TERM_ENTITY)
			return true;
		/* 按年增长15%: a year-on-year growth is a company's figure, not its shares' */
		if (k == NVF_TERM_METRIC || k == NVF_TERM_SEGMENT ||
			is_cue(&s->m[e], NVF_CUE_YOY) || is_cue(&s->m[e], NVF_CUE_QOQ))
			return false;
	}
	return false;
}

/*
 * 研发费用为7.8亿元，占营业收入的17%: the metric right after 占 is the whole;
 * the share is of the part named before it in the sentence, if any.
 */
static int
share_part(const sentence *s, int i)
{
	int			c = last_mention(s, s->start, s->m[i].start, NVF_TERM_CUE, NVF_CUE_SHARE),
				part,
				q;

	if (c < 0 || s->m[i].start - s->m[c].end > 9)
		return i;
	/* 营业利润9.2万亿韩元 HBM占DRAM销售额比重77%: a part named after the figure before 占 is
	 * the share's part, a part of the whole */
	q = NVF_FIRST_FROM(s->q, s->nq, s->m[c].start) - 1;
	if (q >= 0 && nvf_first_mention(s, s->q[q].end, s->m[c].start, NVF_TERM_SEGMENT, 0) >= 0 &&
		last_metric_like(s, s->q[q].end, s->m[c].start) < 0)
		return i;
	part = last_metric_like(s, s->start, s->m[c].start);
	return part >= 0 ? part : i;
}

/*
 * 资本支出方面，当季投入达170亿元: a spending word (投入, 支出) is the
 * spending the sentence's topic (a metric word before 方面) names.
 */
static int
topic_metric(const sentence *s, const doc_state *ds, int i)
{
	static const char *const topic[] = {"方面", NULL};
	int			spending = ds->metric.spending;

	if (s->m[i].term->kind != NVF_TERM_METRIC || s->m[i].term->id != spending)
		return i;
	for (int k = i - 1; k >= 0; k--)
		if (s->m[k].term->kind == NVF_TERM_METRIC && s->m[k].clause < s->m[i].clause &&
			nvf_filler_at(s, s->m[k].end, s->end, topic) > 0 &&
			nvf_lexicon_metric(ds->lex, s->m[k].term->id)->family ==
			nvf_lexicon_metric(ds->lex, spending)->family)
			return k;
	return i;
}

static int	last_segment(const nvf_lexicon *lex, const sentence *s, size_t lo, size_t hi);

static const char *const segment_glue[] = {"或", "、", "和", "与", " ", "“", "”", "\"", NULL};

/* Is mention i a segment named together with the segment k before it? */
static bool
segment_joined(const sentence *s, int k, int i)
{
	return k >= 0 && s->m[k].term->kind == NVF_TERM_SEGMENT &&
		s->m[i].term->kind == NVF_TERM_SEGMENT &&
		nvf_only_fillers(s, s->m[k].end, s->m[i].start, segment_glue);
}

/* Where the figure's label begins: its clause, or the one before when that ends in a colon (智能云：). */
/*
 * Where the words of the figure's metric begin: its clause, but after any
 * figure that comes before the metric word (Azure增速40%　资本支出349亿美元:
 * Azure is the 40%'s).
 */
static size_t
after_figure_before(const attribution *a)
{
	const sentence *s = a->s;
	size_t		m;
	int			q;

	if (a->metric_m < 0 || a->metric_after)
		return a->metric_cstart;
	m = s->m[a->metric_m].start;
	q = NVF_FIRST_FROM(s->q, s->nq, m) - 1;
	return q >= 0 && s->q[q].end > a->metric_cstart ? s->q[q].end : a->metric_cstart;
}

static size_t
label_start(const attribution *a)
{
	const sentence *s = a->s;

	size_t		c = a->cstart;

	while (c > s->start && s->t[c - 1] == ' ')
		c--;
	/* (the colon ends the clause before, or opens this one: either way it labels it) */
	if (a->clause > 0 && ((c > s->start && s->t[c - 1] == ':') || s->t[a->cstart] == ':'))
		return clause_start(s, a->clause - 1);
	return a->cstart;
}

/*
 * Bytes in [lo, hi) outside brackets and block words: 搜索与新闻广告（不含
 * 流量获取成本）：同比增长16% is a label's 12, so is Azure在固定汇率下同比增长37%.
 */
static size_t
label_gap(const sentence *s, size_t lo, size_t hi)
{
	size_t		n = 0;
	int			depth = 0,
				b = 0;

	for (size_t k = lo; k < hi; k++)
	{
		while (b < s->nquiet && s->quiet[b].end <= k)
			b++;
		if (b < s->nquiet && s->quiet[b].start <= k)
			continue;
		if (s->t[k] == '(')
			depth++;
		else if (s->t[k] == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			n++;
	}
	return n;
}

/*
 * A segment named for a figure no metric word names: an expense line's
 * metric (研发仍是最大支出，…消耗了67亿美元: operating expenses), else, when it
 * labels the figure (· 智能云：309亿美元, Azure：同比增长40%) or has a share
 * (12英寸产品占比77%), revenue — not for a product's few thousand dollars,
 * which are its price.  -1 if none.
 */
static int
segment_metric(const attribution *a, const doc_state *ds)
{
	const sentence *s = a->s;
	int			i = last_segment(ds->lex, s, clause_start(s, a->clause > 0 ? a->clause - 1 : 0),
								 a->q->start);
	const nvf_segment *seg;
	size_t		end;

	if (i < 0)
		return -1;
	seg = nvf_lexicon_segment(ds->lex, s->m[i].term->id);
	if (seg->metric >= 0)
		return seg->metric;
	/* 12英寸晶圆占比由74.8%升到75.6%: its share of revenue */
	if (has_cue(s, s->m[i].end, a->q->start, NVF_CUE_SHARE))
		return ds->metric.revenue;
	/* 云服务器市场规模将达到…: two segments named together label it from the second */
	end = i + 1 < s->nm && s->m[i + 1].end <= a->q->start && segment_joined(s, i, i + 1) ?
		s->m[i + 1].end : s->m[i].end;
	if (s->m[i].start < label_start(a) || label_gap(s, end, a->q->start) > LABEL_GAP ||
		(seg->product && nvf_unit_is_money(a->q->unit) && nvf_dec_cmp(a->q->value, nvf_dec_make(1, 7)) < 0))
		return -1;
	return ds->metric.revenue;
}

/*
 * 目标价(韩元): 380,000.00: a figure whose unit a bracket declared is the
 * metric's that labels the bracket, right before it; -1 if none does.
 */
static int
declared_label(const attribution *a)
{
	const sentence *s = a->s;
	size_t		k = a->q->start,
				lo = label_start(a);	/* 目标价(美元): 210.00 — the colon ends the label's clause */
	int			i;

	while (k > lo && s->t[k - 1] != '(')
		k--;
	if (k == lo)
		return -1;
	for (k--; k > lo && s->t[k - 1] == ' '; k--)
		;
	i = last_before(s, k);
	return i >= 0 && s->m[i].end == k && metric_like(&s->m[i]) ? i : -1;
}

static int	direction(const attribution *a, bool *adjacent, bool *to_level);

/*
 * 毛利率73%，而一季度因那笔费用一度掉到61%: a percentage an amount fell to is
 * no amount's; it is the level of the ratio named before it in the sentence.
 * The mention to take instead of metric mention i, or i.
 */
static int
ratio_fallen_to(const attribution *a, int i)
{
	const sentence *s = a->s;
	bool		adjacent,
				to_level;

	if (a->q->unit != NVF_UNIT_PERCENT || s->m[i].term->kind != NVF_TERM_METRIC ||
		nvf_lexicon_metric(a->ds->lex, s->m[i].term->id)->family != NVF_FAMILY_MONEY ||
		direction(a, &adjacent, &to_level) != 0 || !to_level)
		return i;
	for (int k = i - 1; k >= 0; k--)
		if (s->m[k].term->kind == NVF_TERM_METRIC && !left_out(s, k) &&
			nvf_lexicon_metric(a->ds->lex, s->m[k].term->id)->family == NVF_FAMILY_PERCENT)
			return k;
	return i;
}

/* The sentence's figure before names the metric, and the segment, of this one. */
static void
take_prev_metric(attribution *a)
{
	a->metric = a->prev->metric;
	a->inherited_segment = a->prev->segment;
}

/* 损失 (a loss metric's word) right before the figure, an approximation between at most (损失80亿美元收入). */
static bool
lost_before(const attribution *a)
{
	int			d = right_before(a);

	return d >= 0 && a->s->m[d].term->kind == NVF_TERM_METRIC && a->s->m[d].term->id == a->ds->metric.loss;
}

/* A money figure quoted right after 报 (谷歌A涨1.5%，报323.4美元), the figure before it a share price's move. */
static bool
quoted_after_move(const attribution *a)
{
	const sentence *s = a->s;

	return a->prev && a->prev->metric == a->ds->metric.share_price &&
		nvf_unit_is_money(a->q->unit) && a->q->start >= a->cstart + 3 &&
		memcmp(s->t + a->q->start - 3, "报", 3) == 0;
}

/* Outlook words that may stand between a list and its 分别 (营收和毛利率的市场预期分别为). */
static bool
outlook_word(const mention *m)
{
	return is_cue(m, NVF_CUE_FORECAST) || is_cue(m, NVF_CUE_GUIDANCE) || is_cue(m, NVF_CUE_EXPECT);
}

/* Only glue and outlook words from a list's end to its 分别 (mention r)? */
static bool
list_reaches(const sentence *s, size_t end, int r)
{
	for (int k = first_at(s, end); k < r; k++)
	{
		if (!outlook_word(&s->m[k]) || !nvf_only_glue(s, end, s->m[k].start, item_glue))
			return false;
		end = s->m[k].end;
	}
	return nvf_only_glue(s, end, s->m[r].start, item_glue);
}

/* Items of one kind listed before a 分别 (entities, metrics, segments, bases, years). */
typedef struct item_list
{
	int			id[NVF_NAMED_MAX];
	int			n;
} item_list;

#define ITEM_BASIS 3
#define ITEM_YEAR 4
#define ITEM_SLOTS 5

static bool list_as_long(const sentence *s, int r, int nfig, item_list *items);
static void named_one_by_one(const sentence *s, size_t lo, size_t hi, int nfig, nvf_term_kind kind,
							 item_list *l);
static int	pick(const item_list *l, int n, int k);

/*
 * 营收X，毛利率Y，此前市场预期分别为A和B: with no list before 分别 as long as
 * the nfig figures after it, the k-th is of the k-th of the metrics named one
 * by one (as respectively() gives it later: here an amount is not first lost
 * to the ratio named last); the mention, or -1.
 */
static int
metric_one_by_one(const sentence *s, int r, int nfig, int k)
{
	item_list	items[ITEM_SLOTS] = {{{0}, 0}},
				named = {{0}, 0};
	int			id;

	if (list_as_long(s, r, nfig, items))
		return -1;
	named_one_by_one(s, s->start, s->m[r].start, nfig, NVF_TERM_METRIC, &named);
	id = pick(&named, nfig, k);
	for (int i = r - 1; id >= 0 && i >= 0; i--)
		if (s->m[i].term->kind == NVF_TERM_METRIC && s->m[i].term->id == id)
			return i;
	return -1;
}

/*
 * 毛利率、营业利润率和净利率分别为59.5%、50.6%和45.7%: the k-th figure after
 * 分别 is of the k-th metric word of the list right before it, a measure
 * outside the vocabulary keeping its place (its figure gives no row, and the
 * others' are not lost to it); -1 when the figure is in no list as long.
 */
static int
listed_metric(const attribution *a)
{
	const sentence *s = a->s;
	int			r = last_mention(s, a->cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_RESPECTIVELY),
				list[8],
				n = 0,
				k = 0,
				nfig = 0;
	size_t		end = 0;

	if (r < 0)
		return -1;
	for (int i = first_at(s, s->start); i < r; i++)
	{
		if (!metric_like(&s->m[i]))
			continue;
		if (n && !nvf_only_glue(s, end, s->m[i].start, item_glue))
			n = 0;				/* only the last list */
		if (n < 8)
			list[n++] = i;
		end = s->m[i].end;
	}
	for (int j = NVF_FIRST_FROM(s->q, s->nq, s->m[r].end);
		 j < s->nq && s->q[j].start < s->clause_end[s->m[r].clause]; j++, nfig++)
		k += s->q[j].start < a->q->start;
	if (n >= 2 && nfig == n && list_reaches(s, end, r))
		return list[k];
	return metric_one_by_one(s, r, nfig, k);
}

/*
 * 回购和股息…243亿美元, 资本开支与研发支出合计X: one sum of money after two
 * metrics joined (no 分别, no 均为) is their total, no one metric's.
 */
static bool
summed_pair(const attribution *a, int i)
{
	const sentence *s = a->s;

	return i > 0 && nvf_unit_is_money(a->q->unit) && s->m[i].term->kind == NVF_TERM_METRIC &&
		s->m[i - 1].term->kind == NVF_TERM_METRIC && s->m[i - 1].term->id != s->m[i].term->id &&
		s->m[i - 1].end < s->m[i].start && nvf_only_fillers(s, s->m[i - 1].end, s->m[i].start, conjunctions) &&
		!has_cue(s, s->m[i].end, a->q->start, NVF_CUE_RESPECTIVELY) &&
		!has_cue(s, s->m[i].end, a->q->start, NVF_CUE_BOTH);
}

/* The metric mention for the quantity, searched outward from it. */
static bool
find_metric(attribution *a, doc_state *ds)
{
	const sentence *s = a->s;
	int			i = metric_right_after(a);

	if (a->q->flags & NVF_Q_DECLARED)
	{
		if ((i = declared_label(a)) < 0 || is_cue(&s->m[i], NVF_CUE_OTHER_METRIC) ||
			!metric_usable(s, ds->lex, &s->m[i], a->q->start))
			return false;
		a->metric_cstart = a->cstart;
		a->metric_m = i;
		a->metric = s->m[i].term->id;
		return true;
	}

	a->metric_cstart = a->cstart;
	if (i >= 0 && bare_move(a))
		i = -1;					/* Meta重挫逾11%，市值蒸发…: the move is the share price's */
	/* a metric after the figure may have its product between (4美元的GPU价格); one that has none
	 * leaves the figure to the metric before it (计提约8亿美元费用), or to none */
	if (i >= 0 && !metric_usable(s, ds->lex, &s->m[i], s->m[i].start))
	{
		if (last_metric_like(s, a->cstart, a->q->start) < 0)
			return false;
		i = -1;
	}
	if (i >= 0 && s->m[i].term->kind == NVF_TERM_METRIC && s->m[i].term->id == ds->metric.revenue &&
		lost_before(a))
		i = last_before(s, a->q->start);	/* 将损失80亿美元收入: revenue lost is a loss */
	else if (i >= 0)
		a->metric_after = true;
	else if ((i = listed_metric(a)) < 0 && (i = last_metric_like(s, a->cstart, a->q->start)) >= 0 &&
			 summed_pair(a, i))
		return false;			/* 通过回购和股息返还243亿美元: the two together, neither's */
	if (i >= 0 && !a->metric_after)
		i = topic_metric(s, ds, share_part(s, i));
	if (i < 0 && share_of_other(a))
		return false;			/* 约3成的先进制程: a share of something not a metric */
	/* 剔除这笔费用后是71.3%: what is left without a part is of the figure before */
	if (i < 0 && a->prev && left_out_before(a))
	{
		take_prev_metric(a);
		return true;
	}
	if (i < 0 && quoted_after_move(a))
	{
		take_prev_metric(a);	/* 谷歌涨1.5%，报323.4美元: its price, not the 市值 before */
		return true;
	}
	if (i < 0 && (i = earlier_metric(s, a->cstart, !growth_of_part(a))) >= 0)
		a->metric_cstart = clause_start(s, s->m[i].clause);
	if (i >= 0 && !a->metric_after && (i = ratio_fallen_to(a, i)) >= 0)
		a->metric_cstart = clause_start(s, s->m[i].clause);
	if (i >= 0 && (is_cue(&s->m[i], NVF_CUE_OTHER_METRIC) ||
				   (!a->metric_after && !metric_usable(s, ds->lex, &s->m[i], a->q->start))))
		return false;
	a->metric_m = i;
	if (i < 0 && (bare_move(a) || market_value_moved(a)))
		a->metric = ds->metric.share_price;
	else
		a->metric = i >= 0 ? s->m[i].term->id : (ds->carry_metric_age <= 1 ? ds->carry_metric : -1);
	if (a->metric < 0)
		a->metric = segment_metric(a, ds);
	/* 智能云：309亿美元，同比增长28%: the sentence's figure before names it */
	if (a->metric < 0 && a->prev && i < 0)
		take_prev_metric(a);
	if (i < 0)
		a->metric_cstart = s->start;
	return a->metric >= 0;
}

/* ---- entity ----------------------------------------------------------- */

/*
 * 微软对OpenAI的投资, 英伟达对英特尔投资50亿美元: a company right after 对 is
 * what another company of its clause, named before, acts on.
 */
static bool
object_of_dui(const sentence *s, int i)
{
	if (s->m[i].start < s->start + 3 || memcmp(s->t + s->m[i].start - 3, "对", 3) != 0)
		return false;
	for (int k = i - 1; k >= 0 && s->m[k].clause == s->m[i].clause; k--)
		if (s->m[k].term->kind == NVF_TERM_ENTITY)
			return true;
	return false;
}

/*
 * A company named in passing: right after a partner word (与OpenAI达成,
 * 得益于Meta), listed after one that is, named before an apposition
 * (甲的对手乙: the sentence is about 乙), or acted on (object_of_dui).
 */
bool
nvf_in_passing(const sentence *s, int i)
{
	static const char *const fillers[] = {"的", "最强", "最大", "主要", "头号", " ", NULL};

	for (int k = i - 1; k >= 0 && s->m[i].start - s->m[k].end <= 3; k--)
	{
		if ((is_cue(&s->m[k], NVF_CUE_PARTNER) || is_cue(&s->m[k], NVF_CUE_EXCLUDE)) &&
			s->m[k].end <= s->m[i].start)
			return true;
		if (s->m[k].term->kind == NVF_TERM_ENTITY &&
			list_glue(s, s->m[k].end, s->m[i].start))
			return nvf_in_passing(s, k);
	}
	/* OpenAI相关亏损, 马斯克旗下的xAI: a company that only qualifies a word */
	if (i + 1 < s->nm && is_cue(&s->m[i + 1], NVF_CUE_MODIFIER) && s->m[i + 1].start == s->m[i].end)
		return true;
	if (object_of_dui(s, i))
		return true;
	for (int k = i + 1; k + 1 < s->nm && k <= i + 2; k++)
		if (is_cue(&s->m[k], NVF_CUE_APPOSITION) &&
			nvf_only_fillers(s, s->m[i].end, s->m[k].start, fillers) &&
			s->m[k + 1].term->kind == NVF_TERM_ENTITY && s->m[k + 1].start - s->m[k].end <= 3)
			return true;
	return false;
}

/* Are the mentions after i and before hi all cue words (台积电同期54%)? */
static bool
only_cues_after(const sentence *s, int i, size_t hi)
{
	for (int k = i + 1; k < s->nm && s->m[k].start < hi; k++)
		if (s->m[k].term->kind != NVF_TERM_CUE)
			return false;
	return true;
}

/*
 * 英伟达周跌1.6% 谷歌周涨6.8%: a headline's items apart by a space, a figure
 * then a company: where the last item in [lo, hi) starts.
 */
static size_t
last_item_start(const sentence *s, size_t lo, size_t hi)
{
	for (int k = NVF_FIRST_FROM(s->q, s->nq, lo); k < s->nq && s->q[k].end < hi; k++)
	{
		size_t		e = s->q[k].end;
		int			i;

		while (e < hi && s->t[e] == ' ')
			e++;
		if (e == s->q[k].end || e >= hi)
			continue;
		i = first_at(s, e);
		if (i < s->nm && s->m[i].start == e && s->m[i].term->kind == NVF_TERM_ENTITY)
			lo = e;
	}
	return lo;
}

/* The entity named in [lo, hi): a list of them is a group. */
static int
entity_in(const attribution *a, size_t lo, size_t hi)
{
	const sentence *s = a->s;
	int			first = -1,
				last = -1;

	if (!sentence_has(s, NVF_TERM_ENTITY, 0))
		return ENTITY_NONE;
	lo = last_item_start(s, lo, hi);
	for (int i = NVF_FIRST_FROM(s->m, s->nm, lo); i < s->nm && s->m[i].start < hi; i++)
		if (s->m[i].end <= hi && s->m[i].term->kind == NVF_TERM_ENTITY && !nvf_in_passing(s, i))
		{
			first = first < 0 ? i : first;
			last = i;
		}
	if (first < 0)
		return ENTITY_NONE;
	/* the entity right before the metric owns it: 英伟达的对手AMD营收 */
	if (a->metric_m >= 0 && !a->metric_after)
	{
		const mention *mm = &s->m[a->metric_m];

		/* (not the last of a list: 微软、谷歌和Meta今年的资本支出合计 is theirs together) */
		for (int i = last; i >= first; i--)
			if (s->m[i].term->kind == NVF_TERM_ENTITY && s->m[i].end <= mm->start &&
				mm->start - s->m[i].end <= ATTACH_GAP)
				return i > first && s->m[i - 1].term->kind == NVF_TERM_ENTITY &&
					list_glue(s, s->m[i - 1].end, s->m[i].start) ? ENTITY_GROUP : s->m[i].term->id;
	}
	/* 超过了台积电同期54%的营业利润率: with its metric after it, a figure right
	 * after a company is that company's */
	if (a->metric_after && s->m[last].end <= a->q->start &&
		a->q->start - s->m[last].end <= ATTACH_GAP && only_cues_after(s, last, a->q->start))
		return s->m[last].term->id;
	for (int i = first + 1; i <= last; i++)
		if (s->m[i].term->kind == NVF_TERM_ENTITY && s->m[i].term->id != s->m[first].term->id &&
			list_glue(s, s->m[i - 1].end, s->m[i].start))
			return ENTITY_GROUP;
	if (has_cue(s, lo, s->m[first].start, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	return s->m[first].term->id;
}

/*
 * The owner of a segment named before the figure: the maker of a product
 * (H100 -> NVIDIA), or with products false, a company's own segment
 * (嵌入式 -> AMD); -1 if none.
 */
static int
product_owner(const attribution *a, const doc_state *ds, bool products)
{
	const sentence *s = a->s;

	for (int i = last_before(s, a->q->start); i >= 0; i--)
	{
		const nvf_segment *seg;

		if (s->m[i].end > a->q->start || s->m[i].term->kind != NVF_TERM_SEGMENT)
			continue;
		seg = nvf_lexicon_segment(ds->lex, s->m[i].term->id);
		if (seg->owner >= 0 && seg->product == products)
			return seg->owner;
	}
	return -1;
}

#define BRACKET_SPAN 120		/* the farthest a bracket holding a figure opens before it */

/* Just after the ( of the open bracket holding the figure, or 0 when none. */
static size_t
open_bracket(const attribution *a)
{
	const sentence *s = a->s;
	size_t		lo = a->q->start > a->cstart + BRACKET_SPAN ? a->q->start - BRACKET_SPAN : a->cstart,
				open;

	if (a->q->start <= lo)
		return 0;
	open = nvf_after_last_bracket(s->t, lo, a->q->start);
	return open > lo && s->t[open - 1] == '(' ? open : 0;
}

/* OpenAI(约3000亿美元): a figure in brackets right after a company is its own. */
static int
bracketed_owner(const attribution *a)
{
	const sentence *s = a->s;
	size_t		open = a->open;

	if (open == 0)
		return ENTITY_NONE;
	for (int i = last_before(s, open); i >= 0 && s->m[i].end >= open - 1; i--)
		if (s->m[i].end == open - 1 && s->m[i].term->kind == NVF_TERM_ENTITY)
			return s->m[i].term->id;
	return ENTITY_NONE;
}

/* 甲公司(今年盈利预估约80亿美元): a status word inside the bracket of the figure. */
static bool
cue_in_bracket(const attribution *a)
{
	const sentence *s = a->s;
	size_t		open = a->open;

	for (int i = first_at(s, open); open && i < s->nm && s->m[i].start < a->q->start; i++)
		if (s->m[i].end <= a->q->start &&
			(s->m[i].term->cues & STATUS_CUES))
			return true;
	return false;
}

/* Where the cues that set a figure's status begin: its sentence, after any 而/但. */
static size_t
status_scope(const sentence *s, size_t pos)
{
	int			c = last_mention(s, s->start, pos, NVF_TERM_CUE, NVF_CUE_CONTRAST);

	return c >= 0 ? s->m[c].end : s->start;
}

/* The last two different companies named before hi in the sentence (甲超过乙，后者…). */
static bool
last_two_named(const sentence *s, size_t hi, int pair[2])
{
	int			later = ENTITY_NONE;

	for (int i = last_before(s, hi); i >= 0; i--)
	{
		if (s->m[i].term->kind != NVF_TERM_ENTITY || s->m[i].end > hi)
			continue;
		if (later == ENTITY_NONE)
			later = s->m[i].term->id;
		else if (s->m[i].term->id != later)
		{
			pair[0] = s->m[i].term->id;
			pair[1] = later;
			return true;
		}
	}
	return false;
}

/* 前者/后者 before the figure in its sentence: the first or second of the last pair named. */
static int
former_latter(const attribution *a, const doc_state *ds)
{
	const sentence *s = a->s;

	size_t		lo = status_scope(s, a->q->start);

	for (int i = last_before(s, a->q->start); i >= 0 && s->m[i].start >= lo; i--)
		if (s->m[i].end <= a->q->start && (is_cue(&s->m[i], NVF_CUE_FORMER) || is_cue(&s->m[i], NVF_CUE_LATTER)))
		{
			int			pair[2] = {ds->pair[0], ds->pair[1]};

			/* 英伟达和AMD的收入分别为...，前者...: a pair named before it in its
			 * sentence, else two companies compared there, else a pair in the
			 * two sentences before; else no company */
			if (!nvf_entity_pair(s, s->m[i].start, pair) &&
				!last_two_named(s, s->m[i].start, pair) && ds->pair_age > 1)
				return ENTITY_NONE;
			return pair[is_cue(&s->m[i], NVF_CUE_LATTER) ? 1 : 0];
		}
	return ENTITY_NONE;
}

/*
 * 第三季度营收达92.5亿美元 … 客户端与游戏板块营收40亿美元: a page that names
 * no company before its figures is about the company whose own segment it
 * names first, unless it names a company before that.  Looked for once per
 * document, at its first figure that needs it, a few KB ahead of it.
 */
static int
headless_owner(doc_state *ds, const sentence *s, size_t pos)
{
	const nvf_text *t = &s->blk->text;
	size_t		end = t->len - pos > HEADLESS_SCAN ? pos + HEADLESS_SCAN : t->len;

	if (ds->headless_owner != HEADLESS_UNASKED)
		return ds->headless_owner;
	ds->headless_owner = ENTITY_NONE;
	while (pos < end)
	{
		const nvf_term *term = nvf_lexicon_match(ds->lex, t->s, end, pos);

		if (term && term->kind == NVF_TERM_ENTITY)
			break;
		if (term && term->kind == NVF_TERM_SEGMENT && nvf_lexicon_segment(ds->lex, term->id)->owner >= 0)
		{
			ds->headless_owner = nvf_lexicon_segment(ds->lex, term->id)->owner;
			break;
		}
		pos = term ? pos + term->len : nvf_char_boundary(t->s, end, pos + 1);
	}
	return ds->headless_owner;
}

/* Does mention k follow mention k - 1 with nothing between (英伟达预计, 预期其)? */
static bool
joined_to_previous(const sentence *s, int k)
{
	return k > 0 && s->m[k - 1].end == s->m[k].start;
}

/* Is mention k right before an analyst's word (一家券商, 某投行)? */
static bool
joined_to_next_forecast(const sentence *s, int k)
{
	return k + 1 < s->nm && joined_to_previous(s, k + 1) && is_cue(&s->m[k + 1], NVF_CUE_FORECAST);
}

/* An ASCII letter, either case. */
static bool
latin_letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Where the sentence's words begin (past its leading spaces). */
static size_t
sentence_opening(const sentence *s)
{
	size_t		i = s->start;

	while (i < s->end && s->t[i] == ' ')
		i++;
	return i;
}

/* t[i, end) is capitalized Latin words and single spaces: Astera Labs, SoundHound (a space may end it). */
static bool
latin_name(const char *t, size_t i, size_t end)
{
	bool		word_start = true;

	if (end - i < 2 || end - i > LATIN_NAME_MAX)
		return false;
	for (; i < end; i++)
	{
		char		c = t[i];

		if (c == ' ')
		{
			if (word_start)
				return false;	/* two spaces, or one first */
			word_start = true;
		}
		else if (word_start ? !(c >= 'A' && c <= 'Z') : !latin_letter(c))
			return false;
		else
			word_start = false;
	}
	return true;
}

/*
 * Palo Alto Networks盘后跌逾3%: capitalized Latin words of more than one word
 * no lexicon word covers, right before a word the lexicon knows (other than a
 * company's), open the sentence with an unknown company (not Melius Research
 * 给出…目标价: an analyst, speaking of the company followed).
 */
static bool
latin_names_first(const sentence *s, size_t i)
{
	size_t		j = i;
	int			m = first_at(s, i);

	while (j < s->end && (s->t[j] == ' ' || latin_letter(s->t[j])))
		j++;
	while (j > i && s->t[j - 1] == ' ')
		j--;
	return j < s->end && (unsigned char) s->t[j] >= 0x80 && memchr(s->t + i, ' ', j - i) &&
		latin_name(s->t, i, j) && m < s->nm && s->m[m].start == j &&
		s->m[m].term->kind != NVF_TERM_ENTITY;
}

/*
 * 深南电路第三季度营收为63亿元, Astera Labs第三季度营收: a sentence that opens
 * with Han characters or capitalized Latin words no lexicon word covers, then
 * a period right before a metric, opens with the name of a company the lexicon
 * does not know — unless those characters are an opening phrase (相比之下,
 * 对于) or name a business (手机业务).
 */
bool
nvf_unnamed_subject(const sentence *s)
{
	/* the last words of a business, or of an opening phrase (相比之下, 具体来看) */
	static const char *const not_name[] = {"业务", "部门", "板块", "事业部", "产品", "平台", "服务",
		"市场", "行业", "公司", "集团", "之下", "来看", "来说", "而言", "同时", "方面", "期间", "以来",
	"之后", "此外", "另外", "其中", "整体", "总体", "合计", "累计", "同期", "当期", NULL};
	/* the first words of an opening phrase (对于, 回看, 截至) */
	static const char *const opening[] = {"对于", "关于", "至于", "回看", "回顾", "相比", "与此", "其中",
	"此外", "另外", "同时", "截至", "截止", "随着", "由于", "受益", "得益", "今年", "去年", NULL};
	size_t		i = sentence_opening(s);
	int			p = NVF_FIRST_FROM(s->p, s->np, s->start),
				m,
				chars;

	if (latin_names_first(s, i))
		return true;
	if (p >= s->np || first_at(s, i) < first_at(s, s->p[p].start) ||
		(m = first_at(s, s->p[p].end)) >= s->nm || s->m[m].start != s->p[p].end ||
		s->m[m].term->kind != NVF_TERM_METRIC)
		return false;			/* (a word the lexicon knows first, or no period right before a metric) */
	if (latin_name(s->t, i, s->p[p].start))
		return true;
	chars = nvf_han_chars(s->t, i, s->p[p].start);
	return chars >= UNNAMED_MIN && chars <= UNNAMED_MAX &&
		nvf_word_before(s->t, s->p[p].start, not_name) == 0 && nvf_filler_at(s, i, s->end, opening) == 0 &&
		!nvf_text_between_has(s, i, s->p[p].start, "的");
}

/*
 * An organization the lexicon does not know named before the figure
 * (招商银行, 一家初创公司) — not a word that only introduces the kind of a
 * business the lexicon knows the owner of (另一家云厂商谷歌云: Alphabet's).
 */
static bool
unknown_org(const attribution *a, const doc_state *ds)
{
	const sentence *s = a->s;
	int			o = last_mention(s, s->start, a->q->start, NVF_TERM_CUE, NVF_CUE_OTHER_ORG);

	if (o < 0)
		return nvf_unnamed_subject(s);
	/* 一家券商预期…: an analyst speaks, of the company followed */
	if (joined_to_next_forecast(s, o))
		return false;
	/* the kind of business (云厂商: a segment of no owner), then the business named */
	for (int i = o + 1; i < s->nm && s->m[i].start == s->m[i - 1].end && s->m[i].end <= a->q->start &&
		 s->m[i].term->kind == NVF_TERM_SEGMENT; i++)
		if (nvf_lexicon_segment(ds->lex, s->m[i].term->id)->owner >= 0)
			return i == o + 1;
	return true;
}

/*
 * Does 全球 (a world cue) open the subject of the figure's metric?  After the
 * clause's start, a period (到2030年全球) or a forecasting word (预计全球); not
 * after 受, 随着 … (受全球需求推动营收增长: an adverbial, the subject is elsewhere).
 */
static bool
opens_subject(const sentence *s, int w, size_t lo)
{
	static const char *const before[] = {"年", "度", "季", "月", "到", "至", "在", "而", "且", "据", NULL};
	size_t		at = s->m[w].start;

	while (at > lo && (s->t[at - 1] == ' ' || s->t[at - 1] == ',' || s->t[at - 1] == ':'))
		at--;					/* (a clause starts at the mark that opens it) */
	return at == lo || nvf_word_before(s->t, at, before) > 0 ||
		(w > 0 && s->m[w - 1].end == at && is_cue(&s->m[w - 1], NVF_CUE_EXPECT));
}

/*
 * 全球AI基础设施支出将达3万亿美元, 全球服务器市场营收为950亿美元: a metric
 * whose subject opens with 全球 is the world's, even when a company forecasts it
 * (黄仁勋预计，到2030年全球…支出).  A company between them owns it (全球最大的
 * 芯片公司英伟达营收), one before a plain 全球 too (英伟达全球营收); a market
 * share is always some company's share of the world.
 */
static bool
world_subject(const attribution *a)
{
	const sentence *s = a->s;
	const mention *mm;

	if (a->metric_m < 0 || a->metric_after || !nvf_names_cue(s, NVF_CUE_WORLD) ||
		a->metric == a->ds->metric.market_share)
		return false;
	mm = &s->m[a->metric_m];
	for (int i = a->metric_m - 1; i >= 0 && s->m[i].start >= a->metric_cstart; i--)
	{
		const mention *m = &s->m[i];

		if (m->term->kind == NVF_TERM_ENTITY || is_cue(m, NVF_CUE_UP) || is_cue(m, NVF_CUE_DOWN) ||
			is_cue(m, NVF_CUE_DISPOSAL))
			return false;
		if (is_cue(m, NVF_CUE_WORLD))
			return mm->start - m->end <= WORLD_GAP && opens_subject(s, i, a->metric_cstart);
	}
	return false;
}

bool
nvf_names_market(const sentence *s, size_t lo, size_t hi)
{
	return has_cue(s, lo, hi, NVF_CUE_MARKET) || has_cue(s, lo, hi, NVF_CUE_WORLD);
}

/* Does the sentence open with 其中 (after spaces)? */
static bool
opens_with_among(const sentence *s)
{
	static const char *const among[] = {"其中", NULL};

	return nvf_filler_at(s, sentence_opening(s), s->end, among) > 0;
}

static int
find_entity(const attribution *a, doc_state *ds)
{
	const sentence *s = a->s;
	int			e = bracketed_owner(a),
				owner;
	bool		market;

	if (e == ENTITY_NONE && world_subject(a))
		return ENTITY_GROUP;
	if (e == ENTITY_NONE)
		e = former_latter(a, ds);
	if (e == ENTITY_NONE)
		e = entity_in(a, a->cstart, a->q->start);
	market = e == ENTITY_NONE && has_cue(s, a->cstart, a->q->start, NVF_CUE_MARKET);
	for (int c = a->clause - 1; e == ENTITY_NONE && c >= 0; c--)
		e = entity_in(a, clause_start(s, c), s->clause_end[c]);
	/* 苏姿丰表示，AI加速器市场规模到2027年将超过4000亿美元: a market's figure in a clause
	 * of its own is no company's, whoever spoke in the clause before */
	if (e != ENTITY_NONE)
		return market ? ENTITY_GROUP : e;
	/* 他们, 这些巨头 with no name in the sentence: several companies */
	if (has_cue(s, s->start, a->q->start, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	/* 全球服务器市场规模X。其中，GPU服务器营收…: a part of the market the sentence before gave */
	if (ds->market_figures && opens_with_among(s))
		return ENTITY_GROUP;
	/* 招商银行上半年营收...: a company the lexicon does not know */
	if (unknown_org(a, ds))
		return ENTITY_NONE;
	/* 行业均价, 市场规模: a market's figure is no company's */
	if (has_cue(s, s->start, s->end, NVF_CUE_MARKET))
		return ENTITY_GROUP;
	/* the maker of a product named (H100 -> NVIDIA), else the company followed,
	 * else the company whose own segment is named (嵌入式 -> AMD) */
	if ((owner = product_owner(a, ds, true)) >= 0)
		return owner;
	/* 公司… in a paragraph that has named no company: the article's own (the one with
	 * the most figures so far, else the first named), not the one the paragraph before
	 * turned to (…超过三星——后者…。\n\n公司在财报中称…) */
	if (ds->carry_entity != ENTITY_NONE && ds->carry_paragraph != ds->paragraph &&
		ds->first_entity >= 0 && has_cue(s, s->start, a->q->start, NVF_CUE_SELF))
		return ds->lead_entity >= 0 ? ds->lead_entity : ds->first_entity;
	if (ds->carry_entity != ENTITY_NONE)
		return ds->carry_entity;
	if ((owner = product_owner(a, ds, false)) >= 0)
		return owner;
	if (!ds->named_any && (owner = headless_owner(ds, s, a->q->end)) >= 0)
		return owner;
	/* 一个剧减3570亿美元，一个暴增1760亿美元，说的是微软和Meta: named after, one each */
	e = entity_in(a, a->q->end, s->end);
	return e == ENTITY_GROUP ? ENTITY_NONE : e;
}

/* ---- segment, basis --------------------------------------------------- */

bool
nvf_quantity_in(const sentence *s, size_t lo, size_t hi)
{
	for (int i = 0; i < s->nq; i++)
		if (s->q[i].start >= lo && s->q[i].end <= hi)
			return true;
	return false;
}

/* 若剔除H20的影响: a part named after an exclusion word is not the figure's. */
static bool
excluded(const sentence *s, int i)
{
	int			c = s->m[i].clause;

	/* AI伺服器代工大廠廣達11月營收: a segment describing the company named right after */
	if (i + 1 < s->nm && s->m[i + 1].term->kind == NVF_TERM_ENTITY &&
		s->m[i + 1].start - s->m[i].end <= DESCRIPTOR_GAP &&
		!nvf_text_between_has(s, s->m[i].end, s->m[i + 1].start, ","))
		return true;
	/* 受惠…伺服器需求，收入增長18%: the demand for a product drives the figure, it is no part of it */
	if (s->m[i].end + strlen("需求") <= s->end &&
		memcmp(s->t + s->m[i].end, "需求", strlen("需求")) == 0)
		return true;
	return last_mention(s, c == 0 ? s->start : s->clause_end[c - 1], s->m[i].start, NVF_TERM_CUE,
						NVF_CUE_EXCLUDE) >= 0;
}

/*
 * The segment named last in [lo, hi); of two named together (Blackwell AI芯片,
 * “计算”或AI芯片, 云厂商谷歌云) the company's own, else the first — unless
 * written as one word (数据中心服务器, 中国AI芯片): then the second, its head.
 */
static bool
owned(const nvf_lexicon *lex, const mention *m)
{
	return nvf_lexicon_segment(lex, m->term->id)->owner >= 0;
}

/*
 * 得益于数据中心的强劲需求，营收…, 受美国出口限制影响，…: the first part named
 * after a cause word of its clause drove the figures of the clauses after it
 * (before hi); a later part is the head the cause qualifies (受益于数据中心的
 * 云业务，收入…: 云业务's).
 */
static bool
in_cause(const sentence *s, int i, size_t hi)
{
	if (!(s->cues & CUE(NVF_CUE_CAUSE)) || nvf_clause_of(s, hi) == s->m[i].clause)
		return false;
	for (int k = i - 1; k >= 0 && s->m[k].clause == s->m[i].clause; k--)
	{
		if (s->m[k].term->kind == NVF_TERM_SEGMENT)
			return false;
		if (is_cue(&s->m[k], NVF_CUE_CAUSE))
			return true;
	}
	return false;
}

/* 先进制程（7纳米及以下）: a part opening a bracket right after a part explains that one. */
static bool
explains_part_before(const sentence *s, int i)
{
	static const char *const open[] = {"(", " ", NULL};

	return i > 0 && s->m[i - 1].term->kind == NVF_TERM_SEGMENT &&
		memchr(s->t + s->m[i - 1].end, '(', s->m[i].start - s->m[i - 1].end) != NULL &&
		nvf_only_fillers(s, s->m[i - 1].end, s->m[i].start, open);
}

static int
last_segment(const nvf_lexicon *lex, const sentence *s, size_t lo, size_t hi)
{
	for (int i = last_before(s, hi); i >= 0 && s->m[i].start >= lo; i--)
	{
		if (s->m[i].end > hi || s->m[i].term->kind != NVF_TERM_SEGMENT ||
			excluded(s, i) || in_cause(s, i, hi) || explains_part_before(s, i))
			continue;
		/* the first of the two when it is the company's own, or when neither is and
		 * glue (或, 、, a space) stands between them */
		if (segment_joined(s, i - 1, i) && s->m[i - 1].start >= lo &&
			!has_cue(s, s->m[i - 1].end, hi, NVF_CUE_RESPECTIVELY) &&
			(owned(lex, &s->m[i - 1]) ||
			 (!owned(lex, &s->m[i]) && s->m[i - 1].end < s->m[i].start)))
			return i - 1;
		return i;
	}
	return -1;
}

/*
 * 营收570亿美元，数据中心营收512亿美元，毛利率73.6%: a part named after a figure
 * of the whole company (a figure before the part, no part named before that
 * figure) is one item of the company's list, not the topic of what follows —
 * unless 其中 makes it the head of a list of its own.
 */
static bool
item_of_company_list(const sentence *s, int part)
{
	int			q = NVF_FIRST_FROM(s->q, s->nq, s->start);

	return q < s->nq && s->q[q].end <= s->m[part].start &&
		nvf_first_mention(s, s->start, s->q[q].start, NVF_TERM_SEGMENT, 0) < 0 &&
		!nvf_text_between_has(s, clause_start(s, s->m[part].clause), s->m[part].start, "其中");
}

/* The figure's metric word comes before it, at lo (spaces between): not 存储业务营收, which a part outside the vocabulary opens. */
static bool
metric_opens_at(const attribution *a, size_t lo)
{
	static const char *const spaces[] = {" ", NULL};

	return a->metric_m >= 0 && !a->metric_after &&
		nvf_only_fillers(a->s, lo, a->s->m[a->metric_m].start, spaces);
}

/* the metric right after the clause's comma (a clause starts at its mark) */
static bool
opens_with_metric(const attribution *a)
{
	return a->metric_cstart == a->cstart && a->cstart != a->s->start && metric_opens_at(a, a->cstart + 1);
}

/*
 * 三星显示营收8.1万亿韩元，营业利润1.2万亿韩元: a clause that opens with
 * its metric goes on listing the figures of the part named before it, when
 * nothing between (no company, no other part, no 总) names another owner.
 */
static int
listed_part(const attribution *a)
{
	const sentence *s = a->s;
	int			i;

	if (!opens_with_metric(a))
		return -1;
	i = last_segment(a->ds->lex, s, s->start, a->cstart);
	if (i < 0 || !nvf_quantity_in(s, s->m[i].end, a->cstart) || item_of_company_list(s, i) ||
		nvf_first_mention(s, s->m[i].end, a->q->start, NVF_TERM_ENTITY, 0) >= 0 ||
		has_cue(s, s->m[i].end, a->q->start, NVF_CUE_TOTAL) ||
		has_cue(s, s->m[i].end, a->q->start, NVF_CUE_SELF))
		return -1;
	return i;
}

/*
 * 该分部经调整EBITA为36亿元，利润率约为9%: a clause that opens with its metric
 * goes on with the part a word standing for it (该分部) gave the figure before;
 * -1 if not.
 */
static int
listed_referred_part(const attribution *a)
{
	const sentence *s = a->s;
	int			c;

	if (!(s->cues & CUE(NVF_CUE_THIS_PART)) || !opens_with_metric(a) || !a->prev ||
		(c = last_mention(s, s->start, a->cstart, NVF_TERM_CUE, NVF_CUE_THIS_PART)) < 0 ||
		!nvf_quantity_in(s, s->m[c].end, a->cstart) ||
		nvf_first_mention(s, s->m[c].end, a->q->start, NVF_TERM_ENTITY, 0) >= 0)
		return -1;
	return a->prev->segment;
}

/*
 * DS部门营收33.1万亿韩元；营业利润7.0万亿韩元: a sentence after a ； that opens
 * with its metric, no company named before the figure, goes on with the part
 * the sentence before gave its figures of; -1 if not.
 */
static int
semicolon_listed_part(const attribution *a)
{
	const sentence *s = a->s;

	if (a->ds->semicolon_part < 0 || a->metric_cstart != s->start || !metric_opens_at(a, s->start) ||
		nvf_first_mention(s, s->start, a->q->start, NVF_TERM_ENTITY, 0) >= 0)
		return -1;
	return a->ds->semicolon_part;
}

/*
 * 代工业务经营亏损23亿美元，上年同期经营亏损58亿美元: a clause opening with a
 * period behind (上年同期, 上季度) and the metric of a part's figure before it
 * gives that part's comparative; -1 if it is not one.
 */
static int
compared_part(const attribution *a)
{
	static const char *const spaces[] = {" ", NULL};
	const sentence *s = a->s;
	int			p = NVF_FIRST_FROM(s->p, s->np, a->cstart),
				prev,
				i;

	if (a->metric_m < 0 || a->metric_after || a->metric_cstart != a->cstart || p >= s->np ||
		s->p[p].end > s->m[a->metric_m].start || !nvf_looks_back(&s->p[p]) ||
		!nvf_only_fillers(s, a->cstart + 1, s->p[p].start, spaces))
		return -1;
	for (prev = a->metric_m - 1; prev >= 0 && s->m[prev].end > a->cstart; prev--)
		;
	for (; prev >= 0; prev--)
		if (s->m[prev].term->kind == NVF_TERM_METRIC &&
			s->m[prev].term->id == s->m[a->metric_m].term->id)
			break;
	if (prev < 0)
		return -1;
	/* the part of its own clause, else the part its list goes on with (营收42亿美元，经营亏损23亿美元) */
	i = last_segment(a->ds->lex, s, clause_start(s, s->m[prev].clause), s->m[prev].start);
	if (i < 0 && (i = last_segment(a->ds->lex, s, s->start, s->m[prev].start)) >= 0 &&
		item_of_company_list(s, i))
		i = -1;
	if (i < 0 || nvf_first_mention(s, s->m[i].end, a->q->start, NVF_TERM_ENTITY, 0) >= 0)
		return -1;
	return i;
}

/*
 * The part that opens the figure's clause (其中DS部门9.9万亿韩元, 欧洲、中东及非洲区
 * (EMEA)则增长15%): the last part named from lo to the figure, when that part
 * is also named within OWN_PART_LEAD bytes of lo; else -1.
 */
static int
opening_part(const attribution *a, size_t lo)
{
	const sentence *s = a->s;
	int			own = last_segment(a->ds->lex, s, lo, a->q->start);

	if (own < 0)
		return -1;
	for (int i = first_at(s, lo); i <= own && s->m[i].start <= lo + OWN_PART_LEAD; i++)
		if (s->m[i].term->kind == NVF_TERM_SEGMENT && s->m[i].term->id == s->m[own].term->id)
			return own;
	return -1;
}

/*
 * H100的云端租用价格: a price (a metric word that needs a part) is of the
 * product named before it, not of a part that only qualifies it.
 */
static int
priced_product(const attribution *a, size_t lo, int i)
{
	const nvf_lexicon *lex = a->ds->lex;
	int			p;

	if (nvf_lexicon_segment(lex, a->s->m[i].term->id)->product)
		return i;
	for (p = i - 1; p >= 0 && a->s->m[p].start >= lo; p--)
		if (a->s->m[p].term->kind == NVF_TERM_SEGMENT &&
			nvf_lexicon_segment(lex, a->s->m[p].term->id)->product)
			return p;
	return i;
}

/*
 * 其中数据中心512亿美元、游戏43亿美元: where the figure's item of a list begins —
 * after the figure before it in its clause when a 、 follows that figure;
 * else 0 (the figure opens no item).
 */
static size_t
item_start(const attribution *a)
{
	const sentence *s = a->s;
	int			q = NVF_FIRST_FROM(s->q, s->nq, a->q->start) - 1;
	size_t		e;

	if (q < 0 || s->q[q].end <= a->cstart)
		return 0;
	e = s->q[q].end;
	return e + 3 <= a->q->start && memcmp(s->t + e, "、", 3) == 0 ? e + 3 : 0;
}

/*
 * 该分部经调整EBITA按年跌76%: a word standing for a part (该分部, 该业务) before
 * the figure, no part named between: the part named before it in the sentence,
 * else the first part of the paragraph's last sentence of parts' figures (not
 * 即时零售 of 中国电商集团…即时零售业务收入…。该分部…); NOT_INHERITED when
 * there is no such word.
 */
static int
referred_part(const attribution *a)
{
	const sentence *s = a->s;
	size_t		lo = a->metric_m >= 0 && !a->metric_after ? a->metric_cstart : a->cstart;
	int			c,
				i;

	if (!(s->cues & CUE(NVF_CUE_THIS_PART)) ||
		(c = last_mention(s, lo, a->q->start, NVF_TERM_CUE, NVF_CUE_THIS_PART)) < 0 ||
		last_segment(a->ds->lex, s, s->m[c].end, a->q->start) >= 0)
		return NOT_INHERITED;
	i = last_segment(a->ds->lex, s, s->start, s->m[c].start);
	return i >= 0 ? s->m[i].term->id : a->ds->topic_part;
}

/* 四个季度加总, 全年合计: a total word right after a period sums periods, not parts. */
static bool
sums_periods(const sentence *s, int tot)
{
	for (int i = 0; i < s->np && s->p[i].end <= s->m[tot].start; i++)
		if (s->p[i].end == s->m[tot].start)
			return true;
	return false;
}

/* 约70%至80%将用于先进制程: a share word right after a percentage (将, 会 between at most). */
static bool
share_after(const attribution *a)
{
	static const char *const fillers[] = {"将", "会", "拟", "计划", "主要", "以上", "左右", " ", NULL};
	const sentence *s = a->s;
	int			i = first_at(s, a->q->end);

	while (i < s->nm && is_cue(&s->m[i], NVF_CUE_EXPECT))
		i++;					/* (将 is a cue of its own) */
	return a->q->unit == NVF_UNIT_PERCENT && i < s->nm && is_cue(&s->m[i], NVF_CUE_SHARE) &&
		nvf_only_fillers(s, a->q->end, s->m[i].start, fillers);
}

/* 在DRAM销售额中的占比: the part at mention i, after 在 and closed by 中 right before the share cue c, is the whole. */
static bool
whole_of_share(const sentence *s, int i, int c)
{
	static const char *const inside[] = {"中的", "中", "里的", "内的", NULL};
	const char *after = s->t + s->m[i].end;

	return s->m[i].start >= s->start + 3 && memcmp(s->t + s->m[i].start - 3, "在", 3) == 0 &&
		nvf_ends_with_one_of(after, s->m[c].start - s->m[i].end, inside);
}

static int
find_segment(const attribution *a, bool share)
{
	const sentence *s = a->s;
	size_t		hi = a->q->start,
				lo,
				item;
	int			i,
				own,
				tot;

	/* 约70%将用于先进制程: the part it goes to follows the share word */
	if (share && share_after(a) &&
		(i = nvf_first_mention(s, a->q->end, s->clause_end[a->clause], NVF_TERM_SEGMENT, 0)) >= 0)
		return s->m[i].term->id;
	if (share)
	{
		/* the part whose share it is comes before 占 / 贡献, the first of its clause
		 * (Blackwell占数据中心收入的比例: not before 比例) */
		int			c = nvf_first_mention(s, a->cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_SHARE);

		if (c < 0)
			c = last_mention(s, s->start, a->q->start, NVF_TERM_CUE, NVF_CUE_SHARE);

		if (c >= 0)
			hi = s->m[c].start;
		i = last_segment(a->ds->lex, s, s->start, hi);
		/* HBM…，在DRAM销售额中的占比: the part 在…中 names is the whole, the share is of a part before */
		if (i >= 0 && c >= 0 && whole_of_share(s, i, c))
			i = last_segment(a->ds->lex, s, s->start, s->m[i].start - 3);
		if (i >= 0)
			return s->m[i].term->id;
		return a->metric_m < 0 ? a->ds->carry_segment : s->m[a->metric_m].term->segment;
	}
	if (a->metric_after && (i = last_segment(a->ds->lex, s, a->q->end, s->m[a->metric_m].start)) >= 0)
		return s->m[i].term->id;	/* 20亿美元的数据中心收入 */
	if ((i = referred_part(a)) != NOT_INHERITED)
		return i;
	if (a->metric_m >= 0 && !a->metric_after && a->metric_cstart != a->cstart)
		hi = s->m[a->metric_m].end;
	tot = last_mention(s, a->metric_cstart, hi, NVF_TERM_CUE, NVF_CUE_TOTAL);
	if (tot >= 0 && sums_periods(s, tot))
		tot = -1;
	lo = after_figure_before(a);
	/* 中国金龙指数收跌1.3%…台积电ADR亦下跌1.5%: a move of a price at a moment is of its own clause's part */
	if (!nvf_lexicon_metric(a->ds->lex, a->metric)->flow && a->q->unit == NVF_UNIT_PERCENT &&
		lo < a->cstart)
		lo = a->cstart;
	/* 中国区收入增长21%，北美市场增长16%: a clause naming its own part before its figure is that part's */
	if (a->metric_m >= 0 && !a->metric_after && a->metric_cstart < a->cstart &&
		(((item = item_start(a)) > 0 && (own = opening_part(a, item)) >= 0) ||
		 (own = opening_part(a, a->cstart > lo ? a->cstart : lo)) >= 0))
		return s->m[own].term->id;
	i = last_segment(a->ds->lex, s, lo, hi);
	if (i >= 0 && a->metric_m >= 0 && (s->m[a->metric_m].term->flags & NVF_TERM_NEEDS_SEGMENT))
		i = priced_product(a, lo, i);
	/* 游戏业务受...影响，营收为25亿美元: the topic clause names the segment */
	if (i < 0 && tot < 0 && a->metric_cstart > s->start)
	{
		int			c = nvf_clause_of(s, a->metric_cstart),
					m;

		i = last_segment(a->ds->lex, s, clause_start(s, c - 1), a->metric_cstart);
		m = i >= 0 ? nvf_first_mention(s, s->m[i].end, a->metric_cstart, NVF_TERM_METRIC, 0) : -1;
		/* a clause with its own figure, or another metric, is no topic (非存储业务依然亏损，亏损额…: the same is) */
		if (i >= 0 && ((m >= 0 && s->m[m].term->id != a->metric) ||
					   nvf_quantity_in(s, clause_start(s, c - 1), a->metric_cstart)))
			i = -1;
	}
	if (i < 0 && tot < 0)
		i = listed_part(a);
	if (i < 0 && tot < 0 && (own = listed_referred_part(a)) >= 0)
		return own;
	if (i < 0 && tot < 0 && (own = semicolon_listed_part(a)) >= 0)
		return own;
	if (i < 0 && tot < 0)
		i = compared_part(a);
	/* 费用, 成本: a word that needs a product takes the product named */
	if (i < 0 && a->metric_m >= 0 && (s->m[a->metric_m].term->flags & NVF_TERM_NEEDS_SEGMENT) &&
		(i = product_in(s, a->ds->lex, s->start, a->q->start)) < 0)
		i = last_segment(a->ds->lex, s, s->start, a->q->start);
	/* a metric carried from the figure or the sentence before carries its segment along */
	if (i < 0 && tot < 0 && a->metric_m < 0)
		return a->inherited_segment != NOT_INHERITED ? a->inherited_segment : a->ds->carry_segment;
	/* 营业利润率为12.4%，较上一季度提升3.6个百分点: a clause naming no metric goes on
	 * with the part of the figure before it of the same metric */
	if (i < 0 && tot < 0 && a->metric_m >= 0 && a->metric_cstart < a->cstart && a->prev &&
		a->prev->metric == a->metric && a->prev->segment >= 0)
		return a->prev->segment;
	/* 三星在DRAM市场的份额为32.7%，美光份额约22%: shares listed company by company are of one market */
	if (i < 0 && tot < 0 && a->metric == a->ds->metric.market_share && a->prev &&
		a->prev->metric == a->metric && a->prev->segment >= 0)
		return a->prev->segment;
	/* 研发费用: a metric word that names its part */
	if (i < 0 && a->metric_m >= 0 && s->m[a->metric_m].term->segment >= 0)
		return s->m[a->metric_m].term->segment;
	if (i < 0 || (tot >= 0 && s->m[tot].start > s->m[i].start))
		return -1;
	return s->m[i].term->id;
}

/*
 * 70.6%（GAAP）: the basis in brackets right after the figure ending at pos —
 * NVF_BASIS_NONE if there is none.
 */
static nvf_basis
bracket_basis(const sentence *s, size_t pos)
{
	int			i = first_at(s, pos + 1);

	if (pos >= s->end || s->t[pos] != '(' || i >= s->nm || s->m[i].start != pos + 1 ||
		s->m[i].end >= s->end || s->t[s->m[i].end] != ')')
		return NVF_BASIS_NONE;
	return is_cue(&s->m[i], NVF_CUE_NON_GAAP) ? NVF_BASIS_NON_GAAP :
		is_cue(&s->m[i], NVF_CUE_GAAP) ? NVF_BASIS_GAAP : NVF_BASIS_NONE;
}

/* Is the basis mention k bracketed right after a figure, and so that figure's? */
static bool
basis_of_figure(const sentence *s, int k)
{
	size_t		open = s->m[k].start - 1;
	int			i;

	if (s->m[k].start <= s->start || bracket_basis(s, open) == NVF_BASIS_NONE)
		return false;
	i = NVF_FIRST_FROM(s->q, s->nq, open) - 1;	/* the figure before the bracket */
	return i >= 0 && (s->q[i].tail == open || s->q[i].end == open);
}

/*
 * Does the basis mention k reach the figure of a? A basis compounded with a
 * metric word (非GAAP每股收益, Non-GAAP EPS) qualifies that metric only: a
 * figure of another metric word after it (…1.30美元，营收570亿美元) has no
 * basis from it, unless its word is derived from the first (对应EPS). A basis
 * standing alone (按非GAAP计算，GAAP口径下) reaches every figure after it.
 */
static bool
basis_reaches(const attribution *a, int k)
{
	const sentence *s = a->s;
	size_t		after = s->m[k].end;
	int			b;
	const mention *own;

	if (after < s->end && s->t[after] == ' ')
		after++;
	b = first_at(s, after);
	if (b >= s->nm || s->m[b].start != after || s->m[b].term->kind != NVF_TERM_METRIC ||
		a->metric_m < 0 || a->metric_m == b)
		return true;
	own = &s->m[a->metric_m];
	if (own->term->kind != NVF_TERM_METRIC || own->term->id == s->m[b].term->id ||
		own->start < s->m[b].end)
		return true;
	return own->start >= s->start + strlen("对应") &&
		memcmp(s->t + own->start - strlen("对应"), "对应", strlen("对应")) == 0;
}

/*
 * The basis bracketed right after the figure; else the one named last before
 * it in its sentence (not another figure's bracketed one) that reaches it;
 * else the metric word's own.
 */
static nvf_basis
find_basis(const attribution *a)
{
	const sentence *s = a->s;
	nvf_basis	own = bracket_basis(s, a->q->tail);
	int			g = last_mention(s, s->start, a->q->start, NVF_TERM_CUE, NVF_CUE_GAAP);
	int			n = last_mention(s, s->start, a->q->start, NVF_TERM_CUE, NVF_CUE_NON_GAAP);
	unsigned	flags = a->metric_m >= 0 ? s->m[a->metric_m].term->flags : 0;

	if (own != NVF_BASIS_NONE)
		return own;
	if (g >= 0 && (basis_of_figure(s, g) || !basis_reaches(a, g)))
		g = -1;
	if (n >= 0 && (basis_of_figure(s, n) || !basis_reaches(a, n)))
		n = -1;

	if (n >= 0 && (g < 0 || s->m[n].start > s->m[g].start))
		return NVF_BASIS_NON_GAAP;
	if (g >= 0)
		return NVF_BASIS_GAAP;
	return (flags & NVF_TERM_NON_GAAP) ? NVF_BASIS_NON_GAAP : (flags & NVF_TERM_GAAP) ? NVF_BASIS_GAAP : NVF_BASIS_NONE;
}

/* ---- periods: the figure's own, a comparison's base ------------------- */

static bool
year_only(const nvf_period_mention *p)
{
	return p->kind == NVF_PK_YEAR && !p->whole_year && p->year_form != NVF_YEAR_NONE;
}

/* yoy for a base a year back (去年同期, 2024年), qoq for a quarter or month before. */
static nvf_measure
comparison_of(const nvf_period_mention *p)
{
	if (p->same_period || year_only(p) ||
		(p->year_form == NVF_YEAR_RELATIVE && p->year < 0 && !p->relative_quarter))
		return NVF_MEASURE_YOY;
	if (p->kind == NVF_PK_QUARTER || p->kind == NVF_PK_MONTH)
		return NVF_MEASURE_QOQ;
	return NVF_MEASURE_YOY;
}

/*
 * 是2024年约37亿美元的三倍多, 约为2025年914亿美元的两倍: the figure between 是/为
 * and 的 N倍 is its period's base.
 */
static bool
multiple_base(const sentence *s, const nvf_period_mention *p, const nvf_quantity *q, size_t cstart)
{
	static const char *const copulas[] = {"是", "为", NULL};
	int			next = NVF_FIRST_FROM(s->q, s->nq, q->end);

	return p->start >= cstart + 3 && nvf_ends_with_one_of(s->t, p->start, copulas) &&
		q->end + 3 <= s->end && memcmp(s->t + q->end, "的", 3) == 0 &&
		next < s->nq && s->q[next].start == q->end + 3 && s->q[next].unit &&
		s->q[next].unit == NVF_UNIT_TIMES;
}

/* 约为FY2024全年475亿美元的2.4倍: p names the year of the base of a multiple (its clause's first figure). */
bool
nvf_names_multiple_base(const sentence *s, const nvf_period_mention *p)
{
	int			c = nvf_clause_of(s, p->start),
				q = NVF_FIRST_FROM(s->q, s->nq, p->end);

	return q < s->nq && s->q[q].end <= s->clause_end[c] &&
		multiple_base(s, p, &s->q[q], clause_start(s, c));
}

/*
 * 相较上个财季的41.2亿美元, 比第3季的7.1%, 上年同期调整后EPS是0.58美元,
 * 远超2025年(120-140亿美元)的两倍: the figure right after a comparison's
 * period (or in brackets right after it) is that period's own figure.
 */
static int
base_period(const attribution *a)
{
	static const char *const fillers[] = {"的", "为", "是", "达", "了", ":", " ", "约", "近", "逾",
	"超过", "接近", "高达", "仅", "(", NULL};
	const sentence *s = a->s;

	if (a->q->unit == NVF_UNIT_TIMES)
		return -1;				/* 是一年前的2.6倍: a multiple of the base, not its figure */
	for (int i = s->np - 1; i >= 0; i--)
	{
		const nvf_period_mention *p = &s->p[i];
		size_t		k = p->end;

		if (p->end > a->q->start || p->start < a->cstart)
			continue;
		if (!(p->comparison || multiple_base(s, p, a->q, a->cstart)) || a->q->start - p->end > BASE_GAP)
			return -1;
		/* between them only fillers and words naming what the figure is (2025年实际支出的) */
		for (int m = first_at(s, k); m < s->nm && k < a->q->start; m++)
		{
			if (s->m[m].start >= a->q->start)
				continue;
			if (!nvf_only_fillers(s, k, s->m[m].start, fillers) ||
				!(metric_like(&s->m[m]) || s->m[m].term->kind == NVF_TERM_SEGMENT ||
				  is_cue(&s->m[m], NVF_CUE_GAAP) || is_cue(&s->m[m], NVF_CUE_NON_GAAP) ||
				  is_cue(&s->m[m], NVF_CUE_DONE)))
				return -1;
			k = s->m[m].end;
		}
		return nvf_only_fillers(s, k, a->q->start, fillers) ? i : -1;
	}
	return -1;
}

/* ---- measure, sign, status -------------------------------------------- */

/* The nearest cue before the figure in its clause among the kinds in mask. */
static int
nearest_cue(const attribution *a, uint64_t mask)
{
	const sentence *s = a->s;

	if (!(s->cues & mask))
		return -1;
	for (int i = last_before(s, a->q->start); i >= 0 && s->m[i].start >= a->cstart; i--)
		if (s->m[i].end <= a->q->start &&
			(s->m[i].term->cues & mask))
			return i;
	return -1;
}

#define COMPARISON_CUES (CUE(NVF_CUE_YOY) | CUE(NVF_CUE_QOQ))
#define DIRECTION_CUES (CUE(NVF_CUE_UP) | CUE(NVF_CUE_DOWN) | CUE(NVF_CUE_UP_NOUN) | \
						CUE(NVF_CUE_DOWN_NOUN))

/* A high or low point named in [a, b): 较9月创下的历史高点 compares with it, not with 9月. */
static bool
landmark_between(const sentence *s, size_t a, size_t b)
{
	static const char *const words[] = {"高点", "低点", "峰值", "高位", "低位", "新高", "新低", NULL};

	for (int i = 0; words[i]; i++)
		if (nvf_text_between_has(s, a, b, words[i]))
			return true;
	return false;
}

/*
 * A comparison word (同比, year over year) right after the figure, before
 * after and the next figure; English words only when english (they are
 * longer, and farther from their figure), else any within AFTER_GAP.
 */
static int
comparison_after(const attribution *a, size_t after, bool english)
{
	const sentence *s = a->s;

	for (int i = first_at(s, a->q->end); i < s->nm && s->m[i].start < after; i++)
		if (s->m[i].end <= after && (english ? s->m[i].term->ascii
									 : s->m[i].term->ascii || s->m[i].start - a->q->end <= AFTER_GAP) &&
			(is_cue(&s->m[i], NVF_CUE_YOY) || is_cue(&s->m[i], NVF_CUE_QOQ)) &&
			!nvf_text_between_has(s, a->q->end, s->m[i].start, "、"))	/* 、较去年同期: the next item's */
			return i;
	return -1;
}

/* yoy or qoq from cues and comparison periods (较第三季度) around the figure. */
static nvf_measure
comparison_measure(const attribution *a)
{
	const sentence *s = a->s;
	int			i;
	size_t		after = a->q->end + COMPARE_AFTER_GAP < s->clause_end[a->clause]
		? a->q->end + COMPARE_AFTER_GAP : s->clause_end[a->clause];
	int			c = nearest_cue(a, COMPARISON_CUES),
				next = NVF_FIRST_FROM(s->q, s->nq, a->q->end);

	/* up 154% from a year ago, but not past the next figure */
	if (next < s->nq && s->q[next].start < after)
		after = s->q[next].start;

	/* rose 262% year over year: an English word after the figure is its own (up 6%
	 * sequentially and up 56% from a year ago), before a word ahead of it */
	if ((i = comparison_after(a, after, true)) >= 0)
		c = i;
	/* 同比增长262%, or after it */
	if (c < 0)
		c = comparison_after(a, after, false);
	if (c >= 0)
		return is_cue(&s->m[c], NVF_CUE_YOY) ? NVF_MEASURE_YOY : NVF_MEASURE_QOQ;
	for (int i = s->np - 1; i >= 0; i--)
	{
		const nvf_period_mention *p = &s->p[i];

		/* 较9月创下的历史高点…回落约35%: from a landmark, not a period before */
		if (p->comparison && p->end <= a->q->start && landmark_between(s, p->end, a->q->start))
			return NVF_MEASURE_NONE;
		/* 较第三季度 in the clause, or 较上年同期的X，增加Y% in the one before */
		if (p->comparison && p->end <= a->q->start &&
			(p->start >= a->cstart ||
			 (a->clause > 0 && p->start >= clause_start(s, a->clause - 1) && a->base < 0)))
			return comparison_of(p);
	}
	return NVF_MEASURE_NONE;
}


/* 至, 到 (and English " to " between words): after a direction word, what follows is the new level */
static const char *const to_words[] = {"至", "到", NULL};

/* 掉到, 升至, 跌破 (fell below): a direction word that says the new level itself */
static bool
to_verb(const mention *m)
{
	static const char *const through[] = {"破", "穿", NULL};

	return nvf_ends_with_one_of(m->term->text, m->term->len, to_words) ||
		nvf_ends_with_one_of(m->term->text, m->term->len, through);
}

/* 增长13%至700亿美元, rose 13% to $70 billion: a to-word in [lo, hi) */
static bool
to_between(const sentence *s, size_t lo, size_t hi)
{
	for (int i = 0; to_words[i]; i++)
		if (nvf_text_between_has(s, lo, hi, to_words[i]))
			return true;
	return nvf_text_between_has(s, lo, hi, " to ");
}

/*
 * The direction word nearest before the figure: -1 down, +1 up, 0 none or
 * a verb ending in 至/到 (回落到78%: the new level, not the change).
 */
static int
direction(const attribution *a, bool *adjacent, bool *to_level)
{
	const sentence *s = a->s;

	*adjacent = false;
	*to_level = false;
	for (int i = last_before(s, a->q->start); i >= 0 && s->m[i].start >= a->cstart; i--)
	{
		const mention *m = &s->m[i];

		if (m->end > a->q->start || !(m->term->cues & DIRECTION_CUES))
			continue;
		if (is_cue(m, NVF_CUE_UP_NOUN) || is_cue(m, NVF_CUE_DOWN_NOUN))
		{
			*adjacent = a->q->start - m->end <= VERB_GAP;	/* 涨幅已超过两倍 */
			return is_cue(m, NVF_CUE_DOWN_NOUN) ? -1 : 1;
		}
		if (to_between(s, m->end, a->q->start) || to_verb(m))
		{
			*to_level = true;	/* 回落到78%: the new level; a noun may still say more */
			continue;
		}
		if (*to_level)
			return 0;
		*adjacent = a->q->start - m->end <= VERB_GAP;
		return is_cue(m, NVF_CUE_DOWN) ? -1 : 1;
	}
	return 0;
}


/*
 * The direction verbs (增长, 上调; not the nouns 增速, 涨幅) in the figure's
 * clause before it: two, with a to-word (增长上调至, 上修…成长至), move a
 * growth rate, not an amount.
 */
static int
direction_verbs(const attribution *a)
{
	const sentence *s = a->s;
	int			n = 0;

	for (int i = first_at(s, a->cstart); i < s->nm && s->m[i].end <= a->q->start; i++)
		if ((s->m[i].term->cues & DIRECTION_CUES) && !is_cue(&s->m[i], NVF_CUE_UP_NOUN) &&
			!is_cue(&s->m[i], NVF_CUE_DOWN_NOUN))
			n++;
	return n;
}

/*
 * A surprise word, or a verb of comparison (高于, 超过, 不及), in [lo, hi): what
 * follows is set against an expectation.
 */
static bool
compared_with_expectation(const sentence *s, size_t lo, size_t hi)
{
	static const char *const verbs[] = {"高于", "低于", "超过", "超出", "好于", "优于", "胜过", "不及", "逊于", NULL};

	if (last_mention(s, lo, hi, NVF_TERM_CUE, NVF_CUE_SURPRISE) >= 0)
		return true;
	for (int i = 0; verbs[i]; i++)
		if (nvf_text_between_has(s, lo, hi, verbs[i]))
			return true;
	return false;
}

/*
 * 超出此前给出的540亿美元指引, 高于华尔街552亿美元的一致预期: a guidance or
 * forecast word right after a figure a surprise word (or 高于, 低于) comes
 * before names the expectation that figure is; the cue, or -1.
 */
static int
expectation_after(const attribution *a)
{
	const sentence *s = a->s;
	int			i = first_at(s, a->q->tail);

	if (i >= s->nm || !(s->m[i].term->cues & (CUE(NVF_CUE_GUIDANCE) | CUE(NVF_CUE_FORECAST))) ||
		!nvf_only_fillers(s, a->q->tail, s->m[i].start, de_fillers))
		return -1;
	return compared_with_expectation(s, a->cstart, a->q->start) ? i : -1;
}

/*
 * A money figure within a factor of two of the sentence's reported figure
 * before it: a beat or a miss is a small part of what it measures, so such
 * a figure is the expectation itself.
 */
static bool
as_large_as_reported(const attribution *a)
{
	double		x,
				y;

	if (!a->prev || a->prev->unit != a->q->unit || !nvf_unit_is_money(a->q->unit) ||
		!a->prev->value.ok || !a->q->value.ok)
		return false;
	x = nvf_dec_to_double(a->q->value);
	y = nvf_dec_to_double(a->prev->value);
	return y > 0 && x > y / 2 && x < y * 2;
}

/*
 * 分析师预期的0.84美元, 公司指引的67%, 市场预期 656.4 亿美元: a figure
 * right after an expectation word is that expectation (a level), the cue
 * index, or -1.
 */
static int
expectation_cue(const attribution *a)
{
	static const char *const fillers[] = {"的", "为", "是", "中位数", "均值", "平均", "值", " ", "(",
	")", "约", "近", "逾", "接近", NULL};
	static const char *const adjacent[] = {" ", "约", "近", "逾", "接近", NULL};
	int			c = expectation_after(a);

	if (c >= 0)
		return c;
	c = nearest_cue(a, STATUS_CUES | CUE(NVF_CUE_SURPRISE));

	if (c < 0 || !nvf_only_fillers(a->s, a->s->m[c].end, a->q->start, fillers))
		return -1;
	/* 超出预期的0.84美元: the expectation beaten; 低于市场预期391亿美元 after 390亿美元 too */
	if (is_cue(&a->s->m[c], NVF_CUE_SURPRISE))
		return nvf_only_fillers(a->s, a->s->m[c].end, a->q->start, adjacent) &&
			!as_large_as_reported(a) ? -1 : c;
	/* 超出指引21亿美元 is a beat by 21亿: after a surprise word, 预期的X only */
	if (nvf_only_fillers(a->s, a->s->m[c].end, a->q->start, adjacent) &&
		compared_with_expectation(a->s, a->cstart, a->s->m[c].start))
		return -1;
	return c;
}

/* 从37亿美元(增长至...): the starting point, -1 if none. */
static int
from_cue(const attribution *a)
{
	int			from = last_mention(a->s, a->cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_FROM);

	return from >= 0 && a->q->start - a->s->m[from].end <= 3 ? from : -1;
}

static bool
is_from_base(const attribution *a)
{
	return from_cue(a) >= 0;
}

/*
 * 营收预测从360亿美元上调至400亿, 目标价从235美元上调至250美元, 将资本支出
 * 从180亿美元上调至200亿美元: the starting point is the outlook or plan
 * revised, not a reported figure.  Only plans are revised (上调, 下修): a
 * reported figure rises (从45%提高到47%).
 */
static bool
revised_outlook(const attribution *a)
{
	static const nvf_cue outlooks[] = {NVF_CUE_GUIDANCE, NVF_CUE_FORECAST, NVF_CUE_EXPECT};
	static const char *const revisions[] = {"上调", "下调", "调高", "调低", "调升", "调降", "上修",
	"下修", NULL};
	int			from = from_cue(a);

	if (from >= 0 && nvf_filler_at(a->s, a->q->end, a->s->end, revisions))
		return true;
	for (size_t k = 0; from >= 0 && k < sizeof(outlooks) / sizeof(outlooks[0]); k++)
	{
		int			c = last_mention(a->s, a->cstart, a->s->m[from].start, NVF_TERM_CUE,
									 outlooks[k]);

		/* 预测从, not 将从: a noun for the outlook, not the future tense */
		if (c >= 0 && a->s->m[from].start - a->s->m[c].end <= 3 && a->s->m[c].term->len >= 6)
			return true;
	}
	return false;
}

/*
 * A status word already spent on a figure of its own clause, for a figure
 * in another: 市场预期391亿美元 (right after it) or 18%-20%的业绩指引 (before it).
 */
static bool
consumed(const sentence *s, int c, size_t pos, bool beyond)
{
	static const char *const fillers[] = {"的", "为", "是", " ", "中位数", "(", ")", NULL};
	int			clause = s->m[c].clause;
	size_t		lo = clause == 0 ? s->start : s->clause_end[clause - 1];
	int			last = c;

	/* 目标价(美元): 210.00 收盘价 185.50: a metric word that is a status word too is
	 * its figures', up to the next metric word (目标价由13.5元下调至12.8元: both) */
	if (s->m[c].term->kind == NVF_TERM_METRIC && nvf_quantity_in(s, s->m[c].end, pos))
		return nvf_first_mention(s, s->m[c].end, pos, NVF_TERM_METRIC, 0) >= 0;
	if (!beyond && nvf_clause_of(s, pos) == clause)
		return false;
	/* 分析师预期的X: the words of one expectation, up to its figure */
	while (last + 1 < s->nm && s->m[last + 1].clause == clause &&
		   (s->m[last + 1].term->cues & STATUS_CUES) &&
		   nvf_only_fillers(s, s->m[last].end, s->m[last + 1].start, fillers))
		last++;
	for (int i = 0; i < s->nq; i++)
		if ((s->q[i].start >= s->m[last].end && s->q[i].end <= s->clause_end[clause] &&
			 nvf_only_fillers(s, s->m[last].end, s->q[i].start, fillers)) ||
			(s->q[i].start >= lo && s->q[i].end <= s->m[c].start))
			return true;
	return false;
}

/* 好于管理层指引及市场共识, 对照彭博一致预期: a status word that is the reference of a comparison. */
static bool
compared(const sentence *s, int c)
{
	int			clause = s->m[c].clause;
	size_t		lo = clause == 0 ? s->start : s->clause_end[clause - 1];

	return last_mention(s, lo, s->m[c].start, NVF_TERM_CUE, NVF_CUE_SURPRISE) >= 0 ||
		nvf_text_between_has(s, lo, s->m[c].start, "对比") ||
		nvf_text_between_has(s, lo, s->m[c].start, "对照");
}


/*
 * The status cues before pos: guidance and forecast words reach across the
 * sentence, the neutral ones (预计, 将) across the clause before; a neutral
 * word is a forecast when an analyst spoke before it, with no company
 * between, and after 超出/低于 (the market's expectation).  NULL: no cue.
 */
/*
 * Whether a neutral outlook word governs a figure at pos: in its own clause
 * always; in later clauses when it leads a list (预计营收将达191亿美元，同比
 * 增长28%，环比增长6%: a figure follows it in its clause) or is said alone
 * (分析师此前平均预计，...), not when its clause is a statement of its own
 * (拆股后的股票将于6月10日开始交易，股息提高150%) nor a noun (做出的预测).
 */
static bool
expect_reaches(const sentence *s, int c, size_t pos)
{
	const mention *m = &s->m[c];
	size_t		end = s->clause_end[m->clause];

	if (m->clause == nvf_clause_of(s, pos))
		return true;
	if (m->start >= 3 && memcmp(s->t + m->start - 3, "的", 3) == 0)
		return false;
	if (nvf_quantity_in(s, m->end, end))
		return true;
	return end - m->end <= 6;
}

/*
 * 需求将营收推高至570亿美元: an outlook word right before a noun (a metric, a
 * part, a company) that a disposal verb (推高, 拉升) follows before pos marks
 * that noun as the verb's object, as 把 does; it says nothing of the future.
 */
static bool
marks_object(const sentence *s, int c, size_t pos)
{
	const mention *noun = c + 1 < s->nm ? &s->m[c + 1] : NULL;

	if (!noun || noun->start != s->m[c].end || noun->term->kind == NVF_TERM_CUE)
		return false;
	for (int k = c + 2; k < s->nm && s->m[k].end <= pos; k++)
		if (is_cue(&s->m[k], NVF_CUE_DISPOSAL))
			return true;
	return false;
}

/*
 * 韩国投资证券预计, 一家供应商预计: an organization outside the lexicon
 * speaks, not the company (英伟达有限公司 is the company's own name).
 */
static bool
other_speaker(const sentence *s, int k)
{
	return is_cue(&s->m[k], NVF_CUE_OTHER_ORG) &&
		!(joined_to_previous(s, k) && s->m[k - 1].term->kind == NVF_TERM_ENTITY);
}

/*
 * 该公司预计, 其表示: the company itself speaks; not 预期其... nor
 * 券商预计，公司…, where it is the object of someone else's expectation.
 */
static bool
self_speaks(const sentence *s, int k)
{
	static const char *const stops[] = {",", ":", " ", NULL};	/* ，： normalized */

	return is_cue(&s->m[k], NVF_CUE_SELF) &&
		!(k > 0 && (s->m[k - 1].term->cues & STATUS_CUES) &&
		  nvf_only_fillers(s, s->m[k - 1].end, s->m[k].start, stops));
}

static nvf_status
status_before(const sentence *s, size_t pos, bool beyond, bool *neutral)
{
	size_t		lo;
	int			c;

	*neutral = false;
	/* only these cues give a status: a sentence with none of them (most) gives none */
	if (!(s->cues & (STATUS_CUES | CUE(NVF_CUE_DONE))))
		return NVF_STATUS_NONE;
	lo = status_scope(s, pos);
	for (c = last_before(s, pos); c >= 0 && s->m[c].start >= lo; c--)
	{
		const mention *m = &s->m[c];

		if (m->end > pos || !m->term->cues ||
			consumed(s, c, pos, beyond) || ((m->term->cues & STATUS_CUES) && compared(s, c)))
			continue;
		if (is_cue(m, NVF_CUE_DONE))
			return NVF_STATUS_ACTUAL;	/* 已接近400亿美元: reported */
		if (is_cue(m, NVF_CUE_FORECAST))
			return NVF_STATUS_FORECAST;
		if (is_cue(m, NVF_CUE_GUIDANCE))
			return NVF_STATUS_GUIDANCE;
		if (is_cue(m, NVF_CUE_EXPECT) && !marks_object(s, c, pos) && expect_reaches(s, c, pos))
			break;
	}
	if (c < 0 || s->m[c].start < lo)
		return NVF_STATUS_NONE;
	for (int k = c - 1; k >= 0 && s->m[k].start >= lo; k--)
	{
		if (self_speaks(s, k))
			break;				/* 分析师预期...该公司预计: the company's own */
		if ((is_cue(&s->m[k], NVF_CUE_FORECAST) || is_cue(&s->m[k], NVF_CUE_SURPRISE) ||
			 other_speaker(s, k)) && !consumed(s, k, pos, beyond))
			return NVF_STATUS_FORECAST;
	}
	*neutral = true;
	return NVF_STATUS_GUIDANCE;
}

nvf_status
nvf_status_after_end(const sentence *s)
{
	bool		neutral;

	return status_before(s, s->end, true, &neutral);
}

bool
nvf_outlook_before(const sentence *s, size_t pos)
{
	bool		neutral;
	nvf_status	st = status_before(s, pos, false, &neutral);

	return st && st != NVF_STATUS_ACTUAL;
}

/*
 * 第二季财测, 第三季度营收指引, 对于2026财年首季，博通预计...: an outlook word
 * after the period and before any figure makes it an outlook's period.
 */
bool
nvf_outlook_after(const sentence *s, size_t pos)
{
	size_t		stop = s->end;
	int			qi = NVF_FIRST_FROM(s->q, s->nq, pos),
				pi = NVF_FIRST_FROM(s->p, s->np, pos);

	/* up to the next figure or period */
	if (qi < s->nq && s->q[qi].start < stop)
		stop = s->q[qi].start;
	if (pi < s->np && s->p[pi].start < stop)
		stop = s->p[pi].start;
	for (int i = first_at(s, pos); i < s->nm && s->m[i].start < stop; i++)
	{
		const mention *m = &s->m[i];

		if (m->end > stop || m->term->kind != NVF_TERM_CUE)
			continue;
		if (is_cue(m, NVF_CUE_DONE))
			return false;		/* 第四季度财报显示: reported */
		if ((m->term->cues & STATUS_CUES) && !compared(s, i))
			return true;
	}
	return false;
}

/* Does pos open a bracket right after a figure (681亿美元（预期…)? */
static bool
bracket_after_figure(const sentence *s, size_t pos)
{
	size_t		k = pos;

	while (k > s->start && s->t[k - 1] == ' ')
		k--;
	if (k == s->start || s->t[k - 1] != '(')
		return false;
	for (k--; k > s->start && s->t[k - 1] == ' '; k--)
		;
	for (int i = 0; i < s->nq; i++)
		if (s->q[i].end == k)
			return true;
	return false;
}

/*
 * Whose expectation a figure after an expectation word is: an analyst's
 * (分析师预期的, 超出预期的), the company's (公司指引的); a neutral 预期 after
 * a comparison is the market's, one nothing before speaks for the outlook a
 * ； passed on (瑞银预计…；每股收益预计为5.59美元), else the company's.
 */
static nvf_status
expectation_status(const sentence *s, int e, bool after_actual, nvf_status passed, bool *neutral)
{
	nvf_status	st;

	*neutral = false;
	if (is_cue(&s->m[e], NVF_CUE_SURPRISE) || is_cue(&s->m[e], NVF_CUE_FORECAST))
		return NVF_STATUS_FORECAST;
	if (is_cue(&s->m[e], NVF_CUE_GUIDANCE))
		return NVF_STATUS_GUIDANCE;
	/* 780亿美元±2%（预期727亿美元）: a bracket a figure opens sets it against the market's */
	if (bracket_after_figure(s, s->m[e].start))
		return NVF_STATUS_FORECAST;
	/* a neutral word: whoever spoke before it */
	for (int k = e - 1; k >= 0 && s->m[k].clause == s->m[e].clause; k--)
	{
		if (self_speaks(s, k) || is_cue(&s->m[k], NVF_CUE_GUIDANCE))
			return NVF_STATUS_GUIDANCE;
		if (is_cue(&s->m[k], NVF_CUE_FORECAST) || other_speaker(s, k))
			return NVF_STATUS_FORECAST;
	}
	st = compared(s, e) ? NVF_STATUS_FORECAST : status_before(s, s->m[e].start, false, neutral);
	/* 每股收益4.13美元，同比增长23%，预期3.67美元: after a reported figure, the market's */
	if (st)
		return st;
	return after_actual ? NVF_STATUS_FORECAST : nvf_status_is_outlook(passed) ? passed : NVF_STATUS_GUIDANCE;
}

/* Was the sentence's figure before this one a reported figure of the same metric? */
static bool
after_reported(const attribution *a)
{
	return a->prev && a->prev->metric == a->metric && a->prev->status == NVF_STATUS_ACTUAL;
}

static bool own_period(const nvf_period_mention *p, const attribution *a);

/*
 * Does the figure's clause name a period of its own before it (…，第一季度营收指引为780亿美元:
 * an outlook of its own, not the expectation the figure before was measured against)?
 */
static bool
clause_period(const attribution *a)
{
	for (int i = 0; i < a->s->np; i++)
		if (a->s->p[i].start >= a->cstart && a->s->p[i].end <= a->q->start && own_period(&a->s->p[i], a))
			return true;
	return false;
}

/* A 比 in [lo, hi) that compares with a figure: not that of 同比 or 环比. */
static bool
compares_with(const sentence *s, size_t lo, size_t hi)
{
	static const char *const rate[] = {"同比", "环比", NULL};

	for (size_t i = lo; i + 3 <= hi; i++)
		if (memcmp(s->t + i, "比", 3) == 0 && !(i >= lo + 3 && nvf_filler_at(s, i - 3, hi, rate) > 0))
			return true;
	return false;
}

/*
 * 比早先给出的(410亿美元)多出12亿: the outlook a beat is measured from (not
 * a growth rate a headline says beat expectations: 同比+62%　高于预期).
 */
static bool
beaten_base(const attribution *a)
{
	const sentence *s = a->s;

	return has_cue(s, a->q->end, s->clause_end[a->clause], NVF_CUE_SURPRISE) &&
		a->q->start >= a->cstart + 3 && compares_with(s, a->cstart, a->q->start);
}

/*
 * 超过40%的目标, 12%-15%的营收指引区间: an outlook word right after the figure,
 * or after its tolerance (187亿美元、上下浮动4亿美元的指引).
 */
static nvf_status
status_after(const attribution *a)
{
	static const char *const fillers[] = {"的", "之", "业绩", " ", "以上", "以下", "左右", NULL};
	static const char *const list_marks[] = {"、", ",", " ", NULL};
	const sentence *s = a->s;
	size_t		from = a->q->end;

	for (int i = first_at(s, from); i < s->nm; i++)
	{
		const mention *m = &s->m[i];
		int			t;

		/* (a metric word may say its status too: 350美元的目标价) */
		if ((m->term->kind != NVF_TERM_CUE && !(m->term->cues & STATUS_CUES)) || m->start < from)
			continue;
		if (is_cue(m, NVF_CUE_TOLERANCE) && nvf_only_fillers(s, from, m->start, list_marks) &&
			(t = NVF_FIRST_FROM(s->q, s->nq, m->end)) < s->nq &&
			nvf_only_fillers(s, m->end, s->q[t].start, fillers))
		{
			from = s->q[t].end;
			continue;
		}
		if (!nvf_only_fillers(s, from, m->start, fillers))
			return NVF_STATUS_NONE;
		if (is_cue(m, NVF_CUE_FORECAST))
			return NVF_STATUS_FORECAST;
		if (is_cue(m, NVF_CUE_GUIDANCE) || is_cue(m, NVF_CUE_EXPECT))
			return NVF_STATUS_GUIDANCE;
		if (!is_cue(m, NVF_CUE_BLOCK))
			return NVF_STATUS_NONE;
	}
	return NVF_STATUS_NONE;
}

/* A period a comparison is made with, or one behind the article's own (去年同期, 较上季). */
static bool
behind(const nvf_period_mention *p)
{
	return p->comparison || nvf_looks_back(p);
}

/* Does the sentence name a period before pos that looks back? */
static bool
looks_back_before(const sentence *s, size_t pos)
{
	for (int i = 0; i < s->np && s->p[i].start < pos; i++)
		if (behind(&s->p[i]))
			return true;
	return false;
}

/* 去年同期的两倍: a multiple right after the period it is measured against */
static bool
multiple_of_period(const attribution *a)
{
	const sentence *s = a->s;

	if (a->q->unit != NVF_UNIT_TIMES)
		return false;
	for (int i = s->np - 1; i >= 0; i--)
		if (s->p[i].end <= a->q->start && s->p[i].start >= a->cstart)
			return behind(&s->p[i]) && nvf_only_fillers(s, s->p[i].end, a->q->start, de_fillers);
	return false;
}

/* 该公司预计, 英伟达预计: the sentence names who speaks before pos. */
static bool
speaker_named(const sentence *s, size_t pos)
{
	for (int k = last_before(s, pos); k >= 0; k--)
		if (self_speaks(s, k) || other_speaker(s, k) ||
			(is_cue(&s->m[k], NVF_CUE_EXPECT) && joined_to_previous(s, k) &&
			 s->m[k - 1].term->kind == NVF_TERM_ENTITY))
			return true;
	return false;
}

/* 未来三年, 长期: years still to come. */
static bool
years_ahead(const nvf_period_mention *p)
{
	return p->ahead;
}

/*
 * The status of the figure; *neutral when only a neutral word (预计, 估计)
 * made it an outlook, which an explicitly past period overrides.
 */
static nvf_status
find_status(const attribution *a, bool *neutral)
{
	const sentence *s = a->s;
	int			e = expectation_cue(a);
	nvf_status	st;

	*neutral = false;
	if (a->base >= 0 || (bracketed_owner(a) != ENTITY_NONE && !cue_in_bracket(a)))
		return NVF_STATUS_ACTUAL;		/* a comparison's base; OpenAI(约3000亿美元) as it stands */
	if (a->last && multiple_of_period(a))
		return a->last->status;	/* 预计为80亿美元，约为去年同期的两倍: the figure before's */
	if (e >= 0)
		return expectation_status(s, e, after_reported(a), a->ds->semicolon_status, neutral);
	if (beaten_base(a))
		return NVF_STATUS_GUIDANCE;
	st = status_before(s, a->q->start, false, neutral);
	/* 瑞银预计...；其中阿里资本开支有望达到..., 维持英伟达买入评级，预计…: the analyst's outlook goes on */
	if (st == NVF_STATUS_GUIDANCE && *neutral &&
		(a->ds->semicolon_status == NVF_STATUS_FORECAST ||
		 has_cue(s, s->start, a->q->start, NVF_CUE_FORECAST)) &&
		!speaker_named(s, a->q->start))
		st = NVF_STATUS_FORECAST;
	if (is_from_base(a) && !revised_outlook(a))
		return NVF_STATUS_ACTUAL;
	if (!st)
		st = status_after(a);
	/* 高盛预计...；一季度收入...: the list goes on, unless the part names its own
	 * company or looks back (…预期的214亿美元；去年同期收入为187.8亿美元) */
	if (!st && bracketed_owner(a) == ENTITY_NONE &&
		nvf_first_mention(s, s->start, a->q->start, NVF_TERM_ENTITY, 0) < 0 &&
		!looks_back_before(s, a->q->start))
		st = a->ds->semicolon_status;
	/* 【FY26Q2指引】 · 智能云：322.5亿-325.5亿美元 (not 股价盘后上涨4% after the list: a move made) */
	if (!st && a->metric != a->ds->metric.share_price)
		st = a->ds->heading_status;
	/* 未来三年AI投入超3800亿元: an amount over years to come is a plan */
	if (!st && nvf_period_before(s, a->q->start, years_ahead))
		st = NVF_STATUS_GUIDANCE;
	return st ? st : NVF_STATUS_ACTUAL;
}

/*
 * A beat or a miss has the status of the figure it measures: the sentence's
 * last figure that is not itself a reference (the guidance 30亿美元 that
 * 超出市场一致预期5%), else the cues before the surprise word (高盛预计...
 * 将超出市场预期20亿美元).
 */
static nvf_status
surprise_status(const attribution *a, const fact_list *out, int first)
{
	int			c = nearest_cue(a, CUE(NVF_CUE_SURPRISE));
	bool		neutral;
	nvf_status	st;

	for (int k = out->n - 1; k >= first; k--)
		if (!out->reference[k])
			return out->items[k].status;
	st = c >= 0 ? status_before(a->s, a->s->m[c].start, false, &neutral) : NVF_STATUS_NONE;
	return st ? st : NVF_STATUS_ACTUAL;
}

/* ---- one quantity -> one fact ------------------------------------------ */

/* The cues that compete to say what the figure is set against or moves by. */
#define SURPRISE_OR_MOVE (CUE(NVF_CUE_SURPRISE) | COMPARISON_CUES | DIRECTION_CUES)

/*
 * 比分析师预期多出20亿美元, 较指引少1亿美元: a direction word c (the figure's
 * nearest SURPRISE_OR_MOVE cue) right after an expectation that 比/较 sets the
 * figure against says a surprise: +1 above, -1 below, 0 when it is not one.
 */
static int
against_expectation(const attribution *a, int c)
{
	const sentence *s = a->s;
	int			e = c - 1;

	if (c < 1 || !(s->m[c].term->cues & DIRECTION_CUES) || s->m[e].start < a->cstart ||
		!(s->m[e].term->cues & STATUS_CUES) || s->m[c].start - s->m[e].end > 3 ||
		!(nvf_text_between_has(s, a->cstart, s->m[e].start, "比") ||
		  nvf_text_between_has(s, a->cstart, s->m[e].start, "较")))
		return 0;
	return is_cue(&s->m[c], NVF_CUE_DOWN) ? -1 : 1;
}

/*
 * 英伟达Q3营收超预期 数据中心收入512亿美元: a surprise word a space ends, with
 * words of a new clause (a metric, a cue, a period) before the figure, only
 * qualifies the headline's clause before it.
 */
static bool
headline_qualifier(const attribution *a, int c)
{
	const sentence *s = a->s;
	size_t		end = s->m[c].end;
	int			next = first_at(s, end + 1),
				p = NVF_FIRST_FROM(s->p, s->np, end);

	if (end >= a->q->start || s->t[end] != ' ')
		return false;
	return (next < s->nm && s->m[next].end <= a->q->start) ||
		(p < s->np && s->p[p].end <= a->q->start);
}

/* A surprise cue nearer the figure than any growth word (超出预期(按年增16.7%) is growth). */
static bool
surprise_nearest(const attribution *a)
{
	int			c = nearest_cue(a, SURPRISE_OR_MOVE);

	if (c >= 0 && !is_cue(&a->s->m[c], NVF_CUE_SURPRISE) && against_expectation(a, c) != 0)
		return true;
	return c >= 0 && is_cue(&a->s->m[c], NVF_CUE_SURPRISE) && expectation_cue(a) < 0 &&
		!headline_qualifier(a, c);
}

/* 低于预期2%, 不及预期0.05美元: -1 for a surprise below the expectation, else +1. */
static int
surprise_sign(const attribution *a)
{
	static const char *const lower[] = {"低约", "少约", "低了", "少了", "低", "少", NULL};
	int			c = nearest_cue(a, CUE(NVF_CUE_SURPRISE) | CUE(NVF_CUE_MISS));
	int			against = against_expectation(a, nearest_cue(a, SURPRISE_OR_MOVE));

	if (c >= 0 && is_cue(&a->s->m[c], NVF_CUE_MISS))
		return -1;
	if (against != 0)
		return against;
	/* 较市场预期的8万亿韩元低约19%: the direction written right before the figure */
	return c >= 0 && nvf_word_before(a->s->t + a->s->m[c].end, a->q->start - a->s->m[c].end, lower) ? -1 : 1;
}

/* 占总营收的61%: a share word nearer the figure than any growth word. */
static bool
share_nearest(const attribution *a)
{
	int			c = nearest_cue(a, CUE(NVF_CUE_SHARE) | SURPRISE_OR_MOVE);

	return c >= 0 && is_cue(&a->s->m[c], NVF_CUE_SHARE);
}

/*
 * Does the figure's clause open with one of words and then the figure (its
 * mark, spaces and approximation words aside): ，其中约70%, ，达到89.8%?
 */
static bool
clause_opens_with(const attribution *a, const char *const *words)
{
	static const char *const marks[] = {",", ":", " ", NULL};
	static const char *const approx[] = {" ", "约", "大约", "近", "将近", "接近", "逾", "超过", "有",
	NULL};
	const sentence *s = a->s;
	size_t		k = a->cstart,
				n;

	while ((n = nvf_filler_at(s, k, a->q->start, marks)) > 0)
		k += n;
	return (n = nvf_filler_at(s, k, a->q->start, words)) > 0 &&
		nvf_only_fillers(s, k + n, a->q->start, approx);
}

/*
 * 资本支出380亿至420亿美元，其中约70%将用于…: a percentage opening the clause
 * after an amount with 其中 is a part of that amount — of an amount the
 * sentence reported, and not of a loss (净亏损X，其中一半来自…: a cause, no
 * portion of a whole).
 */
static bool
part_of_amount(const attribution *a)
{
	static const char *const among[] = {"其中", NULL};
	const sentence *s = a->s;
	int			before = NVF_FIRST_FROM(s->q, s->nq, a->q->start) - 1;
	nvf_dec		whole;

	if (a->clause == 0 || before < 0 || !nvf_unit_is_money(s->q[before].unit) ||
		nvf_clause_of(s, s->q[before].start) != a->clause - 1 || !a->last ||
		!nvf_unit_is_money(a->last->unit) || !clause_opens_with(a, among))
		return false;
	whole = a->last->value.ok ? a->last->value : a->last->high;
	return !(whole.ok && whole.mant < 0);
}

/*
 * 数据中心营收占比近九成，达到89.8%: a clause of 达到 and a figure after a
 * clause of a share restates that share.
 */
static bool
share_restated(const attribution *a)
{
	static const char *const reach[] = {"达到", "达", NULL};

	return a->clause > 0 && a->prev_measure == NVF_MEASURE_SHARE &&
		has_cue(a->s, clause_start(a->s, a->clause - 1), a->cstart, NVF_CUE_SHARE) &&
		clause_opens_with(a, reach);
}

/* 飙3495亿元新高: a figure that sets a record is the new level, not the change. */
static bool
new_record(const attribution *a)
{
	static const char *const records[] = {"新高", "新低", "的新高", "的新纪录", "纪录", "历史新高",
	"高位", NULL};
	const sentence *s = a->s;

	for (int i = 0; records[i]; i++)
	{
		size_t		n = strlen(records[i]);

		if (a->q->end + n <= s->end && memcmp(s->t + a->q->end, records[i], n) == 0)
			return true;
	}
	return false;
}

/* 营收的45%: the figure right after its metric word and 的 is a part of the amount */
static bool
part_of_metric(const attribution *a)
{
	return a->metric_m >= 0 && !a->metric_after &&
		joined_by_de(a->s, a->s->m[a->metric_m].end, a->q->start);
}

static bool authorized_amount(const attribution *a);

/* 批准新增600亿美元股票回购授权: an amount newly allowed is the authorization's amount. */
static bool
added_authorization(const attribution *a)
{
	static const char *const added[] = {"新增", "追加", "额外", "額外", NULL};

	return nvf_word_before(a->s->t, a->q->start, added) > 0 && authorized_amount(a);
}

/* Measure for the quantity given its metric; NONE: the pair makes no fact. */
static nvf_measure
find_measure(const attribution *a, const nvf_metric *m, bool *share, int *sign)
{
	const sentence *s = a->s;
	nvf_unit	u = a->q->unit;
	nvf_measure cmp = comparison_measure(a);
	bool		adjacent,
				to_level;
	int			dir = direction(a, &adjacent, &to_level),
				after;

	*share = false;
	*sign = dir < 0 ? -1 : 1;
	if (nvf_unit_is_money(u))
	{
		if (m->family == NVF_FAMILY_PERCENT)
			return NVF_MEASURE_NONE;
		if (a->base >= 0)
			return NVF_MEASURE_LEVEL;		/* 优于第2季EPS 3.19元: the base itself */
		if (surprise_nearest(a))
		{
			*sign = surprise_sign(a);
			return NVF_MEASURE_SURPRISE;
		}
		*sign = 1;
		if (adjacent && dir != 0 && a->base < 0 && !new_record(a) && !added_authorization(a))
		{
			*sign = dir;
			return cmp ? cmp : NVF_MEASURE_CHANGE;
		}
		return NVF_MEASURE_LEVEL;
	}
	if (u == NVF_UNIT_PP)
		return cmp ? cmp : NVF_MEASURE_CHANGE;
	*share = share_nearest(a) || share_after(a) || (a->metric_after && m->family == NVF_FAMILY_MONEY) ||
		part_of_amount(a) || share_restated(a);
	if (u == NVF_UNIT_TIMES)
	{
		*sign = 1;
		if (*share && (a->q->flags & NVF_Q_FRACTION))
			return NVF_MEASURE_SHARE;
		*share = false;
		/* 收入增长了五倍多; not 性能提升了1000倍 nor 是A100的5倍 */
		if (m->family == NVF_FAMILY_PERCENT || a->metric_m < 0 || a->metric_after ||
			nvf_dec_cmp(a->q->value, nvf_dec_make(MAX_MULTIPLE, 0)) > 0 ||
			(a->q->flags & NVF_Q_FRACTION) ||
			(s->m[a->metric_m].term->flags & NVF_TERM_NEEDS_SEGMENT) ||
			!(adjacent || cmp || strncmp(s->t + a->q->start, "翻", 3) == 0 ||
			  strncmp(s->t + a->q->start, "倍增", 6) == 0))
			return NVF_MEASURE_NONE;
		return cmp ? cmp : NVF_MEASURE_CHANGE;
	}
	/* 超过250%的增长: a growth noun after the figure makes it a change */
	if (m->family != NVF_FAMILY_PERCENT && (after = growth_after(a)) != 0)
	{
		*share = false;
		*sign = after;
		return cmp ? cmp : NVF_MEASURE_CHANGE;
	}
	/* 占比从10.6%提升至11.9%: a share moved to a new level is a share */
	if (!*share && dir == 0 && has_cue(s, a->cstart, a->q->start, NVF_CUE_SHARE) &&
		m->family != NVF_FAMILY_PERCENT)
		*share = true;
	/* 消费智能产品占比37%，较第2季的35%略增: a base is what its figure is, and so is
	 * an expectation (同比增长40%，高于市场预期的38.4%) */
	if (!*share && (a->base >= 0 || (expectation_cue(a) >= 0 && !cmp)) && a->prev_measure &&
		m->family != NVF_FAMILY_PERCENT)
	{
		*share = a->prev_measure == NVF_MEASURE_SHARE;
		if (!*share)
			return a->prev_measure;
	}
	/* a percentage */
	if (m->family == NVF_FAMILY_PERCENT)
	{
		*share = false;
		if (!(adjacent && dir != 0) || a->base >= 0)
		{
			*sign = 1;
			return NVF_MEASURE_LEVEL;
		}
		return cmp ? cmp : NVF_MEASURE_CHANGE;
	}
	if (*share)
	{
		*sign = 1;
		return NVF_MEASURE_SHARE;
	}
	if (surprise_nearest(a))
	{
		*sign = surprise_sign(a);
		return NVF_MEASURE_SURPRISE;
	}
	/* 营收增长上调至35%, 上修营收成长至35%: the growth rate itself, moved to a new level */
	if (dir == 0 && to_level && direction_verbs(a) >= 2)
	{
		*sign = 1;
		return cmp ? cmp : NVF_MEASURE_CHANGE;
	}
	/* 费用…一度降到61%: a percentage an amount fell to is no amount's; nor is a part of it (接近营收的45%) */
	if (dir == 0 && !cmp && (to_level || part_of_metric(a)))
		return NVF_MEASURE_NONE;
	return cmp ? cmp : NVF_MEASURE_CHANGE;
}

/* 上一季度瞻望, 上季指引: an outlook word right after pos (metric words between at most). */
static bool
outlook_noun_after(const sentence *s, size_t pos)
{
	static const char *const fillers[] = {"的", " ", "业绩", NULL};
	size_t		k = pos;

	for (int i = first_at(s, pos); i < s->nm; i++)
	{
		if (s->m[i].start - pos > 12 || !nvf_only_fillers(s, k, s->m[i].start, fillers))
			return false;
		if (is_cue(&s->m[i], NVF_CUE_GUIDANCE) || is_cue(&s->m[i], NVF_CUE_EXPECT))
			return true;
		if (s->m[i].term->kind != NVF_TERM_METRIC)
			return false;
		k = s->m[i].end;		/* 上季营收指引 */
	}
	return false;
}

/*
 * A part of a year named without its year (全年, 第四季度, 上半年, 前三季度):
 * in a sentence that named a period before it, that period's year
 * (第四财季营收113亿美元，全年营收374亿美元; 第三财季…，第四财季营收指引为…).
 */
static bool
bare_part(const nvf_period_mention *p)
{
	return p->year_form == NVF_YEAR_NONE && !p->relative_quarter && !p->same_period &&
		(p->kind == NVF_PK_YEAR || p->kind == NVF_PK_QUARTER || p->kind == NVF_PK_HALF ||
		 p->kind == NVF_PK_NINE_MONTHS);
}

/*
 * The sentence's own period named before mention p, resolved as a period
 * reported (三季度营收为X，将全年营收指引下调至Y: the third quarter past);
 * false if none.
 */
static bool
own_before(const attribution *a, const nvf_period_mention *p, const nvf_period_context *c,
		   nvf_period *out)
{
	nvf_period_context reported = *c;

	reported.outlook = false;
	for (int i = a->s->np - 1; i >= 0; i--)
	{
		const nvf_period_mention *o = &a->s->p[i];

		/* 本季…去年同期 is a year before this quarter; 上季度为X，去年同期 is not the last one's */
		if (o->end <= p->start && !o->comparison && !o->aside && !o->same_period &&
			(!o->relative_quarter || (p->same_period && !nvf_looks_back(o))))
		{
			*out = nvf_resolve_period(o, &reported);
			return out->kind != NVF_PK_NONE && (out->fy || out->fq || out->part);
		}
	}
	return false;
}

/*
 * 营收92.5亿美元，上年同期为68.2亿美元，同比增长36%: a period looking back
 * that gave its own clause's figure, after a figure of the period reported,
 * is that clause's; the clauses after it return to the period reported.
 */
static bool
closed_comparative(const attribution *a, const nvf_period_mention *p)
{
	const sentence *s = a->s;
	int			c;

	if ((c = nvf_clause_of(s, p->start)) >= a->clause)
		return false;
	/* (约为FY2024全年475亿美元的2.4倍，同比增幅142%: a base's year, after the figure reported) */
	if (nvf_names_multiple_base(s, p) && nvf_quantity_in(s, s->start, p->start))
		return true;
	if (!nvf_looks_back(p))
		return false;
	/* (去年同期净利润为X，合每股Y: a sentence opening with it is all of that period) */
	return nvf_quantity_in(a->s, a->s->start, p->start) && nvf_quantity_in(a->s, p->end, a->s->clause_end[c]);
}

/*
 * A period mention that names the figure's own period (not a base, not a
 * landmark); a bare month only right before its metric or figure (4月营收,
 * 11月AI服务器收入, 3月2859亿元), not 在5月的新闻稿里.
 */
static bool
own_period(const nvf_period_mention *p, const attribution *a)
{
	const sentence *s = a->s;
	size_t		from = p->end;
	int			i;

	if (p->comparison || p->aside)
		return false;
	if (!p->month_only)
		return true;
	if (a->q->start >= p->end && a->q->start - p->end <= 3)
		return true;
	for (i = first_at(s, p->end); i < s->nm && s->m[i].term->kind == NVF_TERM_SEGMENT &&
		 s->m[i].start - from <= 3; i++)
		from = s->m[i].end;
	return i < s->nm && s->m[i].start - from <= 9 && s->m[i].term->kind == NVF_TERM_METRIC;
}

/* 在今年7月的世界人工智能大会上: the date of an event, not a figure's period. */
static bool
event_date(const sentence *s, const nvf_period_mention *p)
{
	return p->start >= s->start + 3 && memcmp(s->t + p->start - 3, "在", 3) == 0 &&
		p->end + 3 <= s->end && memcmp(s->t + p->end, "的", 3) == 0;
}

/* 公司去年10月给出的指引: the date guidance was given, not its period. */
static bool
date_of_act(const sentence *s, const nvf_period_mention *p)
{
	static const char *const acts[] = {"给出的", "发布的", "公布的", "提出的", "提供的", "作出的",
	"宣布的", "发出的", "上调的", "下调的", NULL};

	return nvf_filler_at(s, p->end, s->end, acts) > 0;
}

/*
 * 去年同期为300亿美元，高于分析师预期的460亿美元: an expectation (or the
 * benchmark a reported figure beat) is of the period reported, not of the
 * comparison base a clause before it names.
 */
static bool
base_of_clause_before(const attribution *a, const nvf_period_mention *p)
{
	return p->end <= a->cstart && (p->same_period || nvf_looks_back(p));
}

/*
 * 授权收入, IP授权及软件收入: the word at mention i names a kind of earnings —
 * a metric word right after it, or after parts joined to it.
 */
static bool
names_earnings(const sentence *s, int i)
{
	int			j = i + 1;

	while (j < s->nm && s->m[j].term->kind == NVF_TERM_SEGMENT &&
		   nvf_only_glue(s, s->m[j - 1].end, s->m[j].start, item_glue))
		j++;
	return j < s->nm && s->m[j].term->kind == NVF_TERM_METRIC &&
		nvf_only_glue(s, s->m[j - 1].end, s->m[j].start, item_glue);
}

/*
 * 董事会批准了600亿美元的股票回购授权: an amount allowed (授权, authorization)
 * is not spent in a period; it takes none from context.  授权收入 (licensing
 * revenue: a metric word right after it) is earned in one.
 */
static bool
authorized_amount(const attribution *a)
{
	const sentence *s = a->s;
	size_t		end = s->clause_end[a->clause];

	if (!(s->cues & CUE(NVF_CUE_AUTHORIZED)))
		return false;
	for (int i = first_at(s, a->cstart); i < s->nm && s->m[i].end <= end; i++)
		if (is_cue(&s->m[i], NVF_CUE_AUTHORIZED) && !names_earnings(s, i))
			return true;
	return false;
}

/* p, as the context's period for a figure whose sentence names none */
static nvf_period
carried(nvf_period p)
{
	p.carried = p.kind != NVF_PK_NONE;
	return p;
}

/* The quarter after p (an outlook section's period). */
static nvf_period
next_quarter(const nvf_period *p)
{
	nvf_period	n = *p;

	n.fy += p->fq == 4 ? 1 : 0;
	n.fq = p->fq == 4 ? 1 : p->fq + 1;
	n.text = NULL;
	return n;
}

/*
 * The period of the figure: a comparison's base, else the period named last
 * before it in its sentence, else the entity's context.  Levels at a moment
 * (a share price, a market value) have none; a share at a moment (a market
 * share), or a year-on-year or sequential change of a level at a moment
 * (合约价环比上涨45%), only the period its sentence names, not an event's date.
 */
static nvf_period
find_period(const attribution *a, const doc_state *ds, int entity, const nvf_metric *m,
			nvf_measure measure, nvf_status status, bool expected, nvf_env *env, bool *past)
{
	bool		outlook = status != NVF_STATUS_ACTUAL;
	const sentence *s = a->s;
	nvf_period_context c;
	const nvf_period_mention *best = a->base >= 0 ? &s->p[a->base] : NULL;
	bool		periodic = measure == NVF_MEASURE_YOY || measure == NVF_MEASURE_QOQ ||
		(measure == NVF_MEASURE_CHANGE && m->segmented),
				named;			/* the sentence names the figure's period (not an event's date) */
	nvf_period	none = {0, 0, NVF_PK_NONE, 0, NULL, false},
				own,
				lead;

	*past = false;
	if (!nvf_metric_dated(m, true) && !periodic)
		return none;			/* a level at a moment (市值, 股价, 估值): no period */
	nvf_entity_context(ds, entity, s, a->q->start, outlook, &c);
	for (int i = 0; !best && i < s->np; i++)
	{
		const nvf_period_mention *p = &s->p[s->np - 1 - i];

		if (p->end > a->q->start || !own_period(p, a) || date_of_act(s, p))
			continue;
		if (expected && base_of_clause_before(a, p))
			c.outlook = false;	/* the expectation of a figure reported: its period read as reported */
		else if (!closed_comparative(a, p))
			best = p;
	}
	/* (an amount allowed takes the period its own clause names, none from a clause before) */
	if ((!best || best->start < a->cstart) && authorized_amount(a))
		return none;
	named = best && !event_date(s, best);
	if (!nvf_metric_dated(m, named) && !(periodic && named))
	{
		/* a share at a moment (市场份额): only the period its sentence names, or the
		 * part before its ； (三季度A的份额为33.5%；B份额仍达57%) */
		nvf_period_mention passed = ds->semicolon_period;

		if (best || !nvf_metric_dated(m, true))
			return none;
		/* a company ranked in a market's period (the page's), naming none of its own, nor
		 * another market (在全球AI服务器市场，英伟达的份额…) */
		if (passed.kind == NVF_PK_NONE)
			return c.current == &c.page && ds->market_period &&
				!nvf_names_market(s, s->start, a->q->start) ? carried(c.page) : none;
		passed.shared = !passed.fiscal_quarter;	/* a tracker's statistic: calendar quarters */
		own = nvf_resolve_period(&passed, &c);
		own.carried = true;
		return own;
	}
	/* 2023年Q4财报中，营收超出上一季度瞻望21亿: the quarter named with its year
	 * (上一季度 is the outlook's, not the figure's) */
	for (int i = 0; best && best->relative_quarter && outlook_noun_after(s, best->end) && i < s->np &&
		 s->p[i].start < best->start; i++)
		if (own_period(&s->p[i], a) && s->p[i].kind == NVF_PK_QUARTER &&
			(s->p[i].year_form == NVF_YEAR_FISCAL || s->p[i].year_form == NVF_YEAR_CALENDAR))
			best = &s->p[i];
	*past = best && (best->kind == NVF_PK_TTM || best->comparison || nvf_looks_back(best));
	/* a headline before the lead: the lead's period, and its year for the same
	 * part, when the lead is about the figure's company (or names none) */
	if (ds->has_lead && s->blk->char_base == 0 && a->q->start < ds->lead.start &&
		(ds->lead_owner == ENTITY_NONE || ds->lead_owner == entity))
	{
		lead = nvf_resolve_period(&ds->lead, &c);
		if (!c.current && !best && lead.fy)
			c.current = &lead;
		if (best && best->year_form == NVF_YEAR_NONE && !best->relative_quarter &&
			best->kind == ds->lead.kind && best->part == ds->lead.part && !c.sentence_year)
			c.sentence_year = lead.fy;
	}
	/* 前4月...较去年同期8286亿元, 2025年...从去年的53%, ...上一季度营收为: against the
	 * sentence's own period before it */
	if (best && (best->same_period || best->comparison || best->relative_quarter || bare_part(best)) &&
		own_before(a, best, &c, &own))
		c.current = c.named = &own;
	if (best && best->span_years)
		return none;			/* 未来三年: no one period */
	if (best)
	{
		nvf_period	r = nvf_resolve_period(best, &c);
		int64_t		os,
					oe;

		r.text = nvf_block_original(env, s->blk, best->start, best->end, &os, &oe);
		return r;
	}
	/* the outlook period of its paragraph, or of its section (【FY26Q2指引】 over bullets) */
	if (outlook && entity >= 0 &&
		(ds->periods[entity].outlook_para == ds->paragraph || ds->heading_status) &&
		ds->periods[entity].outlook.kind != NVF_PK_NONE)
		return carried(ds->periods[entity].outlook);
	/* an outlook section (展望, Outlook) with no period, after a quarter reported: the next quarter */
	if (status == NVF_STATUS_GUIDANCE && has_cue(s, s->start, a->q->start, NVF_CUE_GUIDANCE) &&
		entity >= 0 && ds->periods[entity].report.kind == NVF_PK_QUARTER)
		return carried(next_quarter(&ds->periods[entity].report));
	return c.current ? carried(*c.current) : none;
}

void
nvf_set_value(nvf_fact *f, const nvf_quantity *q, int sign, bool to_percent)
{
	nvf_dec		v = q->value,
				lo = q->low,
				hi = q->high;

	if (to_percent)
	{
		v = nvf_dec_shift(v, 2);
		f->unit = NVF_UNIT_PERCENT;
	}
	if (sign < 0 && !(q->flags & NVF_Q_SIGNED))
	{
		nvf_dec		t = nvf_dec_neg(hi);

		v = nvf_dec_neg(v);
		hi = nvf_dec_neg(lo);
		lo = t;
	}
	f->value = v;
	f->low = (q->flags & NVF_Q_RANGE) ? lo : (nvf_dec) {0, 0, false};
	f->high = (q->flags & NVF_Q_RANGE) ? hi : (nvf_dec) {0, 0, false};
}

/*
 * A loss word (净亏损 1.10 亿美元, 每股亏损): a level below zero — unless
 * the figure's own clause, after the loss word's, says it was earned
 * (录得净亏损112亿元，去年同期则赚76亿元).
 */
static int
loss_sign(const attribution *a, nvf_measure measure)
{
	static const char *const earned[] = {"赚", "盈利", "获利", NULL};
	const sentence *s = a->s;

	if (a->metric_m < 0 || !(s->m[a->metric_m].term->flags & NVF_TERM_NEGATIVE) ||
		!nvf_unit_is_money(a->q->unit) || measure != NVF_MEASURE_LEVEL)
		return 1;
	if (s->m[a->metric_m].start < a->cstart && nvf_text_between_has_any(s, a->cstart, a->q->start, earned))
		return 1;
	return -1;
}

/*
 * The currency of a bare 元: for the share price of a company named with its
 * stock code, that market's (联想集团(00992): HKD, even where the results
 * were declared in 人民币，下同); else the one the company's own figures
 * named (台积电…新台币…元); else the document's when it was declared (美元，
 * 下同), or on a Hong Kong or Taiwan page (新台币 named first), or for a
 * figure of no company.  An undeclared currency of one company's figures
 * does not reach another's on a simplified page: 元 is renminbi there.
 */
static nvf_unit
fact_unit(const doc_state *ds, const nvf_quantity *q, int entity, int metric)
{
	nvf_unit	home;

	if (!(q->flags & NVF_Q_BARE_YUAN))
		return q->unit;
	if (entity >= 0 && ds->listing[entity] &&
		metric == ds->metric.share_price)
		return ds->listing[entity];
	if (entity >= 0 && ds->own_currency[entity])
		return ds->own_currency[entity];
	if (ds->currency && (ds->currency_declared || entity < 0))
		return ds->currency;
	if (entity >= 0 && (home = nvf_lexicon_entity(ds->lex, entity)->currency) != NVF_UNIT_NONE)
		return home;			/* 鸿海营收2兆元: its own */
	if (ds->currency && ds->hk_usage)
		return ds->currency;
	return q->unit;
}

/* Does period p end well after the publication date (a year or part of one still to come)? */
static bool
unended(const nvf_period *p, int fy_end_month, nvf_date published)
{
	int			end = nvf_period_end_month(p, fy_end_month);

	/* by two months at least: a calendar year read as a fiscal one may end a little later */
	return published.year && end && end >= nvf_month_index(published) + 2;
}

#define SHARE_PRICE_MAX 10000000	/* no share trades at ten million (of any currency) */

/* 盘后跌逾3%，此前宣布将以约33.5亿美元收购…: a sum of billions is no share's price. */
static bool
no_share_price(const attribution *a, const doc_state *ds, nvf_measure measure)
{
	return measure == NVF_MEASURE_LEVEL && nvf_unit_is_money(a->q->unit) &&
		a->metric == ds->metric.share_price &&
		nvf_dec_cmp(a->q->value, nvf_dec_make(SHARE_PRICE_MAX, 0)) >= 0;
}

static bool
quantity_fact(doc_state *ds, nvf_env *env, const sentence *s, const nvf_quantity *q,
			  const fact_list *out, int first, nvf_fact *f, bool *reference)
{
	attribution a = {ds, s, q, nvf_clause_of(s, q->start), 0, -1, -1, false, 0, -1, NVF_MEASURE_NONE, NULL, NULL,
	NOT_INHERITED, 0};
	const nvf_metric *m;
	nvf_measure measure;
	bool		share,
				neutral = false,	/* a surprise's status is not read from words */
				past,
				benchmark,
				expectation;
	int			sign,
				entity;

	a.cstart = clause_start(s, a.clause);
	a.open = open_bracket(&a);
	for (int k = out->n - 1; k >= first && !a.prev; k--)
		if (!out->reference[k])
			a.prev = &out->items[k];
	a.last = out->n > first ? &out->items[out->n - 1] : NULL;
	if (!find_metric(&a, ds))
		return false;
	/* a magnitude that borrowed its currency needs its metric in its own clause */
	if ((q->flags & NVF_Q_UNITLESS) && (a.metric_m < 0 || s->m[a.metric_m].start < a.cstart))
		return false;
	a.base = base_period(&a);
	for (int k = out->n - 1; k >= first && !a.prev_measure; k--)
		if (out->items[k].metric == a.metric && !out->reference[k])
			a.prev_measure = out->items[k].measure;
	m = nvf_lexicon_metric(ds->lex, a.metric);
	if (!(measure = find_measure(&a, m, &share, &sign)) || no_share_price(&a, ds, measure))
		return false;
	if ((entity = find_entity(&a, ds)) == ENTITY_NONE)
		return false;
	if (entity >= 0 && (size_t) entity >= ds->nentities)
		return false;
	memset(f, 0, sizeof(*f));
	f->entity = entity < 0 ? -1 : entity;
	f->metric = a.metric;
	f->segment = find_segment(&a, share);
	f->basis = find_basis(&a);
	f->measure = measure;
	f->unit = fact_unit(ds, q, f->entity, f->metric);
	if (f->entity >= 0 && (q->flags & NVF_Q_NAMED_YUAN) && !(q->flags & NVF_Q_CONVERTED))
		ds->own_currency[f->entity] = q->unit;	/* 新台币…元: the company's 元 */
	nvf_set_value(f, q, sign * loss_sign(&a, measure), share && q->unit == NVF_UNIT_TIMES);
	f->approx = q->approx;
	f->status = measure == NVF_MEASURE_SURPRISE ? surprise_status(&a, out, first)
		: find_status(&a, &neutral);
	/* 据IDC预测，全球AI服务器市场规模将达到…: no company gives an outlook of a
	 * market it does not name, nor of the world's (黄仁勋预计全球AI支出将达…):
	 * it is someone's forecast */
	if (f->status == NVF_STATUS_GUIDANCE && f->entity < 0 &&
		((neutral && nvf_first_mention(s, s->start, q->start, NVF_TERM_ENTITY, 0) < 0 &&
		  !has_cue(s, s->start, q->start, NVF_CUE_GROUP)) || world_subject(&a)))
		f->status = NVF_STATUS_FORECAST;
	expectation = expectation_cue(&a) >= 0;
	/* 收入222億美元，高於市場預期的約214億美元: the expectation a reported figure
	 * is measured against is of that figure's period */
	benchmark = beaten_base(&a) || (f->status != NVF_STATUS_ACTUAL && status_after(&a) != NVF_STATUS_NONE &&
									 !status_before(s, q->start, false, &neutral)) ||
		(expectation && after_reported(&a) && !clause_period(&a));
	*reference = a.base >= 0 || expectation || benchmark;
	/* the guidance a reported figure beat (好于240亿美元指引) is of the same period */
	f->period = find_period(&a, ds, entity, m, f->measure, benchmark ? NVF_STATUS_ACTUAL : f->status,
							benchmark || f->status == NVF_STATUS_FORECAST, env, &past);
	if (neutral && past)
		f->status = NVF_STATUS_ACTUAL;	/* 我们估计过去四个季度...: an estimate of the past */
	/* 从X变为Y: X is of an earlier period; an outlook revised (指引从X上调至Y) is of the same one */
	if (is_from_base(&a) && a.base < 0 && f->status == NVF_STATUS_ACTUAL)
		f->period.fy = f->period.fq = 0;
	/* a figure for a period not ended when the page was written is an outlook */
	if (f->status == NVF_STATUS_ACTUAL && entity >= 0 && m->flow &&
		unended(&f->period, nvf_lexicon_entity(ds->lex, entity)->fy_end_month, ds->published) &&
		nearest_cue(&a, CUE(NVF_CUE_DONE)) < 0)
		f->status = NVF_STATUS_GUIDANCE;
	return true;
}

/* ---- the sentence ------------------------------------------------------ */

static bool
skipped_quantity(const nvf_quantity *q)
{
	return q->unit == NVF_UNIT_ITEMS || (q->flags & (NVF_Q_VAGUE | NVF_Q_CONVERTED));
}

/* 1美元兑30.6元新台币: both sides of an exchange rate are no figure of anything. */
static bool
exchange_rate(const sentence *s, const nvf_quantity *q)
{
	return (q->end + 3 <= s->end && memcmp(s->t + q->end, "兑", 3) == 0) ||
		(q->start >= 3 && memcmp(s->t + q->start - 3, "兑", 3) == 0);
}

/* The currency of the money figure before q[i] in its sentence, or NONE. */
static nvf_unit
money_before(const sentence *s, int i)
{
	for (int k = i - 1; k >= 0; k--)
		if (!(s->q[k].flags & NVF_Q_UNITLESS) && nvf_unit_is_money(s->q[k].unit))
			return s->q[k].unit;
	return NVF_UNIT_NONE;
}

/* A tolerance figure: right after 上下浮动 / ± in its clause, the first figure there. */
static bool
is_tolerance(const sentence *s, const nvf_quantity *q)
{
	int			c = nvf_clause_of(s, q->start);
	int			t = last_mention(s, clause_start(s, c), q->start, NVF_TERM_CUE, NVF_CUE_TOLERANCE);

	if (q->unit != NVF_UNIT_PERCENT && q->unit != NVF_UNIT_PP && !nvf_unit_is_money(q->unit))
		return false;
	/* (the first figure after the cue: 上下浮动2%（预期727亿美元）) */
	if (t >= 0 && q->start - s->m[t].end <= VERB_GAP && !nvf_quantity_in(s, s->m[t].end, q->start))
		return true;
	return q->start >= 2 && memcmp(s->t + q->start - 2, "±", 2) == 0;
}

/* Money per unit spent (每花费1美元 ... 赚7美元): a return ratio, no facts. */
static bool
per_unit_sentence(const sentence *s)
{
	for (int i = 0; i < s->nq; i++)
	{
		int			p = last_mention(s, s->start, s->q[i].start, NVF_TERM_CUE, NVF_CUE_PER);

		if (nvf_unit_is_money(s->q[i].unit) &&
			((p >= 0 && s->q[i].start - s->m[p].end <= 9) ||
			 (s->q[i].start >= 3 && memcmp(s->t + s->q[i].start - 3, "每", 3) == 0)))
			return true;
	}
	return false;
}

void
nvf_push_fact(nvf_env *env, fact_list *out, const nvf_fact *f, size_t qstart, bool reference)
{
	if (out->n == out->cap)
	{
		int			cap = out->cap ? 2 * out->cap : 16;
		nvf_fact   *items = nvf_alloc(env, cap * sizeof(nvf_fact));
		size_t	   *qs = nvf_alloc(env, cap * sizeof(size_t));
		bool	   *refs = nvf_alloc(env, cap * sizeof(bool));

		if (out->n)
		{
			memcpy(items, out->items, out->n * sizeof(nvf_fact));
			memcpy(qs, out->qstart, out->n * sizeof(size_t));
			memcpy(refs, out->reference, out->n * sizeof(bool));
		}
		out->items = items;
		out->qstart = qs;
		out->reference = refs;
		out->cap = cap;
	}
	out->qstart[out->n] = qstart;
	out->reference[out->n] = reference;
	out->items[out->n++] = *f;
}

/* Widens target by tolerance t: absolute for percentages, relative for money. */
static void
apply_tolerance(nvf_fact *target, const nvf_quantity *t)
{
	nvf_dec		d = t->value;

	if (!target->value.ok || !d.ok)
		return;
	/* 上下浮动2% of money is relative; 上下浮动3亿美元 and ±1.0pct are absolute */
	if (t->unit == NVF_UNIT_PERCENT && target->unit != NVF_UNIT_PERCENT && target->unit != NVF_UNIT_PP)
		d = nvf_dec_mul(target->value, nvf_dec_shift(d, -2));
	if (d.mant < 0)
		d = nvf_dec_neg(d);
	target->low = nvf_dec_add(target->value, nvf_dec_neg(d));
	target->high = nvf_dec_add(target->value, d);
}

/*
 * 毛利率将分别为71.2%和72.0%，上下浮动50个基点: where the list a tolerance
 * after it also covers begins — the clause of the figure at q when 分别 opens
 * that list; else q itself (the tolerance is that one figure's).
 */
static size_t
respectively_from(const sentence *s, size_t q)
{
	size_t		c = clause_start(s, nvf_clause_of(s, q));

	return has_cue(s, c, q, NVF_CUE_RESPECTIVELY) ? c : q;
}

static void
tolerances(const sentence *s, fact_list *out, int first)
{
	for (int i = 0; i < s->nq; i++)
	{
		const nvf_quantity *t = &s->q[i];
		int			c = nvf_clause_of(s, t->start);
		bool		each = has_cue(s, clause_start(s, c), t->start, NVF_CUE_EACH) ||
			has_cue(s, clause_start(s, c), t->start, NVF_CUE_RESPECTIVELY);
		size_t		from = SIZE_MAX;

		if (skipped_quantity(t) || !is_tolerance(s, t))
			continue;
		for (int k = out->n - 1; k >= first; k--)
		{
			/* a tolerance in money applies to figures in that money only */
			if (out->qstart[k] >= t->start ||
				(nvf_unit_is_money(t->unit) && out->items[k].unit != t->unit))
				continue;
			if (from == SIZE_MAX)
				from = respectively_from(s, out->qstart[k]);
			else if (!each && out->qstart[k] < from)
				break;
			apply_tolerance(&out->items[k], t);
		}
	}
}

static int
item_slot(const mention *m)
{
	if (m->term->kind != NVF_TERM_CUE)
		return (int) m->term->kind;
	return (is_cue(m, NVF_CUE_GAAP) || is_cue(m, NVF_CUE_NON_GAAP)) ? ITEM_BASIS : -1;
}

/* The k-th of the last n items of a list, or -1 when the list is shorter. */
static int
pick(const item_list *l, int n, int k)
{
	return (l->n >= n && n > 1 && k < n) ? l->id[l->n - n + k] : -1;
}

static void
add_item(item_list *l, int id)
{
	if (l->n < NVF_NAMED_MAX)
		l->id[l->n++] = id;
}

/*
 * Only list glue and items of other kinds between a and b (GAAP毛利率和非GAAP
 * 毛利率 is one list of bases)?
 */
static bool
other_items_between(const sentence *s, size_t a, size_t b, int slot)
{
	size_t		k = a;

	for (int i = 0; i < s->nm && k < b; i++)
	{
		if (s->m[i].start < k || s->m[i].end > b)
			continue;
		if (item_slot(&s->m[i]) < 0 || item_slot(&s->m[i]) == slot ||
			!nvf_only_fillers(s, k, s->m[i].start, item_glue))
			return false;
		k = s->m[i].end;
	}
	return nvf_only_fillers(s, k, b, item_glue);
}

/*
 * The years of a list in [lo, hi): a range (2025-2027年) or years joined by
 * / 、 和 (FY26/FY27/FY28).
 */
static void
collect_years(const sentence *s, size_t lo, size_t hi, item_list *years)
{
	static const char *const glue[] = {"/", "、", "和", " ", NULL};
	size_t		last_end = 0;

	for (int i = NVF_FIRST_FROM(s->p, s->np, lo); i < s->np && s->p[i].end <= hi; i++)
	{
		const nvf_period_mention *p = &s->p[i];

		if (p->year_form == NVF_YEAR_RELATIVE || p->comparison)
			continue;
		if (p->year_to > p->year)
			for (int y = p->year; y <= p->year_to; y++)
				add_item(years, y);
		else if (p->kind == NVF_PK_YEAR && p->year)
		{
			if (years->n && !(last_end && nvf_only_fillers(s, last_end, p->start, glue)))
				years->n = 0;	/* only the last list */
			add_item(years, p->year);
			last_end = p->end;
		}
	}
}

/* The items listed in [lo, hi): names by kind, and the years of a year list or range. */
static void
collect_items(const sentence *s, size_t lo, size_t hi, item_list *items)
{
	size_t		last_end[ITEM_SLOTS] = {0};

	for (int i = 0; i < s->nm; i++)
	{
		int			slot = item_slot(&s->m[i]);

		if (slot < 0 || s->m[i].start < lo || s->m[i].end > hi)
			continue;
		/* only the last list: 营收...GAAP及非GAAP毛利率分别 lists bases, not metrics */
		if (items[slot].n && !nvf_only_glue(s, last_end[slot], s->m[i].start, item_glue) &&
			!other_items_between(s, last_end[slot], s->m[i].start, slot))
			items[slot].n = 0;
		add_item(&items[slot], is_cue(&s->m[i], NVF_CUE_GAAP) ? 0 :
				 is_cue(&s->m[i], NVF_CUE_NON_GAAP) ? 1 : s->m[i].term->id);
		last_end[slot] = s->m[i].end;
	}
	collect_years(s, lo, hi, &items[ITEM_YEAR]);
}

/* The items listed before 分别 (mention r); whether a list of one kind is as long as its nfig figures. */
static bool
list_as_long(const sentence *s, int r, int nfig, item_list *items)
{
	bool		listed = false;

	collect_items(s, s->start, s->m[r].start, items);
	for (int k = 0; k < ITEM_SLOTS; k++)
		listed |= items[k].n >= nfig;
	return listed;
}

/* The number of facts whose figure lies in [lo, hi). */
static int
figures_in(const fact_list *out, int first, size_t lo, size_t hi)
{
	int			n = 0;

	for (int f = first; f < out->n; f++)
		n += out->qstart[f] >= lo && out->qstart[f] < hi;
	return n;
}

/*
 * 营收为X，毛利率Y，EPS为Z，而一致预期分别为A、B和C, 专业可视化收入X，汽车业务
 * 收入Y，同比分别增长A和B: with no list as long as the figures after 分别, the
 * names of one kind (metrics, parts, companies) named one by one before it, in order.
 */
int
nvf_named_in_order(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind, int ids[NVF_NAMED_MAX])
{
	int			n = 0;

	for (int i = first_at(s, lo); i < s->nm && s->m[i].start < hi; i++)
		if (s->m[i].term->kind == kind && (n == 0 || s->m[i].term->id != ids[n - 1]))
		{
			if (n == NVF_NAMED_MAX)
				memmove(ids, ids + 1, (NVF_NAMED_MAX - 1) * sizeof(int)), n--;
			ids[n++] = s->m[i].term->id;
		}
	return n;
}

static void
named_one_by_one(const sentence *s, size_t lo, size_t hi, int nfig, nvf_term_kind kind, item_list *l)
{
	item_list	all = {{0}, 0};

	all.n = nvf_named_in_order(s, lo, hi, kind, all.id);
	if (l->n < nfig && all.n >= nfig)
		*l = all;
}

/* A quarter its companies share (微软和谷歌三季度…分别). */
static bool
shared_quarter(const nvf_period_mention *p)
{
	return p->shared;
}

/* Gives the k-th figure after a list its k-th item of each kind. */
static void
distribute(const nvf_lexicon *lex, const sentence *s, fact_list *out, int first, size_t lo, size_t hi,
		   const item_list *items)
{
	int			nfig = figures_in(out, first, lo, hi),
				k = 0;

	for (int f = first; f < out->n; f++)
	{
		nvf_fact   *x = &out->items[f];
		int			v;

		if (out->qstart[f] < lo || out->qstart[f] >= hi)
			continue;
		if ((v = pick(&items[NVF_TERM_SEGMENT], nfig, k)) >= 0)
			x->segment = v;
		if ((v = pick(&items[NVF_TERM_METRIC], nfig, k)) >= 0)
			x->metric = v;
		if ((v = pick(&items[NVF_TERM_ENTITY], nfig, k)) >= 0)
		{
			/* 微软和谷歌三季度…分别: a quarter of the companies together is a calendar one */
			if (x->entity < 0 && x->period.kind == NVF_PK_QUARTER && nvf_period_before(s, lo, shared_quarter))
				x->period = nvf_period_in_calendar(&x->period, nvf_lexicon_entity(lex, v)->fy_end_month);
			x->entity = v;
		}
		if ((v = pick(&items[ITEM_BASIS], nfig, k)) >= 0)
			x->basis = v == 0 ? NVF_BASIS_GAAP : NVF_BASIS_NON_GAAP;
		if ((v = pick(&items[ITEM_YEAR], nfig, k)) >= 0)
			x->period.fy = v;
		k++;
	}
}

/* 2022年, 今年 (not 同期): a period naming a year. */
static bool
names_year(const nvf_period_mention *p)
{
	return p->year_form != NVF_YEAR_NONE && !p->same_period;
}

/*
 * 2022年至2024年，营收分别为…；同期净亏损分别为A、B和C, 营收X，每股收益Y；此前
 * 预测分别为A和B: a 分别 with no list before it in its sentence takes the years
 * the sentence before named as a range, if its sentence names no year, or the
 * metrics it named one by one, if its sentence names no metric, when as many as
 * the figures.
 */
static void
lists_of_sentence_before(const doc_state *ds, const sentence *s, size_t pos, int nfig, item_list *items)
{
	const nvf_period_mention *p = &ds->years_before;

	if (!nvf_period_before(s, pos, names_year) && items[ITEM_YEAR].n == 0 && p->kind != NVF_PK_NONE && p->year_to - p->year + 1 == nfig)
		for (int y = p->year; y <= p->year_to; y++)
			add_item(&items[ITEM_YEAR], y);
	if (ds->nmetrics_before >= nfig && nfig > 1 &&
		nvf_first_mention(s, s->start, pos, NVF_TERM_METRIC, 0) < 0)
	{
		items[NVF_TERM_METRIC].n = 0;
		for (int k = ds->nmetrics_before - nfig; k < ds->nmetrics_before; k++)
			add_item(&items[NVF_TERM_METRIC], ds->metrics_before[k]);
	}
}

/*
 * 分别: the i-th of the last items listed before it (in its sentence) goes
 * with the i-th figure after it in its clause.
 */
static void
respectively(const doc_state *ds, const sentence *s, fact_list *out, int first)
{
	static const nvf_term_kind named_kinds[] = {NVF_TERM_METRIC, NVF_TERM_SEGMENT, NVF_TERM_ENTITY};

	for (int r = 0; r < s->nm; r++)
	{
		item_list	items[ITEM_SLOTS] = {{{0}, 0}};
		int			nfig;
		bool		listed;

		if (!is_cue(&s->m[r], NVF_CUE_RESPECTIVELY))
			continue;
		nfig = figures_in(out, first, s->m[r].end, s->clause_end[s->m[r].clause]);
		listed = list_as_long(s, r, nfig, items);
		for (size_t k = 0; !listed && k < sizeof(named_kinds) / sizeof(named_kinds[0]); k++)
			named_one_by_one(s, s->start, s->m[r].start, nfig, named_kinds[k], &items[named_kinds[k]]);
		if (!listed)
			lists_of_sentence_before(ds, s, s->m[r].start, nfig, items);
		distribute(ds->lex, s, out, first, s->m[r].end, s->clause_end[s->m[r].clause], items);
	}
}

/* Is q[i+1] listed right after q[i], joined by / or 、? */
static bool
listed_next(const sentence *s, int i)
{
	size_t		e = s->q[i].end;

	if (i + 1 >= s->nq)
		return false;
	if (e < s->end && s->t[e] == '/' && s->q[i + 1].start == e + 1)
		return true;
	return e + 3 <= s->end && memcmp(s->t + e, "、", 3) == 0 && s->q[i + 1].start == e + 3;
}

/*
 * GAAP/Non-GAAP毛利率升到61.2%/62.0%, 毛利率、营益率小幅降至55%、44%: figures
 * joined by / or 、 take the items listed before them in their clause, in order.
 */
static void
slash_lists(const nvf_lexicon *lex, const sentence *s, fact_list *out, int first)
{
	for (int i = 0; i + 1 < s->nq; i++)
	{
		int			c = nvf_clause_of(s, s->q[i].start);
		item_list	items[ITEM_SLOTS] = {{{0}, 0}};
		size_t		lo = clause_start(s, c),
					hi;
		int			j = i;

		/* a list after 分别 is respectively()'s */
		if (!listed_next(s, i) || has_cue(s, lo, s->q[i].start, NVF_CUE_RESPECTIVELY))
			continue;
		while (j + 1 < s->nq && listed_next(s, j))
			j++;
		hi = s->q[j].end;
		collect_items(s, lo, s->q[i].start, items);
		if (items[ITEM_BASIS].n == 0 || items[ITEM_YEAR].n == 0)
		{
			/* GAAP/Non-GAAP每股收益依次为...，同比增加41%/97%; FY27/FY28营收预估调到430/505亿美元，
			 * 对应每股收益11.20/13.05美元: the bases and years of the sentence */
			item_list	all[ITEM_SLOTS] = {{{0}, 0}};

			collect_items(s, s->start, s->q[i].start, all);
			if (items[ITEM_BASIS].n == 0)
				items[ITEM_BASIS] = all[ITEM_BASIS];
			if (items[ITEM_YEAR].n == 0)
				items[ITEM_YEAR] = all[ITEM_YEAR];
		}
		for (int k = 0; k < ITEM_SLOTS; k++)
			if (items[k].n < j - i + 1)
				items[k].n = 0;	/* only lists as long as the figures */
		distribute(lex, s, out, first, s->q[i].start, hi, items);
		i = j;
	}
}

/*
 * The word that gives fact f to each item listed before it: 同为 right
 * before the figure, or 分别 with a single figure after it in its clause.
 */
static int
each_cue(const sentence *s, const fact_list *out, int f)
{
	int			b = last_mention(s, s->start, out->qstart[f], NVF_TERM_CUE, NVF_CUE_BOTH),
				r,
				q;

	if (b >= 0 && out->qstart[f] - s->m[b].end <= 6)
		return b;
	r = last_mention(s, s->start, out->qstart[f], NVF_TERM_CUE, NVF_CUE_RESPECTIVELY);
	if (r < 0)
		return -1;
	q = NVF_FIRST_FROM(s->q, s->nq, s->m[r].end);
	return (q + 1 >= s->nq || s->q[q + 1].start >= s->clause_end[s->m[r].clause]) ? r : -1;
}

/*
 * GAAP和非GAAP毛利率两者同为75%, 超大规模客户和垂直行业客户分别约占数据中心
 * 收入的50%: the one figure is each listed basis's or segment's: one fact per item.
 */
static void
both_items(nvf_env *env, const sentence *s, fact_list *out, int first)
{
	int			n = out->n;

	for (int f = first; f < n; f++)
	{
		int			b = each_cue(s, out, f);
		item_list	items[ITEM_SLOTS] = {{{0}, 0}};
		const item_list *l;

		if (b < 0)
			continue;
		collect_items(s, s->start, s->m[b].start, items);
		l = items[ITEM_BASIS].n >= 2 ? &items[ITEM_BASIS] : &items[NVF_TERM_SEGMENT];
		for (int k = 0; k < l->n && l->n >= 2; k++)
		{
			nvf_fact	x = out->items[f];

			if (l == &items[ITEM_BASIS])
				x.basis = l->id[k] == 0 ? NVF_BASIS_GAAP : NVF_BASIS_NON_GAAP;
			else
				x.segment = l->id[k];
			if (k == 0)
				out->items[f] = x;
			else
				nvf_push_fact(env, out, &x, out->qstart[f], out->reference[f]);
		}
	}
}

void
nvf_sentence_facts(doc_state *ds, nvf_env *env, const sentence *s, fact_list *out)
{
	int			first = out->n;
	bool		per_unit = per_unit_sentence(s);

	for (int i = 0; i < s->nq; i++)
	{
		nvf_fact	f;
		nvf_quantity q = s->q[i];
		bool		reference;

		/* 营收300亿美元，净利润120亿: a magnitude without unit in a sentence of money */
		if ((q.flags & NVF_Q_UNITLESS) && (q.unit = money_before(s, i)) == NVF_UNIT_NONE)
			continue;
		if (skipped_quantity(&q) || is_tolerance(s, &q) || exchange_rate(s, &q))
			continue;
		if (!quantity_fact(ds, env, s, &q, out, first, &f, &reference))
			continue;
		if (per_unit && nvf_unit_is_money(f.unit) && nvf_lexicon_metric(ds->lex, f.metric)->flow)
			continue;
		f.ostart = s->q[i].ostart;
		f.oend = s->q[i].oend;
		nvf_push_fact(env, out, &f, s->q[i].start, reference);
	}
	respectively(ds, s, out, first);
	slash_lists(ds->lex, s, out, first);
	both_items(env, s, out, first);
	tolerances(s, out, first);
}

int
nvf_sentence_subject(const doc_state *ds, const sentence *s)
{
	attribution a = {ds, s, NULL, 0, s->start, -1, -1, false, s->start, -1, NVF_MEASURE_NONE, NULL, NULL, NOT_INHERITED,
	0};
	int			e = entity_in(&a, s->start, s->end);

	(void) ds;
	if (e == ENTITY_NONE && has_cue(s, s->start, s->end, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	return e;
}
