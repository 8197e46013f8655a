#!/usr/bin/env bash
# tests/ingest_sessions.sh — CALL nvfacts.ingest() end to end in a running cluster (TAP output).
#   (1-6) server news over a temp directory, loaded into public.news_facts: new files, a second
#         run, a touched file, a changed file, corrupt / binary / too large files (failed, skipped
#         until they change, loaded once fixed), a vanished file (kept, then purged);
#   (7)   two sessions: a run while another one holds the server's row fails loudly and does nothing;
#         a role that can only connect, holding the advisory lock runs used to take, stops nothing;
#   (8)   a 300-file run in batches of 20: another session sees each committed batch (files,
#         catalog rows and facts together); kill -9 of the backend in the middle of a batch: after
#         crash recovery the committed batches are there and nothing of the killed one, the rerun
#         loads the rest (the killed run marked aborted) and equals a clean load of the same
#         directory through a second server;
#   (9)   pg_cron: a scheduled CALL loads a new file; one with fail_on_error => true over a bad file
#         is a failed job run saying why, its run row committed; a job of a non-superuser ETL role
#         (nvfacts_loader) loads into the table it owns (SKIP when cron.database_name is another db).
# Facts are compared with nvfacts.extract() of the same file: every column, as multisets.
# Runs as root (or as the server's OS user) against the cluster named by the PG* variables, in
# database $PGDATABASE; the kill -9 restarts that cluster.  Removes everything it adds (servers,
# tables, catalog rows, the cron job, temp directories, the extensions if it created them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sessions.sh"

db=${PGDATABASE:?ingest_sessions.sh: set PGDATABASE}
export PGDATABASE=$db
dir=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_news.XXXXXX")
bigdir=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_big.XXXXXX")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_ingest.XXXXXX")
crondir=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_cronbad.XXXXXX")
news=public.news_facts
big_copies=${BIG_COPIES:-300}     # files in the kill -9 directory
big_repeat=${BIG_REPEAT:-60}      # articles per file there (96 kB): a run of a few seconds
big_batch=${BIG_BATCH:-20}        # files per batch of the run that is killed
cron_job=nvfacts-ingest-test
created_extension=0 created_cron=0

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# What this script creates in the database; also run first, for leftovers of an interrupted run.
remove_objects() {
  psql -X -q -A -t -v ON_ERROR_STOP=0 2>/dev/null <<SQL
DELETE FROM cron.job_run_details d USING cron.job j WHERE d.jobid = j.jobid AND j.jobname LIKE '$cron_job%';
SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE '$cron_job%';
DROP SCHEMA IF EXISTS regress_cron CASCADE;
DROP TABLE IF EXISTS public.news_facts, public.big_facts, public.big_ref_facts CASCADE;
DELETE FROM nvfacts.ingest_targets WHERE server IN ('news', 'big', 'big_ref', 'cronbad', 'cronetl');
DELETE FROM nvfacts.ingest_runs WHERE server IN ('news', 'big', 'big_ref', 'cronbad', 'cronetl');
DROP TABLE IF EXISTS public.cronbad_facts, public.cronbad_facts_articles CASCADE;
DROP SERVER IF EXISTS news, big, big_ref, cronbad, cronetl CASCADE;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'regress_nvf_intruder';
DROP ROLE IF EXISTS regress_nvf_intruder, regress_cron_etl;
SQL
}

cleanup() {
  set +e
  stop_background
  remove_objects >/dev/null
  ((created_cron == 0)) || q 'DROP EXTENSION pg_cron' >/dev/null 2>&1
  ((created_extension == 0)) || q 'DROP EXTENSION nvfacts' >/dev/null 2>&1
  rm -rf "$dir" "$bigdir" "$tmp" "$crondir"
}
trap cleanup EXIT

# ---- files the server reads ---------------------------------------------------------------------

own() { ((EUID != 0)) || chown -R postgres: "$@"; }   # the server runs as postgres
# put PATH TEXT: the file dated 5 s back, as files usually are by the time a run sees them (a file
# written in the second before a run is read again by the next one: same-tick rewrites keep its size).
age() { touch -d "$(date -d '-5 seconds' '+%Y-%m-%d %H:%M:%S.%N')" "$@"; own "$@"; }
put() { printf '%s\n' "$2" >"$1"; age "$1"; }

