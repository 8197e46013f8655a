-- Calendar alignment, US dollars and the quarterly pivot, row for row, on a
-- hand-made facts table: calendar_year/calendar_quarter from period_end for
-- NVIDIA (fiscal year ending in January), Microsoft (June), Apple (September)
-- and TSMC (the calendar year); value_usd with and without a rate in
-- nvfacts.fx_rates; TARGET_quarterly from consensus values.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(15);

CREATE SCHEMA regress_bi;
DELETE FROM nvfacts.fx_rates;   -- (rolled back) the rates are the test's own
DO $$ BEGIN PERFORM nvfacts.create_facts_table('regress_bi.cal'); END $$;

INSERT INTO regress_bi.cal (doc, fact_no, entity, metric, segment, basis, measure, value, value_low, value_high,
                            unit, status, fiscal_year, fiscal_quarter, period_kind, period_end, evidence, published)
VALUES
-- NVIDIA FY2025 Q1 (February-April 2024), its full year, a guidance for Q2, a share price (no period)
('nv1.txt', 1, 'NVIDIA', 'revenue', NULL, NULL, 'level', 26044000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 2, 'NVIDIA', 'net_income', NULL, NULL, 'level', 14881000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 3, 'NVIDIA', 'gross_margin', NULL, 'gaap', 'level', 78.4, NULL, NULL, '%', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 4, 'NVIDIA', 'gross_margin', NULL, 'non_gaap', 'level', 78.9, NULL, NULL, '%', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 5, 'NVIDIA', 'operating_income', NULL, NULL, 'level', 16909000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 6, 'NVIDIA', 'eps', NULL, NULL, 'level', 5.98, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 7, 'NVIDIA', 'revenue', 'data_center', NULL, 'level', 22563000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 8, 'NVIDIA', 'revenue', NULL, NULL, 'level', 28000000000, 27440000000, 28560000000, 'USD', 'guidance', 2025, 2, 'quarter', '2024-07-31', 'nv1', '2024-05-23'),
('nv1.txt', 9, 'NVIDIA', 'gross_margin', NULL, NULL, 'level', 75.5, NULL, NULL, '%', 'guidance', 2025, 2, 'quarter', '2024-07-31', 'nv1', '2024-05-23'),
('nv1.txt', 10, 'NVIDIA', 'gross_margin', NULL, 'non_gaap', 'level', 75.0, NULL, NULL, '%', 'guidance', 2025, 2, 'quarter', '2024-07-31', 'nv1', '2024-05-23'),
('nv1.txt', 11, 'NVIDIA', 'revenue', NULL, NULL, 'yoy', 262, NULL, NULL, '%', 'actual', 2025, 1, 'quarter', '2024-04-30', 'nv1', '2024-05-23'),
('nv1.txt', 12, 'NVIDIA', 'share_price', NULL, NULL, 'level', 1037.99, NULL, NULL, 'USD', 'actual', NULL, NULL, NULL, NULL, 'nv1', '2024-05-23'),
('nv0.txt', 1, 'NVIDIA', 'revenue', NULL, NULL, 'level', 24000000000, NULL, NULL, 'USD', 'guidance', 2025, 1, 'quarter', '2024-04-30', 'nv0', '2024-02-21'),
('nv0.txt', 2, 'NVIDIA', 'gross_margin', NULL, 'non_gaap', 'level', 77, NULL, NULL, '%', 'guidance', 2025, 1, 'quarter', '2024-04-30', 'nv0', '2024-02-21'),
('nv0.txt', 3, 'NVIDIA', 'revenue', NULL, NULL, 'level', 60900000000, NULL, NULL, 'USD', 'actual', 2024, NULL, 'year', '2024-01-31', 'nv0', '2024-02-21'),
-- Microsoft FY2024 Q4 (April-June 2024) and a range guided for FY2025 Q1
('ms.txt', 1, 'Microsoft', 'revenue', NULL, NULL, 'level', 64700000000, NULL, NULL, 'USD', 'actual', 2024, 4, 'quarter', '2024-06-30', 'ms', '2024-07-31'),
('ms.txt', 2, 'Microsoft', 'net_income', NULL, NULL, 'level', 22000000000, NULL, NULL, 'USD', 'actual', 2024, 4, 'quarter', '2024-06-30', 'ms', '2024-07-31'),
('ms.txt', 3, 'Microsoft', 'capex', NULL, NULL, 'level', 19000000000, NULL, NULL, 'USD', 'actual', 2024, 4, 'quarter', '2024-06-30', 'ms', '2024-07-31'),
('ms.txt', 4, 'Microsoft', 'revenue', NULL, NULL, 'level', NULL, 63500000000, 64500000000, 'USD', 'guidance', 2025, 1, 'quarter', '2024-09-30', 'ms', '2024-07-31'),
-- Apple FY2024 Q1 (October-December 2023)
('ap.txt', 1, 'Apple', 'revenue', NULL, NULL, 'level', 119600000000, NULL, NULL, 'USD', 'actual', 2024, 1, 'quarter', '2023-12-31', 'ap', '2024-02-02'),
('ap.txt', 2, 'Apple', 'eps', NULL, NULL, 'level', 2.18, NULL, NULL, 'USD', 'actual', 2024, 1, 'quarter', '2023-12-31', 'ap', '2024-02-02'),
-- TSMC 2024 Q3 in NT$ (two articles) and in US$ (one), October's revenue; Alibaba valued in yuan (no period)
('tw1.txt', 1, 'TSMC', 'revenue', NULL, NULL, 'level', 759690000000, NULL, NULL, 'TWD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'tw1', '2024-10-17'),
('tw1.txt', 2, 'TSMC', 'gross_margin', NULL, NULL, 'level', 57.8, NULL, NULL, '%', 'actual', 2024, 3, 'quarter', '2024-09-30', 'tw1', '2024-10-17'),
('tw1.txt', 3, 'TSMC', 'eps', NULL, NULL, 'level', 12.54, NULL, NULL, 'TWD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'tw1', '2024-10-17'),
('tw1.txt', 4, 'TSMC', 'revenue', NULL, NULL, 'level', 314240000000, NULL, NULL, 'TWD', 'actual', 2024, NULL, 'month', '2024-10-31', 'tw1', '2024-10-17'),
('tw2.txt', 1, 'TSMC', 'revenue', NULL, NULL, 'level', 759690000000, NULL, NULL, 'TWD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'tw2', '2024-10-18'),
('us.txt', 1, 'TSMC', 'revenue', NULL, NULL, 'level', 23500000000, NULL, NULL, 'USD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'us', '2024-10-18'),
('cn.txt', 1, 'Alibaba', 'valuation', NULL, NULL, 'level', 1000000000000, NULL, NULL, 'CNY', 'actual', NULL, NULL, NULL, NULL, 'cn', '2024-06-20');

-- ---- calendar columns -------------------------------------------------------------------

SELECT results_eq(
    $$SELECT DISTINCT entity, fiscal_year, fiscal_quarter, period_kind, period_end, calendar_year, calendar_quarter
      FROM regress_bi.cal_detail ORDER BY period_end NULLS LAST, entity, fiscal_quarter$$,
    $$VALUES ('Apple', 2024, 1, 'quarter', '2023-12-31'::date, 2023, 4),
             ('NVIDIA', 2024, NULL, 'year', '2024-01-31', 2024, NULL),
             ('NVIDIA', 2025, 1, 'quarter', '2024-04-30', 2024, 2),
             ('Microsoft', 2024, 4, 'quarter', '2024-06-30', 2024, 2),
             ('NVIDIA', 2025, 2, 'quarter', '2024-07-31', 2024, 3),
             ('Microsoft', 2025, 1, 'quarter', '2024-09-30', 2024, 3),
             ('TSMC', 2024, 3, 'quarter', '2024-09-30', 2024, 3),
             ('TSMC', 2024, NULL, 'month', '2024-10-31', 2024, NULL),
             ('Alibaba', NULL, NULL, NULL, NULL, NULL, NULL),
             ('NVIDIA', NULL, NULL, NULL, NULL, NULL, NULL)$$,
    'calendar: NVIDIA FY2025 Q1 and Microsoft FY2024 Q4 are both 2024 Q2, Apple FY2024 Q1 is 2023 Q4, TSMC 2024 Q3 is itself; a year or a month has no calendar quarter, no period no calendar');
SELECT results_eq(
    $$SELECT v, pg_catalog.count(*) FILTER (WHERE calendar_year IS DISTINCT FROM EXTRACT(year FROM period_end)
                                            OR calendar_quarter IS DISTINCT FROM
                                               CASE WHEN period_kind = 'quarter' THEN EXTRACT(quarter FROM period_end) END),
             pg_catalog.count(*) > 0
      FROM (SELECT 'latest' AS v, period_kind, period_end, calendar_year, calendar_quarter FROM regress_bi.cal_latest
            UNION ALL SELECT 'levels', period_kind, period_end, calendar_year, calendar_quarter FROM regress_bi.cal_levels
            UNION ALL SELECT 'consensus', period_kind, period_end, calendar_year, calendar_quarter FROM regress_bi.cal_consensus
            UNION ALL SELECT 'quarterly', 'quarter', period_end, calendar_year, calendar_quarter FROM regress_bi.cal_quarterly) x
      GROUP BY v ORDER BY v$$,
    $$VALUES ('consensus', 0::bigint, true), ('latest', 0, true), ('levels', 0, true), ('quarterly', 0, true)$$,
    'every view with rows carries period_end and the calendar period derived from it');

-- ---- US dollars ---------------------------------------------------------------------------

CREATE TEMP VIEW usd AS
SELECT doc, fact_no, unit, value, usd_rate, value_usd FROM regress_bi.cal_detail
WHERE (doc, fact_no) IN (('tw1.txt', 1), ('tw1.txt', 3), ('tw1.txt', 4), ('cn.txt', 1), ('us.txt', 1), ('tw1.txt', 2))
ORDER BY doc, fact_no;
SELECT results_eq($$SELECT * FROM usd$$,
    $$VALUES ('cn.txt', 1, 'CNY', 1000000000000::numeric, NULL::numeric, NULL::numeric),
             ('tw1.txt', 1, 'TWD', 759690000000, NULL, NULL),
             ('tw1.txt', 2, '%', 57.8, NULL, NULL),
             ('tw1.txt', 3, 'TWD', 12.54, NULL, NULL),
             ('tw1.txt', 4, 'TWD', 314240000000, NULL, NULL),
             ('us.txt', 1, 'USD', 23500000000, 1, 23500000000)$$,
    'no rate: value_usd only for US dollars (rate 1, no row needed)');
INSERT INTO nvfacts.fx_rates (currency, day, usd) VALUES
    ('TWD', '2024-09-01', 0.0310), ('TWD', '2024-09-30', 0.0316), ('TWD', '2024-10-31', 0.0311),
    ('CNY', '2024-06-14', 0.1378), ('CNY', '2024-06-28', 0.1376);
SELECT results_eq($$SELECT * FROM usd$$,
    $$VALUES ('cn.txt', 1, 'CNY', 1000000000000::numeric, 0.1378::numeric, 137800000000::numeric),
             ('tw1.txt', 1, 'TWD', 759690000000, 0.0316, 24006204000),
             ('tw1.txt', 2, '%', 57.8, NULL, NULL),
             ('tw1.txt', 3, 'TWD', 12.54, 0.0316, 0.396264),
             ('tw1.txt', 4, 'TWD', 314240000000, 0.0311, 9772864000),
             ('us.txt', 1, 'USD', 23500000000, 1, 23500000000)$$,
    'with rates: the newest on or before period_end (2024-09-30, not 09-01 nor 10-31; October''s figure 10-31), or before the article''s date without a period (06-14, not 06-28); a percentage never');
SELECT is((SELECT (usd_rate, value_usd)::text FROM regress_bi.cal_consensus WHERE entity = 'TSMC' AND unit = 'TWD'
             AND metric = 'revenue' AND period_kind = 'quarter'),
    '(0.0316,24006204000)', 'consensus converts its agreed value the same way');
SELECT is((SELECT (usd_rate, value_usd)::text FROM regress_bi.cal_latest WHERE entity = 'Alibaba'),
    '(0.1378,137800000000)', '... and so does latest');
SELECT is((SELECT pg_catalog.array_agg((value, usd_rate, value_usd)::text ORDER BY value)::text FROM regress_bi.cal_levels
           WHERE entity = 'TSMC' AND metric = 'revenue'),
    '{"(23500000000,1,23500000000)","(314240000000,0.0311,9772864000)","(759690000000,0.0316,24006204000)","(759690000000,0.0316,24006204000)"}',
    '... and levels');

-- ---- the quarterly pivot --------------------------------------------------------------------

SELECT results_eq(
    $$SELECT jsonb_strip_nulls(to_jsonb(q)) FROM regress_bi.cal_quarterly q ORDER BY entity, fiscal_year, fiscal_quarter$$,
    $$VALUES
      ('{"entity": "Apple", "fiscal_year": 2024, "fiscal_quarter": 1, "period_end": "2023-12-31", "calendar_year": 2023, "calendar_quarter": 4,
         "revenue_actual": 119600000000, "eps_actual": 2.18}'::jsonb),
      ('{"entity": "Microsoft", "fiscal_year": 2024, "fiscal_quarter": 4, "period_end": "2024-06-30", "calendar_year": 2024, "calendar_quarter": 2,
         "revenue_actual": 64700000000, "net_income_actual": 22000000000, "capex_actual": 19000000000}'),
      ('{"entity": "Microsoft", "fiscal_year": 2025, "fiscal_quarter": 1, "period_end": "2024-09-30", "calendar_year": 2024, "calendar_quarter": 3,
         "revenue_guidance": 64000000000}'),
      ('{"entity": "NVIDIA", "fiscal_year": 2025, "fiscal_quarter": 1, "period_end": "2024-04-30", "calendar_year": 2024, "calendar_quarter": 2,
         "revenue_actual": 26044000000, "revenue_guidance": 24000000000, "net_income_actual": 14881000000,
         "gross_margin_actual": 78.4, "gross_margin_guidance": 77, "operating_income_actual": 16909000000,
         "eps_actual": 5.98, "data_center_revenue_actual": 22563000000}'),
      ('{"entity": "NVIDIA", "fiscal_year": 2025, "fiscal_quarter": 2, "period_end": "2024-07-31", "calendar_year": 2024, "calendar_quarter": 3,
         "revenue_guidance": 28000000000, "gross_margin_guidance": 75.5}'),
      ('{"entity": "TSMC", "fiscal_year": 2024, "fiscal_quarter": 3, "period_end": "2024-09-30", "calendar_year": 2024, "calendar_quarter": 3,
         "revenue_actual": 24006204000, "gross_margin_actual": 57.8, "eps_actual": 0.396264}')$$,
    'quarterly: one row per company and quarter; GAAP before an unstated basis before non-GAAP; a range''s midpoint; money in US dollars; the figure more articles give (TSMC''s NT$ in two, against US$ in one)');
DELETE FROM nvfacts.fx_rates WHERE currency = 'TWD';
SELECT is((SELECT (revenue_actual, eps_actual)::text FROM regress_bi.cal_quarterly WHERE entity = 'TSMC'),
    '(23500000000,)', 'without a NT$ rate, TSMC''s revenue is the US$ figure and its EPS is unknown');
SELECT is_empty($$SELECT FROM regress_bi.cal_quarterly WHERE fiscal_quarter IS NULL$$,
    'quarterly: no year, no month');

-- ---- nvfacts.fx_rates --------------------------------------------------------------------------

SELECT is((SELECT extcondition[array_position(extconfig, 'nvfacts.fx_rates'::regclass::oid)]
           FROM pg_extension WHERE extname = 'nvfacts'), '',
    'fx_rates is the user''s: pg_dump keeps every row');
SELECT ok(has_table_privilege('public', 'nvfacts.fx_rates', 'SELECT')
          AND NOT has_table_privilege('public', 'nvfacts.fx_rates', 'INSERT'),
    'everyone may read it (the views'' owners), only its owner may change it');
SELECT throws_ok($$INSERT INTO nvfacts.fx_rates VALUES ('twd', '2024-09-30', 0.03)$$, '23514', NULL,
    'a currency is an upper-case ISO code -- ERROR');
SELECT throws_ok($$INSERT INTO nvfacts.fx_rates VALUES ('EUR', '2024-09-30', 0)$$, '23514', NULL,
    'a rate is positive -- ERROR');
SELECT throws_ok($$INSERT INTO nvfacts.fx_rates VALUES ('CNY', '2024-06-14', 0.1379)$$, '23505', NULL,
    'one rate per currency and day -- ERROR');

SELECT * FROM finish();
ROLLBACK;
