/*
 * lexicon.c — the compiled lexicon: entities, metrics, segments and cue words
 * from the user-extensible tables, normalized like the text and indexed by first
 * code point (words of one character) or first two (longer words), so that each
 * position is matched longest-first.
 */
#include <stdlib.h>
#include <string.h>

#include "nvfacts_extract.h"

#define INDEX_SIZE 0x10000		/* BMP first code points; others share slot 0 */

/* a term's cue kinds are a 64-bit mask */
_Static_assert(NVF_CUE_COUNT_ <= 64, "nvf_cue kinds must fit nvf_term.cues");

struct nvf_lexicon
{
	nvf_env    *env;
	nvf_entity *entities;
	int			nentities;
	nvf_metric *metrics;
	int			nmetrics;
	nvf_segment *segments;
	int			nsegments;
	nvf_segment_reading *readings;	/* a shared part's word, said of one company */
	int			nreadings;
	nvf_term   *terms;
	int			nterms;
	int		   *head;			/* words of one code point: INDEX_SIZE chains, -1 terminated */
	int		   *head2;			/* longer words, by their first two code points */
	uint8_t    *starts;			/* bit set: a word starts with this first-code-point slot */
	/*
	 * Bit sets of the chains that are not empty, by the slots of head and
	 * head2: 8 KB each where the chains take 256 KB, so the slot of a
	 * character that starts no such word is seldom a cache miss.
	 */
	uint8_t    *has_one;
	uint8_t    *has_two;
};

/* Is bit k of a bit set of INDEX_SIZE bits set? */
static inline bool
bit_at(const uint8_t *bits, uint32_t k)
{
	return (bits[k / 8] & (1u << (k % 8))) != 0;
}

/* Sets bit k of a bit set of INDEX_SIZE bits. */
static inline void
set_bit(uint8_t *bits, uint32_t k)
{
	bits[k / 8] |= (uint8_t) (1u << (k % 8));
}

nvf_lexicon *
nvf_lexicon_new(nvf_env *env)
{
	nvf_lexicon *lex = nvf_alloc0(env, sizeof(nvf_lexicon));

	lex->env = env;
	return lex;
}

/* Grows an array of n elements of size sz to hold one more (doubling). */
static void *
grow(nvf_env *env, void *arr, int n, size_t sz)
{
	void	   *bigger;

	if (n & (n - 1) && n >= 8)
		return arr;				/* capacity is the next power of two >= 8 */
	bigger = nvf_alloc(env, (size_t) (n < 8 ? 8 : 2 * n) * sz);
	if (n)
		memcpy(bigger, arr, (size_t) n * sz);
	return bigger;
}

/* currency: an ISO code of the unit vocabulary (TWD), or NULL; anything else is none. */
int
nvf_lexicon_add_entity(nvf_lexicon *lex, const char *name, int fy_end_month, const char *currency)
{
	int			u = nvf_vocab_find(nvf_unit_names, NVF_UNIT_N_, currency);

	lex->entities = grow(lex->env, lex->entities, lex->nentities, sizeof(nvf_entity));
	lex->entities[lex->nentities].name = nvf_strndup(lex->env, name, strlen(name));
	lex->entities[lex->nentities].fy_end_month =
		(fy_end_month >= 1 && fy_end_month <= 12) ? fy_end_month : 12;
	lex->entities[lex->nentities].currency =
		(u >= 0 && nvf_unit_is_money((nvf_unit) u)) ? (nvf_unit) u : NVF_UNIT_NONE;
	return lex->nentities++;
}

int
nvf_lexicon_add_metric(nvf_lexicon *lex, const char *key, nvf_family family, bool flow, bool segmented)
{
	lex->metrics = grow(lex->env, lex->metrics, lex->nmetrics, sizeof(nvf_metric));
	lex->metrics[lex->nmetrics].key = nvf_strndup(lex->env, key, strlen(key));
	lex->metrics[lex->nmetrics].family = family;
	lex->metrics[lex->nmetrics].flow = flow;
	lex->metrics[lex->nmetrics].segmented = segmented;
	return lex->nmetrics++;
}

