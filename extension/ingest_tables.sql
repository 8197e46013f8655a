-- ingest_tables.sql — the tables of nvfacts.ingest(), in the install script only: the upgrade
-- from 0.1.0 makes the same ones from what 0.1.0 had (extension/upgrade--0.1.0--0.2.0.sql;
-- tests/pgtap/09_upgrade.sql compares them definition by definition).

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

-- One row per server, locked by the run that loads from it (FOR UPDATE):
-- locking a row takes UPDATE on the table, which no one has but its owner
-- and nvfacts_loader, so a role that can only connect cannot stop a run
-- (an advisory lock, which any role can take, could).  Not dumped: the next
-- run makes its row again.
CREATE TABLE nvfacts.ingest_servers (
    server oid PRIMARY KEY             -- pg_foreign_server.oid: a renamed server keeps its row
);

COMMENT ON TABLE nvfacts.ingest_servers IS
'one row per server nvfacts.ingest() loads from: the row a run locks, so that runs of one server never overlap';

-- One row per run, written as it goes (each committed batch updates it).
CREATE TABLE nvfacts.ingest_runs (
    run       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    server    name        NOT NULL,
    target    text        NOT NULL,  -- schema.table, as named when the run started
    started   timestamptz NOT NULL DEFAULT pg_catalog.now(),
    finished  timestamptz,
    new       int NOT NULL DEFAULT 0,
    changed   int NOT NULL DEFAULT 0,
    unchanged int NOT NULL DEFAULT 0,
    failed    int NOT NULL DEFAULT 0,
    vanished  int NOT NULL DEFAULT 0,
    status    text NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'succeeded', 'failed', 'aborted')),
    pid       int NOT NULL DEFAULT pg_catalog.pg_backend_pid()
);

-- the runs a new run marks aborted, if their backend is gone
CREATE INDEX ingest_runs_running ON nvfacts.ingest_runs (server) WHERE status = 'running';

COMMENT ON TABLE nvfacts.ingest_runs IS
'one row per run of nvfacts.ingest(): running, succeeded (every file loaded), failed (it finished, some files failed) or aborted (it ended in an error or a crash; marked so by the next run of its server)';
