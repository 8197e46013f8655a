-- nvfacts.extract(): its SQL surface (labels, the fact type, the lexicon
-- tables and their dump registration), exact rows for a few inputs, and a
-- lexicon row added in this transaction reaching the next call.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(72);

-- ---- the function ----------------------------------------------------------

SELECT has_function('nvfacts', 'extract', ARRAY['text', 'date'], 'nvfacts.extract(text, date) exists');
SELECT function_returns('nvfacts', 'extract', ARRAY['text', 'date'], 'setof nvfacts.fact',
    'extract() returns SETOF nvfacts.fact');
SELECT is(pg_get_function_arguments('nvfacts.extract(text, date)'::regprocedure),
    'doc text, published date DEFAULT NULL::date', 'published defaults to NULL');
SELECT is((SELECT provolatile FROM pg_proc WHERE oid = 'nvfacts.extract(text, date)'::regprocedure),
    's'::"char", 'extract() is STABLE (it reads the lexicon tables)');
SELECT isnt_strict('nvfacts', 'extract', ARRAY['text', 'date'],
    'extract() is not STRICT (published may be NULL)');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'nvfacts.extract(text, date)'::regprocedure),
    's'::"char", 'extract() is PARALLEL SAFE');
SELECT is((SELECT proretset FROM pg_proc WHERE oid = 'nvfacts.extract(text, date)'::regprocedure),
    true, 'extract() returns a set');
SELECT cmp_ok((SELECT procost FROM pg_proc WHERE oid = 'nvfacts.extract(text, date)'::regprocedure),
    '>', 1::real, 'extract() has a COST above the default');
SELECT isnt(obj_description('nvfacts.extract(text, date)'::regprocedure, 'pg_proc'), NULL,
    'extract() has a comment');

-- ---- the fact type, in the order of FACTS.md --------------------------------

SELECT has_type('nvfacts', 'fact', 'type nvfacts.fact exists');
SELECT columns_are('nvfacts', 'fact', ARRAY['doc', 'fact_no', 'entity', 'metric', 'segment',
    'basis', 'measure', 'value', 'value_low', 'value_high', 'unit', 'approx', 'status',
    'fiscal_year', 'fiscal_quarter', 'period_kind', 'period_end', 'period_text', 'span_start',
    'span_end', 'evidence'],
    'nvfacts.fact has the contract''s columns');
SELECT is(
    ARRAY(SELECT attname::text FROM pg_attribute
          WHERE attrelid = 'nvfacts.fact'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum),
    ARRAY['doc', 'fact_no', 'entity', 'metric', 'segment', 'basis', 'measure', 'value',
          'value_low', 'value_high', 'unit', 'approx', 'status', 'fiscal_year', 'fiscal_quarter',
          'period_kind', 'period_end', 'period_text', 'span_start', 'span_end', 'evidence'],
    'nvfacts.fact columns are in the contract''s order');
SELECT col_type_is('nvfacts', 'fact', 'doc', 'text', 'fact.doc is text');
SELECT col_type_is('nvfacts', 'fact', 'fact_no', 'integer', 'fact.fact_no is integer');
SELECT col_type_is('nvfacts', 'fact', 'entity', 'text', 'fact.entity is text');
SELECT col_type_is('nvfacts', 'fact', 'metric', 'text', 'fact.metric is text');
SELECT col_type_is('nvfacts', 'fact', 'segment', 'text', 'fact.segment is text');
SELECT col_type_is('nvfacts', 'fact', 'basis', 'text', 'fact.basis is text');
SELECT col_type_is('nvfacts', 'fact', 'measure', 'text', 'fact.measure is text');
SELECT col_type_is('nvfacts', 'fact', 'value', 'numeric', 'fact.value is numeric');
SELECT col_type_is('nvfacts', 'fact', 'value_low', 'numeric', 'fact.value_low is numeric');
SELECT col_type_is('nvfacts', 'fact', 'value_high', 'numeric', 'fact.value_high is numeric');
SELECT col_type_is('nvfacts', 'fact', 'unit', 'text', 'fact.unit is text');
SELECT col_type_is('nvfacts', 'fact', 'approx', 'text', 'fact.approx is text');
SELECT col_type_is('nvfacts', 'fact', 'status', 'text', 'fact.status is text');
SELECT col_type_is('nvfacts', 'fact', 'fiscal_year', 'integer', 'fact.fiscal_year is integer');
SELECT col_type_is('nvfacts', 'fact', 'fiscal_quarter', 'integer', 'fact.fiscal_quarter is integer');
SELECT col_type_is('nvfacts', 'fact', 'period_text', 'text', 'fact.period_text is text');
SELECT col_type_is('nvfacts', 'fact', 'period_kind', 'text', 'fact.period_kind is text');
SELECT col_type_is('nvfacts', 'fact', 'period_end', 'date', 'fact.period_end is date');
SELECT col_type_is('nvfacts', 'fact', 'span_start', 'integer', 'fact.span_start is integer');
SELECT col_type_is('nvfacts', 'fact', 'span_end', 'integer', 'fact.span_end is integer');
SELECT col_type_is('nvfacts', 'fact', 'evidence', 'text', 'fact.evidence is text');

