/*
 * period.c — when a figure is for: period expressions (2025财年第一季度,
 * FY25Q3, 2024年Q4, 第二财季, 本季度, 今年, 本财年) resolved against the
 * entity's fiscal calendar and the publication date; and that date itself.
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_extract.h"

#define PERIOD_GROUPS 18
#define UNSET(ov, g) ((ov)[2 * (g)] == SIZE_MAX)

/* 一二三四 or 1-4 at t[a], 首 (first) or 次 (next: the second); 0 if none. */
static int
quarter_digit(const char *t, size_t a)
{
	static const char *const cjk[] = {"一", "二", "三", "四"};

	if (t[a] >= '1' && t[a] <= '4')
		return t[a] - '0';
	for (int i = 0; i < 4; i++)
		if (strncmp(t + a, cjk[i], 3) == 0)
			return i + 1;
	if (strncmp(t + a, "首", 3) == 0)
		return 1;
	if (strncmp(t + a, "次", 3) == 0)
		return 2;
	return 0;
}

static int
group_int(const char *t, const size_t *ov, int g)
{
	return UNSET(ov, g) ? 0 : atoi(t + ov[2 * g]);
}

static int
group_quarter(const char *t, const size_t *ov, int g)
{
	return UNSET(ov, g) ? 0 : quarter_digit(t, ov[2 * g]);
}

/* Offset of a relative word: 今/本/当/该 0, 去/上 -1, 前 -2, 明/下 +1. */
static int
relative_offset(const char *t, const size_t *ov, int g)
{
	const char *w = t + ov[2 * g];

	if (strncmp(w, "去", 3) == 0 || strncmp(w, "上", 3) == 0)
		return -1;
	if (strncmp(w, "前", 3) == 0)
		return -2;
	if (strncmp(w, "明", 3) == 0 || strncmp(w, "下", 3) == 0)
		return 1;
	return 0;
}

/* Fills m from the groups of one PERIOD match. */
static void
period_from_groups(const char *t, const size_t *ov, nvf_period_mention *m)
{
	m->start = ov[0];
	m->end = ov[1];
	m->comparison = !UNSET(ov, 1);
	m->quarter = 0;
	m->year = 0;
	m->anaphoric = false;
	if (!UNSET(ov, 2))
	{
		m->kind = NVF_PER_FISCAL;
		m->year = group_int(t, ov, 2);
		m->year += m->year < 100 ? 2000 : 0;
		m->quarter = group_int(t, ov, 3);
	}
	else if (!UNSET(ov, 4))
	{
		m->kind = NVF_PER_FISCAL;
		m->year = group_int(t, ov, 4);
		m->quarter = group_quarter(t, ov, 5);
	}
	else if (!UNSET(ov, 6) || !UNSET(ov, 9))
	{
		m->kind = NVF_PER_CALENDAR;
		m->year = group_int(t, ov, UNSET(ov, 6) ? 9 : 6);
		m->quarter = group_int(t, ov, 7) + group_quarter(t, ov, 8) + group_int(t, ov, 10);
	}
	else if (!UNSET(ov, 11) || !UNSET(ov, 12) || !UNSET(ov, 16))
	{
		m->kind = NVF_PER_QUARTER_ONLY;
		m->quarter = group_int(t, ov, 11) + group_quarter(t, ov, 12) + group_quarter(t, ov, 16);
	}
	else if (!UNSET(ov, 17))
		m->kind = NVF_PER_FULL_YEAR;
	else if (!UNSET(ov, 13))
	{
		m->kind = NVF_PER_REL_YEAR;
		m->year = relative_offset(t, ov, 13);
	}
	else if (!UNSET(ov, 14))
	{
		m->kind = NVF_PER_REL_FISCAL;
		m->year = relative_offset(t, ov, 14);
	}
	else
	{
		m->kind = NVF_PER_REL_QUARTER;
		m->year = relative_offset(t, ov, 15);
		/* 当季/该季度 point back at the quarter just named */
		m->anaphoric = strncmp(t + ov[2 * 15], "当", 3) == 0 || strncmp(t + ov[2 * 15], "该", 3) == 0;
	}
	/* the comparison word belongs to the measure, not to the period text */
	if (m->comparison)
		m->start = ov[3];
}