text_a='英伟达第三财季营收创新高 数据中心业务同比增长超一倍
发布时间：2024-11-21 08:30
英伟达周三公布，2025财年第三季度营收为350.8亿美元，同比增长94%，环比增长17%。
其中数据中心业务营收为308亿美元，同比增长112%。公司毛利率为74.6%，净利润为193.1亿美元。
英伟达预计第四季度营收为375亿美元，上下浮动2%。'
text_b='台积电十月营收同比增长近三成
发布时间：2024-11-08 15:10
台积电周五公布，10月营收为3142.4亿新台币，同比增长29.2%，环比增长24.8%。
今年前十个月累计营收为2.34万亿新台币，同比增长31.5%。
分析师指出，人工智能芯片需求强劲，台积电第四季度毛利率有望达到58%。'
text_b2='台积电第三季度净利润超预期
发布时间：2024-10-17 14:05
台积电公布，第三季度营收为235亿美元，同比增长36%。净利润为3252.6亿新台币，同比增长54.2%。
第三季度毛利率为57.8%，营业利润率为47.5%。公司预计第四季度营收为261亿至269亿美元。'
text_c='微软云业务持续发力 季度净利润增长11%
发布时间：2024-10-31 07:45
微软公布2025财年第一季度财报，营收为655.9亿美元，同比增长16%。
净利润为246.7亿美元，同比增长11%。智能云业务营收为241亿美元，同比增长20%。
微软表示，第一季度资本支出为200亿美元。'
text_d='英伟达游戏业务回暖
发布时间：2024-08-29 09:00
英伟达2025财年第二季度游戏业务营收为28.8亿美元，同比增长16%，环比增长9%。
公司第二季度毛利率为75.1%，净利润为166亿美元，同比增长168%。'
text_e='微软智能云营收增长21%
发布时间：2025-01-30 06:40
微软2025财年第二季度营收为696.3亿美元，同比增长12%。
智能云业务营收为255亿美元，同比增长19%，净利润为241.1亿美元。'
text_f='台积电一月营收环比增长
发布时间：2025-02-10 15:00
台积电1月营收为2933.4亿新台币，同比增长35.9%，环比增长5.4%。'

# ---- SQL the checks are made of ------------------------------------------------------------------

ingest() { psql_b -c "CALL nvfacts.ingest($1)" 2>&1; }   # ingest "ARGS": its notices, warnings
summary() { sed -n 's/^NOTICE:  nvfacts\.ingest: \([0-9]* new, .*\)$/\1/p' <<<"$1"; }
notices() { grep -E '^(NOTICE|WARNING|ERROR):' <<<"$1" || true; }
is_summary() {  # is_summary OUTPUT WANT DESCRIPTION
  if [[ $(summary "$1") == "$2" ]]; then ok 0 "$3"; else ok 1 "$3" "want: $2"$'\n'"$1"; fi
}
docs_sql() { local IFS=,; echo "'{$*}'::text[]"; }       # docs_sql a.txt b.txt

# The columns of a fact row after doc (what ingest stores besides doc, published, loaded_at).
fact_cols() {
  q "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
     WHERE attrelid = 'nvfacts.fact'::regclass AND attnum > 1 AND NOT attisdropped"
}

# facts_vs_extract DOC...: per file, its facts in news_facts and the rows that differ from
# extract() of the file's text (EXCEPT ALL both ways); want_facts DOC...: what that must be.
facts_vs_extract() {
  q "SELECT string_agg(format('%s: %s facts, %s differ', f,
       (SELECT count(*) FROM $news WHERE doc = f),
       (SELECT count(*) FROM ((SELECT $cols FROM $news WHERE doc = f
                               EXCEPT ALL SELECT $cols FROM nvfacts.extract(body))
                              UNION ALL (SELECT $cols FROM nvfacts.extract(body)
                               EXCEPT ALL SELECT $cols FROM $news WHERE doc = f)) x)), '; ' ORDER BY f)
     FROM unnest($(docs_sql "$@")) f, pg_read_file('$dir/' || f) body"
}
want_facts() {
  q "SELECT string_agg(format('%s: %s facts, 0 differ', f, (SELECT count(*) FROM nvfacts.extract(body))),
                       '; ' ORDER BY f)
     FROM unnest($(docs_sql "$@")) f, pg_read_file('$dir/' || f) body"
}
facts_match() {  # facts_match DESCRIPTION DOC...
  local desc=$1; shift
  is "$(facts_vs_extract "$@")" "$(want_facts "$@")" "$desc"
}

