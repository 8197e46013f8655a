#!/usr/bin/env bash
# tests/eval.sh — `make eval`: builds, starts a private cluster and measures quantities() recall
# and extract() quality on ../shared/corpus/dev and ../shared/corpus/train, and on the project's
# own fixture articles (tests/data/articles, tests/data/heldout); the corpora are skipped when absent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
nvf_setup nvfacts_eval
cd "$TOP"
nvf_psql -q -c 'CREATE EXTENSION IF NOT EXISTS nvfacts'	# quantities() is called before any eval_extract.sh
python3 tests/eval_quantities.py
for corpus in dev train; do
    echo "== ../shared/corpus/$corpus"
    bash tests/eval_extract.sh "$TOP/../shared/corpus/$corpus" "" "$@"
done
echo "== tests/data/articles (written for this project)"
bash tests/eval_extract.sh "$TOP/tests/data/articles" "$TOP/tests/data/articles/expected.jsonl" "$@"
echo "== tests/data/heldout (written for this project, annotated before the rules they test)"
bash tests/eval_extract.sh "$TOP/tests/data/heldout" "$TOP/tests/data/heldout/expected.jsonl" "$@"
echo "== tests/data/heldout2 (written for this project later, annotated before any rule was tuned on it)"
bash tests/eval_extract.sh "$TOP/tests/data/heldout2" "$TOP/tests/data/heldout2/expected.jsonl" "$@"
echo "== tests/data/heldout3 (written for this project last, annotated before any rule was tuned on it)"
bash tests/eval_extract.sh "$TOP/tests/data/heldout3" "$TOP/tests/data/heldout3/expected.jsonl" "$@"
nvf_stop_cluster
