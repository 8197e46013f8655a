/* nvfacts--0.1.0.sql — the 0.1.0 install script, kept as released (CREATE EXTENSION nvfacts
 * VERSION '0.1.0' then ALTER EXTENSION nvfacts UPDATE walks the upgrade chain).  Not edited. */

\echo Use "CREATE EXTENSION nvfacts" to load this file. \quit

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
        EXECUTE format('CREATE TRIGGER lexicon_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                        ON nvfacts.%I FOR EACH STATEMENT EXECUTE FUNCTION nvfacts.lexicon_changed()', t);
        -- extract() reads the lexicon as the calling user; changing it stays with the owner
        EXECUTE format('GRANT SELECT ON nvfacts.%I TO PUBLIC', t);
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
-- lexicon_data.sql — the lexicon nvfacts ships (builtin rows), appended to the install script.
-- Users add their own rows with INSERT; these are the defaults.

INSERT INTO nvfacts.entities (entity, fiscal_year_end_month, builtin) VALUES
    ('NVIDIA', 1, true),
    ('Microsoft', 6, true),
    ('Meta', 12, true),
    ('Alphabet', 12, true),
    ('Amazon', 12, true),
    ('Apple', 9, true),
    ('OpenAI', 12, true),
    ('Anthropic', 12, true),
    ('AMD', 12, true),
    ('Intel', 12, true),
    ('TSMC', 12, true),
    ('Alibaba', 3, true),
    ('Tencent', 12, true),
    ('Baidu', 12, true),
    ('Tesla', 12, true),
    ('GitHub', 6, true),
    ('DeepSeek', 12, true),
    ('Oracle', 5, true),
    ('Broadcom', 10, true),
    ('Samsung', 12, true),
    ('SK Hynix', 12, true),
    ('Micron', 8, true),
    ('Huawei', 12, true),
    ('xAI', 12, true),
    ('Dell', 1, true),
    ('Super Micro', 6, true),
    ('Qualcomm', 9, true),
    ('Arm', 3, true);
INSERT INTO nvfacts.entity_aliases (alias, entity, builtin) VALUES
    ('英伟达', 'NVIDIA', true),
    ('英偉達', 'NVIDIA', true),
    ('辉达', 'NVIDIA', true),
    ('輝達', 'NVIDIA', true),
    ('NVIDIA', 'NVIDIA', true),
    ('Nvidia', 'NVIDIA', true),
    ('NVDA', 'NVIDIA', true),
    ('黄仁勋', 'NVIDIA', true),
    ('黃仁勳', 'NVIDIA', true),
    ('老黄', 'NVIDIA', true),
    ('黄教主', 'NVIDIA', true),
    ('Jensen Huang', 'NVIDIA', true),
    ('Colette Kress', 'NVIDIA', true),
    ('Kress', 'NVIDIA', true),
    ('克雷斯', 'NVIDIA', true),
    ('科莱特·克雷斯', 'NVIDIA', true),
    ('微软', 'Microsoft', true),
    ('微軟', 'Microsoft', true),
    ('Microsoft', 'Microsoft', true),
    ('MSFT', 'Microsoft', true),
    ('纳德拉', 'Microsoft', true),
    ('Satya Nadella', 'Microsoft', true),
    ('Meta', 'Meta', true),
    ('脸书', 'Meta', true),
    ('臉書', 'Meta', true),
    ('Facebook', 'Meta', true),
    ('扎克伯格', 'Meta', true),
    ('谷歌', 'Alphabet', true),
    ('Google', 'Alphabet', true),
    ('Alphabet', 'Alphabet', true),
    ('谷歌母公司', 'Alphabet', true),
    ('亚马逊', 'Amazon', true),
    ('亞馬遜', 'Amazon', true),
    ('Amazon', 'Amazon', true),
    ('苹果公司', 'Apple', true),
    ('苹果', 'Apple', true),
    ('Apple', 'Apple', true),
    ('OpenAI', 'OpenAI', true),
    ('ChatGPT', 'OpenAI', true),
    ('奥尔特曼', 'OpenAI', true),
    ('Sam Altman', 'OpenAI', true),
    ('Anthropic', 'Anthropic', true),
    ('AMD', 'AMD', true),
    ('超威', 'AMD', true),
    ('苏姿丰', 'AMD', true),
    ('英特尔', 'Intel', true),
    ('Intel', 'Intel', true),
    ('台积电', 'TSMC', true),
    ('台積電', 'TSMC', true),
    ('TSMC', 'TSMC', true),
    ('台湾积体电路', 'TSMC', true),
    ('阿里巴巴', 'Alibaba', true),
    ('阿里', 'Alibaba', true),
    ('Alibaba', 'Alibaba', true),
    ('吴泳铭', 'Alibaba', true),
    ('腾讯', 'Tencent', true),
    ('騰訊', 'Tencent', true),
    ('Tencent', 'Tencent', true),
    ('百度', 'Baidu', true),
    ('Baidu', 'Baidu', true),
    ('特斯拉', 'Tesla', true),
    ('Tesla', 'Tesla', true),
    ('GitHub', 'GitHub', true),
    ('DeepSeek', 'DeepSeek', true),
    ('深度求索', 'DeepSeek', true),
    ('甲骨文', 'Oracle', true),
    ('Oracle', 'Oracle', true),
    ('博通', 'Broadcom', true),
    ('Broadcom', 'Broadcom', true),
    ('三星电子', 'Samsung', true),
    ('三星', 'Samsung', true),
    ('Samsung', 'Samsung', true),
    ('SK海力士', 'SK Hynix', true),
    ('海力士', 'SK Hynix', true),
    ('SK Hynix', 'SK Hynix', true),
    ('美光', 'Micron', true),
    ('Micron', 'Micron', true),
    ('华为', 'Huawei', true),
    ('Huawei', 'Huawei', true),
    ('xAI', 'xAI', true),
    ('戴尔', 'Dell', true),
    ('Dell', 'Dell', true),
    ('超微电脑', 'Super Micro', true),
    ('Supermicro', 'Super Micro', true),
    ('Super Micro', 'Super Micro', true),
    ('高通', 'Qualcomm', true),
    ('Qualcomm', 'Qualcomm', true),
    ('Arm控股', 'Arm', true),
    ('ARM Holdings', 'Arm', true);
