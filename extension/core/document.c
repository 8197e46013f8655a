/*
 * document.c — a whole document to facts: blocks, sentences, what carries
 * from one sentence to the next (the subject, the metric, each entity's
 * period), the publication date, and duplicates collapsed to their first
 * mention.
 */
#include <string.h>

#include "extract_internal.h"

#define CARRY_LIMIT 1000		/* "sentences ago" saturates here */
#define HEADING_BYTES 24
#define SECTION_HEADING_BYTES 48	/* 【FY26Q2指引】, 二、业绩展望: a line naming a section */		/* a shorter line (二、分业务) is a heading, not a paragraph */

/* ---- duplicates -------------------------------------------------------- */

/* What a key leaves out: nothing, the basis, or basis, status and period. */
typedef enum key_kind
{
	KEY_FULL,
	KEY_WITH_BASIS,				/* no basis, of a fact that has one */
	KEY_WITHOUT_BASIS,			/* no basis, of a fact that has none */
	KEY_LOOSE,
	KEY_UNDATED					/* loose, of a fact given with no period */
} key_kind;

/*
 * The key of a fact: entity, metric, segment, measure, unit and value, then
 * what kind keeps of basis, status and period (what it leaves out is 0).
 * Values compare as written (1.5 and 1.50 differ), as the rows print them.
 */
typedef struct fact_key
{
	int32_t		kind,
				entity,
				metric,
				segment,
				measure,
				unit,
				basis,
				status,
				fy,
				fq,
				period_kind,
				part;
	int32_t		ok[3],
				exp[3];
	int64_t		mant[3];
} fact_key;

static void
key_of(const nvf_fact *f, key_kind kind, fact_key *k)
{
	const nvf_dec *v[3] = {&f->value, &f->low, &f->high};

	memset(k, 0, sizeof(*k));
	k->kind = kind;
	k->entity = f->entity;
	k->metric = f->metric;
	k->segment = f->segment;
	k->measure = f->measure;
	k->unit = f->unit;
	for (int i = 0; i < 3; i++)
		if (v[i]->ok)
			k->ok[i] = 1, k->mant[i] = v[i]->mant, k->exp[i] = v[i]->exp;
	if (kind == KEY_LOOSE || kind == KEY_UNDATED)
		return;
	if (kind == KEY_FULL)
		k->basis = f->basis;
	k->status = f->status;
	k->fy = f->period.fy;
	k->fq = f->period.fq;
	k->period_kind = f->period.kind;
	k->part = f->period.part;
}

/*
 * A key is hashed eight bytes at a time (its padding is zeroed by key_of),
 * its high bits folded in once at the end: the table takes the low ones.
 */
static uint64_t
hash_key(const fact_key *k)
{
	const unsigned char *b = (const unsigned char *) k;
	uint64_t	h = 1469598103934665603ULL,
				w;

	_Static_assert(sizeof(fact_key) % sizeof(uint64_t) == 0, "a key is whole words");
	for (size_t i = 0; i < sizeof(*k); i += sizeof(w))
	{
		memcpy(&w, b + i, sizeof(w));
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	}
	return h ^ (h >> 29) ^ (h >> 47);
}

static void
seen_grow(doc_state *ds)
{
	size_t		cap = ds->seen_cap ? ds->seen_cap * 2 : 64;
	fact_key  **slots = nvf_alloc0(ds->env, cap * sizeof(fact_key *));

	for (size_t i = 0; i < ds->seen_cap; i++)
		if (ds->seen[i])
		{
			size_t		j = hash_key(ds->seen[i]) & (cap - 1);

			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = ds->seen[i];
		}
	ds->seen = slots;
	ds->seen_cap = cap;
}

#define KEY_CHUNK 64				/* keys allocated at once: two are kept for most facts */

/* True when a key was not offered before; remember it when add. */
static bool
first_time_if(doc_state *ds, const fact_key *key, bool add)
{
	size_t		j;

	if (2 * (ds->seen_n + 1) > ds->seen_cap)
		seen_grow(ds);
	j = hash_key(key) & (ds->seen_cap - 1);
	for (; ds->seen[j]; j = (j + 1) & (ds->seen_cap - 1))
		if (memcmp(ds->seen[j], key, sizeof(*key)) == 0)
			return false;
	if (add)
	{
		if (ds->key_pool_left == 0)
		{
			ds->key_pool = nvf_alloc(ds->env, KEY_CHUNK * sizeof(*key));
			ds->key_pool_left = KEY_CHUNK;
		}
		ds->seen[j] = ds->key_pool++;
		ds->key_pool_left--;
		*ds->seen[j] = *key;
		ds->seen_n++;
	}
	return true;
}

/* True the first time a key is offered. */
static bool
first_time(doc_state *ds, const fact_key *key)
{
	return first_time_if(ds, key, true);
}

/*
 * The status the sentence's own figures (no bases, no expectations) share:
 * ACTUAL when all were reported, an outlook when all were that outlook's
 * kind (the last one's), else NONE — as when there are none, unless every
 * expected figure is the company's outlook (毛利率预计为72%；…: GUIDANCE).
 */
static nvf_status
own_figures_status(const fact_list *facts)
{
	nvf_status	st = NVF_STATUS_NONE;
	bool		guided = facts->n > 0;

	for (int k = 0; k < facts->n; k++)
		if (!facts->reference[k])
		{
			nvf_status	f = facts->items[k].status;

			if (st != NVF_STATUS_NONE &&
				(f == NVF_STATUS_ACTUAL) != (st == NVF_STATUS_ACTUAL))
				return NVF_STATUS_NONE;
			st = f;
		}
		else
			guided &= facts->items[k].status == NVF_STATUS_GUIDANCE;
	return st != NVF_STATUS_NONE ? st : guided ? NVF_STATUS_GUIDANCE : NVF_STATUS_NONE;
}

/* The last figure reported (not a base, not an expectation) among facts, or NULL. */
static const nvf_fact *
last_reported(const fact_list *facts)
{
	for (int k = facts->n - 1; k >= 0; k--)
		if (!facts->reference[k])
			return &facts->items[k];
	return NULL;
}

