/*
 * standalone_lexicon.c — the shipped lexicon without PostgreSQL: the INSERTs
 * of extension/lexicon_data.sql parsed into rows, then loaded as the server
 * loads its tables (nvf_lexicon_load, rows ordered by their first column).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standalone_env.h"

#define MAX_COLS 8

typedef struct sql_row
{
	char	   *v[MAX_COLS];	/* NULL for SQL NULL */
} sql_row;

typedef struct sql_table
{
	char		name[64];
	char	   *cols[MAX_COLS];
	int			ncols;
	sql_row    *rows;
	int			nrows;
	struct sql_table *next;
} sql_table;

typedef struct lexicon_file
{
	sql_table  *tables;
	sql_row    *result;			/* the last query's rows, projected */
	int			nresult;
} lexicon_file;

typedef struct cursor
{
	const char *s;
	size_t		pos;
	size_t		len;
} cursor;

static void *
xmalloc(size_t n)
{
	void	   *p = calloc(1, n ? n : 1);

	if (!p)
		abort();
	return p;
}

static void
skip_blank(cursor *c)
{
	for (;;)
	{
		while (c->pos < c->len && strchr(" \t\r\n", c->s[c->pos]))
			c->pos++;
		if (c->pos + 1 < c->len && c->s[c->pos] == '-' && c->s[c->pos + 1] == '-')
			while (c->pos < c->len && c->s[c->pos] != '\n')
				c->pos++;
		else
			return;
	}
}

/* A quoted literal ('' is a quote), a bare word, or NULL for NULL. */
static char *
read_value(cursor *c, int *ok)
{
	char	   *out = xmalloc(c->len - c->pos + 1);
	size_t		n = 0;

	skip_blank(c);
	if (c->pos < c->len && c->s[c->pos] == '\'')
	{
		for (c->pos++; c->pos < c->len; c->pos++)
		{
			if (c->s[c->pos] == '\'' && !(c->pos + 1 < c->len && c->s[c->pos + 1] == '\''))
				break;
			out[n++] = c->s[c->pos];
			c->pos += (c->s[c->pos] == '\'');
		}
		*ok = c->pos++ < c->len;
		return realloc(out, n + 1);
	}
	while (c->pos < c->len && !strchr(" \t\r\n,()", c->s[c->pos]))
		out[n++] = c->s[c->pos++];
	*ok = n > 0;
	if (strcmp(out, "NULL") == 0)
	{
		free(out);
		return NULL;
	}
	return realloc(out, n + 1);
}

static int
expect(cursor *c, char ch)
{
	skip_blank(c);
	if (c->pos < c->len && c->s[c->pos] == ch)
	{
		c->pos++;
		return 1;
	}
	return 0;
}

/* "(a, b, c)": the names or values of one list; their count, -1 when malformed. */
static int
read_list(cursor *c, char **out)
{
	int			n = 0,
				ok = 1;

	if (!expect(c, '('))
		return -1;
	do
	{
		if (n == MAX_COLS)
			return -1;
		out[n++] = read_value(c, &ok);
	} while (ok && expect(c, ','));
	return (ok && expect(c, ')')) ? n : -1;
}

