/*
 * fuzz_decode.c — libFuzzer target for article bytes to UTF-8: each input
 * decoded as auto, gb18030 and big5, with the invariants checked by
 * __builtin_trap() (valid UTF-8 out, no NUL or CR; errors in one of the known
 * forms with an offset inside the input; auto agreeing with what it names).
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_core.h"
#include "standalone_env.h"

#define CHECK(cond) do { if (!(cond)) __builtin_trap(); } while (0)

/*
 * Inputs starting with this byte are also repeated (without it) into a
 * document of many ICU calls, for CR LF and surrogate pairs across them.
 */
#define MULTI_CALL_MARK 0x7F
#define MULTI_CALL_SIZE (48 * 1024)

static nvf_env env;
static void *arena;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	standalone_env_init(&env, &arena);
	return 0;
}

/* An error message is one of the documented forms; its offset is inside. */
static void
check_error(const char *err, size_t size)
{
	static const char *const forms[] = {
		"invalid byte sequence for encoding ", "binary content (NUL byte at byte offset ",
		"cannot detect the encoding (not UTF-8, GB18030 or Big5)", "unknown encoding \""
	};
	const char *at = strstr(err, "byte offset ");
	bool		known = false;

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		known = known || strncmp(err, forms[i], strlen(forms[i])) == 0;
	CHECK(known);
	if (at)
		CHECK(strtoull(at + strlen("byte offset "), NULL, 10) < size);
}

/* Decoded text: NUL-terminated valid UTF-8, without NUL or CR, bounded. */
static void
check_text(const nvf_decoded *d, size_t size)
{
	CHECK(d->text != NULL && d->encoding != NULL && d->text[d->len] == '\0');
	CHECK(d->len <= 3 * size);
	CHECK(memchr(d->text, '\0', d->len) == NULL && memchr(d->text, '\r', d->len) == NULL);
	for (size_t i = 0; i < d->len;)
	{
		int			adv;
		uint32_t	c = nvf_utf8_decode((const unsigned char *) d->text + i, d->len - i, &adv);

		CHECK(!(c == 0xFFFD && adv == 1));
		i += adv;
	}
}

/* Decodes as encoding; checks the result and returns it (NULL text on error). */
static nvf_decoded
decode(const char *in, size_t size, const char *encoding)
{
	nvf_decoded d;
	const char *err = nvf_decode_article(&env, in, size, encoding, &d);

	if (err)
	{
		CHECK(d.text == NULL);
		check_error(err, size);
	}
	else
		check_text(&d, size);
	return d;
}

static void
check_document(const char *in, size_t size)
{
	nvf_decoded a = decode(in, size, "auto");

	if (a.text)
	{
		/* the encoding auto names decodes the same bytes the same way */
		nvf_decoded n = decode(in, size, a.encoding);

		CHECK(n.text && n.len == a.len && memcmp(n.text, a.text, a.len) == 0);
		/* plain UTF-8 passes through untouched */
		if (strcmp(a.encoding, "UTF-8") == 0 && !memchr(in, '\r', size) &&
			!(size >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0))
			CHECK(a.len == size && memcmp(a.text, in, size) == 0);
	}
	(void) decode(in, size, "gb18030");
	(void) decode(in, size, "big5");
	env.reset(env.ctx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;

	check_document(in, size);
	if (size > 1 && data[0] == MULTI_CALL_MARK)
	{
		char	   *doc = malloc(MULTI_CALL_SIZE + size);
		size_t		len = 0;

		while (len < MULTI_CALL_SIZE)
		{
			memcpy(doc + len, in + 1, size - 1);
			len += size - 1;
		}
		check_document(doc, len);
		free(doc);
	}
	return 0;
}