int
nvf_lexicon_add_segment(nvf_lexicon *lex, const char *key)
{
	lex->segments = grow(lex->env, lex->segments, lex->nsegments, sizeof(nvf_segment));
	lex->segments[lex->nsegments].key = nvf_strndup(lex->env, key, strlen(key));
	lex->segments[lex->nsegments].owner = -1;
	lex->segments[lex->nsegments].product = false;
	lex->segments[lex->nsegments].metric = -1;
	return lex->nsegments++;
}

void
nvf_lexicon_set_owner(nvf_lexicon *lex, int segment, int entity, bool product)
{
	if (segment >= 0 && segment < lex->nsegments)
	{
		lex->segments[segment].owner = entity;
		lex->segments[segment].product = product;
	}
}

void
nvf_lexicon_add_reading(nvf_lexicon *lex, int segment, int entity, int reading)
{
	if (segment < 0 || entity < 0 || reading < 0)
		return;
	lex->readings = grow(lex->env, lex->readings, lex->nreadings, sizeof(nvf_segment_reading));
	lex->readings[lex->nreadings++] = (nvf_segment_reading) {segment, entity, reading};
}

int
nvf_lexicon_reading(const nvf_lexicon *lex, int segment, int entity)
{
	for (int i = 0; segment >= 0 && entity >= 0 && i < lex->nreadings; i++)
		if (lex->readings[i].segment == segment && lex->readings[i].entity == entity)
			return lex->readings[i].reading;
	return segment;
}

int
nvf_lexicon_find(const nvf_lexicon *lex, nvf_term_kind kind, const char *key)
{
	if (kind == NVF_TERM_ENTITY)
	{
		for (int i = 0; i < lex->nentities; i++)
			if (strcmp(lex->entities[i].name, key) == 0)
				return i;
	}
	else if (kind == NVF_TERM_METRIC)
	{
		for (int i = 0; i < lex->nmetrics; i++)
			if (strcmp(lex->metrics[i].key, key) == 0)
				return i;
	}
	else if (kind == NVF_TERM_SEGMENT)
	{
		for (int i = 0; i < lex->nsegments; i++)
			if (strcmp(lex->segments[i].key, key) == 0)
				return i;
	}
	else
		return nvf_vocab_find(nvf_cue_names, NVF_CUE_COUNT_, key);
	return -1;
}

static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
}

static bool
alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
nvf_lexicon_add_term(nvf_lexicon *lex, const char *alias, nvf_term_kind kind, int id,
					 unsigned flags)
{
	nvf_text	r;
	nvf_term   *t;
	bool		ascii = true;

	nvf_normalize_text(lex->env, alias, strlen(alias), false, &r);
	while (r.len && r.s[r.len - 1] == ' ')
		r.len--;
	while (r.len && r.s[0] == ' ')
		r.s++, r.len--;
	if (r.len == 0)
		return false;
	for (size_t i = 0; i < r.len; i++)
		if ((unsigned char) r.s[i] >= 0x80)
			ascii = false;
	if (ascii)
		for (size_t i = 0; i < r.len; i++)
			r.s[i] = lower(r.s[i]);
	lex->terms = grow(lex->env, lex->terms, lex->nterms, sizeof(nvf_term));
	t = &lex->terms[lex->nterms++];
	t->text = nvf_strndup(lex->env, r.s, r.len);
	t->len = r.len;
	t->kind = kind;
	t->id = id;
	t->cues = kind == NVF_TERM_CUE ? UINT64_C(1) << id : 0;
	t->flags = flags;
	t->segment = -1;
	t->ascii = ascii;
	t->next = -1;
	return true;
}

/* The code point at pos, ASCII lower-cased; *adv its length (inline: asked at every character). */
static inline uint32_t
key_cp(const char *t, size_t len, size_t pos, int *adv)
{
	uint32_t	c = nvf_utf8_decode((const unsigned char *) t + pos, len - pos, adv);

	return c < 0x80 ? (uint32_t) lower((char) c) : c;
}

/* The slot of the longer words whose first two code points are c and c2, in head2. */
static inline int
pair_slot(uint32_t c, uint32_t c2)
{
	return (int) (((c * 0x9E3779B1u) ^ c2) & (INDEX_SIZE - 1));
}

/* The chain of longer words whose first code point is c and second at pos, -1 past the end. */
static int
second_key(const char *t, size_t len, size_t pos, uint32_t c)
{
	int			adv;

	if (pos >= len)
		return -1;
	return pair_slot(c, key_cp(t, len, pos, &adv));
}

