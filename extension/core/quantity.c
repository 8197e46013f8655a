/*
 * quantity.c — finding quantities in normalized text: money, percentages,
 * percentage points and basis points, multiples, fractions and counts, with
 * ranges, shared scales and approximation words.  Values are magnitudes as
 * written; direction words are extract's business.
 */
#include <string.h>

#include "nvfacts_core.h"

/* ---- the grammar's words --------------------------------------------- */

typedef struct unit_word
{
	const char *word;
	nvf_unit	unit;
	int			shift;			/* power of ten applied to the value */
} unit_word;

/* Units written after the number; the longest match wins. */
static const unit_word suffix_units[] = {
	{"个百分点", NVF_UNIT_PP, 0}, {"百分点", NVF_UNIT_PP, 0}, {"个基点", NVF_UNIT_PP, -2}, {"基点", NVF_UNIT_PP, -2},
	{"%", NVF_UNIT_PERCENT, 0}, {"‰", NVF_UNIT_PERCENT, -1},
	{"美元", NVF_UNIT_USD, 0}, {"美金", NVF_UNIT_USD, 0}, {"美分", NVF_UNIT_USD, -2},
	{"港元", NVF_UNIT_HKD, 0}, {"港币", NVF_UNIT_HKD, 0}, {"新台币", NVF_UNIT_TWD, 0}, {"台币", NVF_UNIT_TWD, 0},
	{"元新台币", NVF_UNIT_TWD, 0}, {"元台币", NVF_UNIT_TWD, 0}, {"元港币", NVF_UNIT_HKD, 0}, {"美仙", NVF_UNIT_USD, -2}, {"港仙", NVF_UNIT_HKD, -2},
	{"日元", NVF_UNIT_JPY, 0}, {"日圆", NVF_UNIT_JPY, 0}, {"欧元", NVF_UNIT_EUR, 0}, {"英镑", NVF_UNIT_GBP, 0},
	{"韩元", NVF_UNIT_KRW, 0}, {"元人民币", NVF_UNIT_CNY, 0}, {"人民币", NVF_UNIT_CNY, 0}, {"块钱", NVF_UNIT_CNY, 0},
	{"元", NVF_UNIT_CNY, 0},
	{NULL, NVF_UNIT_NONE, 0}
};

/* English words after a number (one space allowed before each). */
static const unit_word english_scales[] = {
	{"thousand", NVF_UNIT_NONE, 3}, {"million", NVF_UNIT_NONE, 6}, {"billion", NVF_UNIT_NONE, 9}, {"trillion", NVF_UNIT_NONE, 12},
	{"bn", NVF_UNIT_NONE, 9}, {"mn", NVF_UNIT_NONE, 6}, {"B", NVF_UNIT_NONE, 9}, {"M", NVF_UNIT_NONE, 6}, {"K", NVF_UNIT_NONE, 3},
	{NULL, NVF_UNIT_NONE, 0}
};

static const unit_word english_units[] = {
	{"percentage points", NVF_UNIT_PP, 0}, {"percentage point", NVF_UNIT_PP, 0}, {"pp", NVF_UNIT_PP, 0},
	{"pct", NVF_UNIT_PP, 0},
	{"basis points", NVF_UNIT_PP, -2}, {"basis point", NVF_UNIT_PP, -2}, {"bps", NVF_UNIT_PP, -2}, {"bp", NVF_UNIT_PP, -2},
	{"percent", NVF_UNIT_PERCENT, 0}, {"per cent", NVF_UNIT_PERCENT, 0},
	{"US dollars", NVF_UNIT_USD, 0}, {"dollars", NVF_UNIT_USD, 0}, {"USD", NVF_UNIT_USD, 0}, {"yuan", NVF_UNIT_CNY, 0},
	{"RMB", NVF_UNIT_CNY, 0}, {"CNY", NVF_UNIT_CNY, 0}, {"HKD", NVF_UNIT_HKD, 0}, {"euros", NVF_UNIT_EUR, 0}, {"EUR", NVF_UNIT_EUR, 0},
	{"times", NVF_UNIT_TIMES, 0},
	{NULL, NVF_UNIT_NONE, 0}
};

/* Currency written before the number. */
static const unit_word prefix_currencies[] = {
	{"US$", NVF_UNIT_USD, 0}, {"HK$", NVF_UNIT_HKD, 0}, {"NT$", NVF_UNIT_TWD, 0}, {"$", NVF_UNIT_USD, 0},
	{"¥", NVF_UNIT_CNY, 0}, {"€", NVF_UNIT_EUR, 0}, {"£", NVF_UNIT_GBP, 0},
	{"USD", NVF_UNIT_USD, 0}, {"RMB", NVF_UNIT_CNY, 0}, {"CNY", NVF_UNIT_CNY, 0}, {"HKD", NVF_UNIT_HKD, 0},
	{"人民币", NVF_UNIT_CNY, 0}, {"港币", NVF_UNIT_HKD, 0}, {"新台币", NVF_UNIT_TWD, 0},
	{NULL, NVF_UNIT_NONE, 0}
};

