/*
 * test_core.c — unit tests of the text core without PostgreSQL: exact
 * decimals, numerals, repair and its offset map, blocks, document spans,
 * article bytes to UTF-8.
 * TAP output; exit status 1 when any test fails.  Run from the repo root
 * (it reads the .txt files of tests/data/articles and tests/data/encodings).
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nvfacts_core.h"
#include "quantity_words.h"
#include "../fuzz/standalone_env.h"

#define ARTICLES_DIR "tests/data/articles"
#define ENCODINGS_DIR "tests/data/encodings"

static int	ntests = 0;
static int	nfailed = 0;

static bool
ok(bool cond, const char *fmt,...)
{
	va_list		ap;

	ntests++;
	if (!cond)
		nfailed++;
	printf("%sok %d - ", cond ? "" : "not ", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return cond;
}

static void
diag(const char *fmt,...)
{
	va_list		ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* One scratch env for the whole run, reset by each test that uses it. */
static nvf_env env;
static void *arena;

static const char *
fmt(nvf_dec d)
{
	static char buf[4][NVF_DEC_TEXT];
	static int	k = 0;

	k = (k + 1) % 4;
	if (!d.ok)
		return "(not ok)";
	nvf_dec_format(d, buf[k], NVF_DEC_TEXT);
	return buf[k];
}

static bool
dec_is(nvf_dec d, const char *want, const char *what)
{
	const char *got = fmt(d);

	if (!ok(strcmp(got, want) == 0, "%s = %s", what, want))
		diag("got %s", got);
	return strcmp(got, want) == 0;
}

/* ---- exact decimals --------------------------------------------------- */

static void
test_decimal(void)
{
	nvf_dec		a;

	dec_is(nvf_dec_shift(nvf_dec_make(26044, -2), 8), "26044000000", "260.44 * 10^8");
	dec_is(nvf_dec_shift(nvf_dec_make(25, -1), 4), "25000", "2.5 * 10^4");
	dec_is(nvf_dec_shift(nvf_dec_make(4, 0), -2), "0.04", "4 * 10^-2");
	dec_is(nvf_dec_shift(nvf_dec_make(3, 0), 12), "3000000000000", "3 * 10^12");
	dec_is(nvf_dec_neg(nvf_dec_make(85, -1)), "-8.5", "neg 8.5");
	dec_is(nvf_dec_make(0, 5), "0", "zero with an exponent");
	dec_is(nvf_dec_add(nvf_dec_make(1, -1), nvf_dec_make(2, -1)), "0.3", "0.1 + 0.2 exact");
	dec_is(nvf_dec_add(nvf_dec_make(26044, 6), nvf_dec_make(-44, 6)), "26000000000", "add, mixed signs");
	dec_is(nvf_dec_mul(nvf_dec_make(28, 9), nvf_dec_make(98, -2)), "27440000000", "280亿 * 0.98");
	dec_is(nvf_dec_div(nvf_dec_make(1, 0), nvf_dec_make(3, 0)), "0.333333333333333", "1/3 to 15 digits");
	dec_is(nvf_dec_div(nvf_dec_make(2, 0), nvf_dec_make(3, 0)), "0.666666666666667", "2/3 rounded");
	dec_is(nvf_dec_div(nvf_dec_make(-2, 0), nvf_dec_make(3, 0)), "-0.666666666666667", "-2/3 rounded");
	dec_is(nvf_dec_div(nvf_dec_make(1, 0), nvf_dec_make(25, 0)), "0.04", "1/25 exact");
	ok(!nvf_dec_div(nvf_dec_make(1, 0), nvf_dec_make(0, 0)).ok, "division by zero is not ok");
	dec_is(nvf_dec_make(1, -41), "1E-41", "a tiny value formats exactly");
	dec_is(nvf_dec_make(999999999999999999, 0), "999999999999999999", "18 digits kept");
	ok(!nvf_dec_make(INT64_C(1000000000000000000), 0).ok, "19 digits not ok");
	ok(!nvf_dec_add(nvf_dec_make(999999999999999999, 0), nvf_dec_make(1, 0)).ok,
	   "add overflow not ok");
	ok(!nvf_dec_mul(nvf_dec_make(123456789012, 0), nvf_dec_make(123456789012, 0)).ok,
	   "mul overflow not ok");
	ok(!nvf_dec_shift(nvf_dec_make(1, 0), 100000).ok, "huge exponent not ok");
	a = nvf_dec_shift(nvf_dec_make(1, 0), 3);
	ok(!nvf_dec_add(a, (nvf_dec) {1, 0, false}).ok, "not ok propagates");
	ok(nvf_dec_cmp(nvf_dec_make(25, 3), nvf_dec_make(4, 4)) < 0, "cmp 25000 < 40000");
	ok(nvf_dec_cmp(nvf_dec_make(-5, 0), nvf_dec_make(5, -1)) < 0, "cmp -5 < 0.5");
	ok(nvf_dec_cmp(nvf_dec_make(1, 3), nvf_dec_make(1000, 0)) == 0, "cmp 1e3 == 1000");
	ok(nvf_dec_cmp(nvf_dec_make(1, 300), nvf_dec_make(1, -300)) > 0, "cmp far apart exponents");
	ok(nvf_dec_is_zero(nvf_dec_make(0, 0)) && !nvf_dec_is_zero(nvf_dec_make(1, -9)), "is_zero");
}