-- ---- lexicon tables: present, registered for pg_dump with WHERE NOT builtin --

SELECT has_table('nvfacts', 'entities', 'table nvfacts.entities exists');
SELECT has_table('nvfacts', 'entity_aliases', 'table nvfacts.entity_aliases exists');
SELECT has_table('nvfacts', 'metrics', 'table nvfacts.metrics exists');
SELECT has_table('nvfacts', 'metric_aliases', 'table nvfacts.metric_aliases exists');
SELECT has_table('nvfacts', 'segments', 'table nvfacts.segments exists');
SELECT has_table('nvfacts', 'segment_aliases', 'table nvfacts.segment_aliases exists');
SELECT has_table('nvfacts', 'segment_readings', 'table nvfacts.segment_readings exists');
SELECT has_table('nvfacts', 'cues', 'table nvfacts.cues exists');

SELECT set_eq(
    $$SELECT unnest(extconfig)::regclass::text FROM pg_extension WHERE extname = 'nvfacts'$$,
    ARRAY['nvfacts.entities', 'nvfacts.entity_aliases', 'nvfacts.metrics', 'nvfacts.metric_aliases',
          'nvfacts.segments', 'nvfacts.segment_aliases', 'nvfacts.segment_readings', 'nvfacts.cues',
          'nvfacts.ingested_files', 'nvfacts.ingest_targets', 'nvfacts.fx_rates'],
    'pg_extension.extconfig holds exactly the eight lexicon tables, the ingest catalog (files, targets) and the exchange rates');

CREATE FUNCTION pg_temp.dump_condition(tab regclass) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT extcondition[array_position(extconfig, tab::oid)]
    FROM pg_extension WHERE extname = 'nvfacts'
$$;
SELECT is(pg_temp.dump_condition('nvfacts.entities'), 'WHERE NOT builtin',
    'nvfacts.entities: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.entity_aliases'), 'WHERE NOT builtin',
    'nvfacts.entity_aliases: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.metrics'), 'WHERE NOT builtin',
    'nvfacts.metrics: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.metric_aliases'), 'WHERE NOT builtin',
    'nvfacts.metric_aliases: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.segments'), 'WHERE NOT builtin',
    'nvfacts.segments: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.segment_aliases'), 'WHERE NOT builtin',
    'nvfacts.segment_aliases: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.segment_readings'), 'WHERE NOT builtin',
    'nvfacts.segment_readings: pg_dump keeps rows WHERE NOT builtin');
SELECT is(pg_temp.dump_condition('nvfacts.cues'), 'WHERE NOT builtin',
    'nvfacts.cues: pg_dump keeps rows WHERE NOT builtin');

-- shipped rows are marked builtin, and nothing else is
SELECT is((SELECT count(*) FROM nvfacts.entities WHERE NOT builtin), 0::bigint,
    'every shipped entity is builtin');