/* One INSERT INTO nvfacts.<name> (<cols>) VALUES (...), ...; statement at c. */
static sql_table *
read_insert(cursor *c)
{
	static const char prefix[] = "INSERT INTO nvfacts.";
	sql_table  *t = xmalloc(sizeof(sql_table));
	size_t		n = 0;
	int			cap = 0;

	c->pos += sizeof(prefix) - 1;
	while (c->pos < c->len && c->s[c->pos] != ' ' && n < sizeof(t->name) - 1)
		t->name[n++] = c->s[c->pos++];
	if ((t->ncols = read_list(c, t->cols)) < 0)
		return NULL;
	skip_blank(c);
	if (strncmp(c->s + c->pos, "VALUES", 6) != 0)
		return NULL;
	c->pos += 6;
	do
	{
		if (t->nrows == cap)
		{
			sql_row    *bigger = xmalloc((cap = cap ? 2 * cap : 64) * sizeof(sql_row));

			if (t->nrows)
				memcpy(bigger, t->rows, t->nrows * sizeof(sql_row));
			free(t->rows);
			t->rows = bigger;
		}
		if (read_list(c, t->rows[t->nrows++].v) != t->ncols)
			return NULL;
	} while (expect(c, ','));
	/* ON CONFLICT ... is the upgrade's rule for rows already there: no rows */
	skip_blank(c);
	if (strncmp(c->s + c->pos, "ON CONFLICT", 11) == 0)
		while (c->pos < c->len && c->s[c->pos] != ';')
			c->pos++;
	return expect(c, ';') ? t : NULL;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t) ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc(*len + 1);
	if (fread(buf, 1, *len, f) != *len)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Every INSERT INTO nvfacts.* of the file; false when one cannot be parsed. */
static bool
parse_file(lexicon_file *lf, const char *path)
{
	cursor		c = {NULL, 0, 0};
	const char *at;

	if ((c.s = read_file(path, &c.len)) == NULL)
		return false;
	while ((at = strstr(c.s + c.pos, "INSERT INTO nvfacts.")) != NULL)
	{
		sql_table  *t;

		c.pos = at - c.s;
		if ((t = read_insert(&c)) == NULL)
		{
			fprintf(stderr, "%s: cannot parse the INSERT at byte %zu\n", path, (size_t) (at - c.s));
			free((char *) c.s);
			return false;
		}
		t->next = lf->tables;
		lf->tables = t;
	}
	free((char *) c.s);
	return lf->tables != NULL;
}

static int
col_index(const sql_table *t, const char *name, size_t n)
{
	for (int i = 0; i < t->ncols; i++)
		if (strlen(t->cols[i]) == n && strncmp(t->cols[i], name, n) == 0)
			return i;
	return -1;
}

static int
row_cmp(const void *a, const void *b)
{
	const char *x = ((const sql_row *) a)->v[0],
			   *y = ((const sql_row *) b)->v[0];

	return (x && y) ? strcmp(x, y) : (x != NULL) - (y != NULL);
}

/* The rows of a table (every INSERT into it), projected on columns, ordered by the first. */
static int
file_query(void *arg, const char *table, const char *columns)
{
	lexicon_file *lf = arg;
	int			n = 0;

	free(lf->result);
	lf->result = NULL;
	for (sql_table *t = lf->tables; t; t = t->next)
		if (strcmp(t->name, table) == 0)
			n += t->nrows;
	lf->result = xmalloc(n * sizeof(sql_row));
	n = 0;
	for (sql_table *t = lf->tables; t; t = t->next)
	{
		if (strcmp(t->name, table) != 0)
			continue;
		for (int r = 0; r < t->nrows; r++, n++)
		{
			const char *col = columns;

			for (int k = 0; *col && k < MAX_COLS; k++)
			{
				size_t		w = strcspn(col, ",");
				int			i = col_index(t, col, w);

				lf->result[n].v[k] = i >= 0 ? t->rows[r].v[i] : NULL;
				col += w;
				col += strspn(col, ", ");
			}
		}
	}
	qsort(lf->result, n, sizeof(sql_row), row_cmp);
	lf->nresult = n;
	return n;
}

static const char *
file_value(void *arg, int r, int c)
{
	return ((lexicon_file *) arg)->result[r].v[c];
}

nvf_lexicon *
standalone_lexicon_load(nvf_env *env, const char *path)
{
	static lexicon_file lf;
	nvf_lexicon_source src = {file_query, file_value, &lf};
	nvf_lexicon *lex;

	if (!parse_file(&lf, path))
		return NULL;
	lex = nvf_lexicon_new(env);
	nvf_lexicon_load(lex, &src);
	return lex;
}
