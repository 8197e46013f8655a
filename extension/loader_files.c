/*
 * loader_files.c — the article files of a nvfacts_fdw server: the directory
 * walked (pattern, recursion), every path resolved inside it, a file read,
 * hashed and decoded to UTF-8, and its header (title, printed date).
 */
#include "nvfacts.h"

#include <ctype.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cryptohash.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "nvfacts_extract.h"

#define MAX_DEPTH 64
#define READ_CHUNK (1024 * 1024)
#define TITLE_CHARS 200
#define TITLE_MIN_WORDCHARS 4

typedef struct walk_state
{
	const nvf_loader_opts *o;
	const char *root;			/* realpath of the directory */
	nvf_file   *files;
	int			n;
	int			cap;
	int64		bytes;
} walk_state;

static int
errno_sqlstate(int e)
{
	if (e == ENOENT || e == ENOTDIR)
		return ERRCODE_UNDEFINED_FILE;
	if (e == EACCES || e == EPERM)
		return ERRCODE_INSUFFICIENT_PRIVILEGE;
	return ERRCODE_IO_ERROR;
}

/* The directory as a real path; an error when it cannot be opened. */
static char *
resolve_root(const nvf_loader_opts *o)
{
	char	   *real = realpath(o->directory, NULL);
	int			sqlstate = errno_sqlstate(errno);
	char	   *root;

	if (real == NULL)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not open directory \"%s\" of server \"%s\": %m", o->directory, o->server),
				 errhint("The directory must exist and be readable by the PostgreSQL server's OS user.")));
	root = pstrdup(real);
	free(real);
	return root;
}

static bool
inside(const char *root, const char *real)
{
	size_t		n = strlen(root);

	if (n == 1)					/* root is "/" */
		return true;
	return strncmp(real, root, n) == 0 && real[n] == '/';
}

/*
 * root/path resolved: NULL and its real path in *real, or why not (and the
 * SQLSTATE).  A symbolic link may point anywhere inside the directory.
 */
static const char *
resolve(const char *root, const char *path, char **real, int *sqlstate)
{
	char	   *full = psprintf("%s/%s", root, path);
	char	   *r = realpath(full, NULL);

	if (r == NULL)
	{
		*sqlstate = errno_sqlstate(errno);
		return psprintf("%m");
	}
	*real = pstrdup(r);
	free(r);
	if (!inside(root, *real))
	{
		*sqlstate = ERRCODE_INSUFFICIENT_PRIVILEGE;
		return psprintf("it resolves to \"%s\", outside directory \"%s\"", *real, root);
	}
	return NULL;
}

/* Error context: the article file being read (an nvf_file_context), if any. */
void
nvf_file_error_context(void *arg)
{
	const nvf_file_context *fc = arg;

	if (fc->path)
		errcontext("nvfacts article file \"%s\" of server \"%s\"", fc->path, fc->server);
}

/* A file that cannot be loaded: an ERROR under on_error stop, else a WARNING. */
void
nvf_loader_report(const nvf_loader_opts *o, const char *path, const char *why, int sqlstate)
{
	if (o->skip_errors)
		ereport(WARNING,
				(errcode(sqlstate),
				 errmsg("skipping article file \"%s\": %s", path, why)));
	else
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not load article file \"%s\": %s", path, why),
				 errhint("Fix or remove the file, or set option on_error to 'skip'.")));
}

static bool
pattern_matches(const char *pattern, const char *path)
{
	const char *base = strrchr(path, '/');

	if (strchr(pattern, '/'))
		return fnmatch(pattern, path, FNM_PATHNAME) == 0;
	return fnmatch(pattern, base ? base + 1 : path, 0) == 0;
}

static void
add_file(walk_state *ws, char *path, const struct stat *st)
{
	if (ws->n == ws->cap)
	{
		ws->cap = ws->cap ? ws->cap * 2 : 64;
		ws->files = ws->files ? repalloc_huge(ws->files, ws->cap * sizeof(nvf_file))
			: palloc(ws->cap * sizeof(nvf_file));
	}
	ws->files[ws->n].path = path;
	ws->files[ws->n].bytes = st->st_size;
	ws->files[ws->n].modified = time_t_to_timestamptz(st->st_mtim.tv_sec) +
		st->st_mtim.tv_nsec / 1000;	/* microseconds, as a timestamptz holds */
	ws->n++;
	ws->bytes += st->st_size;
}

static void walk(walk_state *ws, const char *dir, int depth);