/* ---- numerals --------------------------------------------------------- */

static void
number_is(const char *t, const char *want, const char *want_high, size_t want_end_chars)
{
	nvf_number	num;
	bool		found = nvf_read_number(t, strlen(t), 0, &num);
	int64_t		end_chars = found ? nvf_utf8_count(t, num.end) : -1;
	const char *got = found ? fmt(num.value) : "(none)";
	const char *goth = found ? fmt(num.high) : "(none)";
	bool		good = want ? (found && strcmp(got, want) == 0 &&
							   strcmp(goth, want_high ? want_high : want) == 0 &&
							   end_chars == (int64_t) want_end_chars)
		: !found;

	if (!ok(good, "read_number(%s) = %s%s%s", t, want ? want : "none",
			want_high ? ".." : "", want_high ? want_high : ""))
		diag("got %s..%s, end at char %lld", got, goth, (long long) end_chars);
}

static void
test_numerals(void)
{
	char		big[64];
	nvf_number	num;

	number_is("260.44亿美元", "26044000000", NULL, 7);
	number_is("1.635亿", "163500000", NULL, 6);
	number_is("1,000,000美元", "1000000", NULL, 9);
	number_is("一万二千", "12000", NULL, 4);
	number_is("两倍", "2", NULL, 1);
	number_is("十二家", "12", NULL, 2);
	number_is("三百五十万", "3500000", NULL, 5);
	number_is("一千零五", "1005", NULL, 4);
	number_is("一亿二千万", "120000000", NULL, 5);
	number_is("2万5千", "25000", NULL, 4);
	number_is("3万亿", "3000000000000", NULL, 3);
	number_is("三点五", "3.5", NULL, 3);
	number_is("二〇二四年", "2024", NULL, 4);
	number_is("十几家", "11", "19", 2);
	number_is("几十家", "20", "90", 2);
	number_is("数十亿", "2000000000", "9000000000", 3);
	number_is("100多亿", "10000000000", NULL, 5);
	number_is("2百分点", "2", NULL, 1);
	number_is("0亿美元", "0", NULL, 2);
	number_is("零万", "0", NULL, 2);
	number_is("9999万亿", "9999000000000000", NULL, 6);
	number_is("一亿亿", NULL, NULL, 0);
	number_is("5亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿美元", NULL, NULL, 0);
	number_is("万众瞩目", NULL, NULL, 0);
	number_is("百度", NULL, NULL, 0);
	number_is("美元", NULL, NULL, 0);
	ok(nvf_read_number("100多亿", 9, 0, &num) && num.more && num.has_scale && num.has_arabic,
	   "100多亿: more, scaled, Arabic");
	ok(nvf_read_number("一万二千", 12, 0, &num) && num.chinese_only && !num.has_arabic,
	   "一万二千: Chinese only");
	ok(nvf_read_number("3万亿", 7, 0, &num) && num.scale_exp == 12, "3万亿: scale_exp 12");
	ok(nvf_read_number("260亿美元", 12, 3, &num) == false, "no number at 亿");
	memset(big, '7', 30);
	big[30] = '\0';
	ok(!nvf_read_number(big, 30, 0, &num), "30 digits: no number (overflow)");
	memcpy(big + 30, "亿美元", sizeof("亿美元"));
	ok(!nvf_read_number(big, strlen(big), 0, &num), "30 digits + 亿: no number");
}

/* ---- repair and its map ------------------------------------------------ */

/*
 * Every output byte maps into the original, in order; for valid UTF-8 input
 * on character boundaries.
 */
static bool
map_sane(const char *in, size_t len, const nvf_text *t, bool boundaries)
{
	int32_t		prev = 0;

	for (size_t i = 0; i < t->len; i++)
	{
		int32_t		a = t->src[i],
					b = t->srcend[i];

		if (a < 0 || a >= b || (size_t) b > len || a < prev)
			return false;
		if (boundaries && (((unsigned char) in[a] & 0xC0) == 0x80 ||
						   ((size_t) b < len && ((unsigned char) in[b] & 0xC0) == 0x80)))
			return false;
		prev = a;
	}
	return true;
}

static void
normalize_is(const char *in, const char *want)
{
	nvf_text	t,
				m;

	env.reset(env.ctx);
	nvf_normalize_text(&env, in, strlen(in), false, &t);
	if (!ok(strcmp(t.s, want) == 0 && t.len == strlen(want), "repair(%s) = %s", in, want))
		diag("got [%s]", t.s);
	nvf_normalize_text(&env, in, strlen(in), true, &m);
	ok(m.len == t.len && memcmp(m.s, t.s, t.len) == 0 && map_sane(in, strlen(in), &m, true),
	   "repair(%s) with map: same text, sane map", in);
}

