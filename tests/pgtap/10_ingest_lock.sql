-- What stops an ingest() run: only the lock of another run, on its server's
-- row of nvfacts.ingest_servers.  A role that can connect holds no such lock
-- (FOR UPDATE needs UPDATE on the table) and the advisory lock ingest() used
-- to take stops nothing.  (Two sessions at once: tests/ingest_sessions.sh.)
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(5);

CREATE SERVER regress_lock FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
CREATE ROLE regress_intruder;
SET ROLE regress_intruder;
SELECT throws_ok($$SELECT * FROM nvfacts.ingest_servers FOR UPDATE NOWAIT$$, '42501',
    'permission denied for table ingest_servers', 'a role that can connect cannot lock a server''s row');
SELECT throws_ok($$LOCK TABLE nvfacts.ingest_servers IN EXCLUSIVE MODE NOWAIT$$, '42501',
    'permission denied for table ingest_servers', '... nor the table');
SELECT throws_ok($$SELECT * FROM nvfacts.ingest_runs FOR UPDATE NOWAIT$$, '42501',
    'permission denied for table ingest_runs', '... nor a row of the run history');
SELECT ok(pg_try_advisory_lock(hashtext('nvfacts.ingest'), hashtext('regress_lock')),
    'it can take the advisory lock ingest() used to take');
RESET ROLE;
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_lock', 'public.regress_lock_facts');
RESET client_min_messages;
SELECT results_eq($$SELECT server, target, new, changed, unchanged, failed, vanished, status FROM nvfacts.ingest_runs
                    WHERE server = 'regress_lock'$$,
    $$VALUES ('regress_lock'::name, 'public.regress_lock_facts', 3, 0, 0, 0, 0, 'succeeded')$$,
    'which no longer stops a run');
SELECT pg_advisory_unlock_all();

SELECT * FROM finish();
ROLLBACK;