# The catalog rows of DOCs against the files: size, mtime, SHA-256 and fact count.
catalog_rows() {
  q "SELECT string_agg(concat_ws(' ', path, status, bytes, date_trunc('second', modified), sha256, facts),
                       '; ' ORDER BY path)
     FROM nvfacts.ingested_files
     WHERE target = '$news'::regclass AND path = ANY ($(docs_sql "$@"))"
}
want_catalog_rows() {
  q "SELECT string_agg(concat_ws(' ', f, 'loaded', length(b), (pg_stat_file(p)).modification,
                                 encode(sha256(b), 'hex'),
                                 (SELECT count(*) FROM nvfacts.extract(convert_from(b, 'UTF8')))),
                       '; ' ORDER BY f)
     FROM unnest($(docs_sql "$@")) f, LATERAL (SELECT '$dir/' || f AS p) x, pg_read_binary_file(p) b"
}
catalog_match() {  # catalog_match DESCRIPTION DOC...
  local desc=$1; shift
  is "$(catalog_rows "$@")" "$(want_catalog_rows "$@")" "$desc"
}

# Rows of news_facts for DOCs with their xmin: changes when a row is rewritten.
fingerprint() {
  q "SELECT count(*) || ' ' || md5(string_agg(format('%s %s', t.xmin, t), ',' ORDER BY doc, fact_no))
     FROM $news t WHERE doc = ANY ($(docs_sql "$@"))"
}
catalog_fingerprint() {
  q "SELECT md5(string_agg(format('%s %s', i.xmin, i), ',' ORDER BY path))
     FROM nvfacts.ingested_files i WHERE target = '$news'::regclass"
}

# ---- setup -------------------------------------------------------------------------------------

plan 54

if [[ -z $(q "SELECT 1 FROM pg_extension WHERE extname = 'nvfacts'") ]]; then
  q 'CREATE EXTENSION nvfacts'
  created_extension=1
fi
remove_objects >/dev/null
own "$dir" "$bigdir"
cols=$(fact_cols)

