/* nvfacts--0.1.0--0.2.0.sql — ALTER EXTENSION nvfacts UPDATE TO '0.2.0' (built from
 * extension/upgrade--0.1.0--0.2.0.sql, then what it shares with the install script: fact.sql,
 * lexicon_data.sql, lexicon_rows.sql, ingest.sql, views.sql, roles.sql). */

\echo Use "ALTER EXTENSION nvfacts UPDATE TO '0.2.0'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Contract 1.1: nvfacts.fact gains period_kind and period_end after
-- fiscal_quarter.  A composite type takes new attributes only at its end, so
-- the type and extract() are made again (fact.sql, below).  A view or
-- function of the user's over extract() makes this fail with the name of the
-- object: drop it, update, and create it again.

DROP FUNCTION nvfacts.extract(text, date);
DROP TYPE nvfacts.fact;

-- Ingest targets made by 0.1.0 get the new columns (at their end: tables keep
-- their rows).
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN SELECT DISTINCT pg_catalog.to_regclass(target) FROM nvfacts.ingested_files
             WHERE pg_catalog.to_regclass(target) IS NOT NULL LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN IF NOT EXISTS period_kind text, '
                                  'ADD COLUMN IF NOT EXISTS period_end date', t);
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Lexicon tables: a metric word may say its basis or mean a loss; a cue word
-- may have several kinds; new cue kinds; segment keys may start with a digit
-- (3nm).

ALTER TABLE nvfacts.metric_aliases
    ADD COLUMN basis text,
    ADD COLUMN negative boolean NOT NULL DEFAULT false,
    ADD COLUMN segment text REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE;
COMMENT ON TABLE nvfacts.metric_aliases IS
'words for a metric; needs_segment: only with a product named before it (成本 of an H100, not of anything); basis: the word says it (经调整EBITA is non_gaap); negative: a word for a loss (净亏损 1亿 is net_income -1亿); segment: the word names the part too (研发费用 is operating_expenses of r_and_d)';

ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_pkey, ADD PRIMARY KEY (word, kind);
-- (the lists of cue kinds and unit families are the core's: vocab.sql checks them anew)
ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_kind_check;
ALTER TABLE nvfacts.metrics DROP CONSTRAINT metrics_unit_family_check;
ALTER TABLE nvfacts.metrics ADD COLUMN segmented boolean NOT NULL DEFAULT true;
ALTER TABLE nvfacts.entities ADD COLUMN currency text;	-- (checked in vocab.sql)
COMMENT ON TABLE nvfacts.entities IS
'companies facts are attributed to; fiscal_year_end_month decides fiscal years (NVIDIA: 1, its year ends in late January); currency = the currency of a bare 元 in its figures (TSMC: TWD), NULL: the page''s (renminbi unless declared)';
COMMENT ON TABLE nvfacts.metrics IS
'metric vocabulary; flow = a quantity over a period (revenue), false = a level at a moment (share price), which takes no period from context; segmented = false: a figure of the whole entity (market cap, share price, EPS), which has no segment';
COMMENT ON TABLE nvfacts.cues IS
'words that steer measure (yoy, qoq, share, surprise), sign (up, down), status (guidance: the company''s outlook; forecast: an analyst''s or the market''s; expect: a neutral 预计 or 将, forecast only after an analyst), basis, tolerance and 分别; a word may have several kinds (年减 is yoy and down); block = a longer word that hides a shorter cue (会议 is not 会); article_end = what follows is another story; other_org = a company outside the lexicon (银行), whose figures are not carried to the subject; other_metric = a measure outside the metric vocabulary (现金流, 积压订单): its figures yield no row and never take a neighbour''s metric; partner = the company named after it is named in passing (与, 得益于); apposition = 甲的对手乙 is about 乙; contrast = 而, 但: status cues before it do not reach past it; self = 该公司, 其 (the subject itself); declare = a currency declaration (下同); exclude = 剔除, 不计 (the part named after it is left out); both = 两者同为 (the figure is each listed item''s); market = 市场规模, 行业均价 (a figure of a market: entity NULL); done = 已, 录得 (what follows is reported, whatever outlook words came before); former, latter = 前者, 后者 (the first or second of the two companies just named); modifier = 相关, 旗下 right after a company (it only qualifies a word: OpenAI相关亏损 is no figure of OpenAI''s); miss = 低于预期, 不及预期 (a surprise below the expectation: negative); hk_usage = 按年, 按季, 今季 (Hong Kong or Malaysian usage, also in simplified script: from there on a bare 上季 is the quarter just reported); disposal = 推高, 拉升 after 将 and a noun (将营收推高至X: 将 marks the object, as 把, not the future); world = 全球, 全世界 opening the subject of a figure (全球AI支出, 全球服务器市场营收: the world''s, entity NULL, even after a company that forecasts it); org_noun = 公司, 厂商, 服务商, 基础设施 right after a part''s word (这家AI芯片公司, 数据中心运营商: the word describes a company, 云基础设施 what money is spent on, and names no segment); cause = 得益于, 受, 由于 opening a clause (得益于数据中心的强劲需求，营收…: a part named there drove a figure of a later clause and is not its segment); this_part = 该分部, 该业务 (the part named before: 该分部经调整EBITA is that part''s); authorized = 授权, 批准 (回购授权, 董事会批准的回购: an amount allowed, not spent in a period, takes no period from context)';
ALTER TABLE nvfacts.segments DROP CONSTRAINT segments_segment_check, ADD CONSTRAINT segments_segment_check
    CHECK (segment ~ '^[a-z0-9][a-z0-9_]*$');
ALTER TABLE nvfacts.segments ADD COLUMN product boolean NOT NULL DEFAULT false;
-- 0.1.0's segments with an owner were all products
UPDATE nvfacts.segments SET product = true WHERE owner IS NOT NULL;
COMMENT ON TABLE nvfacts.segments IS
'business segments, regions, customer groups and products; owner = the company whose segment or product it is; product = naming it names its maker (H100 -> NVIDIA), where a company''s own segment (AMD''s embedded) only does when no company is being followed';

-- The shipped words are replaced (the user's own rows stay, and win over a
-- shipped row with the same key); shipped entities, metrics and segments the
-- user has not edited take their new values.
DELETE FROM nvfacts.entity_aliases WHERE builtin;
DELETE FROM nvfacts.metric_aliases WHERE builtin;
DELETE FROM nvfacts.segment_aliases WHERE builtin;
DELETE FROM nvfacts.cues WHERE builtin;
UPDATE nvfacts.entities SET entity = 'Supermicro' WHERE entity = 'Super Micro' AND builtin
    AND NOT EXISTS (SELECT FROM nvfacts.entities WHERE entity = 'Supermicro');

-- ---------------------------------------------------------------------------
-- search_path protection, and ingest() for unattended ETL.
--  * The extension owns schema nvfacts and is recorded in pg_catalog, as a fresh 0.2.0 install
--    (whose script creates the schema, so that a schema planted before makes it fail): pg_dump
--    then writes CREATE EXTENSION ... WITH SCHEMA pg_catalog, which the 0.2.0 control accepts.
--  * Every SQL and PL/pgSQL routine pins search_path = pg_catalog, pg_temp and qualifies its calls;
--    ingest() and create_facts_table() want a schema-qualified table (ingest.sql, below).
--  * ingest() commits in batches, keeps one row per run (ingest_runs), locks its server's row of
--    ingest_servers (a lock no role that can only connect can take), and knows its facts tables
--    by OID (ingest_targets): the tables below are those of ingest_tables.sql, made from 0.1.0's.
UPDATE pg_catalog.pg_extension SET extnamespace = 'pg_catalog'::pg_catalog.regnamespace
WHERE extname = 'nvfacts';
-- the extension's dependency on its old schema goes too (pg_catalog, pinned, is not recorded)
DELETE FROM pg_catalog.pg_depend
WHERE classid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND objid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'nvfacts')
  AND refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass;
