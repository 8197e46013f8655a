/* nvfacts--0.1.0--0.2.0.sql — ALTER EXTENSION nvfacts UPDATE TO '0.2.0' (built from
 * extension/upgrade--0.1.0--0.2.0.sql, fact.sql, lexicon_data.sql and views.sql). */

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
    ADD COLUMN negative boolean NOT NULL DEFAULT false,
    ADD COLUMN segment text REFERENCES nvfacts.segments ON UPDATE CASCADE ON DELETE CASCADE;
COMMENT ON TABLE nvfacts.metric_aliases IS
'words for a metric; needs_segment: only with a product named before it (成本 of an H100, not of anything); basis: the word says it (经调整EBITA is non_gaap); negative: a word for a loss (净亏损 1亿 is net_income -1亿); segment: the word names the part too (研发费用 is operating_expenses of r_and_d)';

ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_pkey, ADD PRIMARY KEY (word, kind);
ALTER TABLE nvfacts.cues DROP CONSTRAINT cues_kind_check, ADD CONSTRAINT cues_kind_check
    CHECK (kind IN ('block', 'yoy', 'qoq', 'share', 'surprise', 'up', 'down',
        'up_noun', 'down_noun', 'guidance', 'forecast', 'gaap', 'non_gaap', 'tolerance',
        'respectively', 'each', 'total', 'group', 'from', 'per', 'article_end', 'other_org',
        'other_metric', 'partner', 'apposition', 'contrast', 'self', 'declare', 'expect',
        'exclude', 'both', 'market', 'done', 'former', 'latter', 'modifier'));
COMMENT ON TABLE nvfacts.cues IS
'words that steer measure (yoy, qoq, share, surprise), sign (up, down), status (guidance: the company''s outlook; forecast: an analyst''s or the market''s; expect: a neutral 预计 or 将, forecast only after an analyst), basis, tolerance and 分别; a word may have several kinds (年减 is yoy and down); block = a longer word that hides a shorter cue (会议 is not 会); article_end = what follows is another story; other_org = a company outside the lexicon (银行), whose figures are not carried to the subject; other_metric = a measure outside the metric vocabulary (现金流, 积压订单): its figures yield no row and never take a neighbour''s metric; partner = the company named after it is named in passing (与, 得益于); apposition = 甲的对手乙 is about 乙; contrast = 而, 但: status cues before it do not reach past it; self = 该公司, 其 (the subject itself); declare = a currency declaration (下同); exclude = 剔除, 不计 (the part named after it is left out); both = 两者同为 (the figure is each listed item''s); market = 市场规模, 行业均价 (a figure of a market: entity NULL); done = 已, 录得 (what follows is reported, whatever outlook words came before); former, latter = 前者, 后者 (the first or second of the two companies just named); modifier = 相关, 旗下 right after a company (it only qualifies a word: OpenAI相关亏损 is no figure of OpenAI''s)';
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

-- ---------------------------------------------------------------------------
-- issue 7: search_path protection and a lock no other role can hold.
--  * The extension owns schema nvfacts and is recorded in pg_catalog, as a fresh 0.2.0 install
--    (whose script creates the schema, so that a schema planted before makes it fail): pg_dump
--    then writes CREATE EXTENSION ... WITH SCHEMA pg_catalog, which the 0.2.0 control accepts.
--  * Every SQL and PL/pgSQL routine pins search_path = pg_catalog, pg_temp and qualifies its calls;
--    ingest() and create_facts_table() want a schema-qualified table.
--  * ingest() locks its server's row of nvfacts.ingest_runs (FOR UPDATE NOWAIT), not an advisory
--    lock any role can take, and fails loudly when another run holds it.
UPDATE pg_catalog.pg_extension SET extnamespace = 'pg_catalog'::pg_catalog.regnamespace
WHERE extname = 'nvfacts';
-- the extension's dependency on its old schema goes too (pg_catalog, pinned, is not recorded)
DELETE FROM pg_catalog.pg_depend
WHERE classid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND objid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'nvfacts')
  AND refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass;
