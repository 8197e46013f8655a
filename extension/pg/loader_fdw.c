/*
 * loader_fdw.c — nvfacts_fdw, foreign tables over a directory of articles:
 * one row per file (content 'articles') or per fact (content 'facts');
 * planning from file sizes, EXPLAIN, and a scan that names each file.
 */
#include "nvfacts.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "foreign/fdwapi.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/planmain.h"
#include "optimizer/restrictinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(nvf_fdw_handler);

/* Planner estimates: a fact per this many bytes; CPU per byte read. */
#define BYTES_PER_FACT 600.0
#define ARTICLE_CPU_PER_BYTE 0.1	/* x cpu_operator_cost: read + decode */
#define FACTS_CPU_PER_BYTE 5.0		/* x cpu_operator_cost: as extract()'s COST */

/* The columns of content 'articles', in the order of nvf_article_values(). */
#define A_NCOLS NVF_ARTICLE_COLS
static const char *const article_names[A_NCOLS] =
{"doc", "published", "title", "encoding", "bytes", "body"};
static const Oid article_types[A_NCOLS] =
{TEXTOID, DATEOID, TEXTOID, TEXTOID, INT8OID, TEXTOID};

typedef struct plan_state
{
	nvf_loader_opts opts;
	int			nfiles;
	int64		bytes;
} plan_state;

typedef struct scan_state
{
	nvf_loader_opts opts;
	nvf_root	root;			/* the directory, open for the scan */
	nvf_file   *files;
	int			nfiles;
	int			next;			/* index of the next file to read */
	nvf_file_context current;	/* the file being read, for the error context */
	MemoryContext file_cxt;		/* reset per file */
	int		   *src;			/* per foreign column: source column, -1 = NULL */
	Datum	   *values;			/* articles: the current file's row */
	bool	   *nulls;
	bool		have_row;
	TupleDesc	fact_desc;		/* facts: nvfacts.fact */
	Tuplestorestate *facts;
	TupleTableSlot *fact_slot;
	ErrorContextCallback errcb;
} scan_state;

/* ---- planning ---------------------------------------------------------- */

static void
loader_rel_size(PlannerInfo *root, RelOptInfo *baserel, Oid relid)
{
	plan_state *ps = palloc0(sizeof(plan_state));
	nvf_root	dir;
	double		rows;

	nvf_loader_options(GetForeignTable(relid)->serverid, relid, &ps->opts);
	/* quiet: the scan reports what it finds wrong, once */
	nvf_root_open(&ps->opts, &dir);
	(void) nvf_loader_list(&ps->opts, &dir, false, &ps->nfiles, &ps->bytes);
	nvf_fd_close(dir.fd);
	rows = ps->opts.facts ? ps->bytes / BYTES_PER_FACT : ps->nfiles;
	baserel->fdw_private = ps;
	baserel->tuples = rows;
	baserel->rows = clamp_row_est(rows * clauselist_selectivity(root, baserel->baserestrictinfo,
																0, JOIN_INNER, NULL));
}

static void
loader_paths(PlannerInfo *root, RelOptInfo *baserel, Oid relid pg_attribute_unused())
{
	plan_state *ps = baserel->fdw_private;
	double		pages = ceil(ps->bytes / (double) BLCKSZ);
	double		per_byte = ps->opts.facts ? FACTS_CPU_PER_BYTE : ARTICLE_CPU_PER_BYTE;
	Cost		total;

	total = seq_page_cost * pages + cpu_operator_cost * per_byte * ps->bytes +
		(cpu_tuple_cost + baserel->baserestrictcost.per_tuple) * baserel->tuples;
	add_path(baserel, (Path *) create_foreignscan_path(root, baserel, NULL, baserel->rows,
													   baserel->baserestrictcost.startup,
													   total, NIL, NULL, NULL, NIL));
}

static ForeignScan *
loader_plan(PlannerInfo *root pg_attribute_unused(), RelOptInfo *baserel, Oid relid pg_attribute_unused(),
			ForeignPath *path pg_attribute_unused(),
			List *tlist, List *scan_clauses, Plan *outer_plan)
{
	plan_state *ps = baserel->fdw_private;
	List	   *priv = list_make2(makeInteger(ps->nfiles),
								  makeString(psprintf(INT64_FORMAT, ps->bytes)));

	scan_clauses = extract_actual_clauses(scan_clauses, false);
	return make_foreignscan(tlist, scan_clauses, baserel->relid, NIL, priv, NIL, NIL, outer_plan);
}

