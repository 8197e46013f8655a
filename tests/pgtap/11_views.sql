-- The views of a facts table (nvfacts.create_facts_views): which relations a
-- target gets, their columns in order, a comment on every one of them, a
-- second call that changes nothing, a target of an earlier version made new,
-- and the errors.  (Their rows: 12_consensus, 13_calendar_fx, 14_bi_articles.)
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(26);

CREATE SCHEMA regress_bi;
SELECT is(nvfacts.create_facts_table('regress_bi.news')::text, 'regress_bi.news',
    'create_facts_table() makes the facts table');
SELECT results_eq(
    $$SELECT relname::text COLLATE "default", relkind::text FROM pg_class
      WHERE relnamespace = 'regress_bi'::regnamespace AND relkind IN ('r', 'v') ORDER BY relname$$,
    $$VALUES ('news', 'r'), ('news_articles', 'r'), ('news_conflicts', 'v'), ('news_consensus', 'v'),
             ('news_detail', 'v'), ('news_latest', 'v'), ('news_levels', 'v'), ('news_quarterly', 'v')$$,
    '... with its table of articles and six views (create_facts_views)');

-- ---- columns, in order -----------------------------------------------------------

CREATE FUNCTION pg_temp.cols(rel text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
    FROM pg_attribute WHERE attrelid = ('regress_bi.' || rel)::regclass AND attnum > 0 AND NOT attisdropped
$$;
SELECT is(pg_temp.cols('news_articles'),
    'doc text, title text, published date, encoding text, bytes bigint, facts integer, status text, error text, loaded_at timestamp with time zone',
    'news_articles: one row per article file, the columns ingest() writes');
SELECT is(pg_temp.cols('news_detail'),
    'doc text, fact_no integer, title text, published date, entity text, metric text, segment text, basis text, '
    'measure text, value numeric, value_low numeric, value_high numeric, unit text, approx text, status text, '
    'fiscal_year integer, fiscal_quarter integer, period_kind text, period_end date, calendar_year integer, '
    'calendar_quarter integer, usd_rate numeric, value_usd numeric, period_text text, span_start integer, '
    'span_end integer, evidence text, loaded_at timestamp with time zone',
    'news_detail: every fact with its article, calendar period and US dollars');
SELECT is(pg_temp.cols('news_latest'),
    'entity text, metric text, segment text, basis text, measure text, unit text, status text, fiscal_year integer, '
    'fiscal_quarter integer, period_kind text, period_end date, calendar_year integer, calendar_quarter integer, '
    'value numeric, value_low numeric, value_high numeric, approx text, usd_rate numeric, value_usd numeric, '
    'doc text, title text, published date, evidence text, documents integer',
    'news_latest: the full key (unit, segment, basis, period) first, then the newest figure and its count of sources');
SELECT is(pg_temp.cols('news_levels'),
    'entity text, metric text, segment text, basis text, unit text, fiscal_year integer, fiscal_quarter integer, '
    'period_kind text, period_end date, calendar_year integer, calendar_quarter integer, value numeric, '
    'usd_rate numeric, value_usd numeric, doc text, title text, published date',
    'news_levels: a time series of reported levels');
SELECT is(pg_temp.cols('news_consensus'),
    'entity text, metric text, segment text, basis text, measure text, unit text, status text, fiscal_year integer, '
    'fiscal_quarter integer, period_kind text, period_end date, calendar_year integer, calendar_quarter integer, '
    'value numeric, value_low numeric, value_high numeric, usd_rate numeric, value_usd numeric, documents integer, '
    'all_documents integer, agreement numeric, conflict boolean, first_published date, last_published date, '
    'doc text, evidence text',
    'news_consensus: the key, the agreed figure, how many agree, the share, first and last published');
SELECT is(pg_temp.cols('news_conflicts'),
    'entity text, metric text, segment text, basis text, measure text, unit text, status text, fiscal_year integer, '
    'fiscal_quarter integer, period_kind text, period_end date, calendar_year integer, calendar_quarter integer, '
    'value numeric, value_low numeric, value_high numeric, usd_rate numeric, value_usd numeric, agreed boolean, '
    'documents integer, docs text[], evidence text[], first_published date, last_published date',
    'news_conflicts: the key, one figure, its articles and sentences');
SELECT is(pg_temp.cols('news_quarterly'),
    'entity text, fiscal_year integer, fiscal_quarter integer, period_end date, calendar_year integer, '
    'calendar_quarter integer, revenue_actual numeric, revenue_guidance numeric, net_income_actual numeric, '
    'net_income_guidance numeric, gross_margin_actual numeric, gross_margin_guidance numeric, '
    'operating_income_actual numeric, operating_income_guidance numeric, eps_actual numeric, eps_guidance numeric, '
    'capex_actual numeric, capex_guidance numeric, data_center_revenue_actual numeric, '
    'data_center_revenue_guidance numeric',
    'news_quarterly: one row per company and quarter, actual and guidance side by side');

-- ---- comments: what BI tools show ---------------------------------------------------

CREATE TEMP VIEW uncommented AS
SELECT c.relname::text AS relation, a.attname::text AS col
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'regress_bi'::regnamespace AND c.relkind IN ('r', 'v')
  AND col_description(c.oid, a.attnum) IS NULL;
SELECT is_empty($$SELECT relation, col FROM uncommented$$,
    'every column of the facts table, its table of articles and its views has a comment');
SELECT is_empty($$SELECT relname FROM pg_class WHERE relnamespace = 'regress_bi'::regnamespace
                   AND relkind IN ('r', 'v') AND obj_description(oid, 'pg_class') IS NULL$$,
    '... and so has every table and view');
SELECT is(col_description('regress_bi.news_consensus'::regclass,
                          (SELECT attnum FROM pg_attribute WHERE attrelid = 'regress_bi.news_consensus'::regclass
                             AND attname = 'agreement')),
    'documents / all_documents, the share of articles that agree (3 decimals)',
    'a view''s own meaning of a column wins over the common one');
SELECT is(obj_description('regress_bi.news_conflicts'::regclass, 'pg_class'),
    'the keys of news_consensus where articles disagree by more than 0.5%: one row per figure, with its articles and sentences',
    'comments name the target''s own views');
SELECT is_empty($$SELECT q.name FROM nvfacts.quarterly_columns() q
                  WHERE q.name NOT IN (SELECT col FROM nvfacts.facts_column_comments() WHERE scope = '_quarterly')$$,
    'every column of the quarterly pivot has its comment in the dictionary');

-- ---- a second call -----------------------------------------------------------------

CREATE ROLE regress_bi_reader;
GRANT SELECT ON regress_bi.news_latest TO regress_bi_reader;
CREATE VIEW regress_bi.mine AS SELECT entity, value FROM regress_bi.news_latest;
CREATE TEMP TABLE before AS
    SELECT c.relname, pg_get_viewdef(c.oid) AS def FROM pg_class c
    WHERE c.relnamespace = 'regress_bi'::regnamespace AND c.relkind = 'v';
INSERT INTO regress_bi.news_articles (doc, title) VALUES ('kept.txt', 'kept');
SELECT lives_ok($$SELECT nvfacts.create_facts_views('regress_bi.news')$$,
    'create_facts_views() again on the same target');
SELECT set_eq($$SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c
                WHERE c.relnamespace = 'regress_bi'::regnamespace AND c.relkind = 'v'$$,
    $$SELECT relname, def FROM before$$,
    '... leaves every view as it was, and a view of the user''s on one of them');
SELECT ok(has_table_privilege('regress_bi_reader', 'regress_bi.news_latest', 'SELECT'), '... and its grants');
SELECT is((SELECT title FROM regress_bi.news_articles), 'kept', '... and the rows of the table of articles');

-- ---- a facts table of an earlier version: its views made new ----------------------------

DO $$ BEGIN PERFORM nvfacts.create_facts_table('regress_bi.old'); END $$;
DROP VIEW regress_bi.old_quarterly, regress_bi.old_conflicts, regress_bi.old_consensus, regress_bi.old_levels,
          regress_bi.old_latest, regress_bi.old_detail;
DROP TABLE regress_bi.old_articles;
-- 0.2.0's TARGET_latest, before issue 11
CREATE VIEW regress_bi.old_latest AS
    SELECT DISTINCT ON (entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter)
           entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
           value, value_low, value_high, unit, approx, doc, published, evidence
    FROM regress_bi.old WHERE entity IS NOT NULL
    ORDER BY entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
             published DESC NULLS LAST, loaded_at DESC, doc, fact_no;
CREATE VIEW regress_bi.old_mine AS SELECT entity, value FROM regress_bi.old_latest;
SELECT throws_ok($$SELECT nvfacts.create_facts_views('regress_bi.old')$$, '2BP01',
    'cannot make the views of facts table regress_bi.old again: a view of yours depends on one',
    'views whose columns changed are made again, unless a view of the user''s depends on one -- ERROR');
SELECT is(pg_temp.cols('old_latest'),
    'entity text, metric text, segment text, basis text, measure text, status text, fiscal_year integer, '
    'fiscal_quarter integer, value numeric, value_low numeric, value_high numeric, unit text, approx text, '
    'doc text, published date, evidence text',
    '... and then nothing changed');
DROP VIEW regress_bi.old_mine;
SELECT lives_ok($$SELECT nvfacts.create_facts_views('regress_bi.old')$$, 'without it, create_facts_views() goes through');
SELECT is(pg_temp.cols('old_latest'), pg_temp.cols('news_latest'), '... and old_latest has the new columns');

-- ---- errors -----------------------------------------------------------------------

CREATE TABLE regress_bi.not_facts (doc text, entity text);
SELECT throws_ok($$SELECT nvfacts.create_facts_views('regress_bi.not_facts')$$, '42809',
    '"regress_bi.not_facts" is not a facts table', 'a table without the columns of facts -- ERROR');
SELECT throws_ok(format('SELECT nvfacts.create_facts_table(%L)', 'regress_bi.' || repeat('n', 54)), '42622',
    format('facts table name "%s" is too long for its views', repeat('n', 54)),
    'a name whose views would be cut short -- ERROR');
SELECT is(nvfacts.create_facts_views(NULL)::text, NULL, 'NULL: nothing (STRICT)');
SELECT throws_ok($$SELECT nvfacts.facts_view_sql('regress_bi.news', '_nope')$$, '22023',
    'nvfacts has no view "_nope"', 'facts_view_sql() knows the six views only -- ERROR');

SELECT * FROM finish();
ROLLBACK;
