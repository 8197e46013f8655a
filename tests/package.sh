#!/usr/bin/env bash
# tests/package.sh — the package as PGXN and a DBA see it (TAP output): META.json valid JSON with
# the keys of the PGXN Meta Spec 1.0.0 and the control file's version, LICENSE the PostgreSQL
# License, CHANGELOG.md with an entry for every version the extension installs, README that sends
# no one outside the project; and, against the cluster named by the PG* variables, CREATE
# EXTENSION in a database that is not UTF8 failing with its reason and a hint.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tap.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

latin1="${PGDATABASE:-postgres}_latin1_$$"
trap 'dropdb --if-exists "$latin1" >/dev/null 2>&1 || true' EXIT
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" nvfacts.control)

plan 8

out=$(python3 - "$version" <<'PY' 2>&1
import json, re, sys
meta = json.load(open('META.json'))
want = sys.argv[1]
problems = [k for k in ('name', 'abstract', 'version', 'maintainer', 'license', 'provides', 'meta-spec')
            if k not in meta]
if meta.get('meta-spec', {}).get('version') != '1.0.0':
    problems.append('meta-spec.version is not 1.0.0')
if not re.fullmatch(r'\d+\.\d+\.\d+', meta.get('version', '')):
    problems.append('version is not semantic (x.y.z)')
ext = meta.get('provides', {}).get('nvfacts', {})
for k in ('file', 'version'):
    if k not in ext:
        problems.append('provides.nvfacts has no ' + k)
import os
if 'file' in ext and not os.path.exists(ext['file']):
    problems.append('provides.nvfacts.file does not exist: ' + ext['file'])
if meta.get('version') != want or ext.get('version') != want:
    problems.append('version %s / %s is not the control file\'s %s' % (meta.get('version'), ext.get('version'), want))
if meta.get('license') != 'postgresql':
    problems.append('license is not postgresql')
print('\n'.join(problems))
sys.exit(1 if problems else 0)
PY
) && st=0 || st=$?
ok "$st" "META.json: valid JSON, PGXN Meta Spec 1.0.0 keys, license postgresql" "$out"
is "$(python3 -c "import json; print(json.load(open('META.json'))['version'])")" "$version" \
   "META.json's version is the control file's ($version)"
grep -q '^nvfacts is released under the PostgreSQL License' LICENSE && grep -q 'Permission to use, copy, modify, and distribute' LICENSE \
  && st=0 || st=1
ok "$st" "LICENSE: the PostgreSQL License"
missing=$(for f in extension/nvfacts--*.sql; do v=${f#extension/nvfacts--}; v=${v%.sql}; v=${v##*--};
            grep -q "^## $v " CHANGELOG.md || echo "$v"; done | sort -u | paste -sd' ')
is "$missing" "" "CHANGELOG.md has an entry for every version an install or upgrade script makes"
is "$(grep -c '\.\./shared' README.md docs/*.md | awk -F: '{ s += $2 } END { print s }')" "0" \
   "README and docs send no one to ../shared"

createdb -E LATIN1 -T template0 --locale=C "$latin1"
out=$(psql -X -v ON_ERROR_STOP=1 -d "$latin1" -c 'CREATE EXTENSION nvfacts' 2>&1) && st=0 || st=$?
ok $((st == 0)) "CREATE EXTENSION in a LATIN1 database fails"
is "$(grep -E '^(ERROR|DETAIL|HINT):' <<<"$out")" "ERROR:  nvfacts needs a UTF8 database, and database \"$latin1\" is LATIN1
DETAIL:  Articles, lexicon words and facts hold Chinese text, which only UTF8 stores in full.
HINT:  Create a UTF8 database (CREATE DATABASE news ENCODING 'UTF8' TEMPLATE template0) and install nvfacts there." \
   "... saying why, with a hint"
is "$(psql -X -A -t -d "$latin1" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'nvfacts'")" "0" \
   "... and leaving nothing behind"

tap_summary
