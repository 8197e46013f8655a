/*
 * fuzz_quantities.c — libFuzzer target for the text core: repair (without
 * and with the offset map) and document quantities, with their invariants
 * checked by __builtin_trap() (spans inside the text, surfaces equal to the
 * original characters, ranges ordered, blocks on character boundaries).
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_core.h"
#include "standalone_env.h"

#define CHECK(cond) do { if (!(cond)) __builtin_trap(); } while (0)

/*
 * Inputs starting with this byte are also repeated into longer documents:
 * one past the block target, lines ended, for spans across blocks; one past
 * the block maximum, one line, for the cuts alone (scanning it is too slow).
 */
#define MULTI_BLOCK_MARK 0x7F
#define LINES_SIZE (NVF_BLOCK_TARGET + 4096)
#define ONE_LINE_SIZE (NVF_BLOCK_MAX + 4096)

static nvf_env env;
static void *arena;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	if (!standalone_core_init())
		abort();
	standalone_env_init(&env, &arena);
	return 0;
}

/*
 * Byte offset of the start of every character, plus len at index nchars;
 * starts[b] says whether byte b starts a character.
 */
static size_t *
char_starts(const char *s, size_t len, int64_t *nchars, bool **starts)
{
	size_t	   *at = malloc((len + 1) * sizeof(size_t));
	size_t		i = 0;
	int64_t		n = 0;
	int			adv;

	*starts = calloc(len + 1, 1);
	while (i < len)
	{
		(*starts)[i] = true;
		at[n++] = i;
		nvf_utf8_decode((const unsigned char *) s + i, len - i, &adv);
		i += adv;
	}
	(*starts)[len] = true;
	at[n] = len;
	*nchars = n;
	return at;
}

static void
check_repair(const char *in, size_t len)
{
	nvf_text	plain,
				mapped;
	int32_t		prev = 0;

	nvf_normalize_text(&env, in, len, false, &plain);
	CHECK(plain.s != NULL && plain.s[plain.len] == '\0');
	nvf_normalize_text(&env, in, len, true, &mapped);
	CHECK(mapped.len == plain.len && memcmp(mapped.s, plain.s, plain.len) == 0);
	for (size_t i = 0; i < mapped.len; i++)
	{
		CHECK(mapped.src[i] >= prev && mapped.src[i] < mapped.srcend[i]);
		CHECK((size_t) mapped.srcend[i] <= len);
		prev = mapped.src[i];
	}
	/* the output is valid UTF-8 whatever the input */
	for (size_t i = 0; i < plain.len;)
	{
		int			adv;
		uint32_t	c = nvf_utf8_decode((const unsigned char *) plain.s + i, plain.len - i, &adv);

		CHECK(!(c == 0xFFFD && adv == 1));
		i += adv;
	}
	env.reset(env.ctx);
}

/* Blocks cover the text, each <= NVF_BLOCK_MAX, cut where a character starts. */
static void
check_blocks(const char *doc, size_t len, const bool *starts)
{
	size_t		pos = 0;

	while (pos < len)
	{
		size_t		end = nvf_block_end(doc, len, pos);

		CHECK(end > pos && end <= len && end - pos <= NVF_BLOCK_MAX);
		CHECK(starts[end]);
		pos = end;
	}
}

typedef struct doc_check
{
	const char *doc;
	size_t		len;
	size_t	   *at;				/* char index -> byte offset */
	int64_t		nchars;
	int64_t		last_end;
} doc_check;

static void
check_quantity(void *arg, const nvf_quantity *q)
{
	doc_check  *dc = arg;
	size_t		a,
				b;

	CHECK(q->ostart >= 0 && q->ostart <= q->oend && q->oend <= dc->nchars);
	CHECK(q->ostart >= dc->last_end);	/* in text order, not overlapping */
	dc->last_end = q->oend;
	a = dc->at[q->ostart];
	b = dc->at[q->oend];
	CHECK(q->surface != NULL && strlen(q->surface) == b - a &&
		  memcmp(q->surface, dc->doc + a, b - a) == 0);
	CHECK(q->unit > NVF_UNIT_NONE && q->unit < NVF_UNIT_N_);
	if (q->flags & NVF_Q_RANGE)
		CHECK(q->low.ok && q->high.ok && nvf_dec_cmp(q->low, q->high) <= 0);
	else
		CHECK(q->value.ok);
}

static void
check_document(const char *doc, size_t len)
{
	doc_check	dc;
	bool	   *starts;

	dc.doc = doc;
	dc.len = len;
	dc.at = char_starts(doc, len, &dc.nchars, &starts);
	dc.last_end = 0;
	check_blocks(doc, len, starts);
	free(starts);
	nvf_document_quantities(&env, doc, len, check_quantity, &dc);
	env.reset(env.ctx);
	free(dc.at);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;

	check_repair(in, size);
	check_document(in, size);
	if (size > 1 && data[0] == MULTI_BLOCK_MARK)
	{
		char	   *doc = malloc(ONE_LINE_SIZE + size + 1);
		size_t		len = 0;
		bool	   *starts;
		int64_t		n;

		while (len < LINES_SIZE)
		{
			memcpy(doc + len, in + 1, size - 1);
			len += size - 1;
			doc[len++] = '\n';
		}
		check_document(doc, len);
		for (len = 0; len < ONE_LINE_SIZE; len += size - 1)
			memcpy(doc + len, in + 1, size - 1);
		free(char_starts(doc, len, &n, &starts));
		check_blocks(doc, len, starts);
		free(starts);
		free(doc);
	}
	return 0;
}
