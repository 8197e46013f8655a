-- nvfacts.extract(): typed facts from article text (one behaviour per query).
-- The inputs are short synthetic sentences; facts() adds the quantity as
-- written (substr of the original at span_start/span_end) to each row.

CREATE FUNCTION facts(doc text, published date DEFAULT NULL)
RETURNS TABLE (fact_no int, entity text, metric text, segment text, basis text,
               measure text, value numeric, value_low numeric, value_high numeric,
               unit text, approx text, status text, fiscal_year int, fiscal_quarter int,
               period_text text, span_start int, span text, evidence text)
LANGUAGE sql STABLE AS $$
    SELECT f.fact_no, f.entity, f.metric, f.segment, f.basis, f.measure, f.value,
           f.value_low, f.value_high, f.unit, f.approx, f.status, f.fiscal_year,
           f.fiscal_quarter, f.period_text, f.span_start,
           substr(facts.doc, f.span_start + 1, f.span_end - f.span_start), f.evidence
    FROM nvfacts.extract(facts.doc, facts.published) f
$$;

-- every column of one fact: level and yoy of a named fiscal quarter
SELECT * FROM facts('英伟达2025财年第一季度营收为271.6亿美元，同比增长208%。') ORDER BY fact_no;

-- ===== entity attribution is local to the clause =====

-- two companies in one sentence, each with its own figure
SELECT fact_no, entity, metric, value, unit, span FROM facts('英伟达营收为300亿美元，而AMD营收为58亿美元。') ORDER BY fact_no;
-- the second company's figure after 的, metric implied by the first clause
SELECT fact_no, entity, metric, value, unit, span FROM facts('英伟达营收为300亿美元，远超AMD的58亿美元。') ORDER BY fact_no;
-- a change in the clause after the second company belongs to it
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达营收为300亿美元，台积电营收为200亿美元，同比增长40%。') ORDER BY fact_no;
-- two companies listed before 分别
SELECT fact_no, entity, metric, value, unit FROM facts('英伟达和AMD的营收分别为300亿美元和58亿美元。') ORDER BY fact_no;
-- the subject dropped in the next clauses carries over
SELECT fact_no, entity, metric, value, span FROM facts('英伟达公布了财报，营收为350亿美元，净利润为193亿美元。') ORDER BY fact_no;
-- the subject dropped in the next sentences carries over
SELECT fact_no, entity, metric, value, span, evidence FROM facts('英伟达公布了财报。营收为350亿美元。净利润为193亿美元。') ORDER BY fact_no;
-- a company named in a later sentence takes over (其 = that company)
SELECT fact_no, entity, metric, value, evidence FROM facts('英伟达营收为300亿美元。苹果表示，其营收为900亿美元。') ORDER BY fact_no;
-- a product with a maker names the entity (H100 -> NVIDIA)
SELECT fact_no, entity, metric, segment, value, unit, approx FROM facts('一块H100的成本约为3320美元。') ORDER BY fact_no;
-- a paragraph about a bank after 责任编辑 gives no rows (no NVIDIA, no CNY)
SELECT fact_no, entity, metric, measure, value, unit FROM facts(E'英伟达第三季度营收为350亿美元，同比增长94%。\n责任编辑：王芳\n招商银行上半年实现营收1700亿元，同比下降3%，净利润为750亿元。') ORDER BY fact_no;
-- a company the lexicon does not know gives no rows
SELECT count(*) FROM facts('招商银行上半年实现营收1700亿元，同比下降3%。');

-- ===== duplicates: a page repeating its body =====

-- the body three times gives each fact once, at its first mention
SELECT fact_no, segment, measure, value, unit, span_start, span FROM facts(repeat(E'英伟达第四季度营收为393亿美元，同比增长78%。\n其中数据中心营收为356亿美元，环比增长16%。\n游戏业务营收为25亿美元，同比下降11%。\n', 3)) ORDER BY fact_no;
-- ... the same rows as one copy
SELECT (SELECT array_agg(f ORDER BY fact_no) FROM facts(repeat(E'英伟达第四季度营收为393亿美元，同比增长78%。\n', 3)) f)
     = (SELECT array_agg(f ORDER BY fact_no) FROM facts(E'英伟达第四季度营收为393亿美元，同比增长78%。\n') f) AS same_rows;