static void
test_repair(void)
{
	nvf_text	t;
	const char *in;

	normalize_is("8。5%", "8.5%");
	normalize_is("８。５％", "8.5%");
	normalize_is("英偉達(dá)營收", "英伟达营收");
	normalize_is("英偉達（dá）", "英伟达");
	normalize_is("收⼊", "收入");
	normalize_is("3 亿美元", "3亿美元");
	normalize_is("增长 262 ％", "增长 262%");
	normalize_is("英伟达(NVIDIA)", "英伟达(NVIDIA)");
	normalize_is("完成。5月", "完成。5月");
	normalize_is("", "");
	normalize_is("英偉達(dá)第一季度收⼊為２６０。４４ 億美元，同比增長 262 ％",
			  "英伟达第一季度收入为260.44亿美元,同比增长 262%");

	/* the map of 8。5: '.' stands for the three bytes of 。 */
	env.reset(env.ctx);
	nvf_normalize_text(&env, "8。5", 5, true, &t);
	ok(t.len == 3 && t.src[0] == 0 && t.srcend[0] == 1 && t.src[1] == 1 &&
	   t.srcend[1] == 4 && t.src[2] == 4 && t.srcend[2] == 5, "map of 8。5 -> 8.5");

	/* the map of a dropped space and of pinyin debris */
	env.reset(env.ctx);
	in = "达(dá)3 亿";
	nvf_normalize_text(&env, in, strlen(in), true, &t);
	ok(strcmp(t.s, "达3亿") == 0 && t.src[3] == 8 && t.src[4] == 10 && t.srcend[6] == 13,
	   "map skips pinyin debris and a dropped space");

	/* invalid bytes become U+FFFD, and the output stays valid UTF-8 */
	env.reset(env.ctx);
	in = "a\xEF\x41\xE4\xB8\xff\xC0\x80z";
	nvf_normalize_text(&env, in, strlen(in), true, &t);
	{
		bool		valid = true;
		size_t		i = 0;

		while (i < t.len)
		{
			int			adv;
			uint32_t	c = nvf_utf8_decode((const unsigned char *) t.s + i, t.len - i, &adv);

			if (c == 0xFFFD && adv != 3)
				valid = false;
			i += adv;
		}
		ok(valid && map_sane(in, strlen(in), &t, false), "invalid bytes -> U+FFFD, map sane");
	}
}

/* ---- blocks ------------------------------------------------------------ */

static bool
blocks_sane(const char *s, size_t len, const char *what)
{
	size_t		pos = 0;
	int			n = 0;
	bool		good = true;

	while (pos < len)
	{
		size_t		end = nvf_block_end(s, len, pos);

		if (end <= pos || end > len || end - pos > NVF_BLOCK_MAX ||
			(end < len && ((unsigned char) s[end] & 0xC0) == 0x80))
		{
			diag("%s: bad block [%zu, %zu)", what, pos, end);
			good = false;
			break;
		}
		pos = end;
		n++;
	}
	return ok(good && pos == len && n >= (int) (len / NVF_BLOCK_MAX),
			  "%s: %d blocks <= %d bytes, on char boundaries, cover %zu bytes",
			  what, n, NVF_BLOCK_MAX, len);
}

static char *
repeat(const char *unit, size_t total)
{
	size_t		n = strlen(unit),
				k = total / n;
	char	   *s = malloc(k * n + 1);

	for (size_t i = 0; i < k; i++)
		memcpy(s + i * n, unit, n);
	s[k * n] = '\0';
	return s;
}

static void
test_blocks(void)
{
	char	   *s;
	size_t		end;

	/* 200 KB without a line end, sentence end or comma: cut on characters */
	s = repeat("营收二百六十亿美元", 200 * 1024);
	blocks_sane(s, strlen(s), "200 KB of ideographs, one line");
	free(s);
	s = repeat("英偉達(dá)營收２６０。４４億美元", 200 * 1024);
	blocks_sane(s, strlen(s), "200 KB of mixed text, one line");
	free(s);
	s = repeat("9", 200 * 1024);
	blocks_sane(s, strlen(s), "200 KB of digits");
	free(s);
	s = repeat("\xF0\x9F\x98\x80", 200 * 1024);
	blocks_sane(s, strlen(s), "200 KB of 4-byte characters");
	free(s);
	/* with sentence ends and commas a cut falls after one, never in 8。5 */
	s = repeat("营收260亿美元，", 200 * 1024);
	blocks_sane(s, strlen(s), "200 KB of clauses");
	end = nvf_block_end(s, strlen(s), 0);
	ok(end >= 3 && memcmp(s + end - 3, "，", 3) == 0, "cut after a comma");
	free(s);
	s = repeat("毛利率8。5%。", 200 * 1024);
	end = nvf_block_end(s, strlen(s), 0);
	ok(end >= 3 && memcmp(s + end - 3, "。", 3) == 0 && s[end] != '5' &&
	   end - 0 <= NVF_BLOCK_MAX, "cut after a sentence end, not inside 8。5");
	free(s);
	s = repeat("一行文字。\n", 200 * 1024);
	end = nvf_block_end(s, strlen(s), 0);
	ok(s[end - 1] == '\n' && end >= NVF_BLOCK_TARGET, "cut after a line end past the target");
	free(s);
	ok(nvf_block_end("abc", 3, 0) == 3, "a short text is one block");
}

