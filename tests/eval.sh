#!/usr/bin/env bash
# tests/eval.sh — `make eval`: builds, starts a private cluster and measures quantities() recall
# and extract() quality on ../shared/corpus/dev (GOLD.md scoring); skips when it is absent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
nvf_setup nvfacts_eval
cd "$TOP"
python3 tests/eval_quantities.py
bash tests/eval_extract.sh "${1:-}" "${2:-}" "${@:3}"
nvf_stop_cluster
