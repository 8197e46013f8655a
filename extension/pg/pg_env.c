/*
 * pg_env.c — the text core's environment inside a backend: allocation in
 * memory contexts, CHECK_FOR_INTERRUPTS, and the lazy per-backend setup of
 * the ICU tables and PCRE2 patterns (built on first use, never in _PG_init).
 */
#include "nvfacts.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

static void *
pg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void
pg_reset(void *ctx)
{
	MemoryContextReset((MemoryContext) ctx);
}

static void
pg_check_interrupts(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
}

void
nvf_pg_env_init(nvf_env *env, MemoryContext cxt)
{
	env->alloc = pg_alloc;
	env->reset = pg_reset;
	env->check_interrupts = pg_check_interrupts;
	env->ctx = cxt;
}

/*
 * The core's tables and patterns, built once per backend on first use.
 * Everything per call lives in memory contexts (PCRE2 match data included,
 * through a PCRE2 general context that allocates from the env), so an ERROR
 * or a cancel at any point leaves nothing behind.
 */
void
nvf_pg_require_core(void)
{
	static bool ready = false;
	char		err[256];

	if (ready)
		return;
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("nvfacts requires a UTF8 database"),
				 errdetail("The database encoding is %s.", GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
	if (!nvf_normalize_init(err, sizeof(err)) || !nvf_patterns_init(err, sizeof(err)))
		ereport(ERROR,
				(errcode(ERRCODE_SYSTEM_ERROR),
				 errmsg("nvfacts could not initialize its text tables"),
				 errdetail("%s", err)));
	ready = true;
}

/* A text datum, or NULL (*isnull) for a NULL string. */
Datum
nvf_text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

/*
 * The functions that fill a fixed number of result columns check the
 * declaration first: a library newer or older than its SQL declaration (an
 * upgrade not run) is an error that says so, not a write past an array.
 */
void
nvf_require_columns(TupleDesc desc, int ncols, const char *function)
{
	if (desc->natts != ncols)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("%s must return %d columns, but its declaration has %d",
						function, ncols, desc->natts),
				 errhint("The SQL declaration does not match the library: run ALTER EXTENSION nvfacts UPDATE.")));
}

/* len, or the error when a text value of len bytes would exceed the 1 GB limit. */
size_t
nvf_text_limit(size_t len)
{
	if (len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("normalized text would exceed the 1 GB limit of a text value"),
				 errdetail("It would be at least %zu bytes long.", len)));
	return len;
}

/* A text datum of len bytes, or the 1 GB limit's error. */
text *
nvf_text_from_bytes(const char *s, size_t len)
{
	text	   *t = (text *) palloc(nvf_text_limit(len) + VARHDRSZ);

	SET_VARSIZE(t, len + VARHDRSZ);
	memcpy(VARDATA(t), s, len);
	return t;
}
