/*
 * patterns.c — PCRE2 patterns for text that looks numeric but is not a
 * quantity (URLs, dates, times, phone numbers).  Compiled and JIT-compiled
 * once per process; every match runs under explicit match and depth limits,
 * and its match data comes from the caller's env (freed with it).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "nvfacts_core.h"

#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 1000

/* an English month name, the group holding its first three letters */
#define ENGLISH_MONTH "(?i:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?)"

/*
 * NVF_PAT_PUBDATE's alternatives that may start anywhere in a line: year,
 * month, day in groups 1-3 (a labelled date), 4-6 (a date with its time or
 * source, 2024-02-21 07:32, 2024年2月21日 07:32, 2024-02-21 来源：), 7-9 (a
 * dateline: 2024年2月21日——, 2024年2月21日（星期三）, 2024年2月21日 星期三).
 */
#define PUBDATE_INLINE \
	"(?:发表于|发布于|发布时间|发表时间|最后更新|更新时间|更新于|发布日期|日期|[Dd]ate) ?:? ?" \
	"((?:19|20)[0-9]{2}) ?[-/.年] ?([0-9]{1,2}) ?[-/.月] ?([0-9]{1,2})" \
	"|(?<![0-9])((?:19|20)[0-9]{2}) ?[-/.年] ?([0-9]{1,2}) ?[-/.月] ?([0-9]{1,2}) ?日?(?: +[0-9]{1,2}:[0-9]{2}| *来源| *來源)" \
	"|(?<![0-9])((?:19|20)[0-9]{2}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日 ?(?:——|—|│|\\||电|讯" \
	"|\\((?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\\)|(?:星期|周|週|礼拜|禮拜)[一二三四五六日天])"

/*
 * Its alternatives that need a line of their own, so start only at a line
 * start: year, month, day in groups 10-12 (a line holding only a date);
 * 13-15 day, month, year (30/01/2026 on its own line); 16-18 month name,
 * day, year; 19-21 day, month name, year: an English date on a line of its
 * own, labelled or with its time (Published: Nov 20, 2025 / 20 November
 * 2025 08:15 ET).
 */
#define PUBDATE_LINE \
	"(?m:^ *((?:19|20)[0-9]{2})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2}) *$)" \
	"|(?m:^ *([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2}) *$)" \
	"|(?m:^ *(?:(?:Published|Updated|Posted|Date)[ :]*)?(?:" ENGLISH_MONTH " ([0-9]{1,2}),? ((?:19|20)[0-9]{2})" \
	"|([0-9]{1,2}) " ENGLISH_MONTH ",? ((?:19|20)[0-9]{2}))(?: +[0-9]{1,2}:[0-9]{2}[ -~]*)? *$)"

static const char *const pattern_src[NVF_PAT_COUNT_] = {
	/* NVF_PAT_URL (printable ASCII only, and url_hint's marks: see url_spans) */
	"(?:https?://|www\\.)[!-~]+"
	"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"
	"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
	"\\.(?:com|cn|net|org|io|ai|hk|tw|info|co)(?![A-Za-z0-9])(?:/[!-~]*)?",
	/* NVF_PAT_DATETIME */
	"(?<![0-9.])(?:"
	"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"	/* 2024-05-23 */
	"|(?<![A-Za-z])[0-9]{1,2}[:!][0-9]{2}(?::[0-9]{2})?(?![0-9%])"	/* 12:50:49, 2!00; not Q3:31亿 */
	"|[0-9]{3,4}-[0-9]{3,4}-[0-9]{3,4}"	/* 400-820-1234 */
	"|1[3-9][0-9]{9}(?![0-9])"	/* mobile numbers */
	"|[0-9]{2,4}年[0-9]{1,2}月(?:[0-9]{1,2}[日号])?"
	"|[0-9]{1,2}月[0-9]{1,2}[日号]"
	")",
	/* NVF_PAT_PUBDATE: PUBDATE_INLINE, then PUBDATE_LINE */
	PUBDATE_INLINE "|" PUBDATE_LINE
};

typedef struct compiled_pattern
{
	pcre2_code *re;
	bool		jit;
} compiled_pattern;

static compiled_pattern compiled[NVF_PAT_COUNT_];

/*
 * Variants tried at candidates: NVF_PAT_DATETIME anchored (datetime_spans),
 * NVF_PAT_PUBDATE anchored and its PUBDATE_INLINE alone (pubdate_in_line).
 */
static compiled_pattern datetime_anchored,
			pubdate_anchored,
			pubdate_inline;

