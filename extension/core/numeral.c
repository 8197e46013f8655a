/*
 * numeral.c — reading one number in normalized text: Arabic (1,234.5), Chinese
 * (一万二千, 两, 十几), and their mixes with scales (1.635亿, 2万5千, 100多亿).
 * Values are exact decimals; vague numerals (十几, 数十) give a low..high pair.
 */
#include <string.h>

#include "nvfacts_core.h"

#define MAX_NUMBER_CHARS 48		/* a "number" longer than this is not one */

typedef enum tok_kind
{
	TOK_NONE,
	TOK_DIGITS,					/* an Arabic run, or one Chinese digit */
	TOK_SMALL,					/* 十 百 千: exponent 1..3 */
	TOK_BIG,					/* 万 亿: exponent 4, 8 */
	TOK_MORE,					/* 多 余 after a multiplier: 100多亿 */
	TOK_VAGUE,					/* 几 数: 2..9 */
	TOK_ZERO					/* 零 〇 as a filler: 一千零五 */
} tok_kind;

typedef struct token
{
	tok_kind	kind;
	nvf_dec		value;
	int			exp;
	bool		chinese;
	size_t		end;
} token;

/* Value of a Chinese digit (incl. financial forms), -1 if none. */
int
nvf_cjk_digit(uint32_t c)
{
	switch (c)
	{
		case 0x96F6: case 0x3007:				return 0;	/* 零 〇 */
		case 0x4E00: case 0x58F9:				return 1;	/* 一 壹 */
		case 0x4E8C: case 0x4E24: case 0x8D30:
		case 0x4FE9:							return 2;	/* 二 两 贰 俩 */
		case 0x4E09: case 0x53C1:				return 3;	/* 三 叁 */
		case 0x56DB: case 0x8086:				return 4;	/* 四 肆 */
		case 0x4E94: case 0x4F0D:				return 5;	/* 五 伍 */
		case 0x516D: case 0x9646:				return 6;	/* 六 陆 */
		case 0x4E03: case 0x67D2:				return 7;	/* 七 柒 */
		case 0x516B: case 0x634C:				return 8;	/* 八 捌 */
		case 0x4E5D: case 0x7396:				return 9;	/* 九 玖 */
	}
	return -1;
}

/* Exponent of a Chinese multiplier, 0 if none. */
int
nvf_cjk_multiplier(uint32_t c)
{
	switch (c)
	{
		case 0x5341: case 0x62FE:	return 1;	/* 十 拾 */
		case 0x767E: case 0x4F70:	return 2;	/* 百 佰 */
		case 0x5343: case 0x4EDF:	return 3;	/* 千 仟 */
		case 0x4E07:				return 4;	/* 万 */
		case 0x4EBF:				return 8;	/* 亿 */
		case 0x5146:				return 12;	/* 兆: 10^12 in Taiwan (1兆7934亿元) */
	}
	return 0;
}

bool
nvf_is_cjk_numeral(uint32_t c)
{
	return nvf_cjk_digit(c) >= 0 || nvf_cjk_multiplier(c) > 0;
}

bool
nvf_numeral_may_start(uint32_t c)
{
	return (c >= '0' && c <= '9') || nvf_is_cjk_numeral(c) ||
		c == 0x51E0 || c == 0x6570;	/* 几 数: 几十, 数百万 */
}

static uint32_t
cp_at(const char *t, size_t len, size_t pos, int *adv)
{
	if (pos >= len)
	{
		*adv = 0;
		return 0;
	}
	return nvf_utf8_decode((const unsigned char *) t + pos, len - pos, adv);
}

/*
 * An Arabic run at pos: digits, thousands commas (groups of exactly three),
 * one decimal point.  Too many significant digits -> value not ok.
 */
static size_t
read_arabic(const char *t, size_t len, size_t pos, nvf_dec *v)
{
	int64_t		mant = 0;
	int			sig = 0,
				frac = 0;
	bool		dot = false,
				overflow = false;
	size_t		i = pos;

	while (i < len)
	{
		char		c = t[i];

		if (c >= '0' && c <= '9')
		{
			if (sig < NVF_DEC_DIGITS)
			{
				mant = mant * 10 + (c - '0');
				if (mant)
					sig++;
				if (dot)
					frac++;
			}
			else if (!dot)
				overflow = true;
			i++;
		}
		else if (c == ',' && !dot && i + 3 < len + 1 &&
				 i + 3 <= len && t[i + 1] >= '0' && t[i + 1] <= '9' &&
				 t[i + 2] >= '0' && t[i + 2] <= '9' && t[i + 3] >= '0' && t[i + 3] <= '9' &&
				 (i + 4 >= len || t[i + 4] < '0' || t[i + 4] > '9'))
			i++;
		else if (c == '.' && !dot && i + 1 < len && t[i + 1] >= '0' && t[i + 1] <= '9')
		{
			dot = true;
			i++;
		}
		else
			break;
		if (i - pos > MAX_NUMBER_CHARS * 4)
			overflow = true;
	}
	*v = overflow ? nvf_dec_digit(0) : nvf_dec_make(mant, -frac);
	if (overflow)
		v->ok = false;
	return i;
}

