-- search_path: no function a role plants in a schema of the caller's
-- search_path runs inside nvfacts, at call time (every SQL and PL/pgSQL
-- routine pins search_path = pg_catalog, pg_temp) or at install time (the
-- script creates schema nvfacts itself: one planted before makes it fail).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(8);

-- ---- every routine pins search_path ---------------------------------------------

CREATE TEMP VIEW routines AS
SELECT p.oid::regprocedure AS routine, p.proconfig
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'nvfacts'
JOIN pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql');
SELECT cmp_ok((SELECT count(*) FROM routines), '>=', 6::bigint, 'the extension has SQL and PL/pgSQL routines');
SELECT is_empty($$SELECT routine FROM routines WHERE proconfig IS DISTINCT FROM '{"search_path=pg_catalog, pg_temp"}'$$,
    'every one of them pins search_path = pg_catalog, pg_temp');

-- ---- call time: functions planted where the caller's search_path looks first ------

-- each trap says it ran (a transaction-local setting), then does what it stands for
CREATE SCHEMA regress_trap;
CREATE FUNCTION regress_trap.sprung(name text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_catalog.set_config('regress.sprung',
        pg_catalog.concat_ws(' ', NULLIF(pg_catalog.current_setting('regress.sprung', true), ''), name), true)
$$;
CREATE FUNCTION regress_trap.hashtext(name) RETURNS int LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('hashtext'); RETURN pg_catalog.hashtext($1::text); END $$;
CREATE FUNCTION regress_trap.format(text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('format'); RETURN pg_catalog.format($1, $2); END $$;
CREATE FUNCTION regress_trap.cardinality(text[]) RETURNS int LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('cardinality'); RETURN pg_catalog.cardinality($1); END $$;
CREATE FUNCTION regress_trap.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('unnest'); RETURN QUERY SELECT pg_catalog.unnest($1); END $$;
CREATE FUNCTION regress_trap.to_jsonb(int) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('to_jsonb'); RETURN pg_catalog.to_jsonb($1); END $$;
CREATE FUNCTION regress_trap.to_regclass(text) RETURNS regclass LANGUAGE plpgsql AS $$
BEGIN PERFORM regress_trap.sprung('to_regclass'); RETURN pg_catalog.to_regclass($1); END $$;

CREATE SERVER regress_sp FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SET LOCAL search_path = regress_trap, public;
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_sp', 'public.regress_sp_facts');
CALL nvfacts.ingest('regress_sp', 'public.regress_sp_facts');
RESET client_min_messages;
RESET search_path;
SELECT is((SELECT count(*) FROM nvfacts.ingested_files WHERE target = 'public.regress_sp_facts'::regclass AND status = 'loaded'), 3::bigint,
    'ingest() ran with the traps first in the search_path');
SELECT is(NULLIF(current_setting('regress.sprung', true), ''), NULL,
    'and none of hashtext(name), format(text, text), cardinality, unnest, to_jsonb, to_regclass ran');
SELECT throws_ok($$CALL nvfacts.ingest('regress_sp', 'regress_sp_facts')$$, '22023',
    'facts table "regress_sp_facts" must be written schema.table',
    'the facts table is named with its schema: nothing is looked up in the caller''s search_path');

-- ---- install time: a schema nvfacts that someone else made ------------------------

DROP EXTENSION nvfacts CASCADE;
CREATE ROLE regress_squatter;
SELECT format('GRANT CREATE ON DATABASE %I TO regress_squatter', current_database()) \gexec
SET ROLE regress_squatter;
CREATE SCHEMA nvfacts;
CREATE FUNCTION nvfacts.format(text, text) RETURNS text LANGUAGE sql AS $$
    SELECT pg_catalog.set_config('regress.squatted', 'ran', true) || pg_catalog.format($1, $2)
$$;
RESET ROLE;
SELECT throws_ok('CREATE EXTENSION nvfacts', '42P06', 'schema "nvfacts" already exists',
    'CREATE EXTENSION refuses a schema nvfacts it did not create');
SELECT is(NULLIF(current_setting('regress.squatted', true), ''), NULL, 'and ran nothing of it');
DROP SCHEMA nvfacts CASCADE;
SELECT lives_ok('CREATE EXTENSION nvfacts', 'without it, the install goes on');

SELECT * FROM finish();
ROLLBACK;
