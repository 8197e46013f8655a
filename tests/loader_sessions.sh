#!/usr/bin/env bash
# tests/loader_sessions.sh — the loader against a hostile directory, in a running cluster (TAP output):
#   (1) race: an unprivileged OS user swaps race.txt with a link to a postgres-only file in a loop
#       (renameat2 RENAME_EXCHANGE) while one session scans it (FDW and read_article()) for at least
#       10 s and 1,000 scans: every read is the article or a refusal, never the file outside;
#   (2) a FIFO: read_article() and ingest_file() refuse it at once (they used to block in open(),
#       beyond cancel and terminate);
#   (3) names that are not valid UTF-8: skipped with one WARNING, never stored, so pg_dump of the
#       catalog restores (it used to restore empty);
#   (4) an unreadable subdirectory under recursive and on_error 'skip': one WARNING, the scan and an
#       ingest() run go on; directories deeper than 64 levels: a WARNING, not silence;
#   (5) every WARNING of a scan is printed once (the planner's listing is quiet).
# Runs as root against the cluster named by the PG* variables, in database $PGDATABASE; removes
# everything it adds (servers, tables, catalog rows, databases, temp directories).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sessions.sh"
((EUID == 0)) || { echo "1..0 # SKIP needs root (another OS user swaps the files)"; exit 0; }

db=${PGDATABASE:?loader_sessions.sh: set PGDATABASE}
names_db="${db}_names_$$" names_restored="${db}_names_restored_$$"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nvfacts_loader.XXXXXX")
race_seconds=${RACE_SECONDS:-10} race_scans=${RACE_SCANS:-1000}
created_extension=0
fifos=()

warnings() { grep -c "^WARNING:  $1" <<<"$2" || true; }   # warnings PATTERN OUTPUT: how many

remove_objects() {
  psql -X -q -A -t -v ON_ERROR_STOP=0 2>/dev/null <<'SQL'
DROP TABLE IF EXISTS public.regress_locked_facts, public.regress_fifo_facts CASCADE;
DELETE FROM nvfacts.ingest_targets WHERE server IN ('regress_race', 'regress_fifo', 'regress_locked', 'regress_deep');
DELETE FROM nvfacts.ingest_runs WHERE server IN ('regress_race', 'regress_fifo', 'regress_locked', 'regress_deep');
DROP SERVER IF EXISTS regress_race, regress_fifo, regress_locked, regress_deep, regress_links CASCADE;
SQL
}

# A backend blocked opening a FIFO (the old loader) wakes up when a writer opens it.
release_fifos() {
  local f
  for f in "${fifos[@]}"; do
    python3 -c 'import os, sys
try: os.close(os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK))
except OSError: pass' "$f"
  done
}