/*
 * 收入：222億（+18%） after 收入按年增長18%: a change written without its
 * comparison word restates the year-on-year or sequential figure given before
 * (dated: f has a fiscal year or quarter).
 */
static bool
restates_comparison(doc_state *ds, const nvf_fact *f, bool dated)
{
	static const nvf_measure measures[] = {NVF_MEASURE_YOY, NVF_MEASURE_QOQ};
	fact_key	key;

	if (f->measure != NVF_MEASURE_CHANGE)
		return false;
	for (int i = 0; i < 2; i++)
	{
		nvf_fact	g = *f;

		g.measure = measures[i];
		key_of(&g, KEY_FULL, &key);
		if (!first_time_if(ds, &key, false))
			return true;
		key_of(&g, KEY_LOOSE, &key);
		if (!dated && !first_time_if(ds, &key, false))
			return true;
	}
	return false;
}

/*
 * 第四财季营收指引650亿美元 (a headline) and 营收为650亿美元，上下浮动2% (the
 * body): a figure given once with its tolerance and once without is one fact,
 * whichever comes first.  Marks the figure without its bounds as seen; true
 * when it was seen before.
 */
static bool
restates_without_tolerance(doc_state *ds, const nvf_fact *f)
{
	nvf_fact	bare = *f;
	fact_key	key;

	if (!f->value.ok || !(f->low.ok || f->high.ok))
		return false;
	bare.low.ok = bare.high.ok = false;
	key_of(&bare, KEY_FULL, &key);
	return !first_time(ds, &key);
}

/*
 * A fact seen before: the same key, or a restatement naming less (a summary
 * repeating a figure with no period, or only its context's) of a figure
 * already given, or the same
 * figure given once without its basis and once with it (每股盈餘 in the lead,
 * 調整後每股盈餘 in the body).
 */
static bool
seen_before(doc_state *ds, const nvf_fact *f)
{
	fact_key	key,
				loose,
				undated,
				mine,
				other;
	bool		dated = f->period.fy != 0 || f->period.fq != 0;

	key_of(f, KEY_FULL, &key);
	key_of(f, KEY_LOOSE, &loose);
	key_of(f, KEY_UNDATED, &undated);
	key_of(f, f->basis ? KEY_WITH_BASIS : KEY_WITHOUT_BASIS, &mine);
	key_of(f, f->basis ? KEY_WITHOUT_BASIS : KEY_WITH_BASIS, &other);
	if (!dated && !first_time_if(ds, &loose, false))
		return true;			/* given before with its period */
	/* 未来三年将投入3800亿元 … 3800亿元可能偏少: given before with no period, restated
	 * where the context has one */
	if (f->period.carried && !first_time_if(ds, &undated, false))
		return true;
	if (restates_comparison(ds, f, dated))
		return true;
	if (!first_time_if(ds, &other, false))
		return true;			/* given before with(out) its basis */
	if (restates_without_tolerance(ds, f))
		return true;
	if (!first_time(ds, &key))
		return true;
	first_time(ds, &mine);
	first_time(ds, dated ? &loose : &undated);
	return false;
}

/* ---- periods -------------------------------------------------------- */

static entity_periods *
periods_of(const doc_state *ds, int entity)
{
	return &ds->periods[entity >= 0 && (size_t) entity < ds->nentities ? (size_t) entity
						: ds->nentities];
}

/*
 * An ideographic space (　, a headline's parts: 第四季度净利润增长35%创纪录　2026年资本支出…)
 * between byte offsets a and b; normalization made it a plain space.
 */
static bool
part_break_between(const sentence *s, size_t a, size_t b)
{
	const nvf_block *blk = s->blk;
	const char *sp;

	if (!blk)
		return false;
	/* (the spaces found by memchr: most bytes are none) */
	for (size_t i = a; i < b && (sp = memchr(s->t + i, ' ', b - i)) != NULL; i = (size_t) (sp - s->t) + 1)
	{
		size_t		src = blk->text.src[sp - s->t];

		if (src + 3 <= blk->orig_len && memcmp(blk->orig + src, "\xE3\x80\x80", 3) == 0)
			return true;
	}
	return false;
}

/* An outlook word in [lo, hi): 第四财季营收…，并预计2027财年… — the year after it is the outlook's. */
static bool
outlook_between(const sentence *s, size_t lo, size_t hi)
{
	return nvf_first_mention(s, lo, hi, NVF_TERM_CUE, NVF_CUE_GUIDANCE) >= 0 ||
		nvf_first_mention(s, lo, hi, NVF_TERM_CUE, NVF_CUE_EXPECT) >= 0 ||
		nvf_first_mention(s, lo, hi, NVF_TERM_CUE, NVF_CUE_FORECAST) >= 0;
}

/* 全年, 四个季度加总: a bare whole year, the context's. */
static bool
bare_whole_year(const nvf_period_mention *p)
{
	return p->whole_year;
}

/*
 * The fiscal year named in the sentence's part holding pos (第四季度和2024财年;
 * 今年Q1…，全年… — a year counted from today only before pos, and none counted
 * back; none an outlook word names after pos, nor a whole year after a bare one
 * before pos, the base it is compared with: 四个季度加总X，约为FY2024全年Y; nor the
 * year of a multiple's base in a clause before pos: …的2.4倍，同比增幅142%):
 * bare parts take it.  c is the context without it.
 */
static int
sentence_year(const sentence *s, const nvf_period_context *c, size_t pos)
{
	for (int i = 0; i < s->np; i++)
	{
		const nvf_period_mention *p = &s->p[i];
		int			fy;

		if (p->comparison || p->aside || p->year != p->year_to ||
			(p->start < pos && nvf_clause_of(s, pos) > nvf_clause_of(s, p->start) &&
			 nvf_names_multiple_base(s, p)) ||
			part_break_between(s, p->start < pos ? p->start : pos, p->start < pos ? pos : p->start) ||
			(p->start > pos && (outlook_between(s, pos, p->start) ||
								(p->kind == NVF_PK_YEAR && nvf_period_before(s, pos, bare_whole_year)))))
			continue;
		if (p->year_form == NVF_YEAR_FISCAL || p->year_form == NVF_YEAR_CALENDAR)
			return nvf_mention_year(p, c);
		if ((p->year_form == NVF_YEAR_RELATIVE || p->year_form == NVF_YEAR_RELATIVE_FISCAL) &&
			p->year >= 0 && p->start < pos && !p->same_period && !p->relative_quarter &&
			p->kind != NVF_PK_TTM && (fy = nvf_mention_year(p, c)) != 0)
			return fy;
	}
	return 0;
}

