-- Memory: normalize() of a text that grows fourfold under normalization
-- peaks at about its input plus its output (it is repaired block by block,
-- as extract() reads it), and a statement of many calls of a set-returning
-- function keeps nothing per call (each SRF reuses the expected row
-- descriptor).  Measured on the backend itself: VmHWM and VmRSS of
-- /proc/self/status.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(6);

CREATE FUNCTION pg_temp.vm_kb(field text) RETURNS bigint LANGUAGE sql AS $$
    SELECT substring(pg_read_file('/proc/self/status') FROM field || ':\s+(\d+) kB')::bigint
$$;

-- ---- normalize(): first, while the backend's peak is still low ---------------

-- 20 MB of U+337F, which NFKC makes four ideographs (80 MB)
CREATE TEMP TABLE expands AS SELECT repeat(U&'\337F', 20000000 / 3) AS doc;
SELECT pg_temp.vm_kb('VmHWM') AS hwm_before \gset
SELECT octet_length(doc) AS in_bytes, octet_length(nvfacts.normalize(doc)) AS out_bytes FROM expands \gset
SELECT is(:out_bytes::bigint, 4 * :in_bytes::bigint, 'the fixture: normalize() makes 20 MB into 80 MB');
SELECT cmp_ok((pg_temp.vm_kb('VmHWM') - :hwm_before) * 1024, '<', :in_bytes::bigint + 2 * :out_bytes::bigint,
    'normalize() peaks under its input plus twice its output (it peaked near 30 times the input)');
DROP TABLE expands;

-- ---- many calls in one statement: resident memory flat after the first 1000 ---

-- growth(query over g): resident kB gained between g = 1000 and the last row
CREATE FUNCTION pg_temp.growth_kb(calls int, srf text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE r bigint;
BEGIN
    EXECUTE format($q$
        SELECT max(rss) - min(rss) FROM (
            SELECT CASE WHEN g IN (1000, %1$s) THEN pg_temp.vm_kb('VmRSS') END AS rss
            FROM generate_series(1, %1$s) g, LATERAL (%2$s) x) y$q$, calls, srf) INTO r;
    RETURN r;
END $$;

SELECT cmp_ok(pg_temp.growth_kb(200000, $$SELECT * FROM nvfacts.quantities('营收' || g || '亿美元')$$),
    '<', 8192::bigint, '200,000 calls of quantities() in FROM: under 8 MB more (it kept 0.8 kB a call)');
SELECT cmp_ok(pg_temp.growth_kb(200000, $$SELECT nvfacts.quantities('营收' || g || '亿美元')$$),
    '<', 8192::bigint, '... and in the target list');
SELECT cmp_ok(pg_temp.growth_kb(50000, $$SELECT * FROM nvfacts.extract('英伟达营收' || g || '亿美元')$$),
    '<', 8192::bigint, '50,000 calls of extract(): under 8 MB more');
CREATE SERVER regress_mem FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SELECT cmp_ok(pg_temp.growth_kb(20000, $$SELECT * FROM nvfacts.article_files('regress_mem') WHERE g > 0$$),
    '<', 8192::bigint, '20,000 calls of article_files(): under 8 MB more');

SELECT * FROM finish();
ROLLBACK;
