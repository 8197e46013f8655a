/*
 * sql_vocab.c — nvfacts.vocabulary(name): the values of one of the core's
 * vocabularies (vocab.c), so that the lexicon tables' CHECK constraints and
 * users' queries read the one list the core itself compares against.
 */
#include "nvfacts.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(nvf_vocabulary);

typedef struct vocabulary
{
	const char *name;
	const char *const *values;
	int			n;
	bool		(*keep) (int value);	/* NULL: every value */
} vocabulary;

/* The units that are currencies (nvfacts.entities.currency). */
static bool
is_currency(int value)
{
	return nvf_unit_is_money((nvf_unit) value);
}

static const vocabulary vocabularies[] = {
	{"unit", nvf_unit_names, NVF_UNIT_N_, NULL},
	{"currency", nvf_unit_names, NVF_UNIT_N_, is_currency},
	{"measure", nvf_measure_names, NVF_MEASURE_N_, NULL},
	{"status", nvf_status_names, NVF_STATUS_N_, NULL},
	{"basis", nvf_basis_names, NVF_BASIS_N_, NULL},
	{"approx", nvf_approx_names, NVF_APPROX_N_, NULL},
	{"period_kind", nvf_period_kind_names, NVF_PK_COUNT_, NULL},
	{"unit_family", nvf_family_names, NVF_FAMILY_N_, NULL},
	{"cue_kind", nvf_cue_names, NVF_CUE_COUNT_, NULL},
};

static const vocabulary *
find_vocabulary(const char *name)
{
	for (size_t i = 0; i < lengthof(vocabularies); i++)
		if (strcmp(vocabularies[i].name, name) == 0)
			return &vocabularies[i];
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown nvfacts vocabulary \"%s\"", name),
			 errhint("The vocabularies are unit, currency, measure, status, basis, approx, period_kind, unit_family and cue_kind.")));
	return NULL;				/* not reached */
}

/* The values in the core's order; a value that stands for NULL is left out. */
Datum
nvf_vocabulary(PG_FUNCTION_ARGS)
{
	const vocabulary *v = find_vocabulary(text_to_cstring(PG_GETARG_TEXT_PP(0)));
	Datum	   *elems = palloc(sizeof(Datum) * v->n);
	int			n = 0;

	for (int i = 0; i < v->n; i++)
		if (v->values[i] && (!v->keep || v->keep(i)))
			elems[n++] = CStringGetTextDatum(v->values[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}