INSERT INTO nvfacts.metrics (metric, unit_family, flow, builtin) VALUES
    ('revenue', 'money', true, true),
    ('net_income', 'money', true, true),
    ('gross_profit', 'money', true, true),
    ('gross_margin', 'percent', true, true),
    ('operating_income', 'money', true, true),
    ('operating_expenses', 'money', true, true),
    ('operating_margin', 'percent', true, true),
    ('eps', 'money', true, true),
    ('capex', 'money', true, true),
    ('spending', 'money', true, true),
    ('market_cap', 'money', false, true),
    ('share_price', 'money_or_percent', false, true),
    ('market_share', 'percent', false, true),
    ('unit_price', 'money', false, true),
    ('buyback', 'money', true, true),
    ('dividend', 'money', true, true),
    ('arr', 'money', false, true),
    ('valuation', 'money', false, true),
    ('loss', 'money', true, true);
INSERT INTO nvfacts.metric_aliases (alias, metric, needs_segment, builtin) VALUES
    ('营收', 'revenue', false, true),
    ('营业收入', 'revenue', false, true),
    ('收入', 'revenue', false, true),
    ('销售额', 'revenue', false, true),
    ('营收入', 'revenue', false, true),
    ('营业额', 'revenue', false, true),
    ('年收入', 'revenue', false, true),
    ('销售收入', 'revenue', false, true),
    ('营运收入', 'revenue', false, true),
    ('revenue', 'revenue', false, true),
    ('revenues', 'revenue', false, true),
    ('sales', 'revenue', false, true),
    ('净利润', 'net_income', false, true),
    ('净利', 'net_income', false, true),
    ('纯利', 'net_income', false, true),
    ('净收入', 'net_income', false, true),
    ('利润', 'net_income', false, true),
    ('盈利', 'net_income', false, true),
    ('净赚', 'net_income', false, true),
    ('net income', 'net_income', false, true),
    ('net profit', 'net_income', false, true),
    ('profit', 'net_income', false, true),
    ('毛利', 'gross_profit', false, true),
    ('毛利润', 'gross_profit', false, true),
    ('毛利率', 'gross_margin', false, true),
    ('毛利润率', 'gross_margin', false, true),
    ('gross margin', 'gross_margin', false, true),
    ('营业利润', 'operating_income', false, true),
    ('经营利润', 'operating_income', false, true),
    ('运营利润', 'operating_income', false, true),
    ('营业收益', 'operating_income', false, true),
    ('operating income', 'operating_income', false, true),
    ('运营支出', 'operating_expenses', false, true),
    ('营运费用', 'operating_expenses', false, true),
    ('运营费用', 'operating_expenses', false, true),
    ('营业费用', 'operating_expenses', false, true),
    ('营运开支', 'operating_expenses', false, true),
    ('运营开支', 'operating_expenses', false, true),
    ('opex', 'operating_expenses', false, true),
    ('operating expenses', 'operating_expenses', false, true),
    ('营业利润率', 'operating_margin', false, true),
    ('经营利润率', 'operating_margin', false, true),
    ('operating margin', 'operating_margin', false, true),
    ('每股收益', 'eps', false, true),
    ('每股盈利', 'eps', false, true),
    ('每股利润', 'eps', false, true),
    ('每股盈余', 'eps', false, true),
    ('EPS', 'eps', false, true),
    ('资本支出', 'capex', false, true),
    ('资本开支', 'capex', false, true),
    ('资本性支出', 'capex', false, true),
    ('本钱支出', 'capex', false, true),
    ('capex', 'capex', false, true),
    ('投入', 'spending', false, true),
    ('投资', 'spending', false, true),
    ('花费', 'spending', false, true),
    ('支出', 'spending', false, true),
    ('开支', 'spending', false, true),
    ('破费', 'spending', false, true),
    ('斥资', 'spending', false, true),
    ('算力支出', 'spending', false, true),
    ('市值', 'market_cap', false, true),
    ('总市值', 'market_cap', false, true),
    ('market cap', 'market_cap', false, true),
    ('market value', 'market_cap', false, true),
    ('股价', 'share_price', false, true),
    ('美股', 'share_price', false, true),
    ('股票价格', 'share_price', false, true),
    ('收盘价', 'share_price', false, true),
    ('share price', 'share_price', false, true),
    ('stock price', 'share_price', false, true),
    ('shares', 'share_price', false, true),
    ('市场份额', 'market_share', false, true),
    ('份额', 'market_share', false, true),
    ('占有率', 'market_share', false, true),
    ('市占率', 'market_share', false, true),
    ('市场占有率', 'market_share', false, true),
    ('垄断', 'market_share', false, true),
    ('market share', 'market_share', false, true),
    ('单价', 'unit_price', false, true),
    ('售价', 'unit_price', true, true),
    ('价格', 'unit_price', true, true),
    ('成本', 'unit_price', true, true),
    ('许可费', 'unit_price', true, true),
    ('价钱', 'unit_price', true, true),
    ('报价', 'unit_price', true, true),
    ('price', 'unit_price', true, true),
    ('股票回购', 'buyback', false, true),
    ('回购', 'buyback', false, true),
    ('回购授权', 'buyback', false, true),
    ('buyback', 'buyback', false, true),
    ('repurchase', 'buyback', false, true),
    ('股息', 'dividend', false, true),
    ('分红', 'dividend', false, true),
    ('派息', 'dividend', false, true),
    ('dividend', 'dividend', false, true),
    ('年度经常性收入', 'arr', false, true),
    ('年化经常性收入', 'arr', false, true),
    ('年化收入', 'arr', false, true),
    ('ARR', 'arr', false, true),
    ('估值', 'valuation', false, true),
    ('valuation', 'valuation', false, true),
    ('损失', 'loss', false, true),
    ('亏损', 'loss', false, true);
