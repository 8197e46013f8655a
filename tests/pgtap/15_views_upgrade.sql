-- A facts table made by nvfacts 0.1.0 (its TARGET_latest and TARGET_levels of
-- then), after ALTER EXTENSION nvfacts UPDATE: nvfacts.create_facts_views()
-- gives it today's views over its rows, its table of articles and comments.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
\getenv data NVFACTS_DATA
SELECT :'data' || '/bi' AS dir_bi \gset

SELECT plan(6);

DROP EXTENSION IF EXISTS nvfacts CASCADE;
CREATE EXTENSION nvfacts VERSION '0.1.0';
CREATE SERVER regress_old FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_bi', pattern '*.txt');
-- 0.1.0's ingest() makes the table and its views; its files fail (the installed library is
-- today's, whose lexicon 0.1.0's tables lack): they are loaded after the update
SET LOCAL client_min_messages = error;
CALL nvfacts.ingest('regress_old', 'public.regress_old_facts');
RESET client_min_messages;
SELECT is((SELECT string_agg(relname || ' ' || relkind::text, ', ' ORDER BY relname) FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relname LIKE 'regress\_old\_facts%' AND relkind IN ('r', 'v')),
    'regress_old_facts r, regress_old_facts_latest v, regress_old_facts_levels v',
    '0.1.0 made the facts table with two views');

ALTER EXTENSION nvfacts UPDATE;
SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('regress_old', 'public.regress_old_facts', reload => true);
RESET client_min_messages;
SELECT lives_ok($$SELECT nvfacts.create_facts_views('public.regress_old_facts')$$,
    'after the update, create_facts_views() on it');
SELECT is((SELECT string_agg(relname || ' ' || relkind::text, ', ' ORDER BY relname) FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relname LIKE 'regress\_old\_facts\_%' AND relkind IN ('r', 'v')),
    'regress_old_facts_articles r, regress_old_facts_conflicts v, regress_old_facts_consensus v, '
    'regress_old_facts_detail v, regress_old_facts_latest v, regress_old_facts_levels v, regress_old_facts_quarterly v',
    '... gives it the table of articles and the six views');
SELECT ok((SELECT bool_and(attname <> 'unit' OR attnum = 6) FROM pg_attribute
           WHERE attrelid = 'public.regress_old_facts_latest'::regclass AND attnum > 0),
    '... latest with the unit in its key (the sixth column)');
SELECT results_eq(
    $$SELECT entity, fiscal_year, fiscal_quarter, value, documents, all_documents, conflict
      FROM public.regress_old_facts_consensus
      WHERE entity = 'NVIDIA' AND metric = 'revenue' AND measure = 'level' AND segment = 'gaming'$$,
    $$VALUES ('NVIDIA', 2025, 1, 2600000000::numeric, 1, 2, true)$$,
    '... and consensus over its rows');
SELECT is_empty($$SELECT relation, col FROM (
                    SELECT c.relname::text AS relation, a.attname::text AS col
                    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relname LIKE 'regress\_old\_facts%'
                      AND c.relkind IN ('r', 'v') AND col_description(c.oid, a.attnum) IS NULL) u$$,
    '... every column commented');

SELECT * FROM finish();
ROLLBACK;
