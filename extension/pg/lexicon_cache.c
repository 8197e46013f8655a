/*
 * lexicon_cache.c — the compiled lexicon of this backend: loaded from the
 * nvfacts lexicon tables with SPI on first use, kept in its own memory
 * context, and dropped when a statement trigger on those tables sends a
 * relcache invalidation (so every session sees INSERTs at its next call).
 */
#include "nvfacts.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "catalog/namespace.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "nvfacts_extract.h"

/* The lexicon tables: a change to any of them invalidates the cached lexicon. */
static const char *const lexicon_tables[] = {"entities", "entity_aliases", "metrics",
"metric_aliases", "segments", "segment_aliases", "segment_readings", "cues"};

static MemoryContext lexicon_cxt = NULL;
static nvf_lexicon *lexicon = NULL;
static bool lexicon_valid = false;
static uint64 lexicon_generation = 0;	/* counts the invalidations seen */
static Oid	lexicon_relids[lengthof(lexicon_tables)];
static int	n_lexicon_relids = 0;

PG_FUNCTION_INFO_V1(nvf_lexicon_changed);

/* The statement trigger: invalidate the table's relcache entry everywhere. */
Datum
nvf_lexicon_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("nvfacts.lexicon_changed() must be called as a trigger")));
	CacheInvalidateRelcache(trig->tg_relation);
	return PointerGetDatum(NULL);
}

static void
lexicon_invalidate(Datum arg pg_attribute_unused(), Oid relid)
{
	bool		ours = relid == InvalidOid;

	for (int i = 0; i < n_lexicon_relids && !ours; i++)
		ours = lexicon_relids[i] == relid;
	if (ours)
	{
		lexicon_valid = false;
		lexicon_generation++;
	}
}

/*
 * The lexicon source over SPI: "SELECT columns FROM nvfacts.table ORDER BY columns".
 * Nothing in these queries is looked up through the caller's search_path
 * (qualified tables, no function or operator), so a planted object cannot run.
 */
static int
spi_query(void *arg pg_attribute_unused(), const char *table, const char *columns)
{
	char	   *sql = psprintf("SELECT %s FROM nvfacts.%s ORDER BY %s", columns, table, columns);

	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "nvfacts: lexicon query failed: %s", sql);
	CHECK_FOR_INTERRUPTS();
	if (SPI_processed > INT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("lexicon table nvfacts.%s has too many rows", table)));
	return (int) SPI_processed;
}

static const char *
spi_value(void *arg pg_attribute_unused(), int r, int c)
{
	return SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, c + 1);
}

/* The lexicon tables' OIDs, for the relcache callback. */
static void
load_relids(void)
{
	Oid			nsp = get_namespace_oid("nvfacts", false);

	n_lexicon_relids = 0;
	for (size_t i = 0; i < lengthof(lexicon_tables); i++)
	{
		Oid			relid = get_relname_relid(lexicon_tables[i], nsp);

		if (OidIsValid(relid))
			lexicon_relids[n_lexicon_relids++] = relid;
	}
}

/*
 * The lexicon for this call.  Built in a fresh context that only becomes
 * the cache once complete, so an error half-way leaks nothing and leaves
 * the cache invalid; it is valid only if no invalidation came while it was
 * being read.
 */
const nvf_lexicon *
nvf_pg_lexicon(void)
{
	static bool registered = false;
	static nvf_env env;
	MemoryContext cxt;
	uint64		generation;

	if (lexicon && lexicon_valid)
		return lexicon;
	nvf_pg_require_core();
	if (!registered)
	{
		CacheRegisterRelcacheCallback(lexicon_invalidate, (Datum) 0);
		registered = true;
	}
	cxt = AllocSetContextCreate(CurrentMemoryContext, "nvfacts lexicon", ALLOCSET_DEFAULT_SIZES);
	nvf_pg_env_init(&env, cxt);
	lexicon_valid = false;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "nvfacts: SPI_connect failed");
	load_relids();
	generation = lexicon_generation;
	{
		nvf_lexicon *lex = nvf_lexicon_new(&env);
		nvf_lexicon_source src = {spi_query, spi_value, NULL};

		nvf_lexicon_load(lex, &src);
		SPI_finish();
		MemoryContextSetParent(cxt, TopMemoryContext);
		if (lexicon_cxt)
			MemoryContextDelete(lexicon_cxt);
		lexicon_cxt = cxt;
		lexicon = lex;
		lexicon_valid = generation == lexicon_generation;
	}
	return lexicon;
}
