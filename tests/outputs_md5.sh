#!/usr/bin/env bash
# tests/outputs_md5.sh — `make outputs-md5`: one MD5 per function over every article text the
# project can see (tests/data/articles, tests/data/heldout, and ../shared/corpus when it exists),
# so a change that must not change any output (a re-housing, a speed-up) is checked by comparing
# two runs.  Needs a running cluster with nvfacts installed (PG* variables).
#   usage: tests/outputs_md5.sh [DIR...]   prints "extract <md5>", "quantities <md5>", "normalize <md5>"
#   (the directories default to the ones above)
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
dirs=("$@")
if ((${#dirs[@]} == 0)); then
  dirs=("$TOP/tests/data/articles" "$TOP/tests/data/heldout")
  for d in "$TOP"/../shared/corpus/*/; do [[ -d $d ]] && dirs+=("$(cd "$d" && pwd)"); done
fi

files=()
for d in "${dirs[@]}"; do
  [[ -d $d ]] || continue
  d=$(cd "$d" && pwd)
  for f in "$d"/*.txt; do [[ -f $f ]] && files+=("$f"); done
done
echo "outputs_md5: ${#files[@]} articles" >&2

list=$(printf '%s\n' "${files[@]}")
psql -X -q -A -t -v ON_ERROR_STOP=1 -v list="$list" <<'SQL'
CREATE TEMP TABLE md5_docs AS
    SELECT p AS path, pg_catalog.pg_read_file(p) AS body
    FROM pg_catalog.regexp_split_to_table(:'list', E'\n') p WHERE p <> '';
SELECT 'extract ' || md5(string_agg(x::text, E'\n' ORDER BY d.path, x.fact_no))
FROM md5_docs d, nvfacts.extract(d.body) x;
SELECT 'quantities ' || md5(string_agg(q::text, E'\n' ORDER BY d.path, q.span_start, q.span_end))
FROM md5_docs d, nvfacts.quantities(d.body) q;
SELECT 'normalize ' || md5(string_agg(nvfacts.normalize(d.body), E'\n' ORDER BY d.path))
FROM md5_docs d;
SQL
