/*
 * sql_text.c — SQL functions over the text core: nvfacts.normalize(text)
 * and nvfacts.quantities(text).
 */
#include "nvfacts.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(nvf_normalize);
PG_FUNCTION_INFO_V1(nvf_quantities);

Datum
nvf_normalize(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	MemoryContext scratch,
				old;
	nvf_env		env;
	nvf_text	out;
	text	   *result;

	nvf_pg_require_core();
	scratch = nvf_scratch_context("nvfacts normalize");
	nvf_pg_env_init(&env, scratch);
	nvf_repair(&env, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), false, &out);
	old = MemoryContextSwitchTo(MemoryContextGetParent(scratch));
	result = nvf_text_from_bytes(out.s, out.len);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(scratch);
	PG_RETURN_TEXT_P(result);
}

/* numeric from an exact decimal; NULL when not set */
Datum
nvf_dec_datum(nvf_dec d, bool *isnull)
{
	char		buf[NVF_DEC_TEXT];

	*isnull = !d.ok;
	if (!d.ok)
		return (Datum) 0;
	/* mant * 10^exp with scale -exp: what numeric_in makes of nvf_dec_format's text */
	if (d.exp >= -NUMERIC_MAX_DISPLAY_SCALE && d.exp <= 40)
		return NumericGetDatum(int64_div_fast_to_numeric(d.mant, -d.exp));
	nvf_dec_format(d, buf, sizeof(buf));
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

typedef struct quantity_sink
{
	Tuplestorestate *store;
	TupleDesc	desc;
	MemoryContext out_cxt;
} quantity_sink;

static void
emit_quantity(void *arg, const nvf_quantity *q)
{
	quantity_sink *sink = arg;
	Datum		v[8];
	bool		n[8] = {0};
	MemoryContext old = MemoryContextSwitchTo(sink->out_cxt);

	v[0] = Int32GetDatum((int32) q->ostart);
	v[1] = Int32GetDatum((int32) q->oend);
	v[2] = CStringGetTextDatum(q->surface);
	v[3] = nvf_dec_datum(q->value, &n[3]);
	v[4] = nvf_dec_datum((q->flags & NVF_Q_RANGE) ? q->low : (nvf_dec) {0, 0, false}, &n[4]);
	v[5] = nvf_dec_datum((q->flags & NVF_Q_RANGE) ? q->high : (nvf_dec) {0, 0, false}, &n[5]);
	v[6] = nvf_text_or_null(q->unit, &n[6]);
	v[7] = nvf_text_or_null(nvf_approx_name(q->approx), &n[7]);
	tuplestore_putvalues(sink->store, sink->desc, v, n);
	MemoryContextSwitchTo(old);
}

Datum
nvf_quantities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *in = PG_GETARG_TEXT_PP(0);
	quantity_sink sink;
	MemoryContext scratch;
	nvf_env		env;

	nvf_pg_require_core();
	InitMaterializedSRF(fcinfo, 0);
	sink.store = rsinfo->setResult;
	sink.desc = rsinfo->setDesc;
	sink.out_cxt = CurrentMemoryContext;
	scratch = nvf_scratch_context("nvfacts quantities");
	nvf_pg_env_init(&env, scratch);
	nvf_document_quantities(&env, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), emit_quantity, &sink);
	MemoryContextDelete(scratch);
	return (Datum) 0;
}
