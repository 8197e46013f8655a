/*
 * quantity.c — finding quantities in normalized text: money, percentages,
 * percentage points and basis points, multiples, fractions and counts, with
 * ranges, shared scales and approximation words.  Values are magnitudes as
 * written; direction words are extract's business.  The words are data, one
 * table (quantity_words.c); this file is the grammar that reads them.
 */
#include <string.h>

#include "nvfacts_core.h"
#include "quantity_words.h"

/* ---- the words, indexed by role ---------------------------------------- */

/*
 * The rows of quantity_words.c of one role, grouped twice: by the low byte
 * of their first code point (the words that may start at a position) and by
 * their last byte (the words that may end there), in table order within each
 * group, so that the first or longest match is the table's.  The roles are
 * looked up at every number and most lookups find nothing: a lookup reads
 * only its group.  Filled on the first scan (fill_scan_tables).
 */
typedef struct indexed_word
{
	const qword *w;
	size_t		len;			/* strlen(w->word): some roles are matched backwards */
} indexed_word;

/* One grouping of a role's rows: group b is rows[at[b] .. at[b + 1]). */
typedef struct word_groups
{
	const indexed_word *rows;
	uint16_t	at[257];
} word_groups;

typedef struct word_table
{
	word_groups by_first;		/* by first code point c, group c & 255 */
	word_groups by_last;		/* by last byte */
} word_table;

static word_table roles[QW_ROLE_N_];
static indexed_word first_rows[QW_TABLE_MAX];
static indexed_word last_rows[QW_TABLE_MAX];

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

/* The rows of group b, their count in *n. */
static inline const indexed_word *
group(const word_groups *g, unsigned b, int *n)
{
	*n = g->at[b + 1] - g->at[b];
	return g->rows + g->at[b];
}

/*
 * The low byte of the code point at t[pos], read off its bytes without
 * decoding it: the lead byte of an ASCII character, else the low two bits
 * of its next-to-last byte and the low six of its last.  For a malformed
 * or cut character it is some byte: no word (all well-formed) matches there.
 */
static inline unsigned
first_cp_low_byte(const scan_ctx *sc, size_t pos)
{
	const unsigned char *s = (const unsigned char *) sc->t + pos;
	size_t		n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;

	if (n == 1 || n > sc->len - pos)
		return s[0];
	return ((s[n - 2] & 3u) << 6) | (s[n - 1] & 0x3Fu);
}

/*
 * The rows of the role that may start at pos (in table order): those whose
 * first code point shares the low byte of the one at pos (a word matching
 * there has the same first code point).  Inline: every lookup starts here.
 */
static inline const indexed_word *
starting_at(const scan_ctx *sc, size_t pos, qword_role role, int *n)
{
	if (pos >= sc->len)
	{
		*n = 0;
		return NULL;
	}
	return group(&roles[role].by_first, first_cp_low_byte(sc, pos), n);
}

