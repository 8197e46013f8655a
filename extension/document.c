/*
 * document.c — a whole document to facts: blocks, sentences, what carries
 * from one sentence to the next (the subject, the metric, each entity's
 * period), the publication date, and duplicates collapsed to their first
 * mention.
 */
#include <stdio.h>
#include <string.h>

#include "extract_internal.h"

#define CARRY_LIMIT 1000		/* "sentences ago" saturates here */
#define CARRY_PARAGRAPHS 4		/* paragraphs with figures a subject carries into */
#define HEADING_BYTES 24		/* a shorter line (二、分业务) is a heading, not a paragraph */
#define ANNOUNCE_BYTES 48		/* a sentence this short that names a quarter announces it */

/* ---- duplicates -------------------------------------------------------- */

static uint64_t
hash_key(const char *k)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *k; k++)
		h = (h ^ (unsigned char) *k) * 1099511628211ULL;
	return h;
}

static void
seen_grow(doc_state *ds)
{
	size_t		cap = ds->seen_cap ? ds->seen_cap * 2 : 64;
	char	  **slots = nvf_alloc0(ds->env, cap * sizeof(char *));

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

/* True the first time a key is offered. */
static bool
first_time(doc_state *ds, const char *key)
{
	size_t		j;

	if (2 * (ds->seen_n + 1) > ds->seen_cap)
		seen_grow(ds);
	j = hash_key(key) & (ds->seen_cap - 1);
	for (; ds->seen[j]; j = (j + 1) & (ds->seen_cap - 1))
		if (strcmp(ds->seen[j], key) == 0)
			return false;
	ds->seen[j] = nvf_strndup(ds->env, key, strlen(key));
	ds->seen_n++;
	return true;
}

/* Entity, metric, segment, basis, measure, unit, status, period, value. */
static void
fact_key(const nvf_fact *f, char *buf, size_t n)
{
	char		v[NVF_DEC_TEXT],
				lo[NVF_DEC_TEXT],
				hi[NVF_DEC_TEXT];

	/* only the values that are set are part of the key */
	if (f->value.ok)
		nvf_dec_format(f->value, v, sizeof(v));
	if (f->low.ok)
		nvf_dec_format(f->low, lo, sizeof(lo));
	if (f->high.ok)
		nvf_dec_format(f->high, hi, sizeof(hi));
	snprintf(buf, n, "%d|%d|%d|%s|%s|%s|%s|%d|%d|%s|%s|%s", f->entity, f->metric, f->segment,
			 f->basis ? f->basis : "", f->measure, f->unit, f->status, f->period.fy,
			 f->period.fq, f->value.ok ? v : "", f->low.ok ? lo : "", f->high.ok ? hi : "");
}

/* ---- carry-over -------------------------------------------------------- */

static bool
names_other_org(const sentence *s)
{
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].term->kind == NVF_TERM_CUE && s->m[i].term->id == NVF_CUE_OTHER_ORG)
			return true;
	return false;
}

/*
 * A short full sentence with no figure (先回顾一下上一季度。) announces what
 * follows; a heading line (B系列二季度开始发货) has no full stop.
 */
static bool
announces(const sentence *s)
{
	size_t		end = s->end;

	while (end > s->start && (s->t[end - 1] == '\n' || s->t[end - 1] == ' ' ||
							  s->t[end - 1] == '\r'))
		end--;
	return s->nq == 0 && end - s->start <= ANNOUNCE_BYTES && end >= s->start + 3 &&
		strncmp(s->t + end - 3, "。", 3) == 0;
}

static void
carry_forward(doc_state *ds, const sentence *s, const nvf_block *blk, nvf_env *scratch)
{
	int			subject = nvf_sentence_subject(ds, s);
	int			metric = -1;

	for (int i = 0; i < s->nm; i++)
		if (s->m[i].term->kind == NVF_TERM_METRIC)
			metric = s->m[i].term->id;
	if (subject != ENTITY_NONE)
		ds->carry_entity = subject, ds->carry_age = 0, ds->carry_paras = 0;
	else if (names_other_org(s))
		ds->carry_entity = ENTITY_NONE;	/* the paragraph turned to another company */
	else if (ds->carry_age < CARRY_LIMIT)
		ds->carry_age++;
	if (metric >= 0)
		ds->carry_metric = metric, ds->carry_metric_age = 0;
	else if (ds->carry_metric_age < CARRY_LIMIT)
		ds->carry_metric_age++;

	/* a period named for an entity becomes its context (the entity named
	 * nearest before it, else the sentence's subject) */
	subject = ds->carry_age <= CARRY_SENTENCES ? ds->carry_entity : ENTITY_NONE;
	for (int i = 0; i < s->np; i++)
	{
		int			owner = subject;
		nvf_period *ctx;
		nvf_period	r;
		int64_t		os,
					oe;
		char	   *text;

		for (int k = 0; k < s->nm && s->m[k].start < s->p[i].start; k++)
			if (s->m[k].term->kind == NVF_TERM_ENTITY)
				owner = s->m[k].term->id;
		/* 全年 is an aside: the article's period stays the quarter */
		/* 先回顾一下上一季度。: the quarter of the company last followed */
		if (owner < 0 && announces(s) &&
			(s->p[i].kind == NVF_PER_QUARTER_ONLY || s->p[i].kind == NVF_PER_REL_QUARTER))
			owner = ds->carry_entity;
		if (s->p[i].comparison || s->p[i].kind == NVF_PER_FULL_YEAR || owner < 0)
			continue;
		ctx = &ds->context[owner];
		r = nvf_resolve_period(&s->p[i], nvf_lexicon_entity(ds->lex, owner)->fy_end_month,
							   ds->published, ds->latest[owner].fq ? &ds->latest[owner] : ctx,
							   ctx, false);
		if (!r.fy && !r.fq)
			continue;
		text = nvf_block_original(scratch, blk, s->p[i].start, s->p[i].end, &os, &oe);
		r.text = nvf_strndup(ds->env, text, strlen(text));
		*ctx = r;
		/* a named quarter of a named year: the latest one is "this quarter" */
		if ((s->p[i].kind == NVF_PER_FISCAL || s->p[i].kind == NVF_PER_CALENDAR) && r.fq &&
			(r.fy > ds->latest[owner].fy ||
			 (r.fy == ds->latest[owner].fy && r.fq > ds->latest[owner].fq)))
			ds->latest[owner] = r;
	}
}

