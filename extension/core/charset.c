/*
 * charset.c — article bytes to UTF-8: the encoding named, or found (BOM, valid
 * UTF-8, else GB18030 or Big5 with ICU's detector as referee), line ends as LF.
 * The first bad byte is an error with its offset, never a substitute.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "nvfacts_core.h"

#define UNITS_PER_CALL 8192		/* UTF-16 units out of one ICU call */
#define BYTES_PER_CALL (64 * 1024)	/* input offered to one ICU call (and
									 * between interrupt checks) */
#define DETECT_BYTES (64 * 1024)	/* ICU's detector reads the first 8 KB */

typedef enum failure_kind
{
	FAIL_NONE = 0,
	FAIL_INVALID,				/* a byte sequence the encoding rejects */
	FAIL_BINARY,				/* a NUL byte, or U+0000 once decoded */
	FAIL_UNDETECTED,			/* auto: neither UTF-8, GB18030 nor Big5 */
	FAIL_UNKNOWN				/* an encoding name ICU does not know */
} failure_kind;

typedef struct failure
{
	failure_kind kind;
	size_t		at;				/* byte offset in the file */
	const char *encoding;		/* the encoding tried, as named in messages */
} failure;

/*
 * Normalized UTF-8 out of ICU's UTF-16: counts bytes while measuring (buf
 * NULL), writes them on the second pass (buf sized by the first, plus 4).
 */
typedef struct sink
{
	char	   *buf;
	size_t		cap;
	size_t		len;
	bool		after_cr;		/* the last character was CR: drop an LF */
	UChar		lead;			/* a lead surrogate awaiting its trail */
	size_t		lead_at;
	failure    *fail;
} sink;

/*
 * A converter left open by a non-local exit from check_interrupts (a query
 * cancel) is closed by the next call, so at most one is ever outstanding.
 */
static UConverter *open_cnv = NULL;

static bool
failed(failure *f, failure_kind kind, size_t at)
{
	f->kind = kind;
	f->at = at;
	return false;
}

static void
close_converter(void)
{
	if (open_cnv)
		ucnv_close(open_cnv);
	open_cnv = NULL;
}

