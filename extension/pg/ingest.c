/*
 * ingest.c — nvfacts.ingest(): the procedure that drives a run through its
 * SQL steps (ingest.sql), committing batch by batch when called at top level,
 * and what those steps need from C: the files of a server's directory, files
 * read for a batch (never an ERROR for one file), a server behind its USAGE.
 */
#include "nvfacts.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(nvf_article_files);
PG_FUNCTION_INFO_V1(nvf_read_article);
PG_FUNCTION_INFO_V1(nvf_ingest_read);
PG_FUNCTION_INFO_V1(nvf_ingest_server);
PG_FUNCTION_INFO_V1(nvf_ingest);

#define TITLE_CHARS 200
/* A batch holds at most batch_files files and, past its first file, this many bytes. */
#define BATCH_BYTES (INT64CONST(64) * 1024 * 1024)

static void
server_options(FunctionCallInfo fcinfo, nvf_loader_opts *o)
{
	Oid			serverid = nvf_loader_server(NameStr(*PG_GETARG_NAME(0)));

	nvf_loader_options(serverid, InvalidOid, o);
}

/* nvfacts.article_files(server name): path, bytes, modified of every file a scan reads. */
Datum
nvf_article_files(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	nvf_loader_opts o;
	nvf_root	root;
	nvf_file   *files;
	int			n;
	int64		bytes;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	nvf_require_columns(rsinfo->setDesc, 3, "nvfacts.article_files()");
	server_options(fcinfo, &o);
	nvf_root_open(&o, &root);
	files = nvf_loader_list(&o, &root, true, &n, &bytes);
	nvf_fd_close(root.fd);
	for (int i = 0; i < n; i++)
	{
		Datum		v[3];
		bool		nulls[3] = {false, false, false};

		v[0] = CStringGetTextDatum(files[i].path);
		v[1] = Int64GetDatum(files[i].bytes);
		v[2] = TimestampTzGetDatum(files[i].modified);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, nulls);
	}
	return (Datum) 0;
}

/*
 * nvfacts.read_article(server name, path text): one article as the loader
 * reads it, plus the SHA-256 of its bytes; an ERROR names the file.
 */
Datum
nvf_read_article(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(1));
	nvf_loader_opts o;
	nvf_root	root;
	nvf_article a;
	TupleDesc	desc;
	Datum		v[NVF_ARTICLE_COLS + 1];
	bool		nulls[NVF_ARTICLE_COLS + 1] = {0};
	int			sqlstate;
	char	   *why;
	nvf_file_context fc;
	ErrorContextCallback errcb = {error_context_stack, nvf_file_error_context, &fc};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	nvf_require_columns(desc, NVF_ARTICLE_COLS + 1, "nvfacts.read_article()");
	server_options(fcinfo, &o);
	o.skip_errors = false;
	fc.server = o.server;
	fc.path = path;
	error_context_stack = &errcb;
	nvf_root_open(&o, &root);
	if ((why = nvf_loader_read(&o, &root, path, &a, &sqlstate)) != NULL)
		nvf_loader_report(&o, path, why, sqlstate);
	nvf_fd_close(root.fd);
	nvf_article_values(&a, v, nulls);
	error_context_stack = errcb.previous;
	v[NVF_ARTICLE_COLS] = CStringGetTextDatum(a.sha256);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), v, nulls)));
}

/* nvfacts.ingest_server(server name): its OID, once it is a nvfacts_fdw server with USAGE. */
Datum
nvf_ingest_server(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(nvf_loader_server(NameStr(*PG_GETARG_NAME(0))));
}

/* ---- nvfacts.ingest_read(server, paths): a batch of files ----------------- */

/* White space a line is trimmed of: ASCII, no-break, ideographic, zero-width, BOM. */
static bool
is_blank(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x3000 ||
		(cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

/* The character at s[i] (of len bytes), and its length. */
static uint32_t
char_at(const char *s, size_t len, size_t i, int *adv)
{
	return nvf_utf8_decode((const unsigned char *) s + i, len - i, adv);
}

/*
 * The first line with a character that is not white space, trimmed and cut
 * at TITLE_CHARS characters (then trimmed again); NULL when there is none.
 */
static char *
first_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)		/* i: the start of a line */
	{
		size_t		start,
					end;
		int			chars = 0,
					adv;

		while (i < len && s[i] != '\n' && is_blank(char_at(s, len, i, &adv)))
			i += adv;
		start = end = i;
		for (; i < len && s[i] != '\n' && chars < TITLE_CHARS; chars++)
		{
			if (!is_blank(char_at(s, len, i, &adv)))
				end = i + adv;
			i += adv;
		}
		if (end > start)
			return pnstrdup(s + start, end - start);
		while (i < len && s[i] != '\n')
			i++;
	}
	return NULL;
}

