-- Periods (contract 1.1): the forms a period is written in, period_kind and
-- period_end, and the rules for hard cases.  Sentences written for this test.

CREATE FUNCTION periods(doc text, published date DEFAULT NULL)
RETURNS TABLE (fact_no int, entity text, metric text, measure text, value numeric,
               unit text, status text, fiscal_year int, fiscal_quarter int,
               period_kind text, period_end date, period_text text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT f.fact_no, f.entity, f.metric, f.measure, f.value, f.unit, f.status,
           f.fiscal_year, f.fiscal_quarter, f.period_kind, f.period_end, f.period_text
    FROM nvfacts.extract(periods.doc, periods.published) f ORDER BY f.fact_no
$$;

-- ===== period_end from each entity's fiscal calendar =====

-- NVIDIA's fiscal year ends in January: FY2025 Q1 ends in April 2024
SELECT * FROM periods('英伟达2025财年第一季度营收为180亿美元。');
-- Microsoft's ends in June: FY2025 Q4 ends in June 2025
SELECT * FROM periods('微软2025财年第四季度营收为700亿美元。');
-- a calendar-year company's first half
SELECT * FROM periods('寒武纪2025年上半年营业收入为20亿元。');
-- a month of a monthly report
SELECT * FROM periods('台积电2025年3月营收为2800亿元新台币。');
-- the months of a year so far, and nine months
SELECT * FROM periods('中芯国际2025年1-5月累计营收为300亿元，前三季度营收为500亿元。');
-- trailing twelve months: a span with no fiscal label
SELECT * FROM periods('甲骨文过去12个月营收为600亿美元。');
-- a whole fiscal year
SELECT * FROM periods('博通2025财年营收为640亿美元。');

-- ===== the forms periods are written in =====

-- 4QFY20, 1QFY21: the quarter before the fiscal year
SELECT * FROM periods('英伟达4QFY20营收为31亿美元，公司预计1QFY21营收为30亿美元。');
-- 25Q2: a two-digit year before the quarter
SELECT * FROM periods('SK海力士25Q2营收为20万亿韩元。');
-- 2025财年Q1, 2031会计年度第2季: fiscal labels as written
SELECT * FROM periods('戴尔2025财年Q1营收为220亿美元。');
SELECT * FROM periods('美光2031会计年度第2季营收为100亿美元。');
-- 2024年第一财季: a calendar year with 财季 is a fiscal label
SELECT * FROM periods('英伟达2024年第一财季营收为72亿美元。');
-- 第 2 季 with spaces, in a page of May 2025: the quarter just ended
SELECT * FROM periods('鸿海第 2 季营收为1.8兆元新台币。', '2025-08-14');
-- 首季 alone is the first quarter
SELECT * FROM periods('博通2026财年首季营收预计为190亿美元。');
-- 截至...的第四季度: the quarter is dated by its end
SELECT * FROM periods('英伟达发布截至2025年1月26日止的第四季度业绩，收入为393亿美元。');
-- a bare 第四季度 next to a fiscal year in the same sentence takes that year
SELECT * FROM periods('英伟达公布第四季度和2024财年业绩，第四季度收入为220亿美元。');
-- 2024年4月9日 is a date, not a period
SELECT * FROM periods('英伟达2024年4月9日宣布，营收为260亿美元。');

-- ===== hard cases =====

-- 全年 inside a quarterly report: the whole year, no quarter
SELECT * FROM periods('英伟达2025财年第四季度营收为390亿美元，全年营收为1300亿美元。');
-- prior-period comparatives are facts of their own; the change keeps the quarter
SELECT * FROM periods('英伟达2026财年第二季度营收为467亿美元，较去年同期的300亿美元增长56%，较上一季度的441亿美元增长6%。');
-- 去年同期为X: the same period a year earlier
SELECT * FROM periods('英伟达2026财年第二季度净利润为264亿美元，去年同期为166亿美元。');
-- an aside (以来) does not change the period of the figures that follow
SELECT * FROM periods('台积电2025年第二季度毛利率为58%，创2019年第1季以来新高，营收为9300亿元新台币。');
-- outlook 本季度 in a results article is the quarter being guided
SELECT * FROM periods('英伟达2026财年第一季度营收为440亿美元。展望本季度，公司预计营收为450亿美元。');
-- Hong Kong/Taiwan 上季 is the quarter just reported
SELECT * FROM periods(E'輝達公布2026財年第一季財報，營收為441億美元。\n資料中心營收為390億美元，占上季總營收的88%，這是輝達最重要的業務。');
-- a mainland 上一季度 is the quarter before
SELECT * FROM periods('英伟达2026财年第一季度营收为440亿美元，上一季度营收为393亿美元。');
-- 去年 counts back from the year reported, not from the page's date
SELECT * FROM periods('腾讯2025年营收为7500亿元，毛利率从去年的53%提升至56%。', '2026-03-20');
-- 未来三年: several years, no one period
SELECT * FROM periods('阿里巴巴2025年营收为9900亿元，未来三年资本开支将达到3800亿元。');
-- a headline figure before the period is named: the lead's quarter
SELECT * FROM periods(E'英伟达第一财季净利润为20亿美元，超出预期。\n英伟达周四公布了2019财年第一财季财报，营收为32亿美元。');
-- a share price is a level at a moment: no period
SELECT * FROM periods('英伟达2026财年第一季度营收为440亿美元，股价收报135美元。');
-- 最近一季 is the quarter just reported, dated by publication (Supermicro's year ends in June)
SELECT * FROM periods('美超微最近一季每股收益为0.69美元。', '2026-02-04');
-- 单季 is the quarter named in the sentence
SELECT * FROM periods('鸿海公布第3季财报，单季税后获利576亿元新台币，单季每股纯益4.15元。', '2025-11-12');
-- a headline's month takes the year of the month the lead names
SELECT * FROM periods(E'台积电4月营收创新高\n台积电公布2025年4月营收为3495.67亿元新台币。');
-- a period named before the figures of a sentence is theirs and the paragraph's, even an earlier one
SELECT fact_no, metric, measure, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'台积电10月营收为3674亿元，累计前10月营收为3.13兆元。\n回顾第3季，台积电营收9899亿元，季增6.0%；若以美元计算为331亿美元，季增10.1%。', '2025-11-10');
-- years joined by / take the figures joined by /, in order, in the clause and the next
SELECT fact_no, metric, value, fiscal_year FROM nvfacts.extract('我们上调美光FY26/FY27/FY28营收预测至521/612/655亿美元，对应EPS为13.52/16.85/17.70美元。');
-- a section heading naming an outlook (【FY26Q2指引】) gives its bullets its status and period, until prose
SELECT fact_no, metric, segment, value_low, value_high, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'微软发布2026财年第一财季业绩。\n\n【FY26Q2指引】\n· 智能云：322.5亿-325.5亿美元\n· 更多个人计算：123亿-128亿美元\n\nMeta一季度营收423.1亿美元。', '2025-10-30');
-- a period named for a figure given for comparison (第二季则为) does not become the paragraph's; 倒退 is a decrease
SELECT fact_no, metric, measure, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'联想2026财年第三季收入为222亿美元，第二季则为204.5亿美元。\n毛利为33.5亿美元，纯利倒退21%。');
-- a Hong Kong fiscal year over two calendar years (2025/26財年: the one ending in 2026); 首三季 is nine months
SELECT fact_no, entity, metric, measure, value, fiscal_year, fiscal_quarter, period_kind, period_end FROM nvfacts.extract(E'聯想公布截至12月底止的2025/26財年第三季業績，收入按年增長18%至222億美元。首三季計，集團收入累計614.8億美元，按年增長16%。', '2026-02-13');
-- a headline's parts are apart (　): the year of one is not the other's (第四季度 here is 2025's, by the
-- printed date, which may carry its time: 2026年1月8日 08:15)
SELECT fact_no, entity, metric, measure, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'三星电子第四季度营业利润增长20%　2026年设施投资预计为50万亿韩元\n某财经网　2026年1月8日 08:15\n\n三星电子周四公布，第四季度营业利润同比增长20%。');
-- a comparative (去年同期，…为X) is a fact of its own period, and 当季 after it is the report's quarter again
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'三星电子第三季度营业利润为12.2万亿韩元。去年同期，三星营业利润为9.18万亿韩元。\n\n存储业务当季营收26.7万亿韩元。', '2025-10-31');
-- a calendar explained after the quarters (对应的是…, 则覆盖…) and a quarter still running are named,
-- not reported: the figures of the next paragraph are the reported quarter's
SELECT fact_no, entity, metric, segment, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'博通公布截至2025年8月3日的2025财年第三季度业绩，营收159.5亿美元。\n\n博通的财年在每年11月初结束，所以第三财季对应的是2025年5月至7月，仍在进行中的第四财季则覆盖2025年8月至10月。\n\n半导体业务营收92亿美元，同比增长26%。', '2025-09-05');
-- a quarter still running named alone (第四财季刚刚开始) is no report either
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'博通2025财年第三季度营收159.5亿美元。\n\n眼下第四财季刚刚开始。\n\n软件业务营收67.9亿美元。', '2025-09-05');
-- a year named alone first (FY2025对应的是…) leaves no lead: the quarters under it are its own, not
-- those of a year-and-quarter named further down (FY2026 Q1)
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'英伟达的FY2025对应的是2024年2月到2025年1月。FY2025的四个季度里，数据中心收入如下：\nQ1：226亿美元\nQ2：263亿美元\n\n到了FY2026 Q1，数据中心收入为391亿美元。', '2025-12-06');
-- the calendar months a fiscal quarter is said to be, in brackets after it (（即2025年7月至9月）), only explain it;
-- a quarter in such brackets after a relative one (上一季（即2024财年第四季）) still names it
SELECT fact_no, entity, metric, measure, value, fiscal_year, fiscal_quarter FROM nvfacts.extract('阿里巴巴公布的2026财年第二季度（即2025年7月至9月）财报显示，当季资本开支为300亿元，同比增长约70%。', '2025-11-26');
SELECT fact_no, entity, metric, measure, value, fiscal_year, fiscal_quarter FROM nvfacts.extract('回顾上一季（即2024财年第四季），英伟达营收为221亿美元。', '2024-05-20');
-- a market share takes the period its sentence names (第二季度, 2024年), not one carried from before, and not the
-- date of an event (在今年3月的大会上); a market value or a share price takes none
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'2025年第二季度，SK海力士在全球HBM市场的份额为62%，市值约为1300亿美元。\n在今年3月的行业大会上，一位高管称英伟达在训练芯片市场的份额超过90%。', '2025-08-20');
SELECT fact_no, entity, metric, value, fiscal_year, period_kind FROM nvfacts.extract('据统计，2024年台积电在晶圆代工市场的份额约为64%，三星约为9%。');
-- a dateline with its weekday in brackets (2026年3月6日（星期五）) is the publication date: 去年第四季 resolves
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'【本报讯】2026年3月6日（星期五）　财经版\n腾讯早前公布，去年第四季收入1,900亿元人民币。');
-- a market share in a pasted table takes the period of its column, as a share in prose takes the period its
-- sentence names (one rule: nvf_metric_dated); NVIDIA's calendar year is read as the fiscal year it mostly falls in
SELECT fact_no, entity, metric, value, status, fiscal_year, period_kind, period_text FROM nvfacts.extract(E'全球AI加速卡市场份额（按出货额计）\n厂商　　│2023年│2024年\n英伟达　│81%　│85%\nAMD　　 │12%　│10%\n', '2025-03-01');
-- a bare 全年 takes the year the sentence counted from today before it (今年第一季度…，全年…), not the context's
-- year of last year's results; a year counted back (去年全年) after the figure does not lend its year
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'三星电子去年全年营收创新高。\n一家券商预计，三星今年Q1营业利润将超过25万亿韩元，全年有望突破110万亿韩元。', '2026-02-10');
-- analysts' expectation of a figure reported is of the period reported, not of the comparison base a clause before
-- it names (…，去年同期为X，高于分析师平均预期的Y)
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('谷歌母公司Alphabet第三季度营收为1020亿美元，同比增长16%，去年同期为880亿美元，高于分析师平均预期的998亿美元。', '2025-10-30');
-- a comparison's base with 实际 before its metric word (高于2025年实际支出的X) is still the base: X is of that year
SELECT fact_no, entity, metric, value, value_low, value_high, status, fiscal_year FROM nvfacts.extract('三星电子表示，2026年设施投资预计为55万亿至60万亿韩元，高于2025年实际支出的47万亿韩元。');
-- an outlook revised (指引从X上调至Y) keeps its period in both figures; an actual change (毛利率从X降至Y) gives
-- the earlier figure no period of its own
SELECT fact_no, entity, metric, value, status, fiscal_year, period_kind FROM nvfacts.extract('联想将2026财年营收指引从700亿美元上调至730亿美元。');
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('联想2026财年第三季度毛利率从16.1%降至15.2%。');
-- a quarter the page names before any company is read in each company's own fiscal calendar: calendar Q3 2025
-- is Microsoft's FY2026 Q1, so its 第一财季 is of FY2026
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_end FROM nvfacts.extract('2025年第三季度，美国几家云厂商的业绩普遍好于预期。微软第一财季净利润为277亿美元。', '2025-10-31');
-- with no period in context, 当季 in a reported figure is the quarter reported last before publication, and
-- 下季度 in an outlook the one after it (the quarter in progress)
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('博通当季营收为180亿美元，公司预计下季度营收约为191亿美元。', '2025-12-12');
-- a bare quarter in an outlook that comes before the quarter reported in the year is next year's: a fourth
-- quarter's report guides 一季度 of the year after, even a sentence after the one that named its year
SELECT fact_no, entity, metric, measure, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'台积电公布第四季度营收为337亿美元。\n以中值计算，一季度营收预计将环比增长约4%。', '2026-01-16');
-- a date followed by an act (7月发布的指引, 去年10月给出的) is when the guidance was given, not its period: the
-- guidance is of the quarter reported
SELECT fact_no, entity, metric, value, value_low, value_high, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('英特尔第三季度营收为137亿美元，高于公司2025年7月发布的126亿至136亿美元指引。', '2025-10-24');
-- a plan revised (将资本开支预算从X上调至Y) starts from the plan: X is guidance of the same year, not a reported
-- figure; 资本开支预算 is capex, not spending
SELECT fact_no, entity, metric, value, status, fiscal_year FROM nvfacts.extract('美光决定将本财年资本开支预算从180亿美元上调至200亿美元。', '2025-12-18');
-- 年中 right after a year is the middle of the year (a point: no period), unless 中 starts a word (2024年中国市场,
-- 2023年中东地区): then the year is the figure's period
SELECT fact_no, entity, metric, segment, value, fiscal_year, period_kind FROM nvfacts.extract('超威半导体2024年中国市场营收约为62亿美元；公司计划2026年中投产的新工厂已获批，2025年中以来股价上涨了四成。', '2025-09-02');
-- a part of a year named without its year (全年, 第四财季) takes the year of the period its sentence named before it,
-- read as reported: a Q4 report's 全年 is the year just closed (actual, not next year's guidance); a guidance noun
-- for the next quarter (第四财季营收指引) is of the reported quarter's year, and a Q1 after a Q4 of the next one
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('美光公布第四财季营收为112亿美元，全年营收达到373亿美元。', '2025-09-25');
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('英伟达第三财季营收为571亿美元，第四财季营收指引为652亿美元。', '2025-11-21');
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('英伟达第四财季营收为680亿美元，第一季度营收指引为770亿美元。', '2026-02-27');
-- more period forms: 半年度 (a half-year report's first half, after a year or bare), 前三财季 (nine months), 首财季
-- (the first quarter), 滚动十二个月 (trailing twelve months)
SELECT fact_no, entity, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('工业富联2025年半年度营收3600亿元；半年度归母净利润121亿元。英伟达前三财季营收合计1470亿美元。苹果首财季营收1240亿美元。台积电滚动十二个月营收约1100亿美元。', '2025-11-21');
-- a span of quarters that ends with the quarter reported (前三个财季 after 第三财季) does not replace it as the report:
-- an outlook later with no period of its own is still of the next quarter, not of the nine months
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'英伟达第三财季营收为571亿美元。\n\n公司前三个财季通过回购和分红合计返还股东360亿美元。\n\nOutlook: revenue is expected to be $66.0 billion, plus or minus 2%.', '2025-11-21');
-- Hong Kong and Malaysian usage written in simplified script (按年, 按季, 今季: cue kind hk_usage, data rows): from the
-- sentence that shows it on, a bare 上季 is the quarter just reported, as in traditional script
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('英伟达上季收入按年增长62%至570亿美元，并预期今季收入约650亿美元。', '2025-11-21');
-- a relative fiscal year followed by a part (上一财年同期, 本财年第三季度) is one period: the same period a fiscal year back
SELECT fact_no, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract('英伟达第三财季净利润为319亿美元，上一财年同期为193亿美元；本财年第三季度资本支出为16亿美元。', '2025-11-21');
-- a fiscal year written over two calendar years in two digits each (24/25财年, 25-26财年) is labelled by the second
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('联想集团24/25财年营收为690亿美元；25-26财年第二季度营收为204.5亿美元。', '2025-11-21');
-- a year an outlook word names after a bare part of the year (第四季度…，并计划2026年…) is the outlook's: the quarter
-- reported keeps the year it was reported in, and stays actual
SELECT fact_no, entity, metric, measure, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract('谷歌母公司Alphabet第四季度营收为1138亿美元，同比增长18%，并计划2026年资本支出约1800亿美元。', '2026-02-05');
-- 去年同期 after a relative quarter (本季, 上季) is that quarter a year back (was NULL: only a dated period before it
-- was the sentence's own)
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('超微电脑本季营收为50亿美元，去年同期为58亿美元。', '2025-11-05');
-- a line of any length that introduces a list with an outlook (对于第四财季，公司给出的展望如下：) gives its items the
-- outlook's status and period; an empty line ends a list of unspaced items, and a share-price move is never the list's
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'博通第四财季营收为180亿美元。\n对于2026财年第一季度，博通给出的业绩展望如下：\n营收约为191亿美元；\n调整后EBITDA率为67%。\n毛利率约为76%。\n\n博通股价盘后下跌2%。\n', '2025-12-12');
-- a comparative that gives its own figure after a figure of the period reported (营收X，上年同期为Y，同比增长Z) is its
-- clause's: the clauses after it are of the period reported again; a sentence opening with it is all of that period
SELECT fact_no, entity, metric, measure, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'美满电子第三财季营收为20.8亿美元，去年同期为15.2亿美元，同比增长37%，毛利率为59.7%。\n去年同期净利润为5.2亿美元，合每股收益0.6美元。', '2025-12-03');
-- a table cell left empty between two drawn rules (|  |), or holding a bare - (| - |, not a bullet there), keeps the cells
-- after it under their columns: each figure takes its column's period (the row was dropped and the table read as prose)
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'美光核心数据：\n| 项目 | 2025财年Q4 | 2025财年Q3 | 2024财年Q4 |\n| 营收(亿美元) | 113.2 |  | 77.5 |\n| 毛利率 | 45.7% | - | 36.5% |\n', '2025-09-24');
-- English periods spelled out: an ordinal and quarter (fourth-quarter, fiscal third quarter) with the year after "of",
-- fiscal 2025 alone, full year; a figure rising to an amount (rose 13% to, increased to) is the new level
SELECT fact_no, entity, metric, measure, value, value_low, value_high, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('Marvell guided fourth-quarter revenue of $2.1-2.3 billion. Revenue for the third quarter of fiscal 2026 rose 37% to $2.08 billion. In fiscal 2025, revenue increased to $5.77 billion.', '2025-12-03');
-- a table with a company per row: the caption's period (第二季度…一览) dates the columns without one, a change column
-- (同比) takes no period from a column after it, a guidance column (全年指引) is guidance for its year, a range cell
-- (1180-1220) has bounds; a bare quarter of a company in another calendar (Microsoft's) is not read into the future
SELECT fact_no, entity, metric, measure, value, value_low, value_high, status, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'第二季度四大云厂商资本开支一览\n| 公司 | 资本开支(亿美元) | 同比 | 全年指引(亿美元) |\n| 亚马逊 | 314 | 91% | 1180-1220 |\n| 微软 | 242 | 27% | 800 |\n', '2025-08-15');
-- a past year with figures after it and no period before it for its company (去年全年收入…；经调整净利润…) is the year
-- reported, later clauses included (they had none); 截至…止六个月 is the half ending then (its end was NULL); 中期
-- heads any result (中期纯利, 中期股东应占溢利), not only 收入 and 营收
SELECT fact_no, entity, metric, value, fiscal_year, period_kind, period_end FROM nvfacts.extract(E'联想集团去年全年收入4900亿元，同比增长20%；经调整净利润120亿元。', '2025-05-25');
SELECT fact_no, entity, metric, value, fiscal_year, period_kind, period_end FROM nvfacts.extract(E'华虹半导体截至2025年6月30日止六个月收入11.7亿美元。\n小米集团中期纯利按年增长52%至170亿元。', '2025-08-30');
-- 去年同期 after a comparative quarter (上季度为X，去年同期为Y) is a year before the quarter reported, not before the last
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract('博通第四财季营收180.2亿美元，上季度为159.5亿美元，去年同期为140.5亿美元。', '2025-12-12');
-- a quarter not written as a fiscal one that companies listed right before it share (微软、谷歌和Meta三季度…分别), or
-- that figures of several companies after it share (a market tracker's 2025年第二季度…), is a calendar quarter: each
-- company's fiscal quarter ending nearest to it (Microsoft FY2026 Q1; Micron's ends in May); a fiscal quarter (财季) and
-- a company named in passing keep the company's own calendar
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_end FROM nvfacts.extract(E'微软、谷歌和Meta三季度资本支出分别为350亿美元、240亿美元和190亿美元。\n集邦咨询统计，2025年第二季度全球HBM市场中，SK海力士份额约为60%，美光约为20%。\n微软第一财季营收777亿美元，谷歌三季度营收1023亿美元。\n甲骨文表示，第二季度云收入为80亿美元，这得益于Meta和英伟达的新订单。', '2025-12-20');
-- a range of fiscal years written with FY (FY2026-2028, FY26-FY28) is distributed over a 分别 list like 2026-2028财年; a
-- sentence giving a rating (维持…买入评级) speaks in an analyst's voice: its 预计 is a forecast, not guidance
SELECT fact_no, entity, metric, value, status, fiscal_year FROM nvfacts.extract(E'维持美光买入评级，预计FY2026-2028营收分别为450/520/600亿美元。\n超微电脑FY26-FY28营收目标分别为330亿美元、400亿美元和470亿美元。', '2025-12-20');
-- a table column headed by a period (本季, 上季度, 去年同期) holds level figures of that period: 去年同期 is the quarter
-- reported a year earlier, 上季度 the quarter before it (同期 inside 去年同期 is no change column); 同比/YoY is one
SELECT fact_no, entity, metric, measure, value, unit, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'AMD第三季度关键数字如下：\n指标 | 本季 | 上季度 | 去年同期 | YoY\n营收（亿美元） | 91.2 | 77.4 | 69.1 | 32%\n毛利率 | 52.1% | 43.6% | 50.2% | 1.9%\n', '2025-11-06');
-- a share after a ； takes the period the part before it named (a tracker's calendar quarter, in each company's
-- fiscal labels: Micron's June quarter is its fiscal Q3); after a 。 it takes none
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('据TrendForce统计，二季度三星在全球NAND市场的份额为32.1%；在企业级SSD市场，SK海力士份额达到38%，美光为15%。铠侠份额为14%。', '2025-09-01');
-- a long-term target (长期, 中长期) is of no one period, as 未来三年 is; 长期以来 (for a long time) is no period word
SELECT fact_no, entity, metric, value, status, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('台积电第四季度毛利率为62.3%。公司将长期毛利率目标由原先的54%及以上上调至57%及以上，中长期营收年均增速目标为20%。长期以来，台积电第四季度营业利益率维持在50%以上。', '2026-01-16');
-- an amount allowed (回购授权, authorization) is spent in no period: the results' quarter does not reach it; a buyback
-- done in the quarter keeps it
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'超微电脑第一财季营收为50亿美元，当季回购股票2亿美元。董事会另批准了一项规模15亿美元的股票回购授权。\nThe board added a US$8 billion buyback authorization.', '2025-11-05');
-- 授权 right before a metric word (授权收入: licensing revenue) is earned in the quarter like any revenue
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract('Arm第二财季营收为11.4亿美元；授权收入为5.15亿美元，特许权使用费收入为6.2亿美元。', '2025-11-06');
-- a year-on-year or sequential change of a level at a moment (a contract price) is of the period its sentence names; a
-- level at a moment takes none
SELECT fact_no, metric, measure, value, value_low, value_high, fiscal_year, fiscal_quarter FROM nvfacts.extract('集邦咨询称，2025年第三季度服务器DRAM合约价环比上涨15%至20%，HBM均价约为每GB 12美元，而消费级NAND价格下跌5%。', '2025-10-10');
-- ... and so is any change of a part's level (NAND Flash则上涨33%至38%), but not a change of the whole company's share
-- price, which a results sentence's quarter does not date
SELECT fact_no, entity, metric, segment, measure, value_low, value_high, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'据TrendForce预估，2026年第一季DRAM合约价将季增55%至60%，NAND Flash则上涨33%至38%。\n英伟达第三财季营收570亿美元，股价盘后上涨3%。', '2026-01-10');
-- the first part of a year named with its year gives its year to a headline's bare part before it (第三财季 ... 2026财年第三
-- 季度) only when it is about the headline figure's company: a tracker's calendar quarter further down, about another
-- company, leaves NVIDIA's 第三财季 the latest one reported (FY2027 Q3 on a page of November 2026)
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'英伟达第三财季营收570亿美元，数据中心收入512亿美元。\n微软第一财季云收入491亿美元。\n据集邦咨询回顾，2025年第三季度SK海力士的HBM份额为57%。', '2026-11-20');
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'英伟达第三财季营收570亿美元。\n英伟达公布2026财年第三季度财报，游戏收入43亿美元。', '2025-11-20');
-- ... and so is an amount a board approved (董事会批准了…的股票回购计划), though a clause before it names the quarter;
-- 授权 joined to parts before a metric word (IP授权及软件收入) names earnings, which keep the quarter
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'英伟达第二财季营收467亿美元，董事会批准了额外600亿美元的股票回购计划。\n寒武纪一季度云端产品线收入11亿元，IP授权及软件收入为900万元。', '2025-08-28');
-- four quarters summed (四个季度加总, 四个财季合计) are the whole year of the quarters listed, not the last of them,
-- and of their part: the sum word sums periods, not parts; a whole year named after it (约为2024财年全年的…) is
-- another year, the base; 连续四个季度 (a run of quarters, nothing summed) is no period; and Q3：31亿美元 is no
-- time of day (3:31) after its letter
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter, period_kind FROM nvfacts.extract(E'英伟达2025财年的网络业务收入逐季走高：\nQ3：31亿美元\nQ4：33亿美元\n四个季度加总129亿美元，约为2024财年全年60亿美元的两倍。\n台积电连续四个季度营收超过200亿美元。', '2025-03-10');
-- a period named for a market (全球…业者营收合计) is the page's: the companies ranked after it, naming no period of
-- their own, report in it, their shares too; a share with no market period before it stays undated
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'集邦咨询：2025年第二季全球前五大封测业者营收合计达95亿美元。\n日月光营收约41亿美元，市占率43%。安靠营收约17亿美元，市占率18%。', '2025-09-15');
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'第三季度业绩\n英伟达在AI加速器市场的份额约为85%。', '2025-11-20');
-- 同期…分别 after a sentence naming a range of years takes its years, one each, when as many figures follow; a period
-- measured against (已超过2024年全年水平) is a landmark, not the period of the figures after it
SELECT fact_no, entity, metric, value, fiscal_year, period_kind FROM nvfacts.extract('2022年至2024年，沐曦股份营业收入分别为4,260万元、5,300万元和7.4亿元；同期净亏损分别为7.8亿元、8.7亿元和14.1亿元。2025年前三季度，公司营收12.4亿元，已超过2024年全年水平，净亏损3.5亿元。', '2025-12-01');
-- a report still to come (将于…公布第四财季业绩, Q4财报前瞻) is named, not reported: a later paragraph's figures keep
-- the quarter the article looked back at
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'美光Q1财报前瞻：HBM能否继续放量\n美光将于下周公布2026财年第一季度业绩。回顾上一财季，美光营收113亿美元，同比增长46%。\n\nHBM收入约20亿美元。', '2025-12-10');
-- a bare month before a part and its metric (11月AI服务器收入) is the figure's month; Hong Kong's 次季 (次财季) is the
-- second quarter, 次季度 the next one (no quarter named)
SELECT fact_no, entity, metric, segment, measure, value, fiscal_year, period_kind, period_end FROM nvfacts.extract('纬创11月AI服务器收入按年增长逾两倍。', '2025-12-08');
SELECT fact_no, entity, metric, value, fiscal_year, fiscal_quarter FROM nvfacts.extract('小米次季經調整純利108億元，按年增長75%。英伟达预计次季度营收环比增长5%。', '2025-08-20');
-- ... but a share that names a market of its own (在全球AI服务器市场) is not ranked in the page's market period
SELECT fact_no, entity, metric, segment, value, fiscal_year, fiscal_quarter FROM nvfacts.extract(E'IDC：2025年第二季度全球PC出货量同比增长6.5%。联想以25%的份额位居第一。\n在全球AI服务器市场，英伟达GPU的份额超过八成。', '2025-08-20');
-- a base's year (约为2024财年全年48亿美元的2.6倍) does not date the growth after it, in a later clause: it keeps the year
-- of the figure reported
SELECT fact_no, entity, metric, segment, measure, value, unit, fiscal_year FROM nvfacts.extract('博通2025财年AI收入为125亿美元，约为2024财年全年48亿美元的2.6倍，同比增幅160%。', '2025-12-15');