/* A converter for name that stops at the first bad sequence; NULL if unknown. */
static UConverter *
open_converter(const char *name)
{
	UErrorCode	st = U_ZERO_ERROR;

	close_converter();
	open_cnv = ucnv_open(name, &st);
	if (U_SUCCESS(st))
		ucnv_setToUCallBack(open_cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	if (U_FAILURE(st))
		close_converter();
	return open_cnv;
}

/* What messages and callers call the encoding: MIME, else IANA, else ICU's name. */
static const char *
encoding_name(nvf_env *env, UConverter *cnv)
{
	UErrorCode	st = U_ZERO_ERROR;
	const char *icu = ucnv_getName(cnv, &st);
	const char *name;

	if (U_FAILURE(st))
		return "(unnamed)";
	name = ucnv_getStandardName(icu, "MIME", &st);
	if (!name)
	{
		st = U_ZERO_ERROR;
		name = ucnv_getStandardName(icu, "IANA", &st);
	}
	return name ? name : nvf_strndup(env, icu, strlen(icu));
}

/* One decoded character into the sink: NUL fails, a BOM at 0 and CR LF shrink. */
static bool
sink_char(sink *s, uint32_t c, size_t at)
{
	bool		cr = s->after_cr;

	s->after_cr = (c == '\r');
	if (c == 0)
		return failed(s->fail, FAIL_BINARY, at);
	if ((c == 0xFEFF && at == 0) || (c == '\n' && cr))
		return true;
	if (c == '\r')
		c = '\n';
	if (s->buf && s->len + 4 <= s->cap)
		U8_APPEND_UNSAFE(s->buf, s->len, c);
	else
		s->len += U8_LENGTH(c);
	return true;
}

/*
 * n UTF-16 units into the sink; offs[i] is where unit i's bytes start,
 * relative to base (-1 for a unit ICU held over from its previous call).
 * Pairs may straddle two calls; a lone surrogate is invalid input.
 */
static bool
sink_units(sink *s, const UChar *u, int32_t n, const int32_t *offs, size_t base)
{
	for (int32_t i = 0; i < n; i++)
	{
		size_t		at = base + (offs[i] > 0 ? (size_t) offs[i] : 0);
		bool		ok;

		if (U16_IS_LEAD(u[i]) && !s->lead)
		{
			s->lead = u[i];
			s->lead_at = at;
			continue;
		}
		if (U16_IS_TRAIL(u[i]) && s->lead)
			ok = sink_char(s, U16_GET_SUPPLEMENTARY(s->lead, u[i]), s->lead_at);
		else if (s->lead || U16_IS_SURROGATE(u[i]))
			return failed(s->fail, FAIL_INVALID, s->lead ? s->lead_at : at);
		else
			ok = sink_char(s, u[i], at);
		s->lead = 0;
		if (!ok)
			return false;
	}
	return true;
}

/*
 * Where the sequence ICU just rejected starts: the bytes it consumed, less
 * those it holds to re-read and the rejected ones themselves.
 */
static size_t
invalid_offset(UConverter *cnv, size_t consumed)
{
	char		bad[32];
	int8_t		nbad = sizeof(bad);
	UErrorCode	st = U_ZERO_ERROR;
	int32_t		pending = ucnv_toUCountPending(cnv, &st);
	size_t		back;

	ucnv_getInvalidChars(cnv, bad, &nbad, &st);
	back = U_SUCCESS(st) ? (size_t) nbad + (size_t) (pending > 0 ? pending : 0) : 0;
	return consumed > back ? consumed - back : 0;
}

/* Runs bytes through cnv into s; false at the first invalid sequence or NUL. */
static bool
transcode(nvf_env *env, UConverter *cnv, const char *bytes, size_t len, sink *s)
{
	UChar		u[UNITS_PER_CALL];
	int32_t		offs[UNITS_PER_CALL];
	const char *src = bytes,
			   *end = bytes + len;
	UErrorCode	st;

	ucnv_resetToUnicode(cnv);
	do
	{
		const char *from = src,
				   *limit = (size_t) (end - src) > BYTES_PER_CALL ? src + BYTES_PER_CALL : end;
		UChar	   *t = u;

		env->check_interrupts(env->ctx);
		st = U_ZERO_ERROR;
		ucnv_toUnicode(cnv, &t, u + UNITS_PER_CALL, &src, limit, offs, limit == end, &st);
		if (!sink_units(s, u, (int32_t) (t - u), offs, (size_t) (from - bytes)))
			return false;
		if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR)
			return failed(s->fail, FAIL_INVALID, invalid_offset(cnv, (size_t) (src - bytes)));
	} while (src < end || st == U_BUFFER_OVERFLOW_ERROR);
	return !s->lead || failed(s->fail, FAIL_INVALID, s->lead_at);
}

/* Binary content: a NUL byte (checked where characters may be one byte). */
static bool
no_nul_byte(nvf_env *env, const char *bytes, size_t len, failure *f)
{
	for (size_t pos = 0; pos < len; pos += BYTES_PER_CALL)
	{
		size_t		n = len - pos < BYTES_PER_CALL ? len - pos : BYTES_PER_CALL;
		const char *z = memchr(bytes + pos, 0, n);

		env->check_interrupts(env->ctx);
		if (z)
			return failed(f, FAIL_BINARY, (size_t) (z - bytes));
	}
	return true;
}

/*
 * Decodes bytes as encoding: a measuring pass finds the first problem and the
 * exact UTF-8 size, a second pass writes.  False with *f filled when it fails.
 */
static bool
decode_as(nvf_env *env, const char *encoding, const char *bytes, size_t len,
		  nvf_decoded *out, failure *f)
{
	UConverter *cnv = open_converter(encoding);
	sink		measure = {.fail = f};
	bool		ok;

	f->encoding = encoding;
	if (!cnv)
		return failed(f, FAIL_UNKNOWN, 0);
	f->encoding = encoding_name(env, cnv);
	ok = (ucnv_getMinCharSize(cnv) > 1 || no_nul_byte(env, bytes, len, f)) &&
		transcode(env, cnv, bytes, len, &measure);
	if (ok)
	{
		sink		fill = {.buf = nvf_alloc(env, measure.len + 4), .cap = measure.len + 4, .fail = f};

		(void) transcode(env, cnv, bytes, len, &fill);
		fill.buf[measure.len] = '\0';
		out->text = fill.buf;
		out->len = measure.len;
		out->encoding = f->encoding;
	}
	close_converter();
	return ok;
}