/* ---- whole documents --------------------------------------------------- */

typedef struct collected
{
	nvf_quantity q[64];
	char	   *surface[64];
	int			n;
} collected;

static void
collect(void *arg, const nvf_quantity *q)
{
	collected  *c = arg;

	if (c->n < 64)
	{
		c->q[c->n] = *q;
		c->surface[c->n] = strdup(q->surface);
	}
	c->n++;
}

/* Byte offset of char index k in s (or len when k is the char count). */
static size_t
byte_of_char(const char *s, size_t len, int64_t k)
{
	size_t		i = 0;
	int			adv;

	while (k-- > 0 && i < len)
	{
		nvf_utf8_decode((const unsigned char *) s + i, len - i, &adv);
		i += adv;
	}
	return i;
}

static bool
surface_matches(const char *doc, size_t len, const nvf_quantity *q, const char *surface)
{
	size_t		a = byte_of_char(doc, len, q->ostart),
				b = byte_of_char(doc, len, q->oend);

	return q->ostart <= q->oend && b - a == strlen(surface) && memcmp(doc + a, surface, b - a) == 0;
}

static void
test_document(void)
{
	const char *filler = "英偉達(dá)收⼊很高，ＡＢＣ公司也是。\n";	/* no quantity */
	const char *target = "英偉達(dá)營收２６０。４４億美元";
	size_t		flen = strlen(filler);
	int64_t		fchars = nvf_utf8_count(filler, flen);
	int			nfill = (int) (2 * NVF_BLOCK_TARGET / flen) + 200;	/* past 2 blocks */
	size_t		cap = (nfill + 200) * flen + 256;
	char	   *doc = malloc(cap);
	size_t		len = 0,
				tpos,
				pos = 0;
	int64_t		tchar;
	int			block = 0,
				tblock = -1;
	collected	c = {0};
	bool		all = true;

	for (int i = 0; i < nfill; i++, len += flen)
		memcpy(doc + len, filler, flen);
	tpos = len;
	tchar = (int64_t) nfill * fchars;
	memcpy(doc + len, target, strlen(target));
	len += strlen(target);
	doc[len++] = '\n';
	for (int i = 0; i < 150; i++, len += flen)
		memcpy(doc + len, filler, flen);
	memcpy(doc + len, "约3万块", strlen("约3万块"));
	len += strlen("约3万块");
	doc[len] = '\0';

	while (pos < len)
	{
		size_t		end = nvf_block_end(doc, len, pos);

		if (tpos >= pos && tpos < end)
			tblock = block;
		pos = end;
		block++;
	}
	ok(block >= 3 && tblock == 2, "the document has %d blocks, the target is in block %d", block, tblock + 1);

	nvf_document_quantities(&env, doc, len, collect, &c);
	ok(c.n == 2, "two quantities in the document (got %d)", c.n);
	if (c.n >= 1)
	{
		ok(c.q[0].ostart == tchar + 9 && c.q[0].oend == tchar + 18,
		   "3rd block: char span [%lld, %lld) (got [%lld, %lld))",
		   (long long) tchar + 9, (long long) tchar + 18,
		   (long long) c.q[0].ostart, (long long) c.q[0].oend);
		ok(strcmp(c.surface[0], "２６０。４４億美元") == 0 && strcmp(fmt(c.q[0].value), "26044000000") == 0 &&
		   c.q[0].unit == NVF_UNIT_USD, "3rd block: surface, value and unit");
	}
	if (c.n >= 2)
		ok(c.q[1].ostart == nvf_utf8_count(doc, len) - 3 && c.q[1].oend == nvf_utf8_count(doc, len) &&
		   c.q[1].approx == NVF_APPROX_ABOUT, "last block: 约3万块 at the very end");
	for (int i = 0; i < c.n && i < 64; i++)
		all = all && surface_matches(doc, len, &c.q[i], c.surface[i]);
	ok(all, "every surface equals the original chars of its span");
	for (int i = 0; i < c.n && i < 64; i++)
		free(c.surface[i]);
	free(doc);
}

