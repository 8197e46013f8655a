#!/usr/bin/env bash
# tests/scaleout.sh — scale-out on PostgreSQL's own partitioning and postgres_fdw, end to end (TAP):
# the layout of tests/shards.sh in three private clusters (the installed nvfacts; own ports, sockets).
#   (1) articles inserted on the coordinator land on the shard their hash of doc names;
#   (2) the coordinator's facts are exactly one node's facts, every column;
#   (3) EXPLAIN: Async Foreign Scans of the shards' views (extract() runs on the shards), also under a
#       sort on the coordinator; one shard for one doc;
#   (4) pg_cron on each shard ingests the shard's own directory; the coordinator's union of the
#       shards' facts tables is exactly one node's ingest of all the files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/shards.sh"
source "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

started=$SECONDS
nvf_start_shards nvfacts_scale
news=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts-scaleout.XXXXXX")   # the shards' article directories
trap 'rm -rf "$news"; nvf_stop_cluster' EXIT
plan 12

q() { on coordinator -A -t -q -c "$1"; }     # q SQL: its result, on the coordinator
# differ HAVE WANT [COLUMNS]: "N rows, M differ", M the rows of one not in the other (multisets).
differ() {
  local c=${3:-*}
  q "SELECT format('%s rows, %s differ', (SELECT count(*) FROM $1),
       (SELECT count(*) FROM ((SELECT $c FROM $1 EXCEPT ALL SELECT $c FROM $2)
                              UNION ALL (SELECT $c FROM $2 EXCEPT ALL SELECT $c FROM $1)) d))"
}
same_as() { q "SELECT format('%s rows, 0 differ', count(*)) FROM $1"; }
# plan_of SQL: the Append and Scan lines of its verbose plan, Remote SQL's column list as "…".
plan_of() {
  q "EXPLAIN (VERBOSE, COSTS OFF) $1" | grep -E 'Append|Scan on|Remote SQL' |
    sed -E 's/^ *//; s/SELECT .* FROM/SELECT … FROM/'
}
# async_scans REL: what plan_of shows for an Append of both shards' REL read at once.
async_scans() {
  local s i=0
  echo "Append"
  for s in "${NVF_SHARDS[@]}"; do
    i=$((i + 1))
    printf '%s\n' "->  Async Foreign Scan on $s.$1 ${1}_$i" "Remote SQL: SELECT … FROM public.$1"
  done
}

# ---- (4) first: pg_cron runs a job at the next minute ---------------------------------------------

