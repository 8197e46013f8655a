-- fact.sql — the row type nvfacts.fact and nvfacts.extract(), appended to the install script
-- and to the upgrade script from 0.1.0 (which drops the 0.1.0 ones first).

-- ---------------------------------------------------------------------------
-- Facts: one row = one quantity stated about one metric (docs/facts.md).  Built
-- into the install script and into the upgrade from 0.1.0, which recreates them.

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
    period_kind text,
    period_end date,
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
