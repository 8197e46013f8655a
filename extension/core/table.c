/*
 * table.c — tables pasted as text.  A header line of column names (periods,
 * metric words, 月增率/年增率) under a caption line (its company, its metric,
 * its unit: 單位：新台幣億元), then rows of a label (a period, a company, a
 * segment) and one figure per column, cells parted by runs of spaces, tabs
 * or │.  Each figure is a fact: what prose says with words around a
 * figure, a table says with its column and its row.
 */
#include <string.h>

#include "extract_internal.h"

/* ---- cells ------------------------------------------------------------ */

/* A rule drawn between cells (|, │, ┃): an empty cell between two is a cell. */
static bool
drawn_separator(const char *t, size_t i, size_t len)
{
	return t[i] == '|' || (len == 3 && (unsigned char) t[i] == 0xE2);
}

/*
 * The cells of the line [lo, hi); 0 when there are more than fit.  Nothing
 * between two drawn rules (| 570.06 |  | 350.82 |) is an empty cell, so that
 * the cells after it stay under their columns.
 */
static int
split_cells(const char *t, size_t lo, size_t hi, nvf_table_cell *cells)
{
	int			n = 0;
	size_t		i = lo,
				start = lo,
				len;
	bool		drawn = false;	/* the separator before start was a drawn rule */

	while (hi > lo && (t[hi - 1] == '\n' || t[hi - 1] == '\r' || t[hi - 1] == ' '))
		hi--;
	for (; i <= hi; i += len)
	{
		i = nvf_next_separator_byte(t, i, hi);	/* (most bytes start none: one loop for them) */
		if (i < hi && (len = nvf_cell_separator(t, i, hi)) == 0)
		{
			len = 1;
			continue;
		}
		len = i < hi ? len : 1;
		while (start < i && t[start] == ' ')
			start++;
		if (i == start && i < hi && drawn && drawn_separator(t, i, len))
		{
			if (n == NVF_TABLE_CELLS)
				return 0;
			cells[n].start = cells[n].end = i;
			n++;
		}
		if (i >= hi || t[i] != ' ')
			drawn = i < hi && drawn_separator(t, i, len);
		else if (i > start)
			drawn = false;		/* 80%  │: spaces after a cell's text, then its closing rule */
		if (i > start)
		{
			size_t		end = i;

			while (t[end - 1] == ' ')
				end--;
			if (n == NVF_TABLE_CELLS)
				return 0;
			cells[n].start = start;
			cells[n++].end = end;
		}
		start = i + len;
	}
	return n;
}

/* The mention of kind (a cue of kind cue, for cues) inside the cell, or -1. */
static int
mention_in(const sentence *s, const nvf_table_cell *c, nvf_term_kind kind, int cue)
{
	return nvf_first_mention(s, c->start, c->end, kind, cue);
}

static int
period_in(const sentence *s, const nvf_table_cell *c)
{
	for (int i = 0; i < s->np; i++)
		if (s->p[i].start >= c->start && s->p[i].end <= c->end && !s->p[i].comparison)
			return i;
	return -1;
}

/* ---- the header and its caption ----------------------------------------- */

/*
 * The change cue of kind cue in a header cell, or -1; a cue inside the
 * column's period is a word of that period (去年同期 holds 同期: a column of
 * the year-earlier figures, not of changes).
 */
static int
change_cue_in(const sentence *s, const nvf_table_cell *c, const nvf_table_column *col, int cue)
{
	int			i = mention_in(s, c, NVF_TERM_CUE, cue);

	if (i >= 0 && col->has_period && s->m[i].start >= col->period.start &&
		s->m[i].end <= col->period.end)
		return -1;
	return i;
}