ALTER EXTENSION nvfacts ADD SCHEMA nvfacts;    -- (not while the extension is recorded in it)
ALTER TABLE nvfacts.ingested_files
    ALTER loaded_at SET DEFAULT pg_catalog.now(),
    ALTER checked_at SET DEFAULT pg_catalog.now();

-- The row a run of ingest() locks for its server (FOR UPDATE NOWAIT), and
-- what the last run did.  Locking a row takes UPDATE on the table, which no
-- one but its owner has: a role that can only connect cannot hold it (an
-- advisory lock, which any role can take, could stop every run).
CREATE TABLE nvfacts.ingest_runs (
    server      name PRIMARY KEY,
    started_at  timestamptz,           -- the last run's start
    finished_at timestamptz,           -- and end (NULL while it runs, or if it failed)
    summary     text                   -- '7 new, 0 changed, 0 unchanged, 0 failed, 0 vanished'
);

-- (not dumped: the next run makes its row again)
COMMENT ON TABLE nvfacts.ingest_runs IS
'one row per server nvfacts.ingest() has loaded from: the row a run locks, and its last run';

-- A schema-qualified table name, or an error: ingest() and create_facts_table()
-- resolve nothing through the caller's search_path.
CREATE FUNCTION nvfacts.target_parts(target text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    parts text[] := pg_catalog.parse_ident(target);
BEGIN
    IF pg_catalog.cardinality(parts) <> 2 THEN
        RAISE EXCEPTION 'facts table "%" must be written schema.table', target
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Name the schema too, for example ''public.news_facts''; the search_path is not used.';
    END IF;
    RETURN parts;
END $$;

COMMENT ON FUNCTION nvfacts.target_parts(text) IS
'the schema and name of a schema-qualified facts table name, or an error';

-- A facts table for ingest(): the columns of nvfacts.fact plus published and
-- loaded_at, a primary key, indexes for the common filters, and the views BI
-- tools read (nvfacts.create_facts_views(), views.sql).  Returns the table; an
-- existing table is returned as it is.
CREATE OR REPLACE FUNCTION nvfacts.create_facts_table(target text) RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    parts text[] := nvfacts.target_parts(target);
    tbl text := pg_catalog.format('%I.%I', parts[1], parts[2]);
BEGIN
    IF pg_catalog.to_regclass(tbl) IS NOT NULL THEN
        RETURN pg_catalog.to_regclass(tbl);
    END IF;
    EXECUTE pg_catalog.format('CREATE TABLE %s AS SELECT f.*, NULL::date AS published, NULL::timestamptz AS loaded_at
                    FROM nvfacts.extract(NULL) f WITH NO DATA', tbl);
    EXECUTE pg_catalog.format('ALTER TABLE %s ALTER doc SET NOT NULL, ALTER fact_no SET NOT NULL,
                    ALTER loaded_at SET DEFAULT pg_catalog.now(), ADD PRIMARY KEY (doc, fact_no)', tbl);
    EXECUTE pg_catalog.format('CREATE INDEX ON %s (entity, metric, fiscal_year, fiscal_quarter)', tbl);
    EXECUTE pg_catalog.format('CREATE INDEX ON %s (published)', tbl);
    PERFORM nvfacts.create_facts_views(pg_catalog.to_regclass(tbl));
    RETURN pg_catalog.to_regclass(tbl);
END $$;

COMMENT ON FUNCTION nvfacts.create_facts_table(text) IS
'creates a facts table (schema-qualified name) for nvfacts.ingest() with its indexes, its table of articles TARGET_articles and its views (nvfacts.create_facts_views())';

-- One file into the facts table (its old facts replaced); the catalog row it leaves.
CREATE OR REPLACE FUNCTION nvfacts.ingest_file(server name, rel regclass, target text, path text, bytes bigint,
                                    modified timestamptz, known nvfacts.ingested_files)
RETURNS nvfacts.ingested_files
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a record;
    cols text;
    n int;
    result nvfacts.ingested_files;
BEGIN
    result := ROW(server, target, path, bytes, modified, NULL, 'loaded', 0, NULL, pg_catalog.now(), pg_catalog.now());
    BEGIN
        SELECT * INTO a FROM nvfacts.read_article(server, path);
        result.sha256 := a.sha256;
        IF known.status = 'loaded' AND known.sha256 = a.sha256 THEN
            result.facts := known.facts;          -- touched, not changed
            result.loaded_at := known.loaded_at;
            RETURN result;
        END IF;
        cols := (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(attname), ', ' ORDER BY attnum)
                 FROM pg_catalog.pg_attribute
                 WHERE attrelid = 'nvfacts.fact'::pg_catalog.regclass AND attnum > 1 AND NOT attisdropped);
        EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        EXECUTE pg_catalog.format('INSERT INTO %s (doc, %s, published, loaded_at)
                        SELECT $1, %s, $2, pg_catalog.now() FROM nvfacts.extract($3, $2)', rel, cols, cols)
            USING path, a.published, a.body;
        GET DIAGNOSTICS n = ROW_COUNT;
        result.facts := n;
    EXCEPTION WHEN OTHERS THEN
        EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        result.status := 'failed';
        result.error := pg_catalog.regexp_replace(SQLERRM, '^could not load article file "[^"]*": ', '');
        RAISE WARNING 'nvfacts.ingest: skipping article file "%": %', path, result.error;
    END;
    RETURN result;
END $$;

-- Whether a file must be read again: new, vanished before, or its size or time
-- changed; a catalog row checked within a second of the file's time does not
-- prove it unchanged (a same-size rewrite in the same clock tick).
CREATE OR REPLACE FUNCTION nvfacts.ingest_needed(known nvfacts.ingested_files, bytes bigint, modified timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT known.path IS NULL OR known.status = 'vanished' OR known.bytes <> bytes
        OR known.modified <> modified OR known.checked_at < modified + interval '1 second'
$$;

-- Takes the run's lock on its server's row, or fails loudly naming the run
-- that holds it.  SKIP LOCKED, not an exception block: the lock belongs to the
-- run's own transaction, whose ID (the row's xmax) names its process in
-- pg_locks.  Two first runs of a server at once: the second waits for the
-- first one's new row, then finds it locked or free.
CREATE FUNCTION nvfacts.ingest_lock(server name) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    holder int;
BEGIN
    PERFORM FROM nvfacts.ingest_runs r WHERE r.server = ingest_lock.server FOR UPDATE SKIP LOCKED;
    IF NOT FOUND AND NOT EXISTS (SELECT FROM nvfacts.ingest_runs r WHERE r.server = ingest_lock.server) THEN
        INSERT INTO nvfacts.ingest_runs VALUES (ingest_lock.server) ON CONFLICT ON CONSTRAINT ingest_runs_pkey DO NOTHING;
        PERFORM FROM nvfacts.ingest_runs r WHERE r.server = ingest_lock.server FOR UPDATE SKIP LOCKED;
    END IF;
    IF NOT FOUND THEN
        SELECT l.pid INTO holder FROM pg_catalog.pg_locks l, nvfacts.ingest_runs r
        WHERE r.server = ingest_lock.server AND l.locktype = 'transactionid' AND l.granted
          AND l.mode = 'ExclusiveLock' AND l.transactionid = r.xmax;
        RAISE EXCEPTION 'nvfacts.ingest: another run is loading from server "%"', server
            USING ERRCODE = 'lock_not_available',
                  DETAIL = pg_catalog.format('The run of process %s holds the server''s row of nvfacts.ingest_runs; nothing was done.',
                                             coalesce(holder::text, '(unknown)')),
                  HINT = 'Runs of one server never overlap: this one can start when that one ends.';
    END IF;
    UPDATE nvfacts.ingest_runs r SET started_at = pg_catalog.now(), finished_at = NULL, summary = NULL
    WHERE r.server = ingest_lock.server;
END $$;

CREATE OR REPLACE PROCEDURE nvfacts.ingest(server name, target text, purge boolean DEFAULT false)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rel regclass;
    key text;                 -- the catalog's name for rel: schema.table, quoted as needed
    other name;
    f record;
    known nvfacts.ingested_files;
    done nvfacts.ingested_files;
    paths text[];
    sizes bigint[];
    times timestamptz[];
    counts jsonb := '{"new": 0, "changed": 0, "unchanged": 0, "failed": 0, "vanished": 0}';
    k text;
    said text;                -- the summary
BEGIN
    PERFORM nvfacts.ingest_lock(server);
    rel := nvfacts.create_facts_table(target);
    key := (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = rel);
    -- doc is a path relative to one server's directory: one server per facts table
    SELECT i.server INTO other FROM nvfacts.ingested_files i
    WHERE i.target = key AND i.server <> ingest.server LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'facts table % is loaded from server "%", not "%"', key, other, server
            USING ERRCODE = 'object_in_use',
                  HINT = 'Use one facts table per server: paths are relative to a server''s directory.';
    END IF;
    SELECT pg_catalog.array_agg(x.path ORDER BY x.path), pg_catalog.array_agg(x.bytes ORDER BY x.path),
           pg_catalog.array_agg(x.modified ORDER BY x.path)
    INTO paths, sizes, times FROM nvfacts.article_files(server) x;
    FOR f IN SELECT * FROM ROWS FROM (pg_catalog.unnest(paths), pg_catalog.unnest(sizes), pg_catalog.unnest(times))
                    AS x(path, bytes, modified) LOOP
        SELECT * INTO known FROM nvfacts.ingested_files i
        WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        IF NOT nvfacts.ingest_needed(known, f.bytes, f.modified) THEN
            counts := pg_catalog.jsonb_set(counts, '{unchanged}', pg_catalog.to_jsonb((counts->>'unchanged')::int + 1));
            CONTINUE;
        END IF;
        done := nvfacts.ingest_file(server, rel, key, f.path, f.bytes, f.modified, known);
        k := CASE WHEN done.status = 'failed' THEN 'failed'
                  WHEN known.status IN ('loaded', 'failed') AND known.sha256 = done.sha256 THEN 'unchanged'
                  WHEN known.path IS NULL THEN 'new' ELSE 'changed' END;
        counts := pg_catalog.jsonb_set(counts, ARRAY[k], pg_catalog.to_jsonb((counts->>k)::int + 1));
        INSERT INTO nvfacts.ingested_files VALUES (done.*)
        ON CONFLICT ON CONSTRAINT ingested_files_pkey DO UPDATE
        SET bytes = EXCLUDED.bytes, modified = EXCLUDED.modified, sha256 = EXCLUDED.sha256,
            status = EXCLUDED.status, facts = EXCLUDED.facts, error = EXCLUDED.error,
            loaded_at = EXCLUDED.loaded_at, checked_at = EXCLUDED.checked_at;
    END LOOP;
    -- files that are gone: reported once (again under purge), and with purge their facts deleted
    FOR f IN SELECT i.path FROM nvfacts.ingested_files i
             WHERE i.server = ingest.server AND i.target = key AND (purge OR i.status <> 'vanished')
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(paths) p WHERE p = i.path) LOOP
        RAISE NOTICE 'nvfacts.ingest: article file "%" has vanished%', f.path,
            CASE WHEN purge THEN '; its facts are deleted' ELSE '' END;
        counts := pg_catalog.jsonb_set(counts, '{vanished}', pg_catalog.to_jsonb((counts->>'vanished')::int + 1));
        IF purge THEN
            EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = $1', rel) USING f.path;
            DELETE FROM nvfacts.ingested_files i
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        ELSE
            UPDATE nvfacts.ingested_files i SET status = 'vanished'
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        END IF;
    END LOOP;
    said := pg_catalog.format('%s new, %s changed, %s unchanged, %s failed, %s vanished',
        counts->>'new', counts->>'changed', counts->>'unchanged', counts->>'failed', counts->>'vanished');
    UPDATE nvfacts.ingest_runs r SET finished_at = pg_catalog.clock_timestamp(), summary = said
    WHERE r.server = ingest.server;
    RAISE NOTICE 'nvfacts.ingest: %', said;
END $$;

COMMENT ON PROCEDURE nvfacts.ingest(name, text, boolean) IS
'loads the new and changed article files of a nvfacts_fdw server into a facts table (schema.table, created if missing), in one transaction; a second run of the same server at once fails; failures are recorded in nvfacts.ingested_files and retried when the file changes; purge deletes the facts of vanished files';