/* ---- the fixture articles ---------------------------------------------- */

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	*len = fread(buf, 1, n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

typedef struct span_check
{
	const char *doc;
	size_t		len;
	int			n;
	int			bad;
} span_check;

static void
check_span(void *arg, const nvf_quantity *q)
{
	span_check *sc = arg;

	sc->n++;
	if (!surface_matches(sc->doc, sc->len, q, q->surface) ||
		((q->flags & NVF_Q_RANGE) && nvf_dec_cmp(q->low, q->high) > 0))
		sc->bad++;
}

static void
test_articles(void)
{
	DIR		   *d = opendir(ARTICLES_DIR);
	struct dirent *e;
	int			files = 0;

	if (!ok(d != NULL, "open %s", ARTICLES_DIR))
		return;
	while ((e = readdir(d)) != NULL)
	{
		char		path[512];
		size_t		len,
					n = strlen(e->d_name);
		char	   *text;
		nvf_text	once,
					twice,
					mapped;
		span_check	sc = {0};

		if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", ARTICLES_DIR, e->d_name);
		if (!(text = read_file(path, &len)))
			continue;
		files++;
		env.reset(env.ctx);
		nvf_normalize_text(&env, text, len, false, &once);
		nvf_normalize_text(&env, once.s, once.len, false, &twice);
		ok(once.len == twice.len && memcmp(once.s, twice.s, once.len) == 0,
		   "%s: normalize(normalize(x)) = normalize(x)", e->d_name);
		nvf_normalize_text(&env, text, len, true, &mapped);
		ok(mapped.len == once.len && memcmp(mapped.s, once.s, once.len) == 0 &&
		   map_sane(text, len, &mapped, true), "%s: the map is sane", e->d_name);
		sc.doc = text;
		sc.len = len;
		env.reset(env.ctx);
		nvf_document_quantities(&env, text, len, check_span, &sc);
		ok(sc.n > 0 && sc.bad == 0, "%s: %d quantities, spans and ranges sane", e->d_name, sc.n);
		free(text);
	}
	closedir(d);
	ok(files >= 5, "%d fixture articles read", files);
}

/* ---- article bytes to UTF-8 -------------------------------------------- */

/* Decoding in[0..len) as encoding gives exactly want, detected as want_enc. */
static void
decodes_to(const char *in, size_t len, const char *encoding, const char *want,
		   const char *want_enc, const char *what)
{
	nvf_decoded d;
	const char *err;

	env.reset(env.ctx);
	err = nvf_decode_article(&env, in, len, encoding, &d);
	if (!ok(!err && d.len == strlen(want) && memcmp(d.text, want, d.len) == 0 &&
			d.text[d.len] == '\0' && strcmp(d.encoding, want_enc) == 0,
			"decode %s ('%s') as %s", what, encoding, want_enc))
		diag("got %s", err ? err : d.encoding);
}

/* Decoding in[0..len) as encoding fails with exactly want_err. */
static void
decode_fails(const char *in, size_t len, const char *encoding, const char *want_err,
			 const char *what)
{
	nvf_decoded d;
	const char *err;

	env.reset(env.ctx);
	err = nvf_decode_article(&env, in, len, encoding, &d);
	if (!ok(err && strcmp(err, want_err) == 0 && d.text == NULL,
			"decode %s ('%s'): %s", what, encoding, want_err))
		diag("got %s", err ? err : "success");
}

static int	interrupt_checks = 0;

static void
count_interrupts(void *ctx)
{
	(void) ctx;
	interrupt_checks++;
}

/* prefix, then unit repeated n times, then suffix: a fresh malloc'd string */
static char *
build(const char *prefix, size_t plen, const char *unit, size_t ulen, size_t n,
	  const char *suffix, size_t slen, size_t *len)
{
	char	   *s = malloc(plen + ulen * n + slen + 1);

	memcpy(s, prefix, plen);
	for (size_t i = 0; i < n; i++)
		memcpy(s + plen + i * ulen, unit, ulen);
	memcpy(s + plen + ulen * n, suffix, slen);
	*len = plen + ulen * n + slen;
	s[*len] = '\0';
	return s;
}

static void
test_charset(void)
{
	const char *gb = "\xD3\xA2\xCE\xB0\xB4\xEF\xD3\xAA\xCA\xD5\x32\x36\x30\xD2\xDA\xC3\xC0"
		"\xD4\xAA\xA3\xAC\xCD\xAC\xB1\xC8\xD4\xF6\xB3\xA4\x31\x38\x25";
	const char *gb_text = "英伟达营收260亿美元，同比增长18%";
	char	   *big,
			   *want;
	size_t		len,
				wlen;
	void		(*saved) (void *ctx);

	decodes_to("營收260億美元", strlen("營收260億美元"), "auto", "營收260億美元", "UTF-8", "plain UTF-8");
	decodes_to("\xEF\xBB\xBF營收", 9, "auto", "營收", "UTF-8", "UTF-8 with a BOM");
	decodes_to("\xEF\xBB\xBF營收", 9, "utf8", "營收", "UTF-8", "UTF-8 with a BOM");
	decodes_to("\xFF\xFE\xDF\x71\x36\x65\x31\x00\x3D\xD8\x00\xDE", 12, "auto", "營收1😀", "UTF-16LE",
			   "UTF-16LE with a BOM");
	decodes_to("\xFE\xFF\x71\xDF\x65\x36\x00\x31\xD8\x3D\xDE\x00", 12, "auto", "營收1😀", "UTF-16BE",
			   "UTF-16BE with a BOM");
	decodes_to(gb, strlen(gb), "auto", gb_text, "GB18030", "GB18030 bytes");
	decodes_to(gb, strlen(gb), "gb18030", gb_text, "GB18030", "GB18030 bytes");
	decodes_to(gb, 10, "gbk", "英伟达营收", "GBK", "GBK bytes");
	decodes_to("\x94\x39\xFC\x36", 4, "GB18030", "😀", "GB18030", "a 4-byte GB18030 sequence");
	decodes_to("a\r\nb\rc\n\r\r\nd\r", 12, "auto", "a\nb\nc\n\n\nd\n", "UTF-8", "CR LF and lone CRs");
	decodes_to("", 0, "auto", "", "UTF-8", "an empty file");
	decodes_to("", 0, "big5", "", "Big5", "an empty file");

	decode_fails("abc\0def", 7, "auto", "binary content (NUL byte at byte offset 3)", "a NUL byte");
	decode_fails("abc\0def", 7, "gbk", "binary content (NUL byte at byte offset 3)", "a NUL byte");
	decode_fails("\xFF\xFE" "a\0\0\0", 6, "auto", "binary content (NUL byte at byte offset 4)",
				 "UTF-16 U+0000");
	decode_fails("ab\xE4\xB8z", 5, "utf8",
				 "invalid byte sequence for encoding UTF-8 at byte offset 2", "bad UTF-8");
	decode_fails("ab\xE4\xB8", 4, "utf8",
				 "invalid byte sequence for encoding UTF-8 at byte offset 2", "truncated UTF-8");
	decode_fails("ab\xED\xA0\x80z", 6, "utf8",
				 "invalid byte sequence for encoding UTF-8 at byte offset 2", "a UTF-8 surrogate");
	decode_fails("\xFF\xFE" "a\0b", 5, "auto",
				 "invalid byte sequence for encoding UTF-16LE at byte offset 4", "odd-length UTF-16");
	decode_fails("\xFF\xFE" "a\0\x00\xD8" "b\0", 8, "auto",
				 "invalid byte sequence for encoding UTF-16LE at byte offset 4", "a lone surrogate");
	decode_fails("ab\xD6\xD0\x81\x30\x81z", 8, "gb18030",
				 "invalid byte sequence for encoding GB18030 at byte offset 4", "bad GB18030");
	decode_fails("ab\xA4\xA4\xA4\x30z", 7, "big5",
				 "invalid byte sequence for encoding Big5 at byte offset 4", "bad Big5");
	decode_fails("caf\xE9 au lait", 12, "auto",
				 "invalid byte sequence for encoding UTF-8 at byte offset 3",
				 "Latin-1 (nothing decodes further than UTF-8: reported as bad UTF-8)");
	decode_fails("\xD6\xD0\xCE\xC4\x81\x20", 6, "auto",
				 "cannot detect the encoding (not UTF-8, GB18030 or Big5)",
				 "GB18030-like bytes that neither GB18030 nor Big5 decode");
	decode_fails("abc", 3, "latin9x", "unknown encoding \"latin9x\"", "an unknown encoding");
	ok(!nvf_encoding_known("latin9x") && !nvf_encoding_known("") && !nvf_encoding_known(NULL),
	   "unknown encoding names are not known");
	ok(nvf_encoding_known("auto") && nvf_encoding_known("utf8") && nvf_encoding_known("gbk") &&
	   nvf_encoding_known("big5") && nvf_encoding_known("utf-16le") && nvf_encoding_known("GB18030"),
	   "auto and ICU's names are known");

	/* across ICU calls (8192 units each): a CR LF pair, a surrogate pair */
	big = build("", 0, "a", 1, 8191, "\r\nb", 3, &len);
	want = build("", 0, "a", 1, 8191, "\nb", 2, &wlen);
	decodes_to(big, len, "auto", want, "UTF-8", "CR LF across two ICU calls");
	free(big);
	free(want);
	big = build("\xFF\xFE", 2, "\x3D\xD8\x00\xDE", 4, 5000, "", 0, &len);
	want = build("", 0, "😀", 4, 5000, "", 0, &wlen);
	decodes_to(big, len, "auto", want, "UTF-16LE", "surrogate pairs across ICU calls");
	free(big);
	free(want);
	/* large input: 16 MB of GB18030, an error near its end */
	big = build("", 0, gb, strlen(gb), 16 * 1024 * 1024 / strlen(gb), "", 0, &len);
	want = build("", 0, gb_text, strlen(gb_text), 16 * 1024 * 1024 / strlen(gb), "", 0, &wlen);
	saved = env.check_interrupts;
	env.check_interrupts = count_interrupts;
	decodes_to(big, len, "auto", want, "GB18030", "16 MB of GB18030");
	env.check_interrupts = saved;
	ok(interrupt_checks >= (int) (len / (64 * 1024)),
	   "interrupts checked at least every 64 KB (%d times)", interrupt_checks);
	big[len - 3] = '\xFF';
	{
		char		msg[128];

		snprintf(msg, sizeof(msg), "invalid byte sequence for encoding GB18030 at byte offset %zu", len - 3);
		decode_fails(big, len, "gb18030", msg, "16 MB of GB18030, bad near the end");
	}
	free(big);
	free(want);
}

/* A file of tests/data/encodings (malloc'd), or NULL after a failed test. */
static char *
read_fixture(const char *name, size_t *len)
{
	char		path[512];
	char	   *s;

	snprintf(path, sizeof(path), "%s/%s", ENCODINGS_DIR, name);
	if (!(s = read_file(path, len)))
		ok(false, "read %s", path);
	return s;
}

/* Every encoded fixture of the same article decodes to utf8.txt. */
static void
test_encoding_fixtures(void)
{
	static const char *const cases[][3] = {
		{"utf8.txt", "auto", "UTF-8"},
		{"utf8-bom.txt", "auto", "UTF-8"},
		{"crlf-utf8.txt", "auto", "UTF-8"},
		{"utf16le.txt", "auto", "UTF-16LE"},
		{"utf16be.txt", "auto", "UTF-16BE"},
		{"gb18030.txt", "auto", "GB18030"},
		{"big5.txt", "auto", "Big5"},
		{"utf8-bom.txt", "utf8", "UTF-8"},
		{"utf16le.txt", "utf-16le", "UTF-16LE"},
		{"utf16be.txt", "utf-16", "UTF-16"},
		{"gb18030.txt", "gbk", "GBK"},
		{"big5.txt", "big5", "Big5"},
	};
	const char *bad_utf8 = "invalid byte sequence for encoding UTF-8 at byte offset 289";
	size_t		wlen,
				len;
	char	   *want,
			   *in;

	if (!(want = read_fixture("utf8.txt", &wlen)))
		return;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		if ((in = read_fixture(cases[i][0], &len)) != NULL)
			decodes_to(in, len, cases[i][1], want, cases[i][2], cases[i][0]);
		free(in);
	}
	free(want);
	if ((in = read_fixture("binary.bin", &len)) != NULL)
		decode_fails(in, len, "auto", "binary content (NUL byte at byte offset 8)", "binary.bin");
	free(in);
	if ((in = read_fixture("corrupt-utf8.txt", &len)) != NULL)
	{
		decode_fails(in, len, "utf8", bad_utf8, "corrupt-utf8.txt");
		decode_fails(in, len, "auto", bad_utf8, "corrupt-utf8.txt");
	}
	free(in);
}

