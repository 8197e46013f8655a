#!/usr/bin/env bash
# tests/bench.sh — `make bench`: one-core throughput of nvfacts over a generated article corpus
# (BENCH_MB, default 64, built by varying tests/data/articles/*.txt); prints name, seconds, MB, MB/s;
# then ingest() over directories of BENCH_INGEST_FILES files (default 2,000 and 16,000, cut from
# the same articles): first load and unchanged re-run in files/s, and ingest MB/s next to
# extract() MB/s on the same files' text.  Figures are printed, never asserted.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
BENCH_MB=${BENCH_MB:-64}          # MB = 2^20 bytes of body text (octet_length)
BENCH_INGEST_FILES=${BENCH_INGEST_FILES:-2000 16000}

nvf_setup nvfacts_bench
nvf_psql -q -c 'CREATE EXTENSION nvfacts'
nvf_load_articles

nvf_generate_articles bench_articles "$BENCH_MB"
nvf_psql -q <<'SQL'
VACUUM ANALYZE bench_articles;
-- The heap is tiny (bodies are TOASTed), so the planner would plan no worker.
ALTER TABLE bench_articles SET (parallel_workers = 2);
SQL

# The same bodies as files, one per article, for the loader rows; and for ingest(), directories
# of N files each (N of BENCH_INGEST_FILES), article after article, starting again when they run out.
BENCH_DIR=$(mktemp -d /tmp/nvfacts-bench.XXXXXX)
INGEST_DIR=$(mktemp -d /tmp/nvfacts-bench-ingest.XXXXXX)
trap 'rm -rf "$BENCH_DIR" "$INGEST_DIR"; nvf_stop_cluster' EXIT
nvf_psql -At -c "SELECT id, translate(encode(convert_to(body, 'UTF8'), 'base64'), E'\n', '') FROM bench_articles ORDER BY id" |
  python3 -c '
import base64, os, sys
top, ingest, counts = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3].split()]
bodies = []
for line in sys.stdin:
    i, b = line.rstrip("\n").split("|", 1)
    bodies.append(base64.b64decode(b))
    open(f"{top}/{int(i):06d}.txt", "wb").write(bodies[-1])
for n in counts:
    os.makedirs(f"{ingest}/{n}")
    for k in range(n):
        open(f"{ingest}/{n}/{k + 1:06d}.txt", "wb").write(bodies[k % len(bodies)])' "$BENCH_DIR" "$INGEST_DIR" "$BENCH_INGEST_FILES"
chmod -R a+rX "$BENCH_DIR" "$INGEST_DIR"
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
  for fn in extract quantities; do
    SIZE_SQL+="
SELECT clock_timestamp() AS t0 \\gset
SELECT count(*) AS rows FROM size_docs d, nvfacts.$fn(d.body) WHERE d.size = '$size' \\gset
INSERT INTO size_time SELECT '$fn', '$size', count(*), sum(octet_length(body)) / 1048576.0, :rows,
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) FROM size_docs WHERE size = '$size';"
  done
done
nvf_psql -q -v mb="$BENCH_SIZES_MB" <<SQL
SET jit = off;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE stage_time (name text, seconds float8);
CREATE TEMP TABLE size_time (fn text, size text, docs int, mb numeric, rows bigint, seconds float8);
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
-- Each size is cut from the pieces of the size above it (10 MB from the text, 1 MB from the
-- 10 MB pieces, ...): substr() on a multibyte text walks from its start, so cutting 1 KB pieces
-- straight from 10 MB would be quadratic.  Sizes in characters: 350 x 64 x 16 x 10.
CREATE TEMP TABLE size_docs (size text, chars int, ord bigint, body text);
INSERT INTO size_docs SELECT '10 MB', 3584000, i, substr(t.txt, i * 3584000 + 1, 3584000)
    FROM bench_text t, generate_series(0, length(t.txt) / 3584000) i WHERE i * 3584000 < length(t.txt);
INSERT INTO size_docs SELECT s.size, s.chars, d.ord * 100000 + j, substr(d.body, j * s.chars + 1, s.chars)
    FROM size_docs d, (VALUES ('1 MB', 358400)) s(size, chars), generate_series(0, 9) j
    WHERE d.size = '10 MB' AND j * s.chars < length(d.body);
INSERT INTO size_docs SELECT s.size, s.chars, d.ord * 100 + j, substr(d.body, j * s.chars + 1, s.chars)
    FROM size_docs d, (VALUES ('64 KB', 22400)) s(size, chars), generate_series(0, 15) j
    WHERE d.size = '1 MB' AND j * s.chars < length(d.body);
INSERT INTO size_docs SELECT s.size, s.chars, d.ord * 100 + j, substr(d.body, j * s.chars + 1, s.chars)
    FROM size_docs d, (VALUES ('1 KB', 350)) s(size, chars), generate_series(0, 63) j
    WHERE d.size = '64 KB' AND j * s.chars < length(d.body);
