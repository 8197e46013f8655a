/*
 * clause.c — sentences and clauses of normalized text, and the lexicon terms
 * mentioned in them.  Sentences end at 。！？；and line breaks; clauses at
 * commas and colons (、 lists stay inside one clause).
 */
#include <string.h>

#include "extract_internal.h"

static bool
at(const char *t, size_t len, size_t pos, const char *w)
{
	size_t		n;

	if (pos >= len || t[pos] != w[0])
		return false;			/* the common case (asked at every byte), without strlen */
	n = strlen(w);
	return pos + n <= len && memcmp(t + pos, w, n) == 0;
}

/* Length of a sentence end at pos, 0 if none. */
static size_t
sentence_mark(const char *t, size_t len, size_t pos)
{
	/* (normalization made ！？； ASCII: the text never holds them) */
	static const char *const marks[] = {"。", "!", "?", ";", "\n", NULL};
	unsigned char b = (unsigned char) t[pos];

	/* the marks start with one of these bytes */
	if (b != 0xE3 && b != '!' && b != '?' && b != ';' && b != '\n' && b != '.')
		return 0;
	/* an English sentence inside the page: "... plus or minus 2%. GAAP ..." */
	if (t[pos] == '.' && pos > 0 && pos + 1 < len &&
		(t[pos + 1] == ' ' || t[pos + 1] == '"' || at(t, len, pos + 1, "”")) &&
		!(t[pos - 1] >= '0' && t[pos - 1] <= '9'))
		return 1;
	for (int i = 0; marks[i]; i++)
		if (at(t, len, pos, marks[i]))
			return strlen(marks[i]);
	return 0;
}

#define WRAP_MIN_BYTES 60		/* lines of hard-wrapped text are at least this long */

/* Bytes from pos to the end of its line. */
static size_t
line_length(const char *t, size_t len, size_t pos)
{
	const char *nl = memchr(t + pos, '\n', len - pos);

	return nl ? (size_t) (nl - t) - pos : len - pos;
}

/* A line of cells (nvf_cell_separator): a row of a table does not run on. */
static bool
table_cells(const char *line, size_t n)
{
	for (size_t i = 0; (i = nvf_next_separator_byte(line, i, n)) < n; i++)
		if (nvf_cell_separator(line, i, n))
			return true;
	return false;
}

/* Does t[..end) end with one of the listed words? */
bool
nvf_ends_with_one_of(const char *t, size_t end, const char *const *marks)
{
	for (int i = 0; marks[i]; i++)
	{
		size_t		n = strlen(marks[i]);

		if (end >= n && memcmp(t + end - n, marks[i], n) == 0)
			return true;
	}
	return false;
}

/* Does t[..end) end in a comma (，、: normalization made ， ASCII)? */
static bool
ends_in_comma(const char *t, size_t end)
{
	static const char *const commas[] = {"、", NULL};

	return end > 0 && (t[end - 1] == ',' || nvf_ends_with_one_of(t, end, commas));
}

#define LABEL_MAX_CHARS 6		/* 点评:, 风险提示: a line's label is this short */

/* Does the line at pos open with a short label of Han characters and a colon (点评:)? */
static bool
labelled_line(const char *t, size_t len, size_t pos)
{
	int			n = 0;

	while (pos + 3 <= len && (unsigned char) t[pos] >= 0xE4 && (unsigned char) t[pos] <= 0xE9 &&
		   n <= LABEL_MAX_CHARS)
		pos += 3, n++;
	return n >= 2 && n <= LABEL_MAX_CHARS && pos < len && t[pos] == ':';
}

/*
 * Does the line at pos open with a time or a linking word and its comma
 * (周四，, 5月28日，, 此外，): a sentence of its own, after a headline as long?
 */
