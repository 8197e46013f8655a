#!/usr/bin/env bash
# tests/bench.sh — `make bench`: one-core throughput of nvfacts over a generated article corpus
# (BENCH_MB, default 64, built by varying tests/data/articles/*.txt); prints name, seconds, MB, MB/s.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
BENCH_MB=${BENCH_MB:-64}          # MB = 2^20 bytes of body text (octet_length)

nvf_setup nvfacts_bench
nvf_psql -q -c 'CREATE EXTENSION nvfacts'
nvf_load_articles

nvf_generate_articles bench_articles "$BENCH_MB"
nvf_psql -q <<'SQL'
VACUUM ANALYZE bench_articles;
-- The heap is tiny (bodies are TOASTed), so the planner would plan no worker.
ALTER TABLE bench_articles SET (parallel_workers = 2);
SQL

# The same bodies as files, one per article, for the loader rows.
BENCH_DIR=$(mktemp -d /tmp/nvfacts-bench.XXXXXX)
trap 'rm -rf "$BENCH_DIR"; nvf_stop_cluster' EXIT
nvf_psql -At -c "SELECT id, translate(encode(convert_to(body, 'UTF8'), 'base64'), E'\n', '') FROM bench_articles" |
  python3 -c '
import base64, sys
for line in sys.stdin:
    i, b = line.rstrip("\n").split("|", 1)
    open(f"{sys.argv[1]}/{int(i):06d}.txt", "wb").write(base64.b64decode(b))' "$BENCH_DIR"
chmod -R a+rX "$BENCH_DIR"
nvf_psql -q -v dir="$BENCH_DIR" <<'SQL'
CREATE SERVER bench_files FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir');
CREATE FOREIGN TABLE bench_file_articles (doc text, body text) SERVER bench_files;
CREATE FOREIGN TABLE bench_file_facts (doc text, fact_no int, value numeric) SERVER bench_files
    OPTIONS (content 'facts');
SQL

# bench_row NAME SQL [WORKERS]: time SQL (result discarded) with max_parallel_workers_per_gather=WORKERS.
BENCH_SQL=""
bench_row() {
  BENCH_SQL+="
SET max_parallel_workers_per_gather = ${3:-0};
SELECT clock_timestamp() AS t0 \\gset
$2 \\g /dev/null
INSERT INTO bench_results (name, seconds) VALUES ('${1//\'/\'\'}', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz));"
}

bench_row "scan: sum(length(body))"        "SELECT sum(length(body)) FROM bench_articles"
bench_row "normalize()"                    "SELECT sum(length(nvfacts.normalize(body))) FROM bench_articles"
bench_row "quantities()"                   "SELECT count(*) FROM bench_articles, nvfacts.quantities(body)"
bench_row "extract()"                      "SELECT count(*) FROM bench_articles, nvfacts.extract(body)"
# Loading facts: CREATE TABLE AS with extract() in the target list (INSERT ... SELECT
# never runs in parallel in PostgreSQL 15), one core, then two workers.
bench_row "extract() CREATE TABLE AS"      "DROP TABLE IF EXISTS bench_facts; CREATE TABLE bench_facts AS SELECT s.id, (s.f).* FROM (SELECT id, nvfacts.extract(body) AS f FROM bench_articles) s"
bench_row "extract() CREATE TABLE AS, 2 workers" "DROP TABLE IF EXISTS bench_facts; CREATE TABLE bench_facts AS SELECT s.id, (s.f).* FROM (SELECT id, nvfacts.extract(body) AS f FROM bench_articles) s" 2
bench_row "files: plain read (pg_read_binary_file)" "SELECT sum(octet_length(pg_read_binary_file('$BENCH_DIR/' || f))) FROM pg_ls_dir('$BENCH_DIR') f"
bench_row "loader: articles (read + decode)" "SELECT sum(octet_length(body)) FROM bench_file_articles"
bench_row "loader: facts (files to facts)"   "SELECT count(*) FROM bench_file_facts"
bench_row "loader: CALL nvfacts.ingest()"    "CALL nvfacts.ingest('bench_files', 'public.bench_ingested')"