out=$(q "CREATE SERVER news FOREIGN DATA WRAPPER nvfacts_fdw
         OPTIONS (directory '$dir', pattern '*.txt', max_file_size '64kB')" 2>&1) && st=0 || st=$?
ok "$st" "CREATE SERVER news over a temp directory (pattern *.txt, max_file_size 64kB)" "$out"

# ---- (1) three new files -------------------------------------------------------------------------

put "$dir/a.txt" "$text_a"
put "$dir/b.txt" "$text_b"
put "$dir/c.txt" "$text_c"
put "$dir/README.md" "not an article: outside the pattern"

out=$(ingest "'news', '$news'")
is_summary "$out" "3 new, 0 changed, 0 unchanged, 0 failed, 0 vanished" "first run: 3 new files (README.md not matched)"
is "$(q "SELECT string_agg(f || ' ' || (n > 0), ', ' ORDER BY f) FROM unnest($(docs_sql a.txt b.txt c.txt)) f,
         LATERAL (SELECT count(*) n FROM nvfacts.extract(pg_read_file('$dir/' || f))) x")" \
   "a.txt true, b.txt true, c.txt true" "fixture: extract() finds facts in each article"
facts_match "first run: each file's facts are exactly extract() of its text" a.txt b.txt c.txt
catalog_match "first run: catalog rows loaded, with the files' size, mtime, SHA-256 and fact count" \
  a.txt b.txt c.txt
is "$(q "SELECT string_agg(DISTINCT doc || ' ' || published, ', ') FROM $news")" \
   "a.txt 2024-11-21, b.txt 2024-11-08, c.txt 2024-10-31" "published is the date printed in each file"
is "$(q "SELECT to_regclass('${news}_latest') IS NOT NULL AND to_regclass('${news}_levels') IS NOT NULL
         AND (SELECT count(*) FROM ${news}_levels) > 0")" "t" "views news_facts_latest and news_facts_levels"

# ---- (2) nothing changed -----------------------------------------------------------------------

rows_before=$(fingerprint a.txt b.txt c.txt)
catalog_before=$(catalog_fingerprint)
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 0 changed, 3 unchanged, 0 failed, 0 vanished" "second run: 3 unchanged"
is "$(fingerprint a.txt b.txt c.txt)" "$rows_before" "second run: no fact row rewritten (same xmin, loaded_at)"
is "$(catalog_fingerprint)" "$catalog_before" "second run: catalog rows untouched"

# ---- (3) touched: new mtime, same bytes --------------------------------------------------------

loaded_at=$(q "SELECT loaded_at FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND path = 'a.txt'")
touch -d '2024-06-01 12:00:00' "$dir/a.txt"
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 0 changed, 3 unchanged, 0 failed, 0 vanished" "touched file: unchanged by its SHA-256"
is "$(fingerprint a.txt b.txt c.txt)" "$rows_before" "touched file: its facts are not rewritten"
is "$(q "SELECT date_trunc('second', modified) || ' ' || loaded_at FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND path = 'a.txt'")" \
   "$(q "SELECT (pg_stat_file('$dir/a.txt')).modification || ' ' || '$loaded_at'::timestamptz")" \
   "touched file: catalog has the new mtime, the old loaded_at"

# ---- (4) changed content -------------------------------------------------------------------------

others_before=$(fingerprint a.txt c.txt)
put "$dir/b.txt" "$text_b2"
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 1 changed, 2 unchanged, 0 failed, 0 vanished" "changed file: 1 changed"
facts_match "changed file: old facts gone, new facts are extract() of the new text" b.txt
is "$(fingerprint a.txt c.txt)" "$others_before" "changed file: the other files' facts untouched"
catalog_match "changed file: catalog has the new size, hash and fact count" b.txt

# ---- (5) files that cannot be loaded ---------------------------------------------------------------

failure_reasons() {  # path, status, and whether the error names the reason
  q "SELECT string_agg(concat_ws(' ', path, status, CASE path
                                   WHEN 'bad.txt' THEN error = 'invalid byte sequence for encoding UTF-8 at byte offset 33'
                                   WHEN 'image.txt' THEN error = 'binary content (NUL byte at byte offset 8)'
                                   WHEN 'huge.txt' THEN error ~ '^it is \d+ bytes, more than max_file_size \(65536 bytes\)$' END),
                          ', ' ORDER BY path)
     FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND path IN ('bad.txt', 'huge.txt', 'image.txt')"
}
show_errors() {
  q "SELECT path || ': ' || error FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND status = 'failed'
     ORDER BY path" | sed 's/^/# /'
}

printf '英伟达营收为350亿美元，\xff\xfe\xfa abc\n' >"$dir/bad.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0' >"$dir/image.txt"
for ((i = 0; i < 200; i++)); do printf '%s\n' "$text_a"; done >"$dir/huge.txt"
age "$dir/bad.txt" "$dir/image.txt" "$dir/huge.txt"
own "$dir"
facts_before=$(fingerprint a.txt b.txt c.txt)
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 0 changed, 3 unchanged, 3 failed, 0 vanished" "bad files: the run goes on, 3 failed"
is "$(grep -o '^WARNING:  nvfacts.ingest: skipping article file "[a-z.]*"' <<<"$out" | sed 's/.*file //' | sort | paste -sd' ')" \
   '"bad.txt" "huge.txt" "image.txt"' "bad files: a WARNING names each one"
is "$(failure_reasons)" "bad.txt failed t, huge.txt failed t, image.txt failed t" \
   "bad files: catalog status failed, the error names the reason (invalid UTF-8, binary, too large)"
show_errors
is "$(q "SELECT count(*) FROM $news WHERE doc IN ('bad.txt', 'huge.txt', 'image.txt')") $(fingerprint a.txt b.txt c.txt)" \
   "0 $facts_before" "bad files: no facts from them, the good files untouched"

