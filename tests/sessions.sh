# tests/sessions.sh — what the session drivers (tests/*_sessions.sh) share, sourced, not run:
#   the TAP functions (tap.sh); psql_b (batch psql, stops at the first error); q SQL (its result);
#   wait_for SQL [SECONDS] (until SQL returns a row: prints it; 30 s by default);
#   bg_pids (sessions started in the background) and stop_background (kills and reaps them).
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/tap.sh"

bg_pids=()

psql_b() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
q() { psql_b -c "$1"; }

wait_for() {
  local t0=$SECONDS r
  while ((SECONDS - t0 < ${2:-30})); do
    r=$(q "$1" 2>/dev/null || true)
    [[ -z $r ]] || { echo "$r"; return 0; }
    sleep 0.1
  done
  return 1
}

stop_background() {
  local pid
  for pid in "${bg_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
}