static bool
opens_anew(const char *t, size_t len, size_t pos)
{
	static const char *const openers[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日",
		"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "昨日", "昨天", "今日",
		"今天", "日前", "近日", "本周", "上周", "当天", "当日", "同日", "此外", "另外", "不过", "同时",
	"然而", NULL};
	size_t		p = pos;

	for (int i = 0; openers[i]; i++)
	{
		size_t		n = strlen(openers[i]);

		if (pos + n < len && memcmp(t + pos, openers[i], n) == 0 && t[pos + n] == ',')
			return true;
	}
	/* 5月28日， */
	while (p < len && p < pos + 2 && t[p] >= '0' && t[p] <= '9')
		p++;
	if (p == pos || p + 3 > len || memcmp(t + p, "月", 3) != 0)
		return false;
	for (pos = p += 3; p < len && p < pos + 2 && t[p] >= '0' && t[p] <= '9'; p++)
		;
	return p > pos && p + 4 <= len && memcmp(t + p, "日,", 4) == 0;
}

/*
 * A line break inside a sentence of hard-wrapped text (a page cut at a
 * fixed width): a long line not ending in a sentence mark, followed by a
 * line about as long, or by any line when it ends in a comma, or by a
 * shorter line that itself ends in one.  A line opening with its own label
 * (点评:), or with a time or linking word and its comma (周四，), starts anew.
 */
static bool
soft_break(const char *t, size_t len, size_t nl)
{
	/* (the ASCII marks normalization made of ！？；：）， are tested below) */
	static const char *const finals[] = {"。", "」", "”", NULL};
	size_t		start = nl,
				prev,
				next;

	/* 3495.\n67亿元: a number cut by the wrap */
	if (nl >= 2 && t[nl - 1] == '.' && t[nl - 2] >= '0' && t[nl - 2] <= '9' && nl + 1 < len &&
		t[nl + 1] >= '0' && t[nl + 1] <= '9')
		return true;
	/* the tests of the line's ends first: most lines end a sentence, and are not measured */
	if (nl < WRAP_MIN_BYTES || nl + 1 >= len || t[nl + 1] == '\n' || t[nl + 1] == ' ' ||
		strchr(".!?;:)", t[nl - 1]) || nvf_ends_with_one_of(t, nl, finals) ||
		labelled_line(t, len, nl + 1) || opens_anew(t, len, nl + 1))
		return false;
	while (start > 0 && t[start - 1] != '\n')
		start--;
	prev = nl - start;
	if (prev < WRAP_MIN_BYTES || table_cells(t + start, prev))
		return false;
	/* a comma ends no sentence: the paragraph's last line may be short */
	if (ends_in_comma(t, nl))
		return true;
	next = line_length(t, len, nl + 1);
	/* 环比增\n长25%;在数据中心内部,…,: a shorter line that runs on past its own end is wrapped too */
	if (next > 0 && ends_in_comma(t, nl + 1 + next))
		return true;
	return next >= WRAP_MIN_BYTES && next * 5 >= prev * 4 && next * 4 <= prev * 5;
}

/*
 * Has the line holding the bar │ at pos another one: a row of a table
 * (table.c reads it)?  Each look stops at the nearest bar, so a line of
 * bars costs no more than its length.
 */
static bool
table_row(const char *t, size_t len, size_t pos)
{
	for (size_t i = pos; i > 0 && t[i - 1] != '\n'; i--)
		if (i >= 3 && memcmp(t + i - 3, "│", 3) == 0)
			return true;
	for (size_t i = pos + 3; i + 3 <= len && t[i] != '\n'; i++)
		if (memcmp(t + i, "│", 3) == 0)
			return true;
	return false;
}

/*
 * An item of a list written on one line starts at pos: a bullet (•, ·, ①),
 * " - " between items, a box-drawing bar (│) — unless the line is a row of a
 * table, whose cells it parts.
 */