void
nvf_entity_context(const doc_state *ds, int entity, const sentence *s, size_t pos, bool outlook,
				   nvf_period_context *c)
{
	const entity_periods *ep = periods_of(ds, entity);
	const nvf_entity *e = nvf_lexicon_entity(ds->lex, entity);

	memset(c, 0, sizeof(*c));
	c->fy_end_month = e ? e->fy_end_month : 12;
	c->published = ds->published;
	/* an entity with no period of its own is read in the page's (a period named
	 * before any company, or the lead's), in its own fiscal calendar */
	c->current = ep->current.kind != NVF_PK_NONE ? &ep->current : NULL;
	if (!c->current && ds->periods[ds->nentities].current.kind != NVF_PK_NONE)
	{
		c->page = nvf_period_in_calendar(&ds->periods[ds->nentities].current, c->fy_end_month);
		c->current = &c->page;
	}
	c->named = ep->named.kind != NVF_PK_NONE ? &ep->named : NULL;
	c->outlook = outlook;
	c->hk_usage = ds->hk_usage;
	c->sentence_year = s ? sentence_year(s, c, pos) : 0;
}

/* Is a figure of the sentence after pos? */
static bool
figure_after(const sentence *s, size_t pos)
{
	return NVF_FIRST_FROM(s->q, s->nq, pos) < s->nq;
}

/* 第二季則為204.5億美元: the period of a figure given for comparison (则 before it). */
static bool
compared_then(const sentence *s, const nvf_period_mention *p)
{
	int			q = NVF_FIRST_FROM(s->q, s->nq, p->end);

	return q < s->nq && nvf_text_between_has(s, p->end, s->q[q].start, "则");
}

/*
 * 小米去年全年收入3659亿元，…；经调整净利润272亿元: a past year (not a same
 * period) with figures after it and no period before it for its company is
 * the year reported, and the later clauses' too.
 */
static bool
year_reported(const sentence *s, const nvf_period_mention *p)
{
	return p->kind == NVF_PK_YEAR && !p->same_period && figure_after(s, p->end) && !compared_then(s, p);
}

/*
 * A market or the world (全球, 市场规模) named between pos and the sentence's
 * first figure after it, and no company before that figure: a market's figure.
 */
static bool
market_after(const sentence *s, size_t pos)
{
	int			q = NVF_FIRST_FROM(s->q, s->nq, pos);
	size_t		end = q < s->nq ? s->q[q].start : s->end;

	return nvf_first_mention(s, s->start, end, NVF_TERM_ENTITY, 0) < 0 && nvf_names_market(s, pos, end);
}

/*
 * Who a period mention is named for: the entity named nearest before it, else
 * the subject; *market says it is a market's.
 */
static int
period_owner(const doc_state *ds, const sentence *s, const nvf_period_mention *p, int subject,
			 bool *market)
{
	int			owner = subject;
	bool		named = false;

	for (int k = 0; k < s->nm && s->m[k].start < p->start; k++)
		if (s->m[k].term->kind == NVF_TERM_ENTITY && !nvf_in_passing(s, k))
			owner = s->m[k].term->id, named = true;
	/* 2025年第三季全球前十大晶圆代工业者营收…: a market's period is the page's, read by
	 * the companies ranked after it that name none of their own */
	*market = !named && market_after(s, p->end);
	if (*market)
		return (int) ds->nentities;
	if (owner >= 0)
		return owner;
	if (ds->carry_entity >= 0)
		return ds->carry_entity;
	/* a page's heading period, before any company is named, is the page's */
	return ds->named_any ? ENTITY_NONE : (int) ds->nentities;
}

/* The month an entity's fiscal year ends in (12 for none). */
static int
fy_end_of(const doc_state *ds, int entity)
{
	const nvf_entity *e = nvf_lexicon_entity(ds->lex, entity);

	return e ? e->fy_end_month : 12;
}

/* Whether period r has not ended before the month the page was published in. */
static bool
still_running(const doc_state *ds, const nvf_period *r, int owner)
{
	int			end = nvf_period_end_month(r, fy_end_of(ds, owner));

	return ds->published.year && end && end >= nvf_month_index(ds->published);
}

/*
 * Whether a reported period r replaces the context c: the article reports
 * its latest period (2024年Q1财报之后 looks back); a year, or a span of
 * quarters (前三个财季), does not replace the quarter it ends with.
 */
static bool
supersedes(const nvf_period *r, const nvf_period *c, int owner, const doc_state *ds)
{
	int			fy_end = fy_end_of(ds, owner);
	int			a = nvf_period_end_month(r, fy_end),
				b = nvf_period_end_month(c, fy_end);

	if (c->kind == NVF_PK_NONE || !b)
		return true;
	return a > b || (a == b && r->kind != NVF_PK_YEAR &&
					 !(c->kind == NVF_PK_QUARTER && r->kind != NVF_PK_QUARTER));
}

/*
 * 将于12月11日盘后公布第四财季业绩, Q4财报前瞻: a report still to come, announced
 * before the period in its clause, or previewed right after it.
 */
static bool
to_be_announced(const sentence *s, const nvf_period_mention *p)
{
	static const char *const soon[] = {"将于", "将在", "即将", "定于", "將於", "將在", "即將", NULL};
	static const char *const publish[] = {"公布", "发布", "公佈", "發布", "披露", NULL};
	static const char *const preview[] = {"前瞻", "预览", "在即", "前夕", "預覽", NULL};
	size_t		lo = p->start,
				hi = p->end + 15 < s->end ? p->end + 15 : s->end;

	if (nvf_text_between_has_any(s, p->end, hi, preview))
		return true;
	while (lo > s->start && s->t[lo - 1] != ',' && s->t[lo - 1] != ';')
		lo--;
	return nvf_text_between_has_any(s, lo, p->start, publish) &&
		nvf_text_between_has_any(s, lo, p->start, soon);
}