out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 0 changed, 3 unchanged, 3 failed, 0 vanished" "bad files, next run: read again, counted failed again"
is "$(grep -c '^WARNING:  nvfacts.ingest: skipping article file' <<<"$out" || true)" "3" \
   "bad files, next run: a WARNING for each again"
is "$(q "SELECT string_agg(concat_ws(' ', new, unchanged, failed, status), ', ' ORDER BY run)
         FROM (SELECT * FROM nvfacts.ingest_runs WHERE server = 'news' ORDER BY run DESC LIMIT 2) r")" \
   "0 3 3 failed, 0 3 3 failed" "bad files: both runs are rows of nvfacts.ingest_runs with status failed"

put "$dir/bad.txt" "$text_d"
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 1 changed, 3 unchanged, 2 failed, 0 vanished" "fixed file: retried as changed"
facts_match "fixed file: its facts are extract() of its text" bad.txt
catalog_match "fixed file: catalog status loaded" bad.txt
rm "$dir/huge.txt" "$dir/image.txt"

# ---- (6) a vanished file ---------------------------------------------------------------------------

c_facts=$(q "SELECT count(*) FROM $news WHERE doc = 'c.txt'")
rm "$dir/c.txt"
out=$(ingest "'news', '$news'")
is_summary "$out" "0 new, 0 changed, 3 unchanged, 0 failed, 3 vanished" \
   "vanished files: 3 vanished (c.txt, and the two that failed)"
is "$(notices "$out" | grep -c 'NOTICE:  nvfacts.ingest: article file "c.txt" has vanished$' || true)" "1" \
   "vanished file: a NOTICE names it"
is "$(q "SELECT status FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND path = 'c.txt'") \
$(q "SELECT count(*) FROM $news WHERE doc = 'c.txt'")" "vanished $c_facts" \
   "vanished file: catalog status vanished, its facts kept"

out=$(ingest "'news', '$news', purge => true")
is "$(notices "$out" | grep -c 'NOTICE:  nvfacts.ingest: article file "c.txt" has vanished; its facts are deleted' || true)" \
   "1" "purge => true: a NOTICE says the vanished file's facts are deleted" "$out"
is "$(q "SELECT (SELECT count(*) FROM $news WHERE doc = 'c.txt') || ' ' ||
                (SELECT count(*) FROM nvfacts.ingested_files WHERE target = '$news'::regclass AND path = 'c.txt') || ' ' ||
                (SELECT string_agg(DISTINCT doc, ' ') FROM $news)")" "0 0 a.txt b.txt bad.txt" \
   "purge => true: its facts and catalog row deleted, the others kept"

# ---- (7) two sessions at once -------------------------------------------------------------------