INSERT INTO nvfacts.segments (segment, owner, builtin) VALUES
    ('data_center', NULL, true),
    ('compute', NULL, true),
    ('networking', NULL, true),
    ('gaming', NULL, true),
    ('professional_visualization', NULL, true),
    ('automotive', NULL, true),
    ('oem_other', NULL, true),
    ('china', NULL, true),
    ('united_states', NULL, true),
    ('taiwan', NULL, true),
    ('singapore', NULL, true),
    ('inference', NULL, true),
    ('cloud', NULL, true),
    ('h100', 'NVIDIA', true),
    ('h200', 'NVIDIA', true),
    ('h20', 'NVIDIA', true),
    ('a100', 'NVIDIA', true),
    ('h800', 'NVIDIA', true),
    ('a800', 'NVIDIA', true),
    ('b200', 'NVIDIA', true),
    ('gb200', 'NVIDIA', true),
    ('blackwell', 'NVIDIA', true),
    ('hopper', 'NVIDIA', true),
    ('gh200', 'NVIDIA', true),
    ('nvidia_ai_enterprise', 'NVIDIA', true),
    ('mi300', 'AMD', true),
    ('azure', 'Microsoft', true),
    ('github_copilot', 'GitHub', true);
INSERT INTO nvfacts.segment_aliases (alias, segment, builtin) VALUES
    ('数据中心', 'data_center', true),
    ('数据核心', 'data_center', true),
    ('数据中心业务', 'data_center', true),
    ('data center', 'data_center', true),
    ('计算业务', 'compute', true),
    ('计算', 'compute', true),
    ('网络业务', 'networking', true),
    ('网络', 'networking', true),
    ('networking', 'networking', true),
    ('游戏业务', 'gaming', true),
    ('游戏', 'gaming', true),
    ('逛戏', 'gaming', true),
    ('gaming', 'gaming', true),
    ('专业可视化', 'professional_visualization', true),
    ('专业视觉', 'professional_visualization', true),
    ('汽车业务', 'automotive', true),
    ('汽车', 'automotive', true),
    ('automotive', 'automotive', true),
    ('OEM', 'oem_other', true),
    ('中国市场', 'china', true),
    ('中国大陆', 'china', true),
    ('中国区', 'china', true),
    ('中国', 'china', true),
    ('国内', 'china', true),
    ('大陆地区', 'china', true),
    ('美国市场', 'united_states', true),
    ('美国', 'united_states', true),
    ('台湾', 'taiwan', true),
    ('新加坡', 'singapore', true),
    ('推理', 'inference', true),
    ('云服务提供商', 'cloud', true),
    ('云服务商', 'cloud', true),
    ('云厂商', 'cloud', true),
    ('云计算企业', 'cloud', true),
    ('云计算公司', 'cloud', true),
    ('H100', 'h100', true),
    ('H200', 'h200', true),
    ('H20', 'h20', true),
    ('A100', 'a100', true),
    ('H800', 'h800', true),
    ('A800', 'a800', true),
    ('B200', 'b200', true),
    ('GB200', 'gb200', true),
    ('Blackwell', 'blackwell', true),
    ('Hopper', 'hopper', true),
    ('GH200', 'gh200', true),
    ('Grace Hopper', 'gh200', true),
    ('英伟达企业版', 'nvidia_ai_enterprise', true),
    ('NVIDIA AI Enterprise', 'nvidia_ai_enterprise', true),
    ('MI300', 'mi300', true),
    ('MI300X', 'mi300', true),
    ('Azure', 'azure', true),
    ('GitHub Copilot', 'github_copilot', true);