/* Classifiers of counted things (one character each). */
static const char *const classifiers[] = {
	"个", "家", "块", "张", "台", "名", "人", "位", "颗", "片", "套", "款", "座",
	"辆", "部", "件", "项", "份", "枚", "条", "架", "艘", "户", "只", "支", "笔", NULL
};

/* After a scaled number these make it a duration or date, not a count. */
static const char *const time_words[] = {
	"年", "月", "日", "天", "小时", "分钟", "秒", "周", "岁", NULL
};

typedef struct approx_word
{
	const char *word;
	size_t		len;			/* strlen(word): approx_before is matched backwards */
	nvf_approx	approx;
} approx_word;

/* A string literal and its length, for the initializers below. */
#define WORD(w) w, sizeof(w) - 1

static const approx_word approx_before[] = {
	{WORD("大约"), NVF_APPROX_ABOUT}, {WORD("约合"), NVF_APPROX_ABOUT},
	{WORD("折合"), NVF_APPROX_ABOUT}, {WORD("约为"), NVF_APPROX_ABOUT},
	{WORD("约"), NVF_APPROX_ABOUT}, {WORD("大概"), NVF_APPROX_ABOUT},
	{WORD("接近"), NVF_APPROX_ABOUT}, {WORD("将近"), NVF_APPROX_ABOUT},
	{WORD("近"), NVF_APPROX_ABOUT}, {WORD("几乎"), NVF_APPROX_ABOUT},
	{WORD("差不多"), NVF_APPROX_ABOUT}, {WORD("about"), NVF_APPROX_ABOUT},
	{WORD("around"), NVF_APPROX_ABOUT}, {WORD("approximately"), NVF_APPROX_ABOUT},
	{WORD("roughly"), NVF_APPROX_ABOUT}, {WORD("nearly"), NVF_APPROX_ABOUT},
	{WORD("almost"), NVF_APPROX_ABOUT},
	{WORD("超过"), NVF_APPROX_OVER}, {WORD("超出"), NVF_APPROX_OVER}, {WORD("跨越"), NVF_APPROX_OVER},
	{WORD("超"), NVF_APPROX_OVER}, {WORD("逾"), NVF_APPROX_OVER}, {WORD("突破"), NVF_APPROX_OVER},
	{WORD("冲破"), NVF_APPROX_OVER}, {WORD("高于"), NVF_APPROX_OVER}, {WORD("多于"), NVF_APPROX_OVER},
	{WORD("不止"), NVF_APPROX_OVER}, {WORD("至少"), NVF_APPROX_OVER}, {WORD("起码"), NVF_APPROX_OVER},
	{WORD("more than"), NVF_APPROX_OVER}, {WORD("over"), NVF_APPROX_OVER},
	{WORD("above"), NVF_APPROX_OVER}, {WORD("at least"), NVF_APPROX_OVER},
	{WORD("不足"), NVF_APPROX_UNDER}, {WORD("不到"), NVF_APPROX_UNDER},
	{WORD("低于"), NVF_APPROX_UNDER}, {WORD("少于"), NVF_APPROX_UNDER},
	{WORD("未满"), NVF_APPROX_UNDER}, {WORD("less than"), NVF_APPROX_UNDER},
	{WORD("under"), NVF_APPROX_UNDER}, {WORD("below"), NVF_APPROX_UNDER},
	{WORD("多达"), NVF_APPROX_UP_TO}, {WORD("最多"), NVF_APPROX_UP_TO},
	{WORD("至多"), NVF_APPROX_UP_TO}, {WORD("不超过"), NVF_APPROX_UP_TO},
	{WORD("最高"), NVF_APPROX_UP_TO}, {WORD("up to"), NVF_APPROX_UP_TO},
	{NULL, 0, NVF_APPROX_NONE}
};

static const approx_word approx_after[] = {
	{WORD("左右"), NVF_APPROX_ABOUT}, {WORD("上下"), NVF_APPROX_ABOUT},
	{WORD("以上"), NVF_APPROX_OVER}, {WORD("之上"), NVF_APPROX_OVER}, {WORD("有余"), NVF_APPROX_OVER},
	{WORD("出头"), NVF_APPROX_OVER}, {WORD("开外"), NVF_APPROX_OVER}, {WORD("多"), NVF_APPROX_OVER},
	{WORD("余"), NVF_APPROX_OVER},
	{WORD("以下"), NVF_APPROX_UNDER}, {WORD("之下"), NVF_APPROX_UNDER},
	{NULL, 0, NVF_APPROX_NONE}
};

#undef WORD

/* 翻倍 and its kin: a written-out multiple. */
static const unit_word doubling_words[] = {
	{"翻了两番", NVF_UNIT_TIMES, 4}, {"翻两番", NVF_UNIT_TIMES, 4}, {"翻了三番", NVF_UNIT_TIMES, 8}, {"翻三番", NVF_UNIT_TIMES, 8},
	{"翻了一番", NVF_UNIT_TIMES, 2}, {"翻一番", NVF_UNIT_TIMES, 2}, {"翻了一倍", NVF_UNIT_TIMES, 2}, {"翻一倍", NVF_UNIT_TIMES, 2},
	{"翻了一翻", NVF_UNIT_TIMES, 2}, {"翻倍", NVF_UNIT_TIMES, 2}, {"翻番", NVF_UNIT_TIMES, 2}, {"倍增", NVF_UNIT_TIMES, 2},
	{NULL, NVF_UNIT_NONE, 0}
};

