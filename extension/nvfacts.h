/*
 * nvfacts.h — the PostgreSQL side of nvfacts: who owns what.
 * The text core (nvfacts_core.h) knows nothing of PostgreSQL; these files
 * wrap it in memory contexts, errors and SQL functions.
 */
#ifndef NVFACTS_H
#define NVFACTS_H

#include "postgres.h"
#include "utils/memutils.h"

#include "nvfacts_core.h"

/* A child of the current context for one call's scratch memory. */
#define nvf_scratch_context(name) \
	AllocSetContextCreate(CurrentMemoryContext, (name), ALLOCSET_DEFAULT_SIZES)

/* in pg_env.c */
extern void nvf_pg_env_init(nvf_env *env, MemoryContext cxt);
extern void nvf_pg_require_core(void);
extern text *nvf_text_from_bytes(const char *s, size_t len);
extern Datum nvf_dec_datum(nvf_dec d, bool *isnull);

/* in lexicon_cache.c */
struct nvf_lexicon;
extern const struct nvf_lexicon *nvf_pg_lexicon(void);

#endif							/* NVFACTS_H */
