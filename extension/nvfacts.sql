/* nvfacts--@EXTVERSION@.sql — install script (built from extension/nvfacts.sql) */

\echo Use "CREATE EXTENSION nvfacts" to load this file. \quit

-- The schema is created here, not by CREATE EXTENSION (the control file
-- names pg_catalog): a schema nvfacts someone else created before, with
-- objects of theirs in it, makes the install fail instead of running them.
-- Every call below is qualified, every SQL and PL/pgSQL routine pins
-- search_path = pg_catalog, pg_temp.
CREATE SCHEMA nvfacts;

-- ---------------------------------------------------------------------------
-- Text repair and quantities.  Both are IMMUTABLE: their output depends only
-- on the argument and on the Unicode/ICU tables compiled into the server
-- (as for PostgreSQL's own normalize()).
--
-- COSTs are in cpu_operator_cost units for a typical 10 KB article, measured:
-- normalize ~0.1 ms, quantities ~0.5 ms, extract ~1 ms (a page read is ~400
-- units).  They matter: they let the planner choose parallel workers.

CREATE FUNCTION nvfacts.normalize(doc text) RETURNS text
    AS 'MODULE_PATHNAME', 'nvf_normalize'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 4000;

COMMENT ON FUNCTION nvfacts.normalize(text) IS
'canonical form of web text: NFKC, Traditional to Simplified Chinese, radicals to ideographs, pinyin debris removed, 8。5 -> 8.5, "3 亿" -> "3亿"';

CREATE FUNCTION nvfacts.quantities(doc text)
    RETURNS TABLE (span_start int, span_end int, surface text,
                   value numeric, value_low numeric, value_high numeric,
                   unit text, approx text)
    AS 'MODULE_PATHNAME', 'nvf_quantities'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20000 ROWS 20;

COMMENT ON FUNCTION nvfacts.quantities(text) IS
'every money amount, percentage, percentage point, multiple and count in the text; spans are character offsets into the original';

-- ---------------------------------------------------------------------------
-- Lexicons: plain tables users extend with INSERT.  Rows shipped here are
-- marked builtin; pg_dump keeps the others (pg_extension_config_dump).  Any
-- change reaches every session's next extract() call (a trigger sends a
-- cache invalidation).

CREATE TABLE nvfacts.entities (
    entity text PRIMARY KEY,
    fiscal_year_end_month int NOT NULL DEFAULT 12
        CHECK (fiscal_year_end_month BETWEEN 1 AND 12),
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.entities IS
'companies facts are attributed to; fiscal_year_end_month decides fiscal years (NVIDIA: 1, its year ends in late January)';

CREATE TABLE nvfacts.entity_aliases (
    alias text PRIMARY KEY,
    entity text NOT NULL REFERENCES nvfacts.entities ON UPDATE CASCADE ON DELETE CASCADE,
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.entity_aliases IS
'names, tickers and executives that stand for an entity (any script: aliases are normalized like the text)';

CREATE TABLE nvfacts.metrics (
    metric text PRIMARY KEY CHECK (metric ~ '^[a-z][a-z0-9_]*$'),
    unit_family text NOT NULL CHECK (unit_family IN ('money', 'percent', 'money_or_percent')),
    flow boolean NOT NULL DEFAULT true,
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.metrics IS
'metric vocabulary; flow = a quantity over a period (revenue), false = a level at a moment (share price), which takes no period from context';

CREATE TABLE nvfacts.metric_aliases (
    alias text PRIMARY KEY,
    metric text NOT NULL REFERENCES nvfacts.metrics ON UPDATE CASCADE ON DELETE CASCADE,
    needs_segment boolean NOT NULL DEFAULT false,
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.metric_aliases IS
'words for a metric; needs_segment: only with a product named before it (成本 of an H100, not of anything)';

CREATE TABLE nvfacts.segments (
    segment text PRIMARY KEY CHECK (segment ~ '^[a-z][a-z0-9_]*$'),
    owner text REFERENCES nvfacts.entities ON UPDATE CASCADE ON DELETE SET NULL,
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.segments IS
'business segments, regions, customer groups and products; owner = the maker of a product (H100 -> NVIDIA)';

CREATE TABLE nvfacts.segment_aliases (
    alias text PRIMARY KEY,
    segment text NOT NULL REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE,
    builtin boolean NOT NULL DEFAULT false
);

CREATE TABLE nvfacts.cues (
    word text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('block', 'yoy', 'qoq', 'share', 'surprise', 'up', 'down',
        'up_noun', 'down_noun', 'guidance', 'forecast', 'gaap', 'non_gaap', 'tolerance',
        'respectively', 'each', 'total', 'group', 'from', 'per', 'article_end', 'other_org')),
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.cues IS
'words that steer measure (yoy, qoq, share, surprise), sign (up, down), status (guidance, forecast), basis, tolerance and 分别; block = a longer word that hides a shorter cue (会议 is not 会); article_end = what follows is another story; other_org = a company outside the lexicon (银行), whose figures are not carried to the subject';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.entities', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.entity_aliases', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.metrics', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.metric_aliases', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.segments', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.segment_aliases', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('nvfacts.cues', 'WHERE NOT builtin');

CREATE FUNCTION nvfacts.lexicon_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'nvf_lexicon_changed'
    LANGUAGE C;
COMMENT ON FUNCTION nvfacts.lexicon_changed() IS
'statement trigger on the lexicon tables: tells every session to rebuild its cached lexicon';

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entities', 'entity_aliases', 'metrics', 'metric_aliases',
                             'segments', 'segment_aliases', 'cues'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER lexicon_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                        ON nvfacts.%I FOR EACH STATEMENT EXECUTE FUNCTION nvfacts.lexicon_changed()', t);
        -- extract() reads the lexicon as the calling user; changing it stays with the owner
        EXECUTE pg_catalog.format('GRANT SELECT ON nvfacts.%I TO PUBLIC', t);
    END LOOP;
END $$;

-- Everyone may call the functions (reading files still needs USAGE on a server).
GRANT USAGE ON SCHEMA nvfacts TO PUBLIC;

-- ---------------------------------------------------------------------------
-- Facts (see FACTS.md): one row = one quantity stated about one metric.

CREATE TYPE nvfacts.fact AS (
    doc text,
    fact_no int,
    entity text,
    metric text,
    segment text,
    basis text,
    measure text,
    value numeric,
    value_low numeric,
    value_high numeric,
    unit text,
    approx text,
    status text,
    fiscal_year int,
    fiscal_quarter int,
    period_text text,
    span_start int,
    span_end int,
    evidence text
);

-- STABLE, not IMMUTABLE: the result depends on the lexicon tables.  Not
-- STRICT: published may be NULL (then the page's own date is used); a NULL
-- doc gives no rows.
CREATE FUNCTION nvfacts.extract(doc text, published date DEFAULT NULL)
    RETURNS SETOF nvfacts.fact
    AS 'MODULE_PATHNAME', 'nvf_extract'
    LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE COST 50000 ROWS 10;

COMMENT ON FUNCTION nvfacts.extract(text, date) IS
'typed financial facts stated in an article: entity, metric, segment, basis, measure, value, unit, status, fiscal period, with the span and sentence they come from';
