-- nvfacts_fdw: every option and its errors, who may set directory, what a
-- scan returns (articles and facts) from tests/data/loader, EXPLAIN, each
-- encoding of tests/data/encodings, bad files under on_error stop and skip,
-- and paths that try to leave the directory.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader' AS loader, :'data' || '/encodings' AS encodings,
       :'data' || '/loader/ok' AS dir_ok, :'data' || '/loader/bad' AS dir_bad,
       :'data' || '/loader/escape' AS dir_escape, :'data' || '/articles' AS samples,
       :'data' || '/loader/dates' AS dates \gset

SELECT plan(65);

-- ---- options, checked at CREATE and ALTER ---------------------------------

SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw$$,
    'HV002', 'nvfacts_fdw servers need the option "directory"', 'a server without directory is refused');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory 'news')$$,
    '22023', 'invalid value for nvfacts_fdw option "directory": "news"', 'directory must be absolute');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', colour 'red')$$,
    'HV00D', 'invalid option "colour" for nvfacts_fdw', 'an unknown option is refused');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', content 'facts')$$,
    'HV00D', 'invalid option "content" for nvfacts_fdw', 'content is a table option, not a server one');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', recursive 'often')$$,
    '42601', 'recursive requires a Boolean value', 'recursive is a boolean');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', encoding 'klingon')$$,
    '22023', 'invalid value for nvfacts_fdw option "encoding": "klingon"', 'an unknown encoding is refused');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', on_error 'ignore')$$,
    '22023', 'invalid value for nvfacts_fdw option "on_error": "ignore"', 'on_error is stop or skip');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', max_file_size '0')$$,
    '22023', 'invalid value for nvfacts_fdw option "max_file_size": "0"', 'max_file_size is positive');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', max_file_size '3 parsecs')$$,
    '22023', 'invalid value for nvfacts_fdw option "max_file_size": "3 parsecs"', 'max_file_size takes bytes, kB, MB, GB');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', max_file_size 'nan')$$,
    '22023', 'invalid value for nvfacts_fdw option "max_file_size": "nan"', 'max_file_size nan is refused');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', max_file_size '0x10')$$,
    '22023', 'invalid value for nvfacts_fdw option "max_file_size": "0x10"', 'max_file_size 0x10 is refused (sizes are read as pg_size_bytes() reads them)');
