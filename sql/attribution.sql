-- Who a figure belongs to, and which figure is which: subjects carried over
-- long lists, companies named in passing, rivals, bullets written on one line,
-- market-wide figures, status words and comparisons.  Sentences written for
-- this test.

CREATE FUNCTION who(doc text, published date DEFAULT NULL)
RETURNS TABLE (fact_no int, entity text, metric text, segment text, basis text,
               measure text, value numeric, unit text, status text, fiscal_quarter int)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT f.fact_no, f.entity, f.metric, f.segment, f.basis, f.measure, f.value, f.unit,
           f.status, f.fiscal_quarter
    FROM nvfacts.extract(who.doc, who.published) f ORDER BY f.fact_no
$$;

-- ===== subjects =====

-- a company named once, then one figure per line for 22 lines: all its own
SELECT count(*) AS facts, count(DISTINCT entity) AS entities, min(entity) AS entity
FROM who((SELECT '美光公布2026财年第一季度业绩：' ||
                 string_agg(E'\n第' || i || '条：营收为' || (i + 10) || '亿美元', '' ORDER BY i)
          FROM generate_series(1, 22) AS i));
-- ... until another company becomes the subject
SELECT fact_no, entity, metric, value FROM who(E'美光营收为90亿美元。\n净利润为20亿美元。\n三星营收为600亿美元。\n毛利率为35%。');
-- a partner named in passing does not take the subject over
SELECT fact_no, entity, metric, value FROM who('甲骨文本季度营收为160亿美元，并与OpenAI签署了新协议。云收入为80亿美元。');
-- nor do customers a result is credited to
SELECT fact_no, entity, metric, value FROM who('甲骨文表示，得益于Meta和英伟达的新订单，营收为160亿美元。');
-- 集团 and 该公司 are the subject itself
SELECT fact_no, entity, metric, value FROM who('阿里巴巴集团营收为2400亿元。该集团净利润为400亿元。');
-- rivals' figures are theirs (分别), and the subject returns afterwards
SELECT fact_no, entity, metric, measure, value FROM who('英伟达营收增速为18%，而对手AMD和英特尔分别为29%和26%。英伟达毛利率为73%。');
-- 甲的对手乙: the sentence is about 乙
SELECT fact_no, entity, metric, value FROM who('OpenAI的竞争对手Anthropic估值达到1800亿美元。');
-- a figure in brackets after a company is that company's
SELECT fact_no, entity, metric, value, status FROM who('该公司估值将超过OpenAI(约3000亿美元)。');
-- a market-wide figure has no company
SELECT fact_no, entity, metric, segment, value, unit FROM who('今年以来，全行业GPU租赁均价已降至每小时2美元。');

-- ===== report bullets on one line =====

-- items after " - " are sentences: cues and 分别 do not leak across them
SELECT fact_no, entity, metric, measure, value, unit FROM who(
    '博通第四季度业绩 - 营收为180亿美元，同比增长28% [1] - 毛利率为78% [2] - 净利润为97亿美元，同比增长39% [2]');
-- ①②: one item each
SELECT fact_no, entity, metric, measure, value, unit FROM who('戴尔业绩要点：①营收为270亿美元②AI服务器营收为56亿美元，环比增长150%');

-- ===== status =====

-- an analyst's expectation before a list of figures is theirs, up to the last
SELECT fact_no, metric, basis, value, status FROM who('分析师此前平均预计，按非GAAP计算，英伟达第一财季营收为29亿美元，每股收益为1.45美元。');
-- an expectation already spent on its own figure does not reach later clauses
SELECT fact_no, metric, segment, measure, value, status FROM who('英伟达数据中心营收为390亿美元，略低于市场预期的391亿美元，占总营收的88%。');
-- the company's guidance and the analysts' expectation, side by side
SELECT fact_no, metric, measure, value, status FROM who('英伟达营收为441亿美元，优于分析师预期的432.9亿美元以及公司指引的430亿美元。');
-- a beat has the status of the figure it measures
SELECT fact_no, metric, measure, value, status FROM who('英伟达预计下季度营收为30亿美元，超出市场一致预期5%。');
SELECT fact_no, metric, measure, value, status FROM who('博通营收为180亿美元，较分析师预期的174.7亿美元高出3.1%。');
-- 超出预期 followed by a growth in brackets: growth, not a surprise
SELECT fact_no, metric, measure, value, status FROM who('微软第二财季营收超出预期(按年增16.7%至812亿美元)。');
-- ；continues the outlook of the part before it
SELECT fact_no, metric, value, status FROM who('高盛预计英伟达四季度收入673亿美元；一季度收入768亿美元。');
-- 已 marks what is reported, after an outlook
SELECT fact_no, metric, value, status FROM who('字节跳动预计全年利润约500亿美元；前三季度净利润已接近400亿美元。');
-- an outlook word right after the figure
SELECT fact_no, metric, value, status FROM who('台积电长期毛利率达53%以上的目标不变。');
-- a neutral 估计 about a period already past is an estimate of the past
SELECT fact_no, metric, segment, measure, value, status FROM who('我们估计过去四个季度推理贡献了英伟达数据中心约40%的收入。');

-- ===== measure, sign and basis =====

-- a comparison's base in the clause before applies to the growth after it
SELECT fact_no, metric, measure, value FROM who('超微电脑营收为127亿美元，较上年同期的57亿美元，增加123%。');
-- 占 earlier in the clause is not the measure of a later growth figure
SELECT fact_no, metric, segment, measure, value FROM who('英伟达数据中心占营收的比重提升，同比增长73%。');
-- losses are negative; a write-down is a loss
SELECT fact_no, metric, measure, value, unit FROM who('CoreWeave第三季度净亏损1.1亿美元，每股亏损0.22美元；公司计提了3亿美元减值。');
-- GAAP/Non-GAAP written as a slash list with slash figures
SELECT fact_no, metric, basis, measure, value, unit FROM who('英伟达GAAP/Non-GAAP毛利率升到61.2%/62.0%。');
-- basis written out, and a false 美国 segment inside it
SELECT fact_no, metric, segment, basis, value FROM who('不按照美国通用会计准则，英伟达净利润为12.85亿美元；按照美国通用会计准则，净利润为12.44亿美元。');
-- 两者同为: one row per basis
SELECT fact_no, metric, basis, value FROM who('英伟达GAAP和非GAAP毛利率两者同为75%。');
-- a figure outside the vocabulary never borrows a neighbour's metric
SELECT fact_no, metric, value FROM who('甲骨文营收为160亿美元，剩余履约义务为5230亿美元，自由现金流为负100亿美元。');
-- 若剔除X的影响: X is not the figure's segment
SELECT fact_no, metric, segment, value FROM who('英伟达毛利率为61%，若剔除H20的影响，毛利率为71.3%。');

-- ===== lists and restatements =====

-- figures joined by 、 take the metrics listed before them
SELECT fact_no, metric, value, status FROM who('台积电预计毛利率、营业利益率中位数分别约为58%、48%。');
SELECT fact_no, metric, value FROM who('台积电第二季度毛利率、营益率中位数略降至58%、48%。');
-- a restatement that names less (no period) is the fact given before
SELECT fact_no, metric, value, fiscal_quarter FROM who('英伟达2026财年第二季度营收为467亿美元。总之，营收为467亿美元。');
-- a lead without the basis and a body with it give one figure (and a GAAP one stays apart)
SELECT fact_no, metric, basis, value FROM who(E'美光2026财年第一季度每股收益为1.79美元。\n据财报，美光第一季度调整后每股收益为1.79美元，GAAP每股收益为1.67美元。');
-- a company's own segment names the company only when no company is followed
SELECT fact_no, entity, metric, measure, value FROM who('中芯国际第三季度营收为171亿元。汽车电子业务增长得益于嵌入式存储器的需求，环比增长约20%。');
SELECT fact_no, entity, metric, segment, value FROM who('嵌入式业务营收为8.57亿美元。');
-- 约3成的先进制程: a share of something that is no metric gives no row
SELECT fact_no, metric, value FROM who('台积电对美国加码投资后，未来约3成的2纳米先进制程将位于美国。');

