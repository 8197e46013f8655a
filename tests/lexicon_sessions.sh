#!/usr/bin/env bash
# tests/lexicon_sessions.sh — lexicon changes seen across sessions and kept by pg_dump (TAP output).
#   (a) session A calls extract() (its lexicon is now cached), session B inserts an entity, its alias
#       and a metric alias; A's next extract() uses them without reconnecting, and sees a DELETE too.
#   (b) pg_dump -Fc of the database restored into a new database keeps the user's rows and does not
#       duplicate the builtin ones; shipped rows the user edited (an entity's fiscal year, a metric
#       word's metric) are the user's rows and come back edited, over the shipped ones.
#   (c) a reload that fails (a lock timeout on a lexicon table) leaves no stale lexicon behind: the
#       next call reloads and sees the change that triggered it.
# Runs against the cluster named by the PG* variables, in database $PGDATABASE; removes everything
# it adds (rows, the restored database, the dump, the extension if it created it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sessions.sh"

db=${PGDATABASE:?lexicon_sessions.sh: set PGDATABASE}
restored="${db}_lexicon_restore_$$"
dump=$(mktemp "${TMPDIR:-/tmp}/nvfacts_lexicon.XXXXXX.dump")
created_extension=0
a_pid=


remove_user_rows() {  # the rows this script adds, in database $1, and its edits of shipped rows undone
  psql_b -d "$1" -c "DELETE FROM nvfacts.metric_aliases WHERE alias = '进账' AND NOT builtin;
                     DELETE FROM nvfacts.entities WHERE entity = 'Cerebras' AND NOT builtin;
                     UPDATE nvfacts.entities SET fiscal_year_end_month = 12, builtin = true WHERE entity = 'AMD';
                     UPDATE nvfacts.metric_aliases SET metric = 'revenue', builtin = true WHERE alias = '营业额';"
}

cleanup() {
  set +e
  if [[ -n $a_pid ]]; then
    { echo '\q' >&"$a_in"; } 2>/dev/null
    wait "$a_pid" 2>/dev/null || kill "$a_pid" 2>/dev/null
  fi
  remove_user_rows "$db" >/dev/null 2>&1
  ((created_extension == 0)) || psql_b -d "$db" -c 'DROP EXTENSION nvfacts' >/dev/null 2>&1
  dropdb --if-exists "$restored" >/dev/null 2>&1
  rm -f "$dump"
}
trap cleanup EXIT

# Session A: one psql kept open on a coprocess; each query ends with a marker line.
a_query() {
  local line out=
  printf '%s\n\\echo __nvfacts_done__\n' "$1" >&"$a_in"
  while IFS= read -r -t 60 line <&"$a_out"; do
    [[ $line == __nvfacts_done__ ]] && { printf '%s' "$out"; return 0; }
    out+=${out:+$'\n'}$line
  done
  printf '%s' "$out"
  return 1
}

plan 22

if [[ -z $(psql_b -d "$db" -c "SELECT 1 FROM pg_extension WHERE extname = 'nvfacts'") ]]; then
  psql_b -d "$db" -c 'CREATE EXTENSION nvfacts'
  created_extension=1
fi
remove_user_rows "$db" >/dev/null       # left over from an interrupted run

entity_text='塞雷布拉斯营收为2.8亿美元。'
metric_text='英伟达本季度进账350亿美元。'
both_text='塞雷布拉斯本季度进账2.8亿美元。'
facts_sql() { echo "SELECT string_agg(concat_ws('|', entity, metric, value, unit), ';' ORDER BY fact_no) FROM nvfacts.extract('$1');"; }

# ---- (a) two sessions --------------------------------------------------------------------------

coproc A { exec psql -X -q -A -t -v ON_ERROR_STOP=0 -d "$db" 2>&1; }
# bash unsets A_PID and A once it reaps the coprocess: keep the pid and the fds now
# shellcheck disable=SC2153  # A_PID is set by coproc
a_pid=$A_PID a_out=${A[0]} a_in=${A[1]}
pid_before=$(a_query 'SELECT pg_backend_pid();')

is "$(a_query "$(facts_sql "$entity_text")")" "" "session A: unknown company 塞雷布拉斯 gives no rows"
is "$(a_query "$(facts_sql "$metric_text")")" "" "session A: 进账 is not a metric word yet"

out=$(psql_b -d "$db" 2>&1 <<'SQL'
INSERT INTO nvfacts.entities (entity) VALUES ('Cerebras');
INSERT INTO nvfacts.entity_aliases (alias, entity) VALUES ('塞雷布拉斯', 'Cerebras');
INSERT INTO nvfacts.metric_aliases (alias, metric) VALUES ('进账', 'revenue');
SQL
) && st=0 || st=$?
ok "$st" "session B: inserts entity Cerebras, alias 塞雷布拉斯 and metric alias 进账 -> revenue" "$out"

is "$(a_query "$(facts_sql "$entity_text")")" "Cerebras|revenue|280000000|USD" \
   "session A: the next extract() uses B's entity alias"
is "$(a_query "$(facts_sql "$metric_text")")" "NVIDIA|revenue|35000000000|USD" \
   "session A: the next extract() uses B's metric alias"
is "$(a_query "$(facts_sql "$both_text")")" "Cerebras|revenue|280000000|USD" \
   "session A: both new words in one sentence"
is "$(a_query 'SELECT pg_backend_pid();')" "$pid_before" "session A: still the same backend (no reconnect)"

# ---- (b) pg_dump and restore -------------------------------------------------------------------

