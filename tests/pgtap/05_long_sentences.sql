-- A sentence with many figures costs time in proportion to its length:
-- 2 MB of "5%" took 34 s (every byte was tested against every figure), and
-- a comma-separated run of figures with metric words took minutes.  Each
-- must now finish well inside a 10 s statement_timeout.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(3);

-- A cancel is not an error PL/pgSQL's WHEN OTHERS catches: this says which happened.
CREATE FUNCTION pg_temp.finishes(query text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE query;
    RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
    RETURN SQLERRM;
END $$;

SET LOCAL statement_timeout = '10s';
SELECT is(pg_temp.finishes($$SELECT count(*) FROM nvfacts.extract(repeat('5%', 1000000))$$),
    'finished', 'extract() of 2 MB of "5%" (one sentence, a million figures)');
SELECT is(pg_temp.finishes($$SELECT count(*) FROM nvfacts.extract(repeat('营收增长5%，', 1000000 / 17))$$),
    'finished', 'extract() of 1 MB of "营收增长5%，" (clauses, metric and cue words, figures)');
SELECT is(pg_temp.finishes($$SELECT count(*) FROM nvfacts.extract(repeat('英伟达营收5亿美元', 2000000 / 24))$$),
    'finished', 'extract() of 2 MB of "英伟达营收5亿美元" (no punctuation at all)');
SET LOCAL statement_timeout = 0;

SELECT * FROM finish();
ROLLBACK;
