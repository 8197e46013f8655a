/*
 * ingest.c — what nvfacts.ingest() (ingest.sql) needs from C: the files of a
 * server's directory with their sizes and times, and one article read with
 * its hash, both behind the server's USAGE privilege.
 */
#include "nvfacts.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(nvf_article_files);
PG_FUNCTION_INFO_V1(nvf_read_article);

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
