/*
 * nvfacts_core.h — the text core's public interface: normalization, quantities.
 * Plain C (ICU and PCRE2 only, no PostgreSQL header): the server glue, the
 * unit tests and the libFuzzer target all link the same core through this.
 *
 * Pipeline: normalize.c (web text -> canonical text + offset map)
 *        -> quantity.c (money, percent, pp, multiples, counts)
 * Offsets: byte offsets inside a normalized block; char offsets (0-based,
 * code points) into the ORIGINAL text are what callers see.
 */
#ifndef NVFACTS_CORE_H
#define NVFACTS_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vocab.h"

/* The length of the listed word t[..pos) ends with (spaces before pos skipped), or 0. */
static inline size_t
nvf_word_before(const char *t, size_t pos, const char *const *words)
{
	while (pos > 0 && t[pos - 1] == ' ')
		pos--;
	for (int i = 0; words[i]; i++)
	{
		size_t		n = strlen(words[i]);

		/* (the last byte first: most words differ there; none is empty) */
		if (pos >= n && t[pos - 1] == words[i][n - 1] && memcmp(t + pos - n, words[i], n) == 0)
			return n;
	}
	return 0;
}

/* ---- eight bytes at a time ------------------------------------------- */

/*
 * Scans for bytes that are rare in Chinese text read words of eight bytes
 * and mark the bytes they want by their high bits; the first marked byte is
 * found by the lowest set bit, not by a loop over the bytes (whose exit is
 * a mispredicted branch at every find).
 */
#define NVF_ONES UINT64_C(0x0101010101010101)
#define NVF_HIGHS (NVF_ONES << 7)

/* Eight bytes at t as a word, the first in its lowest bits. */
static inline uint64_t
nvf_load_word(const char *t)
{
	uint64_t	x;

	memcpy(&x, t, sizeof(x));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/* The byte of a word from nvf_load_word whose high bit is the lowest set in marks (not 0). */
static inline size_t
nvf_first_marked(uint64_t marks)
{
	return (size_t) __builtin_ctzll(marks) / 8;
}

/* ---- environment: allocator and interrupt hooks (in arena.c) ---------- */

/*
 * The core never frees one object: everything allocated through an env lives
 * until reset(ctx) drops it all (a memory context reset in the server).  The
 * document drivers reset their scratch env after every block, so memory is
 * bounded by the block size, not the document size.  alloc never returns NULL
 * (palloc raises an error; the standalone env aborts).  check_interrupts may
 * not return (the server's CHECK_FOR_INTERRUPTS).
 */
typedef struct nvf_env
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*reset) (void *ctx);
	void		(*check_interrupts) (void *ctx);
	void	   *ctx;
} nvf_env;

extern void *nvf_alloc(nvf_env *env, size_t size);
extern void *nvf_alloc0(nvf_env *env, size_t size);
extern char *nvf_strndup(nvf_env *env, const char *s, size_t n);

/* A growable byte buffer whose storage comes from env. */
typedef struct nvf_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} nvf_buf;

extern void nvf_buf_reserve(nvf_env *env, nvf_buf *b, size_t extra);
extern void nvf_buf_append(nvf_env *env, nvf_buf *b, const char *s, size_t n);

/* ---- UTF-8 (in utf8.c) ------------------------------------------------- */

/* nvf_utf8_decode for what its inline part leaves: s[0] >= 0x80. */
extern uint32_t nvf_utf8_decode_multibyte(const unsigned char *s, size_t len, int *adv);

/*
 * Decode one code point at s[0..len); sets *adv (>= 1).  Invalid -> U+FFFD.
 * Inline because every scanner calls it once a character: ASCII and a
 * well-formed 3-byte sequence (most of Chinese text) are decoded here, the
 * rest in utf8.c.
 */
static inline uint32_t
nvf_utf8_decode(const unsigned char *s, size_t len, int *adv)
{
	if (s[0] < 0x80)
	{
		*adv = 1;
		return s[0];
	}
	if ((s[0] & 0xF0) == 0xE0 && len >= 3)
	{
		/* continuation bytes are 0x80..0xBF: 0..0x3F after the xor */
		uint32_t	c1 = s[1] ^ 0x80u,
					c2 = s[2] ^ 0x80u;
		uint32_t	cp = ((s[0] & 0x0Fu) << 12) | (c1 << 6) | c2;

		/* not overlong, not a surrogate (0xD800..0xDFFF) */
		if ((c1 | c2) < 0x40 && cp >= 0x800 && (cp & 0xF800) != 0xD800)
		{
			*adv = 3;
			return cp;
		}
	}
	return nvf_utf8_decode_multibyte(s, len, adv);
}

