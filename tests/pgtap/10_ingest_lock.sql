-- What stops an ingest() run: only the lock of another run, on its server's
-- row of nvfacts.ingest_runs.  A role that can connect holds no such lock
-- (FOR UPDATE needs UPDATE on the table) and the advisory lock ingest() used
-- to take stops nothing.  (Two sessions at once: tests/ingest_sessions.sh.)
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(4);

CREATE SERVER regress_lock FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
CREATE ROLE regress_intruder;
SET ROLE regress_intruder;
SELECT throws_ok($$SELECT * FROM nvfacts.ingest_runs FOR UPDATE NOWAIT$$, '42501',
    'permission denied for table ingest_runs', 'a role that can connect cannot lock a run''s row');
SELECT throws_ok($$LOCK TABLE nvfacts.ingest_runs IN EXCLUSIVE MODE NOWAIT$$, '42501',
    'permission denied for table ingest_runs', '... nor the table');
SELECT ok(pg_try_advisory_lock(hashtext('nvfacts.ingest'), hashtext('regress_lock')),
    'it can take the advisory lock ingest() used to take');
RESET ROLE;
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_lock', 'public.regress_lock_facts');
RESET client_min_messages;
SELECT results_eq($$SELECT server, summary FROM nvfacts.ingest_runs WHERE server = 'regress_lock'$$,
    $$VALUES ('regress_lock'::name, '3 new, 0 changed, 0 unchanged, 0 failed, 0 vanished')$$,
    'which no longer stops a run');
SELECT pg_advisory_unlock_all();

SELECT * FROM finish();
ROLLBACK;