SELECT is((SELECT entity FROM nvfacts.entity_aliases WHERE alias = '英伟达'), 'NVIDIA',
    'shipped alias 英伟达 -> NVIDIA');
SELECT is((SELECT fiscal_year_end_month FROM nvfacts.entities WHERE entity = 'NVIDIA'), 1,
    'NVIDIA''s fiscal year ends in January');
SELECT is((SELECT metric FROM nvfacts.metric_aliases WHERE alias = '营收'), 'revenue',
    'shipped alias 营收 -> revenue');
SELECT is((SELECT segment FROM nvfacts.segment_aliases WHERE alias = '数据中心'), 'data_center',
    'shipped alias 数据中心 -> data_center');
SELECT is((SELECT owner FROM nvfacts.segments WHERE segment = 'h100'), 'NVIDIA',
    'h100 is an NVIDIA product');
-- a reading a user adds takes effect in the same session (the cached lexicon is rebuilt)
INSERT INTO nvfacts.segment_readings (segment, entity, reading) VALUES ('gaming', 'AMD', 'client_and_gaming');
SELECT is((SELECT string_agg(segment, ',' ORDER BY fact_no) FROM nvfacts.extract('AMD游戏业务收入13亿美元，腾讯游戏收入590亿元。')),
    'client_and_gaming,online_games',
    'a segment reading of the user''s (AMD''s gaming is client_and_gaming) applies beside the shipped one (Tencent''s)');
DELETE FROM nvfacts.segment_readings WHERE entity = 'AMD';

-- ---- exact rows for representative inputs -----------------------------------

SELECT results_eq(
    $$SELECT fact_no, entity, metric, segment, basis, measure, value, value_low, value_high,
             unit, approx, status, fiscal_year, fiscal_quarter, period_text, span_start, span_end
      FROM nvfacts.extract('英伟达2025财年第三季度营收为351亿美元，同比增长94%，其中数据中心营收为308亿美元。')
      ORDER BY fact_no$$,
    $$VALUES
      (1, 'NVIDIA'::text, 'revenue'::text, NULL::text, NULL::text, 'level'::text, 35100000000::numeric,
       NULL::numeric, NULL::numeric, 'USD'::text, NULL::text, 'actual'::text, 2025, 3, '2025财年第三季度'::text, 16, 22),
      (2, 'NVIDIA', 'revenue', NULL, NULL, 'yoy', 94, NULL, NULL, '%', NULL, 'actual', 2025, 3, '2025财年第三季度', 27, 30),
      (3, 'NVIDIA', 'revenue', 'data_center', NULL, 'level', 30800000000, NULL, NULL, 'USD', NULL, 'actual', 2025, 3, '2025财年第三季度', 40, 46)$$,
    'quarterly results: level, yoy and a segment, with period and spans');

SELECT results_eq(
    $$SELECT fact_no, entity, metric, segment, basis, measure, value, value_low, value_high,
             unit, approx, status, fiscal_year, fiscal_quarter, period_text, span_start, span_end
      FROM nvfacts.extract('英伟达预计下季度营收为375亿美元，上下浮动2%；GAAP与非GAAP毛利率预计分别为70.6%和71.0%，各自上下浮动50个基点。')
      ORDER BY fact_no$$,
    $$VALUES
      (1, 'NVIDIA'::text, 'revenue'::text, NULL::text, NULL::text, 'level'::text, 37500000000::numeric,
       36750000000::numeric, 38250000000::numeric, 'USD'::text, NULL::text, 'guidance'::text, NULL::int, NULL::int, '下季度'::text, 11, 17),
      (2, 'NVIDIA', 'gross_margin', NULL, 'gaap', 'level', 70.6, 70.1, 71.1, '%', NULL, 'guidance', NULL, NULL, NULL, 43, 48),
      (3, 'NVIDIA', 'gross_margin', NULL, 'non_gaap', 'level', 71.0, 70.5, 71.5, '%', NULL, 'guidance', NULL, NULL, NULL, 49, 54)$$,
    'outlook: tolerance on money and margins, 分别 over two bases');

