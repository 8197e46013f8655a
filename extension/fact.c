/*
 * fact.c — from one sentence's quantities to facts: which metric, which
 * entity (local to the clause, carried when the subject is dropped), which
 * segment, measure and sign, status, basis and period; then 分别 and
 * tolerances (上下浮动) across the sentence.
 */
#include <string.h>

#include "extract_internal.h"

#define ATTACH_GAP 9			/* bytes between an entity and its metric (的 + a few) */
#define AFTER_GAP 15			/* 110亿美元的收入: metric after the figure */
#define VERB_GAP 12
#define MAX_MULTIPLE 100		/* a metric that grew more than 100-fold is a misreading */				/* 下降了 3个百分点: a direction word right before */

typedef struct attribution
{
	const sentence *s;
	const nvf_quantity *q;
	int			clause;
	size_t		cstart;			/* start of q's clause */
	int			metric_m;		/* mention index of the metric, -1 none */
	int			metric;
	bool		metric_after;	/* 40%的收入 */
	size_t		metric_cstart;	/* start of the metric's clause */
} attribution;

/* ---- mention search --------------------------------------------------- */

static bool
is_cue(const mention *m, nvf_cue cue)
{
	return m->term->kind == NVF_TERM_CUE && m->term->id == (int) cue;
}

static size_t
clause_start(const sentence *s, int c)
{
	return c == 0 ? s->start : s->clause_end[c - 1];
}

/* Last mention of kind (and cue, for cues) inside [lo, hi). */
static int
last_mention(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind, int cue)
{
	int			first = NVF_FIRST_FROM(s->m, s->nm, lo);

	for (int i = NVF_FIRST_FROM(s->m, s->nm, hi) - 1; i >= first; i--)
		if (s->m[i].end <= hi && s->m[i].term->kind == kind &&
			(kind != NVF_TERM_CUE || s->m[i].term->id == cue))
			return i;
	return -1;
}

static int
first_mention(const sentence *s, size_t lo, size_t hi, nvf_term_kind kind)
{
	for (int i = NVF_FIRST_FROM(s->m, s->nm, lo); i < s->nm && s->m[i].start < hi; i++)
		if (s->m[i].end <= hi && s->m[i].term->kind == kind)
			return i;
	return -1;
}

static bool
has_cue(const sentence *s, size_t lo, size_t hi, nvf_cue cue)
{
	return last_mention(s, lo, hi, NVF_TERM_CUE, cue) >= 0;
}

/* Only list glue (、 和 与 及 spaces) between two byte offsets? */
static bool
list_glue(const sentence *s, size_t a, size_t b)
{
	static const char *const glue[] = {"、", "和", "与", "及", "以及", ",", " ", NULL};
	size_t		i = a;

	while (i < b)
	{
		int			k;

		for (k = 0; glue[k]; k++)
			if (i + strlen(glue[k]) <= b && memcmp(s->t + i, glue[k], strlen(glue[k])) == 0)
				break;
		if (!glue[k])
			return false;
		i += strlen(glue[k]);
	}
	return b > a;
}

/* ---- metric ----------------------------------------------------------- */