INSERT INTO nvfacts.cues (word, kind, builtin) VALUES
    ('银行', 'other_org', true),
    ('农商行', 'other_org', true),
    ('证券', 'other_org', true),
    ('保险', 'other_org', true),
    ('信托', 'other_org', true),
    ('基金公司', 'other_org', true),
    ('控股', 'other_org', true),
    ('集团', 'other_org', true),
    ('股份有限公司', 'other_org', true),
    ('有限公司', 'other_org', true),
    ('航空公司', 'other_org', true),
    ('电力', 'other_org', true),
    ('石油', 'other_org', true),
    ('医药', 'other_org', true),
    ('地产', 'other_org', true),
    ('置业', 'other_org', true),
    ('酒店', 'other_org', true),
    ('餐饮', 'other_org', true),
    ('商场', 'other_org', true),
    ('博物馆', 'other_org', true),
    ('大学', 'other_org', true),
    ('医院', 'other_org', true),
    ('政府', 'other_org', true),
    ('交易所', 'other_org', true),
    ('车企', 'other_org', true),
    ('蒸发', 'down', true),
    ('责任编辑', 'article_end', true),
    ('免责声明', 'article_end', true),
    ('相关推荐', 'article_end', true),
    ('相关阅读', 'article_end', true),
    ('推荐阅读', 'article_end', true),
    ('相关内容', 'article_end', true),
    ('热门资讯', 'article_end', true),
    ('热门推荐', 'article_end', true),
    ('版权所有', 'article_end', true),
    ('延伸阅读', 'article_end', true),
    ('本文为', 'article_end', true),
    ('原文链接', 'article_end', true),
    ('扫二维码', 'article_end', true),
    ('返回搜狐', 'article_end', true),
    ('返回列表', 'article_end', true),
    ('更多精彩', 'article_end', true),
    ('同比', 'yoy', true),
    ('按年', 'yoy', true),
    ('年增', 'yoy', true),
    ('年增长', 'yoy', true),
    ('同期', 'yoy', true),
    ('年比', 'yoy', true),
    ('增速', 'yoy', true),
    ('year over year', 'yoy', true),
    ('year-over-year', 'yoy', true),
    ('yoy', 'yoy', true),
    ('环比', 'qoq', true),
    ('按季', 'qoq', true),
    ('季增', 'qoq', true),
    ('较上季', 'qoq', true),
    ('季环比', 'qoq', true),
    ('较前一季度', 'qoq', true),
    ('sequentially', 'qoq', true),
    ('quarter over quarter', 'qoq', true),
    ('qoq', 'qoq', true),
    ('占', 'share', true),
    ('占比', 'share', true),
    ('占到', 'share', true),
    ('占据', 'share', true),
    ('贡献', 'share', true),
    ('贡献了', 'share', true),
    ('比重', 'share', true),
    ('超出预期', 'surprise', true),
    ('超预期', 'surprise', true),
    ('高于预期', 'surprise', true),
    ('低于预期', 'surprise', true),
    ('好于预期', 'surprise', true),
    ('不及预期', 'surprise', true),
    ('超过预期', 'surprise', true),
    ('比预期', 'surprise', true),
    ('超出', 'surprise', true),
    ('高出', 'surprise', true),
    ('高了', 'surprise', true),
    ('beat', 'surprise', true),
    ('增长', 'up', true),
    ('增加', 'up', true),
    ('添加', 'up', true),
    ('上升', 'up', true),
    ('上涨', 'up', true),
    ('涨', 'up', true),
    ('升', 'up', true),
    ('提高', 'up', true),
    ('提升', 'up', true),
    ('攀升', 'up', true),
    ('飙升', 'up', true),
    ('增', 'up', true),
    ('扩大', 'up', true),
    ('跃升', 'up', true),
    ('大涨', 'up', true),
    ('暴涨', 'up', true),
    ('走高', 'up', true),
    ('rose', 'up', true),
    ('grew', 'up', true),
    ('increase', 'up', true),
    ('increased', 'up', true),
    ('rise', 'up', true),
    ('up', 'up', true),
    ('下降', 'down', true),
    ('下滑', 'down', true),
    ('减少', 'down', true),
    ('跌', 'down', true),
    ('下跌', 'down', true),
    ('暴跌', 'down', true),
    ('大跌', 'down', true),
    ('回落', 'down', true),
    ('降低', 'down', true),
    ('降', 'down', true),
    ('降落', 'down', true),
    ('缩减', 'down', true),
    ('萎缩', 'down', true),
    ('下挫', 'down', true),
    ('减', 'down', true),
    ('下调', 'down', true),
    ('缩水', 'down', true),
    ('跳水', 'down', true),
    ('缩小', 'down', true),
    ('fell', 'down', true),
    ('decline', 'down', true),
    ('declined', 'down', true),
    ('drop', 'down', true),
    ('dropped', 'down', true),
    ('decrease', 'down', true),
    ('down', 'down', true),
    ('涨幅', 'up_noun', true),
    ('增幅', 'up_noun', true),
    ('升幅', 'up_noun', true),
    ('跌幅', 'down_noun', true),
    ('降幅', 'down_noun', true),
    ('预计', 'guidance', true),
    ('预期', 'guidance', true),
    ('展望', 'guidance', true),
    ('瞻望', 'guidance', true),
    ('指引', 'guidance', true),
    ('目标', 'guidance', true),
    ('计划', 'guidance', true),
    ('将', 'guidance', true),
    ('会', 'guidance', true),
    ('有望', 'guidance', true),
    ('打算', 'guidance', true),
    ('拟', 'guidance', true),
    ('预估', 'guidance', true),
    ('力争', 'guidance', true),
    ('规划', 'guidance', true),
    ('outlook', 'guidance', true),
    ('guidance', 'guidance', true),
    ('expects', 'guidance', true),
    ('expected', 'guidance', true),
    ('will', 'guidance', true),
    ('plans', 'guidance', true),
    ('分析师', 'forecast', true),
    ('华尔街', 'forecast', true),
    ('市场预期', 'forecast', true),
    ('市场预测', 'forecast', true),
    ('之前预期', 'forecast', true),
    ('此前预期', 'forecast', true),
    ('普遍预期', 'forecast', true),
    ('一致预期', 'forecast', true),
    ('预测', 'forecast', true),
    ('机构', 'forecast', true),
    ('投行', 'forecast', true),
    ('券商', 'forecast', true),
    ('高盛', 'forecast', true),
    ('摩根士丹利', 'forecast', true),
    ('大摩', 'forecast', true),
    ('摩根大通', 'forecast', true),
    ('花旗', 'forecast', true),
    ('瑞银', 'forecast', true),
    ('伯恩斯坦', 'forecast', true),
    ('押注', 'forecast', true),
    ('估算', 'forecast', true),
    ('测算', 'forecast', true),
    ('推算', 'forecast', true),
    ('汇丰', 'forecast', true),
    ('consensus', 'forecast', true),
    ('analysts', 'forecast', true),
    ('GAAP', 'gaap', true),
    ('公认会计准则', 'gaap', true),
    ('Non-GAAP', 'non_gaap', true),
    ('非GAAP', 'non_gaap', true),
    ('非公认会计准则', 'non_gaap', true),
    ('调整后', 'non_gaap', true),
    ('经调整', 'non_gaap', true),
    ('adjusted', 'non_gaap', true),
    ('上下浮动', 'tolerance', true),
    ('上下波动', 'tolerance', true),
    ('正负', 'tolerance', true),
    ('浮动', 'tolerance', true),
    ('±', 'tolerance', true),
    ('分别', 'respectively', true),
    ('各为', 'respectively', true),
    ('respectively', 'respectively', true),
    ('各自', 'each', true),
    ('总', 'total', true),
    ('整体', 'total', true),
    ('合计', 'total', true),
    ('总计', 'total', true),
    ('total', 'total', true),
    ('他们', 'group', true),
    ('这些巨头', 'group', true),
    ('这四家巨头', 'group', true),
    ('四大巨头', 'group', true),
    ('科技巨头们', 'group', true),
    ('巨头们', 'group', true),
    ('大厂们', 'group', true),
    ('这几家', 'group', true),
    ('从', 'from', true),
    ('每天', 'per', true),
    ('每日', 'per', true),
    ('每小时', 'per', true),
    ('每花', 'per', true),
    ('每花费', 'per', true),
    ('每投入', 'per', true),
    ('每赚', 'per', true),
    ('会议', 'block', true),
    ('大会', 'block', true),
    ('机会', 'block', true),
    ('社会', 'block', true),
    ('协会', 'block', true),
    ('委员会', 'block', true),
    ('董事会', 'block', true),
    ('峰会', 'block', true),
    ('展会', 'block', true),
    ('会员', 'block', true),
    ('学会', 'block', true),
    ('利润率', 'block', true),
    ('收益率', 'block', true),
    ('计算机', 'block', true),
    ('总裁', 'block', true),
    ('总部', 'block', true),
    ('总统', 'block', true),
    ('总监', 'block', true),
    ('总经理', 'block', true),
    ('总结', 'block', true),
    ('将军', 'block', true),
    ('上下游', 'block', true),
    ('估值倍数', 'block', true),
    ('占领', 'block', true),
    ('增值税', 'block', true),
    ('国内外', 'block', true),
    ('中国人', 'block', true),
    ('美国人', 'block', true),
    ('增强', 'block', true),
    ('网络安全', 'block', true),
    ('涨停', 'block', true),
    ('会计', 'block', true);

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