$SIZE_SQL
\echo '== extract() and quantities() against document size (the same text; linear cost keeps MB/s)'
\echo '   facts/MB differ by size: a fact repeated within one document is one row (FACTS.md duplicates),'
\echo '   and a small piece starts with no context; quantities() has neither, so it shows the core alone'
SELECT e.size AS "document", e.docs, round(e.mb, 1) AS "MB",
       round(e.mb / e.seconds::numeric, 1) AS "extract MB/s", round(e.rows / e.mb) AS "facts/MB",
       round(q.mb / q.seconds::numeric, 1) AS "quantities MB/s", round(q.rows / q.mb) AS "quantities/MB"
  FROM size_time e JOIN size_time q ON q.size = e.size AND q.fn = 'quantities'
 WHERE e.fn = 'extract' ORDER BY e.mb / e.docs;
SELECT fn AS "function", round(100 * (max(mb / seconds::numeric) / min(mb / seconds::numeric) - 1)) AS "MB/s spread % (fastest over slowest size)"
  FROM size_time GROUP BY fn ORDER BY fn;
SQL

# ---- ingest() by number of files ----------------------------------------------------------------
# Per directory: its files' text in a table (read_article(), as ingest reads them), extract() over
# that table, ingest() into a new table (first load) and again (unchanged re-run).  Seconds are
# wall clock; "cpu s" is the backend's own CPU time (/proc/self/stat), steadier on a shared machine.
INGEST_SQL=""
for n in $BENCH_INGEST_FILES; do
  INGEST_SQL+="
CREATE SERVER bench_ingest$n FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$INGEST_DIR/$n');
CREATE TABLE bench_text$n AS SELECT r.doc, r.published, r.body, r.bytes
  FROM nvfacts.article_files('bench_ingest$n') f, nvfacts.read_article('bench_ingest$n', f.path) r;
SELECT clock_timestamp() AS t0, pg_temp.cpu() AS c0 \\gset
SELECT count(*) FROM bench_text$n, nvfacts.extract(body, published) \\g /dev/null
INSERT INTO bench_ingest VALUES ($n, 'extract()', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), pg_temp.cpu() - :c0);
SELECT clock_timestamp() AS t0, pg_temp.cpu() AS c0 \\gset
CALL nvfacts.ingest('bench_ingest$n', 'public.bench_ingested$n');
INSERT INTO bench_ingest VALUES ($n, 'first load', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), pg_temp.cpu() - :c0);
SELECT clock_timestamp() AS t0, pg_temp.cpu() AS c0 \\gset
CALL nvfacts.ingest('bench_ingest$n', 'public.bench_ingested$n');
INSERT INTO bench_ingest VALUES ($n, 'unchanged re-run', extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), pg_temp.cpu() - :c0);
INSERT INTO bench_bytes SELECT $n, sum(bytes), (SELECT count(*) FROM public.bench_ingested$n) FROM bench_text$n;"
done

nvf_psql -q <<SQL
SET jit = off;
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.cpu() RETURNS float8 LANGUAGE sql AS \$\$
  SELECT (a[12]::float8 + a[13]::float8) / 100
  FROM (SELECT string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') a) x \$\$;
CREATE TEMP TABLE bench_ingest (files int, run text, seconds float8, cpu float8);
CREATE TEMP TABLE bench_bytes (files int, bytes bigint, facts bigint);
$INGEST_SQL
\echo '== ingest() by number of files (one core; MB = 2^20 bytes of the files; extract() MB/s over the same files'' text)'
SELECT i.files, i.run, round(i.seconds::numeric, 3) AS seconds, round(i.cpu::numeric, 2) AS "cpu s",
       round((i.files / i.seconds)::numeric) AS "files/s", round((b.bytes / 1048576.0 / i.seconds)::numeric, 1) AS "MB/s",
       CASE WHEN i.run = 'first load' THEN round((b.bytes / 1048576.0 / e.seconds)::numeric, 1) END AS "extract() MB/s",
       CASE WHEN i.run = 'first load' THEN round((e.seconds / i.seconds)::numeric, 2) END AS "ingest/extract (wall)",
       CASE WHEN i.run = 'first load' THEN round((e.cpu / nullif(i.cpu, 0))::numeric, 2) END AS "ingest/extract (cpu)"
  FROM bench_ingest i JOIN bench_bytes b USING (files) JOIN bench_ingest e ON e.files = i.files AND e.run = 'extract()'
 WHERE i.run <> 'extract()'
 ORDER BY i.files, i.run;
SELECT files, pg_size_pretty(bytes) AS bytes, facts FROM bench_bytes ORDER BY files;
SQL