/* ---- facts with the shipped lexicon ------------------------------------- */

typedef struct fact_rows
{
	const nvf_lexicon *lex;
	char		rows[8][160];
	int			n;
} fact_rows;

static void
keep_fact(void *arg, const nvf_fact *f)
{
	fact_rows  *fr = arg;
	char		v[NVF_DEC_TEXT];

	if (fr->n == 8)
		return;
	nvf_dec_format(f->value, v, sizeof(v));
	snprintf(fr->rows[fr->n++], sizeof(fr->rows[0]), "%s %s %s %s %s %d Q%d [%lld,%lld)",
			 nvf_lexicon_entity(fr->lex, f->entity) ? nvf_lexicon_entity(fr->lex, f->entity)->name : "-",
			 nvf_lexicon_metric(fr->lex, f->metric)->key, nvf_measure_names[f->measure], v,
			 nvf_unit_names[f->unit],
			 f->period.fy, f->period.fq, (long long) f->ostart, (long long) f->oend);
}

/* ---- vocabularies ------------------------------------------------------ */

/* Every name array covers its enum; money is the listed currencies only. */
static void
test_vocab(void)
{
	int			money = 0;

	for (int u = NVF_UNIT_NONE + 1; u < NVF_UNIT_N_; u++)
		money += nvf_unit_is_money((nvf_unit) u);
	ok(money == 9 && nvf_unit_is_money(NVF_UNIT_MYR) && !nvf_unit_is_money(NVF_UNIT_PERCENT) &&
	   !nvf_unit_is_money(NVF_UNIT_ITEMS) && !nvf_unit_is_money(NVF_UNIT_NONE),
	   "money is an allow-list of the 9 currencies (not %%, pp, x, count or none)");
	ok(nvf_unit_names[NVF_UNIT_NONE] == NULL && strcmp(nvf_unit_names[NVF_UNIT_ITEMS], "count") == 0 &&
	   strcmp(nvf_unit_names[NVF_UNIT_TIMES], "x") == 0, "unit names: none is NULL, count, x");
	ok(strcmp(nvf_measure_names[NVF_MEASURE_N_ - 1], "surprise") == 0 &&
	   strcmp(nvf_status_names[NVF_STATUS_N_ - 1], "forecast") == 0 &&
	   strcmp(nvf_basis_names[NVF_BASIS_N_ - 1], "non_gaap") == 0 &&
	   strcmp(nvf_cue_names[NVF_CUE_COUNT_ - 1], "authorized") == 0 &&
	   strcmp(nvf_period_kind_names[NVF_PK_COUNT_ - 1], "ttm") == 0,
	   "each name array ends with its enum's last value");
	ok(nvf_vocab_find(nvf_cue_names, NVF_CUE_COUNT_, "latter") == NVF_CUE_LATTER &&
	   nvf_vocab_find(nvf_basis_names, NVF_BASIS_N_, "gaap") == NVF_BASIS_GAAP &&
	   nvf_vocab_find(nvf_basis_names, NVF_BASIS_N_, NULL) == -1 &&
	   nvf_vocab_find(nvf_family_names, NVF_FAMILY_N_, "ratio") == -1,
	   "names read back to their values; NULL and unknown names to -1");
}

