
-- ---------------------------------------------------------------------------
-- The loader: nvfacts_fdw, foreign tables over a directory of article files.
--
--   CREATE SERVER news FOREIGN DATA WRAPPER nvfacts_fdw OPTIONS (directory '/srv/news');
--   CREATE FOREIGN TABLE news_articles (doc text, published date, title text,
--       encoding text, bytes bigint, body text) SERVER news OPTIONS (content 'articles');
--   CREATE FOREIGN TABLE news_facts_live (doc text, entity text, metric text, value numeric,
--       unit text) SERVER news OPTIONS (content 'facts', pattern '*.txt');
--
-- Server options: directory (required; superusers and pg_read_server_files
-- only), and defaults for the table options pattern, recursive, encoding,
-- on_error, max_file_size.  Table options: content ('articles' or 'facts').

CREATE FUNCTION nvfacts.fdw_handler() RETURNS fdw_handler
    AS 'MODULE_PATHNAME', 'nvf_fdw_handler'
    LANGUAGE C STRICT;

CREATE FUNCTION nvfacts.fdw_validator(text[], oid) RETURNS void
    AS 'MODULE_PATHNAME', 'nvf_fdw_validator'
    LANGUAGE C STRICT;

CREATE FOREIGN DATA WRAPPER nvfacts_fdw
    HANDLER nvfacts.fdw_handler
    VALIDATOR nvfacts.fdw_validator;

COMMENT ON FOREIGN DATA WRAPPER nvfacts_fdw IS
'article files in a server directory as rows: one per article (content ''articles'') or one per fact (content ''facts'')';

-- A server's files and one of them read, as ingest() sees them (it lists with
-- article_files(), reads with ingest_read()).  VOLATILE: they read the file
-- system, which changes under them; PARALLEL SAFE: a worker reads the same
-- files with the same privileges.  Both require USAGE on the server.
CREATE FUNCTION nvfacts.article_files(server name)
    RETURNS TABLE (path text, bytes bigint, modified timestamptz)
    AS 'MODULE_PATHNAME', 'nvf_article_files'
    LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 1000 ROWS 1000;

COMMENT ON FUNCTION nvfacts.article_files(name) IS
'the files a scan of a nvfacts_fdw server reads (its pattern and recursive options), with size and modification time';

CREATE FUNCTION nvfacts.read_article(server name, path text,
    OUT doc text, OUT published date, OUT title text, OUT encoding text,
    OUT bytes bigint, OUT body text, OUT sha256 text)
    AS 'MODULE_PATHNAME', 'nvf_read_article'
    LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 1000;

COMMENT ON FUNCTION nvfacts.read_article(name, text) IS
'one article file of a nvfacts_fdw server, decoded to UTF-8 (its encoding option), with the SHA-256 of its bytes';