/* Nothing carries past the end of the article (责任编辑 ...). */
static void
forget(doc_state *ds)
{
	ds->carry_entity = ENTITY_NONE;
	ds->carry_age = CARRY_LIMIT;
	ds->carry_paras = CARRY_LIMIT;
	ds->carry_metric = -1;
	ds->carry_metric_age = CARRY_LIMIT;
}

/*
 * A new paragraph keeps the subject when it was named in one of the last
 * CARRY_PARAGRAPHS paragraphs with figures (articles name the company, then
 * go through its segments); the metric must be named again.
 */
static void
new_paragraph(doc_state *ds)
{
	/* an aside to another period (一年前的第一财季) ends with its paragraph */
	for (size_t e = 0; e < ds->nentities; e++)
		if (ds->latest[e].fq)
			ds->context[e] = ds->latest[e];
	if (ds->carry_paras < CARRY_LIMIT)
		ds->carry_paras++;
	if (ds->carry_entity != ENTITY_NONE && ds->carry_paras <= CARRY_PARAGRAPHS &&
		ds->carry_age <= CARRY_SENTENCES + 1)
		ds->carry_age = 0;
	else
		ds->carry_entity = ENTITY_NONE;
	ds->carry_metric = -1;
	ds->carry_metric_age = CARRY_LIMIT;
}

static bool
blank(const sentence *s)
{
	for (size_t i = s->start; i < s->end; i++)
		if (s->t[i] != ' ' && s->t[i] != '\n' && s->t[i] != '\r' && s->t[i] != '\t')
			return false;
	return true;
}

static bool
article_ends(const sentence *s)
{
	for (int i = 0; i < s->nm; i++)
		if (s->m[i].term->kind == NVF_TERM_CUE && s->m[i].term->id == NVF_CUE_ARTICLE_END)
			return true;
	return false;
}

/* ---- blocks ------------------------------------------------------------ */

static void
emit_facts(doc_state *ds, nvf_env *scratch, const nvf_block *blk, const sentence *s,
		   fact_list *facts, nvf_fact_cb emit, void *arg)
{
	for (int i = 0; i < facts->n; i++)
	{
		nvf_fact   *f = &facts->items[i];
		char		key[512];
		int64_t		os,
					oe;
		size_t		end = s->end;

		fact_key(f, key, sizeof(key));
		if (!first_time(ds, key))
			continue;
		while (end > s->start && (s->t[end - 1] == '\n' || s->t[end - 1] == ' ' ||
								  s->t[end - 1] == '\r'))
			end--;
		f->evidence = nvf_block_original(scratch, blk, s->start, end, &os, &oe);
		emit(arg, f);
	}
	facts->n = 0;
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
	fact_list	facts = {NULL, NULL, 0, 0};

	for (int i = 0; i < nq; i++)
		nvf_quantity_locate(scratch, blk, &qs[i]);
	while (nvf_next_sentence(t->s, t->len, pos, &end))
	{
		sentence	s;

		nvf_sentence_build(scratch, ds->lex, t, pos, end, qs, nq, ps, np, &s);
		s.blk = blk;
		pos = end;
		if (blank(&s))
			continue;
		if (article_ends(&s))
			forget(ds);
		else if (s.new_paragraph && s.end - s.start >= HEADING_BYTES && s.nq > 0)
			new_paragraph(ds);
		if (s.nq)
		{
			nvf_sentence_facts(ds, scratch, &s, &facts);
			emit_facts(ds, scratch, blk, &s, &facts, emit, arg);
		}
		carry_forward(ds, &s, blk, scratch);
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
	ds.published = published;
	for (ds.nentities = 0; nvf_lexicon_entity(lex, (int) ds.nentities); ds.nentities++)
		;
	ds.context = nvf_alloc0(doc_env, (ds.nentities + 1) * sizeof(nvf_period));
	ds.latest = nvf_alloc0(doc_env, (ds.nentities + 1) * sizeof(nvf_period));
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
