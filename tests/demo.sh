#!/usr/bin/env bash
# tests/demo.sh — the README's demo command: build, install, private cluster, load the fixture
# articles (tests/data/articles/*.txt) and print what nvfacts finds in them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

# What the demo shows, one row per finding (the count per doc below is derived from it).
FINDINGS="SELECT a.doc, f.fact_no AS no, f.entity, f.metric, f.segment, f.basis, f.measure,
       f.value, f.value_low AS low, f.value_high AS high, f.unit, f.status,
       f.fiscal_year AS fy, f.fiscal_quarter AS fq,
       substr(a.body, f.span_start + 1, f.span_end - f.span_start) AS as_written
  FROM articles a, nvfacts.extract(a.body) f ORDER BY a.doc, f.fact_no"

nvf_setup nvfacts_demo
nvf_psql -q -c 'CREATE EXTENSION nvfacts'
nvf_load_articles
nvf_psql <<SQL
\echo '== facts extracted from the sample articles'
$FINDINGS;
\echo '== facts per article'
SELECT a.doc, count(f.doc) AS facts, octet_length(a.body) AS bytes
  FROM articles a LEFT JOIN ($FINDINGS) f USING (doc) GROUP BY a.doc ORDER BY a.doc;
SQL
nvf_stop_cluster
