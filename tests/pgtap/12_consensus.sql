-- Consensus, conflicts and the latest figure, row for row, on a hand-made
-- facts table: figures within 0.5% agree (the scorer's tolerance), beyond it
-- they conflict; units, segments and bases are keys of their own; a figure
-- with no period is in TARGET_latest only.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(13);

CREATE SCHEMA regress_bi;
DO $$ BEGIN PERFORM nvfacts.create_facts_table('regress_bi.hand'); END $$;

-- a.txt (2024-05-23), b.txt (2024-05-24), c.txt (2024-05-25), d.txt (no date), e.txt (its
-- date only in the table of articles)
INSERT INTO regress_bi.hand (doc, fact_no, entity, metric, segment, basis, measure, value, value_low, value_high,
                             unit, status, fiscal_year, fiscal_quarter, period_kind, period_end, evidence, published)
VALUES
('a.txt', 1, 'NVIDIA', 'revenue', NULL, NULL, 'level', 26044000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'a: revenue 260.44', '2024-05-23'),
('a.txt', 2, 'NVIDIA', 'revenue', 'gaming', NULL, 'level', 2647000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'a: gaming 26.47', '2024-05-23'),
('a.txt', 3, 'NVIDIA', 'revenue', 'data_center', NULL, 'level', 23000000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'a: data center 230', '2024-05-23'),
('a.txt', 4, 'NVIDIA', 'gross_margin', NULL, 'gaap', 'level', 78.4, NULL, NULL, '%', 'actual', 2025, 1, 'quarter', '2024-04-30', 'a: GAAP gross margin 78.4%', '2024-05-23'),
('a.txt', 5, 'NVIDIA', 'market_cap', NULL, NULL, 'level', 3000000000000, NULL, NULL, 'USD', 'actual', NULL, NULL, NULL, NULL, 'a: market cap 3T', '2024-05-23'),
('a.txt', 6, 'Meta', 'capex', NULL, NULL, 'level', NULL, 60000000000, 65000000000, 'USD', 'guidance', 2025, NULL, 'year', '2025-12-31', 'a: capex 600-650', '2024-05-23'),
('a.txt', 7, 'AMD', 'revenue', NULL, NULL, 'level', 5800000000, NULL, NULL, 'USD', 'actual', 2024, 2, 'quarter', '2024-06-30', 'a: AMD 58.00', '2024-05-23'),
('b.txt', 1, 'NVIDIA', 'revenue', NULL, NULL, 'level', 26000000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'b: revenue 260', '2024-05-24'),
('b.txt', 2, 'NVIDIA', 'revenue', 'gaming', NULL, 'level', 2600000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'b: gaming 26', '2024-05-24'),
('b.txt', 3, 'NVIDIA', 'revenue', 'data_center', NULL, 'level', 22600000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'b: data center 226', '2024-05-24'),
('b.txt', 4, 'NVIDIA', 'gross_margin', NULL, 'non_gaap', 'level', 78.9, NULL, NULL, '%', 'actual', 2025, 1, 'quarter', '2024-04-30', 'b: non-GAAP gross margin 78.9%', '2024-05-24'),
('b.txt', 5, 'NVIDIA', 'market_cap', NULL, NULL, 'level', 2200000000000, NULL, NULL, 'USD', 'actual', NULL, NULL, NULL, NULL, 'b: market cap 2.2T', '2024-05-24'),
('b.txt', 6, 'Meta', 'capex', NULL, NULL, 'level', NULL, 60000000000, 65000000000, 'USD', 'guidance', 2025, NULL, 'year', '2025-12-31', 'b: capex 600-650', '2024-05-24'),
('b.txt', 7, 'AMD', 'revenue', NULL, NULL, 'level', 5829000000, NULL, NULL, 'USD', 'actual', 2024, 2, 'quarter', '2024-06-30', 'b: AMD 58.29', '2024-05-24'),
('c.txt', 1, 'NVIDIA', 'revenue', NULL, NULL, 'level', 26100000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'c: revenue 261', '2024-05-25'),
('c.txt', 2, 'NVIDIA', 'revenue', 'data_center', NULL, 'level', 22563000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'c: data center 225.63', '2024-05-25'),
('c.txt', 3, 'AMD', 'revenue', NULL, NULL, 'level', 5835000000, NULL, NULL, 'USD', 'actual', 2024, 2, 'quarter', '2024-06-30', 'c: AMD 58.35', '2024-05-25'),
('c.txt', 4, 'NVIDIA', 'net_income', NULL, NULL, 'level', 14880000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'c: net income 148.8', '2024-05-25'),
('c.txt', 5, 'NVIDIA', 'net_income', NULL, NULL, 'level', 15200000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'c: net income 152', '2024-05-25'),
('c.txt', 6, 'TSMC', 'revenue', NULL, NULL, 'level', 759690000000, NULL, NULL, 'TWD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'c: TSMC NT$7596.9', '2024-05-25'),
('d.txt', 1, 'TSMC', 'revenue', NULL, NULL, 'level', 23500000000, NULL, NULL, 'USD', 'actual', 2024, 3, 'quarter', '2024-09-30', 'd: TSMC US$235', NULL),
('d.txt', 2, 'NVIDIA', 'revenue', NULL, NULL, 'level', 26044000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'd: revenue 260.44', NULL),
('d.txt', 3, 'NVIDIA', 'revenue', 'gaming', NULL, 'level', 2647000000, NULL, NULL, 'USD', 'actual', 2025, 1, 'quarter', '2024-04-30', 'd: gaming 26.47', NULL),
('d.txt', 4, NULL, 'unit_price', 'h100', NULL, 'level', 25000, NULL, NULL, 'USD', 'actual', 2024, NULL, 'year', '2024-12-31', 'd: H100 price', NULL),
('e.txt', 1, 'Apple', 'revenue', NULL, NULL, 'level', 119600000000, NULL, NULL, 'USD', 'actual', 2024, 1, 'quarter', '2023-12-31', 'e: Apple 1196', NULL);
INSERT INTO regress_bi.hand_articles (doc, title, published) VALUES
('a.txt', 'A', '2024-05-23'), ('b.txt', 'B', '2024-05-24'), ('d.txt', 'D', NULL), ('e.txt', 'E', '2024-02-02');

-- ---- consensus -------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT entity, metric, segment, basis, unit, status, fiscal_year, fiscal_quarter, value, value_low, value_high,
             documents, all_documents, agreement, conflict, first_published, last_published, doc, evidence
      FROM regress_bi.hand_consensus
      ORDER BY entity, metric, segment, basis, unit, status, fiscal_year, fiscal_quarter$$,
    $$VALUES
      ('AMD', 'revenue', NULL, NULL, 'USD', 'actual', 2024, 2, 5829000000, NULL::numeric, NULL::numeric, 3, 3, 1.000, false, '2024-05-23'::date, '2024-05-25'::date, 'b.txt', 'b: AMD 58.29'),
      ('Apple', 'revenue', NULL, NULL, 'USD', 'actual', 2024, 1, 119600000000, NULL, NULL, 1, 1, 1.000, false, '2024-02-02', '2024-02-02', 'e.txt', 'e: Apple 1196'),
      ('Meta', 'capex', NULL, NULL, 'USD', 'guidance', 2025, NULL, NULL, 60000000000, 65000000000, 2, 2, 1.000, false, '2024-05-23', '2024-05-24', 'b.txt', 'b: capex 600-650'),
      ('NVIDIA', 'gross_margin', NULL, 'gaap', '%', 'actual', 2025, 1, 78.4, NULL, NULL, 1, 1, 1.000, false, '2024-05-23', '2024-05-23', 'a.txt', 'a: GAAP gross margin 78.4%'),
      ('NVIDIA', 'gross_margin', NULL, 'non_gaap', '%', 'actual', 2025, 1, 78.9, NULL, NULL, 1, 1, 1.000, false, '2024-05-24', '2024-05-24', 'b.txt', 'b: non-GAAP gross margin 78.9%'),
      ('NVIDIA', 'net_income', NULL, NULL, 'USD', 'actual', 2025, 1, 14880000000, NULL, NULL, 1, 1, 1.000, true, '2024-05-25', '2024-05-25', 'c.txt', 'c: net income 148.8'),
      ('NVIDIA', 'revenue', 'data_center', NULL, 'USD', 'actual', 2025, 1, 22563000000, NULL, NULL, 2, 3, 0.667, true, '2024-05-24', '2024-05-25', 'c.txt', 'c: data center 225.63'),
      ('NVIDIA', 'revenue', 'gaming', NULL, 'USD', 'actual', 2025, 1, 2647000000, NULL, NULL, 2, 3, 0.667, true, '2024-05-23', '2024-05-23', 'a.txt', 'a: gaming 26.47'),
      ('NVIDIA', 'revenue', NULL, NULL, 'USD', 'actual', 2025, 1, 26044000000, NULL, NULL, 4, 4, 1.000, false, '2024-05-23', '2024-05-25', 'a.txt', 'a: revenue 260.44'),
      ('TSMC', 'revenue', NULL, NULL, 'TWD', 'actual', 2024, 3, 759690000000, NULL, NULL, 1, 1, 1.000, false, '2024-05-25', '2024-05-25', 'c.txt', 'c: TSMC NT$7596.9'),
      ('TSMC', 'revenue', NULL, NULL, 'USD', 'actual', 2024, 3, 23500000000, NULL, NULL, 1, 1, 1.000, false, NULL, NULL, 'd.txt', 'd: TSMC US$235')$$,
    'consensus: one row per key with a period; the figure most articles give within 0.5%, how many, the share');

-- the cases one by one (each also a row above)
SELECT is((SELECT (value, documents, conflict)::text FROM regress_bi.hand_consensus WHERE entity = 'AMD'),
    '(5829000000,3,f)',
    '58.00, 58.29 and 58.35: 58.29 is within 0.5% of both (58.00 and 58.35 are 0.6% apart): all three agree');
SELECT is((SELECT (value, documents, all_documents, agreement)::text FROM regress_bi.hand_consensus
           WHERE entity = 'NVIDIA' AND metric = 'revenue' AND segment IS NULL),
    '(26044000000,4,4,1.000)',
    '260.44, 260, 261 and 260.44 again agree; the figure two articles give exactly wins');
SELECT is((SELECT (value, documents, all_documents, agreement)::text FROM regress_bi.hand_consensus
           WHERE segment = 'gaming'),
    '(2647000000,2,3,0.667)',
    '26.47 (two articles) against 26 (one): 1.8% apart, a conflict; two of three agree');
SELECT is((SELECT (value, documents, all_documents, conflict)::text FROM regress_bi.hand_consensus
           WHERE metric = 'net_income'),
    '(14880000000,1,1,t)',
    'one article giving two figures 2% apart: its first, and a conflict');
SELECT is((SELECT pg_catalog.string_agg(unit || ' ' || value, ', ' ORDER BY unit) FROM regress_bi.hand_consensus
           WHERE entity = 'TSMC'),
    'TWD 759690000000, USD 23500000000',
    'figures in two currencies are two keys: never merged, never a conflict');
SELECT is_empty($$SELECT metric FROM regress_bi.hand_consensus WHERE metric = 'market_cap' OR entity IS NULL$$,
    'a figure with no period (a market cap) or of no company is in no consensus');

-- ---- conflicts ------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT entity, metric, segment, value, agreed, documents, docs, evidence, first_published, last_published
      FROM regress_bi.hand_conflicts ORDER BY entity, metric, segment, value$$,
    $$VALUES
      ('NVIDIA', 'net_income', NULL, 14880000000::numeric, true, 1, '{c.txt}'::text[], '{"c: net income 148.8"}'::text[], '2024-05-25'::date, '2024-05-25'::date),
      ('NVIDIA', 'net_income', NULL, 15200000000, false, 1, '{c.txt}', '{"c: net income 152"}', '2024-05-25', '2024-05-25'),
      ('NVIDIA', 'revenue', 'data_center', 22563000000, true, 1, '{c.txt}', '{"c: data center 225.63"}', '2024-05-25', '2024-05-25'),
      ('NVIDIA', 'revenue', 'data_center', 22600000000, true, 1, '{b.txt}', '{"b: data center 226"}', '2024-05-24', '2024-05-24'),
      ('NVIDIA', 'revenue', 'data_center', 23000000000, false, 1, '{a.txt}', '{"a: data center 230"}', '2024-05-23', '2024-05-23'),
      ('NVIDIA', 'revenue', 'gaming', 2600000000, false, 1, '{b.txt}', '{"b: gaming 26"}', '2024-05-24', '2024-05-24'),
      ('NVIDIA', 'revenue', 'gaming', 2647000000, true, 2, '{a.txt,d.txt}', '{"a: gaming 26.47","d: gaming 26.47"}', '2024-05-23', '2024-05-23')$$,
    'conflicts: every figure of a disputed key, whether it agrees, its articles (newest first, undated last) and sentences');