static bool
compile_pattern(const char *src, uint32_t options, compiled_pattern *out, char *errbuf,
				size_t errlen)
{
	int			errcode;
	PCRE2_SIZE	erroff;
	pcre2_code *re;

	if (out->re)
		return true;			/* compiled by an earlier call */
	re = pcre2_compile((PCRE2_SPTR) src, PCRE2_ZERO_TERMINATED,
					   PCRE2_UTF | PCRE2_NO_UTF_CHECK | options, &errcode, &erroff, NULL);
	if (!re)
	{
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		snprintf(errbuf, errlen, "pattern \"%.32s\" does not compile at %zu: %s",
				 src, (size_t) erroff, (char *) msg);
		return false;
	}
	out->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	out->re = re;
	return true;
}

bool
nvf_patterns_init(char *errbuf, size_t errlen)
{
	for (int id = 0; id < NVF_PAT_COUNT_; id++)
		if (!compile_pattern(pattern_src[id], 0, &compiled[id], errbuf, errlen))
			return false;
	return compile_pattern(pattern_src[NVF_PAT_DATETIME], PCRE2_ANCHORED, &datetime_anchored,
						   errbuf, errlen) &&
		compile_pattern(pattern_src[NVF_PAT_PUBDATE], PCRE2_ANCHORED, &pubdate_anchored,
						errbuf, errlen) &&
		compile_pattern(PUBDATE_INLINE, 0, &pubdate_inline, errbuf, errlen);
}

/* PCRE2's allocator hooks: memory from the env, released with it. */
static void *
env_malloc(PCRE2_SIZE size, void *data)
{
	return nvf_alloc((nvf_env *) data, size);
}

static void
env_free(void *ptr, void *data)
{
	(void) ptr;
	(void) data;
}

/* Match data and limits for one search, all from env. */
static pcre2_match_data *
search_setup(nvf_env *env, nvf_pattern_id id, pcre2_match_context **mc)
{
	pcre2_general_context *gc = pcre2_general_context_create(env_malloc, env_free, env);

	*mc = pcre2_match_context_create(gc);
	pcre2_set_match_limit(*mc, MATCH_LIMIT);
	pcre2_set_depth_limit(*mc, DEPTH_LIMIT);
	return pcre2_match_data_create_from_pattern(compiled[id].re, gc);
}

static int
search(const compiled_pattern *cp, const char *t, size_t len, size_t pos,
	   pcre2_match_data *md, pcre2_match_context *mc)
{
	return cp->jit
		? pcre2_jit_match(cp->re, (PCRE2_SPTR) t, len, pos, 0, md, mc)
		: pcre2_match(cp->re, (PCRE2_SPTR) t, len, pos, PCRE2_NO_UTF_CHECK, md, mc);
}

/* A growable array of spans from env. */
typedef struct span_list
{
	nvf_span   *items;
	int			n;
	int			cap;
} span_list;

static void
span_push(nvf_env *env, span_list *l, size_t start, size_t end)
{
	if (l->n == l->cap)
	{
		int			cap = 2 * l->cap;
		nvf_span   *bigger = nvf_alloc(env, cap * sizeof(nvf_span));

		memcpy(bigger, l->items, l->n * sizeof(nvf_span));
		l->items = bigger;
		l->cap = cap;
	}
	l->items[l->n].start = start;
	l->items[l->n].end = end;
	l->n++;
}

/*
 * Appends the matches starting in t[from..len), the subject ending at len
 * (what comes before from is still seen by lookbehinds).  False when a
 * limit stopped the search.
 */
static bool
spans_from(nvf_env *env, nvf_pattern_id id, const char *t, size_t from, size_t len,
		   pcre2_match_data *md, pcre2_match_context *mc, span_list *out)
{
	size_t		pos = from;

	while (pos <= len)
	{
		int			rc = search(&compiled[id], t, len, pos, md, mc);
		PCRE2_SIZE *ov;

		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0)
			return false;
		ov = pcre2_get_ovector_pointer(md);
		span_push(env, out, ov[0], ov[1]);
		pos = nvf_char_boundary(t, len, ov[1] > ov[0] ? ov[1] : ov[1] + 1);
	}
	return true;
}

/*
 * NVF_PAT_URL run by run.  Each of its matches lies inside one run of
 * printable ASCII ([!-~]) and holds "://", "www.", "@" or a dot before a
 * lowercase letter, so each run is searched on its own, as a subject ending
 * there: a match attempt never reads past its run, and the match limit and
 * the JIT stack are spent per attempt, so the matches, and the limits hit,
 * are those of a search over the whole text.  A run without any of these
 * and shorter than URL_QUIET_RUN can neither match nor exhaust a limit
 * (that takes thousands of characters): it is skipped.  Chinese text has
 * a run at every number, and the search over all of them cost more than
 * the rest of the quantity scan.
 */