cleanup() {
  set +e
  stop_background
  release_fifos
  remove_objects >/dev/null
  dropdb --if-exists "$names_db" >/dev/null 2>&1
  dropdb --if-exists "$names_restored" >/dev/null 2>&1
  ((created_extension == 0)) || q 'DROP EXTENSION nvfacts' >/dev/null 2>&1
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

article='英伟达第三财季营收创新高
发布时间：2024-11-21 08:30
英伟达公布，2025财年第三季度营收为350.8亿美元，同比增长94%。'
# put FILE: the article in FILE, readable by the server
put() { printf '%s\n' "$article" >"$1"; chmod a+r "$1"; }

plan 16

if [[ -z $(q "SELECT 1 FROM pg_extension WHERE extname = 'nvfacts'") ]]; then
  q 'CREATE EXTENSION nvfacts'
  created_extension=1
fi
remove_objects >/dev/null
chmod 755 "$tmp"

# ---- (1) the symlink swap race -------------------------------------------------------------------

# The secret: readable by the server's OS user only, outside the article directory.
mkdir -m 700 "$tmp/secret"
printf 'SECRET-%s: a file only the postgres user may read\n' "$$" >"$tmp/secret/postgres-only.conf"
chmod 600 "$tmp/secret/postgres-only.conf"
chown -R postgres: "$tmp/secret"
# The article directory belongs to an unprivileged user, who plants the link and swaps.
mkdir "$tmp/race"
put "$tmp/race/race.txt"
ln -s "$tmp/secret/postgres-only.conf" "$tmp/race/race.lnk"
chown -h nobody: "$tmp/race" "$tmp/race/race.txt" "$tmp/race/race.lnk"
cat >"$tmp/swapper.py" <<'PY'
import ctypes, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
a, b = (os.path.join(sys.argv[1], n).encode() for n in ("race.txt", "race.lnk"))
end = time.monotonic() + float(sys.argv[2])
swaps = 0
while time.monotonic() < end:
    if libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0:
        sys.exit("renameat2: " + os.strerror(ctypes.get_errno()))
    swaps += 1
print(swaps)
PY
q "CREATE SERVER regress_race FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$tmp/race', pattern '*.txt');
   CREATE FOREIGN TABLE regress_race_articles (doc text, body text) SERVER regress_race"
runuser -u nobody -- python3 "$tmp/swapper.py" "$tmp/race" $((race_seconds + 1)) >"$tmp/swaps" 2>&1 &
swapper=$!
bg_pids+=("$swapper")
# Each round: one FDW scan and one read_article(); each read is the article, a refusal or a leak.
out=$(psql_b -v ON_ERROR_STOP=1 <<SQL 2>&1
CREATE TEMP TABLE outcomes (how text, what text);
DO \$\$
DECLARE
    t0 timestamptz := clock_timestamp();
    n int := 0;
    got text;
BEGIN
    WHILE n < $race_scans OR clock_timestamp() < t0 + interval '$race_seconds s' LOOP
        FOR i IN 1..2 LOOP
            BEGIN
                IF i = 1 THEN
                    SELECT body INTO STRICT got FROM regress_race_articles;
                ELSE
                    SELECT body INTO STRICT got FROM nvfacts.read_article('regress_race', 'race.txt');
                END IF;
                INSERT INTO outcomes VALUES (CASE i WHEN 1 THEN 'scan' ELSE 'read_article' END,
                    CASE WHEN got LIKE '英伟达第三财季营收创新高%' THEN 'article' WHEN got LIKE '%SECRET%' THEN 'LEAKED'
                         ELSE 'other: ' || left(got, 60) END);
            EXCEPTION WHEN OTHERS THEN
                INSERT INTO outcomes VALUES (CASE i WHEN 1 THEN 'scan' ELSE 'read_article' END,
                    CASE WHEN SQLERRM LIKE '%leads outside the directory' THEN 'refused' ELSE 'error: ' || SQLERRM END);
            END;
        END LOOP;
        n := n + 1;
    END LOOP;
    RAISE NOTICE 'rounds % in % s', n, round(extract(epoch FROM clock_timestamp() - t0), 1);
END \$\$;
SELECT how || ' ' || what || ' ' || count(*) FROM outcomes GROUP BY how, what ORDER BY how, what;
SQL
) && st=0 || st=$?
wait "$swapper" 2>/dev/null || true
echo "# $(grep -o 'rounds .*' <<<"$out" || true); $(cat "$tmp/swaps") swaps by the unprivileged user"
sed 's/^/# /' <<<"$out" | grep -v NOTICE || true
ok "$st" "race: the scanning session ran" "$out"
rounds=$(grep -o 'rounds [0-9]*' <<<"$out" | grep -o '[0-9]*' || echo 0)
ok $((rounds < race_scans)) "race: at least $race_scans rounds of an FDW scan and a read_article() (ran $rounds)"
is "$(grep -c 'LEAKED' <<<"$out" || true)" "0" "race: no read returned the file outside the directory"
is "$(grep -Ec '^(scan|read_article) (error|other)' <<<"$out" || true)" "0" \
   "race: every read was the article or the refusal of the link"
ok $(($(grep -c '^scan article\|^read_article article' <<<"$out" || true) < 2 ||
      $(grep -c '^scan refused\|^read_article refused' <<<"$out" || true) < 2)) \
   "race: both sides of the swap were seen by both readers (the swapper was at work)"

# ---- (2) a FIFO --------------------------------------------------------------------------------

mkdir "$tmp/fifo"
mkfifo "$tmp/fifo/pipe.txt"
chmod a+r "$tmp/fifo/pipe.txt"
fifos+=("$tmp/fifo/pipe.txt")
q "CREATE SERVER regress_fifo FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$tmp/fifo')"
t0=$SECONDS
out=$(timeout 20 psql -X -q -A -t -c "SELECT * FROM nvfacts.read_article('regress_fifo', 'pipe.txt')" 2>&1) || true
is "$(grep '^ERROR' <<<"$out")" 'ERROR:  could not load article file "pipe.txt": it is not a regular file' \
   "FIFO: read_article() refuses it at once ($((SECONDS - t0)) s)"
release_fifos
t0=$SECONDS
out=$(timeout 20 psql -X -q -A -t -c "SELECT path || ': ' || error FROM nvfacts.ingest_read('regress_fifo', '{pipe.txt}')" 2>&1) || true
is "$out" "pipe.txt: it is not a regular file" \
   "FIFO: a listed file swapped for a FIFO fails alone in ingest's read of its batch ($((SECONDS - t0)) s)"
release_fifos

# ---- (3) names that are not valid UTF-8, and pg_dump ---------------------------------------------

mkdir "$tmp/names"
put "$tmp/names/good.txt"
put "$tmp/names/bad-"$'\xff'"-name.txt"
createdb "$names_db"
out=$(PGDATABASE=$names_db psql_b 2>&1 <<SQL
CREATE EXTENSION nvfacts;
CREATE SERVER names FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$tmp/names');
CALL nvfacts.ingest('names', 'public.name_facts');
SQL
) || true
is "$(grep -E '^(WARNING|NOTICE)' <<<"$out")" \
   'WARNING:  skipping "bad-\xff-name.txt": its name is not valid UTF8
NOTICE:  nvfacts.ingest: 1 new, 0 changed, 0 unchanged, 0 failed, 0 vanished' \
   "a name that is not UTF-8: one WARNING that shows it escaped, the other file loaded"
is "$(PGDATABASE=$names_db q "SELECT string_agg(path, ' ') FROM nvfacts.ingested_files")" "good.txt" \
   "the catalog holds only the valid name"
createdb "$names_restored"
out=$(pg_dump -Fc -d "$names_db" | pg_restore -d "$names_restored" 2>&1) && st=0 || st=$?
ok "$st" "pg_dump | pg_restore of the database succeeds" "$out"
is "$(PGDATABASE=$names_restored q "SELECT count(*) || ' ' || string_agg(path, ' ') FROM nvfacts.ingested_files")" \
   "1 good.txt" "the restored catalog has its row"

# ---- (4) an unreadable subdirectory, and depth ----------------------------------------------------

mkdir -p "$tmp/locked/open" "$tmp/locked/shut"
put "$tmp/locked/top.txt"
put "$tmp/locked/open/a.txt"
put "$tmp/locked/shut/b.txt"
chmod 000 "$tmp/locked/shut"     # root made it; the server's user cannot read it
q "CREATE SERVER regress_locked FOREIGN DATA WRAPPER nvfacts_fdw
     OPTIONS (directory '$tmp/locked', recursive 'true', on_error 'skip');
   CREATE FOREIGN TABLE regress_locked_articles (doc text) SERVER regress_locked"
out=$(psql_b -c "SELECT string_agg(doc, ' ') FROM regress_locked_articles" 2>&1) || true
is "$out" 'WARNING:  skipping directory "shut": Permission denied
open/a.txt top.txt' "unreadable subdirectory under on_error skip: one WARNING, the scan goes on"
out=$(psql_b -c "CALL nvfacts.ingest('regress_locked', 'public.regress_locked_facts')" 2>&1) || true
is "$(grep -E '^(WARNING|NOTICE|ERROR)' <<<"$out")" 'WARNING:  skipping directory "shut": Permission denied
NOTICE:  nvfacts.ingest: 2 new, 0 changed, 0 unchanged, 0 failed, 0 vanished' \
   "... and ingest() under on_error skip runs"

deep=$tmp/deep p64=$(printf 'd/%.0s' {1..64})
mkdir -p "$deep/${p64}d"
put "$deep/top.txt"
put "$deep/${p64}at64.txt"
put "$deep/${p64}d/at65.txt"
q "CREATE SERVER regress_deep FOREIGN DATA WRAPPER nvfacts_fdw
     OPTIONS (directory '$deep', recursive 'true', on_error 'skip');
   CREATE FOREIGN TABLE regress_deep_articles (doc text) SERVER regress_deep"
out=$(psql_b -c "SELECT string_agg(doc, ', ' ORDER BY doc) FROM regress_deep_articles" 2>&1) || true
is "$out" "WARNING:  skipping directory \"${p64}d\": it is more than 64 directories deep
${p64}at64.txt, top.txt" "a directory 65 levels deep: a WARNING names it; the file 64 levels deep is read"

# ---- (5) one WARNING per problem ----------------------------------------------------------------

q "CREATE FOREIGN TABLE regress_locked_skip (doc text) SERVER regress_locked OPTIONS (pattern 'nothing-matches')"
out=$(psql_b -c "SELECT count(*) FROM regress_locked_skip" 2>&1) || true
is "$(warnings 'skipping directory "shut"' "$out")" "1" "a scan prints a listing WARNING once (not again for the plan)"
links=$(cd "$(dirname "${BASH_SOURCE[0]}")/data/loader/links" && pwd -P)
out=$(psql_b 2>&1 <<SQL
CREATE SERVER regress_links FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '$links', on_error 'skip');
CREATE FOREIGN TABLE regress_links_articles (doc text) SERVER regress_links;
SELECT count(*) FROM regress_links_articles;
DROP SERVER regress_links CASCADE;
SQL
) || true
is "$(grep '^WARNING' <<<"$out" | sort | uniq -c | awk '{print $1}' | sort -u | paste -sd' ')" "1" \
   "each bad link's WARNING is printed once" "$out"

tap_summary
