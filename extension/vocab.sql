
-- ---------------------------------------------------------------------------
-- vocab.sql — the core's vocabularies (extension/core/vocab.c) in SQL:
-- nvfacts.vocabulary(name) lists one, and the lexicon tables' columns that
-- hold a vocabulary's value are checked against it, so a kind, a family or a
-- basis is declared once, in C.  (Shared by the install script and the
-- upgrade from 0.1.0, which drops 0.1.0's own lists first.)

CREATE FUNCTION nvfacts.vocabulary(name text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'nvf_vocabulary'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nvfacts.vocabulary(text) IS
'the values of one of the vocabularies the extractor uses, in its order: unit, measure, status, basis, approx, period_kind (the columns of extract()), currency (the units that are currencies: nvfacts.entities), unit_family (nvfacts.metrics), cue_kind (nvfacts.cues); immutable for a given version of the library';

ALTER TABLE nvfacts.cues ADD CONSTRAINT cues_kind_check
    CHECK (kind = ANY (nvfacts.vocabulary('cue_kind')));
ALTER TABLE nvfacts.entities ADD CONSTRAINT entities_currency_check
    CHECK (currency = ANY (nvfacts.vocabulary('currency')));
ALTER TABLE nvfacts.metrics ADD CONSTRAINT metrics_unit_family_check
    CHECK (unit_family = ANY (nvfacts.vocabulary('unit_family')));
ALTER TABLE nvfacts.metric_aliases ADD CONSTRAINT metric_aliases_basis_check
    CHECK (basis = ANY (nvfacts.vocabulary('basis')));