/*
 * The chains of the word that may start at pos: *k1 of its first code point
 * (words of one character), the return value of its first two (longer words),
 * or -1 when pos holds only one character.
 */
static int
index_keys(const char *t, size_t len, size_t pos, uint32_t *k1)
{
	int			adv;
	uint32_t	c = key_cp(t, len, pos, &adv);

	*k1 = c < INDEX_SIZE ? c : 0;
	return second_key(t, len, pos + adv, c);
}

/* By length, then text, then kind: equal words end up side by side. */
static int
by_length(const void *a, const void *b)
{
	const nvf_term *x = a,
			   *y = b;
	int			c;

	if (x->len != y->len)
		return (x->len > y->len) - (x->len < y->len);
	if ((c = memcmp(x->text, y->text, x->len)) != 0)
		return c;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

/* One cue term per word: the kinds of a word written in several rows are merged, and
 * into a metric word of the same text (a metric word with cues). */
static void
merge_cues(nvf_lexicon *lex)
{
	int			n = 0;

	for (int i = 0; i < lex->nterms; i++)
	{
		nvf_term   *prev = n ? &lex->terms[n - 1] : NULL;
		const nvf_term *t = &lex->terms[i];

		if (prev && t->kind == NVF_TERM_CUE &&
			(prev->kind == NVF_TERM_CUE || prev->kind == NVF_TERM_METRIC) &&
			prev->len == t->len && memcmp(prev->text, t->text, t->len) == 0)
			prev->cues |= t->cues;	/* 收涨: a share-price word that is also a move */
		else
			lex->terms[n++] = *t;
	}
	lex->nterms = n;
}

/* The first bytes of a term, as one word: term_at() rejects most chain members with it. */
static void
set_head(nvf_term *term)
{
	unsigned char bytes[8] = {0},
				mask[8] = {0};
	size_t		n = term->len < 8 ? term->len : 8;

	memcpy(bytes, term->text, n);
	memset(mask, 0xFF, n);
	memcpy(&term->head, bytes, 8);
	memcpy(&term->head_mask, mask, 8);
}

void
nvf_lexicon_finish(nvf_lexicon *lex)
{
	/* shortest first, each prepended: every chain runs longest first */
	qsort(lex->terms, lex->nterms, sizeof(nvf_term), by_length);
	merge_cues(lex);
	lex->head = nvf_alloc(lex->env, INDEX_SIZE * sizeof(int));
	lex->head2 = nvf_alloc(lex->env, INDEX_SIZE * sizeof(int));
	memset(lex->head, 0xFF, INDEX_SIZE * sizeof(int));
	memset(lex->head2, 0xFF, INDEX_SIZE * sizeof(int));
	lex->starts = nvf_alloc0(lex->env, INDEX_SIZE / 8);
	lex->has_one = nvf_alloc0(lex->env, INDEX_SIZE / 8);
	lex->has_two = nvf_alloc0(lex->env, INDEX_SIZE / 8);
	for (int i = 0; i < lex->nterms; i++)
	{
		nvf_term   *term = &lex->terms[i];
		uint32_t	k1;
		int			k2 = index_keys(term->text, term->len, 0, &k1);
		int		   *chain = k2 >= 0 ? &lex->head2[k2] : &lex->head[k1];

		set_bit(lex->starts, k1);
		if (k2 >= 0)
			set_bit(lex->has_two, (uint32_t) k2);
		else
			set_bit(lex->has_one, k1);
		term->next = *chain;
		*chain = i;
		set_head(term);
	}
}

const nvf_entity *
nvf_lexicon_entity(const nvf_lexicon *lex, int i)
{
	return (i >= 0 && i < lex->nentities) ? &lex->entities[i] : NULL;
}

bool
nvf_metric_dated(const nvf_metric *m, bool own)
{
	return m->flow || (own && m->family == NVF_FAMILY_PERCENT);
}

const nvf_metric *
nvf_lexicon_metric(const nvf_lexicon *lex, int i)
{
	return (i >= 0 && i < lex->nmetrics) ? &lex->metrics[i] : NULL;
}

const nvf_segment *
nvf_lexicon_segment(const nvf_lexicon *lex, int i)
{
	return (i >= 0 && i < lex->nsegments) ? &lex->segments[i] : NULL;
}

static bool
term_at(const nvf_term *term, const char *t, size_t len, size_t pos)
{
	if (pos + term->len > len)
		return false;
	if (!term->ascii)
	{
		if (pos + 8 <= len)
		{
			uint64_t	x;

			memcpy(&x, t + pos, 8);
			if ((x & term->head_mask) != term->head)
				return false;
			if (term->len <= 8)
				return true;
		}
		return memcmp(t + pos, term->text, term->len) == 0;
	}
	if (pos > 0 && alnum(t[pos - 1]) && alnum(term->text[0]))
		return false;
	for (size_t i = 0; i < term->len; i++)
		if (lower(t[pos + i]) != term->text[i])
			return false;
	return !(pos + term->len < len && alnum(t[pos + term->len]) &&
			 alnum(term->text[term->len - 1]));
}

/* The first word of a chain (from term first on) that t holds at pos, or NULL. */
static const nvf_term *
chain_match(const nvf_lexicon *lex, int first, const char *t, size_t len, size_t pos)
{
	for (int i = first; i >= 0; i = lex->terms[i].next)
		if (term_at(&lex->terms[i], t, len, pos))
			return &lex->terms[i];
	return NULL;
}

/*
 * nvf_lexicon_match at pos, whose first code point is c and whose slot of
 * longer words is k2 (-1 when pos holds only one character).  Most
 * characters start no word: one bit says so; a chain is read only when its
 * bit says it holds a word.
 */
static inline const nvf_term *
match_at(const nvf_lexicon *lex, const char *t, size_t len, size_t pos, uint32_t c, int k2)
{
	uint32_t	k1 = c < INDEX_SIZE ? c : 0;
	const nvf_term *term = NULL;

	if (!bit_at(lex->starts, k1))
		return NULL;
	/* words of two or more characters are longer than the one-character ones */
	if (k2 >= 0 && bit_at(lex->has_two, (uint32_t) k2))
		term = chain_match(lex, lex->head2[k2], t, len, pos);
	if (!term && bit_at(lex->has_one, k1))
		term = chain_match(lex, lex->head[k1], t, len, pos);
	return term;
}

const nvf_term *
nvf_lexicon_match(const nvf_lexicon *lex, const char *t, size_t len, size_t pos)
{
	int			adv;
	uint32_t	c = key_cp(t, len, pos, &adv);

	return match_at(lex, t, len, pos, c, second_key(t, len, pos + adv, c));
}

/*
 * One loop over the characters, not one call each: sentences are read whole.
 * Each character is decoded once, as the second of the word that may start
 * before it and then as the first of its own; the next starts adv bytes on
 * (past any stray continuation bytes, as nvf_char_boundary() steps).
 */
const nvf_term *
nvf_lexicon_next(const nvf_lexicon *lex, const char *t, size_t len, size_t *pos)
{
	size_t		i = *pos;
	int			adv = 0,
				adv2 = 0;
	uint32_t	c = i < len ? key_cp(t, len, i, &adv) : 0,
				c2 = 0;

	while (i < len)
	{
		size_t		second = i + adv;
		const nvf_term *term;

		if (second < len)
			c2 = key_cp(t, len, second, &adv2);
		term = match_at(lex, t, len, i, c, second < len ? pair_slot(c, c2) : -1);
		if (term)
		{
			*pos = i;
			return term;
		}
		i = nvf_char_boundary(t, len, second);
		if (i == second)
			c = c2, adv = adv2;
		else if (i < len)
			c = key_cp(t, len, i, &adv);	/* (after stray continuation bytes) */
	}
	*pos = len;
	return NULL;
}

/* A metric's unit_family: money unless the table says percent or money_or_percent. */
static nvf_family
family_of(const char *s)
{
	int			f = nvf_vocab_find(nvf_family_names, NVF_FAMILY_N_, s);

	return f < 0 ? NVF_FAMILY_MONEY : (nvf_family) f;
}

static bool
is_true(const char *v)
{
	return v && v[0] == 't';
}

/*
 * A metric word that names its segment (研发费用: operating_expenses of
 * r_and_d): the term carries the segment, and the segment's figures without
 * a metric word are of that metric.
 */
static void
name_segment(nvf_lexicon *lex, nvf_term *t, const char *key)
{
	int			seg = nvf_lexicon_find(lex, NVF_TERM_SEGMENT, key);

	t->segment = seg;
	if (seg >= 0 && lex->segments[seg].metric < 0)
		lex->segments[seg].metric = t->id;
}

/* Term flags from a metric alias row's needs_segment, basis and negative columns. */
static unsigned
metric_flags(const nvf_lexicon_source *src, int r)
{
	const char *basis = src->value(src->arg, r, 3);
	unsigned	flags = 0;

	if (is_true(src->value(src->arg, r, 2)))
		flags |= NVF_TERM_NEEDS_SEGMENT;
	switch (nvf_vocab_find(nvf_basis_names, NVF_BASIS_N_, basis))
	{
		case NVF_BASIS_GAAP:
			flags |= NVF_TERM_GAAP;
			break;
		case NVF_BASIS_NON_GAAP:
			flags |= NVF_TERM_NON_GAAP;
			break;
		default:
			break;
	}
	if (is_true(src->value(src->arg, r, 4)))
		flags |= NVF_TERM_NEGATIVE;
	return flags;
}

/* The index of a key (NULL, a SQL NULL: none). */
static int
find_key(const nvf_lexicon *lex, nvf_term_kind kind, const char *key)
{
	return key ? nvf_lexicon_find(lex, kind, key) : -1;
}

/*
 * Adds the aliases of one table: (alias, key, ...) rows; a metric alias
 * row goes on with needs_segment, basis, negative and segment.
 */
static void
load_terms(nvf_lexicon *lex, const nvf_lexicon_source *src, const char *table,
		   const char *columns, nvf_term_kind kind)
{
	int			n = src->query(src->arg, table, columns);

	for (int r = 0; r < n; r++)
	{
		int			id = find_key(lex, kind, src->value(src->arg, r, 1));
		const char *segment = kind == NVF_TERM_METRIC ? src->value(src->arg, r, 5) : NULL;

		if (id >= 0 && src->value(src->arg, r, 0) &&
			nvf_lexicon_add_term(lex, src->value(src->arg, r, 0), kind, id,
								 kind == NVF_TERM_METRIC ? metric_flags(src, r) : 0) && segment)
			name_segment(lex, &lex->terms[lex->nterms - 1], segment);
	}
}

void
nvf_lexicon_load(nvf_lexicon *lex, const nvf_lexicon_source *src)
{
	int			n;

	n = src->query(src->arg, "entities", "entity, fiscal_year_end_month, currency");
	for (int r = 0; r < n; r++)
		nvf_lexicon_add_entity(lex, src->value(src->arg, r, 0), atoi(src->value(src->arg, r, 1)),
							   src->value(src->arg, r, 2));
	n = src->query(src->arg, "metrics", "metric, unit_family, flow, segmented");
	for (int r = 0; r < n; r++)
		nvf_lexicon_add_metric(lex, src->value(src->arg, r, 0), family_of(src->value(src->arg, r, 1)),
							   is_true(src->value(src->arg, r, 2)), is_true(src->value(src->arg, r, 3)));
	n = src->query(src->arg, "segments", "segment, owner, product");
	for (int r = 0; r < n; r++)
	{
		int			s = nvf_lexicon_add_segment(lex, src->value(src->arg, r, 0));
		const char *owner = src->value(src->arg, r, 1);

		if (owner)
			nvf_lexicon_set_owner(lex, s, nvf_lexicon_find(lex, NVF_TERM_ENTITY, owner),
								  is_true(src->value(src->arg, r, 2)));
	}
	n = src->query(src->arg, "segment_readings", "segment, entity, reading");
	for (int r = 0; r < n; r++)
		nvf_lexicon_add_reading(lex, find_key(lex, NVF_TERM_SEGMENT, src->value(src->arg, r, 0)),
								find_key(lex, NVF_TERM_ENTITY, src->value(src->arg, r, 1)),
								find_key(lex, NVF_TERM_SEGMENT, src->value(src->arg, r, 2)));
	load_terms(lex, src, "entity_aliases", "alias, entity", NVF_TERM_ENTITY);
	load_terms(lex, src, "metric_aliases", "alias, metric, needs_segment, basis, negative, segment",
			   NVF_TERM_METRIC);
	load_terms(lex, src, "segment_aliases", "alias, segment", NVF_TERM_SEGMENT);
	load_terms(lex, src, "cues", "word, kind", NVF_TERM_CUE);
	nvf_lexicon_finish(lex);
}
