#!/usr/bin/env bash
# tests/client.sh — nvfacts as a BI tool sees it: tests/client/bi_client.js (node-postgres from npm,
# TAP output) over TCP on 127.0.0.1 with a password, against extract() and every view of a facts
# table loaded from tests/data/bi.  In the cluster the PG* variables name (as tests/check.sh runs
# it): database nvfacts_client, role regress_bi_client (SELECT only, scram-sha-256 from 127.0.0.1
# through a pg_hba.conf line of its own); everything it adds is removed on exit.
# node and npm come from nvf_install_packages (tests/pg.sh); node_modules from package-lock.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

: "${PGHOST:?client.sh: set PGHOST (and PGPORT, PGUSER) to a running cluster}" "${PGPORT:?}"
db=nvfacts_client
role=regress_bi_client
password="regress-$RANDOM$RANDOM"
client=$TOP/tests/client
hba_line="host all $role 127.0.0.1/32 scram-sha-256  # tests/client.sh"

command -v node >/dev/null && command -v npm >/dev/null || nvf_install_packages
echo "# node $(node --version), npm $(npm --version)"
# npm ci when node_modules is missing or was made from another package-lock.json
if ! cmp -s "$client/package-lock.json" "$client/node_modules/.nvfacts-package-lock.json"; then
  (cd "$client" && npm ci --no-audit --no-fund)
  cp "$client/package-lock.json" "$client/node_modules/.nvfacts-package-lock.json"
fi

admin() { nvf_psql -q -A -t -d postgres "$@"; }
hba=$(admin -c 'SHOW hba_file')
remove_objects() {
  admin -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
  nvf_as_pg sed -i '/# tests\/client.sh$/d' "$hba"
  admin -c 'SELECT pg_reload_conf()' >/dev/null
}
trap remove_objects EXIT
remove_objects     # leftovers of an interrupted run

# the role and its pg_hba.conf line (first: the cluster's own lines may trust 127.0.0.1)
admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'" -c "CREATE DATABASE $db"
nvf_as_pg sed -i "1i $hba_line" "$hba"
admin -c 'SELECT pg_reload_conf()' >/dev/null
# the reload is asynchronous: wait until a wrong password is refused
for _ in $(seq 50); do
  PGPASSWORD=wrong psql -X -q -h 127.0.0.1 -p "$PGPORT" -U "$role" -d "$db" -c 'SELECT' >/dev/null 2>&1 || break
  sleep 0.1
done

nvf_psql -q -d "$db" -v dir="$TOP/tests/data/bi" -v role="$role" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION nvfacts;
CREATE SERVER bi FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir', pattern '*.txt');
CALL nvfacts.ingest('bi', 'public.news_facts');
-- the table of articles, as ingest() writes it (where it does not yet, from the same reads)
INSERT INTO public.news_facts_articles (doc, title, published, encoding, bytes, facts, status, loaded_at)
SELECT a.doc, a.title, a.published, a.encoding, a.bytes,
       (SELECT count(*) FROM public.news_facts f WHERE f.doc = a.doc), 'loaded', now()
FROM nvfacts.article_files('bi') x, nvfacts.read_article('bi', x.path) a
ON CONFLICT (doc) DO NOTHING;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"role";
SQL

started=$SECONDS
NVF_HOST=127.0.0.1 NVF_PORT=$PGPORT NVF_DB=$db NVF_USER=$role NVF_PASSWORD=$password node "$client/bi_client.js"
echo "# client test: $((SECONDS - started)) s"
