/* nvfacts--@EXTVERSION@.sql — install script (built from extension/nvfacts.sql) */

\echo Use "CREATE EXTENSION nvfacts" to load this file. \quit

-- nvfacts reads and writes Chinese text: the database must be UTF8 (checked
-- first, so that nothing else runs in another encoding).
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
        RAISE EXCEPTION 'nvfacts needs a UTF8 database, and database "%" is %',
                pg_catalog.current_database(), pg_catalog.getdatabaseencoding()
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'Articles, lexicon words and facts hold Chinese text, which only UTF8 stores in full.',
                  HINT = 'Create a UTF8 database (CREATE DATABASE news ENCODING ''UTF8'' TEMPLATE template0) and install nvfacts there.';
    END IF;
END $$;

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
    builtin boolean NOT NULL DEFAULT false,
    currency text					-- (0.2.0: last, as the upgrade adds it; checked in vocab.sql)
);
COMMENT ON TABLE nvfacts.entities IS
'companies facts are attributed to; fiscal_year_end_month decides fiscal years (NVIDIA: 1, its year ends in late January); currency = the currency of a bare 元 in its figures (TSMC: TWD), NULL: the page''s (renminbi unless declared)';

CREATE TABLE nvfacts.entity_aliases (
    alias text PRIMARY KEY,
    entity text NOT NULL REFERENCES nvfacts.entities ON UPDATE CASCADE ON DELETE CASCADE,
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.entity_aliases IS
'names, tickers and executives that stand for an entity (any script: aliases are normalized like the text)';

CREATE TABLE nvfacts.metrics (
    metric text PRIMARY KEY CHECK (metric ~ '^[a-z][a-z0-9_]*$'),
    unit_family text NOT NULL,
    flow boolean NOT NULL DEFAULT true,
    builtin boolean NOT NULL DEFAULT false,
    segmented boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE nvfacts.metrics IS
'metric vocabulary; flow = a quantity over a period (revenue), false = a level at a moment (share price), which takes no period from context; segmented = false: a figure of the whole entity (market cap, share price, EPS), which has no segment';

CREATE TABLE nvfacts.metric_aliases (
    alias text PRIMARY KEY,
    metric text NOT NULL REFERENCES nvfacts.metrics ON UPDATE CASCADE ON DELETE CASCADE,
    needs_segment boolean NOT NULL DEFAULT false,
    builtin boolean NOT NULL DEFAULT false,
    basis text,
    negative boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE nvfacts.metric_aliases IS
'words for a metric; needs_segment: only with a product named before it (成本 of an H100, not of anything); basis: the word says it (经调整EBITA is non_gaap); negative: a word for a loss (净亏损 1亿 is net_income -1亿); segment: the word names the part too (研发费用 is operating_expenses of r_and_d)';

CREATE TABLE nvfacts.segments (
    segment text PRIMARY KEY CHECK (segment ~ '^[a-z0-9][a-z0-9_]*$'),
    owner text REFERENCES nvfacts.entities ON UPDATE CASCADE ON DELETE SET NULL,
    builtin boolean NOT NULL DEFAULT false,
    product boolean NOT NULL DEFAULT false
);
-- (a metric word may name its segment too: a column added once segments exist)
ALTER TABLE nvfacts.metric_aliases
    ADD COLUMN segment text REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE;
COMMENT ON TABLE nvfacts.segments IS
'business segments, regions, customer groups and products; owner = the company whose segment or product it is; product = naming it names its maker (H100 -> NVIDIA), where a company''s own segment (AMD''s embedded) only does when no company is being followed';

CREATE TABLE nvfacts.segment_aliases (
    alias text PRIMARY KEY,
    segment text NOT NULL REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE,
    builtin boolean NOT NULL DEFAULT false
);

CREATE TABLE nvfacts.cues (
    word text NOT NULL,
    kind text NOT NULL,
    builtin boolean NOT NULL DEFAULT false,
    PRIMARY KEY (word, kind)
);
COMMENT ON TABLE nvfacts.cues IS
'words that steer measure (yoy, qoq, share, surprise), sign (up, down), status (guidance: the company''s outlook; forecast: an analyst''s or the market''s; expect: a neutral 预计 or 将, forecast only after an analyst), basis, tolerance and 分别; a word may have several kinds (年减 is yoy and down); block = a longer word that hides a shorter cue (会议 is not 会); article_end = what follows is another story; other_org = a company outside the lexicon (银行), whose figures are not carried to the subject; other_metric = a measure outside the metric vocabulary (现金流, 积压订单): its figures yield no row and never take a neighbour''s metric; partner = the company named after it is named in passing (与, 得益于); apposition = 甲的对手乙 is about 乙; contrast = 而, 但: status cues before it do not reach past it; self = 该公司, 其 (the subject itself); declare = a currency declaration (下同); exclude = 剔除, 不计 (the part named after it is left out); both = 两者同为 (the figure is each listed item''s); market = 市场规模, 行业均价 (a figure of a market: entity NULL); done = 已, 录得 (what follows is reported, whatever outlook words came before); former, latter = 前者, 后者 (the first or second of the two companies just named); modifier = 相关, 旗下 right after a company (it only qualifies a word: OpenAI相关亏损 is no figure of OpenAI''s); miss = 低于预期, 不及预期 (a surprise below the expectation: negative); hk_usage = 按年, 按季, 今季 (Hong Kong or Malaysian usage, also in simplified script: from there on a bare 上季 is the quarter just reported); disposal = 推高, 拉升 after 将 and a noun (将营收推高至X: 将 marks the object, as 把, not the future); world = 全球, 全世界 opening the subject of a figure (全球AI支出, 全球服务器市场营收: the world''s, entity NULL, even after a company that forecasts it); org_noun = 公司, 厂商, 服务商, 基础设施 right after a part''s word (这家AI芯片公司, 数据中心运营商: the word describes a company, 云基础设施 what money is spent on, and names no segment); cause = 得益于, 受, 由于 opening a clause (得益于数据中心的强劲需求，营收…: a part named there drove a figure of a later clause and is not its segment); this_part = 该分部, 该业务 (the part named before: 该分部经调整EBITA is that part''s); authorized = 授权, 批准 (回购授权, 董事会批准的回购: an amount allowed, not spent in a period, takes no period from context)';

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