/* 百分之 / 千分之 / 万分之 */
static const unit_word per_words[] = {
	{"百分之", NVF_UNIT_PERCENT, 0}, {"千分之", NVF_UNIT_PERCENT, -1}, {"万分之", NVF_UNIT_PERCENT, -2}, {NULL, NVF_UNIT_NONE, 0}
};

/*
 * The lists above as longest_word reads them, each with a filter on the
 * first characters of its words: the lists are looked up at every number
 * and most lookups find nothing.  Filled on the first scan (fill_scan_tables).
 */
typedef struct word_table
{
	const unit_word *words;
	uint64_t	first[4];		/* bit c & 255 for the first code point c of each word */
} word_table;

static word_table suffix_table = {suffix_units, {0}},
			english_scale_table = {english_scales, {0}},
			english_unit_table = {english_units, {0}},
			prefix_table = {prefix_currencies, {0}},
			doubling_table = {doubling_words, {0}},
			per_table = {per_words, {0}};

/* ---- small text helpers ---------------------------------------------- */

typedef struct scan_ctx
{
	nvf_env    *env;
	const char *t;
	size_t		len;
} scan_ctx;

/* Bytes of w when t[pos..] starts with it, else 0 (w not empty). */
static size_t
word_at(const scan_ctx *sc, size_t pos, const char *w)
{
	size_t		n = 0;

	/* a byte loop: the words are short and most differ in the first byte */
	for (; w[n]; n++)
		if (pos + n >= sc->len || sc->t[pos + n] != w[n])
			return 0;
	return n;
}

static bool
starts_with(const scan_ctx *sc, size_t pos, const char *w)
{
	return word_at(sc, pos, w) > 0;
}

/* Whether t[..pos) ends with the n bytes of w. */
static bool
ends_with(const scan_ctx *sc, size_t pos, const char *w, size_t n)
{
	return pos >= n && sc->t[pos - 1] == w[n - 1] && memcmp(sc->t + pos - n, w, n) == 0;
}

static bool
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* English words must not run on into more letters. */
static bool
word_boundary_after(const scan_ctx *sc, size_t end)
{
	return end >= sc->len || !is_alpha(sc->t[end]);
}

/* The bit of tab's filter for code point c. */
static bool
first_bit(const word_table *tab, uint32_t c)
{
	c &= 255;
	return (tab->first[c >> 6] >> (c & 63)) & 1;
}

/* Longest listed word at pos (English ones need a word boundary). */
static const unit_word *
longest_word(const scan_ctx *sc, size_t pos, const word_table *tab)
{
	const unit_word *best = NULL;
	size_t		bestlen = 0;
	int			adv;

	if (pos >= sc->len ||
		!first_bit(tab, nvf_utf8_decode((const unsigned char *) sc->t + pos, sc->len - pos, &adv)))
		return NULL;			/* no word starts with this character */
	for (const unit_word *w = tab->words; w->word; w++)
	{
		size_t		n = word_at(sc, pos, w->word);

		if (n > bestlen &&
			(!is_alpha(w->word[n - 1]) || word_boundary_after(sc, pos + n)))
		{
			best = w;
			bestlen = n;
		}
	}
	return best;
}

static size_t
skip_spaces(const scan_ctx *sc, size_t pos, int max)
{
	while (max-- > 0 && pos < sc->len && sc->t[pos] == ' ')
		pos++;
	return pos;
}

static uint32_t
cp_at(const scan_ctx *sc, size_t pos, int *adv)
{
	if (pos >= sc->len)
	{
		*adv = 0;
		return 0;
	}
	return nvf_utf8_decode((const unsigned char *) sc->t + pos, sc->len - pos, adv);
}

static uint32_t
cp_before(const scan_ctx *sc, size_t pos)
{
	size_t		k = pos;
	int			adv;

	if (pos == 0)
		return 0;
	k--;
	while (k > 0 && ((unsigned char) sc->t[k] & 0xC0) == 0x80)
		k--;
	return nvf_utf8_decode((const unsigned char *) sc->t + k, pos - k, &adv);
}

static size_t
match_list(const scan_ctx *sc, size_t pos, const char *const *words)
{
	size_t		n = 0;

	for (int i = 0; words[i] && !n; i++)
		n = word_at(sc, pos, words[i]);
	return n;
}

/* ---- one quantity ----------------------------------------------------- */

typedef struct parsed
{
	size_t		lead;			/* where parsing began (before 人民币, $) */
	size_t		start;
	size_t		end;
	nvf_number	num;
	nvf_dec		value;			/* the point value, or the low bound */
	nvf_dec		high;
	nvf_unit	unit;			/* NONE while none was read */
	nvf_unit	prefix_unit;	/* $, 人民币 ... before the number */
	bool		unit_explicit;	/* written, not inferred (a bare 300万 is not) */
	int			shift;
	nvf_approx	approx;
	unsigned	flags;
	bool		negative;
} parsed;