static void
visit(walk_state *ws, char *path, int depth)
{
	char	   *real;
	int			sqlstate;
	const char *why = resolve(ws->root, path, &real, &sqlstate);
	struct stat st,
				lst;

	if (why == NULL && (stat(real, &st) != 0 || lstat(psprintf("%s/%s", ws->root, path), &lst) != 0))
	{
		sqlstate = errno_sqlstate(errno);
		why = psprintf("%m");
	}
	if (why)
	{
		if (ws->o->recursive || pattern_matches(ws->o->pattern, path))
			nvf_loader_report(ws->o, path, why, sqlstate);
		return;
	}
	if (S_ISDIR(st.st_mode))
	{
		/* symbolic links to directories are not followed: no cycles */
		if (ws->o->recursive && depth < MAX_DEPTH && !S_ISLNK(lst.st_mode))
			walk(ws, path, depth + 1);
	}
	else if (S_ISREG(st.st_mode) && pattern_matches(ws->o->pattern, path))
		add_file(ws, path, &st);
}

/* Every entry of root/dir but hidden ones ("." first). */
static void
walk(walk_state *ws, const char *dir, int depth)
{
	char	   *dirpath = dir[0] ? psprintf("%s/%s", ws->root, dir) : (char *) ws->root;
	DIR		   *d = AllocateDir(dirpath);
	struct dirent *de;

	while ((de = ReadDir(d, dirpath)) != NULL)
	{
		CHECK_FOR_INTERRUPTS();
		if (de->d_name[0] == '.')
			continue;
		visit(ws, dir[0] ? psprintf("%s/%s", dir, de->d_name) : pstrdup(de->d_name), depth);
	}
	FreeDir(d);
}

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const nvf_file *) a)->path, ((const nvf_file *) b)->path);
}

/* The files a scan reads, sorted by path; their count and total size. */
nvf_file *
nvf_loader_list(const nvf_loader_opts *o, int *nfiles, int64 *bytes)
{
	walk_state	ws = {o, resolve_root(o), NULL, 0, 0, 0};

	walk(&ws, "", 0);
	if (ws.n > 1)
		qsort(ws.files, ws.n, sizeof(nvf_file), file_cmp);
	*nfiles = ws.n;
	*bytes = ws.bytes;
	return ws.files;
}

/* Whether a relative path (or pattern) climbs out through a ".." component. */
bool
nvf_path_climbs(const char *path)
{
	return strcmp(path, "..") == 0 || strncmp(path, "../", 3) == 0 ||
		strstr(path, "/../") != NULL ||
		(strlen(path) >= 3 && strcmp(path + strlen(path) - 3, "/..") == 0);
}

/* The whole file at real into a buffer; NULL and *why when it cannot be. */
static char *
read_whole(const nvf_loader_opts *o, const char *real, int64 *size, const char **why, int *sqlstate)
{
	int			fd = OpenTransientFile(real, O_RDONLY | PG_BINARY);
	struct stat st;
	char	   *buf = NULL;
	int64		got = 0;

	if (fd < 0 || fstat(fd, &st) != 0)
	{
		*sqlstate = errno_sqlstate(errno);
		*why = psprintf("%m");
	}
	else if (!S_ISREG(st.st_mode))
	{
		*sqlstate = ERRCODE_WRONG_OBJECT_TYPE;
		*why = "it is not a regular file";
	}
	else if (st.st_size > o->max_file_size)
	{
		*sqlstate = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		*why = psprintf("it is " INT64_FORMAT " bytes, more than max_file_size (" INT64_FORMAT " bytes)",
						(int64) st.st_size, o->max_file_size);
	}
	else
	{
		buf = palloc_extended(st.st_size + 1, MCXT_ALLOC_HUGE);
		while (got < st.st_size)
		{
			ssize_t		r = read(fd, buf + got, Min(READ_CHUNK, st.st_size - got));

			CHECK_FOR_INTERRUPTS();
			if (r <= 0)
			{
				*sqlstate = ERRCODE_IO_ERROR;
				*why = r < 0 ? psprintf("%m") : "it was truncated while being read";
				pfree(buf);
				buf = NULL;
				break;
			}
			got += r;
		}
	}
	if (fd >= 0)
		CloseTransientFile(fd);
	*size = got;
	return buf;
}

static void
sha256_hex(const char *buf, int64 len, char *out)
{
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);
	uint8		digest[32];

	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) buf, len) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
		elog(ERROR, "could not compute a SHA-256 hash: %s", pg_cryptohash_error(ctx));
	pg_cryptohash_free(ctx);
	for (int i = 0; i < 32; i++)
		sprintf(out + 2 * i, "%02x", digest[i]);
}

