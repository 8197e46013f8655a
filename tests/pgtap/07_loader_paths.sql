-- The path rules of nvfacts_fdw, as a scan, article_files(), read_article()
-- and ingest() apply them to tests/data/loader/links: a symbolic link is
-- followed when it is the file itself and leads to a place beneath the
-- directory (never to a directory); one that leads outside, dangles or
-- loops is listed and fails alone, its target never named; read_article()
-- reads only what a scan reads (pattern, recursion, hidden names).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;
\getenv data NVFACTS_DATA
SELECT :'data' || '/loader/links' AS links, :'data' || '/loader/ok' AS dir_ok \gset

SELECT plan(16);

CREATE SERVER links FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'links', pattern '*.txt', recursive 'true');
CREATE FOREIGN TABLE links_articles (doc text, bytes bigint, title text) SERVER links;

-- ---- listing and scanning ----------------------------------------------------

SELECT results_eq($$SELECT path, bytes FROM nvfacts.article_files('links')$$,
    $$VALUES ('dangling.txt', 11::bigint), ('etc.txt', 11), ('inside.txt', 141), ('loop.txt', 8),
             ('out.txt', 11), ('sneaky.txt', 18), ('sub/up-inside.txt', 141), ('to-inside.txt', 141)$$,
    'listed: files, links to files with their target''s size, links that cannot be followed with their own (dirlink, a link to a directory, is not)');
SELECT throws_ok($$SELECT * FROM links_articles$$, '58P01',
    'could not load article file "dangling.txt": No such file or directory',
    'on_error stop: the first bad link stops a scan, named');
ALTER FOREIGN TABLE links_articles OPTIONS (ADD on_error 'skip');
SET LOCAL client_min_messages = error;
SELECT results_eq($$SELECT doc, bytes, title FROM links_articles$$,
    $$VALUES ('inside.txt', 141::bigint, '博通季度营收同比增长一成'), ('sub/up-inside.txt', 141, '博通季度营收同比增长一成'),
             ('to-inside.txt', 141, '博通季度营收同比增长一成')$$,
    'on_error skip: links inside are read (to-inside.txt, sub/up-inside.txt -> ../inside.txt), the others skipped');
RESET client_min_messages;

-- ---- why a link is refused ------------------------------------------------------

SELECT throws_ok($$SELECT * FROM nvfacts.read_article('links', 'out.txt')$$, '42501',
    'could not load article file "out.txt": it is a symbolic link that leads outside the directory',
    'a relative link out (../ok/b.txt): refused, its target not named');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('links', 'etc.txt')$$, '42501',
    'could not load article file "etc.txt": it is a symbolic link that leads outside the directory',
    'an absolute link out (/etc/passwd): refused');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('links', 'sneaky.txt')$$, '42501',
    'could not load article file "sneaky.txt": it is a symbolic link that leads outside the directory',
    'a link that climbs out through a directory (sub/../../ok/a.txt): refused');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('links', 'loop.txt')$$, '58030',
    'could not load article file "loop.txt": Too many levels of symbolic links', 'a link to itself');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('links', 'dirlink/up-inside.txt')$$, '22023',
    'could not load article file "dirlink/up-inside.txt": a directory on its path is a symbolic link (links to directories are not followed)',
    'a path through a link to a directory: not followed, as a scan follows none');
SELECT results_eq($$SELECT doc, bytes FROM nvfacts.read_article('links', 'sub/up-inside.txt')$$,
    $$VALUES ('sub/up-inside.txt', 141::bigint)$$, 'read_article() follows a link that stays inside');

-- ---- read_article() reads what a scan reads ------------------------------------

CREATE SERVER ok_flat FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory :'dir_ok', pattern '*.txt');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('ok_flat', 'notes.md')$$, '22023',
    'could not load article file "notes.md": it does not match pattern "*.txt"', 'not the server''s pattern: refused');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('ok_flat', 'sub/c.txt')$$, '22023',
    'could not load article file "sub/c.txt": it is in a subdirectory and option recursive is off',
    'a subdirectory without recursive: refused');
SELECT throws_ok($$SELECT * FROM nvfacts.read_article('ok_flat', '.draft.txt')$$, '22023',
    'could not load article file ".draft.txt": it is hidden (a name starts with ".")', 'a hidden file: refused');
SELECT results_eq($$SELECT path FROM nvfacts.article_files('ok_flat')$$,
    $$VALUES ('a.txt'), ('b.txt'), ('link.txt')$$, 'and a scan lists none of them');

-- ---- ingest(): a bad link fails alone, under on_error stop too ------------------

SET LOCAL client_min_messages = error;
CALL nvfacts.ingest('links', 'public.regress_links_facts');
RESET client_min_messages;
SELECT results_eq($$SELECT path, status, error FROM nvfacts.ingested_files
                    WHERE target = 'public.regress_links_facts'::regclass ORDER BY path$$,
    $$VALUES ('dangling.txt', 'failed', 'No such file or directory'),
             ('etc.txt', 'failed', 'it is a symbolic link that leads outside the directory'),
             ('inside.txt', 'loaded', NULL),
             ('loop.txt', 'failed', 'Too many levels of symbolic links'),
             ('out.txt', 'failed', 'it is a symbolic link that leads outside the directory'),
             ('sneaky.txt', 'failed', 'it is a symbolic link that leads outside the directory'),
             ('sub/up-inside.txt', 'loaded', NULL),
             ('to-inside.txt', 'loaded', NULL)$$,
    'ingest() under on_error stop: each bad link is recorded failed with its reason, the rest loaded');
SELECT results_eq($$SELECT doc, count(*) FROM public.regress_links_facts GROUP BY doc ORDER BY doc$$,
    $$SELECT f, count(*) FROM unnest(ARRAY['inside.txt', 'sub/up-inside.txt', 'to-inside.txt']) f,
             nvfacts.extract(pg_read_file($$ || quote_literal(:'links' || '/inside.txt') || $$)) x
      GROUP BY f ORDER BY f$$,
    'the loaded files have their facts');
SELECT is((SELECT count(*) FROM public.regress_links_facts WHERE doc NOT IN ('inside.txt', 'sub/up-inside.txt', 'to-inside.txt')),
    0::bigint, 'and the failed ones none');

SELECT * FROM finish();
ROLLBACK;
