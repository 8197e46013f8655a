# tests/tap.sh — TAP output for the shell drivers (tests/*_sessions.sh), sourced, not run:
#   plan N; ok STATUS DESCRIPTION [DIAGNOSTIC]; is HAVE WANT DESCRIPTION [DIAGNOSTIC];
#   skip DESCRIPTION REASON;
#   tap_summary (last line of a driver: non-zero when a test failed or the count is not the plan).
# shellcheck shell=bash

tap_planned=0 tap_run=0 tap_failed=0

plan() {  # plan N
  tap_planned=$1
  echo "1..$1"
}

ok() {  # ok STATUS DESCRIPTION [DIAGNOSTIC]: passes when STATUS is 0; DIAGNOSTIC is printed on failure
  local line
  tap_run=$((tap_run + 1))
  if [[ $1 == 0 ]]; then
    echo "ok $tap_run - $2"
  else
    echo "not ok $tap_run - $2"
    tap_failed=$((tap_failed + 1))
    [[ -z ${3:-} ]] || while IFS= read -r line; do echo "#   $line"; done <<<"$3"
  fi
}

is() {  # is HAVE WANT DESCRIPTION [DIAGNOSTIC]
  if [[ $1 == "$2" ]]; then ok 0 "$3"; else ok 1 "$3" "have: $1"$'\n'"want: $2${4:+$'\n'$4}"; fi
}

skip() {  # skip DESCRIPTION REASON
  tap_run=$((tap_run + 1))
  echo "ok $tap_run - $1 # SKIP $2"
}

tap_summary() {
  ((tap_run == tap_planned)) || { echo "# planned $tap_planned tests, ran $tap_run"; return 1; }
  ((tap_failed == 0)) || { echo "# $tap_failed of $tap_run failed"; return 1; }
}
