-- ingest() for unattended ETL, inside one transaction (the CALLs are atomic
-- here: batches, commits and sessions are tests/etl_sessions.sh's): one row
-- per run in nvfacts.ingest_runs; failed files read and counted every run,
-- fail_on_error; the catalog tied to the facts table (TRUNCATE, a rewrite, a
-- dropped and recreated table, reload => true); a renamed server; purge
-- refused on an empty listing; a table without the columns; the articles
-- table; the roles nvfacts_loader and nvfacts_reader.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok, :'data' || '/loader/bad' AS dir_bad \gset

SELECT plan(38);

CREATE SERVER regress_etl FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
CREATE SERVER regress_bad FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_bad');
CREATE VIEW pg_temp.runs AS
    SELECT server, target, new, changed, unchanged, failed, vanished, status FROM nvfacts.ingest_runs ORDER BY run;
-- each file's facts in a facts table against extract() of the file (0 rows: equal)
CREATE FUNCTION pg_temp.facts_differ(tbl regclass, srv name) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format($q$SELECT count(*) FROM (
        (SELECT doc, fact_no, entity, metric, value, unit, period_end, evidence FROM %s
         EXCEPT ALL SELECT f.path, x.fact_no, x.entity, x.metric, x.value, x.unit, x.period_end, x.evidence
                    FROM nvfacts.article_files(%L) f, nvfacts.read_article(%L, f.path) r, nvfacts.extract(r.body, r.published) x)
        UNION ALL
        (SELECT f.path, x.fact_no, x.entity, x.metric, x.value, x.unit, x.period_end, x.evidence
         FROM nvfacts.article_files(%L) f, nvfacts.read_article(%L, f.path) r, nvfacts.extract(r.body, r.published) x
         EXCEPT ALL SELECT doc, fact_no, entity, metric, value, unit, period_end, evidence FROM %s)) d$q$,
        tbl, srv, srv, srv, srv, tbl) INTO n;
    RETURN n;
END $$;
SET LOCAL client_min_messages = error;

-- ---- a run, its row, its tables ----------------------------------------------

CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT * FROM pg_temp.runs$$,
    $$VALUES ('regress_etl'::name, 'public.regress_etl_facts', 3, 0, 0, 0, 0, 'succeeded')$$,
    'a run is one row of nvfacts.ingest_runs: server, target, counts, status');
SELECT ok((SELECT finished >= started AND pid = pg_backend_pid() FROM nvfacts.ingest_runs),
    '... with its start, its end and its process');
SELECT is(pg_temp.facts_differ('public.regress_etl_facts', 'regress_etl'), 0::bigint,
    'the facts table holds extract() of each file');
SELECT results_eq($$SELECT doc, title, published, encoding, bytes, facts, status, error FROM public.regress_etl_facts_articles ORDER BY doc$$,
    $$VALUES ('a.txt', '台积电四季度净利润同比增长57%', '2025-01-16'::date, 'UTF-8', 232::bigint, 5, 'loaded', NULL::text),
             ('b.txt', '微软云业务继续扩张', NULL, 'UTF-8', 129, 3, 'loaded', NULL),
             ('link.txt', '台积电四季度净利润同比增长57%', '2025-01-16', 'UTF-8', 232, 5, 'loaded', NULL)$$,
    'the articles table: one row per file (first line, printed date, encoding, bytes, facts, status)');
SELECT results_eq($$SELECT a.attname::text COLLATE "default", format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                    WHERE a.attrelid = 'public.regress_etl_facts_articles'::regclass AND a.attnum > 0 ORDER BY a.attnum$$,
    $$VALUES ('doc', 'text'), ('title', 'text'), ('published', 'date'), ('encoding', 'text'), ('bytes', 'bigint'),
             ('facts', 'integer'), ('status', 'text'), ('error', 'text'), ('loaded_at', 'timestamp with time zone')$$,
    '... with exactly the columns of its contract');
SELECT col_is_pk('public', 'regress_etl_facts_articles', 'doc', '... keyed by doc');
SELECT has_view('public', 'regress_etl_facts_latest', 'the view TABLE_latest (create_facts_views)');
SELECT has_view('public', 'regress_etl_facts_levels', 'the view TABLE_levels (create_facts_views)');

CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged, status FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$,
    $$VALUES (0, 3, 'succeeded')$$, 'a second run: its own row, 3 unchanged');

-- ---- failed files: read again and counted at every run -----------------------