/* ---- the table of quantity words ---------------------------------------- */

/* The one quantity in text (normalized first), or false. */
static bool
one_quantity(const char *text, nvf_quantity *q)
{
	nvf_text	t;
	nvf_quantity *qs;

	nvf_normalize_text(&env, text, strlen(text), false, &t);
	if (nvf_scan_quantities(&env, &t, &qs) != 1)
		return false;
	*q = qs[0];
	return true;
}

/*
 * Every row of quantity_words.c of the roles that give a unit or an
 * approximation is read where its role says: a unit after 12, a currency
 * before it, an approximation before or after 12美元.
 */
static void
test_quantity_words(void)
{
	int			rows = 0,
				wrong = 0;

	for (const qword *w = nvf_quantity_words; w->word; w++)
	{
		char		text[128];
		nvf_quantity q;
		bool		good;

		switch (w->role)
		{
			case QW_UNIT:
				snprintf(text, sizeof(text), "营收12%s。", w->word);
				good = one_quantity(text, &q) && q.unit == w->unit;
				break;
			case QW_PREFIX_CURRENCY:
				snprintf(text, sizeof(text), "营收%s12亿。", w->word);
				good = one_quantity(text, &q) && q.unit == w->unit;
				break;
			case QW_APPROX_BEFORE:
				snprintf(text, sizeof(text), "营收%s 12美元。", w->word);
				good = one_quantity(text, &q) && q.approx == w->approx;
				break;
			case QW_APPROX_AFTER:
				snprintf(text, sizeof(text), (w->flags & QW_MULTIPLE_ONLY) ? "增长12倍%s。" : "营收12美元%s。", w->word);
				good = one_quantity(text, &q) && q.approx == w->approx;
				break;
			default:
				continue;
		}
		rows++;
		if (!good)
		{
			wrong++;
			diag("not read: %s", text);
		}
		env.reset(env.ctx);
	}
	ok(rows > 90 && wrong == 0, "each of the %d unit, currency and approximation words of the table is read", rows);
}

