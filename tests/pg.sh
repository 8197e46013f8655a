# tests/pg.sh — shared setup sourced by tests/{check,demo,bench}.sh: packages, build+install,
# and a private throwaway PostgreSQL 15 cluster ($TOP/.pgdata) that is always stopped on exit.
# shellcheck shell=bash
set -Eeuo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
[[ -f $TOP/nvfacts.control ]] || { echo "nvfacts: no nvfacts.control in $TOP" >&2; exit 1; }
# NVF_PGBIN: another PostgreSQL 15 installation (a relocated copy lets two checkouts test side by side)
PGBIN=${NVF_PGBIN:-/usr/lib/postgresql/15/bin}
export PATH="$PGBIN:$PATH" PG_CONFIG=$PGBIN/pg_config
NVF_PGDATA=$TOP/.pgdata
NVF_PGRUN=$TOP/.pgrun
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
  local p missing=()
  for p in "${NVF_PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "nvfacts: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${NVF_PACKAGES[@]}"
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

# nvf_start_cluster [DB]: fresh cluster on a free port, database DB (default nvfacts_test) created,
# pg_cron pointed at it; exports PGHOST PGPORT PGUSER PGDATABASE; stopped again on EXIT.
nvf_start_cluster() {
  local db=${1:-nvfacts_test} sock
  nvf_stop_cluster
  rm -rf "$NVF_PGDATA" "$NVF_PGRUN"
  nvf_grant_server_access
  mkdir -m 700 "$NVF_PGDATA"
  mkdir -m 755 "$NVF_PGRUN"
  sock=$NVF_PGRUN
  # A Unix socket path is limited to 107 bytes: deep checkouts get a short one in /tmp.
  if ((${#sock} > 80)); then sock=$(mktemp -d /tmp/nvfacts.XXXXXX); chmod 755 "$sock"; fi
  ((EUID != 0)) || chown postgres: "$NVF_PGDATA" "$NVF_PGRUN" "$sock"
  PGPORT=$(nvf_free_port)
  export PGHOST=$sock PGPORT PGUSER=postgres PGDATABASE=$db
  trap nvf_stop_cluster EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM HUP
  nvf_as_pg initdb -D "$NVF_PGDATA" --encoding=UTF8 --no-locale --auth=trust -U postgres >/dev/null
  nvf_as_pg tee -a "$NVF_PGDATA/postgresql.conf" >/dev/null <<EOF
# nvfacts test cluster (tests/pg.sh)
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$sock'
shared_preload_libraries = 'pg_cron'
cron.database_name = '$db'
max_worker_processes = 16
max_parallel_workers_per_gather = 2
fsync = off
EOF
  echo "nvfacts: starting cluster $NVF_PGDATA on port $PGPORT (log $NVF_PGRUN/server.log)"
  if ! nvf_as_pg pg_ctl -D "$NVF_PGDATA" -l "$NVF_PGRUN/server.log" -w -t 60 start >/dev/null; then
    tail -n 30 "$NVF_PGRUN/server.log" >&2 || true
    return 1
  fi
  createdb "$db"
}

# Idempotent: a no-op when no cluster of ours is running.
nvf_stop_cluster() {
  if [[ -f $NVF_PGDATA/postmaster.pid ]]; then
    nvf_as_pg pg_ctl -D "$NVF_PGDATA" -m fast -w -t 30 stop >/dev/null ||
      nvf_as_pg pg_ctl -D "$NVF_PGDATA" -m immediate -w stop >/dev/null || true
  fi
  if [[ ${PGHOST:-} == /tmp/nvfacts.* ]]; then rm -rf "$PGHOST"; fi
}

# Everything a driver needs before its first query: nvf_setup DB.
nvf_setup() {
  nvf_install_packages
  nvf_build_install
  nvf_start_cluster "$@"
}

# Table articles(doc, body) in $PGDATABASE from tests/data/articles/*.txt (read by the server:
# no quoting or size limits, and invalid UTF-8 is an error).
nvf_load_articles() {
  local dir=$TOP/tests/data/articles
  compgen -G "$dir/*.txt" >/dev/null || { echo "nvfacts: no articles in $dir" >&2; return 1; }
  nvf_psql -q -v dir="$dir" <<'SQL'
CREATE TABLE articles (doc text PRIMARY KEY, body text NOT NULL);
INSERT INTO articles
  SELECT f, pg_read_file(:'dir' || '/' || f) FROM pg_ls_dir(:'dir') AS f WHERE f LIKE '%.txt';
SQL
}