/* Chinese decimal fraction after 点: 三点五 -> .5 */
static size_t
read_cjk_fraction(const char *t, size_t len, size_t pos, nvf_dec *frac)
{
	int64_t		mant = 0;
	int			n = 0,
				adv,
				d;
	size_t		i = pos;

	while (n < 12 && (d = nvf_cjk_digit(cp_at(t, len, i, &adv))) >= 0 && adv)
	{
		mant = mant * 10 + d;
		n++;
		i += adv;
	}
	*frac = nvf_dec_make(mant, -n);
	return n ? i : pos;
}

/* The next token at pos, given whether a number is pending. */
static token
next_token(const char *t, size_t len, size_t pos, bool have_number, bool any)
{
	token		tk;
	int			adv,
				adv2,
				d,
				m;
	uint32_t	c = cp_at(t, len, pos, &adv),
				c2;

	memset(&tk, 0, sizeof(tk));
	if (!adv)
		return tk;
	if (c >= '0' && c <= '9')
	{
		tk.kind = TOK_DIGITS;
		tk.end = read_arabic(t, len, pos, &tk.value);
		return tk;
	}
	if ((d = nvf_cjk_digit(c)) >= 0)
	{
		/* 零 after a multiplier is a filler (一千零五); after a digit it is
		 * one more digit (二〇二四) */
		tk.kind = (d == 0 && any && !have_number) ? TOK_ZERO : TOK_DIGITS;
		tk.value = nvf_dec_digit(d);
		tk.chinese = true;
		tk.end = pos + adv;
		/* 三点五: a Chinese decimal */
		c2 = cp_at(t, len, pos + adv, &adv2);
		if (c2 == 0x70B9 && adv2)	/* 点 */
		{
			nvf_dec		frac;
			size_t		e = read_cjk_fraction(t, len, pos + adv + adv2, &frac);

			if (e > pos + adv + adv2)
			{
				tk.value = nvf_dec_add(tk.value, frac);
				tk.end = e;
			}
		}
		return tk;
	}
	if ((m = nvf_cjk_multiplier(c)) > 0)
	{
		tk.kind = m >= 4 ? TOK_BIG : TOK_SMALL;
		tk.exp = m;
		tk.chinese = true;
		tk.end = pos + adv;
		return tk;
	}
	/* 多/余 only between a number and a multiplier, or right after one */
	if ((c == 0x591A || c == 0x4F59) && any)
	{
		tk.kind = TOK_MORE;
		tk.end = pos + adv;
		return tk;
	}
	/* 几 / 数 only next to a multiplier: 几十, 十几, 数百万 */
	if ((c != 0x51E0 && c != 0x6570) || have_number)
		return tk;
	c2 = cp_at(t, len, pos + adv, &adv2);
	if ((adv2 && nvf_cjk_multiplier(c2) > 0) || (c == 0x51E0 && any))
	{
		tk.kind = TOK_VAGUE;
		tk.chinese = true;
		tk.end = pos + adv;
	}
	return tk;
}

typedef struct accum
{
	nvf_dec		trillions;		/* 兆 sections */
	nvf_dec		result;			/* 亿 sections */
	nvf_dec		section;		/* 万 section */
	nvf_dec		number;			/* pending digit(s) */
	bool		have_number;
} accum;

static void
acc_init(accum *a)
{
	a->trillions = a->result = a->section = a->number = nvf_dec_digit(0);
	a->have_number = false;
}

/* What the 亿 and 万 sections hold so far. */
static nvf_dec
acc_below(const accum *a)
{
	return nvf_dec_add(a->result, a->section);
}

/* Applies a multiplier of 10^exp to the pending number. */
static void
acc_multiply(accum *a, int exp)
{
	nvf_dec		n = a->have_number ? a->number : nvf_dec_digit(1);

	if (exp == 12)
	{
		a->trillions = nvf_dec_shift(nvf_dec_add(nvf_dec_add(a->trillions, acc_below(a)), n), 12);
		a->result = a->section = nvf_dec_digit(0);
	}
	else if (exp == 8)
	{
		a->result = nvf_dec_shift(nvf_dec_add(nvf_dec_add(a->result, a->section),
											  a->have_number ? a->number : nvf_dec_digit(0)), 8);
		/* a bare 亿 is 10^8; a zero before it stays zero: 0亿美元 is 0 */
		if (nvf_dec_is_zero(a->result) && !a->have_number)
			a->result = nvf_dec_make(1, 8);
		a->section = nvf_dec_digit(0);
	}
	else if (exp == 4)
	{
		a->section = nvf_dec_shift(nvf_dec_add(a->section,
											   a->have_number ? a->number : nvf_dec_digit(0)), 4);
		if (nvf_dec_is_zero(a->section) && !a->have_number)
			a->section = nvf_dec_make(1, 4);
	}
	else
		a->section = nvf_dec_add(a->section, nvf_dec_shift(n, exp));
	a->number = nvf_dec_digit(0);
	a->have_number = false;
}

