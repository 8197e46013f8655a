/*
 * sql_text.c — SQL functions over the text core: nvfacts.normalize(text)
 * and nvfacts.quantities(text).
 */
#include "nvfacts.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(nvf_normalize);
PG_FUNCTION_INFO_V1(nvf_quantities);

/* A text value under construction: its bytes grow block by block. */
typedef struct text_builder
{
	text	   *t;
	size_t		len;			/* bytes of data */
	size_t		cap;			/* bytes of data room */
} text_builder;

static void
text_append(text_builder *b, const char *s, size_t n)
{
	if (n > b->cap - b->len)
	{
		size_t		need = nvf_text_limit(b->len + n);

		b->cap = Max(need, Min(b->cap * 2, MaxAllocSize - VARHDRSZ));
		b->t = repalloc(b->t, VARHDRSZ + b->cap);
	}
	memcpy(VARDATA(b->t) + b->len, s, n);
	b->len += n;
}

/*
 * Normalized block by block, as the parsers read it: memory is the input, the
 * output and one block's scratch, whatever the normalization expands.
 */
Datum
nvf_normalize(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *doc = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in),
				pos = 0;
	MemoryContext scratch;
	nvf_env		env;
	text_builder out;

	nvf_pg_require_core();
	out.len = 0;
	out.cap = Min(len + len / 8 + 16, MaxAllocSize - VARHDRSZ);
	out.t = palloc(VARHDRSZ + out.cap);
	scratch = nvf_scratch_context("nvfacts normalize");
	nvf_pg_env_init(&env, scratch);
	while (pos < len)
	{
		size_t		end = nvf_block_end(doc, len, pos);
		nvf_text	blk;

		CHECK_FOR_INTERRUPTS();
		nvf_normalize_text(&env, doc + pos, end - pos, false, &blk);
		text_append(&out, blk.s, blk.len);
		MemoryContextReset(scratch);
		pos = end;
	}
	MemoryContextDelete(scratch);
	SET_VARSIZE(out.t, VARHDRSZ + out.len);
	PG_RETURN_TEXT_P(out.t);
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

#define QUANTITY_COLUMNS 8		/* span_start ... approx */

static void
emit_quantity(void *arg, const nvf_quantity *q)
{
	quantity_sink *sink = arg;
	Datum		v[QUANTITY_COLUMNS];
	bool		n[QUANTITY_COLUMNS] = {0};
	MemoryContext old = MemoryContextSwitchTo(sink->out_cxt);

	v[0] = Int32GetDatum((int32) q->ostart);
	v[1] = Int32GetDatum((int32) q->oend);
	v[2] = CStringGetTextDatum(q->surface);
	v[3] = nvf_dec_datum(q->value, &n[3]);
	v[4] = nvf_dec_datum((q->flags & NVF_Q_RANGE) ? q->low : (nvf_dec) {0, 0, false}, &n[4]);
	v[5] = nvf_dec_datum((q->flags & NVF_Q_RANGE) ? q->high : (nvf_dec) {0, 0, false}, &n[5]);
	v[6] = nvf_text_or_null(nvf_unit_names[q->unit], &n[6]);
	v[7] = nvf_text_or_null(nvf_approx_names[q->approx], &n[7]);
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
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	nvf_require_columns(rsinfo->setDesc, QUANTITY_COLUMNS, "nvfacts.quantities()");
	sink.store = rsinfo->setResult;
	sink.desc = rsinfo->setDesc;
	sink.out_cxt = CurrentMemoryContext;
	scratch = nvf_scratch_context("nvfacts quantities");
	nvf_pg_env_init(&env, scratch);
	nvf_document_quantities(&env, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), emit_quantity, &sink);
	MemoryContextDelete(scratch);
	return (Datum) 0;
}
