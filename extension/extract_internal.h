/*
 * extract_internal.h — what clause.c, fact.c and document.c share: a
 * sentence with its clauses, lexicon mentions, quantities and periods, and
 * the document state carried from sentence to sentence.
 */
#ifndef NVFACTS_EXTRACT_INTERNAL_H
#define NVFACTS_EXTRACT_INTERNAL_H

#include "nvfacts_extract.h"

typedef struct mention
{
	size_t		start;
	size_t		end;
	const nvf_term *term;
	int			clause;
} mention;

typedef struct sentence
{
	const nvf_block *blk;
	const char *t;				/* the repaired block text */
	size_t		start;
	size_t		end;
	bool		new_paragraph;	/* a line break came before it */
	int			nclauses;
	size_t	   *clause_end;		/* clause i ends at clause_end[i] */
	mention    *m;
	int			nm;
	nvf_quantity *q;
	int			nq;
	nvf_period_mention *p;
	int			np;
} sentence;

#define CARRY_SENTENCES 3		/* sentences a dropped subject carries over */
#define ENTITY_NONE (-1)
#define ENTITY_GROUP (-2)		/* several companies at once: entity NULL */

/* What a document remembers between sentences. */
typedef struct doc_state
{
	nvf_env    *env;			/* lives for the document */
	const nvf_lexicon *lex;
	nvf_date	published;
	int			carry_entity;	/* subject of recent sentences, or ENTITY_* */
	int			carry_age;		/* sentences since it was named */
	int			carry_paras;	/* paragraphs since it was named */
	int			carry_metric;
	int			carry_metric_age;
	nvf_period *context;		/* per entity: the period last named for it */
	nvf_period *latest;			/* per entity: its latest quarter reported */
	size_t		nentities;
	char	  **seen;			/* duplicate keys: open addressing */
	size_t		seen_cap;
	size_t		seen_n;
} doc_state;

/* in clause.c */
extern int	nvf_next_sentence(const char *t, size_t len, size_t pos, size_t *end);
extern void nvf_sentence_build(nvf_env *env, const nvf_lexicon *lex, const nvf_text *text,
							   size_t start, size_t end, const nvf_quantity *qs, int nq,
							   const nvf_period_mention *ps, int np, sentence *s);
extern int	nvf_clause_of(const sentence *s, size_t pos);
extern int	nvf_first_from(const size_t *start0, size_t stride, int n, size_t pos);

/*
 * The index of the first of n items in text order (quantities, periods,
 * mentions: anything with a start) that starts at or after pos.
 */
#define NVF_FIRST_FROM(items, n, pos) \
	nvf_first_from((items) ? &(items)[0].start : NULL, sizeof((items)[0]), (n), (pos))
extern bool nvf_text_between_has(const sentence *s, size_t a, size_t b, const char *word);

/* in fact.c */
typedef struct fact_list
{
	nvf_fact   *items;
	size_t	   *qstart;			/* byte start of each fact's quantity */
	int			n;
	int			cap;
} fact_list;

extern void nvf_sentence_facts(doc_state *ds, nvf_env *env, const sentence *s,
							   fact_list *out);
/* The entity a sentence is about (its first one, a group, or ENTITY_NONE). */
extern int	nvf_sentence_subject(const doc_state *ds, const sentence *s);

#endif
