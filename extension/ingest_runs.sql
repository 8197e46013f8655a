-- ingest_runs.sql — the tables 0.2.0 adds for nvfacts.ingest() runs (the lock row of each server
-- and the record of every run): new in 0.2.0, so the install script and the upgrade from 0.1.0
-- make them with these same statements.

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