/* 回顾上一财季，营收…: a period looked back at on purpose, its figures after it. */
static bool
reviewed(const sentence *s, const nvf_period_mention *p)
{
	static const char *const review[] = {"回顾", "回顧", "回看", "回顾一下", "回顧一下", NULL};

	return nvf_word_before(s->t, p->start, review) > 0;
}

/* r is the period reported for ep: each new paragraph returns to it. */
static void
note_report(doc_state *ds, entity_periods *ep, nvf_period r)
{
	ep->report = r;
	if (!ep->listed)
		ds->reported[ds->nreported++] = (int) (ep - ds->periods), ep->listed = true;
}

/*
 * A period named for an entity becomes its context: an outlook's period its
 * outlook; a reported one (named before a figure, or announcing a report
 * with a part of a year) the period its figures are for.  Bases, landmarks,
 * the whole year and periods behind the article's own do not.
 */
static void
note_periods(doc_state *ds, const sentence *s, const nvf_block *blk, nvf_env *scratch,
			 int subject)
{
	for (int i = 0; i < s->np; i++)
	{
		const nvf_period_mention *p = &s->p[i];
		bool		market;
		int			owner = period_owner(ds, s, p, subject, &market);
		bool		outlook = nvf_outlook_before(s, p->start) || nvf_outlook_after(s, p->end);
		entity_periods *ep;
		nvf_period_context c;
		nvf_period	r;
		int64_t		os,
					oe;
		char	   *text;

		if (p->comparison || p->aside || owner == ENTITY_NONE)
			continue;
		ep = periods_of(ds, owner);
		nvf_entity_context(ds, owner, s, p->start, outlook, &c);
		r = nvf_resolve_period(p, &c);
		if (!r.fy && !r.fq)
			continue;
		text = nvf_block_original(scratch, blk, p->start, p->end, &os, &oe);
		r.text = nvf_strndup(ds->env, text, strlen(text));
		if (nvf_looks_back(p) && s->nq > 0 && !reviewed(s, p) &&
			!(ep->current.kind == NVF_PK_NONE && year_reported(s, p)))
			continue;			/* 去年同期，营业利润为X: a comparative, the current quarter stays */
		ep->named = r;
		if (nvf_looks_back(p) && !outlook)
		{
			ep->current = r;	/* 先回顾一下上一季度。: this paragraph is about it */
			if (reviewed(s, p) && ep->report.kind == NVF_PK_NONE)
				note_report(ds, ep, r);	/* and the article's, no other reported */
			continue;
		}
		if (p->whole_year || nvf_looks_back(p) || p->month_only)
			continue;
		if (!figure_after(s, p->end) && (p->kind == NVF_PK_YEAR && p->year_form != NVF_YEAR_FISCAL))
			continue;			/* 取决于2027年收入: a year talked about, no report */
		if (outlook)
		{
			ep->outlook = r;
			ep->outlook_para = ds->paragraph;
			continue;
		}
		if (!figure_after(s, p->end) && r.kind != NVF_PK_YEAR &&
			(still_running(ds, &r, owner) || to_be_announced(s, p)))
			continue;			/* 正在进行的第四财季, 将于12月11日公布第四季度业绩: named, not reported */
		/* 2024财年，收入增长126%; 回顾第3季，营收…；若以美元计算…: a period named
		 * before its figures is theirs, and the paragraph's until another is named */
		if (supersedes(&r, &ep->current, owner, ds) ||
			(figure_after(s, p->end) && !compared_then(s, p)))
		{
			ep->current = r;
			if (owner == (int) ds->nentities)
				ds->market_period = market;
		}
		if (r.kind != NVF_PK_YEAR && supersedes(&r, &ep->report, owner, ds))
			note_report(ds, ep, r);
	}
}

/* ---- carry-over -------------------------------------------------------- */

/* 甲和乙...前者...后者: remember the last two companies named together. */
static void
note_pair(doc_state *ds, const sentence *s)
{
	if (nvf_entity_pair(s, s->end, ds->pair))
		ds->pair_age = 0;
	else if (ds->pair_age < CARRY_LIMIT)
		ds->pair_age++;
}

/* A line ending in ： (数据中心收入依次是：): the lines after it list its figures. */
static bool
list_intro(const sentence *s)
{
	size_t		e = s->end;

	while (e > s->start && (s->t[e - 1] == '\n' || s->t[e - 1] == ' '))
		e--;
	return e > s->start && s->t[e - 1] == ':';	/* NFKC made ： ASCII */
}

/* The segment named last in the sentence, or -1. */
static int
last_segment_named(const sentence *s)
{
	for (int i = s->nm - 1; i >= 0; i--)
		if (s->m[i].term->kind == NVF_TERM_SEGMENT)
			return s->m[i].term->id;
	return -1;
}

/* A sentence ending in ；: the next one continues its list. */
static bool
ends_with_semicolon(const sentence *s)
{
	return s->end > s->start && s->t[s->end - 1] == ';';	/* NFKC made ； ASCII */
}

/*
 * The subject carries over every sentence (a long list of figures) until
 * another company becomes the subject; a sentence about a company the
 * lexicon does not know ends it.  The metric carries one sentence.
 */
