-- The upgrade chain: CREATE EXTENSION nvfacts VERSION '0.1.0' then ALTER
-- EXTENSION nvfacts UPDATE gives the objects of a fresh install, definition
-- for definition (functions with their settings, tables with their columns,
-- defaults, constraints, indexes, triggers, privileges, comments, the dumped
-- configuration), and they work; what 0.1.0's ingest() loaded is carried over
-- (its catalog bound to its server) and loaded again once, into the new
-- articles table.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(15);

-- Every member of the extension with what defines it, and the extension itself.
CREATE FUNCTION pg_temp.members() RETURNS TABLE (object text, definition text) LANGUAGE sql AS $$
    SELECT o.type || ' ' || o.identity, pg_catalog.concat_ws(E'\n',
        (SELECT pg_get_functiondef(p.oid) || ' acl ' || coalesce(p.proacl::text, '-')
         FROM pg_proc p WHERE d.classid = 'pg_proc'::regclass AND p.oid = d.objid),
        (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ||
                           CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
                           coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), ''), ', ' ORDER BY a.attnum)
         FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
         WHERE a.attrelid = CASE d.classid WHEN 'pg_class'::regclass THEN d.objid
                                           WHEN 'pg_type'::regclass THEN (SELECT typrelid FROM pg_type WHERE oid = d.objid) END
           AND a.attnum > 0 AND NOT a.attisdropped),
        (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', ' ORDER BY c.conname)
         FROM pg_constraint c WHERE d.classid = 'pg_class'::regclass AND c.conrelid = d.objid),
        (SELECT string_agg(pg_get_indexdef(i.indexrelid), ', ' ORDER BY 1)
         FROM pg_index i WHERE d.classid = 'pg_class'::regclass AND i.indrelid = d.objid),
        (SELECT string_agg(pg_get_triggerdef(t.oid), ', ' ORDER BY t.tgname)
         FROM pg_trigger t WHERE d.classid = 'pg_class'::regclass AND t.tgrelid = d.objid AND NOT t.tgisinternal),
        (SELECT 'acl ' || coalesce(c.relacl::text, '-') FROM pg_class c WHERE d.classid = 'pg_class'::regclass AND c.oid = d.objid),
        (SELECT 'acl ' || coalesce(n.nspacl::text, '-') FROM pg_namespace n
         WHERE d.classid = 'pg_namespace'::regclass AND n.oid = d.objid),
        (SELECT f.fdwhandler::regproc || ' ' || f.fdwvalidator::regproc FROM pg_foreign_data_wrapper f
         WHERE d.classid = 'pg_foreign_data_wrapper'::regclass AND f.oid = d.objid),
        'comment ' || obj_description(d.objid, d.classid::regclass::text))
    FROM pg_depend d, pg_identify_object(d.classid, d.objid, 0) o
    WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
      AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nvfacts')
    UNION ALL
    SELECT 'extension nvfacts', pg_catalog.concat_ws(' ', extversion, extnamespace::regnamespace, extrelocatable,
        (SELECT string_agg(c::regclass::text, ',' ORDER BY c::regclass::text) FROM unnest(extconfig) c),
        (SELECT string_agg(x, ',' ORDER BY x) FROM unnest(extcondition) x),
        'depends on ' || (SELECT string_agg(pg_describe_object(refclassid, refobjid, 0), ',' ORDER BY 1)
                          FROM pg_depend WHERE classid = 'pg_extension'::regclass AND objid = e.oid))
    FROM pg_extension e WHERE extname = 'nvfacts'
$$;

DROP EXTENSION IF EXISTS nvfacts CASCADE;
CREATE EXTENSION nvfacts;
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.members();
DROP EXTENSION nvfacts;
SELECT hasnt_schema('nvfacts', 'DROP EXTENSION drops schema nvfacts with it');
SELECT ok(pg_catalog.to_regrole('nvfacts_reader') IS NOT NULL AND pg_catalog.to_regrole('nvfacts_loader') IS NOT NULL,
    '... and leaves the roles, which belong to the cluster');

