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
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/rel.h"

#include "nvfacts_extract.h"

#define MAX_LEXICON_TABLES 8

static MemoryContext lexicon_cxt = NULL;
static nvf_lexicon *lexicon = NULL;
static bool lexicon_valid = false;
static Oid	lexicon_relids[MAX_LEXICON_TABLES];
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
lexicon_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid)
		lexicon_valid = false;
	for (int i = 0; i < n_lexicon_relids; i++)
		if (lexicon_relids[i] == relid)
			lexicon_valid = false;
}

/* Runs a read-only query; the caller walks SPI_tuptable. */
static void
run(const char *sql)
{
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "nvfacts: lexicon query failed: %s", sql);
	CHECK_FOR_INTERRUPTS();
}

static char *
col(uint64 row, int c)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, c);
}

static void
load_relids(void)
{
	run("SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
		"WHERE n.nspname = 'nvfacts' AND c.relname IN ('entities', 'entity_aliases', 'metrics', "
		"'metric_aliases', 'segments', 'segment_aliases', 'cues')");
	n_lexicon_relids = 0;
	for (uint64 r = 0; r < SPI_processed && n_lexicon_relids < MAX_LEXICON_TABLES; r++)
		lexicon_relids[n_lexicon_relids++] = (Oid) strtoul(col(r, 1), NULL, 10);
}

static nvf_family
family_of(const char *s)
{
	if (strcmp(s, "percent") == 0)
		return NVF_FAMILY_PERCENT;
	if (strcmp(s, "money_or_percent") == 0)
		return NVF_FAMILY_MONEY_OR_PERCENT;
	return NVF_FAMILY_MONEY;
}

/* Term flags from a metric alias row's needs_segment, basis and negative columns. */
static unsigned
metric_flags(uint64 row)
{
	char	   *needs = col(row, 3),
			   *basis = col(row, 4),
			   *negative = col(row, 5);
	unsigned	flags = 0;

	if (needs && needs[0] == 't')
		flags |= NVF_TERM_NEEDS_SEGMENT;
	if (basis && strcmp(basis, "gaap") == 0)
		flags |= NVF_TERM_GAAP;
	if (basis && strcmp(basis, "non_gaap") == 0)
		flags |= NVF_TERM_NON_GAAP;
	if (negative && negative[0] == 't')
		flags |= NVF_TERM_NEGATIVE;
	return flags;
}

/* Adds the aliases of one table: (alias, key[, needs_segment, basis, negative]) rows. */
static void
load_terms(nvf_lexicon *lex, const char *sql, nvf_term_kind kind)
{
	run(sql);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		int			id = nvf_lexicon_find(lex, kind, col(r, 2));

		if (id >= 0)
			nvf_lexicon_add_term(lex, col(r, 1), kind, id,
								 kind == NVF_TERM_METRIC ? metric_flags(r) : 0);
	}
}

static void
load_lexicon(nvf_lexicon *lex)
{
	run("SELECT entity, fiscal_year_end_month FROM nvfacts.entities ORDER BY entity");
	for (uint64 r = 0; r < SPI_processed; r++)
		nvf_lexicon_add_entity(lex, col(r, 1), atoi(col(r, 2)));
	run("SELECT metric, unit_family, flow FROM nvfacts.metrics ORDER BY metric");
	for (uint64 r = 0; r < SPI_processed; r++)
		nvf_lexicon_add_metric(lex, col(r, 1), family_of(col(r, 2)), col(r, 3)[0] == 't');
	run("SELECT segment, owner, product FROM nvfacts.segments ORDER BY segment");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		int			s = nvf_lexicon_add_segment(lex, col(r, 1));
		char	   *owner = col(r, 2);

		if (owner)
			nvf_lexicon_set_owner(lex, s, nvf_lexicon_find(lex, NVF_TERM_ENTITY, owner),
								  col(r, 3)[0] == 't');
	}
	load_terms(lex, "SELECT alias, entity FROM nvfacts.entity_aliases ORDER BY alias", NVF_TERM_ENTITY);
	load_terms(lex, "SELECT alias, metric, needs_segment, basis, negative "
			   "FROM nvfacts.metric_aliases ORDER BY alias", NVF_TERM_METRIC);
	load_terms(lex, "SELECT alias, segment FROM nvfacts.segment_aliases ORDER BY alias", NVF_TERM_SEGMENT);
	load_terms(lex, "SELECT word, kind FROM nvfacts.cues ORDER BY word, kind", NVF_TERM_CUE);
	nvf_lexicon_finish(lex);
}

/*
 * The lexicon for this call.  Built in a fresh context that only becomes
 * the cache once complete, so an error half-way leaks nothing.
 */
const nvf_lexicon *
nvf_pg_lexicon(void)
{
	static bool registered = false;
	static nvf_env env;
	MemoryContext cxt;

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
	lexicon_valid = true;		/* an invalidation while loading clears it again */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "nvfacts: SPI_connect failed");
	load_relids();
	{
		nvf_lexicon *lex = nvf_lexicon_new(&env);

		load_lexicon(lex);
		SPI_finish();
		MemoryContextSetParent(cxt, TopMemoryContext);
		if (lexicon_cxt)
			MemoryContextDelete(lexicon_cxt);
		lexicon_cxt = cxt;
		lexicon = lex;
	}
	return lexicon;
}