int
nvf_find_periods(nvf_env *env, const char *t, size_t len, nvf_period_mention **out)
{
	size_t		ov[2 * PERIOD_GROUPS];
	size_t		pos = 0;
	int			n = 0,
				cap = 8;
	nvf_period_mention *list = nvf_alloc(env, cap * sizeof(nvf_period_mention));

	while (pos < len && nvf_pattern_next(env, NVF_PAT_PERIOD, t, len, pos, ov, PERIOD_GROUPS) > 0)
	{
		if (n == cap)
		{
			nvf_period_mention *bigger = nvf_alloc(env, 2 * cap * sizeof(nvf_period_mention));

			memcpy(bigger, list, cap * sizeof(nvf_period_mention));
			list = bigger;
			cap *= 2;
		}
		period_from_groups(t, ov, &list[n++]);
		pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	*out = list;
	return n;
}

/* The fiscal year a calendar year mostly falls in: NVIDIA's 2024 is FY2025. */
static int
calendar_to_fiscal(int year, int fy_end_month)
{
	return year + (fy_end_month < 6 ? 1 : 0);
}

int
nvf_fiscal_year_of(nvf_date d, int fy_end_month)
{
	if (fy_end_month == 12)
		return d.year;
	return d.year + (d.month > fy_end_month ? 1 : 0);
}

/*
 * A quarter named without a year (第二财季, 首季) and no year in context: a
 * reported figure is for the latest such quarter ended before the month of
 * publication; an outlook for the next one to end (a page of May 2024
 * reports Q1 2024 and guides for Q2 2024; its 第二季度 actual is Q2 2023).
 */
static int
quarter_year_at(nvf_date published, int quarter, int fy_end_month, bool outlook)
{
	int			months;

	if (!published.year)
		return 0;
	/* months from year 0 to publication, less the quarter's end in its year */
	months = published.year * 12 + published.month - 1 - fy_end_month - 3 * quarter;
	return months / 12 + 1 + (outlook ? 1 : 0);
}

/* The quarter a relative quarter counts from: 当季/该季度 the one just named. */
static const nvf_period *
quarter_base(const nvf_period_mention *m, const nvf_period *current, const nvf_period *named)
{
	if (m->anaphoric && named && named->fq)
		return named;
	return current;
}

/* 上季 from Q1 is Q4 of the year before. */
static nvf_period
shift_quarter(const nvf_period *base, int offset)
{
	nvf_period	p = {0, 0, NULL};
	int			q = base->fq + offset;

	p.fy = base->fy ? base->fy + (q < 1 ? -1 : q > 4 ? 1 : 0) : 0;
	p.fq = q < 1 ? q + 4 : q > 4 ? q - 4 : q;
	return p;
}

/*
 * current: the entity's current quarter (the latest named), else its
 * context; named: the period named last for it.  Either may be NULL.
 * outlook: the figure is guidance or a forecast.
 */
nvf_period
nvf_resolve_period(const nvf_period_mention *m, int fy_end_month, nvf_date published,
				   const nvf_period *current, const nvf_period *named, bool outlook)
{
	nvf_period	p = {0, 0, NULL};
	const nvf_period *base;

	switch (m->kind)
	{
		case NVF_PER_FISCAL:
			p.fy = m->year;
			p.fq = m->quarter;
			break;
		case NVF_PER_CALENDAR:
			p.fy = calendar_to_fiscal(m->year, fy_end_month);
			p.fq = m->quarter;
			break;
		case NVF_PER_QUARTER_ONLY:
			p.fy = current && current->fy ? current->fy
				: quarter_year_at(published, m->quarter, fy_end_month, outlook);
			p.fq = m->quarter;
			break;
		case NVF_PER_FULL_YEAR:
			/* 全年 after a quarter: the whole of that quarter's year */
			p.fy = current && current->fy ? current->fy
				: published.year ? nvf_fiscal_year_of(published, fy_end_month) : 0;
			break;
		case NVF_PER_REL_YEAR:
			if (published.year)
				p.fy = calendar_to_fiscal(published.year + m->year, fy_end_month);
			break;
		case NVF_PER_REL_FISCAL:
			if (published.year)
				p.fy = nvf_fiscal_year_of(published, fy_end_month) + m->year;
			break;
		case NVF_PER_REL_QUARTER:
			base = quarter_base(m, current, named);
			if (base && base->fq)
				p = shift_quarter(base, m->year);
			break;
	}
	return p;
}

static int
days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return days[month - 1] + (month == 2 && leap);
}

nvf_date
nvf_find_published_date(nvf_env *env, const char *doc, size_t len)
{
	size_t		ov[14];
	nvf_date	d = {0, 0, 0};
	int			g;

	if (nvf_pattern_next(env, NVF_PAT_PUBDATE, doc, len, 0, ov, 7) <= 0)
		return d;
	g = UNSET(ov, 1) ? 4 : 1;
	d.year = atoi(doc + ov[2 * g]);
	d.month = atoi(doc + ov[2 * (g + 1)]);
	d.day = atoi(doc + ov[2 * (g + 2)]);
	/* no such day (2024-02-31): no date, rather than the one it would roll over to */
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
		d.year = d.month = d.day = 0;
	return d;
}