/*
 * Where a number at pos sits inside a word (H100, GPT-4, v1.5) or is a rank
 * (第3), it is no quantity.
 */
static bool
number_in_word(const scan_ctx *sc, size_t pos)
{
	uint32_t	prev = cp_before(sc, pos);

	if (prev < 0x80 && (is_alpha((char) prev) || prev == '_' || prev == '#'))
		return true;
	/* a/b2 is a name; 1.53/1.89美元 and 64.9%/65.4% are lists */
	if (prev == '/' && !(pos >= 2 && (is_digit(sc->t[pos - 2]) || sc->t[pos - 2] == '%')))
		return true;
	/* GPT-4, v1.5 (but 300-600元 is a range) */
	if (pos >= 2 && ((prev == '-' && is_alpha(sc->t[pos - 2])) ||
					 (prev == '.' && (is_alpha(sc->t[pos - 2]) || is_digit(sc->t[pos - 2])))))
		return true;
	return prev == 0x7B2C;		/* 第 */
}

static void
apply_approx_before(const scan_ctx *sc, parsed *p)
{
	size_t		pos = p->lead;
	const approx_word *best = NULL;
	size_t		bestlen = 0;

	while (pos > 0 && sc->t[pos - 1] == ' ')
		pos--;
	for (const approx_word *w = approx_before; w->word; w++)
	{
		size_t		n = w->len;

		if (n > bestlen && ends_with(sc, pos, w->word, n) &&
			(!is_alpha(w->word[0]) || pos == n || !is_alpha(sc->t[pos - n - 1])))
		{
			best = w;
			bestlen = n;
		}
	}
	if (best)
	{
		p->approx = best->approx;
		if (strcmp(best->word, "约合") == 0 || strcmp(best->word, "折合") == 0)
			p->flags |= NVF_Q_CONVERTED;
	}
}

static void
apply_approx_after(const scan_ctx *sc, parsed *p)
{
	size_t		pos = skip_spaces(sc, p->end, 1);

	for (const approx_word *w = approx_after; w->word; w++)
	{
		if (!starts_with(sc, pos, w->word))
			continue;
		/* 上下浮动 is a tolerance; 多/余 only close a multiple (五倍多) */
		if (strcmp(w->word, "上下") == 0 &&
			(starts_with(sc, pos + 6, "浮") || starts_with(sc, pos + 6, "波")))
			continue;
		if ((strcmp(w->word, "多") == 0 || strcmp(w->word, "余") == 0) &&
			(p->unit != NVF_UNIT_TIMES || pos != p->end))
			continue;
		p->approx = w->approx;
		if (strcmp(w->word, "多") == 0)
			p->end = pos + w->len;
		return;
	}
}

/* Unit words after the number (Chinese, or English after one space). */
static size_t
read_suffix_unit(const scan_ctx *sc, size_t pos, parsed *p)
{
	const unit_word *w = longest_word(sc, pos, &suffix_table);
	size_t		q;

	if (w)
	{
		p->unit = w->unit;
		p->shift += w->shift;
		if (strcmp(w->word, "元") == 0)
			p->flags |= NVF_Q_BARE_YUAN;
		else if (strncmp(w->word, "元", 3) == 0 && w->word[3])
			p->flags |= NVF_Q_NAMED_YUAN;	/* 576亿元新台币: 元 is that currency here */
		return pos + strlen(w->word);
	}
	q = skip_spaces(sc, pos, 1);
	w = longest_word(sc, q, &english_scale_table);
	/* one-letter scales only glued to a currency amount: $5B, not 3M公司 */
	if (w && (w->word[1] != '\0' || (q == pos && p->prefix_unit)))
	{
		p->shift += w->shift;
		p->num.has_scale = true;
		pos = q + strlen(w->word);
		q = skip_spaces(sc, pos, 1);
	}
	if ((w = longest_word(sc, q, &english_unit_table)) != NULL)
	{
		p->unit = w->unit;
		p->shift += w->shift;
		return q + strlen(w->word);
	}
	return pos;
}

/* X分之Y: a fraction, unit x */
static bool
read_fraction(const scan_ctx *sc, parsed *p)
{
	nvf_number	num;

	if (!nvf_read_number(sc->t, sc->len, p->end + 6, &num) || num.vague ||
		p->num.vague)
		return false;
	p->value = p->high = nvf_dec_div(num.value, p->num.value);
	p->unit = NVF_UNIT_TIMES;
	p->unit_explicit = true;
	p->flags |= NVF_Q_FRACTION;
	p->end = num.end;
	return p->value.ok;
}

