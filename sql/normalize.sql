-- nvfacts.normalize(): the canonical form of web text (one rule per group).
-- Brackets around each result make dropped and kept spaces visible.

-- NFKC: full-width letters, digits and punctuation, circled numbers
SELECT '[' || nvfacts.normalize('ＡＢＣ１２３') || ']' AS r;
SELECT '[' || nvfacts.normalize('２６０．４４亿美元') || ']' AS r;
SELECT '[' || nvfacts.normalize('１２％') || ']' AS r;
SELECT '[' || nvfacts.normalize('，！？；：（）') || ']' AS r;
SELECT '[' || nvfacts.normalize('①②③') || ']' AS r;
SELECT '[' || nvfacts.normalize('㈠') || ']' AS r;
SELECT '[' || nvfacts.normalize('ｅｘｔｒａｃｔ') || ']' AS r;

-- Traditional -> Simplified
SELECT '[' || nvfacts.normalize('英偉達營收') || ']' AS r;
SELECT '[' || nvfacts.normalize('輝達') || ']' AS r;
SELECT '[' || nvfacts.normalize('台積電') || ']' AS r;
SELECT '[' || nvfacts.normalize('微軟數據中心業務') || ']' AS r;
SELECT '[' || nvfacts.normalize('營收２６０．４４億美元') || ']' AS r;

-- Kangxi radicals and CJK radicals supplement -> ideographs
SELECT '[' || nvfacts.normalize('收⼊') || ']' AS r;
SELECT '[' || nvfacts.normalize('⾦额') || ']' AS r;
SELECT '[' || nvfacts.normalize('⼀⼆') || ']' AS r;
SELECT '[' || nvfacts.normalize('⻓期') || ']' AS r;

-- pinyin debris after an ideograph is removed (ASCII and full-width brackets)
SELECT '[' || nvfacts.normalize('英偉達(dá)') || ']' AS r;
SELECT '[' || nvfacts.normalize('英偉達（dá）营收') || ']' AS r;
SELECT '[' || nvfacts.normalize('中國(guó)市场') || ']' AS r;
SELECT '[' || nvfacts.normalize('營(yíng)收') || ']' AS r;
-- ... but not real bracketed text
SELECT '[' || nvfacts.normalize('英伟达(NVIDIA)') || ']' AS r;
SELECT '[' || nvfacts.normalize('英伟达(nvda)') || ']' AS r;
SELECT '[' || nvfacts.normalize('(dá)开头') || ']' AS r;
SELECT '[' || nvfacts.normalize('H100 (GPU)') || ']' AS r;
SELECT '[' || nvfacts.normalize('收入(abcdefghij)') || ']' AS r;

-- 。 between digits is a decimal point
SELECT '[' || nvfacts.normalize('8。5%') || ']' AS r;
SELECT '[' || nvfacts.normalize('毛利率为78。4%') || ']' AS r;
SELECT '[' || nvfacts.normalize('８。５％') || ']' AS r;
-- ... elsewhere it ends a sentence
SELECT '[' || nvfacts.normalize('增长8。') || ']' AS r;
SELECT '[' || nvfacts.normalize('完成。5月') || ']' AS r;
SELECT '[' || nvfacts.normalize('8 。5') || ']' AS r;

-- spaces between a digit and a following ideograph or % are dropped
SELECT '[' || nvfacts.normalize('3 亿美元') || ']' AS r;
SELECT '[' || nvfacts.normalize('3　亿美元') || ']' AS r;
SELECT '[' || nvfacts.normalize('３ 亿') || ']' AS r;
SELECT '[' || nvfacts.normalize('增长 262 %') || ']' AS r;
SELECT '[' || nvfacts.normalize('3  %') || ']' AS r;
SELECT '[' || nvfacts.normalize('3 元') || ']' AS r;
-- ... other spaces stay
SELECT '[' || nvfacts.normalize('营收 260亿') || ']' AS r;
SELECT '[' || nvfacts.normalize('GPU 3 H100') || ']' AS r;
SELECT '[' || nvfacts.normalize('3 million') || ']' AS r;
SELECT '[' || nvfacts.normalize('一 亿') || ']' AS r;

-- invisible characters inside words are deleted
SELECT '[' || nvfacts.normalize(E'英\u200B伟\u200D达') || ']' AS r;
SELECT '[' || nvfacts.normalize(E'\uFEFF营收') || ']' AS r;
SELECT '[' || nvfacts.normalize(E'营\u00ADsoft') || ']' AS r;

-- plain ASCII and already canonical text is unchanged
SELECT '[' || nvfacts.normalize('Revenue was $26.0 billion, up 262%.') || ']' AS r;
SELECT '[' || nvfacts.normalize('英伟达营收260.44亿美元，同比增长262%。') || ']' AS r;
SELECT '[' || nvfacts.normalize('') || ']' AS r;

-- all rules at once
SELECT '[' || nvfacts.normalize('英偉達(dá)第一季度收⼊為２６０。４４ 億美元，同比增長 262 ％') || ']' AS r;

-- idempotent
SELECT nvfacts.normalize(nvfacts.normalize(d)) = nvfacts.normalize(d) AS idempotent
  FROM (VALUES ('英偉達(dá)第一季度收⼊為２６０。４４ 億美元'), ('８。５％'), ('3　亿美元'), ('①㈠ｅ')) v(d);

-- a decimal number cut by a page's line wrap is joined; other line ends stay
SELECT '[' || nvfacts.normalize(E'营收3495.\n67亿元') || ']' AS r;
SELECT '[' || nvfacts.normalize(E'营收3495。\n67亿元') || ']' AS r;
SELECT '[' || nvfacts.normalize(E'营收为3495.\n其他') || ']' AS r;