SELECT results_eq(
    $$SELECT fact_no, entity, metric, measure, value, unit, status, span_start, span_end
      FROM nvfacts.extract('英伟达股价下跌5%，AMD股价上涨3%。') ORDER BY fact_no$$,
    $$VALUES (1, 'NVIDIA'::text, 'share_price'::text, 'change'::text, -5::numeric, '%'::text, 'actual'::text, 7, 9),
             (2, 'AMD', 'share_price', 'change', 3, '%', 'actual', 17, 19)$$,
    'two companies in one sentence, each with its own sign');

SELECT results_eq(
    $$SELECT fact_no, entity, metric, measure, value, unit, fiscal_quarter, period_text, span_start, span_end, evidence
      FROM nvfacts.extract('輝達第四季度營收為393億美元，按年增長78%。') ORDER BY fact_no$$,
    $$VALUES (1, 'NVIDIA'::text, 'revenue'::text, 'level'::text, 39300000000::numeric, 'USD'::text, 4, '第四季度'::text, 9, 15,
              '輝達第四季度營收為393億美元，按年增長78%。'::text),
             (2, 'NVIDIA', 'revenue', 'yoy', 78, '%', 4, '第四季度', 20, 23,
              '輝達第四季度營收為393億美元，按年增長78%。')$$,
    'traditional script: same facts, evidence in the original script');

-- ---- no rows ---------------------------------------------------------------

SELECT is_empty($$SELECT * FROM nvfacts.extract('今天北京天气晴朗，最高气温为25度，空气质量良好。')$$,
    'text about no company gives no rows');
SELECT is_empty($$SELECT * FROM nvfacts.extract('招商银行上半年实现营收1700亿元，同比下降3%。')$$,
    'a company outside the lexicon gives no rows');
SELECT is_empty($$SELECT * FROM nvfacts.extract('英伟达H100芯片集成了800亿个晶体管。')$$,
    'a transistor count is not a financial metric');
SELECT is_empty($$SELECT * FROM nvfacts.extract(NULL)$$, 'NULL doc gives no rows');
SELECT is_empty($$SELECT * FROM nvfacts.extract('')$$, 'empty doc gives no rows');

-- ---- a lexicon row added now reaches the next call in this session ----------

SELECT is_empty($$SELECT * FROM nvfacts.extract('塞雷布拉斯营收为2.8亿美元。')$$,
    'an unknown company gives no rows (and the lexicon is now cached)');
INSERT INTO nvfacts.entities (entity) VALUES ('Cerebras');
INSERT INTO nvfacts.entity_aliases (alias, entity) VALUES ('塞雷布拉斯', 'Cerebras');
SELECT results_eq(
    $$SELECT entity, metric, value, unit FROM nvfacts.extract('塞雷布拉斯营收为2.8亿美元。')$$,
    $$VALUES ('Cerebras'::text, 'revenue'::text, 280000000::numeric, 'USD'::text)$$,
    'the new alias is used by the next extract() call');
SELECT is((SELECT builtin FROM nvfacts.entity_aliases WHERE alias = '塞雷布拉斯'), false,
    'a user''s row is not builtin (pg_dump keeps it)');

SELECT is_empty($$SELECT * FROM nvfacts.extract('英伟达本季度进账350亿美元。')$$,
    '进账 is not a shipped metric word: no rows');
INSERT INTO nvfacts.metric_aliases (alias, metric) VALUES ('进账', 'revenue');
SELECT results_eq(
    $$SELECT entity, metric, value, span_start FROM nvfacts.extract('英伟达本季度进账350亿美元。')$$,
    $$VALUES ('NVIDIA'::text, 'revenue'::text, 35000000000::numeric, 8)$$,
    'a new metric alias is used by the next extract() call');

DELETE FROM nvfacts.entities WHERE entity = 'Cerebras';
SELECT is_empty($$SELECT * FROM nvfacts.extract('塞雷布拉斯营收为2.8亿美元。')$$,
    'a deleted entity (and its aliases, by cascade) is gone from the next call');

SELECT * FROM finish();
ROLLBACK;
