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

/*
 * The columns of nvfacts.fact that extract() fills, by name: a row type of
 * another version (the 0.1.0 type before ALTER EXTENSION UPDATE, or one
 * whose new columns were appended) is filled by its own column names.
 */
typedef enum fact_field
{
	F_DOC, F_FACT_NO, F_ENTITY, F_METRIC, F_SEGMENT, F_BASIS, F_MEASURE, F_VALUE, F_VALUE_LOW,
	F_VALUE_HIGH, F_UNIT, F_APPROX, F_STATUS, F_FISCAL_YEAR, F_FISCAL_QUARTER, F_PERIOD_KIND,
	F_PERIOD_END, F_PERIOD_TEXT, F_SPAN_START, F_SPAN_END, F_EVIDENCE, F_COUNT_
} fact_field;

static const char *const field_names[F_COUNT_] = {
	"doc", "fact_no", "entity", "metric", "segment", "basis", "measure", "value", "value_low",
	"value_high", "unit", "approx", "status", "fiscal_year", "fiscal_quarter", "period_kind",
	"period_end", "period_text", "span_start", "span_end", "evidence"
};

typedef struct fact_sink
{
	Tuplestorestate *store;
	TupleDesc	desc;
	int		   *field_of;		/* per attribute of desc: its fact_field, or -1 */
	Datum	   *values;
	bool	   *nulls;
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

static Datum
period_end_datum(const nvf_fact *f, const nvf_entity *ent, bool *isnull)
{
	nvf_date	d;

	*isnull = !nvf_period_end(&f->period, ent ? ent->fy_end_month : 12, &d);
	return *isnull ? (Datum) 0
		: DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
}

/* One column of a fact, whose entity and segment are ent and seg (NULL: none). */
static Datum
fact_value(fact_sink *sink, const nvf_fact *f, const nvf_entity *ent, const nvf_segment *seg,
		   fact_field field, bool *isnull)
{
	*isnull = false;
	switch (field)
	{
		case F_DOC:
			*isnull = true;		/* the loader fills it */
			return (Datum) 0;
		case F_FACT_NO:
			return Int32GetDatum(sink->fact_no);
		case F_ENTITY:
			return nvf_text_or_null(ent ? ent->name : NULL, isnull);
		case F_METRIC:
			return CStringGetTextDatum(nvf_lexicon_metric(sink->lex, f->metric)->key);
		case F_SEGMENT:
			return nvf_text_or_null(seg ? seg->key : NULL, isnull);
		case F_BASIS:
			return nvf_text_or_null(nvf_basis_names[f->basis], isnull);
		case F_MEASURE:
			return CStringGetTextDatum(nvf_measure_names[f->measure]);
		case F_VALUE:
			return nvf_dec_datum(f->value, isnull);
		case F_VALUE_LOW:
			return nvf_dec_datum(f->low, isnull);
		case F_VALUE_HIGH:
			return nvf_dec_datum(f->high, isnull);
		case F_UNIT:
			return CStringGetTextDatum(nvf_unit_names[f->unit]);
		case F_APPROX:
			return nvf_text_or_null(nvf_approx_names[f->approx], isnull);
		case F_STATUS:
			return CStringGetTextDatum(nvf_status_names[f->status]);
		case F_FISCAL_YEAR:
			return maybe_int(f->period.fy, isnull);
		case F_FISCAL_QUARTER:
			return maybe_int(f->period.fq, isnull);
		case F_PERIOD_KIND:
			return nvf_text_or_null(nvf_period_kind_names[f->period.kind], isnull);
		case F_PERIOD_END:
			return period_end_datum(f, ent, isnull);
		case F_PERIOD_TEXT:
			return nvf_text_or_null(f->period.text, isnull);
		case F_SPAN_START:
			return Int32GetDatum((int32) f->ostart);
		case F_SPAN_END:
			return Int32GetDatum((int32) f->oend);
		case F_EVIDENCE:
			return nvf_text_or_null(f->evidence, isnull);
		case F_COUNT_:
			break;
	}
	elog(ERROR, "nvfacts: unknown fact field %d", (int) field);
	return (Datum) 0;
}

static void
emit_fact(void *arg, const nvf_fact *f)
{
	fact_sink  *sink = arg;
	const nvf_entity *ent = nvf_lexicon_entity(sink->lex, f->entity);
	const nvf_segment *seg = nvf_lexicon_segment(sink->lex, f->segment);
	MemoryContext old = MemoryContextSwitchTo(sink->out_cxt);

	sink->fact_no++;
	for (int i = 0; i < sink->desc->natts; i++)
	{
		sink->nulls[i] = true;
		if (sink->field_of[i] >= 0)
			sink->values[i] = fact_value(sink, f, ent, seg, (fact_field) sink->field_of[i],
										 &sink->nulls[i]);
	}
	tuplestore_putvalues(sink->store, sink->desc, sink->values, sink->nulls);
	MemoryContextSwitchTo(old);
}

/* The fact field named name, or -1; nvfacts.fact's own column i is field i, tried first. */
static int
field_named(const char *name, int i)
{
	if (i < F_COUNT_ && strcmp(name, field_names[i]) == 0)
		return i;
	for (int k = 0; k < F_COUNT_; k++)
		if (strcmp(name, field_names[k]) == 0)
			return k;
	return -1;
}

/* Which fact field each column of desc holds, by name (-1: none, left NULL). */
static int *
map_fields(TupleDesc desc)
{
	int		   *field_of = palloc(Max(desc->natts, 1) * sizeof(int));

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		field_of[i] = att->attisdropped ? -1 : field_named(NameStr(att->attname), i);
	}
	return field_of;
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
	sink.field_of = map_fields(fact_desc);
	sink.values = palloc(Max(fact_desc->natts, 1) * sizeof(Datum));
	sink.nulls = palloc(Max(fact_desc->natts, 1) * sizeof(bool));
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
	pfree(sink.field_of);
	pfree(sink.values);
	pfree(sink.nulls);
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