/* What column j of a header line names; false if nothing a figure could be of. */
static bool
read_column(const sentence *s, const nvf_table_cell *c, nvf_table_column *col)
{
	int			i,
				yoy,
				qoq;

	memset(col, 0, sizeof(*col));
	col->metric = -1;
	if (nvf_quantity_in(s, c->start, c->end))
		return false;
	col->status = mention_in(s, c, NVF_TERM_CUE, NVF_CUE_GUIDANCE) >= 0 ? NVF_STATUS_GUIDANCE :
		mention_in(s, c, NVF_TERM_CUE, NVF_CUE_FORECAST) >= 0 ||
		mention_in(s, c, NVF_TERM_CUE, NVF_CUE_EXPECT) >= 0 ? NVF_STATUS_FORECAST : NVF_STATUS_ACTUAL;
	col->unit = nvf_declared_unit(s->t, c->start, c->end, &col->scale);
	/* 全年指引, 2025财年营收, 去年同期: a column may name its period beside its metric */
	if ((i = period_in(s, c)) >= 0)
		col->period = s->p[i], col->has_period = true;
	yoy = change_cue_in(s, c, col, NVF_CUE_YOY);
	qoq = change_cue_in(s, c, col, NVF_CUE_QOQ);
	if (yoy >= 0 || qoq >= 0)
		col->measure = qoq < 0 || (yoy >= 0 && yoy <= qoq) ? NVF_MEASURE_YOY : NVF_MEASURE_QOQ;
	else if ((i = mention_in(s, c, NVF_TERM_METRIC, 0)) >= 0)
		col->metric = s->m[i].term->id;
	return col->measure || col->metric >= 0 || col->has_period;
}

/*
 * A header: three cells or more, every one after the first naming a column.
 * The caption (the line before) may give the company, the metric, the unit
 * and the period of every figure.
 */
static bool
read_header(nvf_table *tb, const sentence *s, const sentence *caption)
{
	nvf_table_cell cells[NVF_TABLE_CELLS];
	int			n = split_cells(s->t, s->start, s->end, cells),
				i;

	if (n < 3)
		return false;
	for (int j = 1; j < n; j++)
		if (!read_column(s, &cells[j], &tb->col[j]))
			return false;
	tb->ncols = n;
	tb->entity = tb->metric = -1;
	tb->unit = NVF_UNIT_NONE;
	tb->scale = nvf_dec_make(1, 0);
	tb->has_period = false;
	if (caption)
	{
		nvf_table_cell whole = {caption->start, caption->end};

		if ((i = mention_in(caption, &whole, NVF_TERM_ENTITY, 0)) >= 0)
			tb->entity = caption->m[i].term->id;
		if ((i = period_in(caption, &whole)) >= 0)
			tb->period = caption->p[i], tb->has_period = true;
		for (i = caption->nm - 1; i >= 0 && tb->metric < 0; i--)
			if (caption->m[i].term->kind == NVF_TERM_METRIC)
				tb->metric = caption->m[i].term->id;
		tb->unit = nvf_declared_unit(caption->t, caption->start, caption->end, &tb->scale);
	}
	return true;
}

/* ---- rows ------------------------------------------------------------- */

/* A plain number at pos (a minus before it), read up to *end; false if none. */
static bool
read_plain(const sentence *s, size_t pos, size_t hi, nvf_dec *v, size_t *end)
{
	nvf_number	num;
	bool		minus = pos < hi && s->t[pos] == '-';

	if (!nvf_read_number(s->t, hi, pos + minus, &num) || !num.has_arabic || num.has_scale ||
		!num.value.ok)
		return false;
	*end = num.end;
	*v = minus ? nvf_dec_neg(num.value) : num.value;
	return true;
}

/*
 * The figure a cell holds: a number or a range of two (910-930, 5%~7%), % or
 * not, and nothing else; a range leaves f->value NULL and sets its bounds.
 */
