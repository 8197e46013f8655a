-- Quantity values are what the text says and what money and counts can be:
-- a zero before 万/亿 stays zero, and magnitudes of 10^16 or more (亿亿,
-- a run of 亿, a scale word on a huge number) are no quantity at all.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(9);

SELECT results_eq($$SELECT surface, value, unit FROM nvfacts.quantities('营收为0亿美元')$$,
    $$VALUES ('0亿美元', 0::numeric, 'USD')$$, '0亿美元 is 0 USD, not 10^8');
SELECT results_eq($$SELECT surface, value, unit FROM nvfacts.quantities('用户0万')$$,
    $$VALUES ('0万', 0::numeric, 'count')$$, '0万 is 0, not 10^4');
SELECT results_eq($$SELECT surface, value, unit FROM nvfacts.quantities('零亿美元')$$,
    $$VALUES ('零亿美元', 0::numeric, 'USD')$$, '零亿美元 is 0 USD');
SELECT results_eq($$SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('英伟达本季度营收为0亿美元。')$$,
    $$VALUES (1, 'NVIDIA', 'revenue', 0::numeric, 'USD')$$, 'and extract() reports 0');
SELECT is_empty($$SELECT * FROM nvfacts.quantities('5' || repeat('亿', 20) || '美元')$$,
    '5 and twenty 亿 is no quantity (it was 5 x 10^160)');
SELECT is_empty($$SELECT * FROM nvfacts.quantities('一亿亿美元')$$, '10^16 is no quantity');
SELECT is_empty($$SELECT * FROM nvfacts.quantities('$90000000 trillion')$$,
    'nor a scale word that makes a number 10^19');
SELECT results_eq($$SELECT surface, value, unit FROM nvfacts.quantities('9999万亿日元')$$,
    $$VALUES ('9999万亿日元', 9999000000000000::numeric, 'JPY')$$, 'just below 10^16 is still read');
SELECT results_eq($$SELECT surface, value, unit FROM nvfacts.quantities('市值3万亿美元，融资0.5亿美元')$$,
    $$VALUES ('3万亿美元', 3000000000000::numeric, 'USD'), ('0.5亿美元', 50000000, 'USD')$$,
    'ordinary scales are unchanged');

SELECT * FROM finish();
ROLLBACK;
