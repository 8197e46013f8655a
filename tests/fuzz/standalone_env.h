/*
 * standalone_env.h — an nvf_env backed by malloc, and the shipped lexicon,
 * for code that runs the text core without PostgreSQL (unit tests, fuzzers).
 */
#ifndef STANDALONE_ENV_H
#define STANDALONE_ENV_H

#include "nvfacts_extract.h"

/* head holds the arena; env->reset(env->ctx) frees everything. */
extern void standalone_env_init(nvf_env *env, void **head);
extern bool standalone_core_init(void);

/* in standalone_lexicon.c: the rows of lexicon_data.sql as a lexicon (from env); NULL on failure */
extern nvf_lexicon *standalone_lexicon_load(nvf_env *env, const char *path);

#endif
