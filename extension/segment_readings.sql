-- segment_readings.sql — the lexicon table 0.2.0 adds, in the install script and in the upgrade
-- from 0.1.0 (before the shipped rows): a shared part's words said of one company.

CREATE TABLE nvfacts.segment_readings (
    segment text NOT NULL REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE,
    entity text NOT NULL REFERENCES nvfacts.entities ON UPDATE CASCADE ON DELETE CASCADE,
    reading text NOT NULL REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE,
    builtin boolean NOT NULL DEFAULT false,
    PRIMARY KEY (segment, entity)
);
COMMENT ON TABLE nvfacts.segment_readings IS
'a shared part''s words said of one company name that company''s own part: a figure of segment whose entity is entity is of segment reading (游戏 of Tencent is online_games, 存储业务 of Samsung is memory, of Dell storage)';
SELECT pg_catalog.pg_extension_config_dump('nvfacts.segment_readings', 'WHERE NOT builtin');
CREATE TRIGGER lexicon_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON nvfacts.segment_readings
    FOR EACH STATEMENT EXECUTE FUNCTION nvfacts.lexicon_changed();
-- extract() reads the lexicon as the calling user; changing it stays with the owner
GRANT SELECT ON nvfacts.segment_readings TO PUBLIC;
