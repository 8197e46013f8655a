-- The BI views over articles, end to end: the fixture articles of tests/data/bi
-- (written to agree and to disagree, by NVIDIA, Microsoft, Apple and TSMC)
-- read by nvfacts_fdw and loaded by ingest(); consensus and conflicts row for
-- row; the calendar quarter of each company's fiscal quarter, from the
-- period_end extract() gives; each fact with its article's title.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/bi' AS dir_bi \gset

SELECT plan(7);

CREATE SCHEMA regress_bi;
DELETE FROM nvfacts.fx_rates;   -- (rolled back) the rates are the test's own
CREATE SERVER regress_bi FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_bi', pattern '*.txt');
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_bi', 'regress_bi.news');
RESET client_min_messages;
-- the table of articles, as ingest() writes it (where it does not yet, from the same reads)
INSERT INTO regress_bi.news_articles (doc, title, published, encoding, bytes, facts, status, loaded_at)
SELECT a.doc, a.title, a.published, a.encoding, a.bytes,
       (SELECT count(*) FROM regress_bi.news f WHERE f.doc = a.doc), 'loaded', now()
FROM nvfacts.article_files('regress_bi') x, nvfacts.read_article('regress_bi', x.path) a
ON CONFLICT (doc) DO NOTHING;

SELECT results_eq(
    $$SELECT doc, title, published, facts FROM regress_bi.news_articles ORDER BY doc$$,
    $$VALUES ('apple-fy24q1.txt', '苹果第一财季营收1196亿美元', '2024-02-02'::date, 2),
             ('msft-fy24q4.txt', '微软第四财季营收647亿美元', '2024-07-31', 2),
             ('nv-q1-a.txt', '英伟达第一财季营收260.44亿美元', '2024-05-23', 5),
             ('nv-q1-b.txt', '英伟达一季度营收约260亿美元', '2024-05-24', 4),
             ('nv-q1-c.txt', '英伟达财报点评', '2024-05-27', 2),
             ('tsmc-2024q3.txt', '台积电第三季度营收7596.9亿元新台币', '2024-10-17', 3)$$,
    'six articles, with their titles and printed dates');
SELECT is_empty($$SELECT doc, fact_no FROM regress_bi.news_detail WHERE title IS NULL OR published IS NULL$$,
    'every fact carries its article''s title and date');

SELECT results_eq(
    $$SELECT entity, metric, segment, measure, unit, status, fiscal_year, fiscal_quarter, value,
             documents, all_documents, agreement, conflict, first_published, last_published, doc
      FROM regress_bi.news_consensus ORDER BY entity, metric, segment, measure, unit, status, fiscal_year, fiscal_quarter$$,
    $$VALUES
      ('Apple', 'eps', NULL, 'level', 'USD', 'actual', 2024, 1, 2.18, 1, 1, 1.000, false, '2024-02-02'::date, '2024-02-02'::date, 'apple-fy24q1.txt'),
      ('Apple', 'revenue', NULL, 'level', 'USD', 'actual', 2024, 1, 119600000000, 1, 1, 1.000, false, '2024-02-02', '2024-02-02', 'apple-fy24q1.txt'),
      ('Microsoft', 'net_income', NULL, 'level', 'USD', 'actual', 2024, 4, 22000000000, 1, 1, 1.000, false, '2024-07-31', '2024-07-31', 'msft-fy24q4.txt'),
      ('Microsoft', 'revenue', NULL, 'level', 'USD', 'actual', 2024, 4, 64700000000, 1, 1, 1.000, false, '2024-07-31', '2024-07-31', 'msft-fy24q4.txt'),
      ('NVIDIA', 'gross_margin', NULL, 'level', '%', 'actual', 2025, 1, 78.4, 1, 1, 1.000, false, '2024-05-24', '2024-05-24', 'nv-q1-b.txt'),
      ('NVIDIA', 'revenue', 'data_center', 'level', 'USD', 'actual', 2025, 1, 22563000000, 2, 3, 0.667, true, '2024-05-24', '2024-05-27', 'nv-q1-c.txt'),
      ('NVIDIA', 'revenue', 'gaming', 'level', 'USD', 'actual', 2025, 1, 2600000000, 1, 2, 0.500, true, '2024-05-24', '2024-05-24', 'nv-q1-b.txt'),
      ('NVIDIA', 'revenue', NULL, 'level', 'USD', 'actual', 2025, 1, 26010000000, 3, 3, 1.000, false, '2024-05-23', '2024-05-27', 'nv-q1-c.txt'),
      ('NVIDIA', 'revenue', NULL, 'level', 'USD', 'guidance', 2025, 2, 28000000000, 1, 1, 1.000, false, '2024-05-23', '2024-05-23', 'nv-q1-a.txt'),
      ('NVIDIA', 'revenue', NULL, 'yoy', '%', 'actual', 2025, 1, 262, 1, 1, 1.000, false, '2024-05-23', '2024-05-23', 'nv-q1-a.txt'),
      ('TSMC', 'gross_margin', NULL, 'level', '%', 'actual', 2024, 3, 57.8, 1, 1, 1.000, false, '2024-10-17', '2024-10-17', 'tsmc-2024q3.txt'),
      ('TSMC', 'revenue', NULL, 'level', 'TWD', 'actual', 2024, 3, 759690000000, 1, 1, 1.000, false, '2024-10-17', '2024-10-17', 'tsmc-2024q3.txt'),
      ('TSMC', 'revenue', NULL, 'level', 'USD', 'actual', 2024, 3, 23500000000, 1, 1, 1.000, false, '2024-10-17', '2024-10-17', 'tsmc-2024q3.txt')$$,
    'consensus: 260.44, 260 and 260.1 (0.17% apart) agree; 230, 226 and 225.63 two against one; 26.47 and 26 (1.8%) disagree; NT$ and US$ apart');