-- ===== metrics =====

-- 营收 -> revenue
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达营收为350亿美元。') ORDER BY fact_no;
-- 净利润 -> net_income
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达净利润为193亿美元。') ORDER BY fact_no;
-- 毛利率 -> gross_margin (a percentage level)
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达毛利率为75%。') ORDER BY fact_no;
-- 每股收益 -> eps
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达每股收益为0.78美元。') ORDER BY fact_no;
-- 资本支出 -> capex, for two companies
SELECT fact_no, entity, metric, measure, value, unit FROM facts('微软资本支出为190亿美元，谷歌资本支出为120亿美元。') ORDER BY fact_no;
-- 市值 -> market_cap
SELECT fact_no, entity, metric, measure, value, unit, span FROM facts('英伟达市值达到3万亿美元。') ORDER BY fact_no;
-- 股价 level in money
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达股价为135美元。') ORDER BY fact_no;
-- 股价 move in percent
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达股价下跌5%。') ORDER BY fact_no;
-- 市场份额 -> market_share
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达在AI芯片市场的市场份额为80%。') ORDER BY fact_no;
-- 单价 of a product -> unit_price with the product as segment
SELECT fact_no, entity, metric, segment, value, unit, span FROM facts('英伟达H100的单价为2.5万美元。') ORDER BY fact_no;
-- H100成本 -> unit_price (成本 needs a product before it)
SELECT fact_no, entity, metric, segment, value, unit, approx FROM facts('英伟达H100成本约为3000美元。') ORDER BY fact_no;
-- 投入 with 将 -> spending, guidance
SELECT fact_no, entity, metric, measure, value, unit, status FROM facts('英伟达将投入50亿美元建设新园区。') ORDER BY fact_no;

-- ===== segments =====

-- 数据中心 -> data_center
SELECT fact_no, entity, metric, segment, value FROM facts('英伟达数据中心营收为308亿美元。') ORDER BY fact_no;
-- 游戏业务 -> gaming, also for the change in the next clause
SELECT fact_no, entity, metric, segment, measure, value, unit FROM facts('英伟达游戏业务营收为33亿美元，环比增长14%。') ORDER BY fact_no;
-- 中国市场 -> china
SELECT fact_no, entity, metric, segment, value FROM facts('英伟达来自中国市场的收入为54亿美元。') ORDER BY fact_no;
-- a sentence with no segment -> NULL (the whole entity)
SELECT fact_no, entity, metric, segment IS NULL AS whole_entity FROM facts('英伟达营收为350亿美元。') ORDER BY fact_no;

-- ===== numbers that are not financial metrics give no rows =====

-- transistor count
SELECT count(*) FROM facts('英伟达H100芯片集成了800亿个晶体管。');
-- GPU count
SELECT count(*) FROM facts('微软今年采购了48.5万块英伟达Hopper芯片。');
-- bandwidth in TB/s
SELECT count(*) FROM facts('英伟达新芯片的带宽达到8TB/s。');
-- tokens per second
SELECT count(*) FROM facts('英伟达模型每秒可生成1000个tokens。');
-- ... beside a real figure: only the figure
SELECT fact_no, entity, metric, value, unit, span FROM facts('英伟达营收为300亿美元，新集群部署了10万块GPU，带宽达到8TB/s。') ORDER BY fact_no;

-- ===== measures =====

