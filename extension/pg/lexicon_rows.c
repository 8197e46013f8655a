/*
 * lexicon_rows.c — shipped lexicon rows a user edits: an UPDATE makes such a
 * row the user's (builtin = false, so pg_dump keeps it), and an INSERT of a
 * user's row whose key a shipped row holds (a restore, where CREATE EXTENSION
 * has just inserted the shipped rows) replaces that row instead of failing.
 */
#include "nvfacts.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/bitmapset.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"

PG_FUNCTION_INFO_V1(nvf_lexicon_row_edited);
PG_FUNCTION_INFO_V1(nvf_lexicon_row_restored);

/* The trigger's data, once it is the row trigger it must be (when: BEFORE, event: its event). */
static TriggerData *
row_trigger(FunctionCallInfo fcinfo, const char *name, bool update)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		(update ? !TRIGGER_FIRED_BY_UPDATE(td->tg_event) : !TRIGGER_FIRED_BY_INSERT(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s must be called as a BEFORE %s trigger FOR EACH ROW", name,
						update ? "UPDATE" : "INSERT")));
	return td;
}

/* Column builtin of a lexicon row (its attribute number is *attno). */
static bool
builtin_of(Relation rel, HeapTuple row, int *attno)
{
	bool		isnull;
	Datum		d;

	*attno = SPI_fnumber(RelationGetDescr(rel), "builtin");
	if (*attno <= 0)
		elog(ERROR, "table \"%s\" has no column builtin", RelationGetRelationName(rel));
	d = heap_getattr(row, *attno, RelationGetDescr(rel), &isnull);
	return !isnull && DatumGetBool(d);
}

/* Whether a and b differ in a column other than skip. */
static bool
differ_but(TupleDesc desc, HeapTuple a, HeapTuple b, int skip)
{
	for (int i = 1; i <= desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i - 1);
		bool		anull,
					bnull;
		Datum		ad,
					bd;

		if (i == skip || att->attisdropped)
			continue;
		ad = heap_getattr(a, i, desc, &anull);
		bd = heap_getattr(b, i, desc, &bnull);
		if (anull != bnull || (!anull && !datumIsEqual(ad, bd, att->attbyval, att->attlen)))
			return true;
	}
	return false;
}

/*
 * BEFORE UPDATE: a shipped row changed by a user becomes the user's.  The
 * extension's own scripts (an upgrade giving shipped rows new values) leave
 * it shipped; so does an UPDATE that sets builtin itself or changes nothing.
 */
Datum
nvf_lexicon_row_edited(PG_FUNCTION_ARGS)
{
	TriggerData *td = row_trigger(fcinfo, "nvfacts.lexicon_row_edited()", true);
	Relation	rel = td->tg_relation;
	int			attno;
	Datum		no = BoolGetDatum(false);
	bool		notnull = false;

	if (creating_extension || !builtin_of(rel, td->tg_trigtuple, &attno) ||
		!builtin_of(rel, td->tg_newtuple, &attno) ||
		!differ_but(RelationGetDescr(rel), td->tg_trigtuple, td->tg_newtuple, attno))
		return PointerGetDatum(td->tg_newtuple);
	return PointerGetDatum(heap_modify_tuple_by_cols(td->tg_newtuple, RelationGetDescr(rel), 1, &attno,
													 &no, &notnull));
}

/*
 * "UPDATE schema.table SET (a, b, ...) = ROW($1, $2, ...) WHERE key = $k ...
 * AND builtin": a shipped row with the key of a new row takes its values.
 * Operators are named in pg_catalog: nothing is looked up in the search_path.
 */
static char *
replace_sql(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Bitmapset  *key = RelationGetIndexAttrBitmap(rel, INDEX_ATTR_BITMAP_PRIMARY_KEY);
	StringInfoData cols,
				vals,
				sql;
	int			k = -1;

	initStringInfo(&cols);
	initStringInfo(&vals);
	initStringInfo(&sql);
	for (int i = 1; i <= desc->natts; i++)
	{
		if (TupleDescAttr(desc, i - 1)->attisdropped)
			continue;
		appendStringInfo(&cols, "%s%s", cols.len ? ", " : "",
						 quote_identifier(NameStr(TupleDescAttr(desc, i - 1)->attname)));
		appendStringInfo(&vals, "%s$%d", vals.len ? ", " : "", i);
	}
	appendStringInfo(&sql, "UPDATE %s SET (%s) = ROW(%s) WHERE builtin",
					 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel)), cols.data, vals.data);
	while ((k = bms_next_member(key, k)) >= 0)
	{
		AttrNumber	att = k + FirstLowInvalidHeapAttributeNumber;

		appendStringInfo(&sql, " AND %s OPERATOR(pg_catalog.=) $%d",
						 quote_identifier(NameStr(TupleDescAttr(desc, att - 1)->attname)), att);
	}
	return sql.data;
}

/*
 * BEFORE INSERT of a user's row (builtin false): when a shipped row holds its
 * key, that row takes the new values (as the user's) and the INSERT is
 * skipped.  A restore inserts the user's version of an edited shipped row
 * after CREATE EXTENSION inserted the shipped one: the user's wins.
 */
Datum
nvf_lexicon_row_restored(PG_FUNCTION_ARGS)
{
	TriggerData *td = row_trigger(fcinfo, "nvfacts.lexicon_row_restored()", false);
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	HeapTuple	row = td->tg_trigtuple;
	int			attno;
	Oid		   *types;
	Datum	   *values;
	char	   *nulls;
	uint64		replaced;

	if (creating_extension || builtin_of(rel, row, &attno))
		return PointerGetDatum(row);
	types = palloc(desc->natts * sizeof(Oid));
	values = palloc(desc->natts * sizeof(Datum));
	nulls = palloc(desc->natts * sizeof(char));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		isnull = true;

		/* (a dropped column: a NULL text parameter the statement does not name) */
		types[i] = att->attisdropped ? TEXTOID : att->atttypid;
		values[i] = att->attisdropped ? (Datum) 0 : heap_getattr(row, i + 1, desc, &isnull);
		nulls[i] = isnull ? 'n' : ' ';
	}
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(replace_sql(rel), desc->natts, types, values, nulls, false, 0) != SPI_OK_UPDATE)
		elog(ERROR, "nvfacts.lexicon_row_restored(): the UPDATE of a shipped row failed");
	replaced = SPI_processed;
	SPI_finish();
	return PointerGetDatum(replaced > 0 ? NULL : row);
}