#define URL_QUIET_RUN 64

static bool
url_hint(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (t[i] == '@' ||
			(t[i] == ':' && i + 2 < b && t[i + 1] == '/' && t[i + 2] == '/') ||
			(t[i] == '.' && i + 1 < b && t[i + 1] >= 'a' && t[i + 1] <= 'z') ||
			(t[i] == '.' && i >= a + 3 && memcmp(t + i - 3, "www", 3) == 0))
			return true;
	return false;
}

/*
 * The scans below look for runs of ASCII bytes in a range (printable, or
 * digits) in text that is mostly bytes of multibyte characters, with
 * ASCII bytes (digits, commas made ASCII by normalization) every few
 * characters: eight bytes at a time (nvf_load_word).
 */

/*
 * High bits at the bytes of x in [lo, hi] (0 < lo <= hi < 0x7F), exactly:
 * each byte is compared in its own seven low bits, no borrow or carry
 * crosses into the next.
 */
static inline uint64_t
bytes_in_range(uint64_t x, unsigned char lo, unsigned char hi)
{
	uint64_t	low7 = x & ~NVF_HIGHS;
	uint64_t	at_least = (low7 | NVF_HIGHS) - NVF_ONES * lo;
	uint64_t	at_most = ~(low7 + NVF_ONES * (0x7F - hi));

	return at_least & at_most & ~x & NVF_HIGHS;
}

/*
 * The first byte at or after i in t[0..len) that is in [lo, hi] (inside) or
 * is not (!inside), or len.
 */
static inline size_t
next_byte(const char *t, size_t i, size_t len, unsigned char lo, unsigned char hi, bool inside)
{
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	marks = bytes_in_range(nvf_load_word(t + i), lo, hi);

		if (!inside)
			marks = ~marks & NVF_HIGHS;
		if (marks)
			return i + nvf_first_marked(marks);
	}
	while (i < len && ((unsigned char) t[i] >= lo && (unsigned char) t[i] <= hi) != inside)
		i++;
	return i;
}

/* printable ASCII, [!-~] */
#define PRINTABLE_LO '!'
#define PRINTABLE_HI '~'

static bool
url_spans(nvf_env *env, const char *t, size_t len, pcre2_match_data *md,
		  pcre2_match_context *mc, span_list *out)
{
	size_t		a = 0;

	for (;;)
	{
		size_t		b;

		a = next_byte(t, a, len, PRINTABLE_LO, PRINTABLE_HI, true);
		if (a == len)
			return true;
		b = next_byte(t, a, len, PRINTABLE_LO, PRINTABLE_HI, false);
		if ((b - a >= URL_QUIET_RUN || url_hint(t, a, b)) &&
			!spans_from(env, NVF_PAT_URL, t, a, b, md, mc, out))
			return false;
		a = b;
	}
}

/*
 * NVF_PAT_DATETIME at its candidates only.  A match starts with a digit
 * not after a digit (its lookbehind), and whichever alternative matches
 * reads the whole run of digits there: after each comes a non-digit it
 * names (- / . : ! or 年 月) or (?![0-9]) after eleven digits.  So only a
 * digit run followed by one of those bytes (年 and 月 by their lead bytes)
 * or eleven digits long can start a match.  The anchored pattern is tried
 * at each candidate in text order: the first match is the leftmost, the
 * one the search over the whole text finds, and the lookbehind still sees
 * the text before.  A search over all of Chinese text for these cost as
 * much as the rest of the quantity scan.
 */
static bool
datetime_candidate(const char *t, size_t start, size_t end, size_t len)
{
	unsigned char c = end < len ? (unsigned char) t[end] : 0;

	return end - start == 11 || c == '-' || c == '/' || c == '.' || c == ':' ||
		c == '!' || c == 0xE5 || c == 0xE6;
}

static bool
datetime_spans(nvf_env *env, const char *t, size_t len, pcre2_match_data *md,
			   pcre2_match_context *mc, span_list *out)
{
	size_t		a = 0;

	while ((a = next_byte(t, a, len, '0', '9', true)) < len)
	{
		size_t		b = next_byte(t, a, len, '0', '9', false);
		int			rc;
		PCRE2_SIZE *ov;

		if (!datetime_candidate(t, a, b, len) ||
			(rc = search(&datetime_anchored, t, len, a, md, mc)) == PCRE2_ERROR_NOMATCH)
		{
			a = b;
			continue;
		}
		if (rc < 0)
			return false;
		ov = pcre2_get_ovector_pointer(md);
		span_push(env, out, ov[0], ov[1]);
		a = nvf_char_boundary(t, len, ov[1]);
	}
	return true;
}