static void
carry_forward(doc_state *ds, const sentence *s, const nvf_block *blk, nvf_env *scratch,
			  bool produced, const nvf_fact *last)
{
	int			subject = nvf_sentence_subject(ds, s);
	int			metric = -2;

	for (int i = 0; i < s->nm; i++)
		if (s->m[i].term->kind == NVF_TERM_METRIC)
			metric = s->m[i].term->id;
		else if (nvf_term_is_cue(s->m[i].term, NVF_CUE_OTHER_METRIC) &&
				 !nvf_in_brackets(s, s->start, s->m[i].start, s->end))
			metric = -1;		/* not an aside's (按固定汇率计) */
	note_periods(ds, s, blk, scratch, subject);
	note_pair(ds, s);
	if (subject != ENTITY_NONE)
	{
		if (!ds->named_any && subject >= 0)
			ds->first_entity = subject;
		ds->carry_entity = subject;
		ds->carry_paragraph = ds->paragraph;
		ds->named_any = true;
		ds->carry_in_passing = !produced && !s->new_paragraph;	/* not a heading */
		if (produced && subject >= 0)
			ds->main_entity = subject;
	}
	else if (s->nq > 0 && (nvf_names_cue(s, NVF_CUE_OTHER_ORG) || nvf_unnamed_subject(s)))
	{
		ds->carry_entity = ENTITY_NONE;	/* the paragraph turned to another company */
		/* 恒生指数同日跌1%: an index in passing, its paragraph only */
		ds->carry_in_passing = !produced && !s->new_paragraph;
	}
	/* 数据中心391亿美元；Q2 411亿美元: a part's figure names the metric of the series a semicolon goes on with */
	if (metric == -2 && last && last->segment >= 0 && ends_with_semicolon(s))
		metric = last->metric;
	if (metric != -2)
		ds->carry_metric = metric, ds->carry_metric_age = 0;
	else if (ds->carry_metric_age < CARRY_LIMIT && !ds->in_list)
		ds->carry_metric_age++;
	/* what 该分部 in a later sentence refers to: the first part a sentence of parts' figures
	 * names, a sentence going on after a ； not replacing it */
	if (last && last->segment >= 0 && (!ds->semicolon_before || ds->topic_part < 0))
	{
		int			i = nvf_first_mention(s, s->start, s->end, NVF_TERM_SEGMENT, 0);

		ds->topic_part = i >= 0 ? s->m[i].term->id : last->segment;
	}
	/* 2027财年云业务收入有望达到910亿美元；2028财年再升至1120亿美元: the series goes on */
	if (last && last->metric == ds->carry_metric)
		ds->carry_segment = last->segment;
	else if (metric != -2)
		ds->carry_segment = list_intro(s) ? last_segment_named(s) : -1;
}

/* Nothing carries past the end of the article (责任编辑 ...). */
static void
forget(doc_state *ds)
{
	ds->carry_entity = ENTITY_NONE;
	ds->carry_metric = -1;
	ds->carry_metric_age = CARRY_LIMIT;
	ds->carry_segment = -1;
	ds->topic_part = -1;
	ds->semicolon_part = -1;
	ds->heading_status = NVF_STATUS_NONE;
}

/*
 * A new paragraph: an aside to another period (一年前的第一财季) ends with
 * its paragraph, each entity's figures are for its reported period again;
 * the metric must be named again.
 */
static void
new_paragraph(doc_state *ds)
{
	for (int k = 0; k < ds->nreported; k++)
	{
		entity_periods *ep = &ds->periods[ds->reported[k]];

		if (ep->report.kind != NVF_PK_NONE)
			ep->current = ep->report;
	}
	if (ds->carry_entity == ENTITY_GROUP)
		ds->carry_entity = ENTITY_NONE;	/* 他们 reaches no further than its paragraph */
	/* a company named in passing (OpenAI发布的GPT-4o压低了价格。) holds the
	 * subject to its paragraph: the next one is about the company of the figures */
	if (ds->carry_in_passing && ds->main_entity >= 0)
		ds->carry_entity = ds->main_entity;
	ds->paragraph++;
	if (ds->in_list)
		return;					/* each line of a list is a paragraph of its own */
	ds->carry_metric = -1;
	ds->carry_metric_age = CARRY_LIMIT;
	ds->carry_segment = -1;
	ds->topic_part = -1;
}

/* Is there an empty line right before the sentence? */
static bool
after_blank_line(const sentence *s)
{
	int			breaks = 0;

	for (size_t i = s->start; i > 0 && breaks < 2; i--)
	{
		char		c = s->t[i - 1];

		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			break;
		breaks += c == '\n';
	}
	return breaks >= 2;
}

/*
 * Is the sentence an item of the list being read?  One line of figures per
 * item; prose ends the list, and so does an empty line unless the items
 * themselves are apart by empty lines (展望如下：\n营收…\n毛利率…\n\n股价…).
 */
static bool
list_goes_on(doc_state *ds, const sentence *s)
{
	if (!(s->new_paragraph && s->nq > 0))
		return false;
	if (ds->list_items++ == 0)
		ds->list_spaced = after_blank_line(s);
	else if (!ds->list_spaced && after_blank_line(s))
		return false;
	return true;
}

static bool
blank(const sentence *s)
{
	for (size_t i = s->start; i < s->end; i++)
		if (s->t[i] != ' ' && s->t[i] != '\n' && s->t[i] != '\r' && s->t[i] != '\t')
			return false;
	return true;
}

/*
 * A line that opens with the marker (相关阅读：, （责任编辑：…）): what follows is
 * links and other stories, not a pointer to a disclaimer (请务必阅读…免责声明).
 */
static bool
article_ended(const sentence *s)
{
	return s->nm > 0 && nvf_term_is_cue(s->m[0].term, NVF_CUE_ARTICLE_END) &&
		s->m[0].start - s->start <= 6;
}

/* ---- the page: register, currency, lead period ------------------------ */

#define CJK_FIRST 0x4E00			/* the unified ideographs the marks are among */
#define CJK_LAST 0x9FFF

/* A character only traditional script writes: one bit each, set at first use. */
static bool
only_traditional(uint32_t c)
{
	static const char marks[] = "億營業為於與這個們報財發會說時來對經當國輝達據";
	static uint8_t bits[(CJK_LAST - CJK_FIRST + 1) / 8 + 1];
	static bool filled = false;
	int			adv;

	for (size_t i = 0; !filled && i < sizeof(marks) - 1; i += adv)
	{
		uint32_t	m = nvf_utf8_decode((const unsigned char *) marks + i, sizeof(marks) - 1 - i, &adv);

		bits[(m - CJK_FIRST) / 8] |= 1u << ((m - CJK_FIRST) % 8);
	}
	filled = true;
	return c >= CJK_FIRST && c <= CJK_LAST && (bits[(c - CJK_FIRST) / 8] & (1u << ((c - CJK_FIRST) % 8)));
}

/*
 * Hong Kong and Taiwan pages: characters only traditional script writes,
 * counted in the original text of the first block.
 */
