-- nvfacts.quantities(): every quantity form, one case per line.
-- Values are magnitudes as written (direction words are extract's business).

-- Arabic numerals, thousands separators, decimals
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收260.44亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1,000,000美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1,234.56美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1.635亿美元');
-- a scaled Arabic number without unit counts things
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1.635亿');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300万开发者');

-- Chinese numerals and mixes
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一万二千美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一万二千人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一千零五人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一亿二千万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三百五十万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('两千亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十二家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('二十个');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('两家公司');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('两倍');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2万5千美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1亿2千万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100多亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100多万人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('二十多家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三千多人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1000余人');
-- vague numerals give a low..high pair
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十几家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('几十家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('数十亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('数百万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('几千万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十几亿美元');

-- scales
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2.5万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3800亿元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3万亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1.2万亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5千美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3百万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5千万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('26 million dollars');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$26.0 billion');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3 trillion dollars');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$5bn');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$5B');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$5K');

-- currencies after the number
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('500美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('500美金');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('500元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100人民币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100元人民币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('50港元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('50港币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('500亿新台币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100日元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('4万亿日元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100欧元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('4美分');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5 US dollars');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100 yuan');
-- currencies before the number (a written currency word is not part of the surface)
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('人民币12亿元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('人民币100');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('新台币500亿元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('港币300亿');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$26.0');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('$ 5');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('US$ 500 million');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('USD 300');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('USD5');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('HK$100');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('NT$500');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('RMB 100');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('¥100');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('€5');

-- percent
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('同比增长262%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('下降11%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('毛利率为78.4%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5 %');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('20 percent');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('百分之九十');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('百分之五十五');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('百分之零点五');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('千分之五');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5‰');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('四成');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('占三成的份额');
-- 成 starting a word is no tenth
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三成本');

-- percentage points and basis points
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('下降了3个百分点');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('上升0.5个百分点');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('上升2百分点');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2 percentage points');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('上下浮动50个基点');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('降息25基点');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('50 basis points');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('10 bps');

-- multiples and fractions
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3倍');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('增长了五倍多');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('10倍以上');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收翻倍');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收翻番');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收翻了一番');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收翻了两番');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三分之一');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三分之二');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十分之一');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('25分之一');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('三百分之一');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('增长3x');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3×');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5 times');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一半');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('半数');

