-- The upgrade chain: CREATE EXTENSION nvfacts VERSION '0.1.0' then ALTER
-- EXTENSION nvfacts UPDATE gives the objects of a fresh install, definition
-- for definition (functions with their settings, tables with their columns,
-- defaults, constraints, indexes, triggers, privileges, comments, the dumped
-- configuration), and they work.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(8);

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

CREATE EXTENSION nvfacts VERSION '0.1.0';
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'nvfacts'), '0.1.0', '0.1.0 installs as released');
SELECT is((SELECT proconfig FROM pg_proc WHERE oid = 'nvfacts.ingest(name,text,boolean)'::regprocedure), NULL,
    '... with ingest() unpinned');
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

CREATE SERVER regress_up FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_up', 'public.regress_up_facts');
RESET client_min_messages;
SELECT results_eq($$SELECT server, summary FROM nvfacts.ingest_runs$$,
    $$VALUES ('regress_up'::name, '3 new, 0 changed, 0 unchanged, 0 failed, 0 vanished')$$,
    'ingest() works after the upgrade');

SELECT * FROM finish();
ROLLBACK;
