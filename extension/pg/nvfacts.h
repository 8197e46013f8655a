/*
 * nvfacts.h — the PostgreSQL side of nvfacts: who owns what.
 * The text core (nvfacts_core.h) knows nothing of PostgreSQL; these files
 * wrap it in memory contexts, errors and SQL functions.
 */
#ifndef NVFACTS_H
#define NVFACTS_H

#include "postgres.h"

#include <dirent.h>

#include "access/tupdesc.h"
#include "datatype/timestamp.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "nvfacts_core.h"

/* A child of the current context for one call's scratch memory. */
#define nvf_scratch_context(name) \
	AllocSetContextCreate(CurrentMemoryContext, (name), ALLOCSET_DEFAULT_SIZES)

/* in pg_env.c */
extern void nvf_pg_env_init(nvf_env *env, MemoryContext cxt);
extern void nvf_pg_require_core(void);
extern size_t nvf_text_limit(size_t len);
extern text *nvf_text_from_bytes(const char *s, size_t len);
extern Datum nvf_text_or_null(const char *s, bool *isnull);
extern void nvf_require_columns(TupleDesc desc, int ncols, const char *function);
extern Datum nvf_dec_datum(nvf_dec d, bool *isnull);

/* in lexicon_cache.c */
struct nvf_lexicon;
extern const struct nvf_lexicon *nvf_pg_lexicon(void);

/* in sql_extract.c */
struct Tuplestorestate;
extern void nvf_extract_into(const char *doc, size_t len, int year, int month, int day,
							 struct Tuplestorestate *store, TupleDesc fact_desc);
extern TupleDesc nvf_fact_desc(void);

/* ---- the loader: article files of a foreign server ---------------------- */

/* A server's options, overridden by a foreign table's (in loader_options.c). */
typedef struct nvf_loader_opts
{
	char	   *server;			/* the foreign server's name */
	char	   *directory;		/* as given (absolute) */
	char	   *pattern;		/* glob over names, or relative paths if it has a '/' */
	bool		recursive;
	char	   *encoding;		/* "auto" or an ICU converter name */
	bool		skip_errors;	/* on_error 'skip' */
	int64		max_file_size;	/* bytes */
	bool		facts;			/* content 'facts' (else 'articles') */
} nvf_loader_opts;

extern void nvf_loader_options(Oid serverid, Oid relid, nvf_loader_opts *o);
extern Oid	nvf_loader_server(const char *name);

/*
 * A descriptor (or directory stream) opened beneath a loader directory: it
 * is closed when the memory context it was opened in is reset or deleted,
 * an ERROR included, unless nvf_fd_close() came first (in loader_paths.c).
 */
typedef struct nvf_fd
{
	int			fd;				/* -1 once closed or handed to dir */
	DIR		   *dir;			/* once nvf_fd_dir() opened it */
	MemoryContextCallback cb;
} nvf_fd;

/* A server's directory, open: every path is resolved from its descriptor. */
typedef struct nvf_root
{
	nvf_fd	   *fd;
	const char *given;			/* the directory option */
	char	   *real;			/* its real path (absolute links into it) */
} nvf_root;

extern void nvf_root_open(const nvf_loader_opts *o, nvf_root *root);
extern nvf_fd *nvf_open_beneath(const nvf_root *root, const char *path, const char **why,
								int *sqlstate);
extern nvf_fd *nvf_open_rootdir(const nvf_root *root);
extern nvf_fd *nvf_open_subdir(nvf_fd *dir, const char *name);
extern DIR *nvf_fd_dir(nvf_fd *f);
extern void nvf_fd_close(nvf_fd *f);
extern int	nvf_errno_sqlstate(int e);

/* One file of the directory (in loader_files.c). */
typedef struct nvf_file
{
	char	   *path;			/* relative to the directory */
	int64		bytes;
	TimestampTz modified;
} nvf_file;

/* One article: a file read and decoded to UTF-8. */
typedef struct nvf_article
{
	const char *path;
	int64		bytes;			/* of the file */
	char	   *text;			/* UTF-8 */
	size_t		len;
	const char *encoding;
	char		sha256[65];		/* of the file's bytes, hex */
} nvf_article;

/* What an error context callback says: the file being read, of which server. */
typedef struct nvf_file_context
{
	const char *server;
	const char *path;			/* NULL: no file being read */
} nvf_file_context;

extern void nvf_file_error_context(void *arg);
extern bool nvf_path_climbs(const char *path);
extern nvf_file *nvf_loader_list(const nvf_loader_opts *o, const nvf_root *root, bool report,
								 int *nfiles, int64 *bytes);
extern char *nvf_loader_read(const nvf_loader_opts *o, const nvf_root *root, const char *path,
							 nvf_article *a, int *sqlstate);
extern void nvf_loader_report(const nvf_loader_opts *o, const char *path, const char *why,
							  int sqlstate);
/* An article as the row (doc, published, title, encoding, bytes, body). */
#define NVF_ARTICLE_COLS 6
extern void nvf_article_values(const nvf_article *a, Datum *values, bool *nulls);

#endif							/* NVFACTS_H */