CALL nvfacts.ingest('regress_bad', 'public.regress_bad_facts');
CALL nvfacts.ingest('regress_bad', 'public.regress_bad_facts');
SELECT results_eq($$SELECT * FROM pg_temp.runs WHERE server = 'regress_bad'$$,
    $$VALUES ('regress_bad'::name, 'public.regress_bad_facts', 1, 0, 0, 2, 0, 'failed'),
             ('regress_bad', 'public.regress_bad_facts', 0, 0, 1, 2, 0, 'failed')$$,
    'two failing files: failed in the first run and again in the second (status failed)');
SELECT results_eq($$SELECT path, status, error FROM nvfacts.ingested_files
                    WHERE target = 'public.regress_bad_facts'::regclass ORDER BY path$$,
    $$VALUES ('corrupt.txt', 'failed', 'invalid byte sequence for encoding UTF-8 at byte offset 6'),
             ('good.txt', 'loaded', NULL), ('image.txt', 'failed', 'binary content (NUL byte at byte offset 8)')$$,
    'the catalog has each failed file with its error');
SELECT results_eq($$SELECT doc, status, facts, error IS NOT NULL FROM public.regress_bad_facts_articles ORDER BY doc$$,
    $$VALUES ('corrupt.txt', 'failed', 0, true), ('good.txt', 'loaded', 2, false), ('image.txt', 'failed', 0, true)$$,
    '... and so has the articles table');
SELECT throws_ok($$CALL nvfacts.ingest('regress_bad', 'public.regress_bad_facts', fail_on_error => true)$$, '22000',
    'nvfacts.ingest: 2 article files of server "regress_bad" failed',
    'fail_on_error => true: a run whose files failed ends in an ERROR');
SELECT throws_ok($$CALL nvfacts.ingest('regress_bad', 'public.regress_bad_facts', batch_files => 0)$$, '22023',
    'nvfacts.ingest: batch_files must be at least 1, not 0', 'batch_files is at least 1');
SELECT throws_ok($$CALL nvfacts.ingest('regress_bad', NULL)$$, '22004',
    'nvfacts.ingest: argument target must not be null', 'no argument may be null');

-- ---- the catalog follows the facts table --------------------------------------
-- (TRUNCATE in a savepoint: a table truncated in the (sub)transaction that made
-- it keeps its storage, so that one transaction could hide a TRUNCATE; one
-- that commits between, as a cron job does, never does: tests/etl_sessions.sh)

SAVEPOINT truncate;
TRUNCATE public.regress_etl_facts;
RELEASE SAVEPOINT truncate;
CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$, $$VALUES (3, 0)$$,
    'TRUNCATE of the facts table: the next run loads every file again');
SELECT is(pg_temp.facts_differ('public.regress_etl_facts', 'regress_etl'), 0::bigint, '... and the facts are back');
SELECT is((SELECT generation FROM nvfacts.ingest_targets WHERE target = 'public.regress_etl_facts'::regclass), 2,
    '... in a new generation of the catalog');

CLUSTER public.regress_etl_facts USING regress_etl_facts_pkey;
CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$, $$VALUES (0, 3)$$,
    'a rewrite that keeps the rows (CLUSTER): nothing loaded again');

SAVEPOINT truncate;
TRUNCATE public.regress_etl_facts_articles;
RELEASE SAVEPOINT truncate;
CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$, $$VALUES (3, 0)$$,
    'TRUNCATE of the articles table: every file loaded again');
SELECT is((SELECT count(*) FROM public.regress_etl_facts_articles), 3::bigint, '... its rows are back');

CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts', reload => true);
SELECT results_eq($$SELECT new, unchanged FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$, $$VALUES (3, 0)$$,
    'reload => true: every file loaded again');
SELECT is(pg_temp.facts_differ('public.regress_etl_facts', 'regress_etl'), 0::bigint, '... facts replaced, not doubled');

SELECT oid AS old_oid FROM pg_class WHERE oid = 'public.regress_etl_facts'::regclass \gset
DROP TABLE public.regress_etl_facts CASCADE;
CALL nvfacts.ingest('regress_etl', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$, $$VALUES (3, 0)$$,
    'a dropped facts table: the next run makes it again and loads every file');
SELECT results_eq($$SELECT target, server FROM nvfacts.ingest_targets WHERE server = 'regress_etl'$$,
    $$VALUES ('public.regress_etl_facts'::regclass, 'regress_etl'::name)$$,
    '... the catalog of the dropped table is gone, the new one bound');
SELECT isnt((SELECT target::oid FROM nvfacts.ingest_targets WHERE server = 'regress_etl'), :'old_oid'::oid,
    '... (another table: another OID)');