/* One file of a batch as a row (path, sha256, published, title, encoding, body, error). */
static void
read_one(const nvf_loader_opts *o, const nvf_root *root, const char *path, Datum *v, bool *nulls)
{
	nvf_article a;
	int			sqlstate;
	char	   *why = nvf_loader_read(o, root, path, &a, &sqlstate);
	Datum		art[NVF_ARTICLE_COLS];
	bool		artnull[NVF_ARTICLE_COLS];

	memset(nulls, true, 7 * sizeof(bool));
	v[0] = CStringGetTextDatum(path);
	nulls[0] = false;
	if (why)
	{
		v[6] = CStringGetTextDatum(why);
		nulls[6] = false;
		return;
	}
	nvf_article_values(&a, art, artnull);
	v[1] = CStringGetTextDatum(a.sha256);
	v[2] = art[1];				/* published */
	v[3] = nvf_text_or_null(first_line(a.text, a.len), &nulls[3]);
	v[4] = art[3];				/* encoding */
	v[5] = art[5];				/* body */
	nulls[1] = nulls[4] = nulls[5] = false;
	nulls[2] = artnull[1];
}

/*
 * nvfacts.ingest_read(server name, paths text[]): each file read as the
 * loader reads it, in the order given; a file that cannot be read is a row
 * with its error, never an ERROR (that is left to memory and interrupts).
 */
Datum
nvf_ingest_read(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	nvf_loader_opts o;
	nvf_root	root;
	Datum	   *paths;
	bool	   *pathnull;
	int			n;
	MemoryContext scratch = nvf_scratch_context("nvfacts ingest_read file");
	nvf_file_context fc;
	ErrorContextCallback errcb = {error_context_stack, nvf_file_error_context, &fc};

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	nvf_require_columns(rsinfo->setDesc, 7, "nvfacts.ingest_read()");
	server_options(fcinfo, &o);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), TEXTOID, -1, false, TYPALIGN_INT, &paths, &pathnull, &n);
	fc.server = o.server;
	error_context_stack = &errcb;
	nvf_root_open(&o, &root);
	for (int i = 0; i < n; i++)
	{
		MemoryContext old;
		Datum		v[7];
		bool		nulls[7];

		CHECK_FOR_INTERRUPTS();
		if (pathnull[i])
			continue;
		old = MemoryContextSwitchTo(scratch);
		fc.path = TextDatumGetCString(paths[i]);
		read_one(&o, &root, fc.path, v, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, nulls);
		fc.path = NULL;
		MemoryContextSwitchTo(old);
		MemoryContextReset(scratch);
	}
	nvf_fd_close(root.fd);
	error_context_stack = errcb.previous;
	MemoryContextDelete(scratch);
	return (Datum) 0;
}

/* ---- CALL nvfacts.ingest(...): the driver --------------------------------- */

typedef struct ingest_args
{
	Datum		server;			/* name */
	char	   *server_name;	/* the same, copied before SPI: for the last message */
	Datum		target;			/* text */
	bool		purge;
	bool		reload;
	int			batch_files;
	bool		fail_on_error;
	bool		atomic;			/* no COMMIT: inside a transaction block, a function... */
} ingest_args;

/* The files a run reads, in listing order (kept across COMMITs, in SPI's procedure memory). */
typedef struct work_list
{
	int			n;
	Datum	   *paths;			/* text */
	Datum	   *bytes;			/* int8 */
	Datum	   *times;			/* timestamptz */
} work_list;

static const char *const arg_names[] = {"server", "target", "purge", "reload", "batch_files",
"fail_on_error"};