/* 三成六 = 36%: a digit right after 成 (not the start of another number) is a percent. */
static void
tenths_digit(const scan_ctx *sc, parsed *p)
{
	int			adv,
				adv2;
	uint32_t	c = cp_at(sc, p->end, &adv);
	int			d = c >= 0x4E00 ? nvf_cjk_digit(c) : -1;

	if (d < 1 || nvf_is_cjk_numeral(cp_at(sc, p->end + adv, &adv2)))
		return;
	/* the digit counts tenths of the tenths: 3成 + 6 -> (3 * 10 + 6)% */
	p->num.value = nvf_dec_add(nvf_dec_shift(p->num.value, 1), nvf_dec_make(d, 0));
	p->value = p->high = p->num.value;
	p->shift -= 1;
	p->end += adv;
}

/* 三成 = 30%, unless 成 starts a word (成为, 成本, 成功 ...) */
static bool
read_tenths(const scan_ctx *sc, parsed *p, int adv)
{
	static const char *const cheng_words[] = {
		"成为", "成本", "成功", "成立", "成长", "成员", "成熟", "成果", "成交",
		"成绩", "成型", "成品", "成都", "成了", "成分", "成效", "成就", NULL
	};

	if (p->num.ndigits != 1 || p->num.has_scale ||
		nvf_dec_cmp(p->num.value, nvf_dec_make(10, 0)) > 0 ||
		match_list(sc, p->end, cheng_words))
		return false;
	p->unit = NVF_UNIT_PERCENT;
	p->unit_explicit = true;
	p->shift += 1;
	p->end += adv;
	tenths_digit(sc, p);
	return true;
}

/* A counted thing: 35000块, 十几家, 300人次; 一个/一家 are articles. */
static bool
read_count(const scan_ctx *sc, parsed *p)
{
	size_t		n = match_list(sc, p->end, classifiers);

	if (!n || starts_with(sc, p->end, "个百分点") || starts_with(sc, p->end, "块钱"))
		return false;
	if (p->num.chinese_only && !p->num.has_scale && !p->num.vague &&
		nvf_dec_cmp(p->num.value, nvf_dec_make(1, 0)) == 0)
		return false;
	p->unit = NVF_UNIT_ITEMS;
	p->unit_explicit = true;
	p->end += n;
	if (starts_with(sc, p->end, "次"))
		p->end += 3;			/* 人次 */
	return true;
}

/*
 * The unit after the number, or none (p->unit stays NONE: the number may
 * still open a range that gives it one).
 */
static bool
read_unit(const scan_ctx *sc, parsed *p)
{
	int			adv;
	uint32_t	c = cp_at(sc, p->end, &adv);
	size_t		n;

	if (starts_with(sc, p->end, "分之"))
		return read_fraction(sc, p);
	if (c == 0x500D ||			/* 倍, or 3x glued to its number */
		((c == 'x' || c == 0xD7) && word_boundary_after(sc, p->end + adv)))
	{
		p->unit = NVF_UNIT_TIMES;
		p->unit_explicit = true;
		p->end += adv;
		return true;
	}
	if (c == 0x6210 && read_tenths(sc, p, adv))	/* 成 */
		return true;
	n = read_suffix_unit(sc, p->end, p);
	if (p->unit)
	{
		/* a currency before the number wins: 人民币12亿元, 新台币500亿元 */
		if (p->prefix_unit && !nvf_unit_is_ratio(p->unit))
		{
			p->unit = p->prefix_unit;
			if (p->flags & NVF_Q_BARE_YUAN)
				p->flags = (p->flags & ~NVF_Q_BARE_YUAN) | NVF_Q_NAMED_YUAN;
		}
		p->unit_explicit = true;
		p->end = n;
		return true;
	}
	p->end = n;
	if (p->prefix_unit)
	{
		p->unit = p->prefix_unit;
		p->unit_explicit = true;
		return true;
	}
	if (read_count(sc, p))
		return true;
	/* a scaled Arabic number without unit counts things: 300万开发者 */
	if (p->num.has_arabic && p->num.has_scale && !match_list(sc, p->end, time_words))
	{
		p->unit = NVF_UNIT_ITEMS;
		p->flags |= NVF_Q_UNITLESS;
	}
	return true;
}

/* Currency or sign before the number; returns where the number starts. */
static size_t
read_prefix(const scan_ctx *sc, size_t pos, parsed *p)
{
	const unit_word *w = longest_word(sc, pos, &prefix_table);
	int			adv;
	uint32_t	c,
				prev;

	if (w && !(is_alpha(w->word[0]) && pos > 0 && is_alpha(sc->t[pos - 1])))
	{
		size_t		q = skip_spaces(sc, pos + strlen(w->word), 1);

		if (q < sc->len && (is_digit(sc->t[q]) || !is_alpha(w->word[0])))
		{
			p->prefix_unit = w->unit;
			/* symbols belong to the quantity's text, words (人民币) do not */
			if (w->word[0] & 0x80 && strlen(w->word) > 3)
				p->start = q;
			pos = q;
		}
	}
	c = cp_at(sc, pos, &adv);
	/* – 1.27 元: an en dash and a space before the digits is a minus too */
	if (c == 0x2013 && pos + adv + 1 < sc->len && sc->t[pos + adv] == ' ' &&
		is_digit(sc->t[pos + adv + 1]))
		adv++;
	if ((c == '-' || c == 0x2212 || c == '+' || c == 0x2013) && pos + adv < sc->len &&
		is_digit(sc->t[pos + adv]))
	{
		prev = cp_before(sc, pos);
		if (!(prev < 0x80 && (is_alpha((char) prev) || is_digit((char) prev) || prev == '%' ||
							  prev == '.' || prev == '-')) &&
			!nvf_is_cjk_numeral(prev) && prev != 0x5143 && prev != 0x91D1)	/* 元 金 */
		{
			p->negative = (c != '+');
			p->flags |= NVF_Q_SIGNED;
			pos += adv;
		}
	}
	return pos;
}