/* Longest word of the rows at pos (English ones need a word boundary). */
static const qword *
longest_of(const scan_ctx *sc, size_t pos, const indexed_word *rows, int nrows)
{
	const qword *best = NULL;
	size_t		bestlen = 0;

	for (int i = 0; i < nrows; i++)
	{
		const qword *w = rows[i].w;
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

/*
 * Longest word of the role at pos.  Inline, the rows apart: most lookups
 * find their group empty, and end here.
 */
static inline const qword *
longest_word(const scan_ctx *sc, size_t pos, qword_role role)
{
	int			nrows;
	const indexed_word *rows = starting_at(sc, pos, role, &nrows);

	return nrows ? longest_of(sc, pos, rows, nrows) : NULL;
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

/* The first of the rows (in table order) at pos, its length in *n. */
static const qword *
first_of(const scan_ctx *sc, size_t pos, const indexed_word *rows, int nrows, size_t *n)
{
	for (int i = 0; i < nrows; i++)
		if ((*n = word_at(sc, pos, rows[i].w->word)) > 0)
			return rows[i].w;
	return NULL;
}

/* The first word of the role (in table order) at pos, its length in *n; inline as longest_word. */
static inline const qword *
first_word(const scan_ctx *sc, size_t pos, qword_role role, size_t *n)
{
	int			nrows;
	const indexed_word *rows = starting_at(sc, pos, role, &nrows);

	*n = 0;
	return nrows ? first_of(sc, pos, rows, nrows, n) : NULL;
}

/* The length of the first word of the role at pos, or 0. */
static size_t
match_role(const scan_ctx *sc, size_t pos, qword_role role)
{
	size_t		n;

	first_word(sc, pos, role, &n);
	return n;
}

/* ---- one quantity ----------------------------------------------------- */

typedef struct parsed
{
	size_t		lead;			/* where parsing began (before 人民币, $) */
	size_t		start;
	size_t		end;
	size_t		tail;			/* past an approximation word outside the range, or 0 */
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

/* The longest of the rows ending at pos (an English one at a word start), or NULL. */
static const qword *
longest_ending_of(const scan_ctx *sc, size_t pos, const indexed_word *rows, int nrows)
{
	const qword *best = NULL;
	size_t		bestlen = 0;

	for (int i = 0; i < nrows; i++)
	{
		const qword *w = rows[i].w;
		size_t		n = rows[i].len;

		if (n > bestlen && ends_with(sc, pos, w->word, n) &&
			(!is_alpha(w->word[0]) || pos == n || !is_alpha(sc->t[pos - n - 1])))
		{
			best = w;
			bestlen = n;
		}
	}
	return best;
}

/*
 * The longest word of the role ending at pos, or NULL.  Only the words
 * ending in the byte before pos may end there; inline up to that group, as
 * longest_word.
 */
static inline const qword *
word_ending_at(const scan_ctx *sc, size_t pos, qword_role role)
{
	int			nrows;
	const indexed_word *rows;

	if (pos == 0)
		return NULL;
	rows = group(&roles[role].by_last, (unsigned char) sc->t[pos - 1], &nrows);
	return nrows ? longest_ending_of(sc, pos, rows, nrows) : NULL;
}

/* Where the text before the quantity ends, spaces skipped. */
static size_t
before_lead(const scan_ctx *sc, const parsed *p)
{
	size_t		pos = p->lead;

	while (pos > 0 && sc->t[pos - 1] == ' ')
		pos--;
	return pos;
}

#define VERB_REACH 36			/* bytes from a verb of proportion to its number: 占英伟达总营收的 */

/* A byte a verb of proportion does not reach over: a mark, a digit, 。 or 、 (E3 80 ..). */
static bool
stops_reach(const scan_ctx *sc, size_t k)
{
	unsigned char b = (unsigned char) sc->t[k];

	if (b < 0x80)
		return b != ' ' && !is_alpha((char) b);
	return b == 0xE3 && k + 1 < sc->len && (unsigned char) sc->t[k + 1] == 0x80;
}

/*
 * 约占10%, 近占英伟达总营收的九成, 逾达到三成: an approximation right before a
 * verb of proportion qualifies the number the verb reaches (in its clause,
 * no other figure between).  pos is where the text before the number ends;
 * NULL if there is no such approximation.
 */
static const qword *
approx_before_verb(const scan_ctx *sc, size_t pos)
{
	size_t		k = pos;

	while (k > 0 && pos - k <= VERB_REACH)
	{
		const qword *verb = word_ending_at(sc, k, QW_PROPORTION_VERB),
				   *w;

		if (verb && (w = word_ending_at(sc, k - strlen(verb->word), QW_APPROX_BEFORE)) != NULL)
			return w;
		do
			k--;
		while (k > 0 && ((unsigned char) sc->t[k] & 0xC0) == 0x80);
		if (stops_reach(sc, k))
			return NULL;
	}
	return NULL;
}

static void
apply_approx_before(const scan_ctx *sc, parsed *p)
{
	const qword *best = word_ending_at(sc, before_lead(sc, p), QW_APPROX_BEFORE);

	if (!best)
		best = approx_before_verb(sc, before_lead(sc, p));
	if (best)
	{
		p->approx = best->approx;
		if (best->flags & QW_CONVERTED)
			p->flags |= NVF_Q_CONVERTED;
	}
}

#define DIRECTION_WORD_MAX 6		/* bytes of the direction word after 持平至: 增长, 下降, up */

/*
 * 环比持平至增长2%, 持平或下降1个百分点: a change whose low end is no change
 * is the range from 0 (its direction, read later from the word, signs it).
 */
static void
apply_flat_from(const scan_ctx *sc, parsed *p)
{
	size_t		pos = before_lead(sc, p);

	if ((p->unit != NVF_UNIT_PERCENT && p->unit != NVF_UNIT_PP) || (p->flags & NVF_Q_RANGE) ||
		p->negative)
		return;
	for (size_t back = 0; back <= DIRECTION_WORD_MAX && back <= pos; back++)
		if (word_ending_at(sc, pos - back, QW_FLAT_FROM))
		{
			p->high = p->value;
			p->value = nvf_dec_make(0, 0);
			p->flags |= NVF_Q_RANGE;
			return;
		}
}

/* 五倍多, 三倍余, 六成多: 多 or 余 at pos, right after a multiple or tenths (成) */
static bool
closes_multiple(const scan_ctx *sc, const parsed *p, size_t pos)
{
	return pos == p->end &&
		(p->unit == NVF_UNIT_TIMES || ends_with(sc, p->end, "成", strlen("成")));
}

static void
apply_approx_after(const scan_ctx *sc, parsed *p)
{
	size_t		pos = skip_spaces(sc, p->end, 1);
	int			nrows;
	const indexed_word *rows = starting_at(sc, pos, QW_APPROX_AFTER, &nrows);

	for (int i = 0; i < nrows; i++)
	{
		const qword *w = rows[i].w;
		size_t		n = rows[i].len;

		if (!starts_with(sc, pos, w->word))
			continue;
		/* 上下浮动 is a tolerance; 多/余 only close a multiple (五倍多) */
		if ((w->flags & QW_UNLESS_FLOAT) &&
			(starts_with(sc, pos + n, "浮") || starts_with(sc, pos + n, "波")))
			continue;
		if ((w->flags & QW_MULTIPLE_ONLY) && !closes_multiple(sc, p, pos))
			continue;
		p->approx = w->approx;
		if (w->flags & QW_INSIDE)
			p->end = pos + n;
		else
			p->tail = pos + n;
		return;
	}
}

/* Unit words after the number (Chinese, or English after one space). */
static size_t
read_suffix_unit(const scan_ctx *sc, size_t pos, parsed *p)
{
	const qword *w = longest_word(sc, pos, QW_UNIT);
	size_t		q;

	if (w)
	{
		p->unit = w->unit;
		p->shift += w->shift;
		if (w->flags & QW_BARE_YUAN)
			p->flags |= NVF_Q_BARE_YUAN;
		else if (w->flags & QW_NAMED_YUAN)
			p->flags |= NVF_Q_NAMED_YUAN;	/* 576亿元新台币: 元 is that currency here */
		return pos + strlen(w->word);
	}
	q = skip_spaces(sc, pos, 1);
	w = longest_word(sc, q, QW_ENGLISH_SCALE);
	/* one-letter scales only glued to a currency amount: $5B, not 3M公司 */
	if (w && (w->word[1] != '\0' || (q == pos && p->prefix_unit)))
	{
		p->shift += w->shift;
		p->num.has_scale = true;
		pos = q + strlen(w->word);
		q = skip_spaces(sc, pos, 1);
	}
	if ((w = longest_word(sc, q, QW_ENGLISH_UNIT)) != NULL)
	{
		p->unit = w->unit;
		p->shift += w->shift;
		return q + strlen(w->word);
	}
	return pos;
}

/* X分之Y: a fraction, unit x */
static bool
read_fraction(const scan_ctx *sc, parsed *p, size_t n)
{
	nvf_number	num;

	if (!nvf_read_number(sc->t, sc->len, p->end + n, &num) || num.vague ||
		p->num.vague)
		return false;
	p->value = p->high = nvf_dec_div(num.value, p->num.value);
	p->unit = NVF_UNIT_TIMES;
	p->unit_explicit = true;
	p->flags |= NVF_Q_FRACTION;
	p->end = num.end;
	return p->value.ok;
}

/*
 * 三成六 = 36%: a digit right after 成 (not the start of another number) is a
 * percent; 两成半 = 25% (but 三成半导体企业 is 30% of chip makers).
 */
static void
tenths_digit(const scan_ctx *sc, parsed *p)
{
	int			adv,
				adv2;
	uint32_t	c = cp_at(sc, p->end, &adv);
	uint32_t	next = cp_at(sc, p->end + adv, &adv2);
	int			d = c == 0x534A ? 5 : c >= 0x4E00 ? nvf_cjk_digit(c) : -1;	/* 半 */

	if (d < 1 || nvf_is_cjk_numeral(next) ||
		(c == 0x534A && (next == 0x5BFC || next == 0x5E74)))	/* 半导体, 半年 */
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
	if (p->num.ndigits != 1 || p->num.has_scale ||
		nvf_dec_cmp(p->num.value, nvf_dec_make(10, 0)) > 0 ||
		match_role(sc, p->end, QW_NOT_TENTHS))
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
	size_t		n = match_role(sc, p->end, QW_CLASSIFIER);

	if (!n)
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

	if ((n = match_role(sc, p->end, QW_FRACTION)) > 0)
		return read_fraction(sc, p, n);
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
	if (p->num.has_arabic && p->num.has_scale && !match_role(sc, p->end, QW_TIME))
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
	const qword *w = longest_word(sc, pos, QW_PREFIX_CURRENCY),
			   *sign;
	size_t		n;
	uint32_t	prev;

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
	if ((sign = first_word(sc, pos, QW_SIGN, &n)) == NULL)
		return pos;
	/* – 1.27 元: an en dash and a space before the digits is a minus too */
	if ((sign->flags & QW_SPACED) && pos + n + 1 < sc->len && sc->t[pos + n] == ' ' &&
		is_digit(sc->t[pos + n + 1]))
		n++;
	if (pos + n < sc->len && is_digit(sc->t[pos + n]))
	{
		prev = cp_before(sc, pos);
		if (!(prev < 0x80 && (is_alpha((char) prev) || is_digit((char) prev) || prev == '%' ||
							  prev == '.' || prev == '-')) &&
			!nvf_is_cjk_numeral(prev) && prev != 0x5143 && prev != 0x91D1)	/* 元 金 */
		{
			p->negative = (sign->flags & QW_MINUS) != 0;
			p->flags |= NVF_Q_SIGNED;
			pos += n;
		}
	}
	return pos;
}

/* A written-out multiple (翻倍) or a 百分之 percentage at pos. */
static bool
read_special(const scan_ctx *sc, size_t pos, parsed *p)
{
	const qword *w = longest_word(sc, pos, QW_DOUBLING);
	size_t		n;

	if (w)
	{
		p->value = p->high = nvf_dec_make(w->shift, 0);
		p->unit = w->unit;
		p->end = pos + strlen(w->word);
		return true;
	}
	if ((w = first_word(sc, pos, QW_HALF, &n)) != NULL)
	{
		p->value = p->high = nvf_dec_make(5, -1);	/* a fraction: half */
		p->unit = w->unit;
		p->flags |= NVF_Q_FRACTION;
		p->end = pos + n;
		return true;
	}
	if ((w = longest_word(sc, pos, QW_PER)) != NULL)
	{
		if (!nvf_read_number(sc->t, sc->len, pos + strlen(w->word), &p->num) || p->num.vague)
			return false;
		p->value = p->high = nvf_dec_shift(p->num.value, w->shift);
		p->unit = w->unit;
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
	size_t		n;

	pos = skip_spaces(sc, pos, 2);
	n = match_role(sc, pos, QW_RANGE);
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

/* $56, US$1.2: the unit is the currency written before the number, with no scale after it. */
static bool
prefix_only(const parsed *a)
{
	return a->prefix_unit && a->unit == a->prefix_unit && !a->num.has_scale && a->shift == 0;
}

/*
 * A currency written before the first number of a range only is the second's
 * too, when the second has no unit of its own ($56-59 billion: the first has
 * no scale either) or only a bare 元 (新台币9853亿至10220亿元).
 */
static void
prefix_currency_to(const parsed *a, parsed *b)
{
	if (!a->prefix_unit || a->unit != a->prefix_unit || b->prefix_unit)
		return;
	if ((prefix_only(a) && !b->unit_explicit) || (b->flags & NVF_Q_BARE_YUAN))
	{
		b->unit = a->prefix_unit;
		b->unit_explicit = true;
	}
}

/*
 * A second quantity right after the first makes a range; a first without a
 * written unit borrows the second's unit, and its scale when it has none
 * (2.5万至4万美元, 1.5到2万家, 300-600元, 10至15%).  A currency written
 * before the first number only is the whole range's, and the scale after the
 * second is the first's too ($56-59 billion, $1.2-$1.5 trillion).
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
	if (!parse_one(sc, bpos, &b, &resume))
		return false;
	prefix_currency_to(a, &b);
	if (!b.unit || !b.unit_explicit || (b.flags & (NVF_Q_FRACTION | NVF_Q_VAGUE | NVF_Q_SIGNED)))
		return false;
	if (a->unit_explicit && a->unit != b.unit)
		return false;
	low = a->unit_explicit && !prefix_only(a) ? a->value : borrowed_value(a, &b);
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
number_joiner(const scan_ctx *sc, size_t pos, bool *listed)
{
	size_t		n = match_role(sc, pos, QW_JOIN);

	*listed = n == 0;
	return n ? n : match_role(sc, pos, QW_LIST);
}

/* 单位: (單位:) at pos, the label a declared unit may start with: its length, or 0. */
static size_t
unit_label_at(const scan_ctx *sc, size_t pos)
{
	return pos + 7 <= sc->len && (memcmp(sc->t + pos, "单位:", 7) == 0 ||
								 memcmp(sc->t + pos, "單位:", 7) == 0) ? 7 : 0;
}

/*
 * The currency and power of ten a bracket names in [pos, end): 韩元, 韩元百万,
 * 百万美元, 单位:新台币亿元; NONE without a currency.
 */
static nvf_unit
bracket_currency(const scan_ctx *sc, size_t pos, size_t end, nvf_dec *scale, bool *bare_yuan)
{
	nvf_unit	cur = NVF_UNIT_NONE;
	const qword *w;
	int			exp,
				adv;

	*scale = nvf_dec_make(1, 0);
	*bare_yuan = false;
	if (end - pos > 7)
		pos += unit_label_at(sc, pos);
	for (int part = 0; part < 4 && pos < end; part++)
	{
		pos = skip_spaces(sc, pos, 1);
		if ((w = longest_word(sc, pos, QW_UNIT)) != NULL && nvf_unit_is_money(w->unit) &&
			pos + strlen(w->word) <= end)
		{
			if (cur == NVF_UNIT_NONE || !(w->flags & QW_BARE_YUAN))
			{
				*bare_yuan = cur == NVF_UNIT_NONE && (w->flags & QW_BARE_YUAN);
				cur = w->unit;
			}
			*scale = nvf_dec_shift(*scale, w->shift);	/* 亿元 */
			pos += strlen(w->word);
		}
		else if ((exp = nvf_cjk_multiplier(cp_at(sc, pos, &adv))) > 0)
		{
			*scale = nvf_dec_shift(*scale, exp);	/* 百万 = 10^2 x 10^4 */
			pos += adv;
		}
		else
			break;
	}
	return cur;
}

/* (百万美元), 单位:亿元): a unit named alone in brackets declares, it is no figure. */
static bool
unit_declaration(const scan_ctx *sc, const parsed *p)
{
	size_t		end = skip_spaces(sc, p->end, 1);

	return p->num.chinese_only && end < sc->len && sc->t[end] == ')' &&
		((p->lead > 0 && sc->t[p->lead - 1] == '(') ||
		 (p->lead >= 7 && unit_label_at(sc, p->lead - 7)));
}

/*
 * 目标价(韩元): 380,000.00, 市值 (韩元百万) 190,123,456: a plain Arabic number
 * right after a bracket that names a currency (and a scale) is in it.
 */
static bool
declared_unit(const scan_ctx *sc, parsed *p)
{
	size_t		k = p->start,
				open;
	nvf_dec		scale;
	nvf_unit	cur;
	bool		bare_yuan;

	if (!p->num.has_arabic || p->num.has_scale || p->num.vague)
		return false;
	while (k > 0 && (sc->t[k - 1] == ' ' || sc->t[k - 1] == ':'))
		k--;
	if (k == 0 || sc->t[k - 1] != ')')
		return false;
	for (open = k - 1; open > 0 && k - open < 64 && sc->t[open - 1] != '('; open--)
		if (sc->t[open - 1] == ')' || sc->t[open - 1] == '\n')
			return false;
	if (open == 0 || sc->t[open - 1] != '(' ||
		(cur = bracket_currency(sc, open, k - 1, &scale, &bare_yuan)) == NVF_UNIT_NONE)
		return false;
	p->unit = cur;
	p->flags |= NVF_Q_DECLARED;
	if (bare_yuan)
		p->flags |= NVF_Q_BARE_YUAN;
	p->unit_explicit = true;
	p->value = nvf_dec_mul(p->value, scale);
	p->high = nvf_dec_mul(p->high, scale);
	return true;
}

/*
 * 1.53/1.89美元, 410/480/530亿元, 3.75±0.15美元: numbers joined by / (or a
 * tolerance by ±) share the unit (and scale) written after the last one;
 * so do scaled numbers listed (2300亿、2900亿和3400亿美元).
 */
static bool
slash_unit(const scan_ctx *sc, parsed *a)
{
	size_t		pos = a->end,
				resume,
				j;
	parsed		b;
	bool		listed;

	for (int n = 0; n < 8 && (j = number_joiner(sc, pos, &listed)) != 0; n++)
	{
		if (!parse_one(sc, pos + j, &b, &resume) || (b.flags & (NVF_Q_FRACTION | NVF_Q_VAGUE)) ||
			(listed && !(a->num.has_scale && b.num.has_scale)))
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

/*
 * The first characters a quantity may start with, for every BMP code point
 * (none above starts one): a number's (numeral.c), and the first characters
 * of the words of the roles that open a quantity (a currency before the
 * number, a sign, 翻倍, 百分之, 一半).  The scan asks at every character.
 */
static uint64_t start_bits[0x10000 / 64];
static bool scan_tables_ready;

static void
set_bit(uint64_t *bits, uint32_t c)
{
	bits[c >> 6] |= UINT64_C(1) << (c & 63);
}

/* The group of a row: the low byte of its first code point, or its last byte. */
static unsigned
group_key(const indexed_word *iw, bool by_last)
{
	int			adv;

	if (by_last)
		return (unsigned char) iw->w->word[iw->len - 1];
	return nvf_utf8_decode((const unsigned char *) iw->w->word, iw->len, &adv) & 255;
}

/* Every role's rows grouped by group_key into rows (a counting sort: table order within a group). */
static void
fill_groups(indexed_word *rows, bool by_last)
{
	int			count[QW_ROLE_N_][257] = {{0}},
				filled[QW_ROLE_N_][256] = {{0}},
				at = 0;

	for (const qword *w = nvf_quantity_words; w->word; w++)
	{
		indexed_word iw = {w, strlen(w->word)};

		count[w->role][group_key(&iw, by_last) + 1]++;
	}
	for (int r = 0; r < QW_ROLE_N_; r++)
	{
		word_groups *g = by_last ? &roles[r].by_last : &roles[r].by_first;

		g->rows = rows + at;
		for (int b = 0; b <= 256; b++)
		{
			if (b > 0)
				count[r][b] += count[r][b - 1];
			g->at[b] = (uint16_t) count[r][b];
		}
		at += count[r][256];
	}
	for (const qword *w = nvf_quantity_words; w->word; w++)
	{
		indexed_word iw = {w, strlen(w->word)};
		unsigned	b = group_key(&iw, by_last);
		word_groups *g = by_last ? &roles[w->role].by_last : &roles[w->role].by_first;

		rows[(g->rows - rows) + g->at[b] + filled[w->role][b]++] = iw;
	}
}

/* The index of quantity_words.c by role and start_bits, once per process. */
static void
fill_scan_tables(void)
{
	fill_groups(first_rows, false);
	fill_groups(last_rows, true);
	for (const qword *w = nvf_quantity_words; w->word; w++)
	{
		int			adv;
		uint32_t	c = nvf_utf8_decode((const unsigned char *) w->word, strlen(w->word), &adv);

		if (qword_role_starts(w->role) && c < 0x10000)
			set_bit(start_bits, c);
	}
	for (uint32_t c = 0; c < 0x10000; c++)
		if (nvf_numeral_may_start(c))
			set_bit(start_bits, c);
	scan_tables_ready = true;
}

/* Whether a quantity may start with c (start_bits) */
static bool
may_start(uint32_t c)
{
	return c < 0x10000 && (start_bits[c >> 6] >> (c & 63)) & 1;
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
		pos = nvf_char_boundary(sc->t, sc->len, pos + adv);
	}
	return pos;
}

static void
to_quantity(const parsed *p, nvf_quantity *q)
{
	memset(q, 0, sizeof(*q));
	q->start = p->start;
	q->end = p->end;
	q->tail = p->tail > p->end ? p->tail : p->end;
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

/* Only the list words slash_unit reads too (QW_LIST: 、 和 及 …), commas and spaces in [a, b)? */
static bool
list_glue_only(const scan_ctx *sc, size_t a, size_t b)
{
	size_t		n;

	for (; a < b; a += n)
		if ((n = sc->t[a] == ',' || sc->t[a] == ' ' ? 1 : match_role(sc, a, QW_LIST)) == 0 || a + n > b)
			return false;
	return true;
}

/*
 * 分别为9899亿元和612亿元新台币: figures listed with a bare 元 take the currency
 * named after the last one, as slash lists take its unit.
 */
static void
share_named_yuan(const scan_ctx *sc, nvf_quantity *q, int n)
{
	for (int i = n - 2; i >= 0; i--)
		if ((q[i].flags & NVF_Q_BARE_YUAN) && (q[i + 1].flags & NVF_Q_NAMED_YUAN) &&
			!(q[i + 1].flags & NVF_Q_CONVERTED) && q[i + 1].start > q[i].end &&
			list_glue_only(sc, q[i].end, q[i + 1].start))
		{
			q[i].unit = q[i + 1].unit;
			q[i].flags = (q[i].flags & ~NVF_Q_BARE_YUAN) | NVF_Q_NAMED_YUAN;
		}
}

/* An approximation written right after 分别 (分别约为, 分别接近) ends at pos? */
static bool
respectively_approx(const scan_ctx *sc, size_t pos)
{
	const qword *w;

	while (pos > 0 && sc->t[pos - 1] == ' ')
		pos--;
	w = word_ending_at(sc, pos, QW_APPROX_BEFORE);
	return w && ends_with(sc, pos - strlen(w->word), "分别", strlen("分别"));
}

/*
 * 分别约为67亿美元和50亿美元: the approximation after 分别 qualifies every
 * figure of the list, not only the first one it is written before.
 */
static void
share_list_approx(const scan_ctx *sc, nvf_quantity *q, int n)
{
	for (int i = 0; i < n; i++)
	{
		int			j = i;

		if (q[i].approx == NVF_APPROX_NONE || !respectively_approx(sc, q[i].start))
			continue;
		for (; j + 1 < n && q[j + 1].approx == NVF_APPROX_NONE &&
			 list_glue_only(sc, q[j].tail, q[j + 1].start); j++)
			q[j + 1].approx = q[i].approx;
		i = j;
	}
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
			pos = nvf_char_boundary(sc.t, sc.len, resume > pos ? resume : pos + 1);
			continue;
		}
		extend_range(&sc, &p);
		if (!p.unit || (p.flags & NVF_Q_UNITLESS))
			slash_unit(&sc, &p);
		if (!p.unit)
			declared_unit(&sc, &p);
		if (!p.unit || unit_declaration(&sc, &p))
		{
			pos = resume;
			continue;
		}
		apply_approx_before(&sc, &p);
		apply_approx_after(&sc, &p);
		apply_flat_from(&sc, &p);
		to_quantity(&p, &q);
		qlist_push(env, &list, &q);
		pos = p.end;
	}
	share_named_yuan(&sc, list.items, list.n);
	share_list_approx(&sc, list.items, list.n);
	*out = list.items;
	return list.n;
}

nvf_unit
nvf_currency_at(const char *t, size_t len, size_t pos, size_t *end)
{
	scan_ctx	sc = {NULL, t, len};
	const qword *w;

	if (!scan_tables_ready)
		fill_scan_tables();
	if ((w = longest_word(&sc, pos, QW_UNIT)) == NULL &&
		(w = longest_word(&sc, pos, QW_PREFIX_CURRENCY)) == NULL)
		return NVF_UNIT_NONE;
	if (!nvf_unit_is_money(w->unit))
		return NVF_UNIT_NONE;
	*end = pos + strlen(w->word);
	return w->unit;
}

size_t
nvf_per_unit_at(const char *t, size_t len, size_t pos)
{
	scan_ctx	sc = {NULL, t, len};
	size_t		k = pos,
				n;

	if (!scan_tables_ready)
		fill_scan_tables();
	if (k < len && t[k] == '/')
		k++;
	else if (k + 3 <= len && memcmp(t + k, "每", 3) == 0)
		k += 3;
	else
		return 0;
	if ((n = match_role(&sc, k, QW_TIME)) == 0 && (n = match_role(&sc, k, QW_CLASSIFIER)) == 0)
		return 0;
	return k + n - pos;
}

nvf_unit
nvf_declared_unit(const char *t, size_t lo, size_t hi, nvf_dec *scale)
{
	scan_ctx	sc = {NULL, t, hi};
	bool		bare_yuan;

	if (!scan_tables_ready)
		fill_scan_tables();
	for (size_t open = lo; open < hi; open++)
		if (t[open] == '(')
		{
			size_t		close = open + 1;
			nvf_unit	u;

			while (close < hi && t[close] != ')')
				close++;
			if (close < hi && (u = bracket_currency(&sc, open + 1, close, scale, &bare_yuan)) != NVF_UNIT_NONE)
				return u;
		}
	*scale = nvf_dec_make(1, 0);
	return NVF_UNIT_NONE;
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
