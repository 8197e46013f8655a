# tests/pg.sh — shared setup sourced by the drivers in tests/: packages, build+install, private
# throwaway PostgreSQL 15 clusters ($TOP/.pgdata, more by name) always stopped on exit, test articles.
# shellcheck shell=bash
set -Eeuo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
[[ -f $TOP/nvfacts.control ]] || { echo "nvfacts: no nvfacts.control in $TOP" >&2; exit 1; }
# NVF_PGBIN: another PostgreSQL 15 installation (a relocated copy lets two checkouts test side by side)
PGBIN=${NVF_PGBIN:-/usr/lib/postgresql/15/bin}
export PATH="$PGBIN:$PATH" PG_CONFIG=$PGBIN/pg_config
NVF_PACKAGES=(postgresql-15 postgresql-server-dev-15 postgresql-contrib libicu-dev libpcre2-dev
  postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl postgresql-15-cron clang
  libclang-rt-14-dev pkg-config make gcc python3 unicode-data)

# Report the first failing command (innermost), then let set -e exit.
nvf_on_err() {
  [[ -z ${NVF_FAILED:-} ]] || return 0
  NVF_FAILED=1
  echo "nvfacts: FAILED (exit $1) at $2: $3" >&2
}
trap 'nvf_on_err $? "${BASH_SOURCE[0]##*/}:$LINENO" "$BASH_COMMAND"' ERR