static void
read_ingest_args(FunctionCallInfo fcinfo, ingest_args *a)
{
	CallContext *call = (CallContext *) fcinfo->context;

	for (int i = 0; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("nvfacts.ingest: argument %s must not be null", arg_names[i])));
	a->server = PG_GETARG_DATUM(0);
	a->server_name = pstrdup(NameStr(*PG_GETARG_NAME(0)));
	a->target = PG_GETARG_DATUM(1);
	a->purge = PG_GETARG_BOOL(2);
	a->reload = PG_GETARG_BOOL(3);
	a->batch_files = PG_GETARG_INT32(4);
	a->fail_on_error = PG_GETARG_BOOL(5);
	a->atomic = !(call && IsA(call, CallContext) && !call->atomic);
	if (a->batch_files < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("nvfacts.ingest: batch_files must be at least 1, not %d", a->batch_files)));
}

/* Runs one step (a SELECT of a function of ingest.sql); its result rows. */
static SPITupleTable *
step(const char *sql, int nargs, Oid *types, Datum *values)
{
	int			rc = SPI_execute_with_args(sql, nargs, types, values, NULL, false, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "nvfacts.ingest: \"%s\" failed: %s", sql, SPI_result_code_string(rc));
	return SPI_tuptable;
}

/* Column col of row row of a step's result (never NULL there: the steps make sure). */
static Datum
column(SPITupleTable *t, uint64 row, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(t->vals[row], t->tupdesc, col, &isnull);

	if (isnull)
		elog(ERROR, "nvfacts.ingest: a step returned NULL in column %d", col);
	return d;
}

static int64
int_column(SPITupleTable *t, uint64 row, int col)
{
	Oid			type = SPI_gettypeid(t->tupdesc, col);
	Datum		d = column(t, row, col);

	return type == INT8OID ? DatumGetInt64(d) : DatumGetInt32(d);
}

/* A transaction's end: COMMIT at top level, nothing inside a transaction block. */
static void
end_transaction(const ingest_args *a)
{
	if (!a->atomic)
		SPI_commit();
}

/* The files to read, copied out of the step's result into the current (procedure) memory. */
static void
take_work(SPITupleTable *t, work_list *w)
{
	w->n = (int) SPI_processed;
	w->paths = palloc(Max(w->n, 1) * sizeof(Datum));
	w->bytes = palloc(Max(w->n, 1) * sizeof(Datum));
	w->times = palloc(Max(w->n, 1) * sizeof(Datum));
	for (int i = 0; i < w->n; i++)
	{
		w->paths[i] = datumCopy(column(t, i, 1), false, -1);
		w->bytes[i] = Int64GetDatum(DatumGetInt64(column(t, i, 2)));
		w->times[i] = TimestampTzGetDatum(DatumGetTimestampTz(column(t, i, 3)));
	}
	SPI_freetuptable(t);
}

/* The end of the batch that starts at first: batch_files files, or fewer past BATCH_BYTES. */
static int
batch_end(const work_list *w, int first, int batch_files)
{
	int64		bytes = DatumGetInt64(w->bytes[first]);
	int			last = first + 1;

	while (last < w->n && last - first < batch_files &&
		   bytes + DatumGetInt64(w->bytes[last]) <= BATCH_BYTES)
		bytes += DatumGetInt64(w->bytes[last++]);
	return last;
}

static int
count_batches(const work_list *w, int batch_files)
{
	int			n = 0;

	for (int first = 0; first < w->n; first = batch_end(w, first, batch_files))
		n++;
	return n;
}

