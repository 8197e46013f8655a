/*
 * loader_files.c — the article files of a nvfacts_fdw server: the directory
 * walked from its descriptor (pattern, recursion, hidden names, depth), a
 * file opened beneath it once (loader_paths.c), read, hashed and decoded to
 * UTF-8, and its header (title, printed date).
 */
#include "nvfacts.h"

#include <ctype.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/cryptohash.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
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
	const nvf_root *root;
	bool		report;			/* false while planning: the scan reports */
	nvf_file   *files;
	int			n;
	int			cap;
	int64		bytes;
} walk_state;

/* Error context: the article file being read (an nvf_file_context), if any. */
void
nvf_file_error_context(void *arg)
{
	const nvf_file_context *fc = arg;

	if (fc->path)
		errcontext("nvfacts article file \"%s\" of server \"%s\"", fc->path, fc->server);
}

/* What cannot be loaded or listed: an ERROR under on_error stop, else a WARNING. */
static void
report_entry(const nvf_loader_opts *o, bool dir, const char *path, const char *why, int sqlstate)
{
	if (o->skip_errors)
		ereport(WARNING,
				(errcode(sqlstate),
				 errmsg("skipping %s \"%s\": %s", dir ? "directory" : "article file", path, why)));
	else if (sqlstate == ERRCODE_INVALID_PARAMETER_VALUE)	/* a path no scan reads */
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not load article file \"%s\": %s", path, why),
				 errhint("Only the files a scan of the server reads can be read: a relative path, "
						 "no hidden name, within its pattern and recursive option.")));
	else
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not %s \"%s\": %s", dir ? "read directory" : "load article file", path, why),
				 errhint("Fix or remove the %s, or set option on_error to 'skip'.",
						 dir ? "directory" : "file")));
}

/* A file that cannot be loaded. */
void
nvf_loader_report(const nvf_loader_opts *o, const char *path, const char *why, int sqlstate)
{
	report_entry(o, false, path, why, sqlstate);
}

static void
report_dir(walk_state *ws, const char *path, const char *why, int sqlstate)
{
	if (ws->report)
		report_entry(ws->o, true, path, why, sqlstate);
}

static bool
pattern_matches(const char *pattern, const char *path)
{
	const char *base = strrchr(path, '/');

	if (strchr(pattern, '/'))
		return fnmatch(pattern, path, FNM_PATHNAME) == 0;
	return fnmatch(pattern, base ? base + 1 : path, 0) == 0;
}

/* path for a message: bytes that are not valid in the database encoding as \xNN. */
static char *
escaped(const char *path)
{
	StringInfoData buf;
	int			len = strlen(path);

	initStringInfo(&buf);
	for (int i = 0; i < len;)
	{
		int			n = pg_encoding_verifymbchar(GetDatabaseEncoding(), path + i, len - i);

		if (n > 0 && (unsigned char) path[i] >= 0x20)
			appendBinaryStringInfo(&buf, path + i, n);
		else
			appendStringInfo(&buf, "\\x%02x", (unsigned char) path[i]);
		i += Max(n, 1);
	}
	return buf.data;
}

/*
 * A name that is not valid text cannot be a doc or a catalog key (pg_dump
 * would write what no restore reads): skipped, with a WARNING, whatever
 * on_error says.
 */
static bool
name_ok(walk_state *ws, const char *path)
{
	if (pg_verifymbstr(path, strlen(path), true))
		return true;
	if (ws->report)
		ereport(WARNING,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("skipping \"%s\": its name is not valid %s", escaped(path),
						GetDatabaseEncodingName()),
				 errdetail("A file name that is not valid text cannot be stored in a table."),
				 errhint("Rename it.")));
	return false;
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

/*
 * A symbolic link matching the pattern: listed with its target's size and
 * time when that is a regular file beneath the directory, with its own when
 * it cannot be followed (dangling, outside, a loop: its read says why);
 * false for a link to a directory or another non-file, which is no article.
 */
static bool
link_target(walk_state *ws, const char *path, struct stat *st)
{
	const char *why;
	int			sqlstate;
	nvf_fd	   *f = nvf_open_beneath(ws->root, path, &why, &sqlstate);
	struct stat target;
	bool		keep = true;

	if (f == NULL)
		return true;
	if (fstat(f->fd, &target) == 0)
	{
		keep = S_ISREG(target.st_mode);
		*st = target;
	}
	nvf_fd_close(f);
	return keep;
}