files=("$TOP"/tests/data/articles/*.txt)
for i in "${!files[@]}"; do       # every other fixture article in each shard's directory
  s=${NVF_SHARDS[i % 2]}
  mkdir -p "$news/$s"
  cp "${files[i]}" "$news/$s/"
done
((EUID != 0)) || chown -R postgres: "$news"
for s in "${NVF_SHARDS[@]}"; do
  on "$s" -q -v dir="$news/$s" >/dev/null <<'SQL'
CREATE EXTENSION pg_cron;
CREATE SERVER news FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir');
SELECT nvfacts.create_facts_table('public.news_facts');
SELECT cron.schedule('nvfacts-ingest', '* * * * *', $$CALL nvfacts.ingest('news', 'public.news_facts')$$);
SQL
  q "IMPORT FOREIGN SCHEMA public LIMIT TO (news_facts) FROM SERVER $s INTO $s"
done
q "CREATE VIEW news_facts AS SELECT 'shard1' AS shard, * FROM shard1.news_facts
   UNION ALL SELECT 'shard2', * FROM shard2.news_facts"
q "CREATE SERVER all_news FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$TOP/tests/data/articles', pattern '*.txt')"
on coordinator -q -c 'SET client_min_messages = warning' -c "CALL nvfacts.ingest('all_news', 'single.news_facts')"

# ---- (1) articles on their shards -----------------------------------------------------------------

nvf_single_articles "${SCALEOUT_MB:-1}"
# share ARTICLES FACTS CONDITION: the articles (count, md5 of their docs) and facts meeting CONDITION.
share() {
  q "SELECT format('%s articles (%s), %s facts', count(*), md5(string_agg(doc, ' ' ORDER BY doc)),
                   (SELECT count(*) FROM $2 WHERE $3)) FROM $1 WHERE $3"
}
r=0 empty=0
for s in "${NVF_SHARDS[@]}"; do
  want=$(share single.articles single.article_facts "satisfies_hash_partition('articles'::regclass, 2, $r, doc)")
  is "$(share "$s.articles" "$s.article_facts" true)" "$want" \
     "$s holds exactly the articles whose hash of doc has remainder $r, and their facts: $want"
  [[ $want =~ ^[1-9][0-9]*\ articles\ .*,\ [1-9][0-9]*\ facts$ ]] || empty=1
  r=$((r + 1))
done
ok "$empty" "no shard is empty"

# ---- (2) the coordinator's facts are one node's ---------------------------------------------------

is "$(differ article_facts single.article_facts)" "$(same_as single.article_facts)" \
   "coordinator: article_facts equals the single-node facts, every column"

# ---- (3) the plans -----------------------------------------------------------------------------------

is "$(plan_of 'SELECT * FROM article_facts')" "$(async_scans article_facts)" \
   "EXPLAIN: both shards' views scanned at once (Async Foreign Scan), extract() runs on the shards"
is "$(plan_of 'SELECT * FROM (SELECT * FROM article_facts OFFSET 0) f ORDER BY entity, value')" \
   "->  $(async_scans article_facts)" \
   "EXPLAIN: sorted on the coordinator (OFFSET 0), not per shard in a Merge Append: still async"
doc=nv-q1-simplified.txt
s=shard$((1 + $(q "SELECT satisfies_hash_partition('articles'::regclass, 2, 1, '$doc'::text)::int")))
is "$(plan_of "SELECT * FROM article_facts WHERE doc = '$doc'")" "Foreign Scan on $s.article_facts
Remote SQL: SELECT … FROM public.article_facts WHERE ((doc = '$doc'))" \
   "EXPLAIN: the facts of one article come from its shard ($s) only"

# ---- (4) pg_cron on each shard --------------------------------------------------------------------

# Until every shard's job has loaded its directory; prints the seconds waited.
wait_cron() {
  local t0=$SECONDS s ready
  while ((SECONDS - t0 < 90)); do
    ready=0
    for s in "${NVF_SHARDS[@]}"; do
      [[ $(on "$s" -A -t -q -c "SELECT count(*) FROM nvfacts.ingested_files WHERE status = 'loaded'
              AND EXISTS (SELECT FROM cron.job_run_details WHERE status = 'succeeded')") == \
         "$(find "$news/$s" -type f | wc -l)" ]] && ready=$((ready + 1))
    done
    ((ready < ${#NVF_SHARDS[@]})) || { echo $((SECONDS - t0)); return 0; }
    sleep 1
  done
  echo $((SECONDS - t0))
  return 1
}
waited=$(wait_cron) && st=0 || st=$?
ok "$st" "pg_cron on each shard ingested its directory (after $waited s)"
for s in "${NVF_SHARDS[@]}"; do
  is "$(q "SELECT string_agg(DISTINCT doc, ' ' ORDER BY doc) FROM news_facts WHERE shard = '$s'")" \
     "$(cd "$news/$s" && printf '%s\n' * | LC_ALL=C sort | paste -sd' ')" "$s: the facts of the files in its own directory"
done
is "$(differ news_facts single.news_facts "$(q "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)
       FROM pg_attribute WHERE attrelid = 'single.news_facts'::regclass AND attnum > 0
       AND NOT attisdropped AND attname <> 'loaded_at'")")" "$(same_as single.news_facts)" \
   "coordinator: news_facts equals one node's ingest of all the files, every column but loaded_at"
is "$(plan_of 'SELECT * FROM news_facts')" "$(async_scans news_facts)" "EXPLAIN: news_facts scans both shards at once"

echo "# scale-out test: $((SECONDS - started)) s"
tap_summary