static void
loader_explain(ForeignScanState *node, ExplainState *es)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	Relation	rel = node->ss.ss_currentRelation;
	nvf_loader_opts o;

	nvf_loader_options(GetForeignTable(RelationGetRelid(rel))->serverid, RelationGetRelid(rel), &o);
	ExplainPropertyText("Directory", o.directory, es);
	ExplainPropertyText("Pattern", o.pattern, es);
	ExplainPropertyText("Content", o.facts ? "facts" : "articles", es);
	ExplainPropertyInteger("Files", NULL, intVal(linitial(plan->fdw_private)), es);
	if (es->costs)
		ExplainPropertyInteger("Bytes", NULL, strtoi64(strVal(lsecond(plan->fdw_private)), NULL, 10), es);
}

/* ---- columns ----------------------------------------------------------- */

static void
column_error(Relation rel, Form_pg_attribute att, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("column \"%s\" of foreign table \"%s\" %s",
					NameStr(att->attname), RelationGetRelationName(rel), why)));
}

/* For every column of the foreign table, its source column by name. */
static int *
map_columns(Relation rel, int nsrc, const char *(*name) (int, void *),
			Oid (*type) (int, void *), void *arg, const char *content)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int		   *src = palloc(desc->natts * sizeof(int));

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		int			j;

		src[i] = -1;
		if (att->attisdropped)
			continue;
		for (j = 0; j < nsrc && strcmp(name(j, arg), NameStr(att->attname)) != 0; j++)
			;
		if (j == nsrc)
			column_error(rel, att, psprintf("is not a column of nvfacts_fdw content '%s'", content));
		if (att->atttypid != type(j, arg))
			column_error(rel, att, psprintf("must have type %s", format_type_be(type(j, arg))));
		src[i] = j;
	}
	return src;
}

static const char *
article_name(int i, void *arg pg_attribute_unused())
{
	return article_names[i];
}

static Oid
article_type(int i, void *arg pg_attribute_unused())
{
	return article_types[i];
}

static const char *
fact_name(int i, void *arg)
{
	Form_pg_attribute att = TupleDescAttr((TupleDesc) arg, i);

	return att->attisdropped ? "" : NameStr(att->attname);
}

static Oid
fact_type(int i, void *arg)
{
	return TupleDescAttr((TupleDesc) arg, i)->atttypid;
}

/* ---- scanning ---------------------------------------------------------- */

static void
loader_begin(ForeignScanState *node, int eflags)
{
	Relation	rel = node->ss.ss_currentRelation;
	scan_state *ss;
	int			ncols;

	if (eflags & EXEC_FLAG_EXPLAIN_ONLY)
		return;
	ss = palloc0(sizeof(scan_state));
	nvf_loader_options(GetForeignTable(RelationGetRelid(rel))->serverid, RelationGetRelid(rel), &ss->opts);
	if (ss->opts.facts)
	{
		ss->fact_desc = nvf_fact_desc();
		ss->src = map_columns(rel, ss->fact_desc->natts, fact_name, fact_type, ss->fact_desc, "facts");
		ss->fact_slot = MakeSingleTupleTableSlot(ss->fact_desc, &TTSOpsMinimalTuple);
	}
	else
		ss->src = map_columns(rel, A_NCOLS, article_name, article_type, NULL, "articles");
	ncols = ss->fact_desc ? ss->fact_desc->natts : A_NCOLS;	/* the source row's width */
	ss->values = palloc(ncols * sizeof(Datum));
	ss->nulls = palloc(ncols * sizeof(bool));
	/* listed again, not taken from the plan: a cached plan may outlive its files */
	nvf_root_open(&ss->opts, &ss->root);
	ss->files = nvf_loader_list(&ss->opts, &ss->root, true, &ss->nfiles, &(int64) {0});
	ss->file_cxt = AllocSetContextCreate(CurrentMemoryContext, "nvfacts_fdw file", ALLOCSET_DEFAULT_SIZES);
	ss->current.server = ss->opts.server;
	ss->errcb.callback = nvf_file_error_context;
	ss->errcb.arg = &ss->current;
	node->fdw_state = ss;
}