static bool
traditional_register(const nvf_block *blk)
{
	const unsigned char *o = (const unsigned char *) blk->orig;
	int			n = 0,
				adv;

	for (size_t i = 0; i < blk->orig_len && n < 8; i += adv)
		if (only_traditional(nvf_utf8_decode(o + i, blk->orig_len - i, &adv)))
			n++;
	return n >= 8;
}

#define DECLARE_REACH 18			/* bytes before 下同 where its currency is named */

/* 新台币576.73亿元, (美元，下同), (以美元计): the currency a later bare 元 is in. */
static void
note_currency(doc_state *ds, const sentence *s)
{
	for (int i = 0; i < s->nm; i++)
	{
		size_t		lo = s->m[i].start > s->start + DECLARE_REACH ? s->m[i].start - DECLARE_REACH
			: s->start;

		if (!nvf_term_is_cue(s->m[i].term, NVF_CUE_DECLARE))
			continue;
		for (size_t k = lo; k < s->m[i].end; k++)
		{
			size_t		end;
			nvf_unit	u = nvf_currency_at(s->t, s->m[i].end, k, &end);

			if (u != NVF_UNIT_NONE)
			{
				ds->currency = u;	/* (美元，下同): declared for the rest */
				ds->currency_declared = true;
				k = end - 1;	/* past the word: 元 inside 美元 names none */
			}
		}
	}
	for (int i = 0; i < s->nq && !ds->currency; i++)
	{
		const nvf_quantity *q = &s->q[i];

		if ((q->flags & NVF_Q_NAMED_YUAN) && !(q->flags & NVF_Q_CONVERTED))
			ds->currency = q->unit;	/* 新台币...元: 元 names that currency here */
	}
}

#define YEAR_LIKE_LOW 1990		/* a four-digit number in brackets from here ... */
#define YEAR_LIKE_HIGH 2035		/* ... to here is a year, not a Taiwan stock code */

/*
 * The currency of the market a stock code in brackets at t[pos] names:
 * (00992), (0992.HK), (HK:0992) Hong Kong — five digits or marked HK; (2317)
 * Taiwan — four digits that are no year; a mainland code has six.  NONE if none.
 */
static nvf_unit
stock_code_market(const char *t, size_t len, size_t pos)
{
	size_t		k = pos + 1;
	int			digits = 0;
	long		code = 0;
	bool		hk = false;

	if (pos >= len || t[pos] != '(')
		return NVF_UNIT_NONE;
	if (k + 3 <= len && memcmp(t + k, "HK:", 3) == 0)
		k += 3, hk = true;
	for (; k < len && t[k] >= '0' && t[k] <= '9' && digits < 7; k++, digits++)
		code = code * 10 + (t[k] - '0');
	if (k + 3 <= len && memcmp(t + k, ".HK", 3) == 0)
		k += 3, hk = true;
	if (k >= len || t[k] != ')' || digits == 0)
		return NVF_UNIT_NONE;
	if (digits == 5 || (hk && digits <= 5))
		return NVF_UNIT_HKD;
	if (digits == 4 && !hk && (code < YEAR_LIKE_LOW || code > YEAR_LIKE_HIGH))
		return NVF_UNIT_TWD;
	return NVF_UNIT_NONE;
}

/* 腾讯控股(00700), 小米集团-W(01810): the company's name goes on past its alias. */
static size_t
past_corporate_suffix(const sentence *s, size_t pos)
{
	static const char *const suffixes[] = {"控股", "集团", "集團", "股份", NULL};
	static const char *const share_classes[] = {"-W", "-SW", NULL};

	pos += nvf_filler_at(s, pos, s->end, suffixes);
	return pos + nvf_filler_at(s, pos, s->end, share_classes);
}

/* 联想集团(00992), 鸿海(2317): the company's share price in a bare 元 is in that market's currency. */
static void
note_listing(doc_state *ds, const sentence *s)
{
	nvf_unit	u;

	for (int i = 0; i < s->nm; i++)
		if (s->m[i].term->kind == NVF_TERM_ENTITY &&
			(u = stock_code_market(s->t, s->end, past_corporate_suffix(s, s->m[i].end))) !=
			NVF_UNIT_NONE)
			ds->listing[s->m[i].term->id] = u;
}

/*
 * The first period named with its year in the first block, when it is a part
 * of a year (2019财年第一财季, 2025年4月): a headline or summary before it
 * that names the same part without a year (第一财季, 4月) is of that year.
 * After a year named alone (FY2025对应的是…) or explained, there is none.
 */
static bool
lead_mention(const nvf_period_mention *ps, int np, nvf_period_mention *out)
{
	for (int i = 0; i < np; i++)
	{
		if ((ps[i].year_form != NVF_YEAR_FISCAL && ps[i].year_form != NVF_YEAR_CALENDAR) ||
			ps[i].comparison)
			continue;
		if (ps[i].kind == NVF_PK_YEAR || ps[i].kind == NVF_PK_NONE || !ps[i].part ||
			ps[i].aside || ps[i].year != ps[i].year_to)
			return false;
		*out = ps[i];
		return true;
	}
	return false;
}

/* The company named last before the lead: whose period it is. */
static int
lead_owner(const nvf_lexicon *lex, const nvf_text *t, size_t lead_start)
{
	int			owner = ENTITY_NONE;
	size_t		i = 0;
	const nvf_term *term;

	while (i < lead_start && (term = nvf_lexicon_next(lex, t->s, lead_start, &i)) != NULL)
	{
		if (term->kind == NVF_TERM_ENTITY)
			owner = term->id;
		i += term->len;
	}
	return owner;
}

/* ---- blocks ------------------------------------------------------------ */

/*
 * The outlook a sentence ending in ； carries on to the next part (公司预计
 * 营收为X；毛利率为Y), unless its figures were reported ones and its outlook
 * words only the expectations they were measured against (营收X，略低于
 * 分析师预期的Y；每股收益为…).  A part whose own figures were all outlooks
 * of one kind passes on theirs (…；软件收入约70亿美元；存储收入约30亿美元;
 * 英伟达预计…，高于分析师预期的Y； goes on as guidance), else the status word
 * reaching its end.  figures: own_figures_status() of the sentence.
 */