-- yoy: 按年
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收按年增长78%。') ORDER BY fact_no;
-- yoy: 较去年同期
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收较去年同期增长78%。') ORDER BY fact_no;
-- yoy: a money change against last year
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收较去年同期减少了20亿美元。') ORDER BY fact_no;
-- qoq: 按季
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收按季增长12%。') ORDER BY fact_no;
-- qoq: 较上季
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收较上季增长12%。') ORDER BY fact_no;
-- qoq: 较上季度 in the clause after the level
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收为350亿美元，较上季度增长17%。') ORDER BY fact_no;
-- change: no reference named
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收增长了20亿美元。') ORDER BY fact_no;
-- yoy then the new level after 至
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达营收同比增长208%至260亿美元。') ORDER BY fact_no;
-- share: 占…%
SELECT fact_no, entity, metric, segment, measure, value, unit FROM facts('英伟达数据中心业务占总营收的87%。') ORDER BY fact_no;
-- share: the part named before 占, the entity after it
SELECT fact_no, entity, metric, segment, measure, value, unit FROM facts('中国市场占英伟达营收的13%。') ORDER BY fact_no;
-- share: 贡献
SELECT fact_no, entity, metric, segment, measure, value, unit FROM facts('数据中心业务贡献了英伟达87%的营收。') ORDER BY fact_no;
-- share: 占比
SELECT fact_no, entity, metric, segment, measure, value, unit FROM facts('英伟达数据中心营收占比达到88%。') ORDER BY fact_no;
-- surprise: 超出预期 (money)
SELECT fact_no, metric, measure, value, unit, status FROM facts('英伟达营收超出预期20亿美元。') ORDER BY fact_no;
-- surprise: 超出预期 (percent) after the level
SELECT fact_no, metric, measure, value, unit, status FROM facts('英伟达营收为300亿美元，超出预期5%。') ORDER BY fact_no;
-- surprise: 比之前的预期高了
SELECT fact_no, metric, measure, value, unit, status FROM facts('英伟达营收为350亿美元，比之前的预期高了18亿美元。') ORDER BY fact_no;
-- multiple: 翻倍 -> 2 x
SELECT fact_no, metric, measure, value, unit, span FROM facts('英伟达营收翻倍。') ORDER BY fact_no;
-- multiple: 同比增长了两倍 -> yoy 2 x
SELECT fact_no, metric, measure, value, unit, span FROM facts('英伟达营收同比增长了两倍。') ORDER BY fact_no;
-- multiple: 五倍多 -> 5 x over
SELECT fact_no, metric, measure, value, unit, approx FROM facts('英伟达营收增长了五倍多。') ORDER BY fact_no;

-- ===== signs =====

-- 下降11% -> -11
SELECT fact_no, metric, measure, value, unit, span FROM facts('英伟达净利润下降11%。') ORDER BY fact_no;
-- 下滑 -> negative
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达净利润下滑8%。') ORDER BY fact_no;
-- 同比下降 -> negative yoy
SELECT fact_no, segment, measure, value, unit FROM facts('英伟达游戏业务营收为25亿美元，同比下降11%。') ORDER BY fact_no;
-- 按年跌 -> negative yoy
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达净利润为193亿美元，按年跌5%。') ORDER BY fact_no;
-- 下降了3个百分点 -> -3 pp
SELECT fact_no, metric, measure, value, unit, span FROM facts('英伟达毛利率下降了3个百分点。') ORDER BY fact_no;
-- 较去年同期下降了3个百分点 -> yoy -3 pp
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达毛利率较去年同期下降了3个百分点。') ORDER BY fact_no;
-- 较上季下降了1.2个百分点 -> qoq -1.2 pp, after the level
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达毛利率为73.5%，较上季下降了1.2个百分点。') ORDER BY fact_no;
-- 回落到78% is the new level, not -78
SELECT fact_no, metric, measure, value, unit FROM facts('英伟达毛利率回落到78%。') ORDER BY fact_no;

-- ===== status =====

