/*
 * period.c — when a figure is for: the grammar of period expressions
 * (2025财年第一季度, FY25Q3, 4QFY20, 25Q2, 2024年上半年, 前三季度, 1-4月,
 * 过去12个月, 本季度, 去年同期, 截至1月28日的第四季度 ...), their resolution
 * against an entity's fiscal calendar, the article's context and the
 * publication date, the end date of a period, and that publication date.
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_extract.h"

/* ---- a cursor over normalized text ---------------------------------------- */

typedef struct cursor
{
	const char *t;
	size_t		len;
	size_t		pos;
} cursor;

/* The length of w when the text continues with it, else 0 (asked at every candidate). */
static size_t
match_len(const cursor *c, const char *w)
{
	size_t		i = 0;

	for (; w[i]; i++)
		if (c->pos + i >= c->len || c->t[c->pos + i] != w[i])
			return 0;
	return i;
}

static bool
peek(const cursor *c, const char *w)
{
	return match_len(c, w) > 0;
}

/* Consumes w when the text continues with it. */
static bool
lit(cursor *c, const char *w)
{
	size_t		n = match_len(c, w);

	c->pos += n;
	return n > 0;
}

/* Consumes the first word of a NULL-terminated list the text continues with. */
static int
one_of(cursor *c, const char *const *words)
{
	char		first;

	if (c->pos >= c->len)
		return -1;
	first = c->t[c->pos];
	for (int i = 0; words[i]; i++)
		if (words[i][0] == first && lit(c, words[i]))
			return i;
	return -1;
}

static void
spaces(cursor *c)
{
	for (int n = 0; n < 2 && c->pos < c->len && c->t[c->pos] == ' '; n++)
		c->pos++;
}

/* The byte at pos, 0 past the end. */
static char
ch(const cursor *c, size_t pos)
{
	return pos < c->len ? c->t[pos] : 0;
}

static bool
is_digit_at(const cursor *c, size_t pos)
{
	return pos < c->len && c->t[pos] >= '0' && c->t[pos] <= '9';
}