static bool
read_figure(const sentence *s, const nvf_table_cell *c, nvf_fact *f, size_t *end, bool *percent)
{
	static const char *const marks[] = {"-", "~", "～", "至", "–", NULL};
	nvf_dec		high;
	size_t		pos,
				n = 0;
	bool		high_percent;

	if (!read_plain(s, c->start, c->end, &f->value, end))
		return false;
	*percent = *end < c->end && s->t[*end] == '%';
	*end += *percent;
	for (int k = 0; marks[k] && !n; k++)
		if (*end + strlen(marks[k]) <= c->end && memcmp(s->t + *end, marks[k], strlen(marks[k])) == 0)
			n = strlen(marks[k]);
	if (n && read_plain(s, *end + n, c->end, &high, &pos) && nvf_dec_cmp(f->value, high) < 0 &&
		((high_percent = pos < c->end && s->t[pos] == '%') || !*percent))
	{
		*percent = high_percent;	/* 5~7% or 5%~7% */
		*end = pos + high_percent;
		f->low = f->value;
		f->high = high;
		f->value.ok = false;
	}
	return *end == c->end;
}

/*
 * An amount with its own unit filling the cell (570亿美元, 约2.1万亿韩元):
 * the quantity read there, in f; false if the cell holds none, or more.
 */
static bool
amount_in(const sentence *s, const nvf_table_cell *c, nvf_fact *f, size_t *end)
{
	static const char *const approximations[] = {" ", "约", "約", "近", "逾", "超过", "超", NULL};
	int			k = NVF_FIRST_FROM(s->q, s->nq, c->start);
	const nvf_quantity *q = &s->q[k];

	if (k >= s->nq || q->end > c->end || (k + 1 < s->nq && s->q[k + 1].start < c->end) ||
		!nvf_unit_is_money(q->unit) || (q->flags & NVF_Q_UNITLESS) ||
		!nvf_only_fillers(s, c->start, q->start, approximations))
		return false;
	nvf_set_value(f, q, 1, false);
	f->unit = q->unit;
	f->approx = q->approx;
	*end = q->end;
	return true;
}

/*
 * The metric of a cell in column j: its row's (营收 | 570 | 467, under a header
 * of periods), else its column's, the nearest metric column before it, the
 * caption's.
 */
static int
cell_metric(const nvf_table *tb, const sentence *s, const nvf_table_cell *label, int j)
{
	int			i = mention_in(s, label, NVF_TERM_METRIC, 0);

	if (i >= 0)
		return s->m[i].term->id;
	for (int k = j; k >= 1; k--)
		if (tb->col[k].metric >= 0)
			return tb->col[k].metric;
	return tb->metric;
}

static int
row_entity(const doc_state *ds, const nvf_table *tb, const sentence *s, const nvf_table_cell *label)
{
	int			i = mention_in(s, label, NVF_TERM_ENTITY, 0);

	if (i >= 0)
		return s->m[i].term->id;
	if (tb->entity >= 0)
		return tb->entity;
	return ds->carry_entity >= 0 ? ds->carry_entity : ds->main_entity;
}

/* The unit of a cell in column j: its row's (营收(亿美元)), its column's, the caption's. */
static nvf_unit
cell_unit(const nvf_table *tb, const sentence *s, const nvf_table_cell *label, int j, nvf_dec *scale)
{
	nvf_unit	u = nvf_declared_unit(s->t, label->start, label->end, scale);

	if (u != NVF_UNIT_NONE)
		return u;
	if (tb->col[j].unit != NVF_UNIT_NONE)
	{
		*scale = tb->col[j].scale;
		return tb->col[j].unit;
	}
	*scale = tb->scale;
	return tb->unit;
}

/*
 * The period of column j: its own; for a change column (同比) without one, the
 * first period column's before it (2026财年Q3 | 2025财年Q3 | 同比: the change
 * is the current period's); else the caption's (第三季度资本开支一览), or NULL.
 */
static const nvf_period_mention *
column_period(const nvf_table *tb, int j)
{
	if (tb->col[j].has_period)
		return &tb->col[j].period;
	for (int k = 1; tb->col[j].measure && k < j; k++)
		if (tb->col[k].has_period)
			return &tb->col[k].period;
	return tb->has_period ? &tb->period : NULL;
}

