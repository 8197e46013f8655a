-- lexicon_rows.sql — what happens to a shipped lexicon row a user edits, appended to the install
-- script and to the upgrade from 0.1.0 (after the shipped rows).  pg_dump keeps the rows that
-- are not builtin: an UPDATE of a shipped row makes it the user's (builtin = false), and when a
-- restore inserts it after CREATE EXTENSION inserted the shipped version, it replaces that one
-- (so does any INSERT of a user's row whose key a shipped row holds).  A shipped row deleted
-- comes back with the next CREATE EXTENSION, a restore's included.

CREATE FUNCTION nvfacts.lexicon_row_edited() RETURNS trigger
    AS 'MODULE_PATHNAME', 'nvf_lexicon_row_edited'
    LANGUAGE C;
COMMENT ON FUNCTION nvfacts.lexicon_row_edited() IS
'row trigger on the lexicon tables: a shipped row a user updates becomes the user''s (builtin = false, kept by pg_dump)';

CREATE FUNCTION nvfacts.lexicon_row_restored() RETURNS trigger
    AS 'MODULE_PATHNAME', 'nvf_lexicon_row_restored'
    LANGUAGE C;
COMMENT ON FUNCTION nvfacts.lexicon_row_restored() IS
'row trigger on the lexicon tables: a user''s row inserted with the key of a shipped row replaces it (a restore of an edited shipped row)';

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entities', 'entity_aliases', 'metrics', 'metric_aliases',
                             'segments', 'segment_aliases', 'segment_readings', 'cues'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER lexicon_row_edited BEFORE UPDATE ON nvfacts.%I
                        FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION nvfacts.lexicon_row_edited()', t);
        EXECUTE pg_catalog.format('CREATE TRIGGER lexicon_row_restored BEFORE INSERT ON nvfacts.%I
                        FOR EACH ROW WHEN (NOT NEW.builtin) EXECUTE FUNCTION nvfacts.lexicon_row_restored()', t);
    END LOOP;
END $$;
