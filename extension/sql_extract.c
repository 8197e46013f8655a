/*
 * sql_extract.c — nvfacts.extract(doc text, published date): the facts of
 * one document as rows of nvfacts.fact.
 */
#include "nvfacts.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "nvfacts_extract.h"

PG_FUNCTION_INFO_V1(nvf_extract);

#define FACT_COLUMNS 19

typedef struct fact_sink
{
	Tuplestorestate *store;
	TupleDesc	desc;
	MemoryContext out_cxt;
	const nvf_lexicon *lex;
	int			fact_no;
} fact_sink;

static Datum
maybe_int(int v, bool *isnull)
{
	*isnull = (v == 0);
	return Int32GetDatum(v);
}

static void
emit_fact(void *arg, const nvf_fact *f)
{
	fact_sink  *sink = arg;
	Datum		v[FACT_COLUMNS];
	bool		n[FACT_COLUMNS] = {0};
	MemoryContext old = MemoryContextSwitchTo(sink->out_cxt);
	const nvf_segment *seg = nvf_lexicon_segment(sink->lex, f->segment);
	const nvf_entity *ent = nvf_lexicon_entity(sink->lex, f->entity);

	n[0] = true;				/* doc: the loader fills it */
	v[1] = Int32GetDatum(++sink->fact_no);
	v[2] = nvf_text_or_null(ent ? ent->name : NULL, &n[2]);
	v[3] = CStringGetTextDatum(nvf_lexicon_metric(sink->lex, f->metric)->key);
	v[4] = nvf_text_or_null(seg ? seg->key : NULL, &n[4]);
	v[5] = nvf_text_or_null(f->basis, &n[5]);
	v[6] = CStringGetTextDatum(f->measure);
	v[7] = nvf_dec_datum(f->value, &n[7]);
	v[8] = nvf_dec_datum(f->low, &n[8]);
	v[9] = nvf_dec_datum(f->high, &n[9]);
	v[10] = CStringGetTextDatum(f->unit);
	v[11] = nvf_text_or_null(nvf_approx_name(f->approx), &n[11]);
	v[12] = CStringGetTextDatum(f->status);
	v[13] = maybe_int(f->period.fy, &n[13]);
	v[14] = maybe_int(f->period.fq, &n[14]);
	v[15] = nvf_text_or_null(f->period.text, &n[15]);
	v[16] = Int32GetDatum((int32) f->ostart);
	v[17] = Int32GetDatum((int32) f->oend);
	v[18] = nvf_text_or_null(f->evidence, &n[18]);
	tuplestore_putvalues(sink->store, sink->desc, v, n);
	MemoryContextSwitchTo(old);
}

/*
 * The facts of doc[0..len) appended to store as rows of fact_desc
 * (nvfacts.fact); year 0 = publication date unknown.  Used by extract()
 * and by the loader.
 */
void
nvf_extract_into(const char *doc, size_t len, int year, int month, int day,
				 Tuplestorestate *store, TupleDesc fact_desc)
{
	fact_sink	sink;
	MemoryContext doc_cxt,
				scratch_cxt;
	nvf_env		doc_env,
				scratch;
	nvf_date	published = {year, month, day};

	sink.store = store;
	sink.desc = fact_desc;
	sink.out_cxt = CurrentMemoryContext;
	sink.lex = nvf_pg_lexicon();
	sink.fact_no = 0;
	doc_cxt = nvf_scratch_context("nvfacts extract document");
	scratch_cxt = nvf_scratch_context("nvfacts extract block");
	nvf_pg_env_init(&doc_env, doc_cxt);
	nvf_pg_env_init(&scratch, scratch_cxt);
	nvf_document_facts(&doc_env, &scratch, sink.lex, doc, len, published, emit_fact, &sink);
	MemoryContextDelete(scratch_cxt);
	MemoryContextDelete(doc_cxt);
}

/* The row type nvfacts.fact, for callers without a function call's result type. */
TupleDesc
nvf_fact_desc(void)
{
	Oid			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										 CStringGetDatum("fact"),
										 ObjectIdGetDatum(get_namespace_oid("nvfacts", false)));

	if (!OidIsValid(typoid))
		elog(ERROR, "type nvfacts.fact does not exist");
	return lookup_rowtype_tupdesc_copy(typoid, -1);
}

Datum
nvf_extract(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	nvf_date	d = {0, 0, 0};
	text	   *in;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	in = PG_GETARG_TEXT_PP(0);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		DateADT		date = PG_GETARG_DATEADT(1);

		if (!DATE_NOT_FINITE(date))
			j2date(date + POSTGRES_EPOCH_JDATE, &d.year, &d.month, &d.day);
	}
	nvf_extract_into(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), d.year, d.month, d.day,
					 rsinfo->setResult, rsinfo->setDesc);
	return (Datum) 0;
}