static nvf_status
semicolon_status(const sentence *s, nvf_status figures)
{
	nvf_status	st;

	if (!ends_with_semicolon(s) || figures == NVF_STATUS_ACTUAL)
		return NVF_STATUS_NONE;
	st = nvf_status_is_outlook(figures) ? figures : nvf_status_after_end(s);
	return nvf_status_is_outlook(st) ? st : NVF_STATUS_NONE;
}

/*
 * DS部门营收33.1万亿韩元，同比增长13%；营业利润7.0万亿韩元: a sentence ending in
 * ； whose figures were all one part's passes that part on to the next one,
 * unless a part of the chain before gave a figure of the whole company (营收X；
 * 数据中心营收Y；净利润Z: the part is one item of the company's list).
 */
static void
note_semicolon_part(doc_state *ds, const sentence *s, const fact_list *facts)
{
	int			part = -1;
	bool		one = true;

	if (!ds->semicolon_before)
		ds->chain_whole = false;
	for (int k = 0; facts && k < facts->n; k++)
	{
		int			g = facts->items[k].segment;

		if (facts->reference[k])
			continue;
		if (g < 0)
			ds->chain_whole = true;
		else if (part >= 0 && g != part)
			one = false;
		part = g >= 0 ? g : part;
	}
	ds->semicolon_part = ends_with_semicolon(s) && one && !ds->chain_whole ? part : -1;
}

/*
 * 三季度三星的份额为33.5%；SK海力士份额仍高达57%: a sentence ending in ； passes
 * the last period it names (or was passed) on to the next one; any other
 * ending passes none.
 */
static void
note_semicolon_period(doc_state *ds, const sentence *s)
{
	if (!ends_with_semicolon(s))
	{
		ds->semicolon_period.kind = NVF_PK_NONE;
		return;
	}
	for (int i = s->np - 1; i >= 0; i--)
		if (!s->p[i].comparison && !s->p[i].aside && !s->p[i].span_years &&
			s->p[i].kind != NVF_PK_NONE)
		{
			ds->semicolon_period = s->p[i];
			return;
		}
}

/*
 * What a 分别 in the next sentence may list: the last range of years a sentence
 * names (2022年至2024年，营收分别为…。同期净亏损分别为…), and the metrics it
 * names one by one (营收X，每股收益Y；此前预测分别为A和B).
 */
static void
note_lists(doc_state *ds, const sentence *s)
{
	ds->years_before.kind = NVF_PK_NONE;
	for (int i = s->np - 1; i >= 0; i--)
		if (!s->p[i].comparison && s->p[i].year_to > s->p[i].year && s->p[i].year > 0)
		{
			ds->years_before = s->p[i];
			break;
		}
	ds->nmetrics_before = nvf_named_in_order(s, s->start, s->end, NVF_TERM_METRIC, ds->metrics_before);
}

/* One more row of entity: it leads once it has more than the leader. */
static void
count_figure(doc_state *ds, int entity)
{
	if (entity < 0 || (size_t) entity >= ds->nentities)
		return;
	if (++periods_of(ds, entity)->figures >
		(ds->lead_entity >= 0 ? periods_of(ds, ds->lead_entity)->figures : 0))
		ds->lead_entity = entity;
}

static void
emit_facts(doc_state *ds, nvf_env *scratch, const nvf_block *blk, const sentence *s,
		   fact_list *facts, nvf_fact_cb emit, void *arg)
{
	if (facts->n > 0)
		ds->market_figures = true;
	for (int i = 0; i < facts->n; i++)
	{
		nvf_fact   *f = &facts->items[i];
		int64_t		os,
					oe;
		size_t		end = s->end;

		if (f->entity >= 0)
			ds->market_figures = false;

		if (!nvf_lexicon_metric(ds->lex, f->metric)->segmented)
			f->segment = -1;	/* 市值, 股价: the whole company's, whatever part was named */
		f->segment = nvf_lexicon_reading(ds->lex, f->segment, f->entity);
		if (seen_before(ds, f))
			continue;
		while (end > s->start && (s->t[end - 1] == '\n' || s->t[end - 1] == ' ' ||
								  s->t[end - 1] == '\r'))
			end--;
		f->evidence = nvf_block_original(scratch, blk, s->start, end, &os, &oe);
		emit(arg, f);
		ds->emitted++;
		count_figure(ds, f->entity);
	}
	facts->n = 0;
}

/* A line that is an item of a list: it opens with a bullet (·, -, •, ①…). */
static bool
bullet_line(const sentence *s)
{
	static const char *const bullets[] = {"·", "-", "•", "●", "▪", "◆", "■", "*", "①", "②", "③",
	"④", "⑤", NULL};
	size_t		i = s->start;

	while (i < s->end && s->t[i] == ' ')
		i++;
	return nvf_filler_at(s, i, s->end, bullets) > 0;
}

/*
 * 【FY26Q2指引】 over a list of bullets: a short line of its own with no figure
 * is a section heading, and the outlook it names is its bullets' status until
 * the next heading or a paragraph of prose.  So is a line of any length that
 * introduces a list (对于第四财季，公司给出的展望如下：).
 */
static void
note_heading(doc_state *ds, const sentence *s)
{
	nvf_status	st;

	if (!s->new_paragraph || bullet_line(s) || (ds->in_list && s->nq > 0))
		return;					/* (an item of the list, bulleted or not) */
	if (s->nq > 0 || (s->end - s->start > SECTION_HEADING_BYTES && !list_intro(s)) ||
		(s->end < s->blk->text.len && s->t[s->end - 1] != '\n'))
	{
		ds->heading_status = NVF_STATUS_NONE;	/* prose: the section's outlook is over */
		return;
	}
	st = nvf_status_after_end(s);
	ds->heading_status = nvf_status_is_outlook(st) ? st : NVF_STATUS_NONE;
}

