/*
 * normalize_internal.h — the character table shared by normalize_tables.c (builds
 * it) and normalize.c (reads it).  Not part of the core's public interface.
 */
#ifndef NVFACTS_NORMALIZE_INTERNAL_H
#define NVFACTS_NORMALIZE_INTERNAL_H

#include <stdint.h>

/* Replacement of one BMP code point: len bytes at nvf_repl_pool + off. */
typedef struct nvf_repl_entry
{
	uint32_t	off;
	uint8_t		len;
	uint8_t		changed;		/* 0: the code point stays as it is */
} nvf_repl_entry;

extern nvf_repl_entry *nvf_repl_table;	/* 0x10000 entries, NULL until init */
extern char *nvf_repl_pool;

#endif
