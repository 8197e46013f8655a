/*
 * vocab.c — the names of the vocabularies in vocab.h, as FACTS.md spells
 * them: what the SQL functions return and the lexicon tables hold.  Each
 * array follows its enum's order.
 */
#include <string.h>

#include "vocab.h"

const char *const nvf_unit_names[NVF_UNIT_N_] = {
	NULL, "USD", "CNY", "HKD", "TWD", "JPY", "EUR", "GBP", "KRW", "MYR", "%", "pp", "x", "count"
};

const char *const nvf_measure_names[NVF_MEASURE_N_] = {
	NULL, "level", "yoy", "qoq", "change", "share", "surprise"
};

const char *const nvf_status_names[NVF_STATUS_N_] = {
	NULL, "actual", "guidance", "forecast"
};

const char *const nvf_basis_names[NVF_BASIS_N_] = {NULL, "gaap", "non_gaap"};

const char *const nvf_approx_names[NVF_APPROX_N_] = {NULL, "about", "over", "under", "up_to"};

const char *const nvf_family_names[NVF_FAMILY_N_] = {"money", "percent", "money_or_percent"};

const char *const nvf_cue_names[NVF_CUE_COUNT_] = {
	"block", "yoy", "qoq", "share", "surprise", "up", "down", "up_noun", "down_noun",
	"guidance", "forecast", "gaap", "non_gaap", "tolerance", "respectively", "each",
	"total", "group", "from", "per", "article_end", "other_org", "other_metric", "partner",
	"apposition", "contrast", "self", "declare", "expect", "exclude", "both", "market", "done", "former", "latter",
	"modifier", "miss", "hk_usage", "disposal", "world", "org_noun", "cause",
	"this_part", "authorized"
};

const char *const nvf_period_kind_names[NVF_PK_COUNT_] = {
	NULL, "quarter", "half", "nine_months", "year", "month", "ytd", "ttm"
};

int
nvf_vocab_find(const char *const *names, int n, const char *name)
{
	for (int i = 0; name && i < n; i++)
		if (names[i] && strcmp(names[i], name) == 0)
			return i;
	return -1;
}
