/*
 * normalize_tables.c — the per-process character table behind text normalization.
 * Built once, lazily, with ICU: NFKC of every BMP code point, CJK radicals to
 * ideographs, then Traditional -> Simplified Chinese; normalize.c only looks up.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "nvfacts_core.h"
#include "normalize_internal.h"
#include "radicals_table.h"

nvf_repl_entry *nvf_repl_table = NULL;
char	   *nvf_repl_pool = NULL;

/* Code points that web pages scatter inside words: deleted outright. */
static const uint32_t invisible_cps[] = {
	0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF
};

typedef struct table_builder
{
	nvf_repl_entry *table;
	char	   *pool;
	size_t		pool_len;
	size_t		pool_cap;
	const UNormalizer2 *nfkc;
	UTransliterator *t2s;
} table_builder;

static bool
pool_put(table_builder *tb, uint32_t cp, const char *bytes, size_t n)
{
	if (n > 255)
		return false;
	if (tb->pool_len + n > tb->pool_cap)
	{
		size_t		cap = tb->pool_cap * 2;
		char	   *p = realloc(tb->pool, cap);

		if (!p)
			return false;
		tb->pool = p;
		tb->pool_cap = cap;
	}
	memcpy(tb->pool + tb->pool_len, bytes, n);
	tb->table[cp].off = (uint32_t) tb->pool_len;
	tb->table[cp].len = (uint8_t) n;
	tb->table[cp].changed = 1;
	tb->pool_len += n;
	return true;
}

static uint32_t
radical_target(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(nvf_radical_pairs) / sizeof(nvf_radical_pairs[0]); i++)
		if (nvf_radical_pairs[i][0] == cp)
			return nvf_radical_pairs[i][1];
	return 0;
}

static bool
is_han(UChar32 c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* Simplified form of one Han character (itself when ICU has none). */
static UChar32
simplify(table_builder *tb, UChar32 c)
{
	UChar		buf[8];
	int32_t		len = 0,
				limit;
	UErrorCode	err = U_ZERO_ERROR;
	UChar32		out;

	U16_APPEND_UNSAFE(buf, len, c);
	limit = len;
	utrans_transUChars(tb->t2s, buf, &len, 8, 0, &limit, &err);
	if (U_FAILURE(err) || len == 0)
		return c;
	{
		int32_t		k = 0;

		U16_NEXT_UNSAFE(buf, k, out);
		return (len == k) ? out : c;
	}
}

/* The canonical UTF-8 form of one BMP code point, into out; returns bytes. */
static int
canonical_form(table_builder *tb, uint32_t cp, char *out, int outcap)
{
	UChar		src[2],
				dst[64];
	int32_t		n;
	UErrorCode	err = U_ZERO_ERROR;
	int			o = 0;
	uint32_t	rad = radical_target(cp);

	if (rad)
		cp = rad;
	src[0] = (UChar) cp;
	n = unorm2_normalize(tb->nfkc, src, 1, dst, 64, &err);
	if (U_FAILURE(err))
	{
		dst[0] = (UChar) cp;
		n = 1;
	}
	for (int32_t i = 0; i < n;)
	{
		UChar32		c;

		U16_NEXT(dst, i, n, c);
		if (is_han(c))
			c = simplify(tb, c);
		if (o + 4 > outcap)
			return -1;
		o += nvf_utf8_encode((uint32_t) c, out + o);
	}
	return o;
}

static bool
build_entries(table_builder *tb)
{
	char		buf[256];

	for (uint32_t cp = 0x80; cp < 0x10000; cp++)
	{
		int			n,
					self;
		char		own[4];

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = canonical_form(tb, cp, buf, sizeof(buf));
		self = nvf_utf8_encode(cp, own);
		if (n < 0 || (n == self && memcmp(buf, own, n) == 0))
			continue;
		if (!pool_put(tb, cp, buf, n))
			return false;
	}
	for (size_t i = 0; i < sizeof(invisible_cps) / sizeof(invisible_cps[0]); i++)
		if (!pool_put(tb, invisible_cps[i], "", 0))
			return false;
	return true;
}

bool
nvf_normalize_init(char *errbuf, size_t errlen)
{
	table_builder tb;
	UErrorCode	err = U_ZERO_ERROR;
	UChar		id[32];
	bool		ok;

	if (nvf_repl_table)
		return true;
	memset(&tb, 0, sizeof(tb));
	tb.nfkc = unorm2_getNFKCInstance(&err);
	if (U_FAILURE(err))
	{
		snprintf(errbuf, errlen, "ICU NFKC normalizer unavailable: %s", u_errorName(err));
		return false;
	}
	u_uastrcpy(id, "Traditional-Simplified");
	tb.t2s = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	if (U_FAILURE(err))
	{
		snprintf(errbuf, errlen, "ICU transliterator Traditional-Simplified unavailable: %s",
				 u_errorName(err));
		return false;
	}
	tb.table = calloc(0x10000, sizeof(nvf_repl_entry));
	tb.pool_cap = 1 << 16;
	tb.pool = malloc(tb.pool_cap);
	ok = tb.table && tb.pool && build_entries(&tb);
	utrans_close(tb.t2s);
	if (!ok)
	{
		free(tb.table);
		free(tb.pool);
		snprintf(errbuf, errlen, "out of memory building the normalization table");
		return false;
	}
	nvf_repl_pool = tb.pool;
	nvf_repl_table = tb.table;	/* published last: a failed build leaves no half table */
	return true;
}