static void walk(walk_state *ws, nvf_fd *dir, const char *path, int depth);

/* A subdirectory, when recursive: walked, or reported (unreadable, too deep). */
static void
descend(walk_state *ws, nvf_fd *dir, const char *path, const char *name, int depth)
{
	nvf_fd	   *sub;

	if (depth >= MAX_DEPTH)
	{
		report_dir(ws, path, psprintf("it is more than %d directories deep", MAX_DEPTH),
				   ERRCODE_PROGRAM_LIMIT_EXCEEDED);
		return;
	}
	if ((sub = nvf_open_subdir(dir, name)) == NULL)
	{
		report_dir(ws, path, psprintf("%m"), nvf_errno_sqlstate(errno));
		return;
	}
	walk(ws, sub, path, depth + 1);
}

/* One entry of directory dir (at path): a file listed, a directory walked, or nothing. */
static void
visit(walk_state *ws, nvf_fd *dir, const char *dirpath, const char *name, int depth)
{
	char	   *path = dirpath[0] ? psprintf("%s/%s", dirpath, name) : pstrdup(name);
	struct stat st;

	/* the entry itself, no link followed; gone since readdir(): nothing to list */
	if (fstatat(dirfd(dir->dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (S_ISDIR(st.st_mode))
	{
		if (ws->o->recursive && name_ok(ws, path))
			descend(ws, dir, path, name, depth);
		return;
	}
	/* FIFOs, sockets and devices are no articles */
	if (!(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) || !pattern_matches(ws->o->pattern, path) ||
		!name_ok(ws, path))
		return;
	if (S_ISLNK(st.st_mode) && !link_target(ws, path, &st))
		return;
	add_file(ws, path, &st);
}

/* Every entry of dir (at path) but hidden ones ("." first); closes dir. */
static void
walk(walk_state *ws, nvf_fd *dir, const char *path, int depth)
{
	DIR		   *d = nvf_fd_dir(dir);
	struct dirent *de;

	if (d == NULL)
	{
		report_dir(ws, path, psprintf("%m"), nvf_errno_sqlstate(errno));
		nvf_fd_close(dir);
		return;
	}
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		errno = 0;
		if ((de = readdir(d)) == NULL)
		{
			if (errno != 0)
				report_dir(ws, path[0] ? path : ".", psprintf("%m"), nvf_errno_sqlstate(errno));
			break;
		}
		if (de->d_name[0] != '.')
			visit(ws, dir, path, de->d_name, depth);
	}
	nvf_fd_close(dir);
}

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const nvf_file *) a)->path, ((const nvf_file *) b)->path);
}

/*
 * The files a scan reads, sorted by path; their count and total size.
 * Problems (unreadable or too deep directories, names that are not text)
 * are reported when report is set, else kept quiet (the planner lists too).
 */
nvf_file *
nvf_loader_list(const nvf_loader_opts *o, const nvf_root *root, bool report,
				int *nfiles, int64 *bytes)
{
	walk_state	ws = {o, root, report, NULL, 0, 0, 0};
	nvf_fd	   *top = nvf_open_rootdir(root);
	int			sqlstate = nvf_errno_sqlstate(errno);

	if (top == NULL)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not open directory \"%s\" of server \"%s\": %m", o->directory, o->server)));
	walk(&ws, top, "", 0);
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

/*
 * Why a path asked for is not one of the server's article files (NULL when
 * it is): the rules of a scan (relative, no "..", not hidden, recursion,
 * depth, pattern) hold for read_article() too.
 */
static const char *
path_refused(const nvf_loader_opts *o, const char *path, int *sqlstate)
{
	int			dirs = 0;

	*sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;
	if (path[0] == '\0' || path[0] == '/' || nvf_path_climbs(path))
		return "the path must be relative to the directory, without \"..\"";
	if (path[0] == '.' || strstr(path, "/.") != NULL)
		return "it is hidden (a name starts with \".\")";
	for (const char *p = path; (p = strchr(p, '/')) != NULL; p++)
		dirs++;
	if (dirs > 0 && !o->recursive)
		return "it is in a subdirectory and option recursive is off";
	if (dirs > MAX_DEPTH)
		return psprintf("it is more than %d directories deep", MAX_DEPTH);
	if (!pattern_matches(o->pattern, path))
		return psprintf("it does not match pattern \"%s\"", o->pattern);
	return NULL;
}

