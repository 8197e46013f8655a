/*
 * fuzz_extract.c — libFuzzer target for the fact extractor: document -> facts
 * with the shipped lexicon (lexicon_data.sql, parsed at init), invariants
 * checked by __builtin_trap() (spans inside the text, known labels, ordered
 * bounds, evidence holding its figure).
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_core.h"
#include "standalone_env.h"

#define CHECK(cond) do { if (!(cond)) __builtin_trap(); } while (0)

/* Inputs starting with this byte are also repeated (without it) into a multi-block document. */
#define MULTI_BLOCK_MARK 0x7F
#define LINES_SIZE (NVF_BLOCK_TARGET + 4096)
/* The lexicon, relative to the repository root (make fuzz runs there); NVF_LEXICON overrides. */
#define LEXICON_SQL "extension/lexicon_data.sql"

static nvf_env doc_env,
			scratch,
			lex_env;
static void *doc_arena,
		   *scratch_arena,
		   *lex_arena;
static const nvf_lexicon *lex;

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("NVF_LEXICON") ? getenv("NVF_LEXICON") : LEXICON_SQL;

	(void) argc;
	(void) argv;
	if (!standalone_core_init())
		abort();
	standalone_env_init(&doc_env, &doc_arena);
	standalone_env_init(&scratch, &scratch_arena);
	standalone_env_init(&lex_env, &lex_arena);
	if ((lex = standalone_lexicon_load(&lex_env, path)) == NULL ||
		nvf_lexicon_entity(lex, 0) == NULL || nvf_lexicon_metric(lex, 0) == NULL)
		abort();				/* no lexicon, no facts: the run would prove nothing */
	return 0;
}

typedef struct doc_check
{
	const char *doc;
	bool		has_nul;		/* C strings (evidence) stop at a NUL; the server has none */
	size_t	   *at;				/* char index -> byte offset */
	int64_t		nchars;
} doc_check;

static size_t *
char_starts(const char *s, size_t len, int64_t *nchars)
{
	size_t	   *at = malloc((len + 1) * sizeof(size_t));
	size_t		i = 0;
	int64_t		n = 0;
	int			adv;

	while (i < len)
	{
		at[n++] = i;
		nvf_utf8_decode((const unsigned char *) s + i, len - i, &adv);
		i += adv;
	}
	at[n] = len;
	*nchars = n;
	return at;
}

static void
check_fact(void *arg, const nvf_fact *f)
{
	doc_check  *dc = arg;

	CHECK(f->ostart >= 0 && f->ostart <= f->oend && f->oend <= dc->nchars);
	CHECK(nvf_lexicon_metric(lex, f->metric) != NULL);
	CHECK(f->entity == -1 || nvf_lexicon_entity(lex, f->entity) != NULL);
	CHECK(f->segment == -1 || nvf_lexicon_segment(lex, f->segment) != NULL);
	CHECK(f->measure > NVF_MEASURE_NONE && f->measure < NVF_MEASURE_N_);
	CHECK(f->status > NVF_STATUS_NONE && f->status < NVF_STATUS_N_);
	CHECK(f->unit > NVF_UNIT_NONE && f->unit < NVF_UNIT_N_);
	CHECK(f->basis >= NVF_BASIS_NONE && f->basis < NVF_BASIS_N_);
	CHECK(f->period.fq >= 0 && f->period.fq <= 4);
	CHECK(f->value.ok || f->low.ok || f->high.ok);
	CHECK(!f->value.ok || nvf_dec_plausible(f->value));
	if (f->low.ok && f->high.ok)
		CHECK(nvf_dec_cmp(f->low, f->high) <= 0);
	/* the evidence is original text that holds the figure as written */
	if (f->evidence && f->oend > f->ostart && !dc->has_nul)
	{
		size_t		a = dc->at[f->ostart],
					b = dc->at[f->oend];
		char	   *figure = strndup(dc->doc + a, b - a);

		CHECK(strstr(f->evidence, figure) != NULL);
		free(figure);
	}
}

static void
check_document(const char *doc, size_t len, nvf_date published)
{
	doc_check	dc;

	dc.doc = doc;
	dc.has_nul = memchr(doc, '\0', len) != NULL;
	dc.at = char_starts(doc, len, &dc.nchars);
	nvf_document_facts(&doc_env, &scratch, lex, doc, len, published, check_fact, &dc);
	scratch.reset(scratch.ctx);
	doc_env.reset(doc_env.ctx);
	free(dc.at);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	nvf_date	published = {0, 0, 0};

	/* an odd first byte: a publication date is given (else the page's own, if any) */
	if (size > 0 && (data[0] & 1))
		published = (nvf_date) {2024, 6, 15};
	check_document(in, size, published);
	if (size > 1 && data[0] == MULTI_BLOCK_MARK)
	{
		char	   *doc = malloc(LINES_SIZE + size + 1);
		size_t		len = 0;

		while (len < LINES_SIZE)
		{
			memcpy(doc + len, in + 1, size - 1);
			len += size - 1;
			doc[len++] = '\n';
		}
		check_document(doc, len, published);
		free(doc);
	}
	return 0;
}