static bool
item_start(const char *t, size_t len, size_t pos)
{
	static const char *const bullets[] = {"•", "●", "▪", "◆", "■", "①", "②", "③", "④",
	"⑤", "⑥", "⑦", "⑧", "⑨", "⑩", NULL};

	if (t[pos] == ' ')
		return pos + 2 < len && t[pos + 1] == '-' && t[pos + 2] == ' ' &&
			!(pos > 0 && t[pos - 1] >= '0' && t[pos - 1] <= '9' && pos + 3 < len &&
			  t[pos + 3] >= '0' && t[pos + 3] <= '9') &&	/* 300 - 600元 is a range */
			!(pos > 0 && t[pos - 1] == '|') && !(pos >= 3 && memcmp(t + pos - 3, "│", 3) == 0);	/* | - |: an empty cell */
	/* every bullet starts with one of these two bytes */
	if ((unsigned char) t[pos] != 0xE2 && (unsigned char) t[pos] != 0xC2)
		return false;
	/* · is a bullet after a space; inside a name (科莱特·克雷斯) it is not */
	if (at(t, len, pos, "·"))
		return pos > 0 && (t[pos - 1] == ' ' || t[pos - 1] == '\n');
	if (at(t, len, pos, "│"))
		return !table_row(t, len, pos);
	for (int i = 0; bullets[i]; i++)
		if (at(t, len, pos, bullets[i]))
			return true;
	return false;
}

static bool clause_mark(const char *t, size_t len, size_t pos);

/*
 * The first bytes of the clause marks (normalization made ，：｜ ASCII; —— starts with 0xE2);
 * a | parts a headline's items (营收570亿美元(+62% YoY，+22% QoQ)｜数据中心512亿美元).
 */
static const unsigned char clause_mark_first[4] = {',', ':', '|', 0xE2};

/*
 * A "sentence" longer than this (a list or table without full stops) is cut
 * at a comma, or anywhere at twice the length: the work on a sentence grows
 * with its figures times its words, so it must stay bounded.  Sentences of
 * real articles stay under 2 KB.
 */
#define SENTENCE_MAX 4096

/*
 * The first bytes of what ends a sentence or starts an item: the marks
 * (。!?;. and a line break: normalization made ！？； ASCII), bullets (0xE2, 0xC2) and " - ".
 */
static const bool may_end_sentence[256] = {
	['\n'] = true, [' '] = true, ['!'] = true, ['.'] = true, [';'] = true, ['?'] = true,
	[0xC2] = true, [0xE2] = true, [0xE3] = true,
};

/* Returns 1 and the end of the sentence starting at pos, 0 at the end. */
int
nvf_next_sentence(const char *t, size_t len, size_t pos, size_t *end)
{
	size_t		i = pos,
				quiet_end = len - pos > SENTENCE_MAX ? pos + SENTENCE_MAX : len,
				n;

	if (pos >= len)
		return 0;
	while (i < len)
	{
		/* bytes that start no mark, bullet or item: the common case, one loop for them */
		while (i < quiet_end && !may_end_sentence[(unsigned char) t[i]])
			i++;
		if (i == len)
			break;
		if (i > pos && item_start(t, len, i))
			break;				/* the next item is a sentence of its own */
		if ((n = sentence_mark(t, len, i)) != 0 && !(t[i] == '\n' && soft_break(t, len, i)))
		{
			i += n;
			/* closing quotes and brackets stay with their sentence */
			while (i < len && (at(t, len, i, "」") || at(t, len, i, "”") || at(t, len, i, ")")))
				i += at(t, len, i, ")") ? 1 : 3;
			break;
		}
		if (i - pos >= SENTENCE_MAX && ((unsigned char) t[i] & 0xC0) != 0x80 &&
			(clause_mark(t, len, i) || i - pos >= 2 * SENTENCE_MAX))
			break;
		i++;
	}
	*end = i;
	return 1;
}

static bool
ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 4,260万元: a comma between a digit and three digits (and no fourth) groups thousands. */
static bool
thousands_comma(const char *t, size_t len, size_t pos)
{
	if (pos == 0 || pos + 3 >= len || !ascii_digit(t[pos - 1]))
		return false;
	for (size_t k = pos + 1; k <= pos + 3; k++)
		if (!ascii_digit(t[k]))
			return false;
	return pos + 4 == len || !ascii_digit(t[pos + 4]);
}

static bool
clause_mark(const char *t, size_t len, size_t pos)
{
	unsigned char b = (unsigned char) t[pos];

	if (!nvf_byte_in(b, clause_mark_first))
		return false;			/* the common case: no mark starts with this byte */
	if (b == ',')
		return !thousands_comma(t, len, pos);
	return b == ':' || b == '|' || at(t, len, pos, "——");
}

