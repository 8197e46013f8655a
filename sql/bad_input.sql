-- Hostile and degenerate input: no error, no crash, sane rows.

-- empty and NULL (STRICT: NULL in, NULL or no rows out)
SELECT '[' || nvfacts.normalize('') || ']' AS r;
SELECT count(*) FROM nvfacts.quantities('');
SELECT nvfacts.normalize(NULL) IS NULL AS is_null;
SELECT count(*) FROM nvfacts.quantities(NULL);

-- no Chinese at all
SELECT nvfacts.normalize('Revenue was $26.0 billion, up 262% from a year ago.');
SELECT surface, value, unit FROM nvfacts.quantities('Revenue was $26.0 billion, up 262% from a year ago.') ORDER BY span_start;
SELECT count(*) FROM nvfacts.quantities('the quick brown fox jumps over the lazy dog');

-- only punctuation
SELECT nvfacts.normalize('，。！？、；：“”‘’（）【】《》…—·');
SELECT count(*) FROM nvfacts.quantities('，。！？、；：“”‘’（）【】《》…—·');
SELECT count(*) FROM nvfacts.quantities('!@#$%^&*()_+-=[]{}|;:,.<>/?~`');
SELECT count(*) FROM nvfacts.quantities('$$$ %%% --- +++ ... ,,,');

-- a number of 100000 digits is no quantity (and no overflow)
SELECT count(*) FROM nvfacts.quantities(repeat('9', 100000));
SELECT count(*) FROM nvfacts.quantities(repeat('9', 100000) || '亿美元');
SELECT count(*) FROM nvfacts.quantities('1' || repeat('0', 40) || '美元');
SELECT surface, value, unit FROM nvfacts.quantities('0.' || repeat('0', 40) || '1%');
SELECT count(*) FROM nvfacts.quantities(repeat('9', 1000000));
SELECT surface, value, unit FROM nvfacts.quantities(repeat('1,000', 20000) || '美元');
SELECT length(nvfacts.normalize(repeat('9', 100000)));
-- Chinese numerals: very long and absurd runs
SELECT surface, value, unit FROM nvfacts.quantities(repeat('九', 10000) || '美元');
SELECT count(*) FROM nvfacts.quantities(repeat('九', 300000));
SELECT count(*) FROM nvfacts.quantities(repeat('亿', 10000) || '美元');
SELECT count(*) FROM nvfacts.quantities('一' || repeat('亿', 60) || '美元');
SELECT count(*) FROM nvfacts.quantities(repeat('十几', 1000) || '家');
SELECT count(*) FROM nvfacts.quantities(repeat('多', 10000) || '美元');
SELECT count(*) FROM nvfacts.quantities(repeat('分之', 10000));
SELECT surface, value_low, value_high, unit FROM nvfacts.quantities(repeat('1至', 10000) || '2美元');

-- deeply nested brackets around a quantity
SELECT span_start, span_end, surface, value, unit FROM nvfacts.quantities(repeat('(', 100000) || '5亿美元' || repeat(')', 100000));
SELECT length(nvfacts.normalize(repeat('(', 100000) || '5亿美元' || repeat(')', 100000)));
SELECT count(*) FROM nvfacts.quantities(repeat('英(', 50000) || repeat('dá)', 50000));
SELECT length(nvfacts.normalize(repeat('英(dá)', 50000)));

-- surrogate escapes arrive as plain text ...
SELECT nvfacts.normalize('\ud800');
SELECT nvfacts.normalize(E'\\ud800');
SELECT count(*) FROM nvfacts.quantities('\ud800 5亿美元 \udfff');
-- ... or are refused by the parser before the function runs
SELECT nvfacts.normalize(E'\ud800');  -- ERROR
SELECT nvfacts.normalize(U&'\D800');  -- ERROR

-- control characters
SELECT nvfacts.normalize(E'\x01营收\x07 5亿美元\x1b[0m\x7f') = E'\x01营收\x07 5亿美元\x1b[0m\x7f' AS unchanged;
SELECT surface, value, unit FROM nvfacts.quantities(E'\x01营收\x075亿美元\x1b[0m\x7f');
SELECT surface, value, unit FROM nvfacts.quantities(E'营收\t5\t亿美元\r\n同比增长' || chr(11) || E'262%\f') ORDER BY span_start;
SELECT count(*) FROM nvfacts.quantities(repeat(E'\x01\x02\x03\x04', 10000));

-- a long run of 。
SELECT count(*) FROM nvfacts.quantities(repeat('。', 100000));
SELECT nvfacts.normalize(repeat('。', 100000)) = repeat('。', 100000) AS unchanged;
SELECT span_start, surface, value FROM nvfacts.quantities(repeat('。', 30000) || '8。5%' || repeat('。', 30000));

-- 1 MB of text: every quantity found, offsets right across blocks
-- (arithmetic checks: substr() on every row would be quadratic)
SELECT count(*) FROM nvfacts.quantities(repeat('营收260亿美元，', 100000));
SELECT count(*) AS n, count(*) FILTER (WHERE span_start % 9 = 2 AND span_end = span_start + 6 AND surface = '260亿美元') AS spans_ok, max(span_end)
  FROM nvfacts.quantities(repeat('营收260亿美元，', 100000));
SELECT count(*) AS n, count(*) FILTER (WHERE span_start % 19 = 9 AND span_end = span_start + 9 AND surface = '２６０。４４億美元') AS spans_ok
  FROM nvfacts.quantities(repeat(E'英偉達(dá)營收２６０。４４億美元\n', 50000));
SELECT count(*) AS n, bool_and(substr(d, span_start + 1, span_end - span_start) = surface) AS spans_ok
  FROM (SELECT repeat(E'英偉達(dá)營收２６０。４４億美元\n', 50000) AS d) s, nvfacts.quantities(d)
 WHERE span_start % 9500 = 9;
-- no line ends, no sentence ends, no commas: blocks are cut anywhere, but never inside a character
SELECT count(*) > 0 AS found, bool_and(substr(d, span_start + 1, span_end - span_start) = surface) AS spans_ok
  FROM (SELECT repeat('营收二百六十亿美元', 20000) AS d) s, nvfacts.quantities(d)
 WHERE span_start % 900 = 2;
SELECT nvfacts.normalize(repeat('营收260亿美元，', 100000)) = repeat('营收260亿美元,', 100000) AS normalized;
SELECT nvfacts.normalize(repeat(E'英偉達(dá)營收２６０。４４億美元\n', 50000)) = repeat(E'英伟达营收260.44亿美元\n', 50000) AS normalized;
-- a sign before a vague number negates the range and swaps its bounds (low <= high)
SELECT surface, value, value_low, value_high, unit FROM nvfacts.quantities('-0十几亿美元');