SELECT is((SELECT pg_catalog.count(DISTINCT (entity, metric, segment)) FROM regress_bi.hand_conflicts),
    (SELECT pg_catalog.count(*) FROM regress_bi.hand_consensus WHERE conflict),
    'the disputed keys are the consensus rows marked conflict');

-- ---- latest ---------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT metric, segment, basis, unit, fiscal_year, fiscal_quarter, value, doc, title, published, evidence, documents
      FROM regress_bi.hand_latest WHERE entity = 'NVIDIA' ORDER BY metric, segment, basis$$,
    $$VALUES
      ('gross_margin', NULL, 'gaap', '%', 2025, 1, 78.4, 'a.txt', 'A', '2024-05-23'::date, 'a: GAAP gross margin 78.4%', 1),
      ('gross_margin', NULL, 'non_gaap', '%', 2025, 1, 78.9, 'b.txt', 'B', '2024-05-24', 'b: non-GAAP gross margin 78.9%', 1),
      ('market_cap', NULL, NULL, 'USD', NULL, NULL, 2200000000000, 'b.txt', 'B', '2024-05-24', 'b: market cap 2.2T', 2),
      ('net_income', NULL, NULL, 'USD', 2025, 1, 14880000000, 'c.txt', NULL, '2024-05-25', 'c: net income 148.8', 1),
      ('revenue', 'data_center', NULL, 'USD', 2025, 1, 22563000000, 'c.txt', NULL, '2024-05-25', 'c: data center 225.63', 3),
      ('revenue', 'gaming', NULL, 'USD', 2025, 1, 2600000000, 'b.txt', 'B', '2024-05-24', 'b: gaming 26', 3),
      ('revenue', NULL, NULL, 'USD', 2025, 1, 26100000000, 'c.txt', NULL, '2024-05-25', 'c: revenue 261', 4)$$,
    'latest: one row per full key, the newest article''s figure and title, with the number of articles behind the key');