counts_sql="SELECT string_agg(format('%s %s/%s', t, b, u), ', ' ORDER BY t) FROM (
  SELECT 'entities' t, count(*) FILTER (WHERE builtin) b, count(*) FILTER (WHERE NOT builtin) u FROM nvfacts.entities
  UNION ALL SELECT 'entity_aliases', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.entity_aliases
  UNION ALL SELECT 'metrics', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.metrics
  UNION ALL SELECT 'metric_aliases', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.metric_aliases
  UNION ALL SELECT 'segments', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.segments
  UNION ALL SELECT 'segment_aliases', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.segment_aliases
  UNION ALL SELECT 'cues', count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin) FROM nvfacts.cues) c"
user_rows_sql="SELECT concat_ws(' ',
  (SELECT count(*) FROM nvfacts.entities WHERE entity = 'Cerebras' AND NOT builtin),
  (SELECT count(*) FROM nvfacts.entity_aliases WHERE alias = '塞雷布拉斯' AND entity = 'Cerebras' AND NOT builtin),
  (SELECT count(*) FROM nvfacts.metric_aliases WHERE alias = '进账' AND metric = 'revenue' AND NOT builtin))"

edit_text='AMD 2024年第一季度营业额为54亿美元。'
edited_sql="SELECT concat_ws(' ', (SELECT fiscal_year_end_month || ' ' || builtin FROM nvfacts.entities WHERE entity = 'AMD'),
                              (SELECT metric || ' ' || builtin FROM nvfacts.metric_aliases WHERE alias = '营业额'))"
edit_facts_sql="SELECT string_agg(concat_ws('|', entity, metric, fiscal_year, fiscal_quarter, period_end), ';') FROM nvfacts.extract('$edit_text');"
is "$(psql_b -d "$db" -c "$edit_facts_sql")" "AMD|revenue|2024|1|2024-03-31" "shipped rows before the edits: AMD's year ends in December, 营业额 is revenue"
out=$(psql_b -d "$db" 2>&1 <<'SQL'
UPDATE nvfacts.entities SET fiscal_year_end_month = 9 WHERE entity = 'AMD';
UPDATE nvfacts.metric_aliases SET metric = 'operating_income' WHERE alias = '营业额';
SQL
) && st=0 || st=$?
is "$(psql_b -d "$db" -c "$edited_sql")" "9 false operating_income false" \
   "session B edits two shipped rows (AMD's fiscal year, 营业额's metric): they become the user's ${out:+($out)}"

out=$(pg_dump -Fc -f "$dump" "$db" 2>&1) && st=0 || st=$?
ok "$st" "pg_dump -Fc of $db" "$out"
out=$( { createdb "$restored" && pg_restore --exit-on-error --no-owner -d "$restored" "$dump"; } 2>&1) && st=0 || st=$?
ok "$st" "createdb + pg_restore --exit-on-error (no duplicate builtin rows rejected)" "$out"

src_counts=$(psql_b -d "$db" -c "$counts_sql")
is "$(psql_b -d "$restored" -c "$counts_sql")" "$src_counts" \
   "restored lexicon has the same builtin/user row counts per table as the source"
is "$(psql_b -d "$restored" -c "$user_rows_sql")" "1 1 1" "restored database keeps the user's three rows, not builtin"
is "$(psql_b -d "$restored" -c "$(facts_sql "$both_text")")" "Cerebras|revenue|280000000|USD" \
   "extract() in the restored database uses the user's rows"
is "$(psql_b -d "$restored" -c "$edited_sql")" "9 false operating_income false" \
   "restored database: the edited shipped rows come back edited (over the shipped rows CREATE EXTENSION inserted)"
is "$(psql_b -d "$restored" -c "$edit_facts_sql")" "AMD|operating_income|2024|1|2023-12-31" \
   "extract() in the restored database uses the edits (fiscal Q1 of a September year ends in December)"

# ---- a DELETE reaches session A too ------------------------------------------------------------

out=$(remove_user_rows "$db" 2>&1) && st=0 || st=$?
ok "$st" "session B: deletes the user's rows" "$out"
is "$(a_query "$(facts_sql "$both_text")")" "" "session A: the next extract() no longer knows them"

# ---- (c) a reload that fails is retried --------------------------------------------------------

out=$(psql_b -d "$db" -c "INSERT INTO nvfacts.metric_aliases (alias, metric) VALUES ('进账', 'revenue');" 2>&1) \
  && st=0 || st=$?
ok "$st" "session B: adds metric alias 进账 again (session A's lexicon is now stale)" "$out"
psql_b -d "$db" -c "BEGIN; LOCK TABLE nvfacts.cues IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(3); COMMIT;" \
  >/dev/null 2>&1 &
locker=$!
for _ in $(seq 100); do
  [[ -n $(psql_b -d "$db" -c "SELECT 1 FROM pg_locks WHERE relation = 'nvfacts.cues'::regclass
                               AND mode = 'AccessExclusiveLock' AND granted") ]] && break
  sleep 0.05
done
out=$(a_query "SET lock_timeout = '100ms'; $(facts_sql "$metric_text")")
[[ $out == *"canceling statement due to lock timeout"* ]] && st=0 || st=1
ok "$st" "session A: the reload fails while another session locks nvfacts.cues" "$out"
wait "$locker"
is "$(a_query "RESET lock_timeout; $(facts_sql "$metric_text")")" "NVIDIA|revenue|35000000000|USD" \
   "session A: the next extract() reloads and uses 进账 (the failed reload left nothing stale)"
out=$(remove_user_rows "$db" 2>&1) && st=0 || st=$?
ok "$st" "session B: deletes the user's rows" "$out"

tap_summary