/* Whether ICU's detector is surer of Big5 than of GB18030. */
static bool
detector_prefers_big5(const char *bytes, size_t len)
{
	UErrorCode	st = U_ZERO_ERROR;
	UCharsetDetector *csd = ucsdet_open(&st);
	const UCharsetMatch **match;
	int32_t		n = 0,
				big5 = 0,
				gb = 0;

	ucsdet_setText(csd, bytes, (int32_t) (len < DETECT_BYTES ? len : DETECT_BYTES), &st);
	match = ucsdet_detectAll(csd, &n, &st);
	for (int32_t i = 0; U_SUCCESS(st) && i < n; i++)
	{
		const char *name = ucsdet_getName(match[i], &st);
		int32_t		confidence = ucsdet_getConfidence(match[i], &st);

		if (U_SUCCESS(st) && strcmp(name, "Big5") == 0)
			big5 = confidence;
		else if (U_SUCCESS(st) && strcmp(name, "GB18030") == 0)
			gb = confidence;
	}
	ucsdet_close(csd);
	return big5 > gb;
}

/*
 * auto: a UTF-16 BOM, else UTF-8, else GB18030 and Big5 in the detector's
 * order.  When nothing converts, a file that is UTF-8 at least as far as it is
 * anything else is reported as bad UTF-8.
 */
static bool
decode_auto(nvf_env *env, const char *bytes, size_t len, nvf_decoded *out, failure *f)
{
	const unsigned char *b = (const unsigned char *) bytes;
	bool		big5 = false;
	failure		first = {0},
				second = {0};

	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return decode_as(env, b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes, len, out, f);
	if (decode_as(env, "UTF-8", bytes, len, out, f) || f->kind == FAIL_BINARY)
		return f->kind == FAIL_NONE;
	big5 = detector_prefers_big5(bytes, len);
	if (decode_as(env, big5 ? "Big5" : "GB18030", bytes, len, out, &first) ||
		decode_as(env, big5 ? "GB18030" : "Big5", bytes, len, out, &second))
		return true;
	if (f->at >= first.at && f->at >= second.at)
		return false;
	return failed(f, FAIL_UNDETECTED, 0);
}

static const char *
failure_message(nvf_env *env, const failure *f)
{
	char		msg[256];

	switch (f->kind)
	{
		case FAIL_INVALID:
			snprintf(msg, sizeof(msg), "invalid byte sequence for encoding %s at byte offset %zu",
					 f->encoding, f->at);
			break;
		case FAIL_BINARY:
			snprintf(msg, sizeof(msg), "binary content (NUL byte at byte offset %zu)", f->at);
			break;
		case FAIL_UNKNOWN:
			snprintf(msg, sizeof(msg), "unknown encoding \"%.64s\"", f->encoding);
			break;
		default:
			snprintf(msg, sizeof(msg), "cannot detect the encoding (not UTF-8, GB18030 or Big5)");
			break;
	}
	return nvf_strndup(env, msg, strlen(msg));
}

const char *
nvf_decode_article(nvf_env *env, const char *bytes, size_t len, const char *encoding,
				   nvf_decoded *out)
{
	failure		f = {FAIL_NONE, 0, encoding};
	bool		ok;

	memset(out, 0, sizeof(*out));
	if (!bytes)
	{
		bytes = "";
		len = 0;
	}
	if (!encoding || strcasecmp(encoding, "auto") == 0)
		ok = decode_auto(env, bytes, len, out, &f);
	else
		ok = decode_as(env, encoding, bytes, len, out, &f);
	return ok ? NULL : failure_message(env, &f);
}

bool
nvf_encoding_known(const char *name)
{
	UErrorCode	st = U_ZERO_ERROR;

	if (!name || !*name)
		return false;
	if (strcasecmp(name, "auto") == 0)
		return true;
	ucnv_close(ucnv_open(name, &st));
	return U_SUCCESS(st);
}