-- 前者/后者: the first and second of the two companies just named (joined by 与, itself a partner word)
SELECT fact_no, entity, metric, value FROM who('Anthropic与OpenAI都在大举采购算力。前者的年化收入约为50亿美元，后者今年收入预计约130亿美元。');
-- 分别 takes the last list of each kind: the bases, not a metric named earlier
SELECT fact_no, metric, basis, value FROM who('英伟达首季营收240亿美元，GAAP及非GAAP毛利率预计分别为76.3%和77.0%。');
-- English comparisons after the figure
SELECT fact_no, metric, segment, measure, value FROM who('NVIDIA Data Center revenue of $26.3 billion, up 154% from a year ago. Gaming revenue was $2.6 billion, down 8% from the previous quarter.');
-- a company named in passing in a paragraph keeps the subject to that paragraph
SELECT fact_no, entity, metric, value FROM who(E'英伟达营收为300亿美元。此外，OpenAI发布了新模型，压低了调用价格。\n中国市场的收入为40亿美元。');
-- a heading naming a company makes it the subject of what follows
SELECT fact_no, entity, metric, value FROM who(E'微软营收为812亿美元。\nMeta的投入回报\n去年第四季资本支出为221亿美元。');
-- a growth noun after the figure (的增长, 的降幅) makes it a change
SELECT fact_no, metric, measure, value FROM who('分析师预估美光上季营收成长40%至90亿美元，这样的增速相较于1年前同期超过150%的增长，意味着放缓。');
-- a comparison word after the figure and a 、 belongs to the next item: 较3月 is sequential
SELECT fact_no, metric, measure, value FROM who('美光4月营收30亿元，较3月25亿元成长20%、较去年同期20亿元成长50%。');
-- 分别 before a single figure gives it to each segment listed
SELECT fact_no, metric, segment, measure, value FROM who('英伟达数据中心营收为50亿美元。按客户类型看，超大规模云厂商和垂直行业客户分别贡献了约40%的数据中心收入。');
-- a metric carried to the next item of a list carries its segment too
SELECT fact_no, metric, segment, measure, value FROM who('英伟达2027财年数据中心收入有望达到3200亿美元，比市场预期高出14%；2028财年再升至4100亿美元。');
-- wafer sizes are segments: 12英寸 products' share of revenue
SELECT fact_no, metric, segment, measure, value FROM who('中芯国际第三季度营收为171亿元。其中12英寸晶圆的占比由前一季的74.8%升到75.6%。');
-- the metric after the figure may name its segment first: 20亿美元的数据中心收入
SELECT fact_no, entity, metric, segment, value FROM who('英伟达去年录得20亿美元的数据中心收入，以及5亿美元的游戏收入。');
-- a paragraph that opens without figures still returns the subject after a company named in passing;
-- 这一比例 is the share named before, of the same segment
SELECT fact_no, entity, metric, segment, measure, value FROM who(E'英伟达营收为300亿美元。此外，OpenAI发布了新模型，压低了调用价格。\n中国市场的情况要复杂得多。来自中国的收入为40亿美元，占总收入13%；到下一季度，这一比例已降至不足10%。');
-- 采购额 is no metric of the vocabulary: no row
SELECT fact_no, entity, metric, value FROM who('特斯拉的集群已有35000块H100，仅这批芯片的采购额就在10亿美元上下。');
-- 是<period>X的N倍: X is that period's own figure; 的区间 describes the figure, it names no other noun
SELECT fact_no, entity, metric, measure, value, status FROM who('OpenAI今年收入约127亿美元，是2024年37亿美元的三倍。');
SELECT fact_no, entity, metric, value_low, value_high, status FROM nvfacts.extract('谷歌今年资本支出约750亿美元，Meta则给出600亿至650亿美元的区间。');
-- 为<period>X的N倍 (约为2025年914亿美元的两倍) reads as 是<period>X的N倍: the base of a forecast is reported
SELECT fact_no, entity, metric, measure, value, status, fiscal_year FROM nvfacts.extract('谷歌预计2026年资本支出将达到1800亿美元，约为2025年914亿美元的两倍。', '2026-02-05');
-- a company, a move and a percentage with no metric word: its share price; an index is no company
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract(E'纳指下跌1.2%。微软资本支出为300亿美元。\n微软跌2.5%，收报510.2美元；谷歌则逆势大涨1.8%，收于280.4美元。');
-- tolerances in money are absolute, in percent of money relative; ± borrows the unit after it
SELECT fact_no, metric, value, value_low, value_high, unit FROM nvfacts.extract('美光预计下一财季营收为125亿美元±3亿美元，毛利率51.5%±1.0pct，每股收益为3.75±0.15美元；AMD预计营收约为87亿美元，上下浮动3亿美元。');
-- a list of companies with bracketed asides still is a list (分别), and 前者/后者 name its items
SELECT fact_no, entity, metric, measure, value FROM who('英伟达（2026财年第二季度）和AMD（2025年第二季度）的数据中心收入分别为411亿美元和32.4亿美元，前者同比增长56%，后者同比仅增长14%。');
-- Hong Kong register: 股東應佔溢利 is net income, 攤薄盈利 per ADS is EPS (美國存託股 names no region), 港仙
SELECT fact_no, entity, metric, segment, value, unit FROM nvfacts.extract('阿里巴巴上季股東應佔溢利為209.9億元，按年跌52%。以每股美國存託股計，攤薄盈利為4.36元人民幣。聯想宣派中期股息每股8.5港仙。');
-- 分别 after metrics named one by one: the i-th figure takes the i-th of them
SELECT fact_no, metric, value, status FROM nvfacts.extract('美光预计下一财季营收为125亿美元，毛利率为51.5%，每股收益为3.75美元，而一致预期分别为119.1亿美元、47.8%和3.05美元。');
-- ... and so are the parts or the companies named one by one before 分别 (专业可视化收入X，汽车业务收入Y，同比分别增长A和B)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'英伟达专业可视化收入7.6亿美元，汽车业务收入5.92亿美元，同比分别增长56%和32%。\n英伟达营收570亿美元，AMD营收92亿美元，同比分别增长62%和36%。', '2025-11-20');
-- past a line opening with an end-of-article marker, each line is a story of its own: nothing carries
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'英伟达营收为467亿美元。\n相关阅读：\n博通第三财季AI半导体收入预计达51亿美元\n\n长城汽车二季度总收入为302.5亿元，净利润11亿元。');
-- a pointer to a disclaimer is no end of the article
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'美光科技业绩点评\n目标价：205.00美元\n请务必阅读正文之后的免责声明部分\n美光营收为113.2亿美元。\n毛利率为45.7%。');
-- rental prices are the market's: entity NULL
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('行业层面，单张H100 GPU的云端租赁价格已降至每小时2.1美元左右。');
-- a metric word may name its segment (研发费用: operating expenses of R&D); the share after 占营业收入 is the part's
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('寒武纪前三季度研发费用为7.84亿元，同比增长33.6%，占营业收入的比例已从上年同期的316.5%降至17.0%。截至9月末公司存货为37.29亿元。');
-- a group of companies (四家公司 overlaps the count 四家) gives entity NULL; 前者/后者 need a pair named just before
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'Meta全年资本支出指引为700亿美元。\n摩根士丹利预计，四家公司2025年的资本支出合计将超过3000亿美元。');
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract(E'英伟达和AMD发布了新品。\n市场反应平淡。\n汇丰将英伟达目标价上调至320美元。\nMelius Research给出350美元的目标价，后者意味着仍有约73%的上涨空间。');
-- both sides of an exchange rate are no figures; a company's move beats a metric named after it
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('台积电预估第四季营收介于322亿至334亿美元，以1美元兑30.6元新台币汇率假设计算。Meta重挫逾11%，市值蒸发约2080亿美元。');
-- a move after the company's clause is its share price too (微软周四的走势，重挫10%); no word straddles a period's end (上半年增长 holds no 年增长)
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('微软周四(29日)的走势，重挫10%。Anthropic的年化收入于今年上半年增长了三倍，已突破35亿美元。', '2025-08-01');
-- a company that only qualifies a word (OpenAI相关亏损) or is excluded (剔除了OpenAI投资) does not take the subject over
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'微软营收为777亿美元。\n· 注：非GAAP口径剔除了OpenAI投资带来的影响；按权益法确认的OpenAI相关亏损约31亿美元\n· 毛利：536亿美元\n· 资本支出（含融资租赁）：349亿美元');
-- a segment with its figure and no metric word: its revenue, or an expense line's metric; a product's price is no revenue
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'微软第一财季业绩：\n· 智能云：309亿美元，同比增长28%\n· 研发：81亿美元\nOpenAI上半年研发消耗了67亿美元。英伟达H100：约3万美元。');
-- 同日 is no partner word (同 is); 设施投资 is capex; ODMs are companies of their own
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('三星电子第三季度设施投资为11.4万亿韩元。同日SK海力士股价下跌1.2%。纬创10月营收为2107.5亿元新台币。');
-- 上调X (no 至) is a change by X; a comparison with a high point is a change, not a sequential one
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('甲骨文将2027财年营收预期再上调40亿美元。该股收于223.01美元，较9月创下的历史高点345.72美元已回落约35%。');
-- a metric after the figure that has a figure of its own is that one's (headlines: Azure增速40%　资本支出349亿美元)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('微软FY26Q1：Azure增速40%　资本支出349亿美元创新高');
-- a bare 预期 right after a reported figure of the same metric is the market's expectation
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('微软非GAAP每股收益为4.13美元，同比增长23%，预期3.67美元。');
-- a segment describing the company named right after it is no segment of its figures; memory segments
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('AI伺服器代工大廠廣達11月營收為1806.35億元新台幣。美光HBM收入为20亿美元。');
-- a role phrase (作为甲和乙的供应商，丙…) names its companies in passing: the figures are 丙's, and so is the next sentence's
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('作为微软和Meta的主要服务器供应商，戴尔第三季度营收为270亿美元，同比增长11%。毛利率为21%。');
-- a summary restating a growth figure without its comparison word (收入：222亿美元（+18%）) is the year-on-year figure again
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract(E'联想第三季度收入按年增长18%至222亿美元，毛利率按年下跌0.6个百分点至15.1%。\n业绩摘要：\n收入：222亿美元（+18%）\n毛利率：15.1%（-0.6个百分点）');
-- 后者 after two companies compared in its sentence (甲超过乙——后者…) is the second of them
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('美光的季度营收首次超过三星电子——后者同期营收为210亿美元，同比增长8%。');
-- with its metric after it, a figure right after a company (and 同期) is that company's
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('博通的毛利率已高于英特尔同期41%的毛利率。');
-- a line ending in ： introduces a list: its metric and segment hold for every line after it (a blank line
-- between them included) until prose comes back; a period in brackets right after a period explains it
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'美光FY2025各季度的DRAM收入如下：\n\nQ1（2024年9—11月）：60亿美元\nQ2（2024年12月—2025年2月）：55亿美元\nQ3（2025年3—5月）：70亿美元\n\n管理层表示，毛利率为39%。');
-- the demand for a product (伺服器需求) is no segment of the figure; after a part ending in ；
-- that gave an expectation, a part that looks back (去年同期) reports again; the expectation a reported
-- figure is measured against (高於市場預期的約214億美元) is of its period
SELECT fact_no, entity, metric, segment, measure, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'受惠AI伺服器需求，聯想第三季收入按年增長18%至222億美元，高於市場預期的約214億美元；去年同期收入為187.8億美元。', '2026-02-13');
-- after ；, a sentence whose figures were reported (its outlook words only the expectation they were
-- measured against) carries no outlook on; a broker's forecast does
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('美光当季营收为113亿美元，略低于分析师平均预期的115亿美元；每股收益为1.9美元，同比增长30%。');
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('摩根士丹利预计美光下季营收为125亿美元(市场预期120亿美元)；每股收益为2.1美元。');
-- a multiple of a period named between 是/为 and 的 (是一年前的2.6倍, 为上一季度的1.5倍) is measured against
-- it: yoy or qoq, and of the figure's own period; a 涨幅 of N倍 is a change
SELECT fact_no, entity, metric, segment, measure, value, unit, fiscal_quarter FROM nvfacts.extract('英伟达第三季度网络业务营收82亿美元，是一年前的2.6倍；游戏业务营收为上一季度的1.5倍。');
SELECT fact_no, entity, metric, measure, value, unit, approx FROM nvfacts.extract('博通今年营收约为2023年的2.4倍。今年以来博通股价累计涨幅已超过两倍。');
-- a company and its share move in one clause, whatever lies between (在纳斯达克上市的股票…在业绩公布之前收跌);
-- Arm is a company, the Arm architecture is not
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('美光在纳斯达克上市的股票周五在业绩公布之前收跌2.3%。半导体股普遍上扬，Arm涨2.2%，高通跌0.4%。');
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('基于Arm架构的服务器芯片营收增长了40%。');
-- more companies of the chip supply chain are entities (海光信息, 中际旭创, 联发科 ...): their figures are not the subject's;
-- a government subsidy is a measure outside the vocabulary, and 政府 inside it no organisation that takes the subject over
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract(E'寒武纪第一季度营收为9.8亿元。同业中，海光信息同期营收为21亿元，中际旭创营收为66亿元。\n\n另外，当期确认的政府补助共3200万元。\n\n公司2024年全年营收为10.2亿元。');
-- Microsoft's smaller lines are segments; a bracketed aside between a label and its figure does not part them
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'微软第二财季分部：\n· 领英：同比增长9%\n· 搜索与新闻广告（剔除流量获取成本）：同比增长12%\n· Xbox内容与服务：同比下降3%');
-- more accelerators are products (MI355X, MI325X, B300, TPU, Trainium, 昇腾 ...): their prices are unit prices;
-- 已将 is done (将 as 把), not an outlook
SELECT fact_no, entity, metric, segment, measure, value, status FROM nvfacts.extract('据渠道消息，AMD已将MI355X的报价由约2万美元上调至2.4万美元，涨幅约两成。谷歌TPU的单价约为1.2万美元。');
-- in a research note's header, a figure in a declared unit is the metric's that labels the bracket, or none
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('证券研究报告 美光科技 (MU US) 投资评级: 买入 目标价(美元): 210.00 基本数据 收盘价 (美元 截至 3 月 2 日) 185.50 市值 (美元百万) 207,600 52 周价格范围 (美元) 61.54-200.00 BVPS (美元) 45.10 会计年度 (美元) 2025 2026E');
-- orders (订单) are outside the vocabulary: no revenue row; a percentage an amount fell to (费用…降到61%) is no amount's but the ratio's named before it
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('第三财季，慧与斩获AI服务器订单16亿美元，年初至今累计订单约40亿美元；当季AI服务器营收为12亿美元。英伟达上季毛利率为75%，而本季因为H20相关费用一度降到60.5%，随后回升。');
-- a metric word that is a move word too (收涨, 收跌) reads the move right after it; a move of a share price
-- takes no segment from an earlier clause (中国 in an index's name); a target price is the analyst's, and only
-- its own figure's
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('中概股走弱，纳斯达克中国金龙指数收跌1.1%；台积电ADR亦下跌0.8%。台积电在台北上市的股票周五收跌0.5%，其在纽约上市的ADR周五收涨2.1%。');
SELECT fact_no, entity, metric, value, unit, status FROM nvfacts.extract('证券研究报告 美光科技 (MU US) 投资评级: 买入 目标价(美元): 210.00 基本数据 收盘价 (美元 截至 3 月 2 日) 185.50');
-- a table pasted as text: a caption (its company, metric and unit), a header naming each column (a metric,
-- 月增率/年增率, a period; 预测 makes a column a forecast), rows of a label and one figure per column
SELECT fact_no, entity, metric, measure, value, unit, status, fiscal_year, period_kind, period_text FROM nvfacts.extract(E'緯創公布營收。\n\n緯創近兩月營收（單位：新台幣億元）\n月份　　營收　　月增率　　年增率\n7月　　1,520.30　　8.1%　　95.0%\n8月\t1,610.75\t5.9%\t102.4%\n資料來源：公司公告', '2025-09-10');
SELECT fact_no, entity, metric, value, unit, status, span_start, span_end FROM nvfacts.extract(E'服务器CPU市场份额（按出货量计）\n厂商　│２０２３年│２０２５年（预测）\n────┼─────┼──────\n英特尔│７１％　│６２％\nＡＭＤ│２４％　│３１％\n数据来源：某研究机构');
-- a table whose rows name the metric (营收, 净利润) under a header of periods: each cell is its row's metric in
-- its column's period; a change column (同比) without a period of its own is the first period column's
SELECT fact_no, entity, metric, measure, value, unit, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'美光核心财务数据（单位：亿美元）\n指标 | 2025财年Q4 | 2024财年Q4 | 同比\n营收 | 113.2 | 77.5 | 46%\n净利润 | 32.0 | 8.9 | 261%\n', '2025-09-25');
-- the unit of a table's figures may be written in its row's label (营收(亿元)) or its column's header (2025年Q3(亿元))
SELECT fact_no, entity, metric, value, unit, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'寒武纪业绩速览\n项目 | 2025年Q3 | 2024年Q3\n营收(亿元) | 17.3 | 0.6\n\n海光信息业绩速览\n项目 | 2025年Q3(亿元) | 2024年Q3(亿元)\n营收 | 40.3 | 31.6\n', '2025-11-21');
-- a row of more cells than a table holds, and a caption without a unit over bare numbers: no rows
SELECT count(*) FROM nvfacts.extract(E'营收一览\n月份  营收  1  2  3  4  5  6  7  8  9  10  11  12  13\n9月  10  1  2  3  4  5  6  7  8  9  10  11  12  13\n月份  营收  年增率\n9月  1,789.64  40.1%');
-- a figure before 的 and its metric may have a per-unit between (4美元/小时的租金) and its product between (的H100价格)
SELECT fact_no, entity, metric, segment, measure, value, unit FROM nvfacts.extract('甲骨文称，3.5美元/小时的租金还会下探；不过去年英伟达曾表示，4美元的H100价格可维持两年。');
-- an unknown organisation's word before the kind of a business and its name (另一家云厂商谷歌云) does not hide the owner;
-- an unknown organisation alone still does
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('另一家云厂商谷歌云同类实例的价格约为11美元。一家初创公司H100租金约为2美元/小时。');
-- a word of excess before a base period (将远超2025年的两倍) measures a multiple of it; a bracket right after a
-- base period holds that period's figure
SELECT fact_no, entity, metric, measure, value, value_low, value_high, unit, status, fiscal_year FROM nvfacts.extract('Nebius预计2026年的资本支出将远超2025年(约25-30亿美元)的两倍。');
-- a topic (资本支出方面) names what a spending word in the next clause spends on
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('华虹半导体表示，资本支出方面，本季度投入约为42亿元，主要用于新厂建设。另外，公司当季投入研发2亿元。');
-- flat to up (持平至增长2%) is a range from 0; flat to down is the range to 0
SELECT fact_no, entity, metric, measure, value, value_low, value_high, unit, status FROM nvfacts.extract('华虹半导体预计第四季度营收环比持平至增长3%，毛利率则持平或下降1个百分点。');
-- a company named with its stock code: its share price in a bare 元 is in that market's currency —
-- (00992)/(0992.HK) Hong Kong, four digits that are no year Taiwan, six digits the mainland's own 元 (台积电(2025), a
-- code that reads as a year, has its own currency: nvfacts.entities.currency)
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract(E'聯想集團(00992)昨日收市報8.6元。\n\n小米集团(1810.HK)收报41元。\n\n鸿海(2317)股价收报210元。\n\n台积电(2025)股价收报1100元。\n\n寒武纪(688256)收盘报1350元。');
-- a loss qualified (相关亏损, 投资亏损, 汇兑亏损) is a loss, not the company's net result; the company that
-- only qualifies it is named in passing
SELECT fact_no, entity, metric, value FROM nvfacts.extract('软银确认的OpenAI相关亏损约12亿美元，另有汇兑亏损3亿美元。软银本季度净亏损约20亿美元。');
-- a sum of billions is no share's price (盘后…此前宣布将以约20亿美元收购); cash, cash equivalents and short-term
-- investments are holdings outside the vocabulary, not spending
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('英伟达股价收报180美元，盘后英伟达宣布将以约20亿美元收购一家软件公司。季末英伟达现金、现金等价物及短期投资合计560亿美元。');
-- a word after the figure that needs a product (费用) leaves it to the metric before (计提约8亿美元费用)
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('受出口限制影响，AMD当季计提约6亿美元费用。');
-- a line that ends in a comma runs on into the next, however short (the last line of a wrapped paragraph)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'AMD客户端与游戏业务收入合计41亿美元，同比增长60%，其中客户端收入28亿美元，\n同比增长46%。');
-- after a loss word in an earlier clause, a figure its own clause says was earned (则赚) is a profit
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('百度上季录得净亏损95.1亿元，去年同期则赚61.2亿元。');
-- an EBITA margin is an operating margin
SELECT fact_no, entity, metric, basis, measure, value FROM nvfacts.extract('阿里巴巴云智能集团经调整EBITA利润率约为8%。');
-- a percentage an amount fell to (因那笔费用一度掉到58.2%) is the level of the ratio named before it; what is left
-- without a part (剔除这笔费用后是69.8%) is of the figure before; the metric after the part left out is the figure's
-- (剔除这一影响后的毛利率, 不计入一次性费用的净利润)
SELECT fact_no, entity, metric, segment, basis, measure, value, fiscal_quarter FROM nvfacts.extract('英伟达二季度非GAAP毛利率为70.1%，而一季度因为H20那笔费用一度掉到58.2%，剔除这笔费用后是69.8%。AMD一季度因库存减记毛利率跌至49%。');
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('博通剔除这一影响后的毛利率为78.5%，不计入一次性费用的净利润为60亿美元。');
-- a metric right after a figure and its approximation word (七成以上的毛利率) is the figure's
SELECT fact_no, entity, metric, measure, value, approx FROM nvfacts.extract('英伟达一季度计提了45亿美元费用。换句话说，七成以上的毛利率仍可维持。');
-- a part's figure (数据中心391亿美元) names the metric of the series after it; a bracket of months right after a
-- quarter (Q2（5—7月）) only explains it
SELECT fact_no, entity, metric, segment, measure, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('英伟达2026财年Q1数据中心391亿美元，环比增长10%；Q2（5—7月）411亿美元，环比只有5%。');
-- scaled numbers listed before a currency share it (2100亿、2600亿和3100亿美元)
SELECT fact_no, entity, metric, segment, value, unit, fiscal_year FROM nvfacts.extract('对于2027财年，我给出三种情形：英伟达数据中心收入分别为2100亿、2600亿和3100亿美元。');
-- a modifier may come between a figure's 的 and its metric (28亿美元的相关投资损失)
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('微软在本季财报中按权益法确认了约28亿美元的相关投资损失。');
-- an aside in brackets (按固定汇率计增长14%: constant currency, a growth of the same revenue) does not stop the
-- sentence's metric carrying on past its semicolon
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract(E'微软第一财季业绩\n· 营收：650亿美元，同比增长15%（按固定汇率计增长14%）；市场预期640亿美元\n· 净利润：250亿美元');
-- a percentage right after a metric word and 的 (接近营收的30%) is a part of that amount, no change of it
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('谷歌单季300亿美元的资本支出已接近营收的30%，折旧压力会上升；调整后EBITDA约为营收的60%。');
-- a range right before 的指引 (高于此前57%至59%的指引) is that outlook, of the metric named before
SELECT fact_no, entity, metric, measure, value, value_low, value_high, status FROM nvfacts.extract('台积电当季毛利率为60.1%，较第三季度的58.5%提高1.6个百分点，也高于此前57%至59%的指引。');
-- a page that names no company before its figures is about the company whose own segment it names first
-- (嵌入式 is AMD's); a company named before any such segment leaves the figures without one
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('本季业绩概览 - 第三季度营收达85亿美元,同比增长30% [1] - 净利润增至10亿美元 [2] - 嵌入式板块营收为9亿美元,同比下降5% [3] 竞争格局 - 英伟达占据AI GPU市场90%的份额');
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('本季业绩概览 - 第三季度营收达85亿美元,同比增长30% [1] - 英伟达称嵌入式需求疲软 [2]');
-- an outlook goes on through parts ended by semicolons that name no status of their own, past a part whose only
-- figures are expected ones; a multiple of a base period (约为去年同期的两倍) has the status of the figure before it
SELECT fact_no, entity, metric, segment, measure, value, unit, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('美东时间12月11日，博通发布2025财年第四财季业绩，当季营收170亿美元。业绩指引方面，公司预计2026财年第一财季营收约为190亿美元，同比增长25%；其中AI半导体收入预计为80亿美元，约为去年同期的两倍；半导体解决方案收入约120亿美元，同比增长40%；基础设施软件收入约70亿美元。');
-- an author's scenario (中性情景下, 乐观情形下, 假设, 笔者) is someone else's estimate: status forecast, even with
-- 将 or a company's outlook word nearby
SELECT fact_no, entity, metric, segment, value, status, fiscal_year FROM nvfacts.extract('笔者给博通2026财年做了两套假设：乐观情形下AI收入可达600亿美元，保守情景下则将是450亿美元。');
SELECT fact_no, entity, metric, value, status, fiscal_year FROM nvfacts.extract('在中性情景下，英伟达2027财年营收将达到3200亿美元；公司自己给出的第一财季营收指引为650亿美元。');
-- a writer speaking for himself (我预计, 本人估计, 个人认为, 我按…来估) and a named scenario without 下 (中性情形对应…)
-- give forecasts, as 笔者 does
SELECT fact_no, entity, metric, segment, measure, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('我预计英伟达下一季度营收约为720亿美元。本人估计，AMD明年数据中心营收可达180亿美元。');
SELECT fact_no, entity, metric, segment, measure, value, status, fiscal_year FROM nvfacts.extract('我按先进制程占台积电营收约70%来估，台积电2026年营收大概在1.2万亿新台币左右。悲观情形对应美光2026财年营收同比增长约18%。');
-- a neutral expectation word (有望, 将) after an organization outside the lexicon (某某证券, 投顾) is that
-- organization's forecast; an analyst's outlook goes on past a semicolon (其中 names no speaker), but a part whose own
-- figures were the company's outlook passes on guidance even when it ended on an analyst's number
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('首尔一家证券公司预计，SK海力士第一季度营业利润有望达到30万亿韩元；本地投顾则预期其全年营收将增长40%。');
SELECT fact_no, entity, metric, value, value_low, value_high, status FROM nvfacts.extract('摩根大通预计，三家云厂商明年资本开支合计将达到约4000亿美元；其中微软资本开支有望达到1500亿美元至1600亿美元。');
SELECT fact_no, entity, metric, basis, value, status FROM nvfacts.extract('博通预计第一财季营收为191亿美元，高于分析师平均预期的182亿美元；毛利率按GAAP口径约75%，按非GAAP口径约77%。');
-- a clause that opens with its metric goes on listing the figures of the part named before it (三星显示营收…，营业利润…),
-- unless a company, another part, 总 or a part outside the vocabulary (存储业务) comes between; 以…汇率假设计算 names no
-- compute segment
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('三星电子第二季度业绩中，三星显示营收7.6万亿韩元，营业利润0.5万亿韩元；MX/网络部门营收29.2万亿韩元，营业利润3.1万亿韩元。');
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('戴尔ISG营收150亿美元；其中服务器和网络业务营收110亿美元，存储业务营收40亿美元，公司总营收为290亿美元。');
SELECT fact_no, entity, metric, segment, value_low, value_high FROM nvfacts.extract('台积电预计第一季度以1美元兑31元新台币的汇率假设计算，营业利润率介于47%至49%。');
-- a figure of the whole company (市值, 股价, 每股收益, 估值, 股息, 回购) has no segment, whatever part was named
-- before it in the sentence
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('美光数据中心业务营收增长60%，公司市值随之升至2500亿美元，股价当日上涨8%。');
-- a drawdown (回撤, 回档) is a fall of the share price
SELECT fact_no, entity, metric, measure, value, approx FROM nvfacts.extract('超微电脑收跌4.1%，自年内高点的累计回撤已超过60%；CoreWeave股价则自高位回档约三成。');
-- a target price is an analyst's forecast in each of its figures (由A下调至B: both), also after 但 and in the
-- paragraph after an index's move (an index is no company: the article's company comes back with the paragraph);
-- 另一家券商 is an analyst speaking, no company outside the lexicon
SELECT fact_no, entity, metric, value, unit, status FROM nvfacts.extract(E'小米集团(01810)股价昨日收报40元，跌2.1%。恒生指数同日跌300点或1.2%。\n\n某外资行维持「持有」评级，但目标价由52元下调至47元；另一家券商则预期集团全年经调整纯利约为420亿元。');
-- a company word right after someone else's expectation word (券商预计，公司…) is what is expected, not who speaks
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('寒武纪三季度营收增长明显。有券商在研报中预计，公司明年营业收入有望达到120亿元。');
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('英伟达预计，公司第四季度营收将达到650亿美元。');
-- a figure given with no period (未来两年) and restated later where only the context has one (今年3月) is the same
-- fact: no second row
SELECT fact_no, entity, metric, value, approx, status, fiscal_year, period_kind FROM nvfacts.extract('今年3月，腾讯曾宣布未来两年将投入超过2000亿元用于建设算力中心。总裁在本次业绩会上表示，2000亿元的投入可能还不够。', '2025-11-14');
-- an English comparison word right after its figure is that figure's, before one ahead of it that belongs to the
-- figure before (up 4% sequentially and up 31% from a year ago)
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('AMD said data center revenue was $4.3 billion, up 4% sequentially and up 31% from a year ago.');
-- 公司 in a paragraph that has named no company is the article's own company (the first it names), not the rival
-- the paragraph before turned to
SELECT fact_no, entity, metric, segment, measure, value, unit FROM nvfacts.extract(E'SK海力士业绩速读\n\nSK海力士全年营业利润约47万亿韩元，首次高于三星电子。不过论营收，三星全年营收仍高达300万亿韩元。\n\nHBM仍是主要动力。公司在财报中称，全年HBM营收同比翻了一倍多。');
-- ... and when the article's first company only opened it (a market's figure), 公司 is the company with the most figures so
-- far, the article's own
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract(E'台积电市占率升至71%。\n\n美光科技周三公布，第一财季营收同比增长57%至136.4亿美元。\n\n公司预计第二财季营收为187亿美元。', '2025-12-18');
-- a market's size in a clause of its own is no company's (entity NULL), though a company spoke in the clause before;
-- the company's own figure after it stays the company's
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract('苏姿丰表示，AI加速器市场规模到2027年将超过4000亿美元，AMD营收将增长35%。', '2026-01-10');
-- a clause opening with its own part (北美市场增长16%, 其中海外部门…, a part restated in brackets) is that part's,
-- though the metric word is the clause's before; a region describing companies (美国同行) is no part, and
-- 以中值计算 names no compute segment
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('戴尔第三财季按地区划分，中国区营收同比增长12%，北美市场增长6%，欧洲、中东及非洲区(EMEA)则下降3%。');
SELECT fact_no, entity, metric, segment, measure, value, unit FROM nvfacts.extract('三星第四季度设施投资为12万亿韩元，其中DS部门10.5万亿韩元。');
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('阿里巴巴云业务营收增速约为26%，而美国同行已达到35%。');
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('英伟达第四季度数据中心营收为500亿美元，公司预计下一季度营收为600亿美元，以中值计算环比增长约12%。');
-- 按…准则计算 names no compute segment
SELECT fact_no, entity, metric, segment, basis, measure, value FROM nvfacts.extract('联想集团按国际财务报告准则计算的季度纯利为4.2亿美元，按年增长20%。');
-- an outlook word after the figure's tolerance (X、上下浮动Y的指引) still makes the figure guidance
SELECT fact_no, entity, metric, value, value_low, value_high, status FROM nvfacts.extract('美光公布第一财季营收为98亿美元，并给出了第二财季营收125亿美元、上下浮动3亿美元的指引。');
-- 固定汇率下 (constant currency) is no exchange-rate figure: the growth is the segment's
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('微软预计下一季度Azure在固定汇率下同比增长约37%，智能云收入为322亿美元。');
-- a part's word right before a company noun (公司, 厂商, 服务商; up to two Han characters between) describes the company and
-- names no segment: 这家AI芯片公司, AI伺服器代工大廠, AI基础设施提供商; 数据中心业务 keeps its segment
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('以寒武纪为例，这家AI芯片公司前三季度营收达36.07亿元。AI伺服器代工大廠廣達11月營收為1,706.35億元。CoreWeave是一家AI基础设施提供商，其第三季度营收同比增长134%，数据中心业务营收为9亿美元。');
-- a topic clause whose only metric word is the figure's own metric still names the part (非存储业务仍在亏损，亏损额…);
-- 非存储业务 is non_memory, 云存储业务部门 Micron's cloud_memory
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('三星的系统LSI等非存储业务仍在亏损，亏损额约1.2万亿韩元。美光云存储业务部门营收41.5亿美元。');
-- a statistic (统计, 调查显示) is reported, even when a forecaster (机构, 分析师) compiled it; an expectation word after
-- it still makes an outlook
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('根据研究机构的统计，英伟达在AI加速卡市场的份额约为87%，AMD约为4.8%。据机构统计，预计明年AMD的份额将升至7%。');
-- the first part named after a cause word opening a clause (得益于, 受益于, 受…影响) drove the figures of the clauses
-- after it and is not their segment; a part after it is the head the cause qualifies (受益于数据中心的云业务: 云业务's)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('得益于数据中心的强劲需求，英伟达第二季度营收为467亿美元。受美国对MI308出口限制影响，AMD当季计提约7亿美元费用。微软受益于数据中心扩张的智能云业务，收入增长26%。');
-- an outlook goes on through a chain of parts ended by ；, past a part whose only figure was expected (毛利率预计为…；)
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('英伟达预计第四财季营收为630亿美元；毛利率预计为73.0%，上下浮动50个基点；运营费用约为48亿美元。', '2025-11-20');
-- regions 美洲 (americas) and 欧洲 (europe) are parts of their own; 欧洲、中东及非洲 stays emea
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('联想中国区收入增长20%，美洲区增长17%，欧洲、中东及非洲区增长12%；戴尔欧洲市场收入为30亿美元。');
-- a clause naming no metric goes on with the part of the figure before it of the same metric (营业利润率为11.4%，
-- 较上一季度提升2.6个百分点: ISG's); 显示部门 is Samsung's display
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('戴尔第三季度ISG营业利润为16.5亿美元，营业利润率为11.4%，较上一季度提升2.6个百分点。三星预计全年设施投资约为46万亿韩元，其中显示部门3.1万亿韩元。');
-- a company whose lexicon row names its currency (nvfacts.entities.currency: the Taiwanese ones, TWD) has its bare 元 in
-- it; another company's bare 元 stays renminbi, and a page's declaration (美元，下同) still wins
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('鴻海第三季每股純益3.15元，營收1.96兆元；中芯国际第三季度营收为161.6亿元。');
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('（单位：美元，下同）台积电第四季度营收为320亿元。');
-- a word standing for a part (分部, 该分部, 该部门) is the part named before it: the first part of the paragraph's last
-- sentence of parts' figures, a sentence after its ； not replacing it (该分部 is 中国电商集团, not 即时零售)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'阿里巴巴本季度云智能集团收入为400亿元，同比增长30%。分部经调整EBITA为36亿元。\n中国电商集团收入为1300亿元；即时零售业务收入为230亿元。该分部经调整EBITA同比下降70%。\n三星DS部门营业利润为7万亿韩元。该部门营收为33万亿韩元。', '2025-11-26');
-- a clause opening with its metric goes on with the part 该分部 gave the figure before it
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('阿里巴巴本季度云智能集团收入为400亿元。该分部经调整EBITA为36亿元，经调整EBITA利润率约为9%。', '2025-11-26');
-- a sentence after a ； that opens with its metric goes on with the one part the part before gave figures of; not
-- when a part of the chain before gave a figure of the whole company (the part is one item of its list)
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'SK海力士第三季度DRAM业务营收为18万亿韩元，同比增长20%；营业利润为9万亿韩元。\n超微电脑第一财季营收为50亿美元；服务器业务营收为45亿美元；净利润为2亿美元。', '2025-11-05');
-- a part's word right before 基础设施 or 基建 says what money buys, it names no segment (云基础设施 is not the cloud part)
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'腾讯第三季度在AI及云基建方面的资本开支为130亿元。\n微软表示，本财季云基础设施投入为350亿美元，云业务收入为490亿美元。', '2025-11-14');
-- 非AI半导体 is the part outside AI (non_ai), not the AI part its words contain
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('博通上一财季非AI半导体业务收入约为41亿美元，AI半导体收入为52亿美元。', '2025-09-05');
-- 百度智能云 is Baidu's cloud (ai_cloud), not Microsoft's segment 智能云 (intelligent_cloud)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('第二季度，百度智能云营收为48亿元，同比增长27%；微软智能云营收为296亿美元。');
-- hard-wrapped text: a line cut inside a word (环比增|长8%) runs on into a shorter line that itself runs on
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'英伟达周三公布的财报显示，公司第三财季营收为570亿美元，同比增长62%，其中游戏业务收入为43亿美元，环比增\n长8%；专业可视化业务收入为7.6亿美元，\n同比增长56%。');
-- a contract or spot price (合约价, 现货价) is a unit price; a research firm's statistic (据集邦咨询) is the market's,
-- unless it names a company
SELECT fact_no, entity, metric, segment, measure, value, value_low, value_high, unit FROM nvfacts.extract('美光本季度业绩亮眼。据集邦咨询统计，第三季度NAND合约价格环比上涨10%至15%，DRAM现货价则下跌3%。');
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('据Counterpoint统计，三星第三季度在全球智能手机市场的份额为19%。');
-- Microsoft's reporting line "Azure及其他云服务" is Azure's, not the cloud's at large
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('微软本季度Azure及其他云服务收入同比增长38%。');
-- a company's growth stated year on year (按年增长, 同比上升) with no metric word is no move of its share price;
-- a bare move of the company is
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('据本台报道，百度本季按年增长12%，另一边，英伟达周二上涨4%。');
-- 资本性开支 (the Hong Kong word for capital expenditure) is capex, not spending at large
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('联想集团本财年资本性开支约为15亿美元。');
-- a target price raised from one figure to another: both are the analyst's (从 after 目标价 revises an outlook);
-- a margin that fell from one level to another reports both
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('瑞银把美光的目标价从180美元调高至260美元。美光上季毛利率从45%回落至42%。');
-- a measure outside the vocabulary inside a bracketed aside (含融资租赁) does not take the figure from the metric
SELECT fact_no, entity, metric, value FROM nvfacts.extract('谷歌本季资本支出（不含融资租赁部分）为240亿美元。');
-- a profit margin named without its kind (利润率), non-operating or interest income: measures outside the vocabulary,
-- they take no metric from the clause before
SELECT fact_no, entity, metric, measure, value FROM nvfacts.extract('超微电脑营收增速从去年的110%明显放缓，利润率也只剩11%。寒武纪本期营业外收入为3000万元，利息收入为800万元。');
-- research-note shorthand: GM is the gross margin; "year on year" (no hyphens) is a year-on-year comparison
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('博通 FQ4 速览：Revenue $18.0B，GM 77.9%。Broadcom said AI revenue rose 74% year on year.');
-- a sales volume (销量, 销售量) is a count outside the vocabulary: it takes no metric from the clause before; a
-- company whose shares are sold or held (出售, 持有, 减持 …) is named in passing, the seller keeps the figure
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('美光本季营业利润率升至35%，HBM销量环比增长逾四成。');
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('孙正义旗下的软银本季通过减持英伟达获利约6亿美元。');
-- 合每股/折合每股 after a profit gives the same profit per share: eps, not a second net income
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('联发科本季税后纯益为新台币150亿元，折合每股9.4元。');
-- the income word after 合每股 is part of the per-share figure: 合每股盈利 / 合每股亏损 are eps (亏损 negative), not net income
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('希捷上季净利润为-1.2亿美元，合每股亏损0.57美元；本季净利润为5.5亿美元，合每股盈利2.6美元。');
-- a line opening with its own label (点评:) is no hard-wrapped continuation of the bullet above it, though as long
SELECT fact_no, entity, metric, segment, measure, value, status FROM nvfacts.extract(E'英伟达财报要点\n· 四季度展望：营收预计约为650亿美元，毛利率约为75%，上下浮动50个基点\n点评：数据中心业务占总营收比重已经升至约九成，增长动能依旧强劲。');
-- the share price of a company named with its Hong Kong code (after 控股, 集团, -W) is in HKD though the results were declared in
-- 人民币，下同 (现报 is a price quoted now); Tencent's 营销服务 (its advertising line's new name) is online_advertising
SELECT fact_no, entity, metric, segment, value, unit FROM nvfacts.extract('快讯：腾讯控股(00700)季内收入1900亿元(人民币，下同)，其中营销服务收入350亿元。腾讯午后现报640元。');
-- a price is of the product named before it (B200), not of a part that only qualifies the price (云端)
SELECT fact_no, entity, metric, segment, value, unit FROM nvfacts.extract('眼下B200在海外的云端租用价格大约是每小时3.8美元。');
-- an expectation of a growth rate is growth of the same kind as the figure it is set against (同比增长34%，高于
-- 分析师预期的31.2%: both yoy); one with its own comparison word keeps it
SELECT fact_no, entity, metric, segment, measure, value, status FROM nvfacts.extract('谷歌云收入同比增长34%，高于分析师预期的31.2%；谷歌全年运营费用为900亿美元，同比增幅预计接近20%。', '2025-10-30');
-- business groups of Lenovo, Intel and Tencent are segments (data): a group's figures are not the company's
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('聯想集團第二財季收入204.5億美元。智能設備業務集團收入156億美元；基建方案業務集團收入41億美元；方案服務業務集團收入26億美元。');
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('英特尔第三季度数据中心与人工智能事业部营收41亿美元，客户端计算事业部营收85亿美元。腾讯金融科技及企业服务收入582亿元。');
-- an outlook of a market that names no company is someone's forecast, not guidance (据IDC预测…将达到); the sum of
-- companies' plans (他们…将投入) stays their guidance
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract(E'据Gartner预测，明年全球AI服务器市场规模将达到3,330亿美元，同比增长28%。\n微软、谷歌和Meta已公布计划，他们明年在AI基础设施上的支出合计将达到2,000亿美元。', '2025-09-10');
-- a market named by two segments written as one word (数据中心服务器, 云服务器) is the second's, the head of the
-- compound, and labelled from it: read as far from the second word as from one alone
SELECT fact_no, entity, metric, segment, value, status FROM nvfacts.extract('另据TrendForce估算，后年全球数据中心服务器市场规模将达到5,200亿美元，云服务器市场规模将达到2,900亿美元。', '2025-06-18');
-- AI收入, AI营收, 人工智能收入 are revenue of the ai segment; 人工智能半导体 is the ai segment (as AI半导体)
SELECT fact_no, entity, metric, segment, measure, value, status FROM nvfacts.extract('博通称本季AI收入为71亿美元，同比增长65%；公司预计下季人工智能半导体收入将升至88亿美元。', '2025-12-12');
-- inventory (库存, as 存货) is outside the vocabulary: a figure of it (释放了…库存准备金) takes no metric from the clause
-- before; 库存减值/库存减记 are a loss, and of the nouns listed after a figure (库存及相关费用) the last says what it
-- measures; 额外, 新一轮 qualify the metric after them (600亿美元的额外股票回购授权)
SELECT fact_no, entity, metric, value FROM nvfacts.extract('美光本季对华销售收入为零，此前计提的2.1亿美元库存准备金已部分释放。上季美光曾计提约6亿美元的库存及相关费用，其中库存减值3亿美元。美光董事会还批准了100亿美元的额外股票回购授权。', '2025-12-18');
-- a bare 元 is in the currency the company's own figures named (纬创…新台币…元); a currency one company's figures
-- named (not declared with 下同) does not reach another company's on a simplified page: 元 is renminbi there
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract(E'AI服务器链早报：纬创11月营收新台币2,310亿元，年增160%；纬创前11月营收累计1.9兆元。\n寒武纪前三季度营收46亿元，同比增长2386%。');
-- the market's, outsiders' and investors' estimates (市场预计, 外界预估, 业内人士估计, 投资者普遍预期) are forecasts, not the
-- company's guidance; 会 in a meeting (电话会, 业绩会, 法說會), 将近 and 资料 are no outlook words
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('市场预计美光下一财季营收为128亿美元，业内人士估计其HBM收入约为20亿美元。在周三的业绩电话会上，美光称本季营收将近114亿美元。据公开资料，美光上一财季毛利率为39%。', '2025-09-25');
-- supply-chain and other companies pages paste next to NVIDIA news are entities of their own (data rows): their
-- figures are not carried to the company named before (铠侠, 西部数据, 比亚迪, 京东方 — not 京东 inside it)
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract(E'英伟达本季营收为571亿美元。\n铠侠上季营收为3400亿日元。西部数据第一财季营收为28亿美元。\n比亚迪三季度营收1950亿元；京东方前三季度营收1540亿元。', '2025-11-21');
-- a surprise below the expectation (低于预期, 不及预期: cue kind miss, data rows) is negative; the expectation itself
-- after 低于预期的 stays a level
SELECT fact_no, entity, metric, measure, value, unit, status FROM nvfacts.extract('超微电脑本季营收低于预期4%，每股收益不及预期0.06美元；营收为50亿美元，低于预期的52亿美元。', '2025-11-05');
-- a net margin written 纯益率/税后纯益率 is outside the vocabulary (no net income row); Hong Kong's 总收益 is revenue and
-- 经营收益 operating income
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('日月光第三季税后纯益率为8.1%，纯益为新台币180亿元。小米集团第三季总收益1100亿元人民币，其中汽车业务经营收益6亿元人民币。', '2025-11-20');
-- a segment word that would swallow its company's name (英特尔代工) is not shipped: 英特尔 names the company and
-- 代工业务/代工部门 its foundry segment
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('英特尔代工业务本季运营亏损24亿美元，英特尔代工部门营收42亿美元。', '2025-10-24');
-- colloquial profit (赚了, 赚进, 狂赚) is net income; a metric after a figure and a comma is the next clause's, not a
-- list with the one before (570亿美元营收，赚了…); a slowdown (放缓, 放慢, 减速) is a fall
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('英伟达本季拿下571亿美元营收，赚了320亿美元；其游戏业务收入增速较上季放缓9个百分点。', '2025-11-21');
-- a list of parts after 其中, items joined by 、 with the metric in the clause before: each item's figure is the part that
-- opens its item, not only the first's
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract('英伟达第三财季总营收为570亿美元，其中数据中心业务512亿美元、游戏业务43亿美元、汽车业务5.9亿美元。', '2025-11-21');
-- a tolerance after a 分别 list widens every figure of the list, not only the last
SELECT fact_no, metric, basis, value, value_low, value_high FROM nvfacts.extract('对于第四财季，英伟达预计GAAP和非GAAP毛利率将分别为74.8%和75.0%，上下浮动50个基点。', '2025-11-21');
-- a dividend named after its per-share figure with its frequency (季度现金股息, 末期股息, 配息: data rows)
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('英伟达董事会宣布将派发每股0.01美元的季度现金股息。', '2025-11-21');
-- a roundup pasting other companies' results after NVIDIA's: each is its own entity (data rows: 小鹏汽车 XPeng, 网飞 Netflix,
-- 联电 UMC, 商汤 SenseTime), not the previous paragraph's NVIDIA
SELECT fact_no, entity, metric, value, unit, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'英伟达第三财季营收为570亿美元。\n\n小鹏汽车第三季度营收为203.8亿元。\n\n网飞第三季度营收为115亿美元。\n\n联电10月营收为196亿元新台币。\n\n商汤科技上半年收入为24亿元。', '2025-11-21');
-- a beat or a miss against the market's or analysts' expectation (低于市场预期, 比预期低, 不及分析师预期: data rows) is a
-- surprise with its sign; a figure with a guidance word after it (…的520亿美元指引) is that guidance, and one as large as
-- the reported figure after a miss word (低于市场预期415亿美元 after 412亿美元) the expectation, not the miss
SELECT fact_no, entity, metric, measure, value, unit, status FROM nvfacts.extract('英伟达本季每股收益比市场预期少0.03美元，营收则低于分析师预期1.5%。英伟达本季营收为548亿美元，超出公司此前给出的520亿美元指引；数据中心营收为412亿美元，略低于市场预期415亿美元。', '2025-11-21');
-- a company right after 对 is what the company named before it acts on (软银对OpenAI的投资: SoftBank's); a stake (持股) is
-- outside the vocabulary; several companies listed before one figure own it together; a GPU rental price (租用价格)
-- is a market's
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract(E'软银对OpenAI的投资已累计达到300亿美元，持股约11%。\n亚马逊、微软和谷歌今年的资本支出合计将超过3000亿美元。\nB200的云端租用价格约为每小时3.5美元。', '2025-11-21');
-- 将 right before a noun that a verb such as 推高/拉升/提升至 (cue kind disposal, data rows) acts on marks that noun as the
-- object, as 把 does: no outlook (需求将营收推高至X is reported); 预计 still makes one, and so does 将 right before a verb
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('AI服务器订单将超微电脑本季营收推高至58亿美元，产品组合改善将毛利率拉升至11.2%。超微电脑预计将下季营收提升至65亿美元，全年营收将提升至330亿美元。', '2025-11-05');
-- 非美国通用会计准则 is non-GAAP (was read as 美国通用会计准则); 计算 after a basis (按…准则计算, 按非GAAP计算) or after
-- 按年化 names no compute segment; AI业务 is the ai segment
SELECT fact_no, entity, metric, segment, basis, value FROM nvfacts.extract('以非美国通用会计准则计算，英伟达第二财季每股收益为1.05美元；按美国通用会计准则计算，当季净利润为264亿美元。按年化计算，微软AI业务收入已超过150亿美元。', '2025-08-28');
-- a declaration (美元，下同) makes later bare 元 dollars: 元 inside the declared 美元 names no second currency (it made
-- the declaration renminbi); (以美元计) declares too; ringgit (令吉, 林吉特) is MYR
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract(E'美光公布第四財季業績，收入113.2億美元(美元，下同)，按年增長46%。純利32億元；每股盈利2.83元。\n甲骨文（以美元计）第一财季营收149亿元。\n美光第四财季净利32亿美元（约135亿令吉）。', '2025-09-25');
-- a surprise whose direction is written right before its figure, after the expectation (较市场预期的X低约19%), is
-- negative
SELECT fact_no, entity, metric, measure, value, unit, status FROM nvfacts.extract('SK海力士第三季营业利润为11.4万亿韩元，较市场预期的12万亿韩元低约5%。', '2025-10-29');
-- a basis in brackets right after its figure (70.6%（GAAP）和71.0%（Non-GAAP）) is that figure's, and does not reach
-- the figure after it
SELECT fact_no, entity, metric, basis, value, status FROM nvfacts.extract('博通预计第一财季毛利率为76.5%（GAAP）和78.0%（非GAAP），运营支出为21亿美元（GAAP）和12亿美元（Non-GAAP）。', '2025-12-12');
-- a metric whose subject opens with 全球/全世界 (cue kind world, data rows) is the world's, entity NULL and a forecast
-- when expected, even after the company that forecasts it (黄仁勋表示，到2030年全球…); a company between 全球 and the
-- metric, or named right before a plain 全球, keeps it, and so does a market share; 受全球需求… is no subject
SELECT fact_no, entity, metric, value, value_low, value_high, status, fiscal_year FROM nvfacts.extract(E'黄仁勋表示，到2028年全球AI数据中心支出将增至1.5万亿至2万亿美元。\n全世界智能手机市场第三季度营收为1200亿美元。\n全球头号AI芯片商英伟达季度营收为570亿美元，其在全球AI加速器市场的份额约为85%。\n受全球需求推动，英伟达游戏营收增长30%，英伟达全球营收为100亿美元。', '2025-11-21');
-- a loss per share in Hong Kong usage (每股蝕, 每股净蚀, 每股亏: data rows) is a negative eps, not net income
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('美光本财季每股蝕0.67美仙，上年同期每股净蚀1.2港元。', '2025-11-20');
-- a line opening with a name the lexicon lacks (3 to 6 Han characters, then a period right before a metric: 景旺电子前三季度营收)
-- is that unknown company's: no row, and the rest of its paragraph is not carried to the company before; a business
-- (手机业务) or an opening phrase (相比之下, 对于) before the period is no name
SELECT fact_no, entity, metric, segment, value, unit FROM nvfacts.extract(E'英伟达第三财季营收为570亿美元。\n景旺电子前三季度营收为110亿元，净利润为9亿元。毛利率为22%。\n\n英伟达游戏业务第三财季营收为43亿美元。相比之下上一财季营收为42.9亿美元。', '2025-11-21');
-- the name may be capitalized Latin words (Astera Labs第三季度营收): no row either, and the company after it is its own
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract(E'博通第四财季营收为180亿美元。\nAstera Labs第三季度营收为2.3亿美元，同比增长104%。\n美光本季营收为113亿美元。', '2025-12-12');
-- other income, investment income and fair-value gains (其他收入, 投资收益, 公允价值收益: other_metric rows) are outside
-- the vocabulary: no row, and not revenue
SELECT fact_no, entity, metric, value FROM nvfacts.extract('微软本季其他收入为6亿美元，主要来自公允价值收益；阿里巴巴本季投资收益为120亿元，营收为2478亿元。', '2025-11-21');
-- a supplier named after its customer (英伟达的供应商台积电, 苹果供应商立讯精密: apposition rows 供应商, 供货商, 代工厂) is
-- the subject, not the customer; Hong Kong words: 经营盈利 is operating income, 每股净赚 eps, 非国际财务报告准则 and
-- Non-IFRS non-GAAP
SELECT fact_no, entity, metric, basis, value, unit FROM nvfacts.extract(E'英伟达的供应商台积电第三季度营收为9899亿元新台币。\n苹果供应商立讯精密前三季度营收为786亿元。\n腾讯第三季经营盈利为720亿元；按非国际财务报告准则，每股净赚6.8元，Non-IFRS经营盈利为760亿元。', '2025-11-13');
-- growth after a share of the whole (AI收入X，占总收入的36%，同比增长74%) is the part's, not the whole company's; a share
-- that goes on after it (5纳米占37%, 高于上季的23%) still names the whole it is of
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('博通第四财季AI半导体收入为65亿美元，占总收入的36%，同比增长74%；3纳米占台积电晶圆营收的23%，5纳米占37%。', '2025-12-12');
-- a share is the part named before the first share word of its clause (Blackwell占数据中心收入的比例: blackwell, not the
-- data center named before 比例)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract('Blackwell占英伟达数据中心收入的比例已超过八成，数据中心收入占英伟达总营收的比重约为90%。', '2025-11-21');
-- a 分别 list holding a measure outside the vocabulary (净利率) keeps every item in its place: the k-th figure is the
-- k-th item's, the outside one gives no row (the whole list gave none)
SELECT fact_no, entity, metric, value FROM nvfacts.extract('日月光第三季毛利率、净利率和营业利润率分别为17.2%、7.9%和7.4%。', '2025-10-30');
-- a research note's own voice (我们预测, 我们上调, 维持买入评级) is an analyst's forecast, not the company's guidance
SELECT fact_no, entity, metric, value, status, fiscal_year FROM nvfacts.extract('我们上调超微电脑2026财年营收至360亿美元，维持买入评级。', '2025-11-10');
-- 盘中 after 市值 only says when (市值盘中触及…): the market cap's, not a share price (the figure was lost)
SELECT fact_no, entity, metric, value, unit FROM nvfacts.extract('微软市值盘中一度突破4万亿美元。', '2025-07-31');
-- a basis compounded with a metric word (调整后每股收益, Non-GAAP EPS) qualifies that metric alone: a figure of another
-- metric after it has none, the same metric again (调整后毛利率…若剔除…，毛利率) and a word derived from it (对应EPS) keep
-- it; a basis standing alone (按非GAAP计算) reaches every figure after it
SELECT fact_no, entity, metric, basis, value FROM nvfacts.extract(E'美光第一财季调整后每股收益4.78美元，营收136亿美元，调整后毛利率57%，剔除库存影响，毛利率为58%。\n博通第四财季Non-GAAP净利润97亿美元，对应EPS 1.95美元，营业利润85亿美元。\n按非GAAP计算，超微电脑第一财季营业利润2.1亿美元，净利润1.7亿美元。', '2025-12-18');
-- a part named after a figure of the whole company (营收X，数据中心营收Y，毛利率Z) is one item of the company's list:
-- the figures after it are the company's; a part opening its own list (其中三星显示营收…，营业利润…) and a part named
-- first (英特尔代工业务营收…，经营亏损…) keep theirs
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'英伟达第三财季营收570亿美元，数据中心营收512亿美元，毛利率73.6%，净利润319亿美元。\n三星电子第三季度营收86万亿韩元，其中三星显示营收8.1万亿韩元，营业利润1.2万亿韩元。\n英特尔代工业务第三季度营收42亿美元，经营亏损23亿美元。', '2025-11-21');
-- a clause opening with a period behind (上年同期, 上季度) and the metric of a part's figure before it is that part's
-- comparative; after a figure of the whole company it stays the company's
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'英特尔代工业务第三季度营收44亿美元，经营亏损24亿美元，上季度经营亏损为32亿美元；英特尔客户端计算部门第三季度营业利润29亿美元，上年同期营业利润20亿美元。\n英伟达第三财季营收570亿美元，上年同期营收351亿美元。', '2025-11-21');
-- segment words: 国际部门 (international), 搜索及其他 (Google Search & other: not 其他收入, other income), 云应用 (Oracle's
-- cloud applications), 商用PC and 消费PC (a PC maker's commercial and consumer lines)
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'亚马逊第二季度国际部门销售额为370亿美元。\n谷歌第二季度搜索及其他收入为540亿美元。\n甲骨文第一财季云应用收入为38亿美元。\n戴尔第三财季商用PC营收为100亿美元，消费PC营收为20亿美元。', '2025-12-01');
-- 其中 and a percentage opening the clause after an amount is a share of that amount (not its change), but not of a
-- loss (其中近一半来自…: a cause); a clause of 达到 and a figure after a clause of a share (占比超过四成，达到X%)
-- restates that share
SELECT fact_no, entity, metric, segment, measure, value, unit, approx FROM nvfacts.extract(E'美光预计2026财年资本支出约200亿美元，其中约85%将投向DRAM产能。\n英特尔本季度净亏损23亿美元，其中近一半来自资产减值。\nAMD数据中心营收占比超过四成，达到43.6%。', '2025-11-20');
-- a shared part's word said of one company names its own part (nvfacts.segment_readings): 游戏 of Tencent is online_games,
-- 存储业务 of Samsung memory, of Dell storage; of NVIDIA 游戏 stays gaming
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'腾讯第三季度本土市场游戏收入增长15%至428亿元。\n三星电子第三季度存储业务营收为26.7万亿韩元。\n戴尔第三财季存储业务营收40亿美元。\n英伟达第三财季游戏业务营收43亿美元。', '2025-12-01');
-- 其中 opening a sentence after one that gave only a market's figures (全球服务器市场规模) goes on with the market:
-- its part's figure is no company's, not the company followed before (Dell); HP is a company of its own
SELECT fact_no, entity, metric, segment, measure, value, unit, status FROM nvfacts.extract(E'戴尔预计第四财季营收约为320亿美元。\n据IDC统计，2025年第三季度全球服务器市场规模为1120亿美元。其中，GPU服务器营收同比增长85%。\n惠普第四财季营收为146亿美元，同比增长4.2%。', '2025-12-01');
-- 云业务 said of a cloud provider is its cloud segment (Alphabet's google_cloud, Amazon's aws, Alibaba's
-- cloud_intelligence); of a company without one it stays cloud
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'谷歌第四季度云业务营收为177亿美元。\n亚马逊云业务营收356亿美元。\n阿里巴巴云业务收入为398亿元。\n甲骨文云业务收入80亿美元。', '2026-02-05');
-- a sentence opening with capitalized Latin words the lexicon lacks, of more than one word, right before a word it
-- knows (Palo Alto Networks盘后跌逾3%) is about an unknown company: no row, not the company followed; an analyst named so
-- before other words (Melius Research给出…目标价) still speaks of the company followed
SELECT fact_no, entity, metric, measure, value, status FROM nvfacts.extract(E'英伟达股价收涨2.9%。\nMelius Research给出350美元的目标价。\nPalo Alto Networks盘后跌逾3%。', '2025-11-20');
-- 该行 (the bank) speaking after a bank named before (该行预计, 該行認為) makes an estimate, not the company's own
-- guidance; 该行业 (the industry) is no bank
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract(E'摩根士丹利将英伟达目标价上调至235美元。该行预计英伟达2027财年营收将达到3120亿美元。\n英伟达称该行业规模将达到5000亿美元。', '2026-09-02');
-- shares listed company by company after one naming its market (三星在DRAM市场的份额为…，美光份额约…) are of that market
SELECT fact_no, entity, metric, segment, value FROM nvfacts.extract(E'调研机构称，三星在DRAM市场的份额为32.7%，SK海力士以36%位居第一，美光份额约22%。', '2026-09-02');
-- a part opening a bracket right after a part explains it (先进制程（7纳米及以下）): the figure is the first part's
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'台积电第二季度3纳米制程占晶圆销售金额的28%；先进制程（7纳米及以下）合计占77%。', '2026-07-18');
-- 市场此前预计, 市場原本預期: the market's estimate, though the adverb stands inside the phrase
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract(E'英伟达预计第二财季营收为870亿美元，市场此前预计为850亿美元。', '2026-05-29');
-- a headline as long as a wrapped line, with no sentence mark, is not joined to a next line that opens with a time
-- word and its comma (周四，): the indexes' moves there are no NVIDIA share price
SELECT fact_no, entity, metric, measure, value, evidence FROM nvfacts.extract(E'美股收盘：三大股指涨跌不一，英伟达财报后跌3%\n周四，道指涨0.3%，纳指跌0.8%，标普500指数跌0.4%。', '2026-03-01');
-- a share 在…中 (在DRAM销售额中的占比) is of a part named before; the part between 在 and 中 is the whole
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'SK海力士表示，第三季度HBM销售额同比增长逾一倍，在DRAM销售额中的占比超过40%。', '2026-10-30');
-- 全球 opening a clause right after its comma (黄仁勋称，全球AI基础设施支出…) is the world's figure, though a company's
-- chief executive spoke: entity NULL, the market's estimate, calendar 2030
SELECT fact_no, entity, metric, value_low, value_high, status, fiscal_year FROM nvfacts.extract(E'英伟达第二财季营收467亿美元。\n黄仁勋称，全球AI基础设施支出到2030年将达到3万亿至4万亿美元。', '2026-08-28');
-- one sum of money after two metrics joined (通过回购和股息返还243亿美元) is their total, no one metric's: no row;
-- 分别 still gives each its own
SELECT fact_no, entity, metric, value FROM nvfacts.extract(E'上半年，英伟达通过回购和股息向股东返还243亿美元。\n英伟达第二季度营收和净利润分别为467亿美元和264亿美元。', '2026-08-28');
-- a money figure quoted right after 报, after a share price's move, is the share price, not the market value named in
-- the clause before it
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('科技股全线走高，微软涨1.1%，市值回到3.9万亿美元；甲骨文涨4.6%，报221.5美元。', '2025-11-26');
-- a 分别 with no list in its sentence takes the metrics the sentence before named one by one (营收X，每股收益Y；此前
-- 预测分别为A和B), as many as its figures
SELECT fact_no, entity, metric, value, status, fiscal_year FROM nvfacts.extract('花旗预计博通2026财年营收为950亿美元，每股收益9.8美元；此前预测分别为880亿美元和8.9美元。', '2025-12-01');
-- a headline's items apart by a space are each their own: the company opening an item owns its move, and a metric past
-- the space (no 的) is the next item's, not the one the figure before it is a share of
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract(E'美股收评：特斯拉周跌3.5% 甲骨文周涨7.2%\n海光信息前三季度营收同比增长54.6% 净利润创新高', '2025-11-01');
-- a move's noun after a company (今年以来涨幅, 累计跌幅, 周涨跌幅分别为) is its share price's, as a move's verb is
SELECT fact_no, entity, metric, measure, value, approx FROM nvfacts.extract('博通今年以来涨幅超过40%，超微电脑累计跌幅达12%。本周英特尔、高通的涨跌幅分别为-2.1%和3.3%。', '2025-11-28');
-- 损失 right before an amount of revenue (将损失25亿美元收入) is a loss, not revenue; 计提 before a provision stays no row
SELECT fact_no, entity, metric, value, status FROM nvfacts.extract('受出口管制影响，AMD第三季度将损失约8亿美元营收，并转回此前计提的1亿美元存货准备金。', '2025-07-10');
-- a part named after the figure before 占 (营业利润9.2万亿韩元 HBM占DRAM销售额比重77%) is the share's part, of the whole
-- named after 占; a percentage past a space with no 的 is not a share of the metric after it (Azure增长40% 资本支出创新高)
SELECT fact_no, entity, metric, segment, measure, value FROM nvfacts.extract(E'美光第四财季净利润32亿美元 HBM占DRAM营收比重升至21%\n谷歌云：收入增长34% 资本支出再创新高', '2025-10-01');
-- 振幅 (a day's range) is no move; a percentage move in a sentence naming no metric, after one about the market value,
-- is the share price's; an amount newly allowed (批准新增600亿美元回购授权) is the authorization's level
SELECT fact_no, entity, metric, measure, value, unit FROM nvfacts.extract('甲骨文股价收跌4.2%，盘中振幅超过9%，市值单日蒸发约300亿美元。本周累计下跌6.1%。甲骨文董事会批准追加100亿美元的股票回购授权。', '2025-12-12');