/* Does ' ?[-/.年] ?' and a digit start at t[i]? */
static bool
date_follows(const char *t, size_t i, size_t len)
{
	i += i < len && t[i] == ' ';
	if (i < len && (t[i] == '-' || t[i] == '/' || t[i] == '.'))
		i++;
	else if (len - i >= 3 && memcmp(t + i, "年", 3) == 0)
		i += 3;
	else
		return false;
	i += i < len && t[i] == ' ';
	return i < len && t[i] >= '0' && t[i] <= '9';
}

/*
 * Could PUBDATE_INLINE match in t[from..len)?  Each of its alternatives reads
 * a year (19xx or 20xx) after a non-digit (a label, or its lookbehind), then
 * date_follows: a run of four such digits.
 */
static bool
year_dated(const char *t, size_t from, size_t len)
{
	size_t		a = from;

	while ((a = next_byte(t, a, len, '0', '9', true)) < len)
	{
		size_t		b = next_byte(t, a, len, '0', '9', false);

		if (b - a == 4 && (t[a] == '1' ? t[a + 1] == '9' : t[a] == '2' && t[a + 1] == '0') &&
			date_follows(t, b, len))
			return true;
		a = b;
	}
	return false;
}

/*
 * NVF_PAT_PUBDATE over one line, t[from..len) (from at a line start, no line
 * end after it): PUBDATE_LINE can match only at from, so the whole pattern
 * is tried anchored there (its alternatives in their order), then
 * PUBDATE_INLINE (the same groups) from there on.  That first match is the
 * one a search of the whole pattern finds; but PCRE2 skips to the bytes
 * PUBDATE_INLINE can start with, where the line-start alternatives left it
 * trying every byte, and the lines searched hold a year, most Chinese lines
 * of a financial text.  PUBDATE_INLINE is not tried on a line where
 * year_dated finds it cannot match.
 */
static int
pubdate_in_line(const char *t, size_t len, size_t from, pcre2_match_data *md,
				pcre2_match_context *mc)
{
	int			rc = search(&pubdate_anchored, t, len, from, md, mc);

	if (rc != PCRE2_ERROR_NOMATCH || !year_dated(t, from, len))
		return rc;
	return search(&pubdate_inline, t, len, from, md, mc);
}

/* Is t[from..len) one line, from at its start? */
static bool
one_line(const char *t, size_t len, size_t from)
{
	return (from == 0 || t[from - 1] == '\n') && memchr(t + from, '\n', len - from) == NULL;
}

int
nvf_pattern_next(nvf_env *env, nvf_pattern_id id, const char *t, size_t len,
				 size_t from, size_t *ov, int npairs)
{
	pcre2_match_context *mc;
	pcre2_match_data *md = search_setup(env, id, &mc);
	int			rc = id == NVF_PAT_PUBDATE && one_line(t, len, from)
		? pubdate_in_line(t, len, from, md, mc)
		: search(&compiled[id], t, len, from, md, mc);
	PCRE2_SIZE *v;

	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	v = pcre2_get_ovector_pointer(md);
	for (int i = 0; i < npairs; i++)
	{
		bool		set = i < rc && v[2 * i] != PCRE2_UNSET;

		ov[2 * i] = set ? v[2 * i] : SIZE_MAX;
		ov[2 * i + 1] = set ? v[2 * i + 1] : SIZE_MAX;
	}
	return rc < npairs ? rc : npairs;
}

int
nvf_pattern_spans(nvf_env *env, nvf_pattern_id id, const char *t, size_t len,
				  nvf_span **out)
{
	pcre2_match_context *mc;
	pcre2_match_data *md = search_setup(env, id, &mc);
	span_list	spans = {nvf_alloc(env, 16 * sizeof(nvf_span)), 0, 16};
	bool		ok = id == NVF_PAT_URL ? url_spans(env, t, len, md, mc, &spans)
		: id == NVF_PAT_DATETIME ? datetime_spans(env, t, len, md, mc, &spans)
		: spans_from(env, id, t, 0, len, md, mc, &spans);

	if (!ok)
		return -1;
	*out = spans.items;			/* an array even when nothing matched */
	return spans.n;
}
