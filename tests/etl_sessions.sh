#!/usr/bin/env bash
# tests/etl_sessions.sh — nvfacts.ingest() as an unattended ETL job sees it, across sessions and
# commits (TAP output; one transaction's worth of it is tests/pgtap/11_ingest_etl.sql):
#   (1) a non-superuser ETL role (LOGIN, member of nvfacts_loader, USAGE on its server, owner of
#       its schema) runs CALL at top level: batches commit, a NOTICE per batch; a BI role (member
#       of nvfacts_reader) reads the facts table, its articles table and views; neither may do the
#       other's job;
#   (2) TRUNCATE of the facts table between runs: the next run loads every file again; VACUUM
#       FULL (new storage, same rows) does not;
#   (3) two servers loading into one new table at once: the second waits for the first, then
#       fails naming it, and loads nothing;
#   (4) the directory empties (unmounted): purge is refused with its reason and a hint, nothing
#       is deleted; the files back, nothing is loaded again;
#   (5) pg_dump | pg_restore: the restored catalog (new OIDs) knows every file: nothing reloaded.
# Runs as root (or as the server's OS user) against the cluster named by the PG* variables, in
# database $PGDATABASE; removes everything it adds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sessions.sh"

db=${PGDATABASE:?etl_sessions.sh: set PGDATABASE}
export PGDATABASE=$db
restored="${db}_etl_restored_$$"
dir=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_etl.XXXXXX")
away=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_etl_away.XXXXXX")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_etl_out.XXXXXX")
articles=$(cd "$(dirname "${BASH_SOURCE[0]}")/data/articles" && pwd -P)
created_extension=0

own() { ((EUID != 0)) || chown -R postgres: "$@"; }
summary() { sed -n 's/^NOTICE:  nvfacts\.ingest: \([0-9]* new, .*\)$/\1/p' <<<"$1"; }
is_summary() {  # is_summary OUTPUT WANT DESCRIPTION
  if [[ $(summary "$1") == "$2" ]]; then ok 0 "$3"; else ok 1 "$3" "want: $2"$'\n'"$1"; fi
}
messages() { grep -E '^(NOTICE|WARNING|ERROR|DETAIL|HINT):' <<<"$1" || true; }

remove_objects() {
  psql -X -q -A -t -v ON_ERROR_STOP=0 2>/dev/null <<'SQL'
DROP SCHEMA IF EXISTS regress_etl CASCADE;
DROP TABLE IF EXISTS public.regress_race_facts, public.regress_race_facts_articles CASCADE;
DELETE FROM nvfacts.ingest_targets WHERE server IN ('regress_news', 'regress_race_a', 'regress_race_b');
DELETE FROM nvfacts.ingest_runs WHERE server IN ('regress_news', 'regress_race_a', 'regress_race_b');
DROP SERVER IF EXISTS regress_news, regress_race_a, regress_race_b CASCADE;
DROP ROLE IF EXISTS regress_etl, regress_bi;
SQL
}

cleanup() {
  set +e
  stop_background
  remove_objects >/dev/null
  dropdb --if-exists "$restored" >/dev/null 2>&1
  ((created_extension == 0)) || q 'DROP EXTENSION nvfacts' >/dev/null 2>&1
  rm -rf "$dir" "$away" "$tmp"
}
trap cleanup EXIT

plan 16

if [[ -z $(q "SELECT 1 FROM pg_extension WHERE extname = 'nvfacts'") ]]; then
  q 'CREATE EXTENSION nvfacts'
  created_extension=1