/* A written-out multiple (翻倍) or a 百分之 percentage at pos. */
static bool
read_special(const scan_ctx *sc, size_t pos, parsed *p)
{
	const unit_word *w = longest_word(sc, pos, &doubling_table);

	if (w)
	{
		p->value = p->high = nvf_dec_make(w->shift, 0);
		p->unit = NVF_UNIT_TIMES;
		p->end = pos + strlen(w->word);
		return true;
	}
	if (starts_with(sc, pos, "一半") || starts_with(sc, pos, "半数"))
	{
		p->value = p->high = nvf_dec_make(5, -1);	/* a fraction: half */
		p->unit = NVF_UNIT_TIMES;
		p->flags |= NVF_Q_FRACTION;
		p->end = pos + 6;
		return true;
	}
	if ((w = longest_word(sc, pos, &per_table)) != NULL)
	{
		if (!nvf_read_number(sc->t, sc->len, pos + strlen(w->word), &p->num) || p->num.vague)
			return false;
		p->value = p->high = nvf_dec_shift(p->num.value, w->shift);
		p->unit = NVF_UNIT_PERCENT;
		p->end = p->num.end;
		return true;
	}
	return false;
}

/* Parses one quantity at pos, unit possibly still NONE (range continuation). */
static bool
parse_one(const scan_ctx *sc, size_t pos, parsed *p, size_t *resume)
{
	size_t		npos;

	memset(p, 0, sizeof(*p));
	p->lead = p->start = pos;
	*resume = pos + 1;
	if (read_special(sc, pos, p))
	{
		p->unit_explicit = true;
		*resume = p->end;
		return p->value.ok;
	}
	npos = read_prefix(sc, pos, p);
	if (!nvf_read_number(sc->t, sc->len, npos, &p->num))
	{
		if (p->num.end > npos)
			*resume = p->num.end;
		return false;
	}
	*resume = p->num.end;
	/* a currency word read before (USD5) already checked its own boundary */
	if (!p->prefix_unit && number_in_word(sc, npos))
	{
		/* skip the rest of the word: H100, GPT-4o, 1.8TB */
		while (*resume < sc->len && (is_alpha(sc->t[*resume]) || is_digit(sc->t[*resume]) ||
									 sc->t[*resume] == '.' || sc->t[*resume] == '-'))
			(*resume)++;
		return false;
	}
	p->end = p->num.end;
	p->value = p->num.value;
	p->high = p->num.vague ? p->num.high : p->num.value;
	if (!read_unit(sc, p))
		return false;
	if (!(p->flags & NVF_Q_FRACTION))
	{
		p->value = nvf_dec_shift(p->value, p->shift);
		p->high = nvf_dec_shift(p->high, p->shift);
	}
	if (p->negative)
	{
		nvf_dec		low = nvf_dec_neg(p->high); /* -(十几) is -19..-10: bounds swap */

		p->high = nvf_dec_neg(p->value);
		p->value = low;
	}
	if (p->num.more)
		p->approx = NVF_APPROX_OVER;
	if (p->num.vague)
		p->flags |= NVF_Q_VAGUE | NVF_Q_RANGE;
	/* a scale word may still make it absurd: 90000000 trillion */
	return nvf_dec_plausible(p->value) && nvf_dec_plausible(p->high);
}

/* A range separator after pos (至 到 - ~ — –), and where the next number starts. */
static size_t
range_separator(const scan_ctx *sc, size_t pos)
{
	static const char *const seps[] = {"至", "到", "-", "~", "—", "–", "−", "〜", NULL};
	size_t		n;

	pos = skip_spaces(sc, pos, 2);
	n = match_list(sc, pos, seps);
	return n ? skip_spaces(sc, pos + n, 2) : 0;
}

/*
 * The value of a, written without a unit, in the unit of b after it: it
 * borrows b's scale too when it has none (2.5万至4万美元 but 1.5到2万家).
 */
static nvf_dec
borrowed_value(const parsed *a, const parsed *b)
{
	int			scale = a->num.has_scale ? 0 : b->num.scale_exp;
	nvf_dec		v = nvf_dec_shift(a->num.value, scale + b->shift);

	return a->negative ? nvf_dec_neg(v) : v;
}

/*
 * A second quantity right after the first makes a range; a first without a
 * written unit borrows the second's unit, and its scale when it has none
 * (2.5万至4万美元, 1.5到2万家, 300-600元, 10至15%).
 */
