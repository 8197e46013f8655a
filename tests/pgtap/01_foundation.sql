-- nvfacts.normalize(), nvfacts.quantities() and nvfacts.vocabulary(): their SQL
-- labels, the vocabularies the lexicon tables are checked against, and how they
-- behave on a 50 MB document: a statement_timeout cancels them within about a
-- second, memory stays bounded, and nothing survives the call.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(35);

-- ---- labels -----------------------------------------------------------------

SELECT is(extversion, (SELECT default_version FROM pg_available_extensions WHERE name = 'nvfacts'),
    'the installed version is the control file''s default_version')
FROM pg_extension WHERE extname = 'nvfacts';
SELECT has_schema('nvfacts', 'the extension owns schema nvfacts');

SELECT function_returns('nvfacts', 'normalize', ARRAY['text'], 'text', 'normalize(text) returns text');
SELECT volatility_is('nvfacts', 'normalize', ARRAY['text'], 'immutable', 'normalize() is IMMUTABLE');
SELECT is_strict('nvfacts', 'normalize', ARRAY['text'], 'normalize() is STRICT');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'nvfacts.normalize(text)'::regprocedure),
    's'::"char", 'normalize() is PARALLEL SAFE');
SELECT cmp_ok((SELECT procost FROM pg_proc WHERE oid = 'nvfacts.normalize(text)'::regprocedure),
    '>', 100::real, 'normalize() has a realistic COST');
SELECT isnt(obj_description('nvfacts.normalize(text)'::regprocedure, 'pg_proc'), NULL,
    'normalize() has a comment');

SELECT function_returns('nvfacts', 'quantities', ARRAY['text'], 'setof record', 'quantities(text) returns a set');
SELECT is(pg_get_function_result('nvfacts.quantities(text)'::regprocedure),
    'TABLE(span_start integer, span_end integer, surface text, value numeric, value_low numeric, value_high numeric, unit text, approx text)',
    'quantities() has the columns of the contract');
SELECT volatility_is('nvfacts', 'quantities', ARRAY['text'], 'immutable', 'quantities() is IMMUTABLE');
SELECT is_strict('nvfacts', 'quantities', ARRAY['text'], 'quantities() is STRICT');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'nvfacts.quantities(text)'::regprocedure),
    's'::"char", 'quantities() is PARALLEL SAFE');
SELECT cmp_ok((SELECT procost FROM pg_proc WHERE oid = 'nvfacts.quantities(text)'::regprocedure),
    '>', 1000::real, 'quantities() has a realistic COST');
SELECT isnt(obj_description('nvfacts.quantities(text)'::regprocedure, 'pg_proc'), NULL,
    'quantities() has a comment');

-- ---- the core's vocabularies -------------------------------------------------

SELECT volatility_is('nvfacts', 'vocabulary', ARRAY['text'], 'immutable', 'vocabulary() is IMMUTABLE');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'nvfacts.vocabulary(text)'::regprocedure),
    's'::"char", 'vocabulary() is PARALLEL SAFE');
SELECT is(nvfacts.vocabulary('unit'), '{USD,CNY,HKD,TWD,JPY,EUR,GBP,KRW,MYR,%,pp,x,count}'::text[],
    'the units extract() and quantities() give, in the core''s order');
SELECT is(nvfacts.vocabulary('currency'), '{USD,CNY,HKD,TWD,JPY,EUR,GBP,KRW,MYR}'::text[],
    'the currencies: the units that are money');
SELECT throws_ok($$INSERT INTO nvfacts.entities (entity, currency) VALUES ('Percent Corp', '%')$$, '23514', NULL,
    'an entity''s currency is a currency, not % (entities_currency_check)');
SELECT is(nvfacts.vocabulary('status') || nvfacts.vocabulary('basis') || nvfacts.vocabulary('measure'),
    '{actual,guidance,forecast,gaap,non_gaap,level,yoy,qoq,change,share,surprise}'::text[],
    'statuses, bases and measures are the contract''s (NULL, "not said", is no value)');
SELECT is(cardinality(nvfacts.vocabulary('cue_kind')), 44, 'the 44 cue kinds, from the one list in C');
SELECT throws_ok($$SELECT nvfacts.vocabulary('region')$$, '22023',
    'unknown nvfacts vocabulary "region"', 'an unknown vocabulary is an error that names it');
SELECT throws_ok($$INSERT INTO nvfacts.cues (word, kind) VALUES ('环比', 'sequential')$$, '23514',
    'new row for relation "cues" violates check constraint "cues_kind_check"',
    'a cue kind the core does not know is refused');