-- actual: a reported figure
SELECT fact_no, metric, value, status FROM facts('英伟达净利润为193亿美元。') ORDER BY fact_no;
-- guidance: 预计 (the company's own outlook)
SELECT fact_no, entity, metric, value, status, period_text FROM facts('英伟达预计下季度营收为375亿美元。') ORDER BY fact_no;
-- guidance: 将
SELECT fact_no, entity, metric, value, status FROM facts('英伟达将把资本支出提高到50亿美元。') ORDER BY fact_no;
-- forecast: 分析师预计
SELECT fact_no, entity, metric, value, status FROM facts('分析师预计英伟达营收为330亿美元。') ORDER BY fact_no;
-- forecast: 华尔街
SELECT fact_no, entity, metric, value, status FROM facts('华尔街此前预计英伟达营收为330亿美元。') ORDER BY fact_no;
-- actual and forecast in one sentence
SELECT fact_no, entity, metric, value, status FROM facts('英伟达营收为350亿美元，高于分析师预期的332亿美元。') ORDER BY fact_no;

-- ===== basis =====

-- GAAP
SELECT fact_no, metric, basis, value, unit FROM facts('英伟达GAAP每股收益为0.78美元。') ORDER BY fact_no;
-- 非GAAP
SELECT fact_no, metric, basis, value, unit FROM facts('英伟达非GAAP毛利率为75.7%。') ORDER BY fact_no;
-- 调整后 -> non_gaap
SELECT fact_no, metric, basis, value, unit FROM facts('英伟达调整后每股收益为0.81美元。') ORDER BY fact_no;
-- not stated -> NULL
SELECT fact_no, metric, basis IS NULL AS no_basis FROM facts('英伟达每股收益为0.78美元。') ORDER BY fact_no;

-- ===== periods =====

-- 2025财年第一季度 -> 2025 / 1
SELECT fact_no, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达2025财年第一季度营收为271.6亿美元。') ORDER BY fact_no;
-- FY25Q3 -> 2025 / 3
SELECT fact_no, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达FY25Q3营收为351亿美元。') ORDER BY fact_no;
-- FY2025 -> 2025, full year
SELECT fact_no, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达FY2025营收为1305亿美元。') ORDER BY fact_no;
-- NVIDIA's calendar label 2024年Q4 -> FY2025 Q4 (its year ends in January)
SELECT fact_no, entity, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达2024年Q4营收为393亿美元。') ORDER BY fact_no;
-- a calendar-year company keeps 2024年Q4 as 2024 Q4
SELECT fact_no, entity, fiscal_year, fiscal_quarter, period_text FROM facts('Meta在2024年Q4的营收为482亿美元。') ORDER BY fact_no;
-- a quarter without a year: quarter only
SELECT fact_no, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达第三季度营收为350亿美元。') ORDER BY fact_no;
-- 上季 and 本季度 resolved against the quarter named before
SELECT fact_no, metric, value, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达2025财年第三季度营收为351亿美元。上季营收为300亿美元。') ORDER BY fact_no;
SELECT fact_no, metric, value, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达2025财年第三季度营收为351亿美元。本季度净利润为193亿美元。') ORDER BY fact_no;
-- 本财年 published 2025-03-05 -> NVIDIA FY2026
SELECT fact_no, fiscal_year, fiscal_quarter, period_text, status FROM facts('英伟达本财年资本支出为30亿美元。', '2025-03-05') ORDER BY fact_no;
-- 本财年 without a date: year unknown
SELECT fact_no, fiscal_year, fiscal_quarter, period_text FROM facts('英伟达本财年资本支出为30亿美元。') ORDER BY fact_no;
-- 今年 published 2025-03-05: NVIDIA FY2026, Meta (calendar year) 2025
SELECT fact_no, entity, fiscal_year, period_text FROM facts('英伟达今年营收为1300亿美元，Meta今年资本支出为650亿美元。', '2025-03-05') ORDER BY fact_no;
-- 今年 without a date: year unknown
SELECT fact_no, entity, fiscal_year, period_text FROM facts('英伟达今年营收为1300亿美元，Meta今年资本支出为650亿美元。') ORDER BY fact_no;
-- the date printed in the page is used when published is NULL
SELECT fact_no, entity, fiscal_year, period_text FROM facts(E'英伟达财报速递\n发布时间:2025-03-06 09:30\n英伟达本财年资本支出为30亿美元，Meta今年资本支出为650亿美元。') ORDER BY fact_no;
-- other page date formats: 发表于, a bare date and time, 最后更新 (here at the end), a date before 来源 or a weekday,
-- an English date on a line of its own (labelled, or with its time); not one inside a sentence
SELECT v.page, (SELECT array_agg(fiscal_year ORDER BY fact_no) FROM nvfacts.extract(v.doc)) AS fiscal_years
FROM (VALUES
    ('发表于',    E'发表于 2024-6-2 08:15:30\nMeta今年资本支出为400亿美元。'),
    ('bare date', E'2024-05-27 11:02:45 来源：本站\nMeta今年资本支出为400亿美元。'),
    ('最后更新',  E'Meta今年资本支出为400亿美元。\n最后更新: 2024-05-12'),
    ('来源',      E'2024-06-03 来源：本站综合\nMeta今年资本支出为400亿美元。'),
    ('星期',      E'2024年6月3日 星期一\nMeta今年资本支出为400亿美元。'),
    ('English',   E'Published: June 3, 2024 07:40 ET\nMeta今年资本支出为400亿美元。'),
    ('English dmy', E'3 Jun 2024\nMeta今年资本支出为400亿美元。'),
    ('in a sentence', E'Meta said on June 3, 2024 that it would spend more.\nMeta今年资本支出为400亿美元。')
) v(page, doc)
ORDER BY v.page;
-- ... but published, when given, wins over the page's date
SELECT fact_no, entity, fiscal_year, period_text FROM facts(E'发布时间:2025-03-06 09:30\n英伟达本财年资本支出为30亿美元。', '2024-06-01') ORDER BY fact_no;

-- ===== 分别 (respectively) =====

-- two bases
SELECT fact_no, metric, basis, value, unit, status FROM facts('英伟达GAAP和非GAAP毛利率分别为72.1%和73.4%。') ORDER BY fact_no;
-- two segments
SELECT fact_no, metric, segment, value, unit, span FROM facts('英伟达数据中心和游戏业务营收分别为308亿美元和33亿美元。') ORDER BY fact_no;

-- ===== tolerance =====

-- 上下浮动2% on money -> relative bounds
SELECT fact_no, metric, value, value_low, value_high, unit, status FROM facts('英伟达预计下季度营收为280亿美元，上下浮动2%。') ORDER BY fact_no;
-- 正负2% on money
SELECT fact_no, metric, segment, value, value_low, value_high, unit FROM facts('英伟达预计数据中心营收为300亿美元，正负2%。') ORDER BY fact_no;
-- 上下浮动50个基点 on a margin -> ±0.5
SELECT fact_no, metric, value, value_low, value_high, unit FROM facts('英伟达预计毛利率为75%，上下浮动50个基点。') ORDER BY fact_no;
-- 各自上下浮动50个基点 after 分别: both margins widened
SELECT fact_no, metric, basis, value, value_low, value_high, unit FROM facts('英伟达预计GAAP和非GAAP毛利率分别为73.0%和73.5%，各自上下浮动50个基点。') ORDER BY fact_no;

-- ===== ranges and approximations =====

-- 1000亿-1190亿美元 -> value NULL, bounds
SELECT fact_no, metric, value, value_low, value_high, unit, status, span FROM facts('英伟达预计资本支出为1000亿-1190亿美元。') ORDER BY fact_no;
-- a forecast range with 在…之间
SELECT fact_no, metric, value, value_low, value_high, status FROM facts('分析师预计英伟达营收在1000亿-1190亿美元之间。') ORDER BY fact_no;
-- 约 -> about
SELECT fact_no, value, approx FROM facts('英伟达营收约为350亿美元。') ORDER BY fact_no;
-- 超过 -> over
SELECT fact_no, value, approx FROM facts('英伟达营收超过350亿美元。') ORDER BY fact_no;
-- 不到 -> under
SELECT fact_no, value, approx FROM facts('英伟达营收不到350亿美元。') ORDER BY fact_no;

-- ===== broken web text gives the same facts as clean text =====

SELECT v.variant,
       (SELECT array_agg(ROW(entity, metric, segment, basis, measure, value, value_low, value_high,
                             unit, approx, status, fiscal_year, fiscal_quarter) ORDER BY fact_no)
        FROM nvfacts.extract(v.doc))
     = (SELECT array_agg(ROW(entity, metric, segment, basis, measure, value, value_low, value_high,
                             unit, approx, status, fiscal_year, fiscal_quarter) ORDER BY fact_no)
        FROM nvfacts.extract('英伟达2025财年第一季度营收为271.6亿美元，同比增长208%。')) AS same_facts
FROM (VALUES
    ('full-width',  '英伟达２０２５财年第一季度营收为２７１．６亿美元，同比增长２０８％。'),
    ('traditional', '英偉達2025財年第一季度營收為271.6億美元，同比增長208%。'),
    ('pinyin',      '英偉達(dá)2025财年第一季度营收为271.6亿美元，同比增长208%。'),
    ('decimal 。',  '英伟达2025财年第一季度营收为271。6亿美元，同比增长208%。'),
    ('ascii punct', '英伟达2025财年第一季度营收为271.6亿美元,同比增长208%.')
) v(variant, doc)
ORDER BY v.variant;
-- spans, period text and evidence stay in the original script
SELECT fact_no, span, period_text, evidence FROM facts('英伟达２０２５财年第一季度营收为２７１．６亿美元，同比增长２０８％。') ORDER BY fact_no;
SELECT fact_no, span, period_text, evidence FROM facts('英偉達2025財年第一季度營收為271.6億美元，同比增長208%。') ORDER BY fact_no;
SELECT fact_no, span, evidence FROM facts('英偉達(dá)2025财年第一季度营收为271.6亿美元。') ORDER BY fact_no;

-- ===== evidence, fact_no, doc =====

-- evidence is the sentence of the original text; fact_no follows the text
SELECT fact_no, span_start, span, evidence FROM facts(E'英伟达公布了财报。\n数据中心营收为308亿美元。游戏营收为33亿美元，环比增长14%。') ORDER BY fact_no;
-- fact_no is 1..n in the order of the spans
SELECT array_agg(fact_no ORDER BY span_start) AS fact_nos
FROM facts(E'英伟达营收为350亿美元，同比增长94%。\n毛利率为75%，净利润为193亿美元。\n每股收益为0.78美元。');
-- doc is NULL from extract(text)
SELECT count(*) AS n, bool_and(doc IS NULL) AS doc_null FROM nvfacts.extract('英伟达营收为350亿美元。');

-- ===== no rows =====

-- NULL doc
SELECT count(*) FROM nvfacts.extract(NULL);
SELECT count(*) FROM nvfacts.extract(NULL, '2025-03-05');
-- empty doc
SELECT count(*) FROM nvfacts.extract('');
-- only white space
SELECT count(*) FROM nvfacts.extract(E' \n\n\t ');
-- text without figures
SELECT count(*) FROM nvfacts.extract('英伟达今天发布了新一代芯片。');

-- a company outside the lexicon (a bank) after a blank line: no NVIDIA rows
SELECT fact_no, entity, metric, measure, value, unit FROM facts(E'英伟达第三季度营收为350亿美元，同比增长94%。\n\n招商银行上半年实现营收1700亿元，同比下降3%，净利润为750亿元。');
-- a multiple whose metric is named in the clause before
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达营收为350亿美元，同比增长了两倍。');
-- 蒸发 is a decrease
SELECT fact_no, entity, metric, measure, value, unit FROM facts('英伟达股价收跌3.5%，市值蒸发1000亿美元。');
-- the figure after 超出预期的 is the consensus, not the surprise
SELECT fact_no, entity, metric, measure, value, unit, status FROM facts('英伟达每股收益为0.89美元，超出预期的0.84美元。');
-- a multiple beyond 100-fold is not read as a metric's growth
SELECT count(*) FROM nvfacts.extract('英伟达的投资者押注，市场需求可能会增加一万亿倍。');

DROP FUNCTION facts(text, date);
-- a growth word moved by a second direction word with a to-word (营收增长预期上调至X%, 上修营收成长至X%, 增长放缓至X%) is
-- the growth rate at its new level, a change; an amount that fell to a percentage (费用降到61%) is still no figure
SELECT fact_no, entity, metric, measure, value, approx, status FROM nvfacts.extract(E'超微电脑将全年营收增长预期上调至40%左右。\n聯發科上修全年營收成長至近20%。\n美光营收增长放缓至15%，运营费用一度降到61%。', '2025-10-20');
-- a direction word right after an expectation that 比/较 sets the figure against (比分析师预期多出X, 较市场预期少了X) is a
-- surprise, below zero when below (was a change of the forecast)
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract(E'博通第四财季营收180亿美元，比分析师预期多出5亿美元。\n美光第一财季营收120亿美元，较市场预期少了3亿美元。', '2025-12-20');
-- a surprise word a space ends in a headline (营收超预期 数据中心收入X) qualifies only the clause before it: the figure after
-- the space is a level, not a beat
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'美光Q1营收超预期 DRAM收入108亿美元', '2025-12-18');
-- 耗资 (cost to build) is spending, like 斥资
SELECT fact_no, entity, metric, value, approx FROM nvfacts.extract('Meta在路易斯安那州新建的数据中心耗资约100亿美元。', '2025-10-01');
-- a figure that 超过/超出/好于 sets against a consensus word after it (175亿美元市场共识) is that consensus, as after 高于
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('超微电脑当季营收58亿美元，超过了FactSet汇总的55亿美元市场共识。', '2025-11-05');
-- a neutral 预计 that nothing before speaks for goes on with the outlook a ； passed on: the analyst's (瑞银预计…；), the
-- company's (公司预计…；)
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract(E'瑞银预计超微电脑本季营收约为60亿美元；每股收益预计为0.6美元。\n超微电脑预计下季营收约为70亿美元；每股收益预计为0.7美元。', '2025-11-05');
-- Hong Kong's 經營溢利率 is the operating margin (a level), not a change of 經營溢利
SELECT fact_no, entity, metric, segment, measure, value, approx FROM nvfacts.extract('聯想方案服務業務集團(SSG)經營溢利率維持逾兩成。', '2026-02-13');
-- a figure given once with its tolerance and once without is one fact, the first mention's, in either order
SELECT fact_no, metric, value, value_low, value_high, span_start FROM nvfacts.extract(E'英伟达第四财季营收指引650亿美元\n英伟达预计第四财季营收为650亿美元，上下浮动2%。', '2025-11-20');
SELECT fact_no, metric, value, value_low, value_high, span_start FROM nvfacts.extract(E'英伟达预计第四财季营收为650亿美元，上下浮动2%。\n英伟达第四财季营收指引650亿美元', '2025-11-20');
-- 股東應佔盈利 is the net income: the growth after it is the net income's, not that of the revenue before the ；
SELECT fact_no, entity, metric, basis, measure, value FROM nvfacts.extract('騰訊第四季收入為1,944億元，按年增長13%；非國際財務報告準則下的股東應佔盈利為676億元，按年升18%。', '2026-03-20');
-- a company's branded part (百度智能云, 领英, Reality Labs) names its company, whoever the sentence before was about
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('寒武纪2025年营收64.97亿元。百度智能云第四季度收入同比增长33%。', '2026-03-20');
-- ｜ parts a headline's items like a comma: the part after it opens its own clause, though a bracket with a comma
-- came before (营收570亿美元（同比+62%，环比+22%）｜数据中心512亿美元)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('英伟达营收570亿美元（同比+62%，环比+22%）｜数据中心512亿美元｜毛利率73.6%', '2025-11-20');
-- 分别 after a list and outlook words (营收和毛利率的市场预期分别为), and 分别 after metrics named one by one
-- (营收X，毛利率Y，此前市场预期分别为A和B): the amount is the revenue's, the percentage the margin's; the first
-- figure is not lost to the ratio named last
SELECT fact_no, entity, metric, value, unit, status FROM nvfacts.extract(E'博通第二财季营收和毛利率的市场预期分别为150亿美元和79%。\n美光第四财季营收113亿美元，毛利率45.7%，此前分析师预期分别为111亿美元和44.5%。', '2025-09-30');
-- 资本预算 (a capital budget) is capex, not other spending
SELECT fact_no, entity, metric, value_low, value_high, status, fiscal_year FROM nvfacts.extract('魏哲家表示，台积电今年资本预算将收窄至400亿至420亿美元。', '2025-10-17');
-- a headline's growth rate before an item that beat expectations (同比+62%　四季度指引高于预期) is reported: 同比 holds a 比
-- but compares with no outlook figure (比此前指引多出X does)
SELECT fact_no, entity, metric, segment, measure, value, status FROM nvfacts.extract('AMD三季度营收92亿美元　数据中心环比增长34%　四季度指引高于预期', '2025-11-05');
-- a tolerance is the first figure after its cue (780亿美元±2%（预期727亿美元）: 2%, not the 727亿 after it), and an
-- expectation word opening a bracket a figure opens (（预期727亿美元）) is the market's, though a guidance word stands
-- before the figure
SELECT fact_no, metric, value, value_low, value_high, status FROM nvfacts.extract(E'英伟达财报点评\n• Q1营收指引：780亿美元±2%（预期727亿美元）\n• 营收：681.3亿美元（预期659亿美元）', '2026-02-27');
-- 跌破/跌穿 (fell below) and 涨破/升破 say the level reached, as 跌至 does: a level with approx under right before
-- the figure, not a fall by it
SELECT fact_no, entity, metric, measure, value, approx FROM nvfacts.extract(E'英伟达股价盘中跌破150美元，市值一度跌破4万亿美元。\nH100租赁价格跌破每小时2美元。', '2026-06-10');
-- a share word right after a percentage (约70%至80%将用于先进制程) makes it a share of the amount named before, of
-- the part named after the word, not a change of that amount
SELECT fact_no, entity, metric, segment, measure, value, value_low, value_high FROM nvfacts.extract(E'台积电表示，2026年资本预算介于520亿至560亿美元，约70%至80%将用于先进制程技术。', '2026-01-16');
-- the amount an investor puts into a round (软银领投400亿美元) is funding, outside the vocabulary: it takes no
-- valuation from the clause before
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'在最新一轮融资中，OpenAI的估值达到5000亿美元，软银领投400亿美元。', '2026-09-20');
-- revenue lost (约80亿美元的H20收入损失, 25亿美元的H20收入无法确认) is a loss, not revenue; a layoff's share (宣布裁员15%)
-- is no metric's; an amount over years to come (未来三年AI投入超3800亿元) is a plan: guidance
SELECT fact_no, entity, metric, segment, value, status FROM nvfacts.extract(E'英伟达预计第二季度营收为450亿美元，其中包括约80亿美元的H20收入损失。\n此前约25亿美元的H20收入无法确认。\n英特尔第二季度净亏损29亿美元 宣布裁员15%\n阿里巴巴：未来三年AI投入超3800亿元', '2026-05-29');
-- a table cell may hold an amount with its own unit (570亿美元, 约2.1万亿韩元): a level in that unit, as a plain
-- number is in the unit its row, column or caption declares
SELECT fact_no, entity, metric, segment, measure, value, unit, approx, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'SK海力士第三季度业绩一览：\n| 项目 | 本季 | 同比 |\n| 营收 | 24.4万亿韩元 | 39% |\n| 营业利润 | 约11.4万亿韩元 | 62% |\n', '2025-10-30');
