/*
 * arena.c — allocation through the caller's env, and growable buffers.
 * The core allocates only here; it never frees (the env resets in bulk).
 */
#include <string.h>

#include "nvfacts_core.h"

void *
nvf_alloc(nvf_env *env, size_t size)
{
	return env->alloc(env->ctx, size ? size : 1);
}

void *
nvf_alloc0(nvf_env *env, size_t size)
{
	void	   *p = nvf_alloc(env, size);

	memset(p, 0, size);
	return p;
}

char *
nvf_strndup(nvf_env *env, const char *s, size_t n)
{
	char	   *p = nvf_alloc(env, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Growth doubles, so the bytes left behind total at most the final size. */
void
nvf_buf_reserve(nvf_env *env, nvf_buf *b, size_t extra)
{
	size_t		need = b->len + extra + 1;
	size_t		cap;
	char	   *p;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	p = nvf_alloc(env, cap);
	if (b->len)
		memcpy(p, b->data, b->len);
	b->data = p;
	b->cap = cap;
}

void
nvf_buf_append(nvf_env *env, nvf_buf *b, const char *s, size_t n)
{
	nvf_buf_reserve(env, b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}