/* An ASCII letter (b a byte, or -1 for none)? */
static bool
is_letter(int b)
{
	return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

static bool
is_alpha_at(const cursor *c, size_t pos)
{
	return pos < c->len && is_letter(c->t[pos]);
}

/* Exactly n ASCII digits (not followed by another digit); their value, or -1. */
static int
digits(cursor *c, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
	{
		if (!is_digit_at(c, c->pos + i))
			return -1;
		v = v * 10 + c->t[c->pos + i] - '0';
	}
	if (is_digit_at(c, c->pos + n))
		return -1;
	c->pos += n;
	return v;
}

#define YEAR_FIRST 1990			/* the four-digit numbers read as years */
#define YEAR_LAST 2099

/* A four-digit year YEAR_FIRST..YEAR_LAST, not inside a longer number. */
static int
year4(cursor *c)
{
	size_t		save = c->pos;
	int			y;

	if (c->pos > 0 && (is_digit_at(c, c->pos - 1) || c->t[c->pos - 1] == '.'))
		return 0;
	y = digits(c, 4);
	if (y >= YEAR_FIRST && y <= YEAR_LAST)
		return y;
	c->pos = save;
	return 0;
}

/* A two-digit year (25 -> 2025) or a four-digit one; 0 if none. */
static int
year2or4(cursor *c)
{
	size_t		save = c->pos;
	int			y = year4(c);

	if (y)
		return y;
	y = digits(c, 2);
	if (y >= 0)
		return 2000 + y;
	c->pos = save;
	return 0;
}

/* A small number written 1..12 or 一..十二 (两 = 2); 0 if none. */
static int
small_number(cursor *c)
{
	static const char *const cjk[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", NULL};
	size_t		save = c->pos;
	int			v,
				k;

	if (is_digit_at(c, c->pos))
	{
		v = c->t[c->pos++] - '0';
		if (is_digit_at(c, c->pos))
			v = v * 10 + c->t[c->pos++] - '0';
		if (!is_digit_at(c, c->pos) && v >= 1 && v <= 12)
			return v;
		c->pos = save;
		return 0;
	}
	if (lit(c, "两"))
		return 2;
	if (lit(c, "十"))
	{
		k = one_of(c, cjk);
		return k >= 0 && k < 2 ? 11 + k : 10;
	}
	k = one_of(c, cjk);
	return k >= 0 ? k + 1 : 0;
}

/* A day of the month in digits, 1..31; 0 if none. */
static int
day_number(cursor *c)
{
	size_t		save = c->pos;
	int			d = digits(c, 2);

	if (d < 0)
		d = digits(c, 1);
	if (d >= 1 && d <= 31)
		return d;
	c->pos = save;
	return 0;
}

/* ---- the grammar -------------------------------------------------------- */

static const char *const quarter_nouns[] = {"财政季度", "财季", "季度", "季报", "季", NULL};

/*
 * 第一季度, 第 2 季, 二季度, 首季, 第四财季, 次季 and 次财季 (Hong Kong's second
 * quarter; 次季度 is the next one); *fiscal when written 财季.
 */
static int
quarter_phrase(cursor *c, bool *fiscal)
{
	size_t		save = c->pos;
	bool		di = lit(c, "第"),
				first_or_second = false;
	int			q,
				noun;

	spaces(c);
	if (lit(c, "首"))
		q = 1, first_or_second = true;
	else if (lit(c, "次"))
		q = 2, first_or_second = !di;
	else
		q = small_number(c);
	spaces(c);
	noun = (q >= 1 && q <= 4) ? one_of(c, quarter_nouns) : -1;
	if (q == 2 && first_or_second && noun != 1 && noun != 4)
		noun = -1;				/* 次季度: the next quarter */
	/* a bare 二季 is no quarter (四季 are seasons): 第二季, 二季度, 首季, 次季 */
	if (noun < 0 || (noun == 4 && !di && !first_or_second))
	{
		c->pos = save;
		return 0;
	}
	*fiscal = noun <= 1;
	return q;
}

/* Q3 (not inside a word, not followed by a digit). */
static int
q_letter(cursor *c)
{
	size_t		save = c->pos;

	if (c->pos > 0 && is_alpha_at(c, c->pos - 1))
		return 0;
	if ((lit(c, "Q") || lit(c, "q")) && is_digit_at(c, c->pos) &&
		c->t[c->pos] >= '1' && c->t[c->pos] <= '4' && !is_digit_at(c, c->pos + 1))
		return c->t[c->pos++] - '0';
	c->pos = save;
	return 0;
}

static const char *const month_range_marks[] = {"-", "至", "到", "~", "—", NULL};

/* 1-4月, 1至4月, 前4个月, 前四月: the months of the year up to the last one. */
static int
months_to_date(cursor *c)
{
	size_t		save = c->pos;
	int			last = 0;

	if (lit(c, "前"))
		last = small_number(c);
	else if (small_number(c) == 1 && one_of(c, month_range_marks) >= 0)
		last = small_number(c);
	if (last >= 2 && (lit(c, "个月") || lit(c, "月份") || lit(c, "月")))
		return last;
	c->pos = save;
	return 0;
}

/* 4月, 4月份 — not a date (4月9日) nor 4月底 */
static int
single_month(cursor *c)
{
	static const char *const not_after[] = {"日", "号", "底", "初", "末", "中旬", "上旬", "下旬", NULL};
	size_t		save = c->pos;
	int			m = small_number(c);
	cursor		look;

	if (m && (spaces(c), lit(c, "月")))
	{
		lit(c, "份");
		look = *c;
		spaces(&look);
		while (is_digit_at(&look, look.pos))
			look.pos++;
		spaces(&look);
		if (one_of(&look, not_after) < 0)
			return m;
	}
	c->pos = save;
	return 0;
}

/* What 中期 heads as a half year (中期业绩, 中期纯利), not an interim dividend or a term (中期股息, 中期目标). */
static bool
interim_head(const cursor *c)
{
	static const char *const heads[] = {"业绩", "报告", "财报", "报", "净利", "营收", "收入", "纯利", "毛利",
	"经调整", "股东应占", "归母", "盈利", "溢利", "亏损", "利润", "收益", "每股", NULL};
	cursor		look = *c;

	return one_of(&look, heads) >= 0;
}

/*
 * 四个季度 as a whole year: after a year (FY2025四个季度), or summed (四个季度加总, 4个财季合计);
 * not 连续四个季度 (a run of quarters), which no sum word follows.
 */
static bool
four_quarters(cursor *c, const nvf_period_mention *m)
{
	static const char *const four[] = {"四个季度", "4个季度", "四个财季", "4个财季", NULL};
	static const char *const sums[] = {"加总", "合计", "累计", "总计", "相加", "加起来", "合共", "共计",
	NULL};
	size_t		save = c->pos;
	int			k = one_of(c, four);
	cursor		look = *c;

	if (k >= 0 && (m->year_form != NVF_YEAR_NONE || one_of(&look, sums) >= 0))
		return true;
	c->pos = save;
	return false;
}

/* A part of a year written after the year or alone; false if none. */
static bool
sub_period(cursor *c, nvf_period_mention *m)
{
	static const char *const whole[] = {"全财年", "全年度", "全会计年度", "整个财年", "整个会计年度",
	"全年", "整年", NULL};
	static const char *const nine[] = {"前三季度", "前三个季度", "前3季度", "前3个季度", "前三季",
	"前3季", "首三季度", "首三个季度", "首三季", "前三财季", "前三个财季", "前3财季",
	"首三财季", NULL};
	static const char *const first_half[] = {"上半财年", "上半年度", "上半年", "前两季", "前两个季度",
	"前2季", "半年度", NULL};
	static const char *const ttm[] = {"过去12个月", "过去十二个月", "连续12个月", "近12个月",
		"最近12个月", "过去四个季度", "过去4个季度", "过去的四个季度", "过去的12个月",
	"过去一年", "TTM", "滚动12个月", "滚动十二个月", "滚动四个季度", NULL};
	size_t		save = c->pos;
	bool		fiscal = false;
	int			k;

	if ((k = quarter_phrase(c, &fiscal)) || (k = q_letter(c)))
	{
		m->kind = NVF_PK_QUARTER;
		m->part = k;
		m->fiscal_quarter = fiscal;
		if (fiscal && m->year_form == NVF_YEAR_CALENDAR)
			m->year_form = NVF_YEAR_FISCAL;	/* 2024年第一财季: a fiscal label */
	}
	else if (one_of(c, whole) >= 0 || four_quarters(c, m))
	{
		m->kind = NVF_PK_YEAR;
		m->whole_year = m->year_form == NVF_YEAR_NONE;
	}
	else if (one_of(c, nine) >= 0)
		m->kind = NVF_PK_NINE_MONTHS, m->part = 0;
	else if (one_of(c, first_half) >= 0)
		m->kind = NVF_PK_HALF, m->part = 1;
	else if (lit(c, "下半财年") || lit(c, "下半年度") || lit(c, "下半年"))
		m->kind = NVF_PK_HALF, m->part = 2;
	else if (lit(c, "中期") && interim_head(c))
		m->kind = NVF_PK_HALF, m->part = 1;
	else if (one_of(c, ttm) >= 0)
		m->kind = NVF_PK_TTM;
	else if (lit(c, "同期"))
		m->same_period = true;
	else if ((k = months_to_date(c)) != 0)
	{
		m->kind = k == 6 ? NVF_PK_HALF : k == 9 ? NVF_PK_NINE_MONTHS : k == 12 ? NVF_PK_YEAR
			: NVF_PK_YTD;
		m->part = k == 6 ? 1 : k == 9 || k == 12 ? 0 : k;
	}
	else if ((k = single_month(c)) != 0)
	{
		m->kind = NVF_PK_MONTH;
		m->part = k;
		m->month_only = m->year_form == NVF_YEAR_NONE;
	}
	else
	{
		c->pos = save;
		return false;
	}
	return true;
}

/* 最近一季, 最新一个季度: the quarter just reported, whatever the register */
static bool
latest_quarter(cursor *c, nvf_period_mention *m)
{
	size_t		save = c->pos;

	if (!(lit(c, "最近") || lit(c, "最新")))
		return false;
	(void) (lit(c, "一个") || lit(c, "一"));
	if (one_of(c, quarter_nouns) < 0)
	{
		c->pos = save;
		return false;
	}
	m->relative_quarter = m->hk_last = m->latest = true;
	m->kind = NVF_PK_QUARTER;
	m->quarter_shift = -1;
	return true;
}

/* 本季度, 上季, 上一财季, 下个季度, 当季, 该季度, 前一季度, 这一季度 */
static bool
relative_quarter(cursor *c, nvf_period_mention *m)
{
	static const char *const which[] = {"本", "这", "当", "该", "单", "今", "上", "前", "下", NULL};
	static const int shift[] = {0, 0, 0, 0, 0, 0, -1, -1, 1};
	size_t		save = c->pos;
	int			w = one_of(c, which);
	bool		counted;

	if (w < 0)
		return false;
	counted = lit(c, "一个") || lit(c, "一") || lit(c, "个");
	if (w == 7 && !counted)		/* 前季度 is no word; 前一季度 is */
	{
		c->pos = save;
		return false;
	}
	if (one_of(c, quarter_nouns) < 0)
	{
		c->pos = save;
		return false;
	}
	m->relative_quarter = true;
	m->kind = NVF_PK_QUARTER;
	m->quarter_shift = shift[w];
	m->anaphoric = w == 2 || w == 3;
	m->hk_last = w == 6 && !counted && c->pos - save == 6;	/* exactly 上季 */
	return true;
}

/* A year just read is the period, unless a part of it follows (2025财年第一季度, 上一财年同期, 今年上半年). */
static void
year_then_part(cursor *c, nvf_period_mention *m)
{
	m->kind = NVF_PK_YEAR;
	spaces(c);
	sub_period(c, m);
}

/* 今年, 去年, 明年, 前年, 上年, 一年前 — and what follows (去年同期, 今年上半年). */
static bool
relative_year(cursor *c, nvf_period_mention *m)
{
	static const char *const words[] = {"今年", "本年", "当年", "去年", "上年", "一年前", "1年前",
	"前一年", "上一年", "明年", "次年", "前年", NULL};
	static const int offset[] = {0, 0, 0, -1, -1, -1, -1, -1, -1, 1, 1, -2};
	int			w = one_of(c, words);

	if (w < 0)
		return false;
	if (peek(c, "度"))
		c->pos += strlen("度");
	m->year_form = NVF_YEAR_RELATIVE;
	m->year = m->year_to = offset[w];
	year_then_part(c, m);
	return true;
}

/* 本财年, 上一财年, 下个财年, 上财政年度 — and what follows (上一财年同期) */
static bool
relative_fiscal(cursor *c, nvf_period_mention *m)
{
	static const char *const which[] = {"本", "今", "上一", "上个", "上", "去", "下一", "下个", "下",
	"明", NULL};
	static const int offset[] = {0, 0, -1, -1, -1, -1, 1, 1, 1, 1};
	static const char *const nouns[] = {"财年", "财政年度", "会计年度", NULL};
	size_t		save = c->pos;
	int			w = one_of(c, which);

	if (w < 0 || one_of(c, nouns) < 0)
	{
		c->pos = save;
		return false;
	}
	m->year_form = NVF_YEAR_RELATIVE_FISCAL;
	m->year = m->year_to = offset[w];
	year_then_part(c, m);
	return true;
}

/*
 * FY2026-2028, FY26-FY28, FY2026至FY2028: a range of fiscal years (not
 * FY2025-26, one year written over two).
 */
static void
fy_range_end(cursor *c, nvf_period_mention *m)
{
	static const char *const to[] = {"-", "~", "至", "到", "—", "–", NULL};
	cursor		look = *c;
	bool		prefixed;
	size_t		at;
	int			y2;

	if (one_of(&look, to) < 0)
		return;
	prefixed = lit(&look, "FY") || lit(&look, "fy");
	at = look.pos;
	if ((y2 = year2or4(&look)) <= m->year || y2 - m->year > 10 || is_digit_at(&look, look.pos) ||
		(!prefixed && look.pos - at == 2 && y2 == m->year + 1))
		return;
	m->year_to = y2;
	*c = look;
}

/* FY2025, FY25 Q3, FY2025第一季度 */
static bool
fy_prefix(cursor *c, nvf_period_mention *m)
{
	size_t		save = c->pos;
	int			y;

	if (c->pos > 0 && is_alpha_at(c, c->pos - 1))
		return false;
	if (!(lit(c, "FY") || lit(c, "fy") || lit(c, "Fy")))
		return false;
	spaces(c);
	if (!(y = year2or4(c)))
	{
		c->pos = save;
		return false;
	}
	m->year_form = NVF_YEAR_FISCAL;
	m->year = m->year_to = y;
	fy_range_end(c, m);
	year_then_part(c, m);
	return true;
}

/* 4QFY20, Q3 FY2025, Q3 2025, 1Q25, 25Q2, 1H25, H1 2025, H2 */
static bool
letter_forms(cursor *c, nvf_period_mention *m)
{
	size_t		save = c->pos;
	int			n = 0,
				y;
	bool		half = false;

	if (c->pos > 0 && (is_alpha_at(c, c->pos - 1) || is_digit_at(c, c->pos - 1)))
		return false;
	if (is_digit_at(c, c->pos) && (ch(c, c->pos + 1) == 'Q' || ch(c, c->pos + 1) == 'H'))
	{
		/* 4QFY20, 1Q25, 1H25 */
		n = c->t[c->pos] - '0';
		half = ch(c, c->pos + 1) == 'H';
		c->pos += 2;
		m->year_form = (lit(c, "FY") || lit(c, "fy")) ? NVF_YEAR_FISCAL : NVF_YEAR_CALENDAR;
		y = year2or4(c);
	}
	else if (is_digit_at(c, c->pos) && is_digit_at(c, c->pos + 1) &&
			 (ch(c, c->pos + 2) == 'Q' || ch(c, c->pos + 2) == 'H') && is_digit_at(c, c->pos + 3) &&
			 !is_digit_at(c, c->pos + 4))
	{
		/* 25Q2, 24H1 */
		y = 2000 + (c->t[c->pos] - '0') * 10 + (c->t[c->pos + 1] - '0');
		half = ch(c, c->pos + 2) == 'H';
		n = c->t[c->pos + 3] - '0';
		c->pos += 4;
		m->year_form = NVF_YEAR_CALENDAR;
	}
	else if (lit(c, "H") || lit(c, "Q"))
	{
		/* Q3 FY2025, Q3 2025, H1 2025 (a bare Q3 is sub_period's) */
		half = c->t[c->pos - 1] == 'H';
		if (!is_digit_at(c, c->pos) || is_digit_at(c, c->pos + 1))
		{
			c->pos = save;
			return false;
		}
		n = c->t[c->pos++] - '0';
		spaces(c);
		m->year_form = (lit(c, "FY") || lit(c, "fy")) ? NVF_YEAR_FISCAL : NVF_YEAR_CALENDAR;
		spaces(c);
		/* Q3 FY25, but Q3 2025 only with four digits (Q3 20亿 is no year) */
		y = m->year_form == NVF_YEAR_FISCAL ? year2or4(c) : year4(c);
		if (!y && !half)
		{
			c->pos = save;		/* a bare Q3 */
			m->year_form = NVF_YEAR_NONE;
			return false;
		}
		if (!y)
			m->year_form = NVF_YEAR_NONE;
	}
	else
		return false;
	if ((half && (n < 1 || n > 2)) || (!half && (n < 1 || n > 4)) || is_alpha_at(c, c->pos) ||
		(!y && m->year_form != NVF_YEAR_NONE))
	{
		c->pos = save;
		m->year_form = NVF_YEAR_NONE;
		return false;
	}
	m->year = m->year_to = y;
	m->kind = half ? NVF_PK_HALF : NVF_PK_QUARTER;
	m->part = n;
	return true;
}

/* ---- English: third quarter, fourth-quarter of fiscal 2026, fiscal 2025, full year, first half ---- */

/* The word of words the text continues with, lower or capitalized (Third, third), whole; -1 if none. */
static int
english_word(cursor *c, const char *const *words)
{
	for (int i = 0; words[i]; i++)
	{
		size_t		n = strlen(words[i]);

		if (c->pos + n <= c->len && (c->t[c->pos] | 0x20) == words[i][0] &&
			memcmp(c->t + c->pos + 1, words[i] + 1, n - 1) == 0 && !is_alpha_at(c, c->pos + n))
		{
			c->pos += n;
			return i;
		}
	}
	return -1;
}

static bool
english_is(cursor *c, const char *w)
{
	const char *const words[] = {w, NULL};

	return english_word(c, words) == 0;
}

/* One space or hyphen between English words (fourth-quarter). */
static bool
english_gap(cursor *c)
{
	if (ch(c, c->pos) != ' ' && ch(c, c->pos) != '-')
		return false;
	c->pos++;
	return true;
}

/* fiscal 2026, fiscal year 2026, FY26, 2025 (after "of"); 0 if none.  *fiscal when written so. */
static int
english_year(cursor *c, bool *fiscal)
{
	size_t		save = c->pos;
	int			y;

	if (english_is(c, "fiscal") && english_gap(c))
	{
		*fiscal = true;
		if (english_is(c, "year") && !english_gap(c))
			return c->pos = save, 0;
		if ((y = year2or4(c)) != 0)
			return y;
	}
	else if (lit(c, "FY") && (y = year2or4(c)) != 0)
		return *fiscal = true, y;
	else if ((y = year4(c)) != 0)
		return y;
	c->pos = save;
	return 0;
}

/* The year after a part: third quarter of fiscal 2026, fourth quarter of 2025, first half FY26. */
static void
english_year_after(cursor *c, nvf_period_mention *m, bool fiscal)
{
	cursor		look = *c;
	int			y;

	if (!english_gap(&look))
		return;
	if (english_is(&look, "of") && !english_gap(&look))
		return;
	if ((y = english_year(&look, &fiscal)) != 0)
	{
		m->year = m->year_to = y;
		m->year_form = NVF_YEAR_CALENDAR;
		*c = look;
	}
	if (fiscal && m->year_form == NVF_YEAR_CALENDAR)
		m->year_form = NVF_YEAR_FISCAL;
}

/* An optional "fiscal " (sets *fiscal); false when the word stands without its gap. */
static bool
english_fiscal(cursor *c, bool *fiscal)
{
	if (!english_is(c, "fiscal"))
		return true;
	*fiscal = true;
	return english_gap(c);
}

/* third quarter, fiscal third quarter, fourth-quarter, first half, full year, fiscal 2026 */
static bool
english_form(cursor *c, nvf_period_mention *m)
{
	static const char *const ordinals[] = {"first", "second", "third", "fourth", NULL};
	static const char *const parts[] = {"quarter", "half", NULL};
	size_t		save = c->pos;
	bool		fiscal = false;
	int			k,
				noun,
				y;

	if (c->pos > 0 && is_alpha_at(c, c->pos - 1))
		return false;
	if ((y = english_year(c, &fiscal)) != 0 && fiscal)
	{
		m->kind = NVF_PK_YEAR;
		m->year_form = NVF_YEAR_FISCAL;
		m->year = m->year_to = y;
		return true;
	}
	c->pos = save;
	if (!english_fiscal(c, &fiscal))
		return c->pos = save, false;
	if ((k = english_word(c, ordinals)) >= 0 && english_gap(c) && english_fiscal(c, &fiscal) &&
		(noun = english_word(c, parts)) >= 0 && (noun == 0 || k < 2))
	{
		m->kind = noun == 0 ? NVF_PK_QUARTER : NVF_PK_HALF;
		m->part = k + 1;
		m->fiscal_quarter = fiscal && noun == 0;
	}
	else if ((c->pos = save, english_is(c, "full")) && english_gap(c) &&
			 english_fiscal(c, &fiscal) && english_is(c, "year"))
	{
		m->kind = NVF_PK_YEAR;
		m->whole_year = true;
	}
	else
		return c->pos = save, false;
	english_year_after(c, m, fiscal);
	return true;
}

/* After 2024年: 5月31日 (with spaces or not) makes the whole a date, no period. */
static bool
date_follows(const cursor *at)
{
	cursor		look = *at;

	spaces(&look);
	if (!small_number(&look))
		return false;
	spaces(&look);
	if (!lit(&look, "月"))
		return false;
	spaces(&look);
	return day_number(&look) && (spaces(&look), (peek(&look, "日") || peek(&look, "号")));
}

/* The year list or range after a year: 2026和2027财年, 2023年至2025年. */
static const char *const year_glue[] = {"和", "与", "及", "、", "至", "到", "-", "~", "—", NULL};

/* A fiscal year written over two calendar years: 2025/26财年, 2025-26财年. */
static const char *const split_year_glue[] = {"/", "-", NULL};

/*
 * 2022年中 (the middle of 2022) is a point in time; 2024年中国市场 is the year
 * 2024, then a word that starts with 中 (中国, 中东, 中芯, 中资, 中高端 ...).
 */
static bool
mid_year(const cursor *c)
{
	static const char *const words[] = {"中国", "中东", "中华", "中芯", "中兴", "中资", "中概", "中企",
		"中美", "中欧", "中日", "中韩", "中港", "中台", "中方", "中小", "中高", "中低", "中端", "中文",
	NULL};
	cursor		look = *c;

	return peek(c, "中") && one_of(&look, words) < 0;
}

/* 24/25财年, 24-25财年: a fiscal year over two calendar years in two digits each, the second its label */
static bool
short_split_year(cursor *c, nvf_period_mention *m)
{
	size_t		save = c->pos;
	int			y,
				y2;

	if (c->pos > 0 && is_digit_at(c, c->pos - 1))
		return false;
	if ((y = digits(c, 2)) < 0 || one_of(c, split_year_glue) < 0 || (y2 = digits(c, 2)) != y + 1 ||
		is_digit_at(c, c->pos) || !lit(c, "财年"))
	{
		c->pos = save;
		return false;
	}
	m->year = m->year_to = 2000 + y2;
	m->year_form = NVF_YEAR_FISCAL;
	year_then_part(c, m);
	return true;
}

/* 2025财年第一季度, 2024年Q4, 2024Q4, 2025年上半年, 2025年4月, 2026全年度, 2023年至2025年 */
static bool
year_first(cursor *c, nvf_period_mention *m)
{
	static const char *const fiscal_nouns[] = {"财年", "会计年度", "财政年度", "财务年度", NULL};
	size_t		save = c->pos;
	int			y = year4(c),
				y2;
	cursor		look;

	if (!y)
		return false;
	m->year = m->year_to = y;
	m->kind = NVF_PK_YEAR;
	spaces(c);
	/* 2025/26财年 (Hong Kong): the fiscal year ending in the second year */
	look = *c;
	if (one_of(&look, split_year_glue) >= 0 && (y2 = year2or4(&look)) == y + 1 &&
		peek(&look, "财年"))
	{
		m->year = m->year_to = y2;
		c->pos = look.pos;
	}
	/* 2026和2027财年: the first takes the unit of the last */
	look = *c;
	if (one_of(&look, year_glue) >= 0)
	{
		spaces(&look);
		if ((y2 = year4(&look)) > y && y2 - y <= 10)
		{
			spaces(&look);
			if (peek(&look, "年") || peek(&look, "财年") || peek(&look, "会计年度"))
			{
				m->year_to = y2;
				c->pos = look.pos;
			}
		}
	}
	if (one_of(c, fiscal_nouns) >= 0)
		m->year_form = NVF_YEAR_FISCAL;
	else if (lit(c, "年度") || lit(c, "年"))
		m->year_form = NVF_YEAR_CALENDAR;
	else if (peek(c, "全年") || peek(c, "Q") || peek(c, "q"))
		m->year_form = NVF_YEAR_CALENDAR;	/* 2026全年度, 2024Q4 */
	else
	{
		c->pos = save;
		return false;
	}
	/* 2023年至2025年: a range of years */
	look = *c;
	if (m->year == m->year_to && one_of(&look, year_glue) >= 0)
	{
		spaces(&look);
		if ((y2 = year4(&look)) > y && y2 - y <= 10)
		{
			spaces(&look);
			if (lit(&look, "年") || lit(&look, "财年") || lit(&look, "会计年度"))
			{
				m->year_to = y2;
				c->pos = look.pos;
			}
		}
	}
	/* a date (2024年5月31日) or a point in time (2022年末) is no period */
	if (peek(c, "末") || peek(c, "底") || peek(c, "初") || mid_year(c))
	{
		c->pos = save;
		return false;
	}
	if (date_follows(c))
	{
		c->pos = save;
		return false;
	}
	lit(c, "的");
	spaces(c);
	if (m->year == m->year_to && sub_period(c, m) && m->whole_year)
		m->whole_year = false;	/* 2024年全年: that year */
	return true;
}

/* 截至2025年1月26日止的第四季度, 截止6月30日的财年: a period that ended on a date. */
static bool
ended_form(cursor *c, nvf_period_mention *m)
{
	static const char *const lead[] = {"截至", "截止到", "截止", NULL};
	static const char *const bare[] = {"财年", "年度", "财季", "季度", "三个月", "六个月", "九个月",
	"十二个月", NULL};
	static const nvf_period_kind bare_kind[] = {NVF_PK_YEAR, NVF_PK_YEAR, NVF_PK_QUARTER,
		NVF_PK_QUARTER, NVF_PK_QUARTER, NVF_PK_HALF, NVF_PK_NINE_MONTHS, NVF_PK_YEAR};
	size_t		save = c->pos;
	int			y = 0,
				mo,
				k;

	if (one_of(c, lead) < 0)
		return false;
	spaces(c);
	if ((y = year4(c)) != 0)
	{
		spaces(c);
		if (!lit(c, "年") && !lit(c, "-") && !lit(c, "/"))
			goto fail;
		spaces(c);
	}
	if (!(mo = small_number(c)) || !(lit(c, "月") || lit(c, "-") || lit(c, "/")))
		goto fail;
	spaces(c);
	if (day_number(c))
		(void) (lit(c, "日") || lit(c, "号"));
	else
		(void) (lit(c, "底") || lit(c, "末"));
	spaces(c);
	lit(c, "止");
	lit(c, "的");
	spaces(c);
	m->year_form = NVF_YEAR_ENDED;
	m->year = m->year_to = y;
	m->month = mo;
	m->kind = NVF_PK_NONE;
	m->part = 0;
	if (!sub_period(c, m) && !(lit(c, "年度") && sub_period(c, m)))
	{
		if ((k = one_of(c, bare)) < 0)
			goto fail;
		m->kind = bare_kind[k];
		m->part = 0;
	}
	m->month_only = false;
	return true;
fail:
	c->pos = save;
	return false;
}

/* 未来三年, 将来5年, 过去十年, 今后几年, 长期 (not 长期以来): a span of several years. */
static bool
years_span(cursor *c, nvf_period_mention *m)
{
	static const char *const lead[] = {"未来", "将来", "今后", "过去", "近", "最近", NULL};
	static const char *const long_term[] = {"中长期", "长期", NULL};
	size_t		save = c->pos;
	int			k;

	if (one_of(c, long_term) >= 0 && !peek(c, "以来"))
	{
		m->span_years = m->ahead = true;
		m->kind = NVF_PK_NONE;
		return true;
	}
	c->pos = save;
	if ((k = one_of(c, lead)) < 0)
		return false;
	spaces(c);
	if ((lit(c, "几") || lit(c, "数") || small_number(c) >= 2) && (lit(c, "年") || lit(c, "个年度")))
	{
		m->span_years = true;
		m->ahead = k <= 2;		/* 未来, 将来, 今后 */
		m->kind = NVF_PK_NONE;
		return true;
	}
	c->pos = save;
	return false;
}

/* Years without their own noun: 第四季度, 上半年, 前三季度, 全年, Q4, 同期, 4月 */
static bool
bare_period(cursor *c, nvf_period_mention *m)
{
	size_t		save = c->pos;

	/* 首季/次季 but not 这次/每次 季度; 同期 only in 同期... or alone */
	if (c->pos >= 3 && (peek(c, "次") || peek(c, "首")))
	{
		static const char *const before[] = {"这", "那", "每", "此", "该", "上", "本", "下", "再", "一", NULL};
		cursor		b = {c->t, c->len, c->pos - 3};

		if (one_of(&b, before) >= 0)
			return false;
	}
	if (relative_quarter(c, m) || latest_quarter(c, m) || sub_period(c, m) || years_span(c, m))
		return true;
	c->pos = save;
	return false;
}

/* ---- scanning ----------------------------------------------------------- */

/* A comparison word right before pos: the period is a base (较上一季度, 比去年同期). */
static bool
after_comparison(const char *t, size_t pos)
{
	static const char *const words[] = {"较", "比", "同", "相比", "与", "相较于", "相较", "对比",
		"对照", "高于", "低于", "优于", "不及", "从", "由", "相对于", "较之", "比起", "相对",
	"than", "from", NULL};

	return nvf_word_before(t, pos, words) > 0;
}

static size_t bracket_close(const char *t, size_t len, size_t pos);

/*
 * 是一年前的2.6倍, 为上一季度的1.5倍, 将远超2025年(120-140亿美元)的两倍: a
 * period between a copula or a word of excess and 的 N倍 (an aside in
 * brackets between) is the base a multiple is measured against.
 */
static bool
multiple_base_period(const char *t, size_t len, size_t start, size_t end)
{
	static const char *const copulas[] = {"是", "为", "相当于", "达到", "远超", "超过", "超出", "高于",
	"接近", "不到", "超", "逾", NULL};
	size_t		i,
				close;

	if (nvf_word_before(t, start, copulas) == 0)
		return false;
	if (end < len && t[end] == '(' && (close = bracket_close(t, len, end)) > end)
		end = close + 1;
	if (end + 3 <= len && memcmp(t + end, "的", 3) == 0)
		end += 3;
	else if (end < start + 6 || memcmp(t + end - 3, "的", 3) != 0)	/* 2023年的 reads its 的 */
		return false;
	for (i = end; i + 3 <= len && i < end + 21; i++)
		if (memcmp(t + i, "倍", 3) == 0)
			return true;
		else if (strchr(",;:!?()\n", t[i]) || memcmp(t + i, "。", 3) == 0)
			return false;
	return false;
}

/*
 * 已超过2024年全年水平, 接近去年同期的规模: a period between a word of excess or
 * reach and 水平/规模 (的 between) is a landmark the figure is measured against.
 */
static bool
level_base_period(const char *t, size_t len, size_t start, size_t end)
{
	static const char *const reach[] = {"超过", "超出", "超越", "远超", "相当于", "接近", "逼近",
	"追平", "达到", "不及", "不到", NULL};
	static const char *const level[] = {"水平", "规模", "总和", NULL};
	cursor		after = {t, len, end};

	if (nvf_word_before(t, start, reach) == 0)
		return false;
	lit(&after, "的");
	return one_of(&after, level) >= 0;
}

/*
 * 第三财季对应的是2025年8月至10月, 第四财季则覆盖11月至1月: right after a
 * period, a word of equivalence opens what explains it (to the clause's end).
 */
static bool
explains_period_before(const char *t, size_t pos, const nvf_period_mention *prev)
{
	static const char *const words[] = {"对应的是", "对应于", "对应", "则覆盖", "覆盖", "涵盖",
	"相当于", "也就是", NULL};
	size_t		n = nvf_word_before(t, pos, words);

	return n > 0 && prev && prev->end <= pos - n && pos - n - prev->end <= 3;
}

/* Where the clause holding pos ends (a short one: 64 bytes at most). */
static size_t
clause_close(const char *t, size_t len, size_t pos)
{
	size_t		i;

	for (i = pos; i < len && i < pos + 64 && t[i] != '\n'; i++)
		if (t[i] == ',' || t[i] == ';' || (i + 3 <= len && memcmp(t + i, "。", 3) == 0))
			return i;
	return i;
}

/* One period expression at pos; false if none starts there. */
static bool
period_at(const char *t, size_t len, size_t pos, nvf_period_mention *m)
{
	cursor		c = {t, len, pos};

	memset(m, 0, sizeof(*m));
	if (!(ended_form(&c, m) || fy_prefix(&c, m) || letter_forms(&c, m) || year_first(&c, m) ||
		  short_split_year(&c, m) || english_form(&c, m) ||
		  relative_year(&c, m) || relative_fiscal(&c, m) || bare_period(&c, m)))
		return false;
	m->start = pos;
	m->end = c.pos;
	m->comparison = after_comparison(t, pos) || multiple_base_period(t, len, pos, c.pos) ||
		level_base_period(t, len, pos, c.pos);
	m->aside = peek(&c, "以来") || peek(&c, "来");
	return true;
}

/*
 * The first two characters of the period expressions that start with an
 * ideograph: most ideographs that can start one (上, 一, 中, 同 ...) start
 * far more words that are not periods, so the grammar is only tried where
 * the second character fits.  "*" admits any second character, "#" a digit
 * or a Chinese numeral.
 */
static const char *const starts[][2] = {
	{"第", "*"}, {"首", "季三财"}, {"次", "季"}, {"上", "半季一个年财"}, {"下", "半季一个年财"},
	{"本", "季年财一个"}, {"今", "年季财后"}, {"去", "年财"}, {"明", "年财"}, {"前", "年#"},
	{"当", "季年"}, {"该", "季一个"}, {"这", "一个季"}, {"单", "季"}, {"全", "年财会"},
	{"整", "年个"}, {"过", "去"}, {"连", "续"}, {"近", "#几数"}, {"最", "近新"}, {"截", "至止"},
	{"中", "期长"}, {"长", "期"}, {"同", "期"}, {"未", "来"}, {"将", "来"}, {"一", "季年至到月-~—"},
	{"二", "季月"}, {"三", "季月"}, {"四", "季月个"}, {"两", "月"}, {"五", "月"}, {"六", "月"},
	{"七", "月"}, {"八", "月"}, {"九", "月"}, {"十", "一二月"}, {"半", "年"}, {"滚", "动"},
};

#define NSTARTS (sizeof(starts) / sizeof(starts[0]))

/*
 * The characters a second-character list admits, decoded once (the lists are
 * asked at every character that may start a period): "*" any, "#" a digit
 * or a Chinese numeral, the rest by code point.
 */
#define SECOND_MAX 16			/* characters a list may hold (after_number has 12) */
typedef struct char_set
{
	bool		any;
	bool		numeral;
	int			n;
	uint32_t	cps[SECOND_MAX];
} char_set;

/* What may follow a number that starts a period: 2025年, 2025财年, 1-4月, 2026和2027财年. */
static const char after_number[] = "年财会季月个至到和与全、";

static int8_t start_of[0x10000];	/* 1 + index into starts, 0: none */
static char_set seconds[NSTARTS];	/* starts[i][1], decoded */
static char_set after_number_set;
static bool starts_ready;

static void
fill_set(const char *allowed, char_set *set)
{
	size_t		len = strlen(allowed);
	int			adv;

	set->any = allowed[0] == '*';
	for (size_t i = 0; i < len && set->n < SECOND_MAX; i += adv)
	{
		set->cps[set->n] = nvf_utf8_decode((const unsigned char *) allowed + i, len - i, &adv);
		set->numeral |= set->cps[set->n++] == '#';
	}
}

static void
fill_starts(void)
{
	for (size_t i = 0; i < NSTARTS; i++)
	{
		int			adv;
		uint32_t	cp = nvf_utf8_decode((const unsigned char *) starts[i][0], 3, &adv);

		start_of[cp] = (int8_t) (i + 1);
		fill_set(starts[i][1], &seconds[i]);
	}
	fill_set(after_number, &after_number_set);
	starts_ready = true;
}

/* Is cp in the admitted second characters of a start? */
static bool
second_fits(const char_set *set, uint32_t cp)
{
	if (set->any)
		return true;
	for (int i = 0; i < set->n; i++)
		if (set->cps[i] == cp)
			return true;
	return set->numeral && ((cp >= '0' && cp <= '9') || nvf_is_cjk_numeral(cp));
}

/*
 * Digits start a period only when a period word follows them (2025年,
 * 2025财年, 4QFY20, 25Q2, 4月, 1-4月, 1年前, 2026和2027财年), not an amount.
 * s holds n digits; the byte after them (and a space) in *next; false for
 * them all when no such word follows.
 */
static bool
number_may_start(const unsigned char *s, size_t len, size_t n, unsigned char *next)
{
	size_t		i = n;
	int			adv;
	uint32_t	cp;

	if (i < len && s[i] == ' ')
		i++;
	if (i >= len)
		return false;
	*next = s[i];
	if (s[i] == 'Q' || s[i] == 'H' || s[i] == '-' || s[i] == '~' || s[i] == 'q' || s[i] == '/')
		return true;
	cp = nvf_utf8_decode(s + i, len - i, &adv);
	return cp >= 0x80 && second_fits(&after_number_set, cp);
}

/*
 * The numbers a period starts with, each read whole (no digit may follow
 * it): a year of four digits (year4(): YEAR_FIRST..YEAR_LAST, not after a digit), or
 * one or two digits: 4QFY20 and 25Q2 (letter_forms()), small_number()'s
 * 1..12 of 3季度, 4月 and 1-4月 (only 1 before a range mark), 1年前.  Only
 * these last start inside a number (13季度 holds 3季度).
 */
#define INNER_DIGITS_MAX 2

static bool
number_fits(const unsigned char *s, size_t n, bool inner, unsigned char next)
{
	int			v;

	if (n == 4)
	{
		v = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
		return !inner && v >= YEAR_FIRST && v <= YEAR_LAST;
	}
	if (n > INNER_DIGITS_MAX)
		return false;
	if (next == 'Q' || next == 'H')
		return true;
	v = n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
	if (next == '-' || next == '/')
		return v == 1 || (n == 2 && !inner);	/* 1-4月; 24/25财年 */
	if (next == '~')
		return v == 1;
	return v >= 1 && v <= 12;
}

/*
 * Can a period start at the digits at s (after a digit: inner)?  *adv: the
 * bytes to go on by, past every digit of the number that cannot start one
 * (an amount, a phone number: each of its digits would be asked in vain).
 */
static bool
digits_may_start(const unsigned char *s, size_t len, bool inner, int *adv)
{
	size_t		n = 0;
	unsigned char next = 0;

	while (n < len && s[n] >= '0' && s[n] <= '9')
		n++;
	if (!number_may_start(s, len, n, &next))
	{
		*adv = (int) n;			/* (no digit of it has a period word after it) */
		return false;
	}
	/* inside the number: past the digits with more than INNER_DIGITS_MAX after them */
	*adv = inner && n > INNER_DIGITS_MAX ? (int) (n - INNER_DIGITS_MAX) : 1;
	return number_fits(s, n, inner, next);
}

/*
 * Can a period start at the letter s[0] (after the byte before)?  The forms
 * that start with one: TTM (sub_period()); FY25, Fy25, fy25 (fy_prefix()),
 * Q3, q3 and H1 (letter_forms(), q_letter()), English words (english_form()),
 * which follow no letter.
 */
static bool
letter_may_start(const unsigned char *s, size_t len, int before)
{
	unsigned char next = len > 1 ? s[1] : 0;

	if (s[0] == 'T' && next == 'T')
		return true;
	if (is_letter(before))
		return false;
	switch (s[0] | 0x20)
	{
		case 'f':				/* FY25, fy25; first, fourth, fiscal, full */
			return next == 'y' || (s[0] == 'F' && next == 'Y') || next == 'i' || next == 'o' ||
				next == 'u';
		case 's':				/* second */
			return next == 'e';
		case 't':				/* third */
			return next == 'h';
	}
	return (s[0] == 'Q' || s[0] == 'q' || s[0] == 'H') && next >= '0' && next <= '9';
}

/*
 * Can a period expression start at s (after the byte before, or none at the
 * text's start)?  Asked at every character; *adv: how far to go on.
 */
static bool
may_start(const unsigned char *s, size_t len, int before, int *adv)
{
	uint32_t	cp;
	int			k,
				adv2;

	if (s[0] >= '0' && s[0] <= '9')
		return digits_may_start(s, len, before >= '0' && before <= '9', adv);
	cp = nvf_utf8_decode(s, len, adv);
	if (cp < 0x80)
		return letter_may_start(s, len, before);
	if (cp >= 0x10000 || (k = start_of[cp]) == 0 || (size_t) *adv >= len)
		return false;
	return second_fits(&seconds[k - 1], nvf_utf8_decode(s + *adv, len - *adv, &adv2));
}

/* Where the bracket open before pos closes (a short one, on its line), or pos. */
static size_t
bracket_close(const char *t, size_t len, size_t pos)
{
	for (size_t i = pos; i < len && i < pos + 64 && t[i] != '\n'; i++)
		if (t[i] == ')')
			return i;
	return pos;
}

/*
 * Does period m open the bracket right after the one ending at end, its
 * range's first number at most between (Q2（5—7月）), or the months it is
 * said to be (第二季度（即2025年7月至9月）)?
 */
static bool
bracket_after(const char *t, size_t end, const nvf_period_mention *m)
{
	static const char *const restated[] = {"即", "对应", NULL};
	cursor		c = {t, m->start, end + 1};

	if (m->start <= end || t[end] != '(')
		return false;
	if (m->kind == NVF_PK_MONTH)
		one_of(&c, restated);
	while (c.pos < m->start && t[c.pos] >= '0' && t[c.pos] <= '9')
		c.pos++;
	if (c.pos > end + 1)
		one_of(&c, month_range_marks);
	return c.pos == m->start;
}

int
nvf_find_periods(nvf_env *env, const char *t, size_t len, nvf_period_mention **out)
{
	int			n = 0,
				cap = 8;
	nvf_period_mention *list = nvf_alloc(env, cap * sizeof(nvf_period_mention));
	size_t		pos = 0,
				aside_end = 0;

	if (!starts_ready)
		fill_starts();
	while (pos < len)
	{
		nvf_period_mention m;
		int			adv;

		if (!may_start((const unsigned char *) t + pos, len - pos, pos > 0 ? t[pos - 1] : -1, &adv) ||
			!period_at(t, len, pos, &m))
		{
			pos += adv;
			continue;
		}
		if (n == cap)
		{
			nvf_period_mention *bigger = nvf_alloc(env, 2 * cap * sizeof(nvf_period_mention));

			memcpy(bigger, list, cap * sizeof(nvf_period_mention));
			list = bigger;
			cap *= 2;
		}
		/* Q1（2024年2—4月）, Q2（5—7月）: a bracket right after a period explains it */
		if (n > 0 && bracket_after(t, list[n - 1].end, &m))
			aside_end = bracket_close(t, len, m.start);
		else if (explains_period_before(t, m.start, n > 0 ? &list[n - 1] : NULL))
			aside_end = clause_close(t, len, m.start);
		if (m.start < aside_end)
			m.aside = true;
		list[n++] = m;
		pos = m.end > pos ? m.end : pos + 1;
	}
	*out = list;
	return n;
}

/* ---- resolution --------------------------------------------------------- */

bool
nvf_looks_back(const nvf_period_mention *p)
{
	return (p->same_period && p->year_form == NVF_YEAR_RELATIVE && p->year < 0) ||
		(p->relative_quarter && p->quarter_shift < 0 && !p->hk_last) ||
		(p->year_form == NVF_YEAR_RELATIVE && p->year < 0) ||
		(p->year_form == NVF_YEAR_RELATIVE_FISCAL && p->year < 0);
}

int
nvf_calendar_to_fiscal(int year, int fy_end_month)
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

/* The fiscal quarter that ends in calendar month mo. */
static int
quarter_ending_in(int mo, int fy_end_month)
{
	return ((mo - fy_end_month - 1 + 24) % 12) / 3 + 1;
}

/*
 * A quarter named without a year and no year in context: a reported figure
 * is for the latest such quarter ended before the month of publication; an
 * outlook for the next one to end (a page of May 2024 reports Q1 2024 and
 * guides for Q2 2024; its 第二季度 actual is Q2 2023).
 */
static int
quarter_year_at(nvf_date published, int quarter, int fy_end_month, bool outlook)
{
	int			pub,
				fy;

	if (!published.year)
		return 0;
	pub = published.year * 12 + published.month - 1;	/* months since year 0 */
	/* the latest fiscal year whose such quarter ended before the month of publication */
	for (fy = published.year + 1; fy * 12 + fy_end_month - 1 - 3 * (4 - quarter) >= pub; fy--)
		;
	/* an outlook is for the next one to be reported: one that ended a month ago is not yet */
	if (outlook && fy * 12 + fy_end_month - 1 - 3 * (4 - quarter) < pub - 1)
		fy++;
	return fy;
}

/* The latest quarter ended before the month of publication. */
static nvf_period
quarter_before(nvf_date published, int fy_end_month)
{
	nvf_period	p = {0, 0, NVF_PK_QUARTER, 0, NULL, false};
	int			idx = published.year * 12 + published.month - 1 - 1;	/* the month before */

	while ((idx % 12 + 1 - fy_end_month + 12) % 3 != 0)
		idx--;
	p.fq = quarter_ending_in(idx % 12 + 1, fy_end_month);
	p.fy = nvf_fiscal_year_of((nvf_date) {idx / 12, idx % 12 + 1, 1}, fy_end_month);
	return p;
}

/* 上季 from Q1 is Q4 of the year before. */
static nvf_period
shift_quarter(const nvf_period *base, int offset)
{
	nvf_period	p = {0, 0, NVF_PK_QUARTER, 0, NULL, false};
	int			q = base->fq + offset;

	p.fy = base->fy ? base->fy + (q < 1 ? -1 : q > 4 ? 1 : 0) : 0;
	p.fq = q < 1 ? q + 4 : q > 4 ? q - 4 : q;
	return p;
}

static nvf_period
relative_quarter_period(const nvf_period_mention *m, const nvf_period_context *c)
{
	const nvf_period *cur = c->current && c->current->fq ? c->current : NULL;
	const nvf_period *base;
	nvf_period	none = {0, 0, NVF_PK_QUARTER, 0, NULL, false},
				pub;
	int			shift = m->quarter_shift;

	/* with no period in context, the quarter reported last before publication
	 * is the report's: 当季 reported is it, 下季度 guided the one after */
	if (!cur && c->published.year)
	{
		pub = quarter_before(c->published, c->fy_end_month);
		cur = &pub;
	}
	base = m->anaphoric && c->named && c->named->fq ? c->named : cur;
	/* Hong Kong and Taiwan write 上季 for the quarter just reported */
	if (m->hk_last && (c->hk_usage || m->latest))
		return cur ? shift_quarter(cur, 0) : none;
	/* 本季度 inside an outlook is the quarter being guided */
	if (shift == 0 && c->outlook && !m->anaphoric && cur)
		shift = 1;
	return base ? shift_quarter(base, shift) : none;
}

/*
 * A bare quarter in an outlook, against the quarter in context: one that
 * comes before it in the year is next year's (a Q4 report guides 第一季度).
 * Reported quarters are not turned back: a page walks Q1, Q2, Q3 forward.
 */
static int
bare_quarter_year(int quarter, const nvf_period *cur, bool outlook)
{
	return outlook && quarter < cur->fq ? cur->fy + 1 : cur->fy;
}

/*
 * The page's period read in another calendar (its 第二季度 in Microsoft's is
 * FY2025 Q4) may place a bare part of that company's year out of time: a
 * reported quarter must have ended before the month of publication (else it
 * is the year before's, as with no page period at all), and an outlook for
 * the whole year (全年指引) is for a year not yet ended.
 */
static int
page_year_in_time(int fy, const nvf_period_mention *m, const nvf_period_context *c)
{
	nvf_period	p = {fy, m->part, m->kind, 0, NULL, false};
	nvf_date	end;
	int			ended;

	if (c->current != &c->page || !c->published.year ||
		!(m->kind == NVF_PK_QUARTER ? !c->outlook && m->part : m->kind == NVF_PK_YEAR && c->outlook) ||
		!nvf_period_end(&p, c->fy_end_month, &end))
		return fy;
	ended = nvf_month_index(end) - nvf_month_index(c->published);	/* < 0: ended before */
	if (m->kind == NVF_PK_QUARTER)
		return ended >= 0 ? fy - 1 : fy;
	return ended < 0 ? fy + 1 : fy;
}

/* The fiscal year a bare part of a year (第四季度, 上半年) belongs to. */
static int
context_year(const nvf_period_mention *m, const nvf_period_context *c)
{
	if (c->sentence_year)
		return c->sentence_year;
	if (c->current && c->current->fy && m->kind == NVF_PK_QUARTER && m->part && c->current->fq)
		return page_year_in_time(bare_quarter_year(m->part, c->current, c->outlook), m, c);
	if (c->current && c->current->fy)
		return page_year_in_time(c->current->fy, m, c);
	if (m->kind == NVF_PK_QUARTER && m->part)
		return quarter_year_at(c->published, m->part, c->fy_end_month, c->outlook);
	return c->published.year ? nvf_fiscal_year_of(c->published, c->fy_end_month) : 0;
}

/* The calendar year the context is about: 去年 counts from it. */
static int
base_calendar_year(const nvf_period_context *c)
{
	if (c->current && c->current->fy)
		return c->current->fy - (c->fy_end_month < 6 ? 1 : 0);
	return c->published.year;
}

int
nvf_mention_year(const nvf_period_mention *m, const nvf_period_context *c)
{
	int			y;

	switch (m->year_form)
	{
		case NVF_YEAR_FISCAL:
			return m->year;
		case NVF_YEAR_CALENDAR:
			if ((m->kind == NVF_PK_MONTH || m->kind == NVF_PK_YTD) && m->part)
				return nvf_fiscal_year_of((nvf_date) {m->year, m->part, 1}, c->fy_end_month);
			return nvf_calendar_to_fiscal(m->year, c->fy_end_month);
		case NVF_YEAR_RELATIVE:
			/* 今年 is the year of publication; 去年 counts back from the report's */
			y = m->year == 0 && c->published.year ? c->published.year : base_calendar_year(c);
			return y ? nvf_calendar_to_fiscal(y + m->year, c->fy_end_month) : 0;
		case NVF_YEAR_RELATIVE_FISCAL:
			if (c->published.year)
				return nvf_fiscal_year_of(c->published, c->fy_end_month) + m->year;
			return c->current && c->current->fy ? c->current->fy + m->year : 0;
		case NVF_YEAR_ENDED:
			y = m->year ? m->year
				: !c->published.year ? 0
				: c->published.year - (m->month > c->published.month ? 1 : 0);
			return y ? nvf_fiscal_year_of((nvf_date) {y, m->month, 1}, c->fy_end_month)
				: context_year(m, c);
		case NVF_YEAR_NONE:
			break;
	}
	return context_year(m, c);
}

/* A quarter several companies share is a calendar one, whatever their fiscal calendars. */
static bool
calendar_quarter(const nvf_period_mention *m, const nvf_period_context *c)
{
	return m->shared && c->fy_end_month != 12;
}

/* The calendar quarter m names, as the quarter of c's fiscal calendar that ends nearest to it. */
static nvf_period
in_calendar(const nvf_period_mention *m, const nvf_period_context *c)
{
	nvf_period_context cal = *c;
	nvf_period	r;

	cal.fy_end_month = 12;
	cal.current = cal.named = NULL;
	cal.sentence_year = 0;
	r = nvf_resolve_period(m, &cal);
	return nvf_period_in_calendar(&r, c->fy_end_month);
}

nvf_period
nvf_resolve_period(const nvf_period_mention *m, const nvf_period_context *c)
{
	nvf_period	p = {0, 0, m->kind, m->part, NULL, false};

	if (calendar_quarter(m, c))
		return in_calendar(m, c);
	if (m->relative_quarter)
		return relative_quarter_period(m, c);
	if (m->same_period)
	{
		/* 去年同期: the period reported, a year away */
		if (!c->current || !c->current->fy)
			return p;
		p = *c->current;
		p.text = NULL;
		p.fy += m->year_form == NVF_YEAR_RELATIVE || m->year_form == NVF_YEAR_RELATIVE_FISCAL ?
			m->year : 0;
		return p;
	}
	if (m->kind == NVF_PK_TTM)
		return p;				/* twelve months to an end the text rarely dates */
	p.fy = nvf_mention_year(m, c);
	if (m->year_form == NVF_YEAR_ENDED && m->kind == NVF_PK_QUARTER && !m->part)
		p.part = quarter_ending_in(m->month, c->fy_end_month);
	/* 截至6月30日止六个月: the half ending in that month (none if it ends mid-year's quarter) */
	if (m->year_form == NVF_YEAR_ENDED && m->kind == NVF_PK_HALF && !m->part &&
		quarter_ending_in(m->month, c->fy_end_month) % 2 == 0)
		p.part = quarter_ending_in(m->month, c->fy_end_month) / 2;
	if (p.kind == NVF_PK_QUARTER)
		p.fq = p.part, p.part = 0;
	if (p.kind == NVF_PK_NINE_MONTHS || p.kind == NVF_PK_YEAR || p.kind == NVF_PK_TTM)
		p.part = 0;
	return p;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool
nvf_period_end(const nvf_period *p, int fy_end_month, nvf_date *out)
{
	int			year_end = p->fy * 12 + fy_end_month - 1;	/* months since year 0 */
	int			idx;

	if (!p->fy)
		return false;
	switch (p->kind)
	{
		case NVF_PK_QUARTER:
		case NVF_PK_TTM:
			if (!p->fq)
				return false;
			idx = year_end - 3 * (4 - p->fq);
			break;
		case NVF_PK_HALF:
			if (!p->part)
				return false;
			idx = year_end - 6 * (2 - p->part);
			break;
		case NVF_PK_NINE_MONTHS:
			idx = year_end - 3;
			break;
		case NVF_PK_YEAR:
			idx = year_end;
			break;
		case NVF_PK_MONTH:
		case NVF_PK_YTD:
			if (!p->part)
				return false;
			idx = (p->part <= fy_end_month ? p->fy : p->fy - 1) * 12 + p->part - 1;
			break;
		default:
			return false;
	}
	out->year = idx / 12;
	out->month = idx % 12 + 1;
	out->day = days_in_month(out->year, out->month);
	return true;
}

/*
 * A calendar quarter read in another fiscal calendar: the quarter a page names
 * before any company (本季, 2025年第三季度) is, for Microsoft, the fiscal
 * quarter that ends in the same month; for a calendar whose quarters end a
 * month apart from it, the one ending a month before or after.  Other periods
 * are returned as they are.
 */
nvf_period
nvf_period_in_calendar(const nvf_period *p, int fy_end_month)
{
	nvf_period	q = *p;
	nvf_date	end;

	if (p->kind != NVF_PK_QUARTER || fy_end_month == 12 || !nvf_period_end(p, 12, &end))
		return q;
	/* Micron's quarter ends a month before (May for June), NVIDIA's a month after (July) */
	for (int shift = 0; shift <= 2; shift++)
	{
		int			idx = nvf_month_index(end) - 1 + (shift == 2 ? -1 : shift);
		nvf_date	d = {idx / 12, idx % 12 + 1, 1};

		if ((d.month - fy_end_month + 12) % 3 == 0)
		{
			q.fy = nvf_fiscal_year_of(d, fy_end_month);
			q.fq = quarter_ending_in(d.month, fy_end_month);
			break;
		}
	}
	return q;
}

int
nvf_period_end_month(const nvf_period *p, int fy_end_month)
{
	nvf_date	d;

	return nvf_period_end(p, fy_end_month, &d) ? nvf_month_index(d) : 0;
}

/* ---- the publication date ----------------------------------------------- */

#define UNSET(ov, g) ((ov)[2 * (g)] == SIZE_MAX)

/*
 * Does t[a..b) hold 19NN or 20NN (every printed date has its year)?  A year
 * is four digits: where t[i + 3] is none, none starts at i .. i + 3, and the
 * search goes on four bytes later (most lines hold few digits).
 */
static bool
holds_year(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i + 4 <= b;)
	{
		if (t[i + 3] < '0' || t[i + 3] > '9')
			i += 4;
		else if (((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')) &&
				 t[i + 2] >= '0' && t[i + 2] <= '9')
			return true;
		else
			i++;
	}
	return false;
}

/* 1..12 for the first three letters of an English month name (any case). */
static int
english_month(const char *t)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char		key[3];

	for (int i = 0; i < 3; i++)
		key[i] = (char) (t[i] | 0x20);
	for (int m = 0; m < 12; m++)
		if (memcmp(names + 3 * m, key, 3) == 0)
			return m + 1;
	return 0;
}

nvf_date
nvf_find_published_date(nvf_env *env, const char *doc, size_t len)
{
	size_t		ov[44];
	nvf_date	d = {0, 0, 0};
	int			g,
				rc = 0;

	/* no date form crosses a line: the pattern runs on the lines holding a year */
	for (size_t a = 0, b; a < len && rc == 0; a = b + 1)
	{
		const char *nl = memchr(doc + a, '\n', len - a);

		b = nl ? (size_t) (nl - doc) : len;
		if (holds_year(doc, a, b))
			rc = nvf_pattern_next(env, NVF_PAT_PUBDATE, doc, b, a, ov, 22);
	}
	if (rc <= 0)
		return d;
	for (g = 1; g < 13 && UNSET(ov, g); g += 3)
		;
	if (g < 13)
		d = (nvf_date) {atoi(doc + ov[2 * g]), atoi(doc + ov[2 * (g + 1)]), atoi(doc + ov[2 * (g + 2)])};
	else if (!UNSET(ov, 13))
		d = (nvf_date) {atoi(doc + ov[2 * 15]), atoi(doc + ov[2 * 14]), atoi(doc + ov[2 * 13])};
	else if (!UNSET(ov, 16))
		d = (nvf_date) {atoi(doc + ov[2 * 18]), english_month(doc + ov[2 * 16]), atoi(doc + ov[2 * 17])};
	else
		d = (nvf_date) {atoi(doc + ov[2 * 21]), english_month(doc + ov[2 * 20]), atoi(doc + ov[2 * 19])};
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
		d.year = d.month = d.day = 0;
	return d;
}
