
-- ---------------------------------------------------------------------------
-- Incremental ETL: CALL nvfacts.ingest('news', 'public.news_facts') loads the
-- new and changed files of server news into a plain facts table, in one
-- transaction; nvfacts.ingested_files remembers every file it has seen.

CREATE TABLE nvfacts.ingested_files (
    server    name        NOT NULL,
    target    text        NOT NULL,  -- the facts table, schema-qualified: 'public.news_facts'
    path      text        NOT NULL,  -- relative to the server's directory
    bytes     bigint      NOT NULL,
    modified  timestamptz NOT NULL,
    sha256    text,                  -- of the file's bytes; NULL when unreadable
    status    text        NOT NULL CHECK (status IN ('loaded', 'failed', 'vanished')),
    facts     int,
    error     text,                  -- why the file failed
    loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),  -- when its facts were last written
    checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(), -- when the file was last read
    PRIMARY KEY (server, target, path)
);

COMMENT ON TABLE nvfacts.ingested_files IS
'every article file nvfacts.ingest() has seen, per server and facts table: size, time, hash, status and error';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingested_files', '');

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
CREATE FUNCTION nvfacts.create_facts_table(target text) RETURNS regclass
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
CREATE FUNCTION nvfacts.ingest_file(server name, rel regclass, target text, path text, bytes bigint,
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
CREATE FUNCTION nvfacts.ingest_needed(known nvfacts.ingested_files, bytes bigint, modified timestamptz)
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

CREATE PROCEDURE nvfacts.ingest(server name, target text, purge boolean DEFAULT false)
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