static bool
extend_range(const scan_ctx *sc, parsed *a)
{
	size_t		bpos = range_separator(sc, a->end),
				resume;
	parsed		b;
	nvf_dec		low;

	if (!bpos || (a->flags & (NVF_Q_FRACTION | NVF_Q_VAGUE)))
		return false;
	if (!parse_one(sc, bpos, &b, &resume) || !b.unit || !b.unit_explicit ||
		(b.flags & (NVF_Q_FRACTION | NVF_Q_VAGUE | NVF_Q_SIGNED)))
		return false;
	if (a->unit_explicit)
	{
		if (a->unit != b.unit)
			return false;
		low = a->value;
	}
	else
		low = borrowed_value(a, &b);
	if (!nvf_dec_plausible(low) || b.approx != NVF_APPROX_NONE)
		return false;
	a->unit = b.unit;
	a->unit_explicit = true;
	a->flags = (a->flags & ~NVF_Q_UNITLESS) | NVF_Q_RANGE;
	a->end = b.end;
	a->value = nvf_dec_cmp(low, b.value) <= 0 ? low : b.value;
	a->high = nvf_dec_cmp(low, b.value) <= 0 ? b.value : low;
	return true;
}

/* The length of a / or ± joining two numbers at pos, or 0. */
static size_t
number_joiner(const scan_ctx *sc, size_t pos)
{
	if (pos < sc->len && sc->t[pos] == '/')
		return 1;
	return match_list(sc, pos, (const char *const[]) {"±", NULL});
}

/*
 * 1.53/1.89美元, 410/480/530亿元, 3.75±0.15美元: numbers joined by / (or a
 * tolerance by ±) share the unit (and scale) written after the last one.
 */
static bool
slash_unit(const scan_ctx *sc, parsed *a)
{
	size_t		pos = a->end,
				resume,
				j;
	parsed		b;

	for (int n = 0; n < 8 && (j = number_joiner(sc, pos)) != 0; n++)
	{
		if (!parse_one(sc, pos + j, &b, &resume) || (b.flags & (NVF_Q_FRACTION | NVF_Q_VAGUE)))
			return false;
		if (b.unit && b.unit_explicit)
		{
			a->value = a->high = borrowed_value(a, &b);
			a->unit = b.unit;
			a->unit_explicit = true;
			a->flags = (a->flags & ~NVF_Q_UNITLESS) | (b.flags & NVF_Q_BARE_YUAN);
			return nvf_dec_plausible(a->value);
		}
		pos = b.end;
	}
	return false;
}

/* ---- scanning -------------------------------------------------------- */

/* Can a quantity start with code point c?  (cheap test before parsing) */
static bool
may_start_with(uint32_t c)
{
	if (c < 0x80)
		return is_digit((char) c) || c == '$' || c == '-' || c == '+' ||
			c == 'U' || c == 'H' || c == 'N' || c == 'R' || c == 'C';
	return nvf_is_cjk_numeral(c) || c == 0x51E0 || c == 0x6570 ||	/* 几 数 */
		c == 0x7FFB || c == 0x4EBA || c == 0x6E2F || c == 0x65B0 ||	/* 翻 人 港 新 */
		c == 0x534A || c == 0x500D ||	/* 半 倍(增) */
		c == 0x2013 ||			/* – 1.27元: a dash for a minus sign */
		c == 0xA5 || c == 0x20AC || c == 0xA3 || c == 0x2212;
}

/*
 * may_start_with for every BMP code point (none above starts a quantity):
 * the scan asks at every character, and the bit is cheaper than the
 * switches.
 */
static uint64_t start_bits[0x10000 / 64];
static bool scan_tables_ready;

/* start_bits and the word tables' filters, once per process. */
static void
fill_scan_tables(void)
{
	word_table *const tables[] = {&suffix_table, &english_scale_table, &english_unit_table,
								  &prefix_table, &doubling_table, &per_table};

	for (uint32_t c = 0; c < 0x10000; c++)
		if (may_start_with(c))
			start_bits[c >> 6] |= UINT64_C(1) << (c & 63);
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		for (const unit_word *w = tables[i]->words; w->word; w++)
		{
			int			adv;
			uint32_t	c = nvf_utf8_decode((const unsigned char *) w->word,
											strlen(w->word), &adv) & 255;

			tables[i]->first[c >> 6] |= UINT64_C(1) << (c & 63);
		}
	scan_tables_ready = true;
}

/* may_start_with(c), from start_bits */
static bool
may_start(uint32_t c)
{
	return c < 0x10000 && (start_bits[c >> 6] >> (c & 63)) & 1;
}

