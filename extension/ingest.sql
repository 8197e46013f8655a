
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
    loaded_at timestamptz NOT NULL DEFAULT now(),  -- when its facts were last written
    checked_at timestamptz NOT NULL DEFAULT now(), -- when the file was last read
    PRIMARY KEY (server, target, path)
);

COMMENT ON TABLE nvfacts.ingested_files IS
'every article file nvfacts.ingest() has seen, per server and facts table: size, time, hash, status and error';

SELECT pg_catalog.pg_extension_config_dump('nvfacts.ingested_files', '');

-- A facts table for ingest(): the columns of nvfacts.fact plus published and
-- loaded_at, a primary key, indexes for the common filters, and two views
-- (TARGET_latest, TARGET_levels) for BI tools.  Returns the table; an
-- existing table is returned as it is.
CREATE FUNCTION nvfacts.create_facts_table(target text) RETURNS regclass
LANGUAGE plpgsql AS $$
DECLARE
    parts text[] := parse_ident(target);
    tbl text;
    latest text;
    levels text;
BEGIN
    IF to_regclass(target) IS NOT NULL THEN
        RETURN to_regclass(target);
    END IF;
    tbl := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts) p);
    latest := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts[1:cardinality(parts) - 1] ||
               (parts[cardinality(parts)] || '_latest')) p);
    levels := (SELECT string_agg(quote_ident(p), '.') FROM unnest(parts[1:cardinality(parts) - 1] ||
               (parts[cardinality(parts)] || '_levels')) p);
    EXECUTE format('CREATE TABLE %s AS SELECT f.*, NULL::date AS published, NULL::timestamptz AS loaded_at
                    FROM nvfacts.extract(NULL) f WITH NO DATA', tbl);
    EXECUTE format('ALTER TABLE %s ALTER doc SET NOT NULL, ALTER fact_no SET NOT NULL,
                    ALTER loaded_at SET DEFAULT now(), ADD PRIMARY KEY (doc, fact_no)', tbl);
    EXECUTE format('CREATE INDEX ON %s (entity, metric, fiscal_year, fiscal_quarter)', tbl);
    EXECUTE format('CREATE INDEX ON %s (published)', tbl);
    -- the latest figure per entity, metric and fiscal period (newest article wins)
    EXECUTE format($v$CREATE VIEW %s AS
        SELECT DISTINCT ON (entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter)
               entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
               value, value_low, value_high, unit, approx, doc, published, evidence
        FROM %s
        WHERE entity IS NOT NULL
        ORDER BY entity, metric, segment, basis, measure, status, fiscal_year, fiscal_quarter,
                 published DESC NULLS LAST, loaded_at DESC, doc, fact_no$v$, latest, tbl);
    -- reported levels only (no growth rates, no guidance): a time series per entity and metric
    EXECUTE format($v$CREATE VIEW %s AS
        SELECT entity, metric, segment, basis, fiscal_year, fiscal_quarter, value, unit, doc, published
        FROM %s
        WHERE measure = 'level' AND status = 'actual' AND entity IS NOT NULL AND value IS NOT NULL$v$,
        levels, tbl);
    RETURN to_regclass(target);
END $$;

COMMENT ON FUNCTION nvfacts.create_facts_table(text) IS
'creates a facts table for nvfacts.ingest() with its indexes and views TARGET_latest and TARGET_levels';

-- One file into the facts table (its old facts replaced); the catalog row it leaves.
CREATE FUNCTION nvfacts.ingest_file(server name, rel regclass, target text, path text, bytes bigint,
                                    modified timestamptz, known nvfacts.ingested_files)
RETURNS nvfacts.ingested_files
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    cols text;
    n int;
    result nvfacts.ingested_files;
BEGIN
    result := ROW(server, target, path, bytes, modified, NULL, 'loaded', 0, NULL, now(), now());
    BEGIN
        SELECT * INTO a FROM nvfacts.read_article(server, path);
        result.sha256 := a.sha256;
        IF known.status = 'loaded' AND known.sha256 = a.sha256 THEN
            result.facts := known.facts;          -- touched, not changed
            result.loaded_at := known.loaded_at;
            RETURN result;
        END IF;
        cols := (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
                 WHERE attrelid = 'nvfacts.fact'::regclass AND attnum > 1 AND NOT attisdropped);
        EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        EXECUTE format('INSERT INTO %s (doc, %s, published, loaded_at)
                        SELECT $1, %s, $2, now() FROM nvfacts.extract($3, $2)', rel, cols, cols)
            USING path, a.published, a.body;
        GET DIAGNOSTICS n = ROW_COUNT;
        result.facts := n;
    EXCEPTION WHEN OTHERS THEN
        EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING path;
        result.status := 'failed';
        result.error := regexp_replace(SQLERRM, '^could not load article file "[^"]*": ', '');
        RAISE WARNING 'nvfacts.ingest: skipping article file "%": %', path, result.error;
    END;
    RETURN result;
END $$;

-- Whether a file must be read again: new, vanished before, or its size or time
-- changed; a catalog row checked within a second of the file's time does not
-- prove it unchanged (a same-size rewrite in the same clock tick).
CREATE FUNCTION nvfacts.ingest_needed(known nvfacts.ingested_files, bytes bigint, modified timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT known.path IS NULL OR known.status = 'vanished' OR known.bytes <> bytes
        OR known.modified <> modified OR known.checked_at < modified + interval '1 second'
$$;

CREATE PROCEDURE nvfacts.ingest(server name, target text, purge boolean DEFAULT false)
LANGUAGE plpgsql AS $$
DECLARE
    rel regclass;
    key text;                 -- the catalog's name for rel, whatever the search_path
    other name;
    f record;
    known nvfacts.ingested_files;
    done nvfacts.ingested_files;
    paths text[];
    sizes bigint[];
    times timestamptz[];
    counts jsonb := '{"new": 0, "changed": 0, "unchanged": 0, "failed": 0, "vanished": 0}';
    k text;
BEGIN
    -- one run per server at a time; a second one returns at once
    IF NOT pg_try_advisory_xact_lock(hashtext('nvfacts.ingest'), hashtext(server)) THEN
        RAISE NOTICE 'nvfacts.ingest: another run is loading from server "%"; nothing done', server;
        RETURN;
    END IF;
    rel := nvfacts.create_facts_table(target);
    key := (SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel);
    -- doc is a path relative to one server's directory: one server per facts table
    SELECT i.server INTO other FROM nvfacts.ingested_files i
    WHERE i.target = key AND i.server <> ingest.server LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'facts table % is loaded from server "%", not "%"', key, other, server
            USING ERRCODE = 'object_in_use',
                  HINT = 'Use one facts table per server: paths are relative to a server''s directory.';
    END IF;
    SELECT array_agg(x.path ORDER BY x.path), array_agg(x.bytes ORDER BY x.path),
           array_agg(x.modified ORDER BY x.path)
    INTO paths, sizes, times FROM nvfacts.article_files(server) x;
    FOR f IN SELECT * FROM unnest(paths, sizes, times) AS x(path, bytes, modified) LOOP
        SELECT * INTO known FROM nvfacts.ingested_files i
        WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        IF NOT nvfacts.ingest_needed(known, f.bytes, f.modified) THEN
            counts := jsonb_set(counts, '{unchanged}', to_jsonb((counts->>'unchanged')::int + 1));
            CONTINUE;
        END IF;
        done := nvfacts.ingest_file(server, rel, key, f.path, f.bytes, f.modified, known);
        k := CASE WHEN done.status = 'failed' THEN 'failed'
                  WHEN known.status IN ('loaded', 'failed') AND known.sha256 = done.sha256 THEN 'unchanged'
                  WHEN known.path IS NULL THEN 'new' ELSE 'changed' END;
        counts := jsonb_set(counts, ARRAY[k], to_jsonb((counts->>k)::int + 1));
        INSERT INTO nvfacts.ingested_files VALUES (done.*)
        ON CONFLICT ON CONSTRAINT ingested_files_pkey DO UPDATE
        SET bytes = EXCLUDED.bytes, modified = EXCLUDED.modified, sha256 = EXCLUDED.sha256,
            status = EXCLUDED.status, facts = EXCLUDED.facts, error = EXCLUDED.error,
            loaded_at = EXCLUDED.loaded_at, checked_at = EXCLUDED.checked_at;
    END LOOP;
    -- files that are gone: reported once (again under purge), and with purge their facts deleted
    FOR f IN SELECT i.path FROM nvfacts.ingested_files i
             WHERE i.server = ingest.server AND i.target = key AND (purge OR i.status <> 'vanished')
               AND NOT EXISTS (SELECT 1 FROM unnest(paths) p WHERE p = i.path) LOOP
        RAISE NOTICE 'nvfacts.ingest: article file "%" has vanished%', f.path,
            CASE WHEN purge THEN '; its facts are deleted' ELSE '' END;
        counts := jsonb_set(counts, '{vanished}', to_jsonb((counts->>'vanished')::int + 1));
        IF purge THEN
            EXECUTE format('DELETE FROM %s WHERE doc = $1', rel) USING f.path;
            DELETE FROM nvfacts.ingested_files i
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        ELSE
            UPDATE nvfacts.ingested_files i SET status = 'vanished'
            WHERE i.server = ingest.server AND i.target = key AND i.path = f.path;
        END IF;
    END LOOP;
    RAISE NOTICE 'nvfacts.ingest: % new, % changed, % unchanged, % failed, % vanished',
        counts->>'new', counts->>'changed', counts->>'unchanged', counts->>'failed', counts->>'vanished';
END $$;

COMMENT ON PROCEDURE nvfacts.ingest(name, text, boolean) IS
'loads the new and changed article files of a nvfacts_fdw server into a facts table (created if missing), in one transaction; failures are recorded in nvfacts.ingested_files and retried when the file changes; purge deletes the facts of vanished files';