nvf_install_packages() {
  local p missing=() node=()
  for p in "${NVF_PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
  done
  # The client test (tests/client.sh) needs node and npm: Debian's packages when there are none
  # (a Node.js installed otherwise, whose npm comes with it, is used as it is).
  command -v node >/dev/null && command -v npm >/dev/null || node=(nodejs npm)
  ((${#missing[@]} + ${#node[@]})) || return 0
  echo "nvfacts: installing ${missing[*]} ${node[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${NVF_PACKAGES[@]}" "${node[@]}"
}

nvf_build_install() {
  local flags=()
  # -Werror only in CI (STYLE.md); PG_CFLAGS/CFLAGS_EXTRA from the environment reach make anyway.
  if [[ -n ${CI:-} ]]; then flags=("PG_CFLAGS=${PG_CFLAGS:+$PG_CFLAGS }-Werror"); fi
  make -C "$TOP" "${flags[@]}"
  make -C "$TOP" "${flags[@]}" install
}

# Run a command as the postgres OS user (PostgreSQL refuses root); as-is when not root.
nvf_as_pg() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

nvf_psql() { psql -X -v ON_ERROR_STOP=1 -P pager=off "$@"; }

# The server must traverse the checkout (data dir lives there) and read tests/data.
nvf_grant_server_access() {
  ((EUID == 0)) || return 0
  local d="" part parts target=$TOP
  [[ ! -d $TOP/tests/data ]] || { target=$TOP/tests/data; chmod -R o+rX "$target"; }
  nvf_as_pg test -x "$target" && return 0
  IFS=/ read -ra parts <<<"${target#/}"
  for part in "${parts[@]}"; do
    d+=/$part
    nvf_as_pg test -x "$d" || { echo "nvfacts: chmod o+x $d (for the postgres user)"; chmod o+x "$d"; }
  done
}

nvf_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The clusters this shell started: name -> data directory, socket directory, port.
declare -gA NVF_DATA=() NVF_HOST=() NVF_PORT=()

# nvf_new_cluster NAME DB: a fresh cluster NAME on a free port, data in $TOP/.pgdata-NAME and
# sockets and log in $TOP/.pgrun-NAME (.pgdata and .pgrun for "main"), database DB created,
# pg_cron pointed at it; it and every other cluster of this shell are stopped on EXIT.
nvf_new_cluster() {
  local name=$1 db=$2 suffix="-$1" data run sock port
  [[ $name != main ]] || suffix=""
  data=$TOP/.pgdata$suffix run=$TOP/.pgrun$suffix
  nvf_stop_dir "$data"   # left running by an interrupted run
  rm -rf "$data" "$run"
  nvf_grant_server_access
  mkdir -m 700 "$data"
  mkdir -m 755 "$run"
  sock=$run
  # A Unix socket path is limited to 107 bytes: deep checkouts get a short one in /tmp.
  if ((${#sock} > 80)); then sock=$(mktemp -d /tmp/nvfacts.XXXXXX); chmod 755 "$sock"; fi
  ((EUID != 0)) || chown postgres: "$data" "$run" "$sock"
  port=$(nvf_free_port)
  NVF_DATA[$name]=$data NVF_HOST[$name]=$sock NVF_PORT[$name]=$port
  trap nvf_stop_cluster EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM HUP
  nvf_as_pg initdb -D "$data" --encoding=UTF8 --no-locale --auth=trust -U postgres >/dev/null
  nvf_as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF
# nvfacts test cluster (tests/pg.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
shared_preload_libraries = 'pg_cron'
cron.database_name = '$db'
max_worker_processes = 16
max_parallel_workers_per_gather = 2
fsync = off
EOF
  echo "nvfacts: starting cluster $name ($data) on port $port (log $run/server.log)"
  if ! nvf_as_pg pg_ctl -D "$data" -l "$run/server.log" -w -t 60 start >/dev/null; then
    tail -n 30 "$run/server.log" >&2 || true
    return 1
  fi
  nvf_on "$name" createdb "$db"
}

# nvf_on NAME COMMAND...: COMMAND with PGHOST, PGPORT and PGUSER naming cluster NAME.
nvf_on() {
  local name=$1
  shift
  PGHOST=${NVF_HOST[$name]} PGPORT=${NVF_PORT[$name]} PGUSER=postgres "$@"
}

# nvf_start_cluster [DB]: the main cluster, database DB (default nvfacts_test);
# exports PGHOST PGPORT PGUSER PGDATABASE.
nvf_start_cluster() {
  local db=${1:-nvfacts_test}
  nvf_new_cluster main "$db"
  export PGHOST=${NVF_HOST[main]} PGPORT=${NVF_PORT[main]} PGUSER=postgres PGDATABASE=$db
}

# Idempotent: stops the clusters this shell started, and no other.
nvf_stop_cluster() {
  local name
  for name in "${!NVF_DATA[@]}"; do
    nvf_stop_dir "${NVF_DATA[$name]}"
    if [[ ${NVF_HOST[$name]} == /tmp/nvfacts.* ]]; then rm -rf "${NVF_HOST[$name]}"; fi
  done
}

nvf_stop_dir() {  # nvf_stop_dir DATA: stop the cluster running in DATA, if any
  [[ -f $1/postmaster.pid ]] || return 0
  nvf_as_pg pg_ctl -D "$1" -m fast -w -t 30 stop >/dev/null ||
    nvf_as_pg pg_ctl -D "$1" -m immediate -w stop >/dev/null || true
}

# Everything a driver needs before its first query: nvf_setup DB.
nvf_setup() {
  nvf_install_packages
  nvf_build_install
  nvf_start_cluster "$@"
}

# Table articles(doc, body) in $PGDATABASE from tests/data/articles/*.txt (read by the server:
# no quoting or size limits, and invalid UTF-8 is an error); an existing articles table is filled.
nvf_load_articles() {
  local dir=$TOP/tests/data/articles
  compgen -G "$dir/*.txt" >/dev/null || { echo "nvfacts: no articles in $dir" >&2; return 1; }
  nvf_psql -q -v dir="$dir" <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS articles (doc text PRIMARY KEY, body text NOT NULL);
INSERT INTO articles (doc, body)
  SELECT f, pg_read_file(:'dir' || '/' || f) FROM pg_ls_dir(:'dir') AS f WHERE f LIKE '%.txt';
SQL
}

# nvf_generate_articles TABLE MB: TABLE (id int, body text) with MB (2^20 bytes, may be fractional)
# of article-like text, from the articles table of nvf_load_articles.  Body g: consecutive paragraphs
# of the fixtures (wrapping, from a scattered start) up to 2..32 KB, the company name swapped and
# the digits rotated (so the numbers differ), plus its row number.
nvf_generate_articles() {
  echo "nvfacts: generating $2 MB into $1"
  nvf_psql -q -v table="$1" -v mb="$2" <<'SQL'
CREATE TABLE :table (id int, body text);
SET nvf.gen_table = :'table';
SET nvf.gen_mb = :mb;
DO $$
DECLARE
  target bigint := (current_setting('nvf.gen_mb')::numeric * 1048576)::bigint;
  paras text[] := ARRAY(SELECT p FROM articles, regexp_split_to_table(body, E'\n') WITH ORDINALITY AS s(p, n)
                         WHERE p ~ '\S' ORDER BY doc, n);
  names text[] := ARRAY['英伟达', '超威半导体', '英特尔', '高通', '博通'];
  total bigint := 0;
  g int := 0;
  j int;
  want int;
  got int;
  parts text[];
  b text;
BEGIN
  WHILE total < target LOOP
    g := g + 1;
    want := 2048 * (1 + g % 16);
    j := g::bigint * 7919 % cardinality(paras);
    got := 0;
    parts := '{}';
    WHILE got < want LOOP
      parts := array_append(parts, paras[j + 1]);
      got := got + octet_length(paras[j + 1]) + 1;
      j := (j + 1) % cardinality(paras);
    END LOOP;
    b := translate(replace(array_to_string(parts, E'\n'), '英伟达', names[1 + g % 5]),
                      '0123456789', substr('01234567890123456789', 1 + g % 10, 10)) || E'\n' || g;
    EXECUTE format('INSERT INTO %s VALUES ($1, $2)', current_setting('nvf.gen_table')) USING g, b;
    total := total + octet_length(b);
  END LOOP;
END $$;
SQL
}
