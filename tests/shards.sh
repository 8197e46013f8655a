# tests/shards.sh — the scale-out layout, sourced by tests/scaleout.sh and tests/bench_scaleout.sh:
# a coordinator and two shards (tests/pg.sh clusters) with articles and facts hash-partitioned.
#   shard:       articles (doc, published, body) and view article_facts (extract() runs there);
#   coordinator: servers shard1, shard2 (postgres_fdw, async_capable), their tables imported into
#                schemas shard1, shard2 and attached as hash partitions of articles and
#                article_facts; schema single: the same articles and view on one node, for comparison.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

NVF_SHARDS=(shard1 shard2)

on() { nvf_on "$1" nvf_psql "${@:2}"; }   # on CLUSTER [psql args]: psql on coordinator or shardN

# Table articles and view article_facts in the first schema of the search_path: the facts of the
# articles as rows of nvfacts.fact with doc filled in (column list from the catalog, so columns
# the fact type gains flow into the view).
NVF_ARTICLES_SQL=$(cat <<'SQL'
CREATE TABLE articles (doc text PRIMARY KEY, published date, body text NOT NULL);
DO $$ BEGIN
  EXECUTE format('CREATE VIEW article_facts AS SELECT a.doc, %s
                  FROM articles a, LATERAL nvfacts.extract(a.body, a.published) f',
    (SELECT string_agg('f.' || quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
      WHERE attrelid = 'nvfacts.fact'::regclass AND attnum > 1 AND NOT attisdropped));
END $$;
SQL
)

# The coordinator's side of one shard (psql variables shard, host, port, db, remainder): the
# server, its tables imported into schema :shard, attached as partition REMAINDER of the
# partitioned tables (made like the first shard's).
NVF_ATTACH_SQL=$(cat <<'SQL'
SET client_min_messages = warning;
CREATE SERVER :"shard" FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'host', port :'port', dbname :'db', async_capable 'true', fetch_size '1000', batch_size '100');
CREATE USER MAPPING FOR CURRENT_USER SERVER :"shard";
CREATE SCHEMA :"shard";
IMPORT FOREIGN SCHEMA public LIMIT TO (articles, article_facts) FROM SERVER :"shard" INTO :"shard";
CREATE TABLE IF NOT EXISTS articles (LIKE :"shard".articles) PARTITION BY HASH (doc);
CREATE TABLE IF NOT EXISTS article_facts (LIKE :"shard".article_facts) PARTITION BY HASH (doc);
ALTER TABLE articles ATTACH PARTITION :"shard".articles FOR VALUES WITH (MODULUS 2, REMAINDER :remainder);
ALTER TABLE article_facts ATTACH PARTITION :"shard".article_facts
    FOR VALUES WITH (MODULUS 2, REMAINDER :remainder);
SQL
)

# nvf_start_shards DB: the three clusters, nvfacts in database DB of each, wired as above;
# exports PGDATABASE=DB.
nvf_start_shards() {
  local s r=0
  export PGDATABASE=$1
  for s in coordinator "${NVF_SHARDS[@]}"; do
    nvf_new_cluster "$s" "$PGDATABASE"
    on "$s" -q -c 'CREATE EXTENSION nvfacts'
  done
  for s in "${NVF_SHARDS[@]}"; do on "$s" -q <<<"$NVF_ARTICLES_SQL"; done
  on coordinator -q <<<"CREATE EXTENSION postgres_fdw; CREATE SCHEMA single; SET search_path = single;
$NVF_ARTICLES_SQL"
  for s in "${NVF_SHARDS[@]}"; do
    on coordinator -q -v shard="$s" -v host="${NVF_HOST[$s]}" -v port="${NVF_PORT[$s]}" \
      -v db="$PGDATABASE" -v remainder=$((r++)) <<<"$NVF_ATTACH_SQL"
  done
}

# nvf_single_articles MB: single.articles on the coordinator gets the fixtures and MB of generated
# articles (tests/pg.sh; every other one with a publication date), and articles (the shards) the same.
nvf_single_articles() {
  PGOPTIONS='-c search_path=single' nvf_on coordinator nvf_load_articles
  PGOPTIONS='-c search_path=single' nvf_on coordinator nvf_generate_articles single.generated "$1"
  on coordinator -q <<'SQL'
INSERT INTO single.articles (doc, published, body)
  SELECT 'gen/' || lpad(id::text, 5, '0') || '.txt', CASE WHEN id % 2 = 0 THEN date '2024-01-01' + id END, body
  FROM single.generated;
DROP TABLE single.generated;
INSERT INTO articles SELECT doc, published, body FROM single.articles;
ANALYZE single.articles;
SQL
}