-- The two calls ingest() is made of.  VOLATILE: they read the file system,
-- which changes under them; PARALLEL SAFE: a worker reads the same files
-- with the same privileges.  Both require USAGE on the server.
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

-- ---------------------------------------------------------------------------
-- Incremental ETL: CALL nvfacts.ingest('news', 'public.news_facts') loads the
-- new and changed files of server news into a plain facts table, in one
-- transaction; nvfacts.ingested_files remembers every file it has seen.

CREATE TABLE nvfacts.ingested_files (
    server    name        NOT NULL,
    target    text        NOT NULL,  -- the facts table, schema-qualified: 'public.news_facts'
    path      text        NOT NULL,  -- relative to the server's directory
    bytes     bigint      NOT NULL,
    modified  timestamptz NOT NULL,
    sha256    text,                  -- of the file's bytes; NULL when unreadable
    status    text        NOT NULL CHECK (status IN ('loaded', 'failed', 'vanished')),
    facts     int,
    error     text,                  -- why the file failed
    loaded_at timestamptz NOT NULL DEFAULT now(),  -- when its facts were last written
    checked_at timestamptz NOT NULL DEFAULT now(), -- when the file was last read
    PRIMARY KEY (server, target, path)
);

COMMENT ON TABLE nvfacts.ingested_files IS
'every article file nvfacts.ingest() has seen, per server and facts table: size, time, hash, status and error';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingested_files', '');