SELECT lives_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', max_file_size '1.5 kB');
                  DROP SERVER s0$$, 'max_file_size 1.5 kB is a size');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', pattern '../*.txt')$$,
    '22023', 'invalid value for nvfacts_fdw option "pattern": "../*.txt"', 'a pattern may not climb out');
SELECT throws_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv', pattern '/etc/*')$$,
    '22023', 'invalid value for nvfacts_fdw option "pattern": "/etc/*"', 'a pattern is relative');
SELECT lives_ok($$CREATE SERVER s0 FOREIGN DATA WRAPPER nvfacts_fdw
    OPTIONS (directory '/srv', pattern '*.txt', recursive 'on', encoding 'gb18030', on_error 'skip', max_file_size '16MB')$$,
    'a server with every server option');
SELECT throws_ok($$ALTER SERVER s0 OPTIONS (DROP directory)$$,
    'HV002', 'nvfacts_fdw servers need the option "directory"', 'directory cannot be dropped');
SELECT throws_ok($$CREATE FOREIGN TABLE t0 (doc text) SERVER s0 OPTIONS (directory '/tmp')$$,
    'HV00D', 'invalid option "directory" for nvfacts_fdw', 'directory is a server option, not a table one');
SELECT throws_ok($$CREATE FOREIGN TABLE t0 (doc text) SERVER s0 OPTIONS (content 'tweets')$$,
    '22023', 'invalid value for nvfacts_fdw option "content": "tweets"', 'content is articles or facts');
SELECT lives_ok($$CREATE FOREIGN TABLE t0 (doc text) SERVER s0
    OPTIONS (content 'facts', pattern '*.html', recursive 'off', encoding 'auto', on_error 'stop', max_file_size '1024')$$,
    'a foreign table with every table option');
SELECT throws_ok($$ALTER FOREIGN TABLE t0 OPTIONS (SET encoding 'utf-9')$$,
    '22023', 'invalid value for nvfacts_fdw option "encoding": "utf-9"', 'ALTER is validated too');

-- ---- privileges -------------------------------------------------------------

CREATE ROLE regress_nvf_user;
GRANT USAGE ON FOREIGN DATA WRAPPER nvfacts_fdw TO regress_nvf_user;
GRANT CREATE ON SCHEMA public TO regress_nvf_user;
SET ROLE regress_nvf_user;
SELECT throws_ok($$CREATE SERVER s1 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/etc')$$,
    '42501', 'permission denied to set option "directory" of nvfacts_fdw',
    'a role without pg_read_server_files may not set directory');
SELECT throws_ok($$SELECT * FROM nvfacts.article_files('s0')$$,
    '42501', 'permission denied for foreign server s0', 'article_files() needs USAGE on the server');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('s0', 'a.txt')$$,
    '42501', 'permission denied for foreign server s0', 'read_article() needs USAGE on the server');
RESET ROLE;
GRANT pg_read_server_files TO regress_nvf_user;
SET ROLE regress_nvf_user;
SELECT lives_ok($$CREATE SERVER s1 FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/etc')$$,
    'a member of pg_read_server_files may set directory');
RESET ROLE;

-- ---- articles ---------------------------------------------------------------

CREATE SERVER loader_ok FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
CREATE FOREIGN TABLE ok_articles (doc text, published date, title text, encoding text, bytes bigint, body text)
    SERVER loader_ok;
SELECT results_eq($$SELECT doc, published, title, encoding, bytes FROM ok_articles$$,
    $$VALUES ('a.txt', '2025-01-16'::date, '台积电四季度净利润同比增长57%', 'UTF-8', 232::bigint),
             ('b.txt', NULL, '微软云业务继续扩张', 'UTF-8', 129),
             ('link.txt', '2025-01-16'::date, '台积电四季度净利润同比增长57%', 'UTF-8', 232)$$,
    'one row per *.txt file, sorted by path; a link inside the directory is followed');
SELECT is((SELECT body FROM ok_articles WHERE doc = 'a.txt'), pg_read_file(:'loader' || '/ok/a.txt'),
    'body is the file''s text');
ALTER FOREIGN TABLE ok_articles OPTIONS (ADD recursive 'true');
SELECT results_eq($$SELECT doc FROM ok_articles$$, $$VALUES ('a.txt'), ('b.txt'), ('link.txt'), ('sub/c.txt')$$,
    'recursive descends into subdirectories');
ALTER FOREIGN TABLE ok_articles OPTIONS (ADD pattern 'sub/*.txt');
SELECT results_eq($$SELECT doc FROM ok_articles$$, $$VALUES ('sub/c.txt')$$,
    'a pattern with a slash matches relative paths');
ALTER FOREIGN TABLE ok_articles OPTIONS (SET pattern '*.md');
SELECT results_eq($$SELECT doc, title FROM ok_articles$$, $$VALUES ('notes.md', '# notes')$$,
    'the table''s pattern overrides the server''s');
ALTER FOREIGN TABLE ok_articles OPTIONS (DROP pattern, DROP recursive);
SELECT results_eq($$SELECT doc, bytes FROM ok_articles WHERE bytes > 200$$, $$VALUES ('a.txt', 232::bigint), ('link.txt', 232)$$,
    'quals are applied');
SELECT results_eq($$SELECT path, bytes FROM nvfacts.article_files('loader_ok')$$,
    $$VALUES ('a.txt', 232::bigint), ('b.txt', 129), ('link.txt', 232)$$, 'article_files() lists what a scan reads');
CREATE SERVER loader_tree FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt', recursive 'true');
SELECT results_eq($$SELECT doc, encoding, bytes, sha256 FROM nvfacts.read_article('loader_tree', 'sub/c.txt')$$,
    $$SELECT 'sub/c.txt', 'UTF-8', 145::bigint, encode(sha256(pg_read_binary_file($$ || quote_literal(:'loader' || '/ok/sub/c.txt') || $$)), 'hex')$$,
    'read_article() reads one file, with the SHA-256 of its bytes');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('loader_ok', 'sub/c.txt')$$, '22023',
    'could not load article file "sub/c.txt": it is in a subdirectory and option recursive is off',
    'read_article() keeps to the server''s recursive option');

CREATE FOREIGN TABLE bad_columns (doc text, colour text) SERVER loader_ok;
SELECT throws_ok($$SELECT * FROM bad_columns$$, '42804',
    'column "colour" of foreign table "bad_columns" is not a column of nvfacts_fdw content ''articles''',
    'an unknown column is named');
CREATE FOREIGN TABLE bad_types (doc text, bytes int) SERVER loader_ok;
SELECT throws_ok($$SELECT * FROM bad_types$$, '42804',
    'column "bytes" of foreign table "bad_types" must have type bigint', 'a column of the wrong type is named');

-- ---- facts ------------------------------------------------------------------

CREATE FOREIGN TABLE ok_facts (doc text, fact_no int, entity text, metric text, measure text,
    value numeric, value_low numeric, value_high numeric, unit text, status text,
    fiscal_year int, fiscal_quarter int, span_start int, span_end int)
    SERVER loader_ok OPTIONS (content 'facts');
SELECT set_eq($$SELECT * FROM ok_facts$$,
    $$SELECT a.doc, f.fact_no, f.entity, f.metric, f.measure, f.value, f.value_low, f.value_high, f.unit,
             f.status, f.fiscal_year, f.fiscal_quarter, f.span_start, f.span_end
      FROM ok_articles a, nvfacts.extract(a.body) f$$,
    'content facts = extract() of every article, doc filled');
SELECT results_eq($$SELECT entity, metric, measure, value, value_low, value_high, unit, status
                    FROM ok_facts WHERE doc = 'a.txt' ORDER BY fact_no$$,
    $$VALUES ('TSMC', 'net_income', 'yoy', 57::numeric, NULL::numeric, NULL::numeric, '%', 'actual'),
             ('TSMC', 'revenue', 'level', 26880000000, NULL, NULL, 'USD', 'actual'),
             ('TSMC', 'revenue', 'yoy', 37, NULL, NULL, '%', 'actual'),
             ('TSMC', 'gross_margin', 'level', 59, NULL, NULL, '%', 'actual'),
             ('TSMC', 'capex', 'level', NULL, 38000000000, 42000000000, 'USD', 'guidance')$$,
    'the facts of a.txt, exactly');

-- ---- EXPLAIN and estimates --------------------------------------------------

CREATE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;
SELECT results_eq($$SELECT * FROM pg_temp.explain('SELECT doc FROM ok_articles')$$,
    ARRAY['Foreign Scan on ok_articles', '  Directory: ' || :'loader' || '/ok', '  Pattern: *.txt',
          '  Content: articles', '  Files: 3'],
    'EXPLAIN shows directory, pattern, content and the number of files');
CREATE FUNCTION pg_temp.plan_rows(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j; RETURN (j->0->'Plan'->>'Plan Rows')::numeric; END $$;
SELECT is(pg_temp.plan_rows('SELECT * FROM ok_articles'), 3::numeric, 'the planner expects one row per file');
SELECT cmp_ok(pg_temp.plan_rows('SELECT * FROM ok_facts'), '>=', 1::numeric, 'and facts in proportion to bytes');

-- ---- encodings: the same article saved seven ways ---------------------------

-- corrupt-utf8.txt is there too: skipped (its WARNINGs are not shown)
CREATE SERVER enc FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'encodings', pattern '*.txt', on_error 'skip');
SET LOCAL client_min_messages = error;
CREATE FOREIGN TABLE enc_articles (doc text, encoding text, body text) SERVER enc;
CREATE FOREIGN TABLE enc_facts (doc text, fact_no int, entity text, metric text, measure text, value numeric,
    unit text, status text, fiscal_year int, fiscal_quarter int, span_start int, span_end int)
    SERVER enc OPTIONS (content 'facts');
SELECT results_eq($$SELECT doc, encoding FROM enc_articles WHERE doc <> 'corrupt-utf8.txt'$$,
    $$VALUES ('big5.txt', 'Big5'), ('crlf-utf8.txt', 'UTF-8'), ('gb18030.txt', 'GB18030'),
             ('utf16be.txt', 'UTF-16BE'), ('utf16le.txt', 'UTF-16LE'), ('utf8-bom.txt', 'UTF-8'),
             ('utf8.txt', 'UTF-8')$$,
    'each encoding is detected');
SELECT is((SELECT count(DISTINCT body) FROM enc_articles WHERE doc <> 'corrupt-utf8.txt'), 1::bigint,
    'every encoding decodes to the same text (BOM dropped, CRLF made LF)');
SELECT cmp_ok((SELECT count(*) FROM enc_facts WHERE doc = 'utf8.txt'), '>=', 3::bigint, 'the article has facts');
SELECT is((SELECT count(*) FROM (
        SELECT doc, fact_no, entity, metric, measure, value, unit, status, fiscal_year, fiscal_quarter, span_start, span_end
        FROM enc_facts WHERE doc NOT IN ('utf8.txt', 'corrupt-utf8.txt')
        EXCEPT
        SELECT d.doc, fact_no, entity, metric, measure, value, unit, status, fiscal_year, fiscal_quarter, span_start, span_end
        FROM enc_facts, (SELECT DISTINCT doc FROM enc_facts) d WHERE enc_facts.doc = 'utf8.txt') x), 0::bigint,
    'every encoding yields exactly the facts of the UTF-8 file');
SELECT is((SELECT count(*) FROM enc_facts WHERE doc <> 'corrupt-utf8.txt'),
    (SELECT count(*) * 7 FROM enc_facts WHERE doc = 'utf8.txt'), '... and no more');
ALTER FOREIGN TABLE enc_articles OPTIONS (ADD encoding 'big5', ADD pattern 'big5.txt');
SELECT is((SELECT body FROM enc_articles), (SELECT body FROM nvfacts.read_article('enc', 'utf8.txt')),
    'a named encoding is used as given');
ALTER FOREIGN TABLE enc_articles OPTIONS (SET encoding 'utf8', SET pattern 'gb18030.txt', ADD on_error 'stop');
SELECT throws_like($$SELECT * FROM enc_articles$$,
    'could not load article file "gb18030.txt": invalid byte sequence for encoding UTF-8 at byte offset %',
    'a file that is not in the named encoding is refused, with the offset');
RESET client_min_messages;

-- ---- bad files: on_error stop and skip ------------------------------------

CREATE SERVER bad FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_bad');
CREATE FOREIGN TABLE bad_articles (doc text, bytes bigint) SERVER bad;
SELECT throws_ok($$SELECT * FROM bad_articles$$, '22021',
    'could not load article file "corrupt.txt": invalid byte sequence for encoding UTF-8 at byte offset 6',
    'on_error stop: a corrupt file stops the scan, named');
ALTER FOREIGN TABLE bad_articles OPTIONS (ADD pattern 'image.txt');
SELECT throws_ok($$SELECT * FROM bad_articles$$, '22021',
    'could not load article file "image.txt": binary content (NUL byte at byte offset 8)',
    'on_error stop: a binary file stops the scan, named');
ALTER FOREIGN TABLE bad_articles OPTIONS (DROP pattern, ADD on_error 'skip');
SET LOCAL client_min_messages = error;
SELECT results_eq($$SELECT doc, bytes FROM bad_articles$$, $$VALUES ('good.txt', 63::bigint)$$,
    'on_error skip: bad files are skipped (with a WARNING each) and the scan goes on');
RESET client_min_messages;
ALTER FOREIGN TABLE bad_articles OPTIONS (SET on_error 'stop', ADD max_file_size '32', ADD pattern 'good.txt');
SELECT throws_ok($$SELECT * FROM bad_articles$$, '54000',
    'could not load article file "good.txt": it is 63 bytes, more than max_file_size (32 bytes)',
    'max_file_size refuses larger files');
SELECT throws_like($$SELECT * FROM nvfacts.extract((SELECT body FROM nvfacts.read_article('bad', 'corrupt.txt')))$$,
    'could not load article file "corrupt.txt": %', 'read_article() raises the same error');

-- ---- paths that leave the directory -----------------------------------------

CREATE SERVER esc FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_escape');
CREATE FOREIGN TABLE esc_articles (doc text) SERVER esc;
SELECT throws_ok($$SELECT * FROM esc_articles$$, '42501',
    'could not load article file "outside.txt": it is a symbolic link that leads outside the directory',
    'a symbolic link pointing outside the directory is refused (where it points is not said)');
ALTER FOREIGN TABLE esc_articles OPTIONS (ADD on_error 'skip');
SET LOCAL client_min_messages = error;
SELECT results_eq($$SELECT doc FROM esc_articles$$, $$VALUES ('inside.txt')$$, '... or skipped under on_error skip');
RESET client_min_messages;
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('esc', '../ok/a.txt')$$, '22023',
    'could not load article file "../ok/a.txt": the path must be relative to the directory, without ".."',
    'read_article() refuses ..');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('esc', '/etc/passwd')$$, '22023',
    'could not load article file "/etc/passwd": the path must be relative to the directory, without ".."',
    'read_article() refuses absolute paths');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('esc', 'outside.txt')$$, '42501',
    'could not load article file "outside.txt": it is a symbolic link that leads outside the directory',
    'read_article() refuses a link out');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('esc', 'missing.txt')$$, '58P01',
    'could not load article file "missing.txt": No such file or directory', 'a missing file is named');
CREATE SERVER nowhere FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/nonexistent/news');
CREATE FOREIGN TABLE nowhere_articles (doc text) SERVER nowhere;
SELECT throws_ok($$SELECT * FROM nowhere_articles$$, '58P01',
    'could not open directory "/nonexistent/news" of server "nowhere": No such file or directory',
    'a missing directory is named');

-- ---- titles: the first line that reads like a headline ---------------------

CREATE SERVER samples FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'samples', pattern '*.txt');
SELECT results_eq($$SELECT doc, title FROM nvfacts.read_article('samples', 'nv-q1-simplified.txt')
                    UNION ALL
                    SELECT doc, title FROM nvfacts.read_article('samples', 'nv-traditional-pinyin.txt')$$,
    $$VALUES ('nv-q1-simplified.txt', '英伟达第一财季财报速读：营收超260亿美元，数据中心独挑大梁'),
             ('nv-traditional-pinyin.txt', '輝達業績(jì)前瞻：AI晶片需求未見降溫　首季營收料再創(chuàng)新高')$$,
    'navigation bars, breadcrumbs and lone dashes are not titles');

-- ---- published: the date printed in the page, when there is such a day -----

CREATE SERVER dates FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dates');
CREATE FOREIGN TABLE dated (doc text, published date) SERVER dates;
SELECT results_eq($$SELECT doc, published FROM dated$$,
    $$VALUES ('feb29-2023.txt', NULL::date), ('feb29.txt', '2024-02-29'), ('feb31.txt', NULL)$$,
    'published 2024-02-29 is read; 2024-02-31 and 2023-02-29 are no dates (not 2024-03-02)');

-- ---- ingest(): one facts table per server ---------------------------------

SET LOCAL client_min_messages = warning;
CALL nvfacts.ingest('loader_ok', 'public.regress_ok_facts');
RESET client_min_messages;
SELECT set_eq($$SELECT doc, fact_no, entity, metric, value, unit FROM public.regress_ok_facts$$,
    $$SELECT a.doc, f.fact_no, f.entity, f.metric, f.value, f.unit FROM ok_articles a, nvfacts.extract(a.body) f$$,
    'ingest() loads what extract() finds in every file');
SELECT results_eq($$SELECT t.server, f.path, f.status FROM nvfacts.ingested_files f JOIN nvfacts.ingest_targets t USING (target)
                    WHERE t.target = 'public.regress_ok_facts'::regclass ORDER BY f.path$$,
    $$VALUES ('loader_ok'::name, 'a.txt', 'loaded'), ('loader_ok', 'b.txt', 'loaded'), ('loader_ok', 'link.txt', 'loaded')$$,
    'the catalog has one row per file, its table bound to its server');
SELECT throws_ok($$CALL nvfacts.ingest('esc', 'public.regress_ok_facts')$$, '55006',
    'facts table public.regress_ok_facts is loaded from server "loader_ok", not "esc"',
    'a second server may not load into the same facts table');
SELECT has_view('public', 'regress_ok_facts_latest', 'ingest() created the view TABLE_latest');

SELECT * FROM finish();
ROLLBACK;
