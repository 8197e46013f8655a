/*
 * normalize.c — text normalization (nvfacts.normalize()): real web text to the canonical form the parsers
 * read, with a map from every output byte back to the original text.
 * Rules: NFKC, Traditional -> Simplified, radicals -> ideographs (the table
 * of normalize_tables.c), pinyin debris after ideographs dropped (英偉達(dá)),
 * 。 between digits read as a decimal point, spaces between a number and its
 * unit dropped (3 亿美元).  Documents are cut into blocks (nvf_block_end).
 */
#include <string.h>

#include "nvfacts_core.h"
#include "normalize_internal.h"

typedef struct normalize_state
{
	nvf_env    *env;
	const unsigned char *in;
	size_t		len;
	bool		with_map;
	nvf_buf		out;
	int32_t    *src;
	int32_t    *srcend;
	size_t		mapcap;
	uint32_t	last_cp;		/* last code point written, 0 at start */
} normalize_state;

static bool
is_digit_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* inline, as emit and emit_char: normalize_run calls them at every character */
static inline bool
is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == 0x2002 ||
		c == 0x2003 || c == 0x2009 || c == 0x202F;
}

/* Toned vowels (and the bare letters) of pinyin syllables. */
static bool
is_pinyin_letter(uint32_t c, bool *toned)
{
	static const uint32_t toned_cps[] = {
		0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA, 0xFC,
		0x101, 0x113, 0x11B, 0x12B, 0x14D, 0x16B, 0x1CE, 0x1D0, 0x1D2, 0x1D4,
		0x1D6, 0x1D8, 0x1DA, 0x1DC, 0x144, 0x148, 0x1F9, 0x1E3F
	};

	if (c >= 'a' && c <= 'z')
		return true;
	for (size_t i = 0; i < sizeof(toned_cps) / sizeof(toned_cps[0]); i++)
		if (toned_cps[i] == c)
		{
			*toned = true;
			return true;
		}
	return false;
}

static uint32_t
peek(const normalize_state *st, size_t i, int *adv)
{
	if (i >= st->len)
	{
		*adv = 0;
		return 0;
	}
	return nvf_utf8_decode(st->in + i, st->len - i, adv);
}

/*
 * At an opening bracket after an ideograph: the end of a pinyin aside such
 * as "(dá)" (1-8 lowercase letters, one toned vowel at least), else 0.
 */
static size_t
pinyin_debris_end(const normalize_state *st, size_t i)
{
	int			adv;
	uint32_t	c = peek(st, i, &adv);
	bool		toned = false;
	int			letters = 0;

	if (c != '(' && c != 0xFF08)
		return 0;
	i += adv;
	for (;;)
	{
		c = peek(st, i, &adv);
		if (!adv)
			return 0;
		if (c == ')' || c == 0xFF09)
			return (letters > 0 && toned) ? i + adv : 0;
		if (!is_pinyin_letter(c, &toned) || ++letters > 8)
			return 0;
		i += adv;
	}
}

/* After a digit, a run of spaces followed by an ideograph or % is dropped. */
static size_t
unit_gap_end(const normalize_state *st, size_t i)
{
	int			adv;
	uint32_t	c;

	while ((c = peek(st, i, &adv)), adv && is_space_cp(c))
		i += adv;
	if (adv && (nvf_is_han(c) || c == '%' || c == 0xFF05))
		return i;
	return 0;
}

static void
grow_map(normalize_state *st, size_t need)
{
	size_t		cap = st->mapcap ? st->mapcap * 2 : 1024;
	int32_t    *a,
			   *b;

	while (cap < need)
		cap *= 2;
	a = nvf_alloc(st->env, cap * sizeof(int32_t));
	b = nvf_alloc(st->env, cap * sizeof(int32_t));
	if (st->out.len)
	{
		memcpy(a, st->src, st->out.len * sizeof(int32_t));
		memcpy(b, st->srcend, st->out.len * sizeof(int32_t));
	}
	st->src = a;
	st->srcend = b;
	st->mapcap = cap;
}

/*
 * Writes n bytes that stand for the original bytes [from, to); last is the
 * code point they end with (0: decode it).  Called for nearly every
 * character, so the buffer is filled here, not through nvf_buf_append.
 */