/*
 * The first clause ending after pos (the last one takes what is left).
 * Branch-free halving, as nvf_first_from: pos is anywhere in its sentence.
 */
int
nvf_clause_of(const sentence *s, size_t pos)
{
	int			lo = 0,
				n = s->nclauses - 1;	/* the ends to compare: all but the last */

	if (n <= 0)
		return 0;
	while (n > 1)
	{
		int			half = n / 2;

		lo = pos >= s->clause_end[lo + half] ? lo + half : lo;
		n -= half;
	}
	return lo + (pos >= s->clause_end[lo]);
}

/* The length of the filler word at a (ending by b), or 0. */
size_t
nvf_filler_at(const sentence *s, size_t a, size_t b, const char *const *fillers)
{
	if (a >= b)
		return 0;
	for (int k = 0; fillers[k]; k++)
	{
		size_t		n;

		/* (the first byte first, before its length: most fillers differ there; none is empty) */
		if (s->t[a] != fillers[k][0])
			continue;
		n = strlen(fillers[k]);
		if (a + n <= b && memcmp(s->t + a, fillers[k], n) == 0)
			return n;
	}
	return 0;
}

/* Only the given filler words in [a,b)? */
bool
nvf_only_fillers(const sentence *s, size_t a, size_t b, const char *const *fillers)
{
	size_t		n;

	for (; a < b; a += n)
		if ((n = nvf_filler_at(s, a, b, fillers)) == 0)
			return false;
	return true;
}

/* nvf_only_fillers, where a bracketed aside counts as one: 英伟达（2026财年第二季度）和AMD */
bool
nvf_only_glue(const sentence *s, size_t a, size_t b, const char *const *glue)
{
	size_t		n;

	for (; a < b; a += n)
	{
		const char *close = s->t[a] == '(' ? memchr(s->t + a, ')', b - a) : NULL;

		n = close ? (size_t) (close - (s->t + a)) + 1 : nvf_filler_at(s, a, b, glue);
		if (n == 0)
			return false;
	}
	return true;
}

/*
 * The last two companies named together (和, 与, 、, a bracketed aside
 * between) before hi: pair[0] and pair[1]; false (pair untouched) if none.
 */
bool
nvf_entity_pair(const sentence *s, size_t hi, int pair[2])
{
	static const char *const glue[] = {"和", "与", "及", "、", "以及", " ", NULL};

	for (int i = NVF_FIRST_FROM(s->m, s->nm, hi) - 2; i >= 0; i--)
	{
		int			j = i + 1;

		/* a glue word may be a cue word too (与 is a partner word) */
		while (j < s->nm && s->m[j].term->kind == NVF_TERM_CUE && s->m[j].end <= hi)
			j++;
		if (j < s->nm && s->m[i].term->kind == NVF_TERM_ENTITY && s->m[j].term->kind == NVF_TERM_ENTITY &&
			s->m[j].end <= hi && s->m[j].start > s->m[i].end &&
			nvf_only_glue(s, s->m[i].end, s->m[j].start, glue))
		{
			pair[0] = s->m[i].term->id;
			pair[1] = s->m[j].term->id;
			return true;
		}
	}
	return false;
}

bool
nvf_text_between_has(const sentence *s, size_t a, size_t b, const char *word)
{
	size_t		n = strlen(word);

	for (size_t i = a; i + n <= b; i++)
		if (s->t[i] == word[0] && memcmp(s->t + i, word, n) == 0)
			return true;
	return false;
}

bool
nvf_text_between_has_any(const sentence *s, size_t a, size_t b, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (nvf_text_between_has(s, a, b, words[k]))
			return true;
	return false;
}

/*
 * Is byte a inside one of the quantities?  (terms never match inside them)
 * The quantities are in text order and a only grows: *qi walks forward with
 * it, so a sentence costs its bytes plus its quantities, not their product.
 */
static bool
inside_quantity(const nvf_quantity *qs, int nq, int *qi, size_t a)
{
	while (*qi < nq && qs[*qi].end <= a)
		(*qi)++;
	/* a count is no figure: words may overlap it (四家公司) */
	return *qi < nq && qs[*qi].start <= a && qs[*qi].unit != NVF_UNIT_ITEMS;
}