SELECT results_eq(
    $$SELECT segment, value, agreed, documents, docs, evidence FROM regress_bi.news_conflicts ORDER BY segment, value$$,
    $$VALUES
      ('data_center', 22563000000::numeric, true, 1, '{nv-q1-c.txt}'::text[], '{英伟达2025财年第一季度营收为260.1亿美元，数据中心收入为225.63亿美元。}'::text[]),
      ('data_center', 22600000000, true, 1, '{nv-q1-b.txt}', '{数据中心收入为226亿美元，游戏业务收入26亿美元。}'),
      ('data_center', 23000000000, false, 1, '{nv-q1-a.txt}', '{数据中心收入为230亿美元，游戏业务收入26.47亿美元。}'),
      ('gaming', 2600000000, true, 1, '{nv-q1-b.txt}', '{数据中心收入为226亿美元，游戏业务收入26亿美元。}'),
      ('gaming', 2647000000, false, 1, '{nv-q1-a.txt}', '{数据中心收入为230亿美元，游戏业务收入26.47亿美元。}')$$,
    'conflicts: NVIDIA''s data-center and gaming revenue, each figure with its article and sentence');

SELECT results_eq(
    $$SELECT entity, fiscal_year, fiscal_quarter, period_end, calendar_year, calendar_quarter
      FROM regress_bi.news_quarterly ORDER BY calendar_year, calendar_quarter, entity$$,
    $$VALUES ('Apple', 2024, 1, '2023-12-31'::date, 2023, 4),
             ('Microsoft', 2024, 4, '2024-06-30', 2024, 2),
             ('NVIDIA', 2025, 1, '2024-04-30', 2024, 2),
             ('NVIDIA', 2025, 2, '2024-07-31', 2024, 3),
             ('TSMC', 2024, 3, '2024-09-30', 2024, 3)$$,
    'calendar: NVIDIA FY2025 Q1 and Microsoft FY2024 Q4 share 2024 Q2; Apple FY2024 Q1 is 2023 Q4; TSMC 2024 Q3 is 2024 Q3');
SELECT results_eq(
    $$SELECT entity, revenue_actual, revenue_guidance, net_income_actual, gross_margin_actual, eps_actual,
             data_center_revenue_actual
      FROM regress_bi.news_quarterly ORDER BY calendar_year, calendar_quarter, entity$$,
    $$VALUES ('Apple', 119600000000::numeric, NULL::numeric, NULL::numeric, NULL::numeric, 2.18::numeric, NULL::numeric),
             ('Microsoft', 64700000000, NULL, 22000000000, NULL, NULL, NULL),
             ('NVIDIA', 26010000000, NULL, NULL, 78.4, NULL, 22563000000),
             ('NVIDIA', NULL, 28000000000, NULL, NULL, NULL, NULL),
             ('TSMC', 23500000000, NULL, NULL, 57.8, NULL, NULL)$$,
    'quarterly: the consensus figures side by side (TSMC in US$ while fx_rates has no NT$ rate)');
SELECT is((SELECT count(*) FROM regress_bi.news_latest), 13::bigint,
    'latest: one row per key, as many as the keys of consensus (every fact here has a period)');

SELECT * FROM finish();
ROLLBACK;
