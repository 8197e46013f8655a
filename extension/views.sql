
-- ---------------------------------------------------------------------------
-- views.sql — what BI tools read: the views of a facts table (calendar
-- columns, US dollars, consensus and conflicts, a quarterly pivot), the
-- exchange rates they use, and the comments every column carries.
--
-- For a facts table s.t, nvfacts.create_facts_views('s.t') makes
--   s.t_articles   (table) one row per article file: title, date, encoding, size, status
--   s.t_detail     every fact, with its article, calendar period and value in USD
--   s.t_latest     one row per full key, the newest article's figure, with its count of sources
--   s.t_levels     reported levels only: time series
--   s.t_consensus  per key with a period: the value most articles agree on (within 0.5%)
--   s.t_conflicts  the keys where articles disagree: each figure with its articles and sentences
--   s.t_quarterly  one row per company and quarter: revenue ... capex, actual and guidance

-- Exchange rates, filled by the user (pg_dump keeps them): what one unit of a
-- currency is worth in US dollars on a day.
CREATE TABLE nvfacts.fx_rates (
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    day date NOT NULL,
    usd numeric NOT NULL CHECK (usd > 0),
    PRIMARY KEY (currency, day)
);
COMMENT ON TABLE nvfacts.fx_rates IS
'exchange rates, filled by you (pg_dump keeps them): one unit of currency was worth usd US dollars on day; the facts views convert a figure with the newest rate on or before its period_end (its article''s date when it has no period_end)';
COMMENT ON COLUMN nvfacts.fx_rates.currency IS 'ISO 4217 code, as in the unit column of facts (CNY, TWD, HKD ...)';
COMMENT ON COLUMN nvfacts.fx_rates.day IS 'the day the rate is for; it serves figures of that day and later, until a newer rate';
COMMENT ON COLUMN nvfacts.fx_rates.usd IS 'US dollars for one unit of the currency (CNY 0.1376 on 2024-06-28)';
SELECT pg_catalog.pg_extension_config_dump('nvfacts.fx_rates', '');
-- the views read it as their owner, who may be anyone
GRANT SELECT ON nvfacts.fx_rates TO PUBLIC;