-- A facts table for ingest(): the columns of nvfacts.fact plus published and
-- loaded_at, a primary key, indexes for the common filters, and two views
-- (TARGET_latest, TARGET_levels) for BI tools.  Returns the table; an
-- existing table is returned as it is.
CREATE FUNCTION nvfacts.create_facts_table(target text) RETURNS regclass
LANGUAGE plpgsql AS $$
DECLARE
    parts text[] := parse_ident(target);
    tbl text;
    latest text;
    levels text;
BEGIN
    IF to_regclass(target) IS NOT NULL THEN
        RETURN to_regclass(target);
    END IF;
    tbl := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts) p);
    latest := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts[1:cardinality(parts) - 1] ||
               (parts[cardinality(parts)] || '_latest')) p);
    levels := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts[1:cardinality(parts) - 1] ||
               (parts[cardinality(parts)] || '_levels')) p);
    EXECUTE format('CREATE TABLE %s AS SELECT f.*, NULL::date AS published, NULL::timestamptz AS loaded_at
                    FROM nvfacts.extract(NULL) f WITH NO DATA', tbl);
    EXECUTE format('ALTER TABLE %s ALTER doc SET NOT NULL, ALTER fact_no SET NOT NULL,
                    ALTER loaded_at SET DEFAULT now(), ADD PRIMARY KEY (doc, fact_no)', tbl);
    EXECUTE format('CREATE INDEX ON %s (entity, metric, fiscal_year, fiscal_quarter)', tbl);
    EXECUTE format('CREATE INDEX ON %s (published)', tbl);
    -- the latest figure per entity, metric and fiscal period (newest article wins)
    EXECUTE format($v$CREATE VIEW %s AS
        SELECT DISTINCT ON (entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter)
               entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
               value, value_low, value_high, unit, approx, doc, published, evidence
        FROM %s
        WHERE entity IS NOT NULL
        ORDER BY entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
                 published DESC NULLS LAST, loaded_at DESC, doc, fact_no$v$, latest, tbl);
    -- reported levels only (no growth rates, no guidance): a time series per entity and metric
    EXECUTE format($v$CREATE VIEW %s AS
        SELECT entity, metric, segment, basis, fiscal_year, fiscal_quarter, value, unit, doc, published
        FROM %s
        WHERE measure = 'level' AND status = 'actual' AND entity IS NOT NULL AND value IS NOT NULL$v$,
        levels, tbl);
    RETURN to_regclass(target);
END $$;

COMMENT ON FUNCTION nvfacts.create_facts_table(text) IS
'creates a facts table for nvfacts.ingest() with its indexes and views TARGET_latest and TARGET_levels';

-- One file into the facts table (its old facts replaced); the catalog row it leaves.
CREATE FUNCTION nvfacts.ingest_file(server name, rel regclass, target text, path text, bytes bigint,
                                    modified timestamptz, known nvfacts.ingested_files)
RETURNS nvfacts.ingested_files
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    cols text;
    n int;
    result nvfacts.ingested_files;
BEGIN
    result := ROW(server, target, path, bytes, modified, NULL, 'loaded', 0, NULL, now(), now());
    BEGIN
        SELECT * INTO a FROM nvfacts.read_article(server, path);
        result.sha256 := a.sha256;
        IF known.status = 'loaded' AND known.sha256 = a.sha256 THEN
            result.facts := known.facts;          -- touched, not changed
            result.loaded_at := known.loaded_at;
            RETURN result;
        END IF;
        cols := (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                 WHERE attrelid = 'nvfacts.fact'::regclass AND attnum > 1 AND NOT attisdropped);
        EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        EXECUTE format('INSERT INTO %s (doc, %s, published, loaded_at)
                        SELECT $1, %s, $2, now() FROM nvfacts.extract($3, $2)', rel, cols, cols)
            USING path, a.published, a.body;
        GET DIAGNOSTICS n = ROW_COUNT;
        result.facts := n;
    EXCEPTION WHEN OTHERS THEN
        EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        result.status := 'failed';
        result.error := regexp_replace(SQLERRM, '^could not load article file "[^"]*": ', '');
        RAISE WARNING 'nvfacts.ingest: skipping article file "%": %', path, result.error;
    END;
    RETURN result;
END $$;

-- Whether a file must be read again: new, vanished before, or its size or time
-- changed; a catalog row checked within a second of the file's time does not
-- prove it unchanged (a same-size rewrite in the same clock tick).
CREATE FUNCTION nvfacts.ingest_needed(known nvfacts.ingested_files, bytes bigint, modified timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT known.path IS NULL OR known.status = 'vanished' OR known.bytes <> bytes
        OR known.modified <> modified OR known.checked_at < modified + interval '1 second'
$$;

CREATE PROCEDURE nvfacts.ingest(server name, target text, purge boolean DEFAULT false)
LANGUAGE plpgsql AS $$
DECLARE
    rel regclass;
    key text;                 -- the catalog's name for rel, whatever the search_path
    other name;
    f record;
    known nvfacts.ingested_files;
    done nvfacts.ingested_files;
    paths text[];
    sizes bigint[];
    times timestamptz[];
    counts jsonb := '{"new": 0, "changed": 0, "unchanged": 0, "failed": 0, "vanished": 0}';
    k text;
BEGIN
    -- one run per server at a time; a second one returns at once
    IF NOT pg_try_advisory_xact_lock(hashtext('nvfacts.ingest'), hashtext(server)) THEN
        RAISE NOTICE 'nvfacts.ingest: another run is loading from server "%"; nothing done', server;
        RETURN;
    END IF;
    rel := nvfacts.create_facts_table(target);
    key := (SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel);
    -- doc is a path relative to one server's directory: one server per facts table
    SELECT i.server INTO other FROM nvfacts.ingested_files i
    WHERE i.target = key AND i.server <> ingest.server LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'facts table % is loaded from server "%", not "%"', key, other, server
            USING ERRCODE = 'object_in_use',
                  HINT = 'Use one facts table per server: paths are relative to a server''s directory.';
    END IF;
    SELECT array_agg(x.path ORDER BY x.path), array_agg(x.bytes ORDER BY x.path),
           array_agg(x.modified ORDER BY x.path)
    INTO paths, sizes, times FROM nvfacts.article_files(server) x;
    FOR f IN SELECT * FROM unnest(paths, sizes, times) AS x(path, bytes, modified) LOOP
        SELECT * INTO known FROM nvfacts.ingested_files i
        WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        IF NOT nvfacts.ingest_needed(known, f.bytes, f.modified) THEN
            counts := jsonb_set(counts, '{unchanged}', to_jsonb((counts->>'unchanged')::int + 1));
            CONTINUE;
        END IF;
        done := nvfacts.ingest_file(server, rel, key, f.path, f.bytes, f.modified, known);
        k := CASE WHEN done.status = 'failed' THEN 'failed'
                  WHEN known.status IN ('loaded', 'failed') AND known.sha256 = done.sha256 THEN 'unchanged'
                  WHEN known.path IS NULL THEN 'new' ELSE 'changed' END;
        counts := jsonb_set(counts, ARRAY[k], to_jsonb((counts->>k)::int + 1));
        INSERT INTO nvfacts.ingested_files VALUES (done.*)
        ON CONFLICT ON CONSTRAINT ingested_files_pkey DO UPDATE
        SET bytes = EXCLUDED.bytes, modified = EXCLUDED.modified, sha256 = EXCLUDED.sha256,
            status = EXCLUDED.status, facts = EXCLUDED.facts, error = EXCLUDED.error,
            loaded_at = EXCLUDED.loaded_at, checked_at = EXCLUDED.checked_at;
    END LOOP;
    -- files that are gone: reported once (again under purge), and with purge their facts deleted
    FOR f IN SELECT i.path FROM nvfacts.ingested_files i
             WHERE i.server = ingest.server AND i.target = key AND (purge OR i.status <> 'vanished')
               AND NOT EXISTS (SELECT 1 FROM unnest(paths) p WHERE p = i.path) LOOP
        RAISE NOTICE 'nvfacts.ingest: article file "%" has vanished%', f.path,
            CASE WHEN purge THEN '; its facts are deleted' ELSE '' END;
        counts := jsonb_set(counts, '{vanished}', to_jsonb((counts->>'vanished')::int + 1));
        IF purge THEN
            EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING f.path;
            DELETE FROM nvfacts.ingested_files i
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        ELSE
            UPDATE nvfacts.ingested_files i SET status = 'vanished'
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        END IF;
    END LOOP;
    RAISE NOTICE 'nvfacts.ingest: % new, % changed, % unchanged, % failed, % vanished',
        counts->>'new', counts->>'changed', counts->>'unchanged', counts->>'failed', counts->>'vanished';
END $$;

COMMENT ON PROCEDURE nvfacts.ingest(name, text, boolean) IS
'loads the new and changed article files of a nvfacts_fdw server into a facts table (created if missing), in one transaction; failures are recorded in nvfacts.ingested_files and retried when the file changes; purge deletes the facts of vanished files';