static void
block_facts(doc_state *ds, nvf_env *scratch, const nvf_block *blk, nvf_fact_cb emit, void *arg)
{
	const nvf_text *t = &blk->text;
	nvf_quantity *qs;
	nvf_period_mention *ps;
	int			nq = nvf_scan_quantities(scratch, t, &qs);
	int			np = nvf_find_periods(scratch, t->s, t->len, &ps);
	size_t		pos = 0,
				end;
	fact_list	facts = {NULL, NULL, NULL, 0, 0};
	nvf_table	table = {0};
	sentence	prev;
	bool		has_prev = false,
				in_table;

	if (blk->char_base == 0)
	{
		ds->hk_usage = traditional_register(blk);
		ds->has_lead = lead_mention(ps, np, &ds->lead);
		ds->lead_owner = ds->has_lead ? lead_owner(ds->lex, t, ds->lead.start) : ENTITY_NONE;
	}

	/* where the figures are in the document (a fact quotes its sentence, not its figure's surface) */
	for (int i = 0; i < nq; i++)
		nvf_block_chars(blk, qs[i].start, qs[i].end, &qs[i].ostart, &qs[i].oend);
	while (nvf_next_sentence(t->s, t->len, pos, &end))
	{
		sentence	s;
		bool		produced = false;
		nvf_fact	last;
		const nvf_fact *reported = NULL;
		nvf_status	figures = NVF_STATUS_NONE;

		nvf_sentence_build(scratch, ds->lex, t, pos, end, qs, nq, ps, np, &s);
		s.blk = blk;
		pos = end;
		if (blank(&s))
			continue;
		/* a table's header, the rule under it and its rows are read by column */
		in_table = nvf_table_line(ds, scratch, &table, &s, has_prev ? &prev : NULL, &facts);
		prev = s, has_prev = true;
		if (in_table)
		{
			emit_facts(ds, scratch, blk, &s, &facts, emit, arg);
			continue;
		}
		/* (a disclaimer above the article is no end of it) */
		if (nvf_names_cue(&s, NVF_CUE_ARTICLE_END))
			forget(ds), ds->ended = ds->emitted > 0 && article_ended(&s);
		else if (s.new_paragraph && s.end - s.start >= HEADING_BYTES)
			new_paragraph(ds);
		if (ds->in_list && !list_goes_on(ds, &s))
			ds->in_list = false, ds->heading_status = NVF_STATUS_NONE;
		note_currency(ds, &s);
		note_listing(ds, &s);
		if (nvf_names_cue(&s, NVF_CUE_HK_USAGE))
			ds->hk_usage = true;	/* 按年, 今季: Hong Kong or Malaysian usage in simplified script */
		note_heading(ds, &s);
		if (s.nq)
		{
			nvf_sentence_facts(ds, scratch, &s, &facts);
			produced = facts.n > 0;
			if (last_reported(&facts))
				last = *last_reported(&facts), reported = &last;
			figures = own_figures_status(&facts);
			note_semicolon_part(ds, &s, &facts);
			emit_facts(ds, scratch, blk, &s, &facts, emit, arg);
		}
		else
			note_semicolon_part(ds, &s, NULL);
		carry_forward(ds, &s, blk, scratch, produced, reported);
		if (list_intro(&s))
			ds->in_list = true, ds->list_items = 0;
		/* past the end of the article each line is a story of its own */
		if (ds->ended)
			forget(ds);
		ds->semicolon_status = semicolon_status(&s, figures);
		note_semicolon_period(ds, &s);
		note_lists(ds, &s);
		ds->semicolon_before = ends_with_semicolon(&s);
	}
}

/* The publication date printed in the document's first block, if any. */
nvf_date
nvf_document_published(nvf_env *scratch, const char *doc, size_t len)
{
	nvf_block	blk;

	nvf_block_build(scratch, doc, 0, nvf_block_end(doc, len, 0), 0, &blk);
	return nvf_find_published_date(scratch, blk.text.s, blk.text.len);
}

void
nvf_document_facts(nvf_env *doc_env, nvf_env *scratch, const nvf_lexicon *lex,
				   const char *doc, size_t len, nvf_date published,
				   nvf_fact_cb emit, void *arg)
{
	doc_state	ds;
	size_t		pos = 0;
	int64_t		chars = 0;

	memset(&ds, 0, sizeof(ds));
	ds.env = doc_env;
	ds.lex = lex;
	ds.metric.revenue = nvf_lexicon_find(lex, NVF_TERM_METRIC, "revenue");
	ds.metric.share_price = nvf_lexicon_find(lex, NVF_TERM_METRIC, "share_price");
	ds.metric.spending = nvf_lexicon_find(lex, NVF_TERM_METRIC, "spending");
	ds.metric.market_share = nvf_lexicon_find(lex, NVF_TERM_METRIC, "market_share");
	ds.metric.loss = nvf_lexicon_find(lex, NVF_TERM_METRIC, "loss");
	ds.metric.market_cap = nvf_lexicon_find(lex, NVF_TERM_METRIC, "market_cap");
	ds.published = published;
	for (ds.nentities = 0; nvf_lexicon_entity(lex, (int) ds.nentities); ds.nentities++)
		;
	ds.periods = nvf_alloc0(doc_env, (ds.nentities + 1) * sizeof(entity_periods));
	ds.listing = nvf_alloc0(doc_env, (ds.nentities + 1) * sizeof(nvf_unit));
	ds.own_currency = nvf_alloc0(doc_env, (ds.nentities + 1) * sizeof(nvf_unit));
	ds.reported = nvf_alloc(doc_env, (ds.nentities + 1) * sizeof(int));
	ds.main_entity = ds.first_entity = ds.lead_entity = ds.pair[0] = ds.pair[1] = ENTITY_NONE;
	ds.headless_owner = HEADLESS_UNASKED;
	ds.pair_age = CARRY_LIMIT;
	forget(&ds);
	while (pos < len)
	{
		size_t		end = nvf_block_end(doc, len, pos);
		nvf_block	blk;

		scratch->check_interrupts(scratch->ctx);
		nvf_block_build(scratch, doc, pos, end, chars, &blk);
		if (pos == 0 && !ds.published.year)
			ds.published = nvf_find_published_date(scratch, blk.text.s, blk.text.len);	/* as nvf_document_published */
		block_facts(&ds, scratch, &blk, emit, arg);
		chars += blk.ochar[blk.orig_len];
		pos = end;
		scratch->reset(scratch->ctx);
	}
}