SELECT throws_ok($$INSERT INTO nvfacts.metric_aliases (alias, metric, basis) VALUES ('调整后营收', 'revenue', 'ifrs')$$,
    '23514', 'new row for relation "metric_aliases" violates check constraint "metric_aliases_basis_check"',
    'a basis the core does not know is refused');

-- a declaration that does not match the library (a half-done upgrade) is an error, not a crash
CREATE FUNCTION pg_temp.old_quantities(text) RETURNS TABLE (span_start int, surface text)
    AS '$libdir/nvfacts', 'nvf_quantities' LANGUAGE C STRICT;
SELECT throws_ok($$SELECT * FROM pg_temp.old_quantities('营收12亿美元')$$, '42804',
    'nvfacts.quantities() must return 8 columns, but its declaration has 2',
    'quantities() checks its result columns before filling them');
CREATE FUNCTION pg_temp.old_ingest_read(name, text[]) RETURNS TABLE (path text)
    AS '$libdir/nvfacts', 'nvf_ingest_read' LANGUAGE C;
SELECT throws_ok($$SELECT * FROM pg_temp.old_ingest_read('any', '{a.txt}')$$, '42804',
    'nvfacts.ingest_read() must return 7 columns, but its declaration has 1',
    'ingest_read() checks its result columns before it reads a file');

-- ---- 50 MB of article-like text ------------------------------------------

CREATE TEMP TABLE big AS
SELECT repeat('英伟达第一季度营收为260.44亿美元，同比增长262%，毛利率为78.4%。'
              'Shares rose 3% on Tuesday; 台積電 capex 300億美元。', 450000) AS body;
SELECT cmp_ok((SELECT octet_length(body) FROM big), '>=', 50000000, 'the document is at least 50 MB');

-- A cancel is not an error PL/pgSQL's WHEN OTHERS catches (so not pgTAP's
-- throws_ok): this catches query_canceled itself and says how long it took.
CREATE FUNCTION pg_temp.cancelled_within(query text, seconds numeric) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE query;
    RETURN 'not cancelled';
EXCEPTION WHEN query_canceled THEN
    RETURN SQLSTATE || ': ' || SQLERRM ||
        CASE WHEN clock_timestamp() - t0 < seconds * interval '1 s' THEN '' ELSE ' (too late)' END;
END $$;

SET LOCAL statement_timeout = '1s';
SELECT is(pg_temp.cancelled_within('SELECT count(*) FROM nvfacts.quantities((SELECT body FROM big))', 3),
    '57014: canceling statement due to statement timeout', 'statement_timeout 1s cancels quantities() on 50 MB');
SET LOCAL statement_timeout = '100ms';   -- normalize() does 50 MB in well under a second
SELECT is(pg_temp.cancelled_within('SELECT length(nvfacts.normalize((SELECT body FROM big)))', 3),
    '57014: canceling statement due to statement timeout', 'statement_timeout 100ms cancels normalize() on 50 MB');
SET LOCAL statement_timeout = '1s';
SELECT is(pg_temp.cancelled_within('SELECT count(*) FROM nvfacts.extract((SELECT body FROM big))', 3),
    '57014: canceling statement due to statement timeout', 'statement_timeout 1s cancels extract() on 50 MB');
SET LOCAL statement_timeout = 0;

-- The whole 50 MB, to the end; then the backend's peak resident memory (VmHWM)
-- and what is still allocated in its memory contexts.
SELECT is((SELECT count(*) FROM nvfacts.quantities((SELECT body FROM big))), 2250000::bigint,
    'quantities() finds all 2.25 million quantities of the 50 MB document');
SELECT cmp_ok((SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status')
                         FROM 'VmHWM:\s+(\d+) kB')::bigint / 1024),
    '<', 1024::bigint, 'the backend''s peak memory stays under 1 GB for a 50 MB document (MB)');

DROP TABLE big;
SELECT cmp_ok((SELECT sum(total_bytes) FROM pg_backend_memory_contexts) / (1024 * 1024), '<', 64::numeric,
    'after the call, the backend holds under 64 MB of memory contexts (nothing leaks across calls)');
SELECT is((SELECT count(*) FROM pg_backend_memory_contexts WHERE name LIKE 'nvfacts%' AND name <> 'nvfacts lexicon'),
    0::bigint, 'no nvfacts scratch context outlives its call (only the lexicon cache stays)');

SELECT * FROM finish();
ROLLBACK;
