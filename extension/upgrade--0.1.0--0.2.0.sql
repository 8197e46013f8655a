/* nvfacts--0.1.0--0.2.0.sql — ALTER EXTENSION nvfacts UPDATE TO '0.2.0' (built from
 * extension/upgrade--0.1.0--0.2.0.sql, fact.sql and lexicon_data.sql). */

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
    ADD COLUMN basis text CHECK (basis IN ('gaap', 'non_gaap')),
    ADD COLUMN negative boolean NOT NULL DEFAULT false;
COMMENT ON TABLE nvfacts.metric_aliases IS
'words for a metric; needs_segment: only with a product named before it (成本 of an H100, not of anything); basis: the word says it (经调整EBITA is non_gaap); negative: a word for a loss (净亏损 1亿 is net_income -1亿)';

ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_pkey, ADD PRIMARY KEY (word, kind);
ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_kind_check, ADD CONSTRAINT cues_kind_check
    CHECK (kind IN ('block', 'yoy', 'qoq', 'share', 'surprise', 'up', 'down',
        'up_noun', 'down_noun', 'guidance', 'forecast', 'gaap', 'non_gaap', 'tolerance',
        'respectively', 'each', 'total', 'group', 'from', 'per', 'article_end', 'other_org',
        'other_metric', 'partner', 'apposition', 'contrast', 'self', 'declare', 'expect',
        'exclude', 'both', 'market', 'done', 'former', 'latter'));
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