static nvf_dec
acc_total(const accum *a)
{
	return nvf_dec_add(nvf_dec_add(a->trillions, acc_below(a)), a->number);
}

/* 五六 before 千: the second digit follows the first by one and a multiplier comes next. */
static bool
approximate_pair(const char *t, size_t len, const accum *lo, const token *tk)
{
	int			adv;

	return tk->chinese && nvf_dec_cmp(nvf_dec_add(lo->number, nvf_dec_digit(1)), tk->value) == 0 &&
		nvf_dec_cmp(lo->number, nvf_dec_digit(9)) < 0 && !nvf_dec_is_zero(lo->number) &&
		nvf_cjk_multiplier(cp_at(t, len, tk->end, &adv)) > 0;
}

bool
nvf_read_number(const char *t, size_t len, size_t pos, nvf_number *num)
{
	accum		lo,
				hi;
	size_t		i = pos;
	bool		any = false,
				last_digits_chinese = false;
	tok_kind	prev = TOK_NONE;

	memset(num, 0, sizeof(*num));
	acc_init(&lo);
	hi = lo;
	num->chinese_only = true;
	for (;;)
	{
		token		tk = next_token(t, len, i, lo.have_number, any);

		if (tk.kind == TOK_NONE || tk.end - pos > MAX_NUMBER_CHARS * 3)
		{
			/* a digit run too long to be a number: tell the caller its end,
			 * so the scan skips it whole instead of re-reading it */
			if (!any && tk.kind != TOK_NONE)
				num->end = tk.end;
			break;
		}
		if (tk.kind == TOK_DIGITS)
		{
			/* consecutive Chinese digits read as a digit string: 二〇二四 */
			if (lo.have_number && !(tk.chinese && last_digits_chinese && prev == TOK_DIGITS))
				break;
			/* 五六千亿, 三四百: two neighbouring digits before a multiplier are a range */
			if (lo.have_number && approximate_pair(t, len, &lo, &tk))
			{
				hi.number = tk.value;
				num->vague = true;
				any = true;
				prev = TOK_DIGITS;
				i = tk.end;
				continue;
			}
			if (!tk.value.ok)
			{
				num->end = tk.end;
				return false;
			}
			if (lo.have_number)
			{
				tk.value = nvf_dec_add(nvf_dec_shift(lo.number, 1), tk.value);
				tk.value = nvf_dec_add(tk.value, nvf_dec_digit(0));
			}
			lo.number = hi.number = tk.value;
			lo.have_number = hi.have_number = true;
			last_digits_chinese = tk.chinese;
			num->scale_exp = 0;
			if (!tk.chinese)
				num->has_arabic = true, num->chinese_only = false;
			num->ndigits++;
		}
		else if (tk.kind == TOK_SMALL || tk.kind == TOK_BIG)
		{
			/* a bare 万/亿 with nothing before is not a number (万众瞩目) */
			if (!any && tk.kind == TOK_BIG)
				break;
			/* 2百分点: 百 opens the unit, it does not multiply */
			if (tk.exp == 2 && len - tk.end >= 6 && memcmp(t + tk.end, "分点", 6) == 0)
				break;
			/* 百/千 with nothing before only as 百万, 千亿 ... */
			if (!any && tk.exp > 1)
			{
				int			adv;
				uint32_t	c = cp_at(t, len, tk.end, &adv);

				if (!(adv && nvf_cjk_multiplier(c) >= 4))
					break;
			}
			acc_multiply(&lo, tk.exp);
			acc_multiply(&hi, tk.exp);
			num->scale_exp += tk.exp;
			if (tk.exp >= 2 && !num->chinese_only)
				num->has_scale = true;
			if (tk.kind == TOK_BIG)
				num->has_scale = true;
		}
		else if (tk.kind == TOK_MORE)
		{
			if (prev == TOK_MORE)
				break;
			num->more = true;
		}
		else if (tk.kind == TOK_VAGUE)
		{
			bool		after_ten = (prev == TOK_SMALL);

			lo.number = nvf_dec_digit(after_ten ? 1 : 2);
			hi.number = nvf_dec_digit(9);
			lo.have_number = hi.have_number = true;
			num->vague = true;
		}
		else if (tk.kind == TOK_ZERO)
		{
			/* filler: nothing to add */
		}
		any = true;
		prev = tk.kind;
		i = tk.end;
		/* 多 ends the number unless a multiplier follows (100多亿) */
		if (tk.kind == TOK_MORE)
		{
			int			adv;
			uint32_t	c = cp_at(t, len, i, &adv);

			if (!(adv && nvf_cjk_multiplier(c) > 0))
				break;
		}
	}
	if (!any)
		return false;
	num->end = i;
	num->value = acc_total(&lo);
	/* hi took every step lo took, and other digits only where the number is vague */
	num->high = num->vague ? acc_total(&hi) : num->value;
	/* 5亿亿亿…: no money or count is that large (the caller skips it whole) */
	if (!nvf_dec_plausible(num->value) || (num->vague && !nvf_dec_plausible(num->high)))
		return false;
	return num->ndigits > 0 || prev == TOK_SMALL || prev == TOK_BIG || num->vague;
}