/*
 * Reads and decodes directory/path into a (memory from the current context):
 * NULL, or why the file cannot be loaded and the SQLSTATE.
 */
char *
nvf_loader_read(const nvf_loader_opts *o, const char *path, nvf_article *a, int *sqlstate)
{
	char	   *root = resolve_root(o);
	char	   *real;
	const char *why = NULL;
	char	   *raw;
	nvf_env		env;
	nvf_decoded dec;

	memset(a, 0, sizeof(*a));
	a->path = path;
	if (path[0] == '\0' || path[0] == '/' || nvf_path_climbs(path))
	{
		*sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;
		return "the path must be relative to the directory, without \"..\"";
	}
	if ((why = resolve(root, path, &real, sqlstate)) != NULL)
		return (char *) why;
	if ((raw = read_whole(o, real, &a->bytes, &why, sqlstate)) == NULL)
		return (char *) why;
	sha256_hex(raw, a->bytes, a->sha256);
	nvf_pg_env_init(&env, CurrentMemoryContext);
	why = nvf_decode_article(&env, raw, a->bytes, o->encoding, &dec);
	pfree(raw);
	if (why)
	{
		*sqlstate = ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
		return (char *) why;
	}
	if (dec.len > MaxAllocSize - VARHDRSZ)
	{
		*sqlstate = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		return "its text exceeds the 1 GB limit of a text value";
	}
	a->text = dec.text;
	a->len = dec.len;
	a->encoding = dec.encoding;
	return NULL;
}

/*
 * Whether s[a..b) reads like a headline: at least TITLE_MIN_WORDCHARS letters,
 * digits or ideographs, and not a navigation bar or breadcrumb trail
 * ("首页 | 财经 | 美股", "论坛 » 美股 › 半导体": two separators or more).
 */
static bool
headline_like(const char *s, size_t a, size_t b)
{
	int			wordchars = 0,
				bars = 0;

	while (a < b)
	{
		int			adv;
		uint32_t	cp = nvf_utf8_decode((const unsigned char *) s + a, b - a, &adv);

		if ((cp < 0x80 && isalnum((int) cp)) || (cp >= 0x3400 && cp <= 0x9FFF))
			wordchars++;
		bars += (cp == '|' || cp == '>' || cp == 0xFF5C || cp == 0x00BB || cp == 0x203A);
		a += adv;
	}
	return wordchars >= TITLE_MIN_WORDCHARS && bars < 2;
}

/* The first headline-like line, trimmed and cut at TITLE_CHARS characters; NULL if none. */
static char *
title_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len;)
	{
		size_t		end = i,
					b;
		int			chars = 0;

		while (end < len && s[end] != '\n')
			end++;
		while (i < end && isspace((unsigned char) s[i]))
			i++;
		for (b = i; b < end && chars < TITLE_CHARS; chars++)
		{
			int			adv;

			(void) nvf_utf8_decode((const unsigned char *) s + b, end - b, &adv);
			b += adv;
		}
		while (b > i && isspace((unsigned char) s[b - 1]))
			b--;
		if (headline_like(s, i, b))
			return pnstrdup(s + i, b - i);
		i = end + 1;
	}
	return NULL;
}

/* The date printed in an article's first block; NULL when there is none. */
static Datum
printed_date(const nvf_article *a, bool *isnull)
{
	MemoryContext cxt = nvf_scratch_context("nvfacts article header");
	nvf_env		env;
	nvf_date	d;

	nvf_pg_require_core();
	nvf_pg_env_init(&env, cxt);
	d = nvf_document_published(&env, a->text, a->len);
	MemoryContextDelete(cxt);
	*isnull = (d.year == 0);
	return *isnull ? (Datum) 0 : DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
}

/* An article as the row (doc, published, title, encoding, bytes, body). */
void
nvf_article_values(const nvf_article *a, Datum *v, bool *nulls)
{
	char	   *title = title_line(a->text, a->len);

	memset(nulls, 0, NVF_ARTICLE_COLS * sizeof(bool));
	v[0] = CStringGetTextDatum(a->path);
	v[1] = printed_date(a, &nulls[1]);
	v[2] = nvf_text_or_null(title, &nulls[2]);
	v[3] = CStringGetTextDatum(a->encoding);
	v[4] = Int64GetDatum(a->bytes);
	v[5] = PointerGetDatum(nvf_text_from_bytes(a->text, a->len));
}