ALTER EXTENSION nvfacts ADD SCHEMA nvfacts;    -- (not while the extension is recorded in it)

-- 0.1.0's ingest routines (ingest.sql makes 0.2.0's; two of these take the catalog's row type)
DROP PROCEDURE nvfacts.ingest(name, text, boolean);
DROP FUNCTION nvfacts.ingest_file(name, regclass, text, text, bigint, timestamptz, nvfacts.ingested_files);
DROP FUNCTION nvfacts.ingest_needed(nvfacts.ingested_files, bigint, timestamptz);
DROP FUNCTION nvfacts.create_facts_table(text);

-- The facts tables ingest() loads, each bound to the one server it loads from
-- (a doc is a path relative to that server's directory).  A facts table is
-- known by its OID: one dropped and made again is another table, loaded
-- afresh.  (A regclass is dumped by name and restored as the new OID.)
CREATE TABLE nvfacts.ingest_targets (
    target     regclass PRIMARY KEY,   -- the facts table
    server     name NOT NULL,          -- the server it is loaded from, as named at the last run
    server_oid oid  NOT NULL,          -- and its OID: a renamed server is still the same one
    generation int  NOT NULL,          -- catalog rows of an older generation are loaded again
    storage    oid[] NOT NULL          -- relfilenodes of the facts and articles tables: when they
                                       -- change (TRUNCATE, VACUUM FULL), the rows are counted
);

COMMENT ON TABLE nvfacts.ingest_targets IS
'the facts tables nvfacts.ingest() loads, by OID, each with its server; generation is bumped (every file loaded again) on reload => true or when the table lost rows (TRUNCATE)';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingest_targets', '');

-- 0.1.0's catalog: rows of facts tables dropped since go; each table left is bound to its
-- server (a server dropped since: OID 0, taken over by the next run of a server of its name).
-- Storage '{}' is no table's: the first run counts the rows, finds no articles table behind
-- them and loads every file again (which fills the articles table).
DELETE FROM nvfacts.ingested_files i WHERE pg_catalog.to_regclass(i.target) IS NULL;
INSERT INTO nvfacts.ingest_targets (target, server, server_oid, generation, storage)
SELECT DISTINCT ON (1) pg_catalog.to_regclass(i.target), i.server, coalesce(s.oid, 0), 1, '{}'
FROM nvfacts.ingested_files i LEFT JOIN pg_catalog.pg_foreign_server s ON s.srvname = i.server
ORDER BY 1, i.server;

ALTER TABLE nvfacts.ingested_files
    DROP CONSTRAINT ingested_files_pkey,
    ALTER target TYPE regclass USING pg_catalog.to_regclass(target),
    DROP COLUMN server,
    ALTER loaded_at SET DEFAULT pg_catalog.now(),
    ALTER checked_at SET DEFAULT pg_catalog.now(),
    ADD COLUMN generation int NOT NULL DEFAULT 1,
    ADD PRIMARY KEY (target, path),
    ADD FOREIGN KEY (target) REFERENCES nvfacts.ingest_targets ON DELETE CASCADE;
ALTER TABLE nvfacts.ingested_files ALTER generation DROP DEFAULT;

COMMENT ON TABLE nvfacts.ingested_files IS
'every article file nvfacts.ingest() has seen, per facts table: size, time, hash, status, facts and error';