SELECT is((SELECT pg_catalog.string_agg(unit || ' ' || value || ' ' || doc, ', ' ORDER BY unit) FROM regress_bi.hand_latest
           WHERE entity = 'TSMC'),
    'TWD 759690000000 c.txt, USD 23500000000 d.txt',
    'latest keeps the unit in the key: two currencies, two rows');
SELECT is_empty($$SELECT metric FROM regress_bi.hand_latest WHERE entity IS NULL$$, 'latest: no figure of no company');

-- ---- the figure itself --------------------------------------------------------------------

SELECT results_eq(
    $$SELECT nvfacts.same_figure(100, NULL, NULL, 100.5, NULL, NULL), nvfacts.same_figure(100, NULL, NULL, 100.51, NULL, NULL),
             nvfacts.same_figure(-100, NULL, NULL, -100.5, NULL, NULL), nvfacts.same_figure(0, NULL, NULL, 0, NULL, NULL),
             nvfacts.same_figure(NULL, 60, 65, NULL, 60.2, 65.3), nvfacts.same_figure(NULL, 60, 65, NULL, 60, 66),
             nvfacts.same_figure(NULL, 60, NULL, NULL, 60, NULL), nvfacts.same_figure(62.5, 60, 65, NULL, 60, 65),
             nvfacts.same_figure(28, 27.44, 28.56, 28, NULL, NULL)$$,
    $$VALUES (true, false, true, true, true, false, true, false, true)$$,
    'same_figure: 0.5% of the larger, signs alike; ranges by both bounds; a point is no range; points by their value');

SELECT * FROM finish();
ROLLBACK;