static void
article_row(scan_state *ss, const nvf_article *a)
{
	nvf_article_values(a, ss->values, ss->nulls);
	ss->have_row = true;
}

static void
fact_rows(scan_state *ss, const nvf_article *a)
{
	ss->facts = tuplestore_begin_heap(false, false, work_mem);
	nvf_extract_into(a->text, a->len, 0, 0, 0, ss->facts, ss->fact_desc);
}

/* Reads the next loadable file into the current row or facts; false at the end. */
static bool
next_file(scan_state *ss)
{
	while (ss->next < ss->nfiles)
	{
		nvf_article a;
		int			sqlstate;
		char	   *why;

		if (ss->facts)
			tuplestore_end(ss->facts);
		ss->facts = NULL;
		MemoryContextReset(ss->file_cxt);
		ss->current.path = ss->files[ss->next++].path;
		MemoryContextSwitchTo(ss->file_cxt);
		why = nvf_loader_read(&ss->opts, &ss->root, ss->current.path, &a, &sqlstate);
		if (why)
			nvf_loader_report(&ss->opts, ss->current.path, why, sqlstate);
		else if (ss->opts.facts)
			fact_rows(ss, &a);
		else
			article_row(ss, &a);
		if (!why)
			return true;
	}
	ss->current.path = NULL;
	return false;
}

/* The next source row (article or fact) into ss->values/nulls; false at the end. */
static bool
next_row(scan_state *ss)
{
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (ss->facts && tuplestore_gettupleslot(ss->facts, true, false, ss->fact_slot))
		{
			slot_getallattrs(ss->fact_slot);
			memcpy(ss->values, ss->fact_slot->tts_values, ss->fact_desc->natts * sizeof(Datum));
			memcpy(ss->nulls, ss->fact_slot->tts_isnull, ss->fact_desc->natts * sizeof(bool));
			ss->values[0] = CStringGetTextDatum(ss->current.path);	/* doc */
			ss->nulls[0] = false;
			return true;
		}
		if (ss->have_row)
		{
			ss->have_row = false;
			return true;
		}
		if (!next_file(ss))
			return false;
	}
}

static TupleTableSlot *
loader_iterate(ForeignScanState *node)
{
	scan_state *ss = node->fdw_state;
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
	MemoryContext old = CurrentMemoryContext;
	bool		found;

	ss->errcb.previous = error_context_stack;
	error_context_stack = &ss->errcb;
	found = next_row(ss);
	error_context_stack = ss->errcb.previous;
	MemoryContextSwitchTo(old);
	ExecClearTuple(slot);
	if (!found)
		return slot;
	for (int i = 0; i < slot->tts_tupleDescriptor->natts; i++)
	{
		slot->tts_isnull[i] = ss->src[i] < 0 || ss->nulls[ss->src[i]];
		slot->tts_values[i] = slot->tts_isnull[i] ? (Datum) 0 : ss->values[ss->src[i]];
	}
	return ExecStoreVirtualTuple(slot);
}

static void
loader_rescan(ForeignScanState *node)
{
	scan_state *ss = node->fdw_state;

	if (ss->facts)
		tuplestore_end(ss->facts);
	ss->facts = NULL;
	ss->have_row = false;
	ss->next = 0;
	ss->current.path = NULL;
}

static void
loader_end(ForeignScanState *node)
{
	scan_state *ss = node->fdw_state;

	if (ss == NULL)
		return;
	loader_rescan(node);
	if (ss->fact_slot)
		ExecDropSingleTupleTableSlot(ss->fact_slot);
	MemoryContextDelete(ss->file_cxt);
	nvf_fd_close(ss->root.fd);
}

Datum
nvf_fdw_handler(PG_FUNCTION_ARGS)
{
	FdwRoutine *r = makeNode(FdwRoutine);

	r->GetForeignRelSize = loader_rel_size;
	r->GetForeignPaths = loader_paths;
	r->GetForeignPlan = loader_plan;
	r->ExplainForeignScan = loader_explain;
	r->BeginForeignScan = loader_begin;
	r->IterateForeignScan = loader_iterate;
	r->ReScanForeignScan = loader_rescan;
	r->EndForeignScan = loader_end;
	PG_RETURN_POINTER(r);
}
