/*
 * standalone_env.c — the text core's environment outside PostgreSQL (unit
 * tests, libFuzzer): a chunk-list arena freed in bulk, no interrupts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "standalone_env.h"

typedef struct chunk
{
	struct chunk *next;
	max_align_t align[];
} chunk;

static void *
sa_alloc(void *ctx, size_t size)
{
	chunk	  **head = ctx;
	chunk	   *c = malloc(sizeof(chunk) + size);

	if (!c)
	{
		fprintf(stderr, "out of memory\n");
		abort();
	}
	c->next = *head;
	*head = c;
	return c->align;
}

static void
sa_reset(void *ctx)
{
	chunk	  **head = ctx;

	while (*head)
	{
		chunk	   *next = (*head)->next;

		free(*head);
		*head = next;
	}
}

static void
sa_interrupts(void *ctx)
{
	(void) ctx;
}

void
standalone_env_init(nvf_env *env, void **head)
{
	*head = NULL;
	env->alloc = sa_alloc;
	env->reset = sa_reset;
	env->check_interrupts = sa_interrupts;
	env->ctx = head;
}

bool
standalone_core_init(void)
{
	char		err[256];

	if (!nvf_normalize_init(err, sizeof(err)) || !nvf_patterns_init(err, sizeof(err)))
	{
		fprintf(stderr, "core init failed: %s\n", err);
		return false;
	}
	return true;
}
