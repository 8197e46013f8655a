/*
 * loader_options.c — the options of nvfacts_fdw: which are valid where, their
 * values checked at CREATE/ALTER time (the validator), and a server's options
 * merged with a foreign table's for a scan or an ingest run.
 */
#include "nvfacts.h"

#include "access/reloptions.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_foreign_table.h"
#include "catalog/pg_user_mapping.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(nvf_fdw_validator);

#define DEFAULT_MAX_FILE_SIZE (INT64CONST(256) * 1024 * 1024)
#define LIMIT_MAX_FILE_SIZE (INT64CONST(1) << 30)	/* a text value holds 1 GB */

typedef struct loader_option
{
	const char *name;
	bool		on_server;
	bool		on_table;
} loader_option;

static const loader_option loader_options[] = {
	{"directory", true, false},
	{"content", false, true},
	{"pattern", true, true},
	{"recursive", true, true},
	{"encoding", true, true},
	{"on_error", true, true},
	{"max_file_size", true, true},
};

static const loader_option *
find_option(const char *name)
{
	for (size_t i = 0; i < lengthof(loader_options); i++)
		if (strcmp(loader_options[i].name, name) == 0)
			return &loader_options[i];
	return NULL;
}

/* The option names valid on a catalog, for a hint. */
static char *
valid_names(Oid catalog)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (size_t i = 0; i < lengthof(loader_options); i++)
	{
		const loader_option *opt = &loader_options[i];

		if ((catalog == ForeignServerRelationId && opt->on_server) ||
			(catalog == ForeignTableRelationId && opt->on_table))
			appendStringInfo(&buf, "%s%s", buf.len ? ", " : "", opt->name);
	}
	return buf.len ? buf.data : "none";
}

static void
check_option_name(DefElem *def, Oid catalog)
{
	const loader_option *opt = find_option(def->defname);
	bool		ok = opt && ((catalog == ForeignServerRelationId && opt->on_server) ||
							 (catalog == ForeignTableRelationId && opt->on_table));

	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("invalid option \"%s\" for nvfacts_fdw", def->defname),
				 errhint("Valid options in this context are: %s.", valid_names(catalog))));
}

static void
bad_value(DefElem *def, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for nvfacts_fdw option \"%s\": \"%s\"", def->defname, defGetString(def)),
			 errdetail("%s", why)));
}

/*
 * PostgreSQL's own reading of a size, pg_size_bytes() ("16MB", "1.5 GB",
 * "1024"): false when the text is none.  It only parses, so its error can
 * be caught without a subtransaction; any other error goes on.
 */
static bool
size_bytes(const char *s, int64 *v)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile bool ok = true;

	PG_TRY();
	{
		*v = DatumGetInt64(DirectFunctionCall1(pg_size_bytes, CStringGetTextDatum(s)));
	}
	PG_CATCH();
	{
		ErrorData  *e;

		MemoryContextSwitchTo(cxt);
		e = CopyErrorData();
		if (e->sqlerrcode != ERRCODE_INVALID_PARAMETER_VALUE &&
			e->sqlerrcode != ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE)
			PG_RE_THROW();
		FlushErrorState();
		FreeErrorData(e);
		ok = false;
	}
	PG_END_TRY();
	return ok;
}

static int64
parse_size(DefElem *def)
{
	int64		v;

	if (!size_bytes(defGetString(def), &v))
		bad_value(def, "A size is a number of bytes, optionally followed by bytes, kB, MB or GB (as pg_size_bytes() reads it).");
	if (v < 1 || v > LIMIT_MAX_FILE_SIZE)
		bad_value(def, psprintf("The size must be between 1 byte and " INT64_FORMAT " bytes.",
								(int64) LIMIT_MAX_FILE_SIZE));
	return v;
}

static void
check_pattern(DefElem *def)
{
	const char *p = defGetString(def);

	if (*p == '\0' || *p == '/')
		bad_value(def, "A pattern is a non-empty glob relative to the directory.");
	if (nvf_path_climbs(p))
		bad_value(def, "A pattern may not name a parent directory (\"..\").");
}

