#!/usr/bin/env bash
# eval_extract.sh — runs nvfacts.extract() over a directory of articles and
# scores it with ../shared/tools/score (GOLD.md).  Needs a running cluster (PG*).
# usage: tests/eval_extract.sh [DOCS_DIR [GOLD]] [--verbose]
# With EVAL_GATE=1 it fails unless value F1 >= EVAL_MIN_F1 (0.90), strict F1 >= EVAL_MIN_STRICT
# (0.80) and span accuracy >= EVAL_MIN_SPAN (0.98).
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
DOCS=${1:-$TOP/../shared/corpus/dev}
if [ ! -d "$DOCS" ]; then
    echo "eval_extract: $DOCS not found, skipped"; exit 0
fi
DOCS=$(cd "$DOCS" && pwd)
GOLD=${2:-$DOCS/gold.jsonl}
[ -f "$GOLD" ] || GOLD=$DOCS/expected.jsonl
SCORE=$TOP/../shared/tools/score
if [ ! -f "$SCORE" ]; then
    echo "eval_extract: the scorer ($SCORE) not found, skipped"; exit 0
fi
OUT=${EVAL_OUT:-$(mktemp -d)}
mkdir -p "$OUT"
psql -X -q -v ON_ERROR_STOP=1 -v docs="$DOCS" <<SQL
CREATE EXTENSION IF NOT EXISTS nvfacts;
CREATE TEMP TABLE eval_docs AS
    SELECT f AS doc, pg_read_file(:'docs' || '/' || f) AS body
    FROM pg_ls_dir(:'docs') f WHERE f LIKE '%.txt';
\copy (SELECT d.doc, x.fact_no, x.entity, x.metric, x.segment, x.basis, x.measure, x.value, x.value_low, x.value_high, x.unit, x.approx, x.status, x.fiscal_year, x.fiscal_quarter, x.period_kind, x.period_end, x.period_text, x.span_start, x.span_end, x.evidence FROM eval_docs d, nvfacts.extract(d.body) x ORDER BY d.doc, x.fact_no) TO '$OUT/facts.csv' CSV HEADER
SQL
echo "extract() on $(ls "$DOCS"/*.txt | wc -l) articles in $DOCS: $(($(wc -l < "$OUT/facts.csv") - 1)) facts ($OUT/facts.csv)"
python3 "$SCORE" --gold "$GOLD" --docs "$DOCS" --pred "$OUT/facts.csv" "${@:3}"
if [ -n "${EVAL_GATE:-}" ]; then
    python3 "$SCORE" --gold "$GOLD" --docs "$DOCS" --pred "$OUT/facts.csv" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
import os
mins = (("f1", "EVAL_MIN_F1", 0.90), ("strict_f1", "EVAL_MIN_STRICT", 0.80), ("span_accuracy", "EVAL_MIN_SPAN", 0.98))
bad = [f"{k} {r[k]} < {m}" for k, var, d in mins for m in [float(os.environ.get(var, d))] if r[k] < m]
print("eval_extract: below target: " + ", ".join(bad) if bad else "eval_extract: targets met")
sys.exit(1 if bad else 0)'
fi
