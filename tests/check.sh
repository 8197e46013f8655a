#!/usr/bin/env bash
# tests/check.sh — the README's test command: build, install, private cluster, then every test step;
# all steps run, failures are collected, and the last line is "nvfacts: N passed, M failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

nvf_setup nvfacts_test           # exports PGHOST PGPORT PGUSER, PGDATABASE=nvfacts_test
nvf_psql -q -c 'CREATE EXTENSION IF NOT EXISTS pgtap'
cd "$TOP"

passed=0 failed=()
step() {  # step NAME COMMAND...
  echo; echo "==== $1"
  if (shift; "$@"); then
    passed=$((passed + 1)); echo "---- PASS: $1"
  else
    failed+=("$1"); echo "---- FAIL: $1"
  fi
}
installcheck() {
  make installcheck && return 0
  [[ ! -f regression.diffs ]] || { echo "--- regression.diffs (first 200 lines)"; head -n 200 regression.diffs; }
  return 1
}

# quantities() is scored in the test database itself (pgTAP files roll their extension back).
eval_quantities() {
  nvf_psql -q -c 'CREATE EXTENSION IF NOT EXISTS nvfacts' && python3 tests/eval_quantities.py --min 97
}

step "make installcheck" installcheck
step "make prove" make prove
step "make warnings (-Wall -Wextra clean)" make warnings
step "make unit" make unit
step "make fuzz" make fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
step "package: META.json, LICENSE, CHANGELOG, README, CREATE EXTENSION outside UTF8" bash tests/package.sh
step "lexicon changes across sessions and pg_dump (shipped rows edited included)" bash tests/lexicon_sessions.sh
step "ingest: incremental loads, batches and kill -9, concurrency, pg_cron" bash tests/ingest_sessions.sh
step "ingest as ETL: roles, TRUNCATE, two servers, purge refused, pg_dump" bash tests/etl_sessions.sh
step "scale-out: a coordinator and two shards (postgres_fdw, async append, pg_cron)" bash tests/scaleout.sh
step "BI client: node-postgres over TCP, prepared statements on extract() and every view, types, SQLSTATEs" \
    bash tests/client.sh
step "loader: symlink swap race, FIFO, file names and pg_dump, unreadable and deep directories" bash tests/loader_sessions.sh
step "quantities() recall on ../shared/corpus/dev (>= 97%)" eval_quantities

# quality NAME DIR F1 STRICT [GOLD]: extract()'s scores on one set must reach F1 and strict F1
quality() {
  step "extract() quality on $1 (F1 >= $3, strict >= $4)" \
    env EVAL_GATE=1 EVAL_MIN_F1="$3" EVAL_MIN_STRICT="$4" bash tests/eval_extract.sh "$2" ${5:+"$5"}
}
quality ../shared/corpus/dev "$TOP/../shared/corpus/dev" 0.94 0.88
quality ../shared/corpus/train "$TOP/../shared/corpus/train" 0.90 0.75
for set in articles:0.95:0.85 heldout:0.93:0.78 heldout2:0.90:0.68 heldout3:0.87:0.65; do
  IFS=: read -r name f1 strict <<<"$set"
  quality "tests/data/$name" "$TOP/tests/data/$name" "$f1" "$strict" "$TOP/tests/data/$name/expected.jsonl"
done

echo
((${#failed[@]} == 0)) || printf 'nvfacts: FAILED step: %s\n' "${failed[@]}"
echo "nvfacts: $passed passed, ${#failed[@]} failed"
exit $((${#failed[@]} > 0))