/*
 * Whether a word at [a, b) starts inside a period expression and ends past
 * it (上半年增长 holds no 年增长; 去年同期 holds 同期).  The cursor *pi walks
 * forward with a.
 */
static bool
straddles_period(const sentence *s, int *pi, size_t a, size_t b)
{
	while (*pi < s->np && s->p[*pi].end <= a)
		(*pi)++;
	return *pi < s->np && s->p[*pi].start < a && b > s->p[*pi].end;
}

/* Room for the clauses and mentions of most sentences, allocated at once. */
#define FIRST_CLAUSES 8
#define FIRST_MENTIONS 16
_Static_assert(FIRST_CLAUSES * sizeof(size_t) % _Alignof(mention) == 0,
			   "the mentions follow the clause ends, aligned");

/* The clauses of s, into s->clause_end (room for FIRST_CLAUSES). */
static void
collect_clauses(nvf_env *env, sentence *s)
{
	int			cap = FIRST_CLAUSES;

	s->nclauses = 0;
	for (size_t i = s->start; i < s->end; i++)
	{
		/* the bytes no mark starts with, one loop for them */
		i = nvf_next_byte_of(s->t, i, s->end, clause_mark_first);
		if (i == s->end || !clause_mark(s->t, s->end, i))
			continue;
		if (s->nclauses == cap - 1)
		{
			size_t	   *bigger = nvf_alloc(env, 2 * cap * sizeof(size_t));

			memcpy(bigger, s->clause_end, cap * sizeof(size_t));
			s->clause_end = bigger;
			cap *= 2;
		}
		s->clause_end[s->nclauses++] = i;
	}
	s->clause_end[s->nclauses++] = s->end;
}

/*
 * 这家AI芯片公司, AI伺服器代工大廠: the parts' words right before a company noun
 * (cue org_noun) at pos, or two Han characters before it, describe a company
 * and name no segment: dropped.
 */
static void
drop_company_description(sentence *s, const nvf_term *term, size_t pos)
{
	int			gap;

	if (!nvf_term_is_cue(term, NVF_CUE_ORG_NOUN))
		return;
	while (s->nm > 0 && s->m[s->nm - 1].term->kind == NVF_TERM_SEGMENT &&
		   s->m[s->nm - 1].end <= pos &&
		   (gap = nvf_han_chars(s->t, s->m[s->nm - 1].end, pos)) >= 0 && gap <= 2)
		pos = s->m[--s->nm].start;
}

/* The lexicon terms mentioned in s, into s->m (room for FIRST_MENTIONS). */
static void
collect_mentions(nvf_env *env, const nvf_lexicon *lex, sentence *s)
{
	int			cap = FIRST_MENTIONS,
				qi = 0,
				pi = 0;
	size_t		i = s->start;
	nvf_buf		quiet = {NULL, 0, 0};

	s->nm = 0;
	while (i < s->end)
	{
		const nvf_term *term = nvf_lexicon_next(lex, s->t, s->end, &i);

		if (!term)
			break;
		/* (both cursors only walk forward: asked at fewer places, they answer the same) */
		if (inside_quantity(s->q, s->nq, &qi, i) || straddles_period(s, &pi, i, i + term->len))
		{
			i = nvf_char_boundary(s->t, s->end, i + 1);
			continue;
		}
		if (s->nm == cap)
		{
			mention    *bigger = nvf_alloc(env, 2 * cap * sizeof(mention));

			memcpy(bigger, s->m, cap * sizeof(mention));
			s->m = bigger;
			cap *= 2;
		}
		if (!(term->kind == NVF_TERM_CUE && term->cues == UINT64_C(1) << NVF_CUE_BLOCK))
		{
			drop_company_description(s, term, i);
			s->m[s->nm].start = i;
			s->m[s->nm].end = i + term->len;
			s->m[s->nm].term = term;
			s->m[s->nm].clause = nvf_clause_of(s, i);
			s->nm++;
			s->kinds |= 1u << term->kind;
			s->cues |= term->cues;
		}
		else
		{
			nvf_span	q = {i, i + term->len};

			nvf_buf_append(env, &quiet, (const char *) &q, sizeof(q));
		}
		i += term->len;
	}
	s->quiet = (nvf_span *) quiet.data;
	s->nquiet = (int) (quiet.len / sizeof(nvf_span));
}