/* lexicon_data.sql parsed as the fuzzer parses it gives the README's first facts. */
static void
test_extract(void)
{
	static const char doc[] = "英伟达2025财年第一季度营收为260.44亿美元，同比增长262%。";
	nvf_env		lex_env,
				doc_env;
	void	   *lex_arena,
			   *doc_arena;
	fact_rows	fr = {NULL, {{0}}, 0};

	standalone_env_init(&lex_env, &lex_arena);
	standalone_env_init(&doc_env, &doc_arena);
	fr.lex = standalone_lexicon_load(&lex_env, "extension/lexicon_data.sql");
	if (!ok(fr.lex != NULL && nvf_lexicon_find(fr.lex, NVF_TERM_ENTITY, "NVIDIA") >= 0,
			"the shipped lexicon loads from lexicon_data.sql"))
		return;
	env.reset(env.ctx);
	nvf_document_facts(&doc_env, &env, fr.lex, doc, strlen(doc), (nvf_date) {0, 0, 0}, keep_fact, &fr);
	ok(fr.n == 2 && strcmp(fr.rows[0], "NVIDIA revenue level 26044000000 USD 2025 Q1 [16,25)") == 0 &&
	   strcmp(fr.rows[1], "NVIDIA revenue yoy 262 % 2025 Q1 [30,34)") == 0,
	   "extract without PostgreSQL: the README's two facts");
	for (int i = 0; i < fr.n; i++)
		diag("%s", fr.rows[i]);
	doc_env.reset(doc_env.ctx);
	lex_env.reset(lex_env.ctx);
}

int
main(void)
{
	if (!standalone_core_init())
	{
		printf("1..0 # SKIP core init failed\n");
		return 1;
	}
	standalone_env_init(&env, &arena);
	test_decimal();
	test_numerals();
	test_repair();
	test_blocks();
	test_document();
	test_articles();
	test_charset();
	test_encoding_fixtures();
	test_vocab();
	test_quantity_words();
	test_extract();
	env.reset(env.ctx);
	printf("1..%d\n", ntests);
	if (nfailed)
		printf("# %d of %d tests failed\n", nfailed, ntests);
	return nfailed ? 1 : 0;
}
