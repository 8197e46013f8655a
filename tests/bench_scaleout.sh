#!/usr/bin/env bash
# tests/bench_scaleout.sh — `make bench-scaleout`: the facts of the same articles (BENCH_MB, default 50,
# generated as for make bench) on one node and on two shards (tests/shards.sh): wall times and ratio.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/shards.sh"
BENCH_MB=${BENCH_MB:-50}          # MB = 2^20 bytes of body text (octet_length)

nvf_install_packages
nvf_build_install
nvf_start_shards nvfacts_bench
nvf_single_articles "$BENCH_MB"

# timed FACTS: "seconds|result" of a query over every fact of FACTS, from the coordinator.
timed() {
  on coordinator -A -t -q <<SQL
SET jit = off;
SELECT clock_timestamp() AS t0 \gset
SELECT format('%s facts, sum(value) %s, %s characters of evidence', count(*), sum(value),
              sum(length(evidence))) AS result FROM $1 \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 3) || '|' || :'result';
SQL
}
size=$(on coordinator -A -t -q -c "SELECT format('%s MB in %s articles', round(sum(octet_length(body)) / 1048576.0, 1),
                                           count(*)) FROM single.articles")
one=$(timed single.article_facts)
two=$(timed article_facts)
[[ ${one#*|} == "${two#*|}" ]] || { echo "nvfacts: one node and two shards differ: $one / $two" >&2; exit 1; }

echo "== nvfacts bench-scaleout: every fact of $size (${one#*|})"
awk -F'|' -v one="${one%%|*}" -v two="${two%%|*}" 'BEGIN {
  printf "one node (single.article_facts)        %8.3f s\n", one
  printf "two shards (article_facts, async)      %8.3f s\n", two
  printf "ratio one node / two shards            %8.2f\n", one / two }'