/* Companies listed together right before pos (微软、谷歌和Meta三季度, 英伟达与AMD在第二季度)? */
static bool
listed_before(const sentence *s, size_t pos)
{
	static const char *const glue[] = {"、", "和", "与", "及", "以及", ",", " ", NULL};
	static const char *const lead[] = {"在", "的", " ", NULL};
	int			i = NVF_FIRST_FROM(s->m, s->nm, pos) - 1;

	while (i >= 0 && s->m[i].end > pos)
		i--;
	if (i < 1 || s->m[i].term->kind != NVF_TERM_ENTITY || !nvf_only_fillers(s, s->m[i].end, pos, lead))
		return false;
	return s->m[i - 1].term->kind == NVF_TERM_ENTITY && s->m[i - 1].term->id != s->m[i].term->id &&
		nvf_only_fillers(s, s->m[i - 1].end, s->m[i].start, glue);
}

/* How many companies after pos have a figure of their own (SK海力士份额为62%，美光为21%), up to 2. */
static int
companies_with_figures(const sentence *s, size_t pos)
{
	int			first = -1;

	for (int i = NVF_FIRST_FROM(s->m, s->nm, pos); i < s->nm; i++)
	{
		int			next = i + 1;

		if (s->m[i].term->kind != NVF_TERM_ENTITY || s->m[i].term->id == first)
			continue;
		while (next < s->nm && s->m[next].term->kind != NVF_TERM_ENTITY)
			next++;
		if (!nvf_quantity_in(s, s->m[i].end, next < s->nm ? s->m[next].start : s->end))
			continue;
		if (first >= 0)
			return 2;
		first = s->m[i].term->id;
	}
	return first >= 0 ? 1 : 0;
}

/*
 * 微软、谷歌和亚马逊三季度资本支出分别为…, 2025年第二季度HBM市场中SK海力士份额为62%，
 * 美光为21%: a quarter not written as a fiscal one (财季, FY) that companies
 * listed right before it, or figures of several companies after it, share is
 * a calendar quarter.
 */
static void
mark_shared_quarters(sentence *s)
{
	for (int i = 0; i < s->np; i++)
	{
		nvf_period_mention *p = &s->p[i];

		p->shared = p->kind == NVF_PK_QUARTER && !p->fiscal_quarter && !p->relative_quarter &&
			!p->same_period && (p->year_form == NVF_YEAR_NONE || p->year_form == NVF_YEAR_CALENDAR) &&
			(listed_before(s, p->start) || companies_with_figures(s, p->end) == 2);
	}
}

void
nvf_sentence_build(nvf_env *env, const nvf_lexicon *lex, const nvf_text *text,
				   size_t start, size_t end, const nvf_quantity *qs, int nq,
				   const nvf_period_mention *ps, int np, sentence *s)
{
	int			qi = NVF_FIRST_FROM(qs, nq, start),
				pi = NVF_FIRST_FROM(ps, np, start);
	char	   *room = nvf_alloc(env, FIRST_CLAUSES * sizeof(size_t) + FIRST_MENTIONS * sizeof(mention));

	memset(s, 0, sizeof(*s));
	s->clause_end = (size_t *) room;
	s->m = (mention *) (room + FIRST_CLAUSES * sizeof(size_t));
	s->t = text->s;
	s->start = start;
	s->end = end;
	s->new_paragraph = start == 0 || text->s[start - 1] == '\n';
	s->q = qs ? (nvf_quantity *) qs + qi : NULL;
	while (qi + s->nq < nq && qs[qi + s->nq].start < end)
		s->nq++;
	s->p = ps ? (nvf_period_mention *) ps + pi : NULL;
	while (pi + s->np < np && ps[pi + s->np].start < end)
		s->np++;
	collect_clauses(env, s);
	collect_mentions(env, lex, s);
	mark_shared_quarters(s);
}
