-- Shipped lexicon rows a user edits: an UPDATE makes the row the user's
-- (builtin false, kept by pg_dump), an INSERT of a user's row with a shipped
-- key replaces the shipped row (what a restore does after CREATE EXTENSION),
-- and what leaves a row shipped.  (pg_dump and restore themselves:
-- tests/lexicon_sessions.sh.)
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS nvfacts;

SELECT plan(7);

UPDATE nvfacts.entities SET fiscal_year_end_month = 9 WHERE entity = 'AMD';
SELECT results_eq($$SELECT fiscal_year_end_month, builtin FROM nvfacts.entities WHERE entity = 'AMD'$$,
    $$VALUES (9, false)$$, 'an UPDATE of a shipped row makes it the user''s');
UPDATE nvfacts.entities SET fiscal_year_end_month = fiscal_year_end_month WHERE entity = 'TSMC';
SELECT results_eq($$SELECT builtin FROM nvfacts.entities WHERE entity = 'TSMC'$$, $$VALUES (true)$$,
    'an UPDATE that changes nothing leaves it shipped');
UPDATE nvfacts.entities SET fiscal_year_end_month = 12, builtin = true WHERE entity = 'AMD';
SELECT results_eq($$SELECT fiscal_year_end_month, builtin FROM nvfacts.entities WHERE entity = 'AMD'$$,
    $$VALUES (12, true)$$, 'an UPDATE that sets builtin says what the row is');

SELECT lives_ok($$INSERT INTO nvfacts.cues (word, kind) VALUES ('同比', 'yoy')$$,
    'an INSERT of a user''s row with the key of a shipped one does not fail');
SELECT results_eq($$SELECT count(*), bool_and(NOT builtin) FROM nvfacts.cues WHERE word = '同比' AND kind = 'yoy'$$,
    $$VALUES (1::bigint, true)$$, '... the shipped row is now the user''s, not doubled');
SELECT lives_ok($$INSERT INTO nvfacts.metric_aliases (alias, metric) VALUES ('营业额', 'operating_income')$$,
    'a user''s version of a shipped metric word');
SELECT results_eq($$SELECT metric, builtin FROM nvfacts.metric_aliases WHERE alias = '营业额'$$,
    $$VALUES ('operating_income', false)$$, '... replaces it');

SELECT * FROM finish();
ROLLBACK;
