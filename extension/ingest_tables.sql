-- ingest_tables.sql — the tables of nvfacts.ingest() that the upgrade from 0.1.0 builds from what
-- 0.1.0 had, so they are in the install script only: the upgrade makes the same ones
-- (extension/upgrade--0.1.0--0.2.0.sql; tests/pgtap/09_upgrade.sql compares them definition by
-- definition).  The tables that are new in 0.2.0 are in ingest_runs.sql, shared by both.

-- ---------------------------------------------------------------------------
-- Incremental ETL: CALL nvfacts.ingest('news', 'public.news_facts') loads the
-- new and changed files of server news into a plain facts table, batch by
-- batch; these tables remember what every run saw and did.

-- The facts tables ingest() loads, each bound to the one server it loads from
-- (a doc is a path relative to that server's directory).  A facts table is
-- known by its OID: one dropped and made again is another table, loaded
-- afresh.  (A regclass is dumped by name and restored as the new OID.)
CREATE TABLE nvfacts.ingest_targets (
    target     regclass PRIMARY KEY,   -- the facts table
    server     name NOT NULL,          -- the server it is loaded from, as named at the last run
    server_oid oid  NOT NULL,          -- and its OID: a renamed server is still the same one
    generation int  NOT NULL,          -- catalog rows of an older generation are loaded again
    storage    oid[] NOT NULL          -- relfilenodes of the facts and articles tables: when they
                                       -- change (TRUNCATE, VACUUM FULL), the rows are counted
);

COMMENT ON TABLE nvfacts.ingest_targets IS
'the facts tables nvfacts.ingest() loads, by OID, each with its server; generation is bumped (every file loaded again) on reload => true or when the table lost rows (TRUNCATE)';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingest_targets', '');

CREATE TABLE nvfacts.ingested_files (
    target    regclass    NOT NULL REFERENCES nvfacts.ingest_targets ON DELETE CASCADE,
    path      text        NOT NULL,  -- relative to the server's directory
    bytes     bigint      NOT NULL,
    modified  timestamptz NOT NULL,
    sha256    text,                  -- of the file's bytes; NULL when unreadable
    status    text        NOT NULL CHECK (status IN ('loaded', 'failed', 'vanished')),
    facts     int,
    error     text,                  -- why the file failed
    loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),  -- when its facts were last written
    checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(), -- when the file was last read
    generation int        NOT NULL,  -- the target's generation it was loaded in
    PRIMARY KEY (target, path)
);

COMMENT ON TABLE nvfacts.ingested_files IS
'every article file nvfacts.ingest() has seen, per facts table: size, time, hash, status, facts and error';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingested_files', '');