fi
remove_objects >/dev/null
# seven articles, ten copies each: 70 files, dated 5 s back (a file written in the second
# before a run is read again by the next one)
for f in "$articles"/*.txt; do
  for i in 0 1 2 3 4 5 6 7 8 9; do cp "$f" "$dir/$i-$(basename "$f")"; done
done
touch -d "$(date -d '-5 seconds' '+%Y-%m-%d %H:%M:%S')" "$dir"/*
own "$dir" "$away"
files=$(find "$dir" -type f | wc -l)

# ---- (1) roles: an ETL role and a BI role, neither a superuser ------------------------------------

q "CREATE ROLE regress_etl LOGIN IN ROLE nvfacts_loader;
   CREATE ROLE regress_bi LOGIN IN ROLE nvfacts_reader;
   CREATE SERVER regress_news FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$dir', pattern '*.txt');
   GRANT USAGE ON FOREIGN SERVER regress_news TO regress_etl;
   CREATE SCHEMA regress_etl AUTHORIZATION regress_etl;
   GRANT USAGE ON SCHEMA regress_etl TO nvfacts_reader"
etl() { PGUSER=regress_etl psql_b -c "$1" 2>&1; }
bi() { PGUSER=regress_bi psql_b -c "$1" 2>&1; }

out=$(etl "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts', batch_files => 30)")
is "$(messages "$out")" "NOTICE:  nvfacts.ingest: batch 1 of 3 committed: 30 of $files files read (30 new, 0 changed, 0 failed so far)
NOTICE:  nvfacts.ingest: batch 2 of 3 committed: 60 of $files files read (60 new, 0 changed, 0 failed so far)
NOTICE:  nvfacts.ingest: batch 3 of 3 committed: $files of $files files read ($files new, 0 changed, 0 failed so far)
NOTICE:  nvfacts.ingest: $files new, 0 changed, 0 unchanged, 0 failed, 0 vanished" \
   "ETL role (nvfacts_loader, not superuser), CALL at top level: a NOTICE per committed batch, then the summary"
is "$(q "SELECT concat_ws(' ', r.new, r.status, (SELECT tableowner FROM pg_tables WHERE schemaname = 'regress_etl' AND tablename = 'news_facts'))
         FROM nvfacts.ingest_runs r WHERE r.server = 'regress_news'")" "$files succeeded regress_etl" \
   "... its run is in nvfacts.ingest_runs, the facts table it made is its own"
is "$(bi "SELECT (SELECT count(DISTINCT doc) FROM regress_etl.news_facts) || ' ' ||
              (SELECT count(*) FROM regress_etl.news_facts_articles WHERE status = 'loaded') || ' ' ||
              (SELECT count(*) > 0 FROM regress_etl.news_facts_latest) || ' ' ||
              (SELECT count(*) > 0 FROM regress_etl.news_facts_levels) || ' ' ||
              (SELECT count(*) FROM nvfacts.ingest_runs WHERE server = 'regress_news')")" "$files $files true true 1" \
   "BI role (nvfacts_reader): reads the facts table, its articles table, its views and the runs"
is "$(bi "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts')" | head -1)" \
   "ERROR:  permission denied for procedure ingest" "... and may not run ingest()"
is "$(etl "SELECT count(*) FROM nvfacts.extract('英伟达营收为260亿美元。')")" "1" \
   "the ETL role may call extract() too"
is "$(etl "UPDATE nvfacts.entities SET fiscal_year_end_month = 12 WHERE entity = 'NVIDIA'" | head -1)" \
   "ERROR:  permission denied for table entities" "... but not change the shipped lexicon"

# ---- (2) TRUNCATE and VACUUM FULL between runs -----------------------------------------------------

q "TRUNCATE regress_etl.news_facts"
out=$(etl "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts')")
is "$(messages "$out" | head -1)" \
   "NOTICE:  nvfacts.ingest: every file is loaded again into regress_etl.news_facts: it or its articles table has fewer rows than the catalog says it was given (truncated, or made anew)" \
   "TRUNCATE of the facts table, committed: the next run says it loads every file again"
is_summary "$out" "$files new, 0 changed, 0 unchanged, 0 failed, 0 vanished" "... and does"
q "VACUUM FULL regress_etl.news_facts"
out=$(etl "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts')")
is "$(messages "$out")" "NOTICE:  nvfacts.ingest: 0 new, 0 changed, $files unchanged, 0 failed, 0 vanished" \
   "VACUUM FULL (new storage, the same rows): nothing loaded again"

# ---- (3) two servers, one new table, at once ---------------------------------------------------

q "CREATE SERVER regress_race_a FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$dir', pattern '0-*.txt');
   CREATE SERVER regress_race_b FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$dir', pattern '1-*.txt')"
PGAPPNAME=nvfacts_race_a psql_b >"$tmp/a.out" 2>&1 <<SQL &
BEGIN;
CALL nvfacts.ingest('regress_race_a', 'public.regress_race_facts');
SELECT pg_sleep(2);
COMMIT;
SQL
a_pid=$!
bg_pids+=("$a_pid")
wait_for "SELECT 1 FROM pg_stat_activity WHERE application_name = 'nvfacts_race_a' AND query LIKE '%pg_sleep%'" >/dev/null
out=$(psql_b -c "CALL nvfacts.ingest('regress_race_b', 'public.regress_race_facts')" 2>&1 || true)
wait "$a_pid" || true
is "$(messages "$out")" 'ERROR:  facts table public.regress_race_facts is loaded from server "regress_race_a", not "regress_race_b"
HINT:  Use one facts table per server: paths are relative to a server'"'"'s directory.' \
   "two servers into one new table at once: the second waits for the first, then fails naming it"
is "$(q "SELECT string_agg(DISTINCT left(doc, 2), ' ') || ' ' || (SELECT string_agg(server, ' ') FROM nvfacts.ingest_targets
         WHERE target = 'public.regress_race_facts'::regclass) FROM public.regress_race_facts")" "0- regress_race_a" \
   "... the table has the first server's files only, and is bound to it"

# ---- (4) an empty listing: purge refused -----------------------------------------------------------

mv "$dir"/*.txt "$away"/
out=$(etl "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts', purge => true)" || true)
is "$(messages "$out")" 'ERROR:  nvfacts.ingest: server "regress_news" lists no article files; purge refused
DETAIL:  Purging would delete the facts of every file loaded into regress_etl.news_facts: a directory that lists nothing is more often unmounted or unreadable than emptied on purpose.
HINT:  Check the directory: SELECT * FROM nvfacts.article_files('"'regress_news'"') lists what a run sees. Without purge, a run marks the files vanished and keeps their facts.' \
   "the directory lists nothing: purge => true is refused, with the reason and a hint"
is "$(q "SELECT count(DISTINCT doc) FROM regress_etl.news_facts")" "$files" "... and every file's facts are kept"
mv "$away"/*.txt "$dir"/
out=$(etl "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts', purge => true)")
is_summary "$out" "0 new, 0 changed, $files unchanged, 0 failed, 0 vanished" "the files back: nothing loaded again"

# ---- (5) pg_dump | pg_restore ----------------------------------------------------------------------

# (pg_cron, if this database has it, is left out: it runs in one database only)
createdb "$restored"
out=$( { pg_dump -Fc -f "$tmp/db.dump" "$db" && pg_restore -l "$tmp/db.dump" | grep -Ev ' (pg_cron|cron) ' >"$tmp/db.list" &&
         pg_restore --exit-on-error -L "$tmp/db.list" -d "$restored" "$tmp/db.dump"; } 2>&1) && st=0 || st=$?
ok "$st" "pg_dump | pg_restore of the database" "$out"
out=$(PGDATABASE=$restored psql_b -c "CALL nvfacts.ingest('regress_news', 'regress_etl.news_facts')" 2>&1)
is "$(messages "$out")" "NOTICE:  nvfacts.ingest: 0 new, 0 changed, $files unchanged, 0 failed, 0 vanished" \
   "restored (new OIDs for the table and the server): the catalog knows every file, nothing loaded again"

tap_summary