-- ---- a renamed server ------------------------------------------------------------

ALTER SERVER regress_etl RENAME TO regress_etl_renamed;
CALL nvfacts.ingest('regress_etl_renamed', 'public.regress_etl_facts');
SELECT results_eq($$SELECT server, target, new, changed, unchanged, failed, vanished, status FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$,
    $$VALUES ('regress_etl_renamed'::name, 'public.regress_etl_facts', 0, 0, 3, 0, 0, 'succeeded')$$,
    'a renamed server loads into its facts table as before: 3 unchanged');
SELECT is((SELECT server FROM nvfacts.ingest_targets WHERE target = 'public.regress_etl_facts'::regclass),
    'regress_etl_renamed'::name, '... which the catalog now names by its new name');
SELECT throws_ok($$CALL nvfacts.ingest('regress_bad', 'public.regress_etl_facts')$$, '55006',
    'facts table public.regress_etl_facts is loaded from server "regress_etl_renamed", not "regress_bad"',
    'another server may not load into it');

-- ---- purge on an empty listing ------------------------------------------------------

ALTER SERVER regress_etl_renamed OPTIONS (SET pattern 'unmounted-*.txt');
SELECT throws_ok($$CALL nvfacts.ingest('regress_etl_renamed', 'public.regress_etl_facts', purge => true)$$, '55000',
    'nvfacts.ingest: server "regress_etl_renamed" lists no article files; purge refused',
    'purge => true when the directory lists no file: refused');
SELECT is((SELECT count(DISTINCT doc) FROM public.regress_etl_facts), 3::bigint, '... every file''s facts kept');
CALL nvfacts.ingest('regress_etl_renamed', 'public.regress_etl_facts');
SELECT results_eq($$SELECT new, unchanged, vanished FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$,
    $$VALUES (0, 0, 3)$$, 'without purge: the files are vanished, their facts kept');
ALTER SERVER regress_etl_renamed OPTIONS (SET pattern '*.txt');

-- ---- a table ingest() cannot load ----------------------------------------------------

CREATE TABLE public.regress_wrong (doc text, fact_no int, value numeric);
SELECT throws_like($$CALL nvfacts.ingest('regress_etl_renamed', 'public.regress_wrong')$$,
    'facts table public.regress_wrong has no column entity, metric, segment, %, published, loaded_at',
    'a table without the columns of nvfacts.fact: the run fails before reading a file');
SELECT is((SELECT count(*) FROM nvfacts.ingested_files WHERE target = 'public.regress_wrong'::regclass), 0::bigint,
    '... and no file is recorded failed');

-- ---- roles: a loader that is no superuser, a reader -----------------------------------

CREATE ROLE regress_loader IN ROLE nvfacts_loader;
CREATE ROLE regress_reader IN ROLE nvfacts_reader;
CREATE SCHEMA regress_etl AUTHORIZATION regress_loader;
GRANT USAGE ON SCHEMA regress_etl TO nvfacts_reader;
GRANT USAGE ON FOREIGN SERVER regress_etl_renamed TO regress_loader;
SET LOCAL ROLE regress_loader;
CALL nvfacts.ingest('regress_etl_renamed', 'regress_etl.news_facts');
SELECT results_eq($$SELECT server, target, new, changed, unchanged, failed, vanished, status FROM nvfacts.ingest_runs ORDER BY run DESC LIMIT 1$$,
    $$VALUES ('regress_etl_renamed'::name, 'regress_etl.news_facts', 3, 0, 0, 0, 0, 'succeeded')$$,
    'a member of nvfacts_loader with USAGE on the server runs ingest()');
SELECT throws_ok($$CALL nvfacts.ingest('regress_bad', 'regress_etl.bad_facts')$$, '42501',
    'permission denied for foreign server regress_bad', '... but not on a server it has no USAGE on');
SET LOCAL ROLE regress_reader;
SELECT results_eq($$SELECT (SELECT count(DISTINCT doc) FROM regress_etl.news_facts), (SELECT count(*) FROM regress_etl.news_facts_articles),
                           (SELECT count(*) > 0 FROM regress_etl.news_facts_latest), (SELECT count(*) > 0 FROM regress_etl.news_facts_levels)$$,
    $$VALUES (3::bigint, 3::bigint, true, true)$$,
    'a member of nvfacts_reader reads the facts table, its articles table and its views');
SELECT throws_ok($$CALL nvfacts.ingest('regress_etl_renamed', 'regress_etl.news_facts')$$, '42501',
    'permission denied for procedure ingest', '... and may not run ingest()');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