/* One cell's fact; false when the cell gives none. */
static bool
cell_fact(const doc_state *ds, nvf_env *env, const nvf_table *tb, const sentence *s,
		  const nvf_table_cell *cells, int j, nvf_fact *f)
{
	const nvf_table_column *col = &tb->col[j];
	const nvf_period_mention *pm = NULL;
	nvf_period_context ctx;
	size_t		end;
	bool		percent;
	int			i;
	nvf_unit	unit;
	nvf_dec		scale;

	memset(f, 0, sizeof(*f));
	f->segment = -1;
	if (!read_figure(s, &cells[j], f, &end, &percent) && !(percent = false, amount_in(s, &cells[j], f, &end)))
		return false;
	if ((f->metric = cell_metric(tb, s, &cells[0], j)) < 0 ||
		(f->entity = row_entity(ds, tb, s, &cells[0])) < 0)
		return false;
	f->measure = col->measure ? col->measure : NVF_MEASURE_LEVEL;
	if (percent)
		f->unit = NVF_UNIT_PERCENT;
	else if (f->unit != NVF_UNIT_NONE && !col->measure)
		;						/* the cell's own amount (570亿美元) */
	else if (!col->measure && (unit = cell_unit(tb, s, &cells[0], j, &scale)) != NVF_UNIT_NONE)
	{
		f->unit = unit;
		f->value = nvf_dec_mul(f->value, scale);	/* (NULL stays NULL) */
		f->low = nvf_dec_mul(f->low, scale);
		f->high = nvf_dec_mul(f->high, scale);
	}
	else
		return false;
	if ((nvf_lexicon_metric(ds->lex, f->metric)->family == NVF_FAMILY_PERCENT) != percent &&
		!col->measure)
		return false;
	if ((i = mention_in(s, &cells[0], NVF_TERM_SEGMENT, 0)) >= 0)
		f->segment = s->m[i].term->id;
	f->status = col->status;
	if ((i = period_in(s, &cells[0])) >= 0)
		pm = &s->p[i];
	else
		pm = column_period(tb, j);
	if (pm && nvf_metric_dated(nvf_lexicon_metric(ds->lex, f->metric), true))
	{
		int64_t		os,
					oe;

		nvf_entity_context(ds, f->entity, s, cells[0].start, nvf_status_is_outlook(col->status), &ctx);
		f->period = nvf_resolve_period(pm, &ctx);
		f->period.text = nvf_block_original(env, s->blk, pm->start, pm->end, &os, &oe);
	}
	nvf_block_original(env, s->blk, cells[j].start, end, &f->ostart, &f->oend);
	return true;
}

/* A row: as many cells as the header, a label, and a figure in each column. */
static bool
read_row(const doc_state *ds, nvf_env *env, const nvf_table *tb, const sentence *s, fact_list *out)
{
	nvf_table_cell cells[NVF_TABLE_CELLS];
	int			n = split_cells(s->t, s->start, s->end, cells);

	if (n != tb->ncols)
		return false;
	for (int j = 1; j < n; j++)
	{
		nvf_fact	f;

		if (cell_fact(ds, env, tb, s, cells, j, &f))
			nvf_push_fact(env, out, &f, cells[j].start, false);
	}
	return true;
}

/* ──┼── : a rule under the header */
static bool
rule_line(const sentence *s)
{
	size_t		i = s->start;

	while (i < s->end && (s->t[i] == ' ' || s->t[i] == '\n' || s->t[i] == '-' ||
						  (i + 3 <= s->end && (unsigned char) s->t[i] == 0xE2 &&
						   (unsigned char) s->t[i + 1] == 0x94)))
		i += (unsigned char) s->t[i] == 0xE2 ? 3 : 1;
	return i == s->end && s->end > s->start;
}

bool
nvf_table_line(const doc_state *ds, nvf_env *env, nvf_table *tb, const sentence *s,
			   const sentence *prev, fact_list *out)
{
	if (tb->ncols && (rule_line(s) || read_row(ds, env, tb, s, out)))
		return true;
	tb->ncols = 0;
	return read_header(tb, s, prev);
}