static void
check_directory(DefElem *def)
{
	if (!superuser() && !has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to set option \"directory\" of nvfacts_fdw"),
				 errdetail("Only roles with privileges of the \"%s\" role may read server directories.",
						   "pg_read_server_files")));
	if (defGetString(def)[0] != '/')
		bad_value(def, "The directory must be an absolute path.");
}

/* Checks one option's value; the same code serves the validator and the scan. */
static void
apply_option(DefElem *def, nvf_loader_opts *o)
{
	const char *v = defGetString(def);

	if (strcmp(def->defname, "directory") == 0)
		o->directory = pstrdup(v);
	else if (strcmp(def->defname, "pattern") == 0)
	{
		check_pattern(def);
		o->pattern = pstrdup(v);
	}
	else if (strcmp(def->defname, "recursive") == 0)
		o->recursive = defGetBoolean(def);
	else if (strcmp(def->defname, "encoding") == 0)
	{
		if (!nvf_encoding_known(v))
			bad_value(def, "Use auto, or an encoding name such as utf8, utf-16le, gb18030, gbk or big5.");
		o->encoding = pstrdup(v);
	}
	else if (strcmp(def->defname, "on_error") == 0)
	{
		if (strcmp(v, "stop") != 0 && strcmp(v, "skip") != 0)
			bad_value(def, "on_error is stop or skip.");
		o->skip_errors = (strcmp(v, "skip") == 0);
	}
	else if (strcmp(def->defname, "max_file_size") == 0)
		o->max_file_size = parse_size(def);
	else if (strcmp(def->defname, "content") == 0)
	{
		if (strcmp(v, "articles") != 0 && strcmp(v, "facts") != 0)
			bad_value(def, "content is articles or facts.");
		o->facts = (strcmp(v, "facts") == 0);
	}
}

static void
apply_options(List *options, nvf_loader_opts *o)
{
	ListCell   *lc;

	foreach(lc, options)
		apply_option(lfirst_node(DefElem, lc), o);
}

static void
default_options(nvf_loader_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->pattern = "*";
	o->encoding = "auto";
	o->max_file_size = DEFAULT_MAX_FILE_SIZE;
}

Datum
nvf_fdw_validator(PG_FUNCTION_ARGS)
{
	List	   *options = untransformRelOptions(PG_GETARG_DATUM(0));
	Oid			catalog = PG_GETARG_OID(1);
	nvf_loader_opts o;
	ListCell   *lc;

	default_options(&o);
	foreach(lc, options)
	{
		DefElem    *def = lfirst_node(DefElem, lc);

		check_option_name(def, catalog);
		if (strcmp(def->defname, "directory") == 0)
			check_directory(def);
		apply_option(def, &o);
	}
	if (catalog == ForeignServerRelationId && o.directory == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("nvfacts_fdw servers need the option \"directory\""),
				 errhint("CREATE SERVER name FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/path/to/articles').")));
	PG_RETURN_VOID();
}

/* The options of a server and, when relid is valid, of its foreign table. */
void
nvf_loader_options(Oid serverid, Oid relid, nvf_loader_opts *o)
{
	ForeignServer *server = GetForeignServer(serverid);

	default_options(o);
	o->server = pstrdup(server->servername);
	apply_options(server->options, o);
	if (OidIsValid(relid))
		apply_options(GetForeignTable(relid)->options, o);
	if (o->directory == NULL)	/* the validator makes this impossible */
		elog(ERROR, "nvfacts_fdw server \"%s\" has no directory", server->servername);
}

/* A nvfacts_fdw server by name, for the SQL functions; the caller needs USAGE on it. */
Oid
nvf_loader_server(const char *name)
{
	ForeignServer *server = GetForeignServerByName(name, false);
	ForeignDataWrapper *fdw = GetForeignDataWrapper(server->fdwid);

	if (strcmp(fdw->fdwname, "nvfacts_fdw") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("foreign server \"%s\" does not use nvfacts_fdw", name),
				 errdetail("It uses foreign-data wrapper \"%s\".", fdw->fdwname)));
	if (pg_foreign_server_aclcheck(server->serverid, GetUserId(), ACL_USAGE) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_FOREIGN_SERVER, name);
	return server->serverid;
}