static inline void
emit(normalize_state *st, const char *bytes, size_t n, size_t from, size_t to, uint32_t last)
{
	char	   *o;

	if (n == 0)
		return;
	if (st->out.len + n + 1 > st->out.cap)
		nvf_buf_reserve(st->env, &st->out, n);
	if (st->with_map)
	{
		if (st->out.len + n + 1 > st->mapcap)
			grow_map(st, st->out.len + n + 1);
		for (size_t k = 0; k < n; k++)
		{
			st->src[st->out.len + k] = (int32_t) from;
			st->srcend[st->out.len + k] = (int32_t) to;
		}
	}
	o = st->out.data + st->out.len;
	for (size_t k = 0; k < n; k++)
		o[k] = bytes[k];
	st->out.len += n;
	/* the last code point written decides the next context rule */
	if (last)
		st->last_cp = last;
	else
	{
		size_t		k = st->out.len - 1;
		int			adv;

		while (k > 0 && ((unsigned char) st->out.data[k] & 0xC0) == 0x80)
			k--;
		st->last_cp = nvf_utf8_decode((const unsigned char *) st->out.data + k,
									  st->out.len - k, &adv);
	}
}

/* The replacement of code point c, as bytes. */
static const char *
replacement(uint32_t c, const char *own, size_t ownlen, size_t *n)
{
	if (c < 0x10000 && nvf_repl_table[c].changed)
	{
		*n = nvf_repl_table[c].len;
		return nvf_repl_pool + nvf_repl_table[c].off;
	}
	*n = ownlen;
	return own;
}

/* Writes the character c at st->in[i] (adv bytes) as the table has it. */
static inline void
emit_char(normalize_state *st, size_t i, uint32_t c, int adv)
{
	const char *own = (const char *) st->in + i,
			   *r;
	size_t		n;

	if (c == 0xFFFD && adv == 1)
		r = "\xEF\xBF\xBD", n = 3;	/* an invalid byte */
	else
		r = replacement(c, own, adv, &n);
	emit(st, r, n, i, i + adv, r == own ? c : 0);
}

/* Characters the context rules of normalize_step look at: spaces, line ends, (, （ and 。. */
static bool
context_char(uint32_t c)
{
	return c == '(' || c == 0xFF08 || c == 0x3002 || c == '\n' || is_space_cp(c);
}

/*
 * One bit per BMP code point: the character stays as it is (no replacement,
 * not an invalid byte's U+FFFD) and no context rule looks at it.  Most text
 * is such characters: normalize_run copies them without emit_char's tests.
 * Filled on the first normalization, from the table.
 */
static uint64_t plain_bits[0x10000 / 64];
static bool plain_ready;

static void
fill_plain(void)
{
	for (uint32_t c = 0; c < 0x10000; c++)
		if (!nvf_repl_table[c].changed && !context_char(c) && c != 0xFFFD)
			plain_bits[c / 64] |= UINT64_C(1) << (c % 64);
	plain_ready = true;
}

static inline bool
is_plain(uint32_t c)
{
	return c >= 0x10000 || ((plain_bits[c / 64] >> (c % 64)) & 1);
}

/* Room for n more bytes of output (and their map) without a test each. */
static void
make_room(normalize_state *st, size_t n)
{
	nvf_buf_reserve(st->env, &st->out, n);
	if (st->with_map && st->out.len + n + 1 > st->mapcap)
		grow_map(st, st->out.len + n + 1);
}

/*
 * Writes the run of plain characters at st->in[i] as it is, no further than
 * the character starting before limit; returns the offset after it, and
 * the character there (unless at limit) in *c and *cadv.  The caller made
 * room for the bytes up to limit.  The characters are decoded
 * and mapped one by one, in locals (the state's fields would be reloaded
 * after every store to the map), and copied in one memcpy.  A character
 * has four bytes at most and make_room left four entries spare: all four of
 * its map entries are written, without a loop (those past it are written
 * over by the next character, or lie past the end).
 */