/* The whole of an open regular file into a buffer; NULL and *why when it cannot be. */
static char *
read_fd(const nvf_loader_opts *o, nvf_fd *f, int64 *size, const char **why, int *sqlstate)
{
	struct stat st;
	char	   *buf;
	int64		got = 0;

	*size = 0;
	if (fstat(f->fd, &st) != 0)
	{
		*sqlstate = nvf_errno_sqlstate(errno);
		*why = psprintf("%m");
		return NULL;
	}
	if (!S_ISREG(st.st_mode))
	{
		*sqlstate = ERRCODE_WRONG_OBJECT_TYPE;
		*why = "it is not a regular file";
		return NULL;
	}
	if (st.st_size > o->max_file_size)
	{
		*sqlstate = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		*why = psprintf("it is " INT64_FORMAT " bytes, more than max_file_size (" INT64_FORMAT " bytes)",
						(int64) st.st_size, o->max_file_size);
		return NULL;
	}
	buf = palloc_extended(st.st_size + 1, MCXT_ALLOC_HUGE);
	while (got < st.st_size)
	{
		ssize_t		r = read(f->fd, buf + got, Min(READ_CHUNK, st.st_size - got));

		CHECK_FOR_INTERRUPTS();
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
		{
			*sqlstate = ERRCODE_IO_ERROR;
			*why = r < 0 ? psprintf("%m") : "it was truncated while being read";
			pfree(buf);
			return NULL;
		}
		got += r;
	}
	*size = got;
	return buf;
}

/*
 * The file at path, opened once beneath the directory and checked on the
 * descriptor (a regular file, within max_file_size), read from it alone.
 */
static char *
read_whole(const nvf_loader_opts *o, const nvf_root *root, const char *path, int64 *size,
		   const char **why, int *sqlstate)
{
	nvf_fd	   *f = nvf_open_beneath(root, path, why, sqlstate);
	char	   *buf;

	*size = 0;
	if (f == NULL)
		return NULL;
	buf = read_fd(o, f, size, why, sqlstate);
	nvf_fd_close(f);
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
 * Whether bytes to be read as UTF-8 (encoding auto or UTF-8) are already what
 * decoding gives: valid UTF-8 with no NUL, no BOM and no CR.  Most files are:
 * they are taken as they are, without nvf_decode_article()'s two passes
 * through ICU (measure, then write).
 */
static bool
plain_utf8(const nvf_loader_opts *o, const char *raw, int64 len)
{
	if (pg_strcasecmp(o->encoding, "auto") != 0 && pg_strcasecmp(o->encoding, "UTF-8") != 0 &&
		pg_strcasecmp(o->encoding, "UTF8") != 0)
		return false;
	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		return false;
	return memchr(raw, '\r', len) == NULL && pg_verify_mbstr(PG_UTF8, raw, (int) len, true);
}

/*
 * Reads and decodes root/path into a (memory from the current context):
 * NULL, or why the file cannot be loaded and the SQLSTATE.
 */
char *
nvf_loader_read(const nvf_loader_opts *o, const nvf_root *root, const char *path,
				nvf_article *a, int *sqlstate)
{
	const char *why;
	char	   *raw;
	nvf_env		env;
	nvf_decoded dec;

	memset(a, 0, sizeof(*a));
	a->path = path;
	if ((why = path_refused(o, path, sqlstate)) != NULL)
		return (char *) why;
	if ((raw = read_whole(o, root, path, &a->bytes, &why, sqlstate)) == NULL)
		return (char *) why;
	sha256_hex(raw, a->bytes, a->sha256);
	if (plain_utf8(o, raw, a->bytes))
	{
		raw[a->bytes] = '\0';
		a->text = raw;
		a->len = a->bytes;
		a->encoding = "UTF-8";
		return NULL;
	}
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