/*
 * The bytes of the character at s[0..len): nvf_utf8_decode's *adv, for
 * scanners that need no code point.  A well-formed 3-byte sequence with a
 * lead byte other than E0 and ED (which may start an overlong form or a
 * surrogate) is told by its bytes alone.
 */
static inline int
nvf_utf8_advance(const unsigned char *s, size_t len)
{
	int			adv;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && len >= 3 &&
		((s[1] ^ 0x80u) | (s[2] ^ 0x80u)) < 0x40)
		return 3;
	nvf_utf8_decode(s, len, &adv);
	return adv;
}

/* A Han ideograph (unified, extension A, compatibility, radicals)? */
static inline bool
nvf_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2E80 && c <= 0x2FDF);
}

/* The characters of s[lo, hi) when all are Han ideographs (0 when empty), else -1. */
extern int	nvf_han_chars(const char *s, size_t lo, size_t hi);

/* pos, or past the continuation bytes there: the start of the character next at or after pos. */
static inline size_t
nvf_char_boundary(const char *t, size_t len, size_t pos)
{
	while (pos < len && ((unsigned char) t[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* Encode cp into out (4 bytes room); returns byte count. */
extern int	nvf_utf8_encode(uint32_t cp, char *out);
/* Code points in s[0..len). */
extern int64_t nvf_utf8_count(const char *s, size_t len);

/* ---- article bytes to UTF-8 (in charset.c) ----------------------------- */

typedef struct nvf_decoded
{
	char	   *text;			/* UTF-8, NUL-terminated, from env */
	size_t		len;			/* bytes, without the NUL */
	const char *encoding;		/* static name: "UTF-8", "UTF-16LE", "UTF-16BE",
								 * "GB18030", "Big5", or for another named
								 * encoding its MIME name, else its IANA name
								 * ("gbk" -> "GBK"), else a copy of ICU's */
} nvf_decoded;

/*
 * Decode an article file's bytes to UTF-8: BOM removed, CRLF and lone CR
 * turned into LF.  encoding is "auto" (BOM, then valid UTF-8, then ICU
 * detection among GB18030 and Big5 -- pick whichever converts without error;
 * prefer GB18030 when both do, unless ICU's detector says Big5 with higher
 * confidence) or an encoding name ICU knows ("utf8", "gbk", "big5",
 * "utf-16le", ...).
 * Returns NULL on success, or an error message (allocated from env) that
 * names the reason and the byte offset where relevant:
 *   "invalid byte sequence for encoding GB18030 at byte offset 1234"
 *   "binary content (NUL byte at byte offset 17)"
 *   "cannot detect the encoding (not UTF-8, GB18030 or Big5)"
 *   "unknown encoding \"latin9x\""
 * In auto mode, when nothing converts but the bytes are valid UTF-8 further
 * than they are GB18030 or Big5, the UTF-8 error is the one reported.
 */
extern const char *nvf_decode_article(nvf_env *env, const char *bytes, size_t len,
									  const char *encoding, nvf_decoded *out);
/* Whether ICU knows the encoding name (or it is "auto"); for option validation. */
extern bool nvf_encoding_known(const char *name);

/* ---- exact decimals (in decimal.c) ------------------------------------- */

/* value = mant * 10^exp; ok = false when the value did not fit. */
typedef struct nvf_dec
{
	int64_t		mant;
	int32_t		exp;
	bool		ok;
} nvf_dec;

#define NVF_DEC_DIGITS 18		/* significant digits kept exactly */

extern nvf_dec nvf_dec_make(int64_t mant, int32_t exp);

/* nvf_dec_make(d, 0) for a digit d (0..9), without the call: numerals make them at every character. */
static inline nvf_dec
nvf_dec_digit(int d)
{
	nvf_dec		r = {d, 0, true};

	return r;
}
extern nvf_dec nvf_dec_add(nvf_dec a, nvf_dec b);
extern nvf_dec nvf_dec_mul(nvf_dec a, nvf_dec b);
extern nvf_dec nvf_dec_div(nvf_dec a, nvf_dec b);	/* 15 significant digits */
extern nvf_dec nvf_dec_shift(nvf_dec a, int32_t pow10);
extern nvf_dec nvf_dec_neg(nvf_dec a);
extern int	nvf_dec_cmp(nvf_dec a, nvf_dec b);
extern bool nvf_dec_is_zero(nvf_dec a);

/*
 * Quantities are bounded to what money and counts can be: the largest
 * amounts in the news are some hundred 万亿 (10^14, in yen or won), so a
 * magnitude of 10^16 (亿亿) or more is a misreading, not a figure.
 */
#define NVF_MAX_MAGNITUDE_EXP 16
/* a.ok and |a| < 10^NVF_MAX_MAGNITUDE_EXP */
extern bool nvf_dec_plausible(nvf_dec a);
extern double nvf_dec_to_double(nvf_dec a);
/* Writes the plain decimal text ("26044000000", "0.04", "-8.5") into out. */
extern void nvf_dec_format(nvf_dec a, char *out, size_t outsz);
#define NVF_DEC_TEXT 64			/* enough for any formatted nvf_dec */

/* ---- text normalization (in normalize.c, tables in normalize_tables.c) -------------- */

/*
 * A normalized block.  s is canonical UTF-8 (NUL-terminated).  When built with
 * a map, src[i] is the byte offset (in the block's original text) where the
 * source of output byte i starts and srcend[i] the offset just past it, so
 * the byte range [a,b) of s came from original bytes [src[a], srcend[b-1]).
 */
typedef struct nvf_text
{
	char	   *s;
	size_t		len;
	int32_t    *src;
	int32_t    *srcend;
} nvf_text;

/* One block of a document: its original bytes and their normalized form. */
typedef struct nvf_block
{
	const char *orig;			/* original bytes of this block */
	size_t		orig_len;
	int64_t		char_base;		/* char offset of orig[0] in the document */
	int32_t    *ochar;			/* ochar[b]: char offset of orig byte b (block-relative) */
	nvf_text	text;
} nvf_block;

/* Normalizes doc[pos..end) into blk (with map and char index). */
extern void nvf_block_build(nvf_env *env, const char *doc, size_t pos, size_t end,
							int64_t char_base, nvf_block *blk);
/* The char range in the document of the normalized byte range [a,b) (nvf_block_original's, no copy). */
extern void nvf_block_chars(const nvf_block *blk, size_t a, size_t b, int64_t *ostart, int64_t *oend);
/* Original text behind the normalized byte range [a,b): a fresh NUL-terminated copy. */
extern char *nvf_block_original(nvf_env *env, const nvf_block *blk, size_t a, size_t b,
								int64_t *ostart, int64_t *oend);

/* Lazily builds the per-process character tables (ICU); false on failure. */
extern bool nvf_normalize_init(char *errbuf, size_t errlen);

/*
 * Normalizes in[0..len).  with_map = false skips the offset map (nvfacts.normalize()).
 */
extern void nvf_normalize_text(nvf_env *env, const char *in, size_t len,
					   bool with_map, nvf_text *out);

/*
 * Documents are processed in blocks so memory stays bounded: returns the end
 * (exclusive byte offset) of the block starting at pos, cut after a line end
 * once the block reaches NVF_BLOCK_TARGET bytes, never longer than
 * NVF_BLOCK_MAX bytes, always on a character boundary.
 */
#define NVF_BLOCK_TARGET (16 * 1024)
#define NVF_BLOCK_MAX (64 * 1024)
extern size_t nvf_block_end(const char *s, size_t len, size_t pos);

/* ---- patterns compiled once per process (in patterns.c) ---------------- */

typedef enum nvf_pattern_id
{
	NVF_PAT_URL,				/* URLs, e-mail addresses, domains */
	NVF_PAT_DATETIME,			/* 2024-05-23, 2024/5/31, 12:50:49, 3月18日 */
	NVF_PAT_PUBDATE,			/* 发表于 2024-5-31, 2024年2月21日——, 30/01/2026 */
	NVF_PAT_COUNT_
} nvf_pattern_id;

typedef struct nvf_span
{
	size_t		start;
	size_t		end;
} nvf_span;

extern bool nvf_patterns_init(char *errbuf, size_t errlen);

/*
 * All non-overlapping matches of pattern id in t[0..len), ascending; the
 * array is allocated from env.  Returns the count, or -1 when PCRE2's match
 * or depth limit stopped the search (the caller treats the text as matched
 * nowhere by that pattern and may report it).
 */
extern int	nvf_pattern_spans(nvf_env *env, nvf_pattern_id id, const char *t,
							  size_t len, nvf_span **out);

/*
 * The first match of pattern id in t[from..len): fills ov with up to npairs
 * (start, end) pairs, unset groups as SIZE_MAX.  Returns the number of pairs
 * set, 0 for no match, -1 when a limit stopped the search.
 */
extern int	nvf_pattern_next(nvf_env *env, nvf_pattern_id id, const char *t, size_t len,
							 size_t from, size_t *ov, int npairs);

/* ---- numerals (in numeral.c) ------------------------------------------- */

/* Result of reading one number (Arabic, Chinese, or mixed) at a position. */
typedef struct nvf_number
{
	size_t		end;			/* byte offset after the number */
	nvf_dec		value;
	nvf_dec		high;			/* set for vague numerals (十几 -> 11..19) */
	bool		vague;
	bool		more;			/* 多 / 余 inside: 100多亿 */
	bool		has_arabic;
	bool		has_scale;		/* 万, 亿, 百万, million ... */
	bool		chinese_only;	/* written only with Chinese numerals */
	int			ndigits;		/* digit groups read */
	int			scale_exp;		/* power of ten of the multipliers after the
								 * last digits: 4万 -> 4, 3万亿 -> 12 */
} nvf_number;

/* Reads a number at t[pos]; false when there is none. */
extern bool nvf_read_number(const char *t, size_t len, size_t pos, nvf_number *num);
/* True when cp is a Chinese digit or numeral multiplier. */
extern bool nvf_is_cjk_numeral(uint32_t cp);
/* The power of ten a Chinese multiplier stands for (十 1, 百 2, 万 4, 亿 8, 兆 12), or 0. */
extern int	nvf_cjk_multiplier(uint32_t cp);
/* Whether a number may start with cp (digits, Chinese numerals, 几, 数). */
extern bool nvf_numeral_may_start(uint32_t cp);
/* The value of a Chinese digit (零..九, 两), or -1. */
extern int	nvf_cjk_digit(uint32_t cp);

/* ---- quantities (in quantity.c) ---------------------------------------- */

#define NVF_Q_RANGE     0x01	/* value_low/value_high set, value unset */
#define NVF_Q_VAGUE     0x02	/* 十几, 数十亿: a numeral range, not a point */
#define NVF_Q_FRACTION  0x04	/* X分之Y */
#define NVF_Q_SIGNED    0x08	/* a literal sign was written: -11% */
#define NVF_Q_CONVERTED 0x10	/* a conversion aside: 约合人民币12亿元 */
#define NVF_Q_BARE_YUAN 0x20	/* written with a bare 元: CNY unless the page says otherwise */
#define NVF_Q_NAMED_YUAN 0x40	/* 元 after a currency word: 新台币576亿元 */
#define NVF_Q_UNITLESS  0x80	/* a scaled number with no unit (120亿): counted, unless money is meant */
#define NVF_Q_DECLARED  0x100	/* its unit declared in brackets before it: 市值 (韩元百万) 190,123,456 */

typedef struct nvf_quantity
{
	size_t		start;			/* byte range in the normalized block */
	size_t		end;
	size_t		tail;			/* past the words read with it outside its range (七成以上) */
	int64_t		ostart;			/* char range in the original document */
	int64_t		oend;
	char	   *surface;		/* the original text of that range */
	nvf_dec		value;			/* ok = false for a pure range */
	nvf_dec		low;
	nvf_dec		high;
	nvf_unit	unit;
	nvf_approx	approx;
	unsigned	flags;
} nvf_quantity;

/*
 * Every quantity in the normalized text t, in text order (byte offsets only);
 * the array comes from env.  Returns the count.
 */
extern int	nvf_scan_quantities(nvf_env *env, const nvf_text *t, nvf_quantity **out);
/* The unit a bracket in t[lo, hi) declares (（單位：新台幣億元）: TWD, scale 10^8); NONE if none. */
extern nvf_unit nvf_declared_unit(const char *t, size_t lo, size_t hi, nvf_dec *scale);
/* The currency a word at t[pos] names (美元, 新台币, US$), its end in *end; NONE if none. */
extern nvf_unit nvf_currency_at(const char *t, size_t len, size_t pos, size_t *end);
/* The length of a rate's per-unit at t[pos] (/小时, 每张, /片: / or 每 and a time or a classifier), or 0. */
extern size_t nvf_per_unit_at(const char *t, size_t len, size_t pos);
/* Fills ostart, oend and surface of q from its block. */
extern void nvf_quantity_locate(nvf_env *env, const nvf_block *blk, nvf_quantity *q);

/* ---- whole documents (in quantity.c) ----------------------------------- */

/*
 * Calls emit for every quantity of a whole document, block by block
 * (ostart/oend/surface filled in).  scratch is reset after each block: emit
 * copies what it keeps.
 */
typedef void (*nvf_quantity_cb) (void *arg, const nvf_quantity *q);
extern void nvf_document_quantities(nvf_env *scratch, const char *doc, size_t len,
									nvf_quantity_cb emit, void *arg);

#endif							/* NVFACTS_CORE_H */