static size_t
copy_plain_run(normalize_state *st, size_t i, size_t limit, uint32_t *c, int *cadv)
{
	const unsigned char *in = st->in;
	size_t		len = st->len,
				start = i,
				o;
	uint32_t	last = st->last_cp;
	int32_t    *src,
			   *srcend;

	o = st->out.len;
	src = st->with_map ? st->src : NULL;
	srcend = st->srcend;
	while (i < limit)
	{
		int			adv;
		uint32_t	next = nvf_utf8_decode(in + i, len - i, &adv);

		if (!is_plain(next))
		{
			*c = next;
			*cadv = adv;
			break;
		}
		if (src)
		{
			src[o] = src[o + 1] = src[o + 2] = src[o + 3] = (int32_t) i;
			srcend[o] = srcend[o + 1] = srcend[o + 2] = srcend[o + 3] = (int32_t) (i + adv);
		}
		last = next;
		i += adv;
		o += adv;
	}
	if (i == start)
		return i;
	memcpy(st->out.data + st->out.len, in + start, i - start);
	st->out.len = o;
	st->last_cp = last;
	return i;
}

/*
 * Normalizes the run of characters at st->in[i] that no context rule looks at,
 * no further than the character starting before limit (each one as
 * emit_char has it, whatever came before).  Returns the offset after the
 * run: i when st->in[i] is for normalize_step.  Most text is plain: it is
 * copied in runs, between the characters that are replaced.  A plain
 * character takes as many bytes out as in: room for the rest of the run is
 * made once, and again after a replacement longer than its character.
 */
static size_t
normalize_run(normalize_state *st, size_t i, size_t limit)
{
	make_room(st, limit - i + 4);
	for (;;)
	{
		int			adv = 0;	/* (set unless the run reached limit) */
		uint32_t	c = 0;
		size_t		before;

		i = copy_plain_run(st, i, limit, &c, &adv);
		if (i >= limit || context_char(c))
			return i;
		before = st->out.len;
		emit_char(st, i, c, adv);
		/* a replacement no longer than its character leaves the room made */
		if (st->out.len - before > (size_t) adv)
			make_room(st, limit - i + 4);
		i += adv;
	}
}

/* One step of normalization at a context character st->in[i]; returns the next input offset. */
static size_t
normalize_step(normalize_state *st, size_t i)
{
	int			adv;
	uint32_t	c = peek(st, i, &adv);
	size_t		skip;

	if (is_space_cp(c) && st->last_cp >= '0' && st->last_cp <= '9' &&
		(skip = unit_gap_end(st, i)) != 0)
		return skip;
	/* 3495.\n67亿元: a number cut by a page's line wrap is one number */
	if (c == '\n' && st->last_cp == '.' && st->out.len >= 2 &&
		st->out.data[st->out.len - 2] >= '0' && st->out.data[st->out.len - 2] <= '9')
	{
		int			adv2;

		if (is_digit_cp(peek(st, i + adv, &adv2)) && adv2)
			return i + adv;
	}
	if (nvf_is_han(st->last_cp) && (skip = pinyin_debris_end(st, i)) != 0)
		return skip;
	if (c == 0x3002 && st->last_cp >= '0' && st->last_cp <= '9')
	{
		int			adv2;
		uint32_t	next = peek(st, i + adv, &adv2);

		if (adv2 && is_digit_cp(next))
		{
			emit(st, ".", 1, i, i + adv, '.');
			return i + adv;
		}
	}
	emit_char(st, i, c, adv);
	return i + adv;
}

void
nvf_normalize_text(nvf_env *env, const char *in, size_t len, bool with_map, nvf_text *out)
{
	normalize_state st;
	size_t		i = 0,
				next_check = 1 << 16;

	if (!plain_ready)
		fill_plain();
	memset(&st, 0, sizeof(st));
	st.env = env;
	st.in = (const unsigned char *) in;
	st.len = len;
	st.with_map = with_map;
	nvf_buf_reserve(env, &st.out, len + len / 8 + 16);
	if (with_map)
		grow_map(&st, len + len / 8 + 16);
	while (i < len)
	{
		size_t		j = normalize_run(&st, i, next_check < len ? next_check : len);

		i = j > i ? j : normalize_step(&st, i);
		if (i >= next_check)
		{
			env->check_interrupts(env->ctx);
			next_check = i + (1 << 16);
		}
	}
	if (st.out.data == NULL)
		nvf_buf_reserve(env, &st.out, 1);
	st.out.data[st.out.len] = '\0';	/* nothing appended: "" or only deleted chars */
	out->s = st.out.data;
	out->len = st.out.len;
	out->src = st.src;
	out->srcend = st.srcend;
}

/* ---- blocks ---------------------------------------------------------- */