-- ranges: the first number borrows the second's unit and scale
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2.5万至4万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1000亿-1190亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1000亿—1190亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1000亿~1190亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2.5万到3万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('20亿美元至30亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300至600万美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300-600元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300 - 600元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('10至15%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('10-15%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('74%-75%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('15%到20%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('-5%至5%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1.5到2万家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100万至200万人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1.5倍至2倍');
-- different units make no range
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('30亿美元-5%') ORDER BY span_start;

-- approximation words
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('约260亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('大约260亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('近300亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('接近50%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('30亿美元左右');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('50%上下');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('约合人民币12亿元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('超过100亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('逾20%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('突破3万亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5000多人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('100亿美元以上');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('不足10%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('不到5亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('低于5%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('多达3万块');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('最多5000台');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('up to $5 billion');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('about $3 billion');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('more than 20%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('less than 5%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('约10%至15%');
-- a tolerance is no approximation of the quantity
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('上下浮动2%');

-- literal signs
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('-11%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('+5%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('同比-11%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('-3个百分点');

-- counts
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('35000块');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300人');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('300人次');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十几家');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('5万台服务器');

-- several quantities in one text
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('英伟达营收260.44亿美元，同比增长262%，毛利率78.4%，上升0.5个百分点。') ORDER BY span_start;
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('预计为280亿美元，上下浮动2%') ORDER BY span_start;

-- repaired text: traditional, full-width, radicals, 8。5, spaced units
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('營收２６０．４４億美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('毛利率8。5%');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('８。５％');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('收⼊ 3 亿美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('增长 262 %');

-- spans are character offsets into the ORIGINAL text
SELECT substr(d, span_start + 1, span_end - span_start) = surface AS ok, span_start, span_end, surface
  FROM (VALUES ('英伟达营收260.44亿美元，同比增长262%。')) v(d), nvfacts.quantities(d) ORDER BY span_start;
SELECT substr(d, span_start + 1, span_end - span_start) = surface AS ok, span_start, span_end, surface
  FROM (VALUES ('英偉達(dá)毛利率８。５％，營收２６０．４４億美元')) v(d), nvfacts.quantities(d) ORDER BY span_start;
SELECT substr(d, span_start + 1, span_end - span_start) = surface AS ok, span_start, span_end, surface
  FROM (VALUES ('毛利率8。5%，英偉達(dá)收⼊ 3 亿美元，同比增長 262 %')) v(d), nvfacts.quantities(d) ORDER BY span_start;
SELECT substr(d, span_start + 1, span_end - span_start) = surface AS ok, span_start, span_end, surface
  FROM (VALUES (E'英\u200B伟达(dá)营收约260亿美元，\U00020000超过30%')) v(d), nvfacts.quantities(d) ORDER BY span_start;
SELECT substr(d, span_start + 1, span_end - span_start) = surface AS ok, span_start, span_end, surface
  FROM (VALUES ('é😀 5亿美元，人民币12亿元')) v(d), nvfacts.quantities(d) ORDER BY span_start;

-- not quantities: model names and versions
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('H100');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('B200芯片');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('GPT-4o');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('Llama 3');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('FSD Version 12');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('A100 80GB');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('ABCUSD5');
-- dates and times
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2024-05-23');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('发表于 2024-6-3 09:15:02');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3月18日');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('12:50:49');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2024年5月');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('2023-2024年');
-- phone numbers
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('400-820-1234');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('13812345678');
-- ranks
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('第三大');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('第5代');
-- URLs with digits
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('https://example.com/a/123456.html');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('www.nvidia.cn/2024/5亿');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('ir.nvidia.com/2024-05-22/260');
-- words that contain numerals
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('万众瞩目');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('百度');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('十分重要');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一个客户');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('一家公司');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('成本');
-- numbers without a unit
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('4纳米');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('10 TB/秒');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('3M公司');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('零点五');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('二〇二四年');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('百分点');

-- forms of Taiwan, Hong Kong and research-report pages
-- 兆 is 10^12 in Taiwan; with 亿 after it
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('1兆7934.68亿元新台币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('营收2兆589亿元');
-- 成 counts tenths, with a digit after it
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('纯利大增三成六');
-- 两成半 is 25%; 三成半导体 is 30% of chip makers, 半 starting a word
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('净利润增长两成半，约三成半导体厂商亏损');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('九成以上');
-- a currency named after 元; cents of Hong Kong pages; pct as percentage points
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('8,765亿元新台币');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('每股派18美仙');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('毛利率环比-3.4pct');
-- slash lists share the unit (and scale) written after the last item
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('每股收益依次为1.47/1.92美元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('410/480/530亿元');
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('64.9%/65.4%');
-- figures listed with a bare 元 take the currency named after the last one (not across other text)
SELECT surface, value, unit FROM nvfacts.quantities('营收分别为9899亿元、1480亿元和612亿元新台币，同比增长30%，对比150亿元及20亿元港币');
-- a slash inside a word is not a list
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('A/B10亿美元');
-- 倍增 is a doubling
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('AI营收将倍增');
-- an en dash and a space before the digits is a minus
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities('从 – 1.27 元变为 2.5 元');
-- a number cut by a line wrap is one number
SELECT surface, value, value_low, value_high, unit, approx FROM nvfacts.quantities(E'合并营收3495.\n67亿元');
-- a plain number right after a bracket naming a currency (and a scale) is in it; the bracket alone is no figure,
-- nor is a number after a bracket without a currency
SELECT surface, value, unit FROM nvfacts.quantities('目标价(美元): 210.00 市值 (美元百万) 4,512,300 收盘价 (美元 截至 3 月 2 日) 185.5 营收（单位：新台币亿元）2,045.10 收入(亿元) 3.5 (百万美元) 营业收入 (十亿) 71,350');
-- 持平至 (持平或, flat to) before a change, its direction word between: a range from 0
SELECT surface, value, value_low, value_high, unit FROM nvfacts.quantities('营收环比持平至增长3%，毛利率持平或下降1个百分点，flat to up 4%，持平。增长5%');
-- scaled numbers listed (、 和 及) share the currency after the last one; unscaled ones and counts do not
SELECT surface, value, unit FROM nvfacts.quantities('分别为2100亿、2600亿和3100亿美元，或500亿及600亿元；3、4月共12亿美元；300万、500万用户');
-- a currency sign before the first number of a range is the range's, and the scale after the second the first's too
SELECT surface, value, value_low, value_high, unit FROM nvfacts.quantities('guided $56-59 billion; US$1.2-$1.5 trillion; $300-600; but $5-10% is two figures');
-- a currency word before the first bound of a range covers a bare 元 closing it (新台币9853亿至10220亿元 is TWD, not two figures)
SELECT surface, value_low, value_high, unit FROM nvfacts.quantities('新台币9853亿至10220亿元；港币5亿至6亿元');
-- an approximation right before a verb of proportion (约占, 近占) qualifies the number the verb reaches, in its
-- clause (约占公司总营收的47%); a 占 with none before it leaves its number as stated; 多/余 right after tenths
-- (四成多, and 两成多的空间 is a move) are over, as after a multiple (两倍余); an approximation after 分别 qualifies
-- every figure of the list
SELECT fact_no, entity, metric, segment, measure, value, unit, approx FROM nvfacts.extract(E'在AI芯片市场，英伟达的份额约占八成，AMD则近占7%。\nAMD数据中心营收约占公司总营收的47%，客户端营收占比为30%。\n美光营收同比增长四成多，净利润增长两倍余，股价仍有两成多的空间。\n微软第一财季智能云和个人计算营收分别约为309亿美元和137亿美元。', '2025-11-20');