-- Whether two figures are the same within the scorer's tolerance (0.5% of the
-- larger): points by their values, pure ranges by both bounds; a point is
-- never the same as a pure range.  Not STRICT: NULL bounds are part of a figure.
CREATE FUNCTION nvfacts.same_figure(value1 numeric, low1 numeric, high1 numeric,
                                    value2 numeric, low2 numeric, high2 numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 5
SET search_path = pg_catalog, pg_temp AS $$
    -- the pairs compared: the values, or (neither has one) the bounds
    SELECT pg_catalog.bool_and(a IS NULL AND b IS NULL
                               OR coalesce(pg_catalog.abs(a - b)
                                           <= 0.005 * GREATEST(pg_catalog.abs(a), pg_catalog.abs(b)), false))
    FROM (VALUES (value1, value2, true), (low1, low2, false), (high1, high2, false)) AS p(a, b, point)
    WHERE p.point = (value1 IS NOT NULL OR value2 IS NOT NULL)
$$;

COMMENT ON FUNCTION nvfacts.same_figure(numeric, numeric, numeric, numeric, numeric, numeric) IS
'whether two figures (value, value_low, value_high) agree within 0.5% of the larger: points by value, pure ranges by both bounds (the tolerance of the views TARGET_consensus and TARGET_conflicts)';

-- One figure as one article gives it: what TARGET_consensus gathers per key
-- (an array of these, newest article first) and compares figure by figure.
CREATE TYPE nvfacts.figure AS (
    value numeric,
    value_low numeric,
    value_high numeric,
    doc text,
    published date,
    evidence text
);
COMMENT ON TYPE nvfacts.figure IS
'a figure (value, value_low, value_high) as one article (doc, published) states it (evidence): the facts of a key as TARGET_consensus compares them';

-- The value columns of TARGET_quarterly, in order: one per metric (revenue of
-- a segment for data_center_revenue) and status, from the consensus levels of
-- the quarter.
CREATE FUNCTION nvfacts.quarterly_columns()
RETURNS TABLE (name text, base text, metric text, segment text, status text, description text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 14
SET search_path = pg_catalog, pg_temp AS $$
    SELECT m.base || '_' || s.status, m.base, m.metric, m.segment, s.status,
           pg_catalog.format('%s, %s: the consensus level of the quarter, in %s', m.label, s.label, m.unit)
    FROM (VALUES (1, 'revenue', 'revenue', NULL, 'revenue', 'US dollars'),
                 (2, 'net_income', 'net_income', NULL, 'net income (a loss is negative)', 'US dollars'),
                 (3, 'gross_margin', 'gross_margin', NULL, 'gross margin', 'percent'),
                 (4, 'operating_income', 'operating_income', NULL, 'operating income', 'US dollars'),
                 (5, 'eps', 'eps', NULL, 'earnings per share', 'US dollars'),
                 (6, 'capex', 'capex', NULL, 'capital expenditure', 'US dollars'),
                 (7, 'data_center_revenue', 'revenue', 'data_center', 'data-center revenue', 'US dollars'))
             AS m(n, base, metric, segment, label, unit),
         (VALUES (1, 'actual', 'reported'), (2, 'guidance', 'the company''s guidance')) AS s(n, status, label)
    ORDER BY m.n, s.n
$$;

COMMENT ON FUNCTION nvfacts.quarterly_columns() IS
'the value columns of TARGET_quarterly in order: name, base (revenue, ..., data_center_revenue), the metric and segment it takes, status (actual or guidance), comment';

-- The comment of every column of a target's tables and views: scope '' is the
-- facts table, '_articles' its table of articles, '_detail' ... its views;
-- '*' serves every view that has the column and no comment of its own.
CREATE FUNCTION nvfacts.facts_column_comments()
RETURNS TABLE (scope text, col text, comment text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 100
SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM (VALUES
    -- the columns of nvfacts.fact (docs/facts.md)
    ('*', 'doc', 'the article: its file''s path relative to the server''s directory'),
    ('*', 'fact_no', '1, 2, 3 ... in text order within the article'),
    ('*', 'entity', 'the company the figure belongs to (nvfacts.entities); NULL for a market or several companies'),
    ('*', 'metric', 'what was measured: revenue, net_income, gross_margin, eps, capex ... (nvfacts.metrics)'),
    ('*', 'segment', 'the part of the company (data_center, gaming, china ...; nvfacts.segments); NULL = the whole company'),
    ('*', 'basis', 'gaap, non_gaap, or NULL when the text does not say'),
    ('*', 'measure', 'level (the quantity itself), yoy, qoq, change, share or surprise'),
    ('*', 'value', 'the figure in its unit (money in units of the currency, percent as 262 for 262%); NULL for a pure range'),
    ('*', 'value_low', 'lower bound of a range or tolerance'),
    ('*', 'value_high', 'upper bound of a range or tolerance'),
    ('*', 'unit', 'ISO 4217 currency code, % (percent), pp (percentage points) or x (a multiple)'),
    ('*', 'approx', 'NULL (as stated), about, over, under or up_to'),
    ('*', 'status', 'actual (reported), guidance (the company''s outlook) or forecast (analysts, the market)'),
    ('*', 'fiscal_year', 'the company''s own fiscal year label (NVIDIA FY2025 ends in January 2025)'),
    ('*', 'fiscal_quarter', 'fiscal quarter 1-4; NULL when the period is not a quarter'),
    ('*', 'period_kind', 'quarter, half, nine_months, year, month, ytd or ttm; NULL when the figure has no period'),
    ('*', 'period_end', 'last day of the calendar month in which the period ends, by the company''s fiscal calendar (NVIDIA FY2025 Q1: 2024-04-30)'),
    ('*', 'period_text', 'the period as written in the article'),
    ('*', 'span_start', 'where the figure starts in the article, in characters from 0'),
    ('*', 'span_end', 'where the figure ends in the article, in characters (exclusive)'),
    ('*', 'evidence', 'the sentence of the article that states the figure'),
    ('*', 'published', 'the article''s publication date (given to ingest or printed in the page)'),
    ('*', 'loaded_at', 'when ingest wrote the row'),
    -- derived columns
    ('*', 'title', 'the article''s headline (from TARGET_articles)'),
    ('*', 'calendar_year', 'calendar year of period_end: plots companies with different fiscal years on one axis'),
    ('*', 'calendar_quarter', 'calendar quarter 1-4 of period_end for a quarter''s figure (NVIDIA FY2025 Q1 is 2024 Q2); NULL for other periods'),
    ('*', 'usd_rate', 'US dollars per unit of the figure''s currency: 1 for USD, else the newest nvfacts.fx_rates rate on or before period_end (the article''s date without one); NULL when there is none or the unit is no currency'),
    ('*', 'value_usd', 'value in US dollars (value * usd_rate); NULL without a rate'),
    -- the table of articles
    ('_articles', 'doc', 'the article file''s path relative to the server''s directory (the doc of its facts)'),
    ('_articles', 'title', 'the first line of the article that reads like a headline'),
    ('_articles', 'published', 'the publication date given to ingest or printed in the page; NULL when unknown'),
    ('_articles', 'encoding', 'the encoding the file was read in (UTF-8, GB18030, Big5 ...)'),
    ('_articles', 'bytes', 'the file''s size in bytes'),
    ('_articles', 'facts', 'how many facts the article gave'),
    ('_articles', 'status', 'loaded, or failed (see error)'),
    ('_articles', 'error', 'why the file could not be loaded'),
    ('_articles', 'loaded_at', 'when ingest last wrote the article''s facts'),
    -- TARGET_latest
    ('_latest', 'doc', 'the newest article giving a figure for the key'),
    ('_latest', 'title', 'its headline'),
    ('_latest', 'published', 'its publication date'),
    ('_latest', 'evidence', 'its sentence'),
    ('_latest', 'documents', 'how many articles give a figure for the key, agreeing or not'),
    -- TARGET_consensus
    ('_consensus', 'value', 'the agreed figure: the one the most articles give, figures within 0.5% counting as the same (ties: the figure more articles give exactly, then the newest article''s)'),
    ('_consensus', 'value_low', 'lower bound of the agreed figure''s range or tolerance'),
    ('_consensus', 'value_high', 'upper bound of the agreed figure''s range or tolerance'),
    ('_consensus', 'usd_rate', 'US dollars per unit of the currency: 1 for USD, else the newest nvfacts.fx_rates rate on or before period_end; NULL when there is none or the unit is no currency'),
    ('_consensus', 'documents', 'how many articles give a figure within 0.5% of value'),
    ('_consensus', 'all_documents', 'how many articles give a figure for the key'),
    ('_consensus', 'agreement', 'documents / all_documents, the share of articles that agree (3 decimals)'),
    ('_consensus', 'conflict', 'some figure for the key is more than 0.5% from value (see TARGET_conflicts)'),
    ('_consensus', 'first_published', 'the earliest date of the articles that agree'),
    ('_consensus', 'last_published', 'the latest date of the articles that agree'),
    ('_consensus', 'doc', 'the newest article giving exactly value'),
    ('_consensus', 'evidence', 'its sentence'),
    -- TARGET_conflicts
    ('_conflicts', 'value', 'one figure given for the key'),
    ('_conflicts', 'value_low', 'lower bound of that figure''s range or tolerance'),
    ('_conflicts', 'value_high', 'upper bound of that figure''s range or tolerance'),
    ('_conflicts', 'usd_rate', 'US dollars per unit of the currency (as in TARGET_consensus)'),
    ('_conflicts', 'agreed', 'the figure is within 0.5% of the consensus value'),
    ('_conflicts', 'documents', 'how many articles give this figure'),
    ('_conflicts', 'docs', 'those articles, newest first'),
    ('_conflicts', 'evidence', 'their sentences, in the order of docs'),
    ('_conflicts', 'first_published', 'the earliest date of those articles'),
    ('_conflicts', 'last_published', 'the latest date of those articles'),
    -- TARGET_quarterly
    ('_quarterly', 'entity', 'the company'),
    ('_quarterly', 'fiscal_year', 'the company''s fiscal year'),
    ('_quarterly', 'fiscal_quarter', 'the company''s fiscal quarter 1-4'),
    ('_quarterly', 'period_end', 'last day of the calendar month in which the quarter ends'),
    ('_quarterly', 'calendar_year', 'calendar year of period_end'),
    ('_quarterly', 'calendar_quarter', 'calendar quarter of period_end (NVIDIA FY2025 Q1 is 2024 Q2)'))
    AS c(scope, col, comment)
    UNION ALL
    SELECT '_quarterly', q.name, q.description FROM nvfacts.quarterly_columns() q
$$;

COMMENT ON FUNCTION nvfacts.facts_column_comments() IS
'the comment nvfacts.create_facts_views() gives each column of a facts table (scope ''''), its table of articles (''_articles'') and its views (''_detail'' ...; ''*'' for any view)';

-- SQL for the rate of a currency on a day, in US dollars: 1 for USD, the
-- newest nvfacts.fx_rates row on or before the day, NULL for no currency.
CREATE FUNCTION nvfacts.usd_rate_sql(unit text, day text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.format($q$CASE WHEN %1$s = 'USD' THEN 1::numeric
           WHEN %1$s ~ '^[A-Z]{3}$' THEN (SELECT r.usd FROM nvfacts.fx_rates r
                WHERE r.currency = %1$s AND r.day <= %2$s ORDER BY r.day DESC LIMIT 1) END$q$, unit, day)
$$;

COMMENT ON FUNCTION nvfacts.usd_rate_sql(text, text) IS
'the SQL expression the facts views use for the US dollars of one unit of currency UNIT on DAY (both SQL expressions)';

-- The SELECT of one view of a facts table (view: its suffix, '_detail' ...).
-- Every view reads TARGET_detail, which adds to each fact its article, its
-- calendar period and its value in US dollars; keys include the unit, so
-- figures in different currencies are never compared.
CREATE FUNCTION nvfacts.facts_view_sql(target regclass, view text) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE    -- STABLE: it reads the catalog
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    nsp name;
    rel name;
    key text := 'entity, metric, segment, basis, measure, unit, status, fiscal_year, fiscal_quarter, period_kind, period_end';
    cols text;
    pairs text;
BEGIN
    SELECT n.nspname, c.relname INTO nsp, rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = target;
    CASE view
    WHEN '_detail' THEN
        RETURN pg_catalog.format($v$
SELECT d.doc, d.fact_no, d.title, d.published,
       d.entity, d.metric, d.segment, d.basis, d.measure, d.value, d.value_low, d.value_high,
       d.unit, d.approx, d.status, d.fiscal_year, d.fiscal_quarter, d.period_kind, d.period_end,
       EXTRACT(year FROM d.period_end)::int AS calendar_year,
       CASE WHEN d.period_kind = 'quarter' THEN EXTRACT(quarter FROM d.period_end)::int END AS calendar_quarter,
       d.usd_rate, pg_catalog.trim_scale(d.value * d.usd_rate) AS value_usd,
       d.period_text, d.span_start, d.span_end, d.evidence, d.loaded_at
FROM (SELECT f.doc, f.fact_no, a.title, coalesce(f.published, a.published) AS published,
             f.entity, f.metric, f.segment, f.basis, f.measure, f.value, f.value_low, f.value_high,
             f.unit, f.approx, f.status, f.fiscal_year, f.fiscal_quarter, f.period_kind, f.period_end,
             %s AS usd_rate,
             f.period_text, f.span_start, f.span_end, f.evidence, f.loaded_at
      FROM %s f LEFT JOIN %s a ON a.doc = f.doc) d$v$,
            nvfacts.usd_rate_sql('f.unit', 'coalesce(f.period_end, f.published, a.published)'),
            pg_catalog.format('%I.%I', nsp, rel), pg_catalog.format('%I.%I', nsp, rel || '_articles'));
    WHEN '_latest' THEN
        -- the count of distinct articles per key, as two dense ranks (no DISTINCT in a window)
        RETURN pg_catalog.format($v$
SELECT %1$s, calendar_year, calendar_quarter,
       value, value_low, value_high, approx, usd_rate, value_usd, doc, title, published, evidence, documents
FROM (SELECT d.*,
             pg_catalog.row_number() OVER (k ORDER BY d.published DESC NULLS LAST, d.loaded_at DESC, d.doc, d.fact_no) AS pick,
             (pg_catalog.dense_rank() OVER (k ORDER BY d.doc) + pg_catalog.dense_rank() OVER (k ORDER BY d.doc DESC) - 1)::int AS documents
      FROM %2$s d
      WHERE d.entity IS NOT NULL
      WINDOW k AS (PARTITION BY %1$s)) l
WHERE pick = 1$v$, key, pg_catalog.format('%I.%I', nsp, rel || '_detail'));
    WHEN '_levels' THEN
        RETURN pg_catalog.format($v$
SELECT entity, metric, segment, basis, unit, fiscal_year, fiscal_quarter, period_kind, period_end,
       calendar_year, calendar_quarter, value, usd_rate, value_usd, doc, title, published
FROM %s
WHERE measure = 'level' AND status = 'actual' AND entity IS NOT NULL AND value IS NOT NULL$v$,
            pg_catalog.format('%I.%I', nsp, rel || '_detail'));
    WHEN '_consensus' THEN
        -- per key, its facts as an array (newest article first); each distinct figure
        -- is a candidate, supported by the articles whose figures are the same
        -- (same_figure: compared figure by figure, not fact by fact); the most
        -- supported wins, then the one more articles give exactly, then the one
        -- of the newest article
        RETURN pg_catalog.format($v$
SELECT %1$s, calendar_year, calendar_quarter,
       value, value_low, value_high, usd_rate, pg_catalog.trim_scale(value * usd_rate) AS value_usd,
       documents, all_documents, pg_catalog.round(documents::numeric / all_documents, 3) AS agreement,
       conflict, first_published, last_published, doc, evidence
FROM (SELECT k.entity, k.metric, k.segment, k.basis, k.measure, k.unit, k.status, k.fiscal_year,
             k.fiscal_quarter, k.period_kind, k.period_end, k.calendar_year, k.calendar_quarter,
             w.value, w.value_low, w.value_high, %3$s AS usd_rate, w.documents, k.all_documents,
             w.conflict, w.first_published, w.last_published, w.doc, w.evidence
      FROM (SELECT %1$s, d.calendar_year, d.calendar_quarter, pg_catalog.count(DISTINCT d.doc)::int AS all_documents,
                   pg_catalog.array_agg(ROW(d.value, d.value_low, d.value_high, d.doc, d.published, d.evidence)::nvfacts.figure
                                        ORDER BY d.published DESC NULLS LAST, d.doc, d.fact_no) AS facts
            FROM %2$s d
            WHERE d.entity IS NOT NULL AND (d.fiscal_year IS NOT NULL OR d.period_end IS NOT NULL)
            GROUP BY %1$s, d.calendar_year, d.calendar_quarter) k
      CROSS JOIN LATERAL (
            WITH figures AS (       -- each distinct figure: its articles, its newest fact (pos 1 = newest)
                SELECT c.value, c.value_low, c.value_high, pg_catalog.min(c.ordinality) AS pos,
                       pg_catalog.array_agg(DISTINCT c.doc) AS docs,
                       pg_catalog.min(c.published) AS first_published, pg_catalog.max(c.published) AS last_published,
                       (pg_catalog.array_agg(c.doc ORDER BY c.ordinality))[1] AS doc,
                       (pg_catalog.array_agg(c.evidence ORDER BY c.ordinality))[1] AS evidence
                FROM pg_catalog.unnest(k.facts) WITH ORDINALITY c
                GROUP BY c.value, c.value_low, c.value_high),
            pairs AS MATERIALIZED ( -- every two figures, and whether they are the same
                SELECT x.pos, x.value, x.value_low, x.value_high, x.docs AS own_docs, x.doc, x.evidence,
                       y.docs, y.first_published, y.last_published,
                       nvfacts.same_figure(x.value, x.value_low, x.value_high,
                                           y.value, y.value_low, y.value_high) AS same
                FROM figures x CROSS JOIN figures y)
            SELECT p.value, p.value_low, p.value_high,
                   pg_catalog.count(DISTINCT y.doc) FILTER (WHERE p.same)::int AS documents,
                   pg_catalog.min(p.first_published) FILTER (WHERE p.same) AS first_published,
                   pg_catalog.max(p.last_published) FILTER (WHERE p.same) AS last_published,
                   pg_catalog.bool_or(NOT p.same) AS conflict, p.doc, p.evidence
            FROM pairs p CROSS JOIN LATERAL pg_catalog.unnest(p.docs) y(doc)
            GROUP BY p.pos, p.value, p.value_low, p.value_high, p.own_docs, p.doc, p.evidence
            ORDER BY documents DESC, pg_catalog.cardinality(p.own_docs) DESC, p.pos
            LIMIT 1) w) s$v$,
            key, pg_catalog.format('%I.%I', nsp, rel || '_detail'),
            nvfacts.usd_rate_sql('k.unit', 'coalesce(k.period_end, w.last_published)'));
    WHEN '_conflicts' THEN
        RETURN pg_catalog.format($v$
SELECT c.entity, c.metric, c.segment, c.basis, c.measure, c.unit, c.status, c.fiscal_year,
       c.fiscal_quarter, c.period_kind, c.period_end, c.calendar_year, c.calendar_quarter,
       g.value, g.value_low, g.value_high, c.usd_rate, pg_catalog.trim_scale(g.value * c.usd_rate) AS value_usd,
       nvfacts.same_figure(c.value, c.value_low, c.value_high, g.value, g.value_low, g.value_high) AS agreed,
       g.documents, g.docs, g.evidence, g.first_published, g.last_published
FROM %1$s c
CROSS JOIN LATERAL (
      SELECT f.value, f.value_low, f.value_high, pg_catalog.count(*)::int AS documents,
             pg_catalog.array_agg(f.doc ORDER BY f.published DESC NULLS LAST, f.doc) AS docs,
             pg_catalog.array_agg(f.evidence ORDER BY f.published DESC NULLS LAST, f.doc) AS evidence,
             pg_catalog.min(f.published) AS first_published, pg_catalog.max(f.published) AS last_published
      FROM (SELECT DISTINCT ON (d.value, d.value_low, d.value_high, d.doc)
                   d.value, d.value_low, d.value_high, d.doc, d.published, d.evidence
            FROM %2$s d
            WHERE d.entity = c.entity AND d.metric = c.metric AND d.segment IS NOT DISTINCT FROM c.segment
              AND d.basis IS NOT DISTINCT FROM c.basis AND d.measure IS NOT DISTINCT FROM c.measure
              AND d.unit IS NOT DISTINCT FROM c.unit AND d.status IS NOT DISTINCT FROM c.status
              AND d.fiscal_year IS NOT DISTINCT FROM c.fiscal_year
              AND d.fiscal_quarter IS NOT DISTINCT FROM c.fiscal_quarter
              AND d.period_kind IS NOT DISTINCT FROM c.period_kind AND d.period_end IS NOT DISTINCT FROM c.period_end
            ORDER BY d.value, d.value_low, d.value_high, d.doc, d.fact_no) f
      GROUP BY f.value, f.value_low, f.value_high) g
WHERE c.conflict$v$,
            pg_catalog.format('%I.%I', nsp, rel || '_consensus'), pg_catalog.format('%I.%I', nsp, rel || '_detail'));
    WHEN '_quarterly' THEN
        -- per company, quarter and column, one consensus level: one that has an amount,
        -- then GAAP before an unstated basis before non-GAAP, the most articles, USD
        SELECT pg_catalog.string_agg(pg_catalog.format(
                   'pg_catalog.max(amount) FILTER (WHERE col = %L AND status = %L) AS %I', q.base, q.status, q.name),
                   E',\n       ' ORDER BY q.n),
               pg_catalog.string_agg(pg_catalog.format('(%L::text, %L::text, %L::text, %L::text)',
                   q.base, q.metric, q.segment, q.status), ', ' ORDER BY q.n)
        INTO cols, pairs
        FROM nvfacts.quarterly_columns() WITH ORDINALITY q(name, base, metric, segment, status, description, n);
        RETURN pg_catalog.format($v$
SELECT entity, fiscal_year, fiscal_quarter, period_end, calendar_year, calendar_quarter,
       %1$s
FROM (SELECT DISTINCT ON (entity, fiscal_year, fiscal_quarter, period_end, col, status)
             entity, fiscal_year, fiscal_quarter, period_end, calendar_year, calendar_quarter, col, status, amount
      FROM (SELECT c.entity, c.fiscal_year, c.fiscal_quarter, c.period_end, c.calendar_year, c.calendar_quarter,
                   q.col, q.status, c.basis, c.unit, c.documents,
                   pg_catalog.trim_scale(coalesce(c.value, (c.value_low + c.value_high) / 2)
                                         * CASE WHEN c.unit = '%%' THEN 1 ELSE c.usd_rate END) AS amount
            FROM %2$s c
            JOIN (VALUES %3$s) q(col, metric, segment, status)
              ON q.metric = c.metric AND q.segment IS NOT DISTINCT FROM c.segment AND q.status = c.status
            WHERE c.measure = 'level' AND c.period_kind = 'quarter'
              AND (c.unit = '%%') = (c.metric = 'gross_margin')) a
      ORDER BY entity, fiscal_year, fiscal_quarter, period_end, col, status, amount IS NULL,
               CASE basis WHEN 'gaap' THEN 1 WHEN 'non_gaap' THEN 3 ELSE 2 END, documents DESC,
               unit <> 'USD', unit) p
GROUP BY entity, fiscal_year, fiscal_quarter, period_end, calendar_year, calendar_quarter$v$,
            cols, pg_catalog.format('%I.%I', nsp, rel || '_consensus'), pairs);
    ELSE
        RAISE EXCEPTION 'nvfacts has no view "%"', view
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The views are _detail, _latest, _levels, _consensus, _conflicts and _quarterly.';
    END CASE;
END $$;

COMMENT ON FUNCTION nvfacts.facts_view_sql(regclass, text) IS
'the SELECT nvfacts.create_facts_views() gives one view of a facts table (''_detail'', ''_latest'', ''_levels'', ''_consensus'', ''_conflicts'', ''_quarterly'')';

-- The views of a facts table, made again from the current definitions; its
-- table of articles (TARGET_articles, which ingest() fills) when missing; and
-- the comments on them all and on the facts table.  create_facts_table() calls
-- it; call it again on a facts table made by an earlier version.  Views whose
-- columns are unchanged are replaced in place (grants and dependent views
-- stay); when a view's columns changed they are all dropped and created again,
-- which fails, naming the view, if a view of yours depends on one.
CREATE FUNCTION nvfacts.create_facts_views(target regclass) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    nsp name;
    rel name;
    views text[] := ARRAY['_detail', '_latest', '_levels', '_consensus', '_conflicts', '_quarterly'];
    v text;
    missing text;
    dependent text;
    r record;
BEGIN
    SELECT n.nspname, c.relname INTO nsp, rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = target;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'relation with OID % does not exist', target::oid
            USING ERRCODE = 'undefined_table', HINT = 'Name an existing facts table.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(x.col), ', ' ORDER BY x.n) INTO missing
    FROM (SELECT a.attname::text AS col, a.attnum AS n FROM pg_catalog.pg_attribute a
          WHERE a.attrelid = 'nvfacts.fact'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
          UNION ALL VALUES ('published', 1000), ('loaded_at', 1001)) x
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = target AND a.attname = x.col AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION '"%" is not a facts table', target
            USING ERRCODE = 'wrong_object_type',
                  DETAIL = pg_catalog.format('It has no column %s.', missing),
                  HINT = 'Make facts tables with nvfacts.create_facts_table(); one of an earlier version that ingest() never loaded lacks the columns nvfacts.fact gained since (ALTER TABLE ... ADD COLUMN).';
    END IF;
    -- the longest name made from it must fit (PostgreSQL would cut it short)
    IF pg_catalog.octet_length(rel) + 10 > 63 THEN
        RAISE EXCEPTION 'facts table name "%" is too long for its views', rel
            USING ERRCODE = 'name_too_long',
                  DETAIL = pg_catalog.format('"%s_conflicts" would be longer than 63 bytes.', rel),
                  HINT = 'Use a facts table name of at most 53 bytes.';
    END IF;

    PERFORM nvfacts.create_articles_table(target);
    BEGIN
        FOREACH v IN ARRAY views LOOP
            EXECUTE pg_catalog.format('CREATE OR REPLACE VIEW %I.%I AS %s', nsp, rel || v,
                                      nvfacts.facts_view_sql(target, v));
        END LOOP;
    EXCEPTION WHEN invalid_table_definition THEN
        -- a view's columns changed (a facts table of an earlier version): all again, last dropped first
        BEGIN
            FOR i IN REVERSE pg_catalog.array_upper(views, 1)..1 LOOP
                IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', nsp, rel || views[i])) IS NOT NULL THEN
                    EXECUTE pg_catalog.format('DROP VIEW %I.%I', nsp, rel || views[i]);
                END IF;
            END LOOP;
        EXCEPTION WHEN dependent_objects_still_exist THEN
            GET STACKED DIAGNOSTICS dependent = PG_EXCEPTION_DETAIL;
            RAISE EXCEPTION 'cannot make the views of facts table % again: a view of yours depends on one', target
                USING ERRCODE = 'dependent_objects_still_exist', DETAIL = dependent,
                      HINT = 'Drop the views named, call nvfacts.create_facts_views() again, then create them again.';
        END;
        FOREACH v IN ARRAY views LOOP
            EXECUTE pg_catalog.format('CREATE VIEW %I.%I AS %s', nsp, rel || v, nvfacts.facts_view_sql(target, v));
        END LOOP;
    END;
    FOREACH v IN ARRAY views LOOP
        PERFORM nvfacts.grant_reader(pg_catalog.format('%I.%I', nsp, rel || v));
    END LOOP;

    -- comments: the relations, then every column the dictionary knows
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', target,
        'facts of the articles loaded by nvfacts.ingest(): one row per figure stated (docs/facts.md); its views carry calendar periods, US dollars, consensus and conflicts');
    EXECUTE pg_catalog.format('COMMENT ON TABLE %I.%I IS %L', nsp, rel || '_articles', pg_catalog.format(
        'one row per article file nvfacts.ingest() has read into %s: title, date, encoding, size, facts, status', rel));
    FOR r IN SELECT x.suffix, x.comment FROM (VALUES
        ('_detail', 'every fact, with its article''s title and date, its calendar period and its value in US dollars'),
        ('_latest', 'one row per key (entity, metric, segment, basis, measure, unit, status, period): the newest article''s figure, with the count of articles giving one'),
        ('_levels', 'reported levels only (measure level, status actual): a time series per company and metric'),
        ('_consensus', 'one row per key with a period: the figure most articles agree on within 0.5%, how many agree, the share that agree, first and last published'),
        ('_conflicts', 'the keys of TARGET_consensus where articles disagree by more than 0.5%: one row per figure, with its articles and sentences'),
        ('_quarterly', 'one row per company and fiscal quarter, with its calendar quarter: revenue, net income, gross margin, operating income, EPS, capex and data-center revenue, reported and guided (consensus values; money in US dollars)'))
        AS x(suffix, comment) LOOP
        EXECUTE pg_catalog.format('COMMENT ON VIEW %I.%I IS %L', nsp, rel || r.suffix,
                                  pg_catalog.replace(r.comment, 'TARGET', rel));
    END LOOP;
    FOR r IN SELECT s.suffix, a.attname, coalesce(own.comment, any_view.comment) AS comment
             FROM pg_catalog.unnest(ARRAY['', '_articles'] || views) s(suffix)
             JOIN pg_catalog.pg_attribute a
               ON a.attrelid = pg_catalog.to_regclass(pg_catalog.format('%I.%I', nsp, rel || s.suffix))
              AND a.attnum > 0 AND NOT a.attisdropped
             LEFT JOIN nvfacts.facts_column_comments() own ON own.scope = s.suffix AND own.col = a.attname
             LEFT JOIN nvfacts.facts_column_comments() any_view ON any_view.scope = '*' AND any_view.col = a.attname
             WHERE coalesce(own.comment, any_view.comment) IS NOT NULL LOOP
        EXECUTE pg_catalog.format('COMMENT ON COLUMN %I.%I.%I IS %L', nsp, rel || r.suffix, r.attname,
                                  pg_catalog.replace(r.comment, 'TARGET', rel));
    END LOOP;
END $$;

COMMENT ON FUNCTION nvfacts.create_facts_views(regclass) IS
'makes (again) the views of a facts table: TARGET_detail, _latest, _levels, _consensus, _conflicts, _quarterly, its table of articles TARGET_articles when missing, and the comments on all of them; safe to call again';