nvf_psql -q <<SQL
SET jit = off;
CREATE TEMP TABLE bench_results (n serial, name text, seconds float8);
SELECT sum(length(body)) FROM bench_articles \g /dev/null
$BENCH_SQL
SELECT count(*) AS articles, pg_size_pretty(sum(octet_length(body))) AS text,
       pg_size_pretty(avg(octet_length(body))::bigint) AS avg_body,
       pg_size_pretty(max(octet_length(body))::bigint) AS max_body
  FROM bench_articles;
\echo '== nvfacts bench (one core unless noted; MB = 2^20 bytes of body text)'
SELECT r.name, round(r.seconds::numeric, 3) AS seconds, round(t.mb, 1) AS "MB",
       round(t.mb / r.seconds::numeric, 1) AS "MB/s"
  FROM bench_results r,
       (SELECT sum(octet_length(body)) / 1048576.0 AS mb FROM bench_articles) t
 ORDER BY r.n;
\echo '== the plan of the parallel load (two workers on a two-core machine)'
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) CREATE TABLE bench_facts2 AS
    SELECT s.id, (s.f).* FROM (SELECT id, nvfacts.extract(body) AS f FROM bench_articles) s;
SQL

# ---- the core's stages, and cost against document size ------------------------------------
# Shares of extract()'s time, from the rows above: normalization alone, quantities (which
# normalizes first), and the rest (lexicon, sentences and clauses, periods, facts).  Then the
# same text cut into documents of 1 KB, 64 KB, 1 MB and 10 MB (BENCH_SIZES_MB of text for
# each size): extract() must keep its rate (linear cost) whatever the size.
BENCH_SIZES_MB=${BENCH_SIZES_MB:-10}
SIZE_SQL=""
for size in '1 KB' '64 KB' '1 MB' '10 MB'; do
  SIZE_SQL+="
SELECT clock_timestamp() AS t0 \\gset
SELECT count(*) FROM size_docs d, nvfacts.extract(d.body) WHERE d.size = '$size' \\g /dev/null
INSERT INTO size_time SELECT '$size', count(*), sum(octet_length(body)) / 1048576.0,
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) FROM size_docs WHERE size = '$size';"
done
nvf_psql -q -v mb="$BENCH_SIZES_MB" <<SQL
SET jit = off;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE stage_time (name text, seconds float8);
CREATE TEMP TABLE size_time (size text, docs int, mb numeric, seconds float8);
CREATE TEMP TABLE bench_text AS
    SELECT string_agg(body, E'\n\n' ORDER BY id) AS txt
    FROM (SELECT id, body, sum(octet_length(body)) OVER (ORDER BY id) AS upto FROM bench_articles) a
    WHERE upto <= :mb * 1048576;
SELECT clock_timestamp() AS t0 \gset
SELECT sum(length(nvfacts.normalize(body))) FROM bench_articles \g /dev/null
INSERT INTO stage_time VALUES ('normalize', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz));
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FROM bench_articles, nvfacts.quantities(body) \g /dev/null
INSERT INTO stage_time VALUES ('quantities', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz));
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FROM bench_articles, nvfacts.extract(body) \g /dev/null
INSERT INTO stage_time VALUES ('extract', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz));
\echo '== where extract() spends its time (same run, one core)'
SELECT round(100 * n.seconds / e.seconds) AS "normalization %",
       round(100 * (q.seconds - n.seconds) / e.seconds) AS "quantities %",
       round(100 * (e.seconds - q.seconds) / e.seconds) AS "lexicon, sentences, periods, facts %"
  FROM stage_time n, stage_time q, stage_time e
 WHERE n.name = 'normalize' AND q.name = 'quantities' AND e.name = 'extract';
CREATE TEMP TABLE size_docs AS
    SELECT s.size, substr(t.txt, i * s.chars + 1, s.chars) AS body
    FROM bench_text t,
         (VALUES ('1 KB', 350), ('64 KB', 22000), ('1 MB', 350000), ('10 MB', 3500000)) s(size, chars),
         generate_series(0, length(t.txt) / s.chars) i
    WHERE i * s.chars < length(t.txt);
$SIZE_SQL
\echo '== extract() against document size (the same text; linear cost keeps MB/s)'
SELECT size AS "document", docs, round(mb, 1) AS "MB", round(seconds::numeric, 2) AS seconds,
       round(mb / seconds::numeric, 1) AS "MB/s"
  FROM size_time ORDER BY mb / docs;
SQL