CREATE EXTENSION nvfacts VERSION '0.1.0';
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'nvfacts'), '0.1.0', '0.1.0 installs as released');
SELECT is((SELECT proconfig FROM pg_proc WHERE oid = 'nvfacts.ingest(name,text,boolean)'::regprocedure), NULL,
    '... with ingest() unpinned');
-- what 0.1.0's ingest() leaves (its extract() cannot run on the 0.2.0 library: the rows are
-- written as it writes them), and a row of a facts table dropped since
CREATE SERVER regress_old FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SELECT is(nvfacts.create_facts_table('public.regress_old_facts')::text, 'regress_old_facts',
    '0.1.0''s create_facts_table() makes a facts table');
INSERT INTO nvfacts.ingested_files (server, target, path, bytes, modified, sha256, status, facts)
SELECT 'regress_old', 'public.regress_old_facts', f.path, f.bytes, f.modified, r.sha256, 'loaded', 5
FROM nvfacts.article_files('regress_old') f, nvfacts.read_article('regress_old', f.path) r
UNION ALL SELECT 'regress_old', 'public.regress_gone_facts', 'a.txt', 1, now(), NULL, 'loaded', 1;
SELECT is((SELECT count(*) FROM nvfacts.ingested_files WHERE server = 'regress_old'), 4::bigint,
    'a 0.1.0 catalog: three files of one facts table, one of a table dropped since');
SELECT lives_ok('ALTER EXTENSION nvfacts UPDATE', 'ALTER EXTENSION nvfacts UPDATE completes');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'nvfacts'),
    (SELECT default_version FROM pg_available_extensions WHERE name = 'nvfacts'), '... to the default version');
CREATE TEMP TABLE upgraded AS SELECT * FROM pg_temp.members();
SELECT is_empty($$SELECT object FROM fresh WHERE definition IS NULL$$, 'every member has a definition to compare');
SELECT set_eq($$SELECT object, definition FROM upgraded$$, $$SELECT object, definition FROM fresh$$,
    'the upgraded extension has the objects of a fresh install, definition for definition');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                  WHERE p.pronamespace = 'nvfacts'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
                    AND p.proconfig IS DISTINCT FROM '{"search_path=pg_catalog, pg_temp"}'$$,
    'every SQL and PL/pgSQL routine is pinned after the upgrade');

SELECT results_eq($$SELECT target, server, server_oid = (SELECT oid FROM pg_foreign_server WHERE srvname = 'regress_old'),
                           generation, storage FROM nvfacts.ingest_targets$$,
    $$VALUES ('public.regress_old_facts'::regclass, 'regress_old'::name, true, 1, '{}'::oid[])$$,
    '0.1.0''s facts table is bound to its server, its storage unknown');
SELECT results_eq($$SELECT target, path, status, generation FROM nvfacts.ingested_files ORDER BY path$$,
    $$VALUES ('public.regress_old_facts'::regclass, 'a.txt', 'loaded', 1), ('public.regress_old_facts', 'b.txt', 'loaded', 1),
             ('public.regress_old_facts', 'link.txt', 'loaded', 1)$$,
    '... its catalog rows carried over, those of the dropped table gone');

CREATE SERVER regress_up FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_up', 'public.regress_up_facts');
CALL nvfacts.ingest('regress_old', 'public.regress_old_facts');
RESET client_min_messages;
SELECT results_eq($$SELECT server, target, new, changed, unchanged, failed, vanished, status FROM nvfacts.ingest_runs ORDER BY run$$,
    $$VALUES ('regress_up'::name, 'public.regress_up_facts', 3, 0, 0, 0, 0, 'succeeded'),
             ('regress_old', 'public.regress_old_facts', 3, 0, 0, 0, 0, 'succeeded')$$,
    'ingest() works after the upgrade, and loads 0.1.0''s files again once (a new generation)');
SELECT results_eq($$SELECT a.doc, a.status, a.facts FROM public.regress_old_facts_articles a ORDER BY a.doc$$,
    $$SELECT doc, 'loaded', count(*)::int FROM public.regress_old_facts GROUP BY doc ORDER BY doc$$,
    '... which fills its new articles table, one row per file with its facts');

SELECT * FROM finish();
ROLLBACK;