/* Back to the first byte of the UTF-8 character holding s[k]. */
static size_t
char_start(const char *s, size_t k)
{
	while (k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

/* A sentence end in s[from..to), searching backwards: 。！？；!?; not 8。5. */
static size_t
sentence_cut(const char *s, size_t from, size_t to)
{
	for (size_t k = to; k > from + 3; k--)
	{
		const unsigned char *p = (const unsigned char *) s + k - 3;

		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82 &&
			!(k < to && s[k] >= '0' && s[k] <= '9'))
			return k;
		if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B))
			return k;
		if (p[2] == '!' || p[2] == '?' || p[2] == ';')
			return k;
	}
	return 0;
}

/*
 * A clause end in s[from..to), searching backwards: ，、 or a comma, colon or
 * space not inside a number (1,000 and "26 million" stay whole).
 */
static size_t
clause_cut(const char *s, size_t from, size_t to)
{
	for (size_t k = to; k > from + 3; k--)
	{
		const unsigned char *p = (const unsigned char *) s + k - 3;
		bool		digit_next = k < to && s[k] >= '0' && s[k] <= '9';

		if ((p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8C || p[2] == 0x9A)) ||
			(p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
			return k;
		if ((p[2] == ',' || p[2] == ':') && !digit_next)
			return k;
		if ((p[2] == ' ' || p[2] == '\t') && !(p[1] >= '0' && p[1] <= '9'))
			return k;
	}
	return 0;
}

size_t
nvf_block_end(const char *s, size_t len, size_t pos)
{
	size_t		limit = len - pos > NVF_BLOCK_MAX ? pos + NVF_BLOCK_MAX : len;
	const char *nl;
	size_t		cut;

	if (len - pos <= NVF_BLOCK_TARGET)
		return len;
	nl = memchr(s + pos + NVF_BLOCK_TARGET, '\n', limit - pos - NVF_BLOCK_TARGET);
	if (nl)
		return (size_t) (nl - s) + 1;
	if (limit == len)
		return len;
	cut = sentence_cut(s, pos + NVF_BLOCK_TARGET, limit);
	if (cut)
		return cut;
	cut = clause_cut(s, pos + NVF_BLOCK_TARGET, limit);
	if (cut)
		return cut;
	cut = char_start(s, limit);
	return cut > pos ? cut : limit;
}

#define CHAR_INDEX_SPARE 3		/* ochar's entries past n + 1: see char_index */

/*
 * ochar[b] for every byte b of s[0..n), and ochar[n]: block-relative char
 * offsets.  A character has four bytes at most: all four entries are
 * written, without a loop (those past it are written over by the next
 * character, or are spare).
 */
static void
char_index(const char *s, size_t n, int32_t *ochar)
{
	size_t		i = 0;
	int32_t		c = 0;

	while (i < n)
	{
		int			adv = nvf_utf8_advance((const unsigned char *) s + i, n - i);

		ochar[i] = ochar[i + 1] = ochar[i + 2] = ochar[i + 3] = c;
		i += adv;
		c++;
	}
	ochar[n] = c;
}

void
nvf_block_build(nvf_env *env, const char *doc, size_t pos, size_t end,
				int64_t char_base, nvf_block *blk)
{
	size_t		n = end - pos;

	blk->orig = doc + pos;
	blk->orig_len = n;
	blk->char_base = char_base;
	blk->ochar = nvf_alloc(env, (n + 1 + CHAR_INDEX_SPARE) * sizeof(int32_t));
	char_index(blk->orig, n, blk->ochar);
	nvf_normalize_text(env, blk->orig, n, true, &blk->text);
}

void
nvf_block_chars(const nvf_block *blk, size_t a, size_t b, int64_t *ostart, int64_t *oend)
{
	if (b <= a || b > blk->text.len)
	{
		*ostart = *oend = blk->char_base;
		return;
	}
	*ostart = blk->char_base + blk->ochar[blk->text.src[a]];
	*oend = blk->char_base + blk->ochar[blk->text.srcend[b - 1]];
}

char *
nvf_block_original(nvf_env *env, const nvf_block *blk, size_t a, size_t b,
				   int64_t *ostart, int64_t *oend)
{
	size_t		ob,
				oe;

	nvf_block_chars(blk, a, b, ostart, oend);
	if (b <= a || b > blk->text.len)
		return nvf_strndup(env, "", 0);
	ob = (size_t) blk->text.src[a];
	oe = (size_t) blk->text.srcend[b - 1];
	return nvf_strndup(env, blk->orig + ob, oe - ob);
}