/* A product (a segment with a maker) named in [lo, hi), or -1. */
static int
product_in(const sentence *s, const nvf_lexicon *lex, size_t lo, size_t hi)
{
	for (int i = s->nm - 1; i >= 0; i--)
		if (s->m[i].start >= lo && s->m[i].end <= hi && s->m[i].term->kind == NVF_TERM_SEGMENT &&
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

/* The metric mention for the quantity, searched outward from it. */
static bool
find_metric(attribution *a, doc_state *ds)
{
	const sentence *s = a->s;
	int			i = last_mention(s, a->cstart, a->q->start, NVF_TERM_METRIC, 0);

	a->metric_cstart = a->cstart;
	if (i < 0)
	{
		int			j = first_mention(s, a->q->end, s->clause_end[a->clause], NVF_TERM_METRIC);

		if (j >= 0 && s->m[j].start - a->q->end <= AFTER_GAP)
		{
			i = j;
			a->metric_after = true;
		}
	}
	if (i < 0 && (i = last_mention(s, s->start, a->cstart, NVF_TERM_METRIC, 0)) >= 0)
		a->metric_cstart = clause_start(s, s->m[i].clause);
	if (i >= 0 && !metric_usable(s, ds->lex, &s->m[i], a->q->start))
		return false;
	a->metric_m = i;
	a->metric = i >= 0 ? s->m[i].term->id : (ds->carry_metric_age <= 1 ? ds->carry_metric : -1);
	if (i < 0)
		a->metric_cstart = s->start;
	return a->metric >= 0;
}

/* ---- entity ----------------------------------------------------------- */

/* The entity named in [lo, hi): a list of them is a group. */
static int
entity_in(const attribution *a, size_t lo, size_t hi)
{
	const sentence *s = a->s;
	int			first = first_mention(s, lo, hi, NVF_TERM_ENTITY);
	int			last = last_mention(s, lo, hi, NVF_TERM_ENTITY, 0);

	if (first < 0)
		return ENTITY_NONE;
	/* the entity right before the metric owns it: 英伟达的对手AMD营收 */
	if (a->metric_m >= 0 && !a->metric_after)
	{
		const mention *mm = &s->m[a->metric_m];

		for (int i = last; i >= first; i--)
			if (s->m[i].term->kind == NVF_TERM_ENTITY && s->m[i].end <= mm->start &&
				mm->start - s->m[i].end <= ATTACH_GAP)
				return s->m[i].term->id;
	}
	for (int i = first + 1; i <= last; i++)
		if (s->m[i].term->kind == NVF_TERM_ENTITY && s->m[i].term->id != s->m[first].term->id &&
			list_glue(s, s->m[i - 1].end, s->m[i].start))
			return ENTITY_GROUP;
	if (has_cue(s, lo, s->m[first].start, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	return s->m[first].term->id;
}

/* The maker of a product named before the figure (H100 -> NVIDIA), or -1. */
static int
product_owner(const attribution *a, const doc_state *ds)
{
	int			i = product_in(a->s, ds->lex, a->s->start, a->q->start);

	return i >= 0 ? nvf_lexicon_segment(ds->lex, a->s->m[i].term->id)->owner : -1;
}

static int
find_entity(const attribution *a, const doc_state *ds)
{
	const sentence *s = a->s;
	int			e = entity_in(a, a->cstart, a->q->start);
	int			owner;

	for (int c = a->clause - 1; e == ENTITY_NONE && c >= 0; c--)
		e = entity_in(a, clause_start(s, c), s->clause_end[c]);
	if (e != ENTITY_NONE)
		return e;
	/* 他们, 这些巨头 with no name in the sentence: several companies */
	if (has_cue(s, s->start, a->q->start, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	if ((owner = product_owner(a, ds)) >= 0)
		return owner;
	/* 招商银行上半年营收...: a company the lexicon does not know */
	if (has_cue(s, s->start, a->q->start, NVF_CUE_OTHER_ORG))
		return ENTITY_NONE;
	if (ds->carry_entity != ENTITY_NONE && ds->carry_age <= CARRY_SENTENCES)
		return ds->carry_entity;
	return entity_in(a, a->q->end, s->end);
}

/* ---- segment, basis --------------------------------------------------- */

static int
find_segment(const attribution *a, bool share)
{
	const sentence *s = a->s;
	size_t		hi = a->q->start;
	int			i,
				tot;

	if (share)
	{
		/* the part whose share it is comes before 占 / 贡献 */
		int			c = last_mention(s, s->start, a->q->start, NVF_TERM_CUE, NVF_CUE_SHARE);

		if (c >= 0)
			hi = s->m[c].start;
		i = last_mention(s, s->start, hi, NVF_TERM_SEGMENT, 0);
		return i >= 0 ? s->m[i].term->id : -1;
	}
	if (a->metric_m >= 0 && !a->metric_after)
		hi = a->metric_m >= 0 && a->metric_cstart != a->cstart ? s->m[a->metric_m].end : hi;
	tot = last_mention(s, a->metric_cstart, hi, NVF_TERM_CUE, NVF_CUE_TOTAL);
	i = last_mention(s, a->metric_cstart, hi, NVF_TERM_SEGMENT, 0);
	/* 游戏业务受...影响，营收为25亿美元: the topic clause names the segment */
	if (i < 0 && tot < 0 && a->metric_cstart > s->start)
	{
		int			c = nvf_clause_of(s, a->metric_cstart);

		i = last_mention(s, clause_start(s, c - 1), a->metric_cstart, NVF_TERM_SEGMENT, 0);
		if (i >= 0 && first_mention(s, s->m[i].end, a->metric_cstart, NVF_TERM_METRIC) >= 0)
			i = -1;
	}
	if (i < 0 && a->metric_m >= 0 && (s->m[a->metric_m].term->flags & NVF_TERM_NEEDS_SEGMENT))
		i = last_mention(s, s->start, a->q->start, NVF_TERM_SEGMENT, 0);
	if (i < 0 || (tot >= 0 && s->m[tot].start > s->m[i].start))
		return -1;
	return s->m[i].term->id;
}

static const char *
find_basis(const attribution *a)
{
	int			g = last_mention(a->s, a->metric_cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_GAAP);
	int			n = last_mention(a->s, a->metric_cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_NON_GAAP);

	if (n >= 0 && (g < 0 || a->s->m[n].start > a->s->m[g].start))
		return "non_gaap";
	return g >= 0 ? "gaap" : NULL;
}

/* ---- measure, sign, status -------------------------------------------- */

/* yoy or qoq from cues and comparison periods (较第三季度) in the clause. */
static const char *
comparison_measure(const attribution *a)
{
	const sentence *s = a->s;

	size_t		after = a->q->end + AFTER_GAP < s->clause_end[a->clause]
		? a->q->end + AFTER_GAP : s->clause_end[a->clause];

	/* 同比增长262%, or after it: rose 262% year over year */
	if (has_cue(s, a->cstart, a->q->start, NVF_CUE_YOY))
		return "yoy";
	if (has_cue(s, a->cstart, a->q->start, NVF_CUE_QOQ))
		return "qoq";
	if (has_cue(s, a->q->end, after, NVF_CUE_YOY))
		return "yoy";
	if (has_cue(s, a->q->end, after, NVF_CUE_QOQ))
		return "qoq";
	for (int i = 0; i < s->np; i++)
	{
		const nvf_period_mention *p = &s->p[i];

		if (p->comparison && p->start >= a->cstart && p->end <= a->q->start)
			return (p->quarter || p->kind == NVF_PER_REL_QUARTER) ? "qoq" : "yoy";
	}
	return NULL;
}

/*
 * The direction word nearest before the figure: -1 down, +1 up, 0 none or
 * a verb ending in 至/到 (回落到78%: the new level, not the change).
 */
static int
direction(const attribution *a, bool *adjacent)
{
	const sentence *s = a->s;
	bool		to_level = false;

	*adjacent = false;
	for (int i = s->nm - 1; i >= 0; i--)
	{
		const mention *m = &s->m[i];
		int			id = m->term->id;

		if (m->start < a->cstart || m->end > a->q->start || m->term->kind != NVF_TERM_CUE)
			continue;
		if (id == NVF_CUE_UP_NOUN || id == NVF_CUE_DOWN_NOUN)
			return id == NVF_CUE_DOWN_NOUN ? -1 : 1;
		if (id != NVF_CUE_UP && id != NVF_CUE_DOWN)
			continue;
		if (nvf_text_between_has(s, m->end, a->q->start, "至") ||
			nvf_text_between_has(s, m->end, a->q->start, "到"))
		{
			to_level = true;	/* 回落到78%: the new level; a noun may still say more */
			continue;
		}
		if (to_level)
			return 0;
		*adjacent = a->q->start - m->end <= VERB_GAP;
		return id == NVF_CUE_DOWN ? -1 : 1;
	}
	return 0;
}

/* 超出预期的0.84美元: the figure right after 预期的 is the expectation itself. */
static bool
is_expectation(const attribution *a)
{
	int			c = last_mention(a->s, a->cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_SURPRISE);

	return c >= 0 && a->q->start - a->s->m[c].end <= 6 &&
		nvf_text_between_has(a->s, a->s->m[c].end, a->q->start, "的");
}

/* 从37亿美元(增长至...): the starting point, an actual figure of no stated period. */
static bool
is_from_base(const attribution *a)
{
	int			from = last_mention(a->s, a->cstart, a->q->start, NVF_TERM_CUE, NVF_CUE_FROM);

	return from >= 0 && a->q->start - a->s->m[from].end <= 3;
}

static const char *
find_status(const attribution *a)
{
	const sentence *s = a->s;
	size_t		prev = a->clause > 0 ? clause_start(s, a->clause - 1) : s->start;

	if (is_from_base(a))
		return "actual";
	if (is_expectation(a))
		return "forecast";
	/* 比之前的(375亿美元)只高了18亿: the base a beat is measured from */
	if (has_cue(s, a->q->end, s->clause_end[a->clause], NVF_CUE_SURPRISE) &&
		a->q->start >= a->cstart + 3 && nvf_text_between_has(s, a->cstart, a->q->start, "比"))
		return "guidance";
	if (has_cue(s, prev, a->q->start, NVF_CUE_FORECAST))
		return "forecast";
	if (has_cue(s, prev, a->q->start, NVF_CUE_GUIDANCE))
		return "guidance";
	return "actual";
}

/* ---- one quantity -> one fact ------------------------------------------ */

static bool
unit_is_money(const char *u)
{
	return strcmp(u, "%") != 0 && strcmp(u, "pp") != 0 && strcmp(u, "x") != 0 &&
		strcmp(u, "count") != 0;
}

/* Measure for the quantity given its metric; NULL: the pair makes no fact. */
static const char *
find_measure(const attribution *a, const nvf_metric *m, bool *share, int *sign)
{
	const sentence *s = a->s;
	const char *u = a->q->unit;
	const char *cmp = comparison_measure(a);
	bool		adjacent;
	int			dir = direction(a, &adjacent);
	bool		surprise = has_cue(s, a->cstart, a->q->start, NVF_CUE_SURPRISE);

	*share = false;
	*sign = dir < 0 ? -1 : 1;
	if (unit_is_money(u))
	{
		if (m->family == NVF_FAMILY_PERCENT)
			return NULL;
		if (surprise && !is_expectation(a))
			return "surprise";
		*sign = 1;
		if (adjacent && dir != 0 && m->family == NVF_FAMILY_MONEY)
		{
			*sign = dir;
			return cmp ? cmp : "change";
		}
		return "level";
	}
	if (strcmp(u, "pp") == 0)
		return cmp ? cmp : "change";
	*share = has_cue(s, a->cstart, a->q->start, NVF_CUE_SHARE) ||
		(a->metric_after && m->family == NVF_FAMILY_MONEY);
	if (strcmp(u, "x") == 0)
	{
		*sign = 1;
		if (*share && (a->q->flags & NVF_Q_FRACTION))
			return "share";
		*share = false;
		/* 收入增长了五倍多; not 性能提升了1000倍 nor 是A100的5倍 */
		if (m->family == NVF_FAMILY_PERCENT || a->metric_m < 0 || a->metric_after ||
			nvf_dec_cmp(a->q->value, nvf_dec_make(MAX_MULTIPLE, 0)) > 0 ||
			(a->q->flags & NVF_Q_FRACTION) ||
			(s->m[a->metric_m].term->flags & NVF_TERM_NEEDS_SEGMENT) ||
			!(adjacent || cmp || strncmp(s->t + a->q->start, "翻", 3) == 0))
			return NULL;
		return cmp ? cmp : "change";
	}
	/* a percentage */
	if (m->family == NVF_FAMILY_PERCENT)
	{
		*share = false;
		if (!(adjacent && dir != 0))
		{
			*sign = 1;
			return "level";
		}
		return cmp ? cmp : "change";
	}
	if (*share)
	{
		*sign = 1;
		return "share";
	}
	if (surprise)
		return "surprise";
	return cmp ? cmp : "change";
}

static bool
absolute_period(const nvf_period_mention *p)
{
	return p->kind == NVF_PER_FISCAL || p->kind == NVF_PER_CALENDAR;
}

/*
 * The period named before the quantity (an absolute one first: in 2023年Q4
 * ... 上一季度展望 the quarter is 2023年Q4), or the entity's context.  Levels
 * at a moment (share price) only take a period from their own clause.
 * outlook: guidance or a forecast, for a quarter not ended yet.
 */
static nvf_period
find_period(const attribution *a, const doc_state *ds, int entity, const nvf_metric *m,
			bool outlook, nvf_env *env)
{
	const sentence *s = a->s;
	int			fy_end = entity >= 0 ? nvf_lexicon_entity(ds->lex, entity)->fy_end_month : 12;
	const nvf_period *ctx = entity >= 0 ? &ds->context[entity] : NULL;
	const nvf_period *latest = entity >= 0 && ds->latest[entity].fq ? &ds->latest[entity] : ctx;
	size_t		lo = m->flow ? s->start : a->cstart;
	const nvf_period_mention *best = NULL;
	nvf_period	none = {0, 0, NULL};

	for (int i = 0; i < s->np; i++)
	{
		const nvf_period_mention *p = &s->p[i];

		if (p->comparison || p->start < lo || p->end > a->q->start)
			continue;
		if (!best || absolute_period(p) || !absolute_period(best))
			best = p;
	}
	if (best)
	{
		nvf_period	r = nvf_resolve_period(best, fy_end, ds->published, latest, ctx, outlook);
		int64_t		os,
					oe;

		r.text = nvf_block_original(env, s->blk, best->start, best->end, &os, &oe);
		return r;
	}
	return m->flow && ctx ? *ctx : none;
}

static void
set_value(nvf_fact *f, const nvf_quantity *q, int sign, bool to_percent)
{
	nvf_dec		v = q->value,
				lo = q->low,
				hi = q->high;

	if (to_percent)
	{
		v = nvf_dec_shift(v, 2);
		f->unit = "%";
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

static bool
quantity_fact(doc_state *ds, nvf_env *env, const sentence *s, const nvf_quantity *q, nvf_fact *f)
{
	attribution a = {s, q, nvf_clause_of(s, q->start), 0, -1, -1, false, 0};
	const nvf_metric *m;
	const char *measure;
	bool		share;
	int			sign,
				entity;

	a.cstart = clause_start(s, a.clause);
	if (!find_metric(&a, ds))
		return false;
	m = nvf_lexicon_metric(ds->lex, a.metric);
	if (!(measure = find_measure(&a, m, &share, &sign)))
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
	f->unit = q->unit;
	set_value(f, q, sign, share && strcmp(q->unit, "x") == 0);
	f->approx = q->approx;
	f->status = strcmp(measure, "surprise") == 0 ? "actual" : find_status(&a);
	f->period = is_from_base(&a) ? (nvf_period) {0, 0, NULL}
		: find_period(&a, ds, entity, m, strcmp(f->status, "actual") != 0, env);
	/* a figure for a year still to come is an outlook */
	if (strcmp(f->status, "actual") == 0 && f->period.fy && ds->published.year && entity >= 0 &&
		f->period.fy > nvf_fiscal_year_of(ds->published,
										  nvf_lexicon_entity(ds->lex, entity)->fy_end_month))
		f->status = "guidance";
	return true;
}

/* ---- the sentence ------------------------------------------------------ */

static bool
skipped_quantity(const nvf_quantity *q)
{
	return strcmp(q->unit, "count") == 0 || (q->flags & (NVF_Q_VAGUE | NVF_Q_CONVERTED));
}

/* A tolerance figure: right after 上下浮动 / ± in its clause. */
static bool
is_tolerance(const sentence *s, const nvf_quantity *q)
{
	int			c = nvf_clause_of(s, q->start);
	int			t = last_mention(s, clause_start(s, c), q->start, NVF_TERM_CUE, NVF_CUE_TOLERANCE);

	if (strcmp(q->unit, "%") != 0 && strcmp(q->unit, "pp") != 0)
		return false;
	if (t >= 0 && q->start - s->m[t].end <= VERB_GAP)
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

		if (unit_is_money(s->q[i].unit) &&
			((p >= 0 && s->q[i].start - s->m[p].end <= 9) ||
			 (s->q[i].start >= 3 && memcmp(s->t + s->q[i].start - 3, "每", 3) == 0)))
			return true;
	}
	return false;
}

static void
push_fact(nvf_env *env, fact_list *out, const nvf_fact *f, size_t qstart)
{
	if (out->n == out->cap)
	{
		int			cap = out->cap ? 2 * out->cap : 16;
		nvf_fact   *items = nvf_alloc(env, cap * sizeof(nvf_fact));
		size_t	   *qs = nvf_alloc(env, cap * sizeof(size_t));

		if (out->n)
		{
			memcpy(items, out->items, out->n * sizeof(nvf_fact));
			memcpy(qs, out->qstart, out->n * sizeof(size_t));
		}
		out->items = items;
		out->qstart = qs;
		out->cap = cap;
	}
	out->qstart[out->n] = qstart;
	out->items[out->n++] = *f;
}

/* Widens target by tolerance t: absolute for percentages, relative for money. */
static void
apply_tolerance(nvf_fact *target, const nvf_quantity *t)
{
	nvf_dec		d = t->value;

	if (!target->value.ok || !d.ok)
		return;
	if (strcmp(target->unit, "%") != 0 && strcmp(target->unit, "pp") != 0)
		d = nvf_dec_mul(target->value, nvf_dec_shift(d, -2));
	if (d.mant < 0)
		d = nvf_dec_neg(d);
	target->low = nvf_dec_add(target->value, nvf_dec_neg(d));
	target->high = nvf_dec_add(target->value, d);
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

		if (skipped_quantity(t) || !is_tolerance(s, t))
			continue;
		for (int k = out->n - 1; k >= first; k--)
		{
			if (out->qstart[k] >= t->start)
				continue;
			apply_tolerance(&out->items[k], t);
			if (!each)
				break;
		}
	}
}

/* Items of one kind listed before a 分别 (entities, metrics, segments, bases). */
typedef struct item_list
{
	int			id[8];
	int			n;
} item_list;

static int
item_slot(const mention *m)
{
	if (m->term->kind != NVF_TERM_CUE)
		return (int) m->term->kind;
	return (m->term->id == NVF_CUE_GAAP || m->term->id == NVF_CUE_NON_GAAP) ? 3 : -1;
}

/* The k-th of the last n items of a list, or -1 when the list is shorter. */
static int
pick(const item_list *l, int n, int k)
{
	return (l->n >= n && n > 1 && k < n) ? l->id[l->n - n + k] : -1;
}

/*
 * 分别: the i-th of the last items listed before it (in its sentence) goes
 * with the i-th figure after it in its clause.
 */
static void
respectively(const sentence *s, fact_list *out, int first)
{
	for (int r = 0; r < s->nm; r++)
	{
		size_t		hi = s->clause_end[s->m[r].clause];
		item_list	items[4] = {{{0}, 0}};
		int			nfig = 0,
					k = 0;

		if (!is_cue(&s->m[r], NVF_CUE_RESPECTIVELY))
			continue;
		for (int i = 0; i < r; i++)
		{
			int			slot = item_slot(&s->m[i]);

			if (slot >= 0 && items[slot].n < 8)
				items[slot].id[items[slot].n++] = s->m[i].term->id;
		}
		for (int f = first; f < out->n; f++)
			nfig += out->qstart[f] >= s->m[r].end && out->qstart[f] < hi;
		for (int f = first; f < out->n; f++)
		{
			nvf_fact   *x = &out->items[f];
			int			v;

			if (out->qstart[f] < s->m[r].end || out->qstart[f] >= hi)
				continue;
			if ((v = pick(&items[NVF_TERM_SEGMENT], nfig, k)) >= 0)
				x->segment = v;
			if ((v = pick(&items[NVF_TERM_METRIC], nfig, k)) >= 0)
				x->metric = v;
			if ((v = pick(&items[NVF_TERM_ENTITY], nfig, k)) >= 0)
				x->entity = v;
			if ((v = pick(&items[3], nfig, k)) >= 0)
				x->basis = v == NVF_CUE_GAAP ? "gaap" : "non_gaap";
			k++;
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

		if (skipped_quantity(&s->q[i]) || is_tolerance(s, &s->q[i]))
			continue;
		if (!quantity_fact(ds, env, s, &s->q[i], &f))
			continue;
		if (per_unit && unit_is_money(f.unit) &&
			strcmp(nvf_lexicon_metric(ds->lex, f.metric)->key, "unit_price") != 0)
			continue;
		f.ostart = s->q[i].ostart;
		f.oend = s->q[i].oend;
		push_fact(env, out, &f, s->q[i].start);
	}
	respectively(s, out, first);
	tolerances(s, out, first);
}

int
nvf_sentence_subject(const doc_state *ds, const sentence *s)
{
	attribution a = {s, NULL, 0, s->start, -1, -1, false, s->start};
	int			e = entity_in(&a, s->start, s->end);

	(void) ds;
	if (e == ENTITY_NONE && has_cue(s, s->start, s->end, NVF_CUE_GROUP))
		return ENTITY_GROUP;
	return e;
}