put "$dir/d.txt" "$text_d"
put "$dir/e.txt" "$text_e"
PGAPPNAME=nvfacts_ingest_a psql_b >"$tmp/a.out" 2>&1 <<SQL &
BEGIN;
CALL nvfacts.ingest('news', '$news');
SELECT pg_sleep(3);
COMMIT;
SQL
a_pid=$!
bg_pids+=("$a_pid")
a_backend=$(wait_for "SELECT pid FROM pg_stat_activity WHERE application_name = 'nvfacts_ingest_a'
                      AND state = 'active' AND query LIKE '%pg_sleep%'") || a_backend=
out=$(ingest "'news', '$news'" || true)
is "$(grep -E '^(NOTICE|WARNING|ERROR|DETAIL):' <<<"$out")" \
   "ERROR:  nvfacts.ingest: another run is loading from server \"news\"
DETAIL:  The run of process $a_backend holds the server's row of nvfacts.ingest_servers; nothing was done." \
   "session B during A's run: an ERROR that names A's process, nothing done"
wait "$a_pid" && st=0 || st=$?
is_summary "$(cat "$tmp/a.out")" "2 new, 0 changed, 3 unchanged, 0 failed, 0 vanished" "session A: 2 new (exit $st)"
is "$(q "SELECT count(*) FROM (SELECT 1 FROM $news GROUP BY doc, fact_no HAVING count(*) > 1) x")" "0" \
   "after both sessions: no duplicate (doc, fact_no)"
facts_match "after both sessions: each new file's facts present exactly once" d.txt e.txt
catalog_match "after both sessions: one catalog row per new file, loaded" d.txt e.txt

# (7b) a role that can only connect, idle, holding the advisory lock ingest() used to take
q "CREATE ROLE regress_nvf_intruder LOGIN"
coproc INTRUDER { PGUSER=regress_nvf_intruder PGAPPNAME=nvfacts_intruder psql_b >"$tmp/intruder.out" 2>&1; }
# bash unsets INTRUDER_PID and INTRUDER once it reaps the coprocess: keep the pid and the fd now
# shellcheck disable=SC2153  # INTRUDER_PID is set by coproc
intruder_pid=$INTRUDER_PID
intruder_in=${INTRUDER[1]}
bg_pids+=("$intruder_pid")
echo "SELECT pg_advisory_lock(hashtext('nvfacts.ingest'), hashtext('news'));" >&"$intruder_in"
held=$(wait_for "SELECT a.state FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                 WHERE a.application_name = 'nvfacts_intruder' AND l.locktype = 'advisory' AND l.granted
                   AND a.state = 'idle'") || held=no
put "$dir/f0.txt" "$text_f"
out=$(ingest "'news', '$news'" || true)
is_summary "$out" "1 new, 0 changed, 5 unchanged, 0 failed, 0 vanished" \
   "a role holding the old advisory lock in an $held session stops nothing: the run loads the new file"
exec {intruder_in}>&-          # psql reads the end of its input and leaves
wait "$intruder_pid" 2>/dev/null || true

# ---- (8) kill -9 in the middle of a run ----------------------------------------------------------

make_big_dir() {
  local i k
  for ((i = 1; i <= big_copies; i++)); do
    for ((k = 0; k < big_repeat; k++)); do
      printf '%s\n%s\n%s\n%s\n%s\n' "$text_a" "$text_b" "$text_c" "$text_d" "$text_e"
    done >"$bigdir/$(printf 'n%03d.txt' "$i")"
  done
  own "$bigdir"
}
table_count() {  # rows of TABLE, 0 when it does not exist
  q "SELECT CASE WHEN to_regclass('$1') IS NULL THEN 0 ELSE
            (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM $1', false, true, '')))[1]::text::int END"
}
# The checkpointer's pid: a new one once the postmaster has reinitialized after a crash.
checkpointer() { q "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"; }
# wait_recovered OLD-CHECKPOINTER: until a new connection works after the crash and restart.
wait_recovered() {
  local t0=$SECONDS c
  while ((SECONDS - t0 < 60)); do
    c=$(checkpointer 2>/dev/null) && [[ -n $c && $c != "$1" ]] && return 0
    sleep 0.2
  done
  return 1
}

# The big run's committed state, read from another session: files in its run row, catalog rows
# (loaded), facts in the table, facts the catalog counts (big_state_sql [CONDITION]: the query).
big_state() { q "$(big_state_sql)"; }
big_state_sql() {
  echo "SELECT concat_ws(' ', r.new, (SELECT count(*) FILTER (WHERE f.status = 'loaded') FROM nvfacts.ingested_files f
                                   WHERE f.target = 'public.big_facts'::regclass),
                      (SELECT count(*) FROM public.big_facts),
                      (SELECT coalesce(sum(f.facts), 0) FROM nvfacts.ingested_files f WHERE f.target = 'public.big_facts'::regclass))
     FROM nvfacts.ingest_runs r WHERE r.server = 'big' AND r.run = (SELECT max(run) FROM nvfacts.ingest_runs WHERE server = 'big')
       ${1:+AND $1}"
}
# consistent "N N F F" with N a whole number of batches: what committed batches leave
batches_consistent() {
  awk -v b="$big_batch" '{ exit !($1 == $2 && $1 % b == 0 && $3 == $4 && ($1 == 0 || $3 > 0)) }' <<<"$1"
}

make_big_dir
q "CREATE SERVER big FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$bigdir');
   CREATE SERVER big_ref FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$bigdir')"
PGAPPNAME=nvfacts_ingest_big psql_b -c "CALL nvfacts.ingest('big', 'public.big_facts', batch_files => $big_batch)" \
  >"$tmp/big.out" 2>&1 &
big_pid=$!
bg_pids+=("$big_pid")
old_checkpointer=$(checkpointer)
t0=$(now)
seen=$(wait_for "$(big_state_sql "r.status = 'running' AND r.new >= 2 * $big_batch")" 60) || seen=
pid=$(q "SELECT pid FROM pg_stat_activity WHERE application_name = 'nvfacts_ingest_big' AND state = 'active'")
batches_consistent "${seen:-x}" && st=0 || st=1
ok "$st" "from another session, mid-run: the committed batches' files (${seen%% *}) with their catalog rows and facts" \
   "files in run row, catalog rows, facts, facts in catalog: ${seen:-none seen}"
out=$(kill -9 "$pid" 2>&1) && st=0 || st=$?
ok "$st" "kill -9 of the ingesting backend (pid ${pid:-none}) in the middle of a batch, after $(since "$t0") s" "$out"
wait "$big_pid" && st=0 || st=$?
ok $((st == 0)) "the killed CALL did not complete (psql exit $st)" "$(cat "$tmp/big.out")"
t0=$(now)
wait_recovered "$old_checkpointer" && st=0 || st=$?
ok "$st" "the cluster restarted, crash recovery done, connections accepted again ($(since "$t0") s)"
kept=$(big_state)
seen_files=${seen%% *}
batches_consistent "$kept" && ((${kept%% *} >= ${seen_files:-0} && ${kept%% *} < big_copies)) && st=0 || st=1
ok "$st" "after kill -9: what the committed batches wrote (${kept%% *} files), nothing of the killed batch" \
   "files in run row, catalog rows, facts, facts in catalog: $kept"
done_files=${kept%% *}

out=$(ingest "'big', 'public.big_facts'")
is_summary "$out" "$((big_copies - done_files)) new, 0 changed, $done_files unchanged, 0 failed, 0 vanished" \
   "rerun after the crash: the files the killed run did not commit are new, the others unchanged"
is "$(q "SELECT string_agg(status, ' ' ORDER BY run) FROM nvfacts.ingest_runs WHERE server = 'big'")" "aborted succeeded" \
   "the runs table: the killed run aborted (marked by the rerun), the rerun succeeded"
t0=$(now)
out=$(ingest "'big_ref', 'public.big_ref_facts'")
echo "# a clean ingest of $big_copies files ($(du -sh "$bigdir" | cut -f1)) took $(since "$t0") s"
is_summary "$out" "$big_copies new, 0 changed, 0 unchanged, 0 failed, 0 vanished" "reference load through server big_ref"
is "$(q "SELECT format('%s facts, %s differ', (SELECT count(*) FROM public.big_facts),
           (SELECT count(*) FROM ((SELECT doc, $cols FROM public.big_facts
                                   EXCEPT ALL SELECT doc, $cols FROM public.big_ref_facts)
                                  UNION ALL (SELECT doc, $cols FROM public.big_ref_facts
                                   EXCEPT ALL SELECT doc, $cols FROM public.big_facts)) x))")" \
   "$(q "SELECT format('%s facts, 0 differ', count(*)) FROM public.big_ref_facts")" \
   "rerun after the crash: the same facts as the reference load"
is "$(q "SELECT count(*) FILTER (WHERE status = 'loaded') || ' ' || sum(facts) FROM nvfacts.ingested_files
         WHERE target = 'public.big_facts'::regclass")" "$big_copies $(table_count public.big_facts)" \
   "rerun after the crash: catalog has every file loaded, with its facts"

# ---- (9) pg_cron ---------------------------------------------------------------------------------

cron_ready() {  # pg_cron is loaded and runs its jobs in this database
  [[ $(q "SELECT current_setting('cron.database_name', true) = current_database()") == t ]]
}
# Until the job has loaded f.txt, a run of it has succeeded and one of the fail_on_error job has
# failed; prints the seconds waited.
wait_cron() {
  local t0 st
  t0=$(now)
  wait_for "SELECT 1 WHERE EXISTS (SELECT 1 FROM $news WHERE doc = 'f.txt')
            AND EXISTS (SELECT 1 FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                        WHERE j.jobname = '$cron_job' AND d.status = 'succeeded')
            AND EXISTS (SELECT 1 FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                        WHERE j.jobname = '$cron_job-fail' AND d.status = 'failed')
            AND EXISTS (SELECT 1 FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                        WHERE j.jobname = '$cron_job-etl' AND d.status = 'succeeded')" 130 >/dev/null && st=0 || st=$?
  since "$t0"
  return $st
}

if cron_ready; then
  if [[ -z $(q "SELECT 1 FROM pg_extension WHERE extname = 'pg_cron'") ]]; then
    q 'CREATE EXTENSION pg_cron'
    created_cron=1
  fi
  # a second server whose one file cannot be loaded, with fail_on_error
  printf '英伟达营收为350亿美元，\xff\xfe abc\n' >"$crondir/bad.txt"
  age "$crondir/bad.txt"
  own "$crondir"
  q "CREATE SERVER cronbad FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$crondir')"
  q "SELECT cron.schedule('$cron_job', '* * * * *', \$\$CALL nvfacts.ingest('news', '$news')\$\$)" >/dev/null
  q "SELECT cron.schedule('$cron_job-fail', '* * * * *',
       \$\$CALL nvfacts.ingest('cronbad', 'public.cronbad_facts', fail_on_error => true)\$\$)" >/dev/null
  # and a job of an ETL role that is no superuser, over the news directory into its own schema
  q "CREATE ROLE regress_cron_etl LOGIN IN ROLE nvfacts_loader;
     CREATE SERVER cronetl FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$dir', pattern 'a.txt');
     GRANT USAGE ON FOREIGN SERVER cronetl TO regress_cron_etl;
     CREATE SCHEMA regress_cron AUTHORIZATION regress_cron_etl;
     SELECT cron.schedule_in_database('$cron_job-etl', '* * * * *',
       \$\$CALL nvfacts.ingest('cronetl', 'regress_cron.news_facts')\$\$, current_database(), 'regress_cron_etl')" >/dev/null
  put "$dir/f.txt" "$text_f"
  waited=$(wait_cron) && st=0 || st=$?
  ok "$st" "pg_cron: the scheduled CALL loaded the new file (after $waited s)"
  facts_match "pg_cron: its facts are extract() of its text" f.txt
  is "$(q "SELECT count(*) > 0 FROM cron.job_run_details d JOIN cron.job j USING (jobid)
           WHERE j.jobname = '$cron_job' AND d.status = 'succeeded'")" "t" \
     "pg_cron: cron.job_run_details has a succeeded run of the job"
  is "$(q "SELECT split_part(d.return_message, E'\n', 1) FROM cron.job_run_details d JOIN cron.job j USING (jobid)
           WHERE j.jobname = '$cron_job-fail' AND d.status = 'failed' ORDER BY d.runid LIMIT 1")" \
     'ERROR:  nvfacts.ingest: 1 article file of server "cronbad" failed' \
     "pg_cron, fail_on_error => true: the run with a failed file is a failed job run, saying why"
  is "$(q "SELECT concat_ws(' ', new, failed, status) FROM nvfacts.ingest_runs WHERE server = 'cronbad' ORDER BY run LIMIT 1")" \
     "0 1 failed" "... and its row of nvfacts.ingest_runs was committed before the ERROR"
  is "$(q "SELECT concat_ws(' ', r.new, r.status, (SELECT tableowner FROM pg_tables WHERE schemaname = 'regress_cron'
                                                   AND tablename = 'news_facts'))
           FROM nvfacts.ingest_runs r WHERE r.server = 'cronetl' ORDER BY r.run LIMIT 1")" "1 succeeded regress_cron_etl" \
     "pg_cron, a job of a non-superuser ETL role (nvfacts_loader): it loads into the table it owns"
else
  why="cron.database_name is not $db (or pg_cron is not loaded)"
  skip "pg_cron: the scheduled CALL loads a new file" "$why"
  skip "pg_cron: its facts are extract() of its text" "$why"
  skip "pg_cron: cron.job_run_details has a succeeded run of the job" "$why"
  skip "pg_cron, fail_on_error => true: the run with a failed file is a failed job run, saying why" "$why"
  skip "... and its row of nvfacts.ingest_runs was committed before the ERROR" "$why"
  skip "pg_cron, a job of a non-superuser ETL role (nvfacts_loader): it loads into the table it owns" "$why"
fi

tap_summary
