#!/usr/bin/env bash
# tests/demo.sh — the README's demo command: build, install, private cluster, then the loader over
# the sample articles (tests/data/articles/*.txt): their facts queried in place through nvfacts_fdw,
# and loaded into a plain table by nvfacts.ingest().
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

nvf_setup nvfacts_demo
nvf_psql -q -v dir="$TOP/tests/data/articles" <<'SQL'
CREATE EXTENSION nvfacts;
CREATE SERVER samples FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir', pattern '*.txt');
CREATE FOREIGN TABLE sample_articles (doc text, published date, title text, encoding text,
    bytes bigint, body text) SERVER samples;
CREATE FOREIGN TABLE sample_facts (doc text, fact_no int, entity text, metric text, segment text,
    basis text, measure text, value numeric, value_low numeric, value_high numeric, unit text,
    status text, fiscal_year int, fiscal_quarter int, span_start int, span_end int)
    SERVER samples OPTIONS (content 'facts');
SQL
nvf_psql <<'SQL'
\echo '== the sample articles, read in place (nvfacts_fdw, content articles)'
SELECT doc, published, left(title, 30) AS title, encoding, bytes FROM sample_articles;
\echo '== their facts, straight from the files (nvfacts_fdw, content facts)'
SELECT f.doc, f.fact_no AS no, f.entity, f.metric, f.segment, f.basis, f.measure,
       f.value, f.value_low AS low, f.value_high AS high, f.unit, f.status,
       f.fiscal_year AS fy, f.fiscal_quarter AS fq,
       substr(a.body, f.span_start + 1, f.span_end - f.span_start) AS as_written
  FROM sample_facts f JOIN sample_articles a USING (doc) ORDER BY f.doc, f.fact_no;
\echo '== loaded into a plain table: CALL nvfacts.ingest(''samples'', ''public.news_facts''), twice'
CALL nvfacts.ingest('samples', 'public.news_facts');
CALL nvfacts.ingest('samples', 'public.news_facts');
SELECT path, status, facts, bytes FROM nvfacts.ingested_files ORDER BY path;
\echo '== the latest figure per entity, metric and fiscal quarter (view news_facts_latest)'
SELECT entity, metric, measure, status, fiscal_year AS fy, fiscal_quarter AS fq, value, unit, doc
  FROM news_facts_latest WHERE fiscal_year IS NOT NULL ORDER BY entity, metric, fy, fq LIMIT 20;
\echo '== where the articles disagree by more than 0.5% (view news_facts_conflicts; README "BI")'
SELECT entity, metric, segment, basis, measure, status, fiscal_year AS fy, fiscal_quarter AS fq, value, unit,
       agreed, docs
  FROM news_facts_conflicts ORDER BY entity, metric, segment, basis, measure, status, fy, fq, value;
SQL
nvf_stop_cluster
