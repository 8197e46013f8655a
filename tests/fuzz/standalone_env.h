/*
 * standalone_env.h — an nvf_env backed by malloc, for code that runs the
 * text core without PostgreSQL (unit tests, fuzzer, nvfq tool).
 */
#ifndef STANDALONE_ENV_H
#define STANDALONE_ENV_H

#include "nvfacts_core.h"

/* head holds the arena; env->reset(env->ctx) frees everything. */
extern void standalone_env_init(nvf_env *env, void **head);
extern bool standalone_core_init(void);

#endif