/* pos, or past the continuation bytes there: a character start. */
static size_t
char_boundary(const scan_ctx *sc, size_t pos)
{
	while (pos < sc->len && ((unsigned char) sc->t[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* The first character start from pos where a quantity may start, or limit. */
static size_t
next_candidate(const scan_ctx *sc, size_t pos, size_t limit)
{
	while (pos < limit)
	{
		int			adv;

		if (may_start(cp_at(sc, pos, &adv)))
			break;
		/* past the character and any stray continuation bytes after it */
		pos = char_boundary(sc, pos + adv);
	}
	return pos;
}

static void
to_quantity(const parsed *p, nvf_quantity *q)
{
	memset(q, 0, sizeof(*q));
	q->start = p->start;
	q->end = p->end;
	q->unit = p->unit;
	q->approx = p->approx;
	q->flags = p->flags;
	if (p->flags & NVF_Q_RANGE)
	{
		q->low = p->value;
		q->high = p->high;
		q->value.ok = false;
	}
	else
		q->value = p->value;
}

typedef struct qlist
{
	nvf_quantity *items;
	int			n;
	int			cap;
} qlist;

static void
qlist_push(nvf_env *env, qlist *l, const nvf_quantity *q)
{
	if (l->n == l->cap)
	{
		int			cap = l->cap ? l->cap * 2 : 16;
		nvf_quantity *items = nvf_alloc(env, cap * sizeof(nvf_quantity));

		if (l->n)
			memcpy(items, l->items, l->n * sizeof(nvf_quantity));
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = *q;
}

/* Spans of URLs and dates, merged in order: no quantity starts inside. */
static int
excluded_spans(nvf_env *env, const nvf_text *t, nvf_span **out)
{
	nvf_span   *a,
			   *b,
			   *m;
	int			na = nvf_pattern_spans(env, NVF_PAT_URL, t->s, t->len, &a);
	int			nb = nvf_pattern_spans(env, NVF_PAT_DATETIME, t->s, t->len, &b);
	int			i = 0,
				j = 0,
				n = 0;

	na = na < 0 ? 0 : na;
	nb = nb < 0 ? 0 : nb;
	m = nvf_alloc(env, (na + nb + 1) * sizeof(nvf_span));
	while (i < na || j < nb)
		m[n++] = (j >= nb || (i < na && a[i].start <= b[j].start)) ? a[i++] : b[j++];
	*out = m;
	return n;
}

int
nvf_scan_quantities(nvf_env *env, const nvf_text *t, nvf_quantity **out)
{
	scan_ctx	sc = {env, t->s, t->len};
	qlist		list = {NULL, 0, 0};
	nvf_span   *skip;
	int			nskip = excluded_spans(env, t, &skip),
				k = 0;
	size_t		pos = 0;

	if (!scan_tables_ready)
		fill_scan_tables();
	while (pos < t->len)
	{
		parsed		p;
		size_t		resume,
					limit;
		nvf_quantity q;

		while (k < nskip && skip[k].end <= pos)
			k++;
		if (k < nskip && skip[k].start <= pos)
		{
			pos = skip[k].end;
			continue;
		}
		/* no further than the next excluded span: round again to skip it */
		limit = k < nskip ? skip[k].start : t->len;
		pos = next_candidate(&sc, pos, limit);
		if (pos >= limit)
			continue;
		if (!parse_one(&sc, pos, &p, &resume) || p.end > limit)
		{
			pos = char_boundary(&sc, resume > pos ? resume : pos + 1);
			continue;
		}
		extend_range(&sc, &p);
		if (!p.unit)
			slash_unit(&sc, &p);
		if (!p.unit)
		{
			pos = resume;
			continue;
		}
		apply_approx_before(&sc, &p);
		apply_approx_after(&sc, &p);
		to_quantity(&p, &q);
		qlist_push(env, &list, &q);
		pos = p.end;
	}
	*out = list.items;
	return list.n;
}

nvf_unit
nvf_currency_at(const char *t, size_t len, size_t pos, size_t *end)
{
	scan_ctx	sc = {NULL, t, len};
	const unit_word *w;

	if (!scan_tables_ready)
		fill_scan_tables();
	if ((w = longest_word(&sc, pos, &suffix_table)) == NULL &&
		(w = longest_word(&sc, pos, &prefix_table)) == NULL)
		return NVF_UNIT_NONE;
	if (!nvf_unit_is_money(w->unit))
		return NVF_UNIT_NONE;
	*end = pos + strlen(w->word);
	return w->unit;
}

void
nvf_quantity_locate(nvf_env *env, const nvf_block *blk, nvf_quantity *q)
{
	q->surface = nvf_block_original(env, blk, q->start, q->end, &q->ostart, &q->oend);
}

void
nvf_document_quantities(nvf_env *scratch, const char *doc, size_t len,
						nvf_quantity_cb emit, void *arg)
{
	size_t		pos = 0;
	int64_t		chars = 0;

	while (pos < len)
	{
		size_t		end = nvf_block_end(doc, len, pos);
		nvf_block	blk;
		nvf_quantity *qs;
		int			n;

		scratch->check_interrupts(scratch->ctx);
		nvf_block_build(scratch, doc, pos, end, chars, &blk);
		n = nvf_scan_quantities(scratch, &blk.text, &qs);
		for (int i = 0; i < n; i++)
		{
			nvf_quantity_locate(scratch, &blk, &qs[i]);
			emit(arg, &qs[i]);
		}
		chars += blk.ochar[blk.orig_len];
		pos = end;
		scratch->reset(scratch->ctx);
	}
}