/* One batch: files [first, last) of w, through nvfacts.ingest_batch(); the run's counts. */
static SPITupleTable *
run_batch(Datum run, Datum target, const work_list *w, int first, int last)
{
	int			k = last - first;
	Oid			types[5] = {INT8OID, REGCLASSOID, TEXTARRAYOID, INT8ARRAYOID, TIMESTAMPTZARRAYOID};
	Datum		values[5];

	values[0] = run;
	values[1] = target;
	values[2] = PointerGetDatum(construct_array(w->paths + first, k, TEXTOID, -1, false, TYPALIGN_INT));
	values[3] = PointerGetDatum(construct_array(w->bytes + first, k, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[4] = PointerGetDatum(construct_array(w->times + first, k, TIMESTAMPTZOID, 8, FLOAT8PASSBYVAL,
												TYPALIGN_DOUBLE));
	return step("SELECT new, changed, failed FROM nvfacts.ingest_batch($1, $2, $3, $4, $5)", 5, types, values);
}

/* Every batch of the run, each committed (at top level) with a NOTICE of progress. */
static void
run_batches(const ingest_args *a, Datum run, Datum target, const work_list *w)
{
	int			batches = count_batches(w, a->batch_files);
	MemoryContext batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "nvfacts ingest batch",
													ALLOCSET_DEFAULT_SIZES);
	int			b = 0;

	for (int first = 0, last; first < w->n; first = last)
	{
		MemoryContext old = MemoryContextSwitchTo(batch_cxt);
		SPITupleTable *t;
		int64		new,
					changed,
					failed;

		CHECK_FOR_INTERRUPTS();
		last = batch_end(w, first, a->batch_files);
		t = run_batch(run, target, w, first, last);
		new = int_column(t, 0, 1);
		changed = int_column(t, 0, 2);
		failed = int_column(t, 0, 3);
		SPI_freetuptable(t);
		MemoryContextSwitchTo(old);
		MemoryContextReset(batch_cxt);
		end_transaction(a);
		if (batches > 1)
			ereport(NOTICE,
					(errmsg("nvfacts.ingest: batch %d of %d %s: %d of %d files read (" INT64_FORMAT
							" new, " INT64_FORMAT " changed, " INT64_FORMAT " failed so far)",
							++b, batches, a->atomic ? "done" : "committed", last, w->n,
							new, changed, failed)));
	}
	MemoryContextDelete(batch_cxt);
}

/*
 * CALL nvfacts.ingest(server, target, purge, reload, batch_files,
 * fail_on_error).  At top level (CALL outside a transaction block) the start
 * and each batch are transactions of their own; anywhere else the run is one
 * transaction.  With fail_on_error, a run whose files failed ends in an ERROR
 * after its row says so (committed at top level).
 */
Datum
nvf_ingest(PG_FUNCTION_ARGS)
{
	ingest_args a;
	Oid			begin_types[3] = {NAMEOID, TEXTOID, BOOLOID};
	Datum		begin_args[3];
	Oid			scan_types[3] = {INT8OID, REGCLASSOID, BOOLOID};
	Datum		scan_args[3];
	SPITupleTable *t;
	Datum		run;
	Datum		target;
	work_list	work;
	int64		failed;

	read_ingest_args(fcinfo, &a);
	SPI_connect_ext(a.atomic ? 0 : SPI_OPT_NONATOMIC);

	begin_args[0] = a.server;
	begin_args[1] = a.target;
	begin_args[2] = BoolGetDatum(a.reload);
	t = step("SELECT run, target_table FROM nvfacts.ingest_begin($1, $2, $3)", 3, begin_types, begin_args);
	run = Int64GetDatum(DatumGetInt64(column(t, 0, 1)));
	target = ObjectIdGetDatum(DatumGetObjectId(column(t, 0, 2)));
	SPI_freetuptable(t);

	scan_args[0] = run;
	scan_args[1] = target;
	scan_args[2] = BoolGetDatum(a.purge);
	take_work(step("SELECT path, bytes, modified FROM nvfacts.ingest_scan($1, $2, $3)", 3, scan_types,
				   scan_args), &work);
	end_transaction(&a);

	run_batches(&a, run, target, &work);

	t = step("SELECT failed FROM nvfacts.ingest_end($1)", 1, scan_types, &run);
	failed = int_column(t, 0, 1);
	SPI_freetuptable(t);
	end_transaction(&a);
	SPI_finish();

	if (a.fail_on_error && failed > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg_plural("nvfacts.ingest: " INT64_FORMAT " article file of server \"%s\" failed",
							   "nvfacts.ingest: " INT64_FORMAT " article files of server \"%s\" failed",
							   failed, failed, a.server_name),
				 errdetail("Run " INT64_FORMAT " loaded the other files%s; nvfacts.ingest_runs has it with status failed, nvfacts.ingested_files each failed file with its error.",
						   DatumGetInt64(run), a.atomic ? " (rolled back with this error: the CALL was inside a transaction block)" : " and committed"),
				 errhint("Fix or remove the files: they are read again at every run.")));
	PG_RETURN_VOID();
}
