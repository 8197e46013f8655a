-- roles.sql — the roles nvfacts grants to, appended to the install script and to the upgrade
-- from 0.1.0 (last: every object it grants on exists by then).
--
--   nvfacts_reader   reads facts: USAGE on schema nvfacts, EXECUTE on extract(), normalize()
--                    and quantities(), SELECT on the lexicon and the ingest catalog, and SELECT
--                    on every facts table, articles table and view nvfacts.create_facts_table()
--                    makes (it grants them).  Facts tables made otherwise: GRANT SELECT yourself.
--   nvfacts_loader   runs nvfacts.ingest(): EXECUTE on it and its steps, the ingest catalog
--                    (read and written), and the lock rows of nvfacts.ingest_servers.  A run
--                    also needs USAGE on its server (GRANT USAGE ON FOREIGN SERVER news TO ...)
--                    and either CREATE on the schema of a new facts table or SELECT, INSERT and
--                    DELETE on an existing one (and SELECT, INSERT, UPDATE, DELETE on its
--                    articles table).
--
-- Roles belong to the cluster, not to a database: they are made when missing (NOLOGIN), and an
-- existing role of the name (another database's install, an earlier one) is used as it is.
-- DROP EXTENSION leaves them; DROP ROLE them once no database uses them.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['nvfacts_reader', 'nvfacts_loader'] LOOP
        IF pg_catalog.to_regrole(r) IS NULL THEN
            EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
            EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r, CASE r
                WHEN 'nvfacts_reader' THEN 'nvfacts: reads facts tables and their views, calls extract()'
                ELSE 'nvfacts: runs nvfacts.ingest() on the servers it has USAGE on' END);
        END IF;
    END LOOP;
END $$;

GRANT USAGE ON SCHEMA nvfacts TO nvfacts_reader, nvfacts_loader;
GRANT EXECUTE ON FUNCTION nvfacts.extract(text, date), nvfacts.normalize(text), nvfacts.quantities(text)
    TO nvfacts_reader;
GRANT SELECT ON nvfacts.ingest_runs, nvfacts.ingest_targets, nvfacts.ingested_files TO nvfacts_reader;

-- Only loaders run ingest() and its steps (the steps write the catalog: a role without the
-- grants below would fail in them anyway, less clearly).
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY[
        'PROCEDURE nvfacts.ingest(name, text, boolean, boolean, int, boolean)',
        'FUNCTION nvfacts.ingest_begin(name, text, boolean)',
        'FUNCTION nvfacts.ingest_scan(bigint, regclass, boolean)',
        'FUNCTION nvfacts.ingest_batch(bigint, regclass, text[], bigint[], timestamptz[])',
        'FUNCTION nvfacts.ingest_end(bigint)',
        'FUNCTION nvfacts.ingest_lock(oid, name, text)',
        'FUNCTION nvfacts.ingest_bind(regclass, oid, name, boolean)',
        'FUNCTION nvfacts.ingest_vanish(regclass, text[], boolean)',
        'FUNCTION nvfacts.ingest_load(regclass, nvfacts.ingest_article[])',
        'FUNCTION nvfacts.ingest_record(nvfacts.ingest_targets, nvfacts.ingest_article[])'] LOOP
        EXECUTE pg_catalog.format('REVOKE EXECUTE ON %s FROM PUBLIC', r);
        EXECUTE pg_catalog.format('GRANT EXECUTE ON %s TO nvfacts_loader', r);
    END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON nvfacts.ingest_targets, nvfacts.ingested_files TO nvfacts_loader;
GRANT SELECT, INSERT, UPDATE ON nvfacts.ingest_runs, nvfacts.ingest_servers TO nvfacts_loader;
