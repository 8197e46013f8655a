-- ingest.sql — nvfacts.ingest(), its steps, and the facts tables it loads: appended to the install
-- script (after ingest_tables.sql) and to the upgrade from 0.1.0 (which drops 0.1.0's routines
-- and reshapes its tables first).
--
-- A run (CALL nvfacts.ingest(server, target)) is driven from C (pg/ingest.c):
--   ingest_begin   the server's lock, the facts table (made if missing) bound to the server, a run row;
--   ingest_scan    the directory listed once and joined with the catalog once: what needs reading,
--                  vanished files settled; then COMMIT when called at top level;
--   ingest_batch   per batch of files: read, facts written, catalog and articles rows, run row; COMMIT;
--   ingest_end     the run's status and summary.
-- Facts, catalog and articles rows of a batch commit together: a run killed half-way loses at
-- most its current batch, and the next run loads what it did not commit.

-- An article file as a batch of ingest() handles it: listed (bytes, modified), read (sha256,
-- published, title, encoding, body, or why it cannot be read: error), judged against the catalog
-- (kind: new, changed, unchanged, failed) and loaded (facts written).
CREATE TYPE nvfacts.ingest_article AS (
    path      text,
    bytes     bigint,
    modified  timestamptz,
    sha256    text,
    published date,
    title     text,
    encoding  text,
    body      text,
    error     text,
    kind      text,
    facts     int
);

COMMENT ON TYPE nvfacts.ingest_article IS
'an article file in a batch of nvfacts.ingest(): as listed, as read (or why not), as judged (new, changed, unchanged, failed) and its facts';

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

-- A facts table's companion (its articles table, its views): schema.TABLE_suffix, quoted.
CREATE FUNCTION nvfacts.sibling_name(target regclass, suffix text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.format('%I.%I', n.nspname, c.relname || suffix)
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = target
$$;

COMMENT ON FUNCTION nvfacts.sibling_name(regclass, text) IS
'the name of a facts table''s articles table or view: schema.TABLE_suffix, quoted as needed';

-- SELECT on a table or view made for a facts table, to nvfacts_reader (when that role exists).
CREATE FUNCTION nvfacts.grant_reader(relation text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF pg_catalog.to_regrole('nvfacts_reader') IS NOT NULL THEN
        EXECUTE pg_catalog.format('GRANT SELECT ON %s TO nvfacts_reader', relation);
    END IF;
END $$;

COMMENT ON FUNCTION nvfacts.grant_reader(text) IS
'grants SELECT on a facts table, its articles table or a view of it to nvfacts_reader';

-- A facts table's articles table: one row per file ingest() has seen.  Made when missing
-- (IF NOT EXISTS: an existing table, or one another session made meanwhile, is taken as it is).
CREATE FUNCTION nvfacts.create_articles_table(target regclass) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    articles text := nvfacts.sibling_name(target, '_articles');
BEGIN
    IF pg_catalog.to_regclass(articles) IS NOT NULL THEN
        RETURN;
    END IF;
    BEGIN
        EXECUTE pg_catalog.format('CREATE TABLE %s (doc text PRIMARY KEY, title text,
                                   published date, encoding text, bytes bigint, facts int,
                                   status text, error text, loaded_at timestamptz)', articles);
        EXECUTE pg_catalog.format('CREATE INDEX ON %s (published)', articles);
        PERFORM nvfacts.grant_reader(articles);
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
        NULL;                       -- made by another session, which committed first
    END;
END $$;

COMMENT ON FUNCTION nvfacts.create_articles_table(regclass) IS
'makes TARGET_articles when missing: doc, title (first non-empty line), published, encoding, bytes, facts, status, error, loaded_at';

-- A facts table for ingest(): the columns of nvfacts.fact plus published and
-- loaded_at, and its primary key (doc, fact_no), no other index: an index
-- costs load time for every fact (one on entity and metric, a tenth of a first
-- load): add those your queries need.  Its views for BI tools
-- (nvfacts.create_facts_views(), views.sql) and its articles table.  Returns the table; of an
-- existing one, only the articles table is made if missing.
CREATE FUNCTION nvfacts.create_facts_table(target text) RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    parts text[] := nvfacts.target_parts(target);
    tbl text := pg_catalog.format('%I.%I', parts[1], parts[2]);
    rel regclass := pg_catalog.to_regclass(tbl);
BEGIN
    IF rel IS NULL THEN
        BEGIN
            EXECUTE pg_catalog.format('CREATE TABLE %s AS SELECT f.*, NULL::date AS published,
                            NULL::timestamptz AS loaded_at FROM nvfacts.extract(NULL) f WITH NO DATA', tbl);
            EXECUTE pg_catalog.format('ALTER TABLE %s ALTER doc SET NOT NULL, ALTER fact_no SET NOT NULL,
                            ALTER loaded_at SET DEFAULT pg_catalog.now(), ADD PRIMARY KEY (doc, fact_no)', tbl);
            PERFORM nvfacts.grant_reader(tbl);
            rel := pg_catalog.to_regclass(tbl);
            PERFORM nvfacts.create_facts_views(rel);
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
            -- another session made it meanwhile and committed first: that one (read from
            -- pg_class with this statement's snapshot; the relation cache may not know it yet)
            rel := (SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = parts[1] AND c.relname = parts[2]);
            IF rel IS NULL THEN
                RAISE;
            END IF;
        END;
    END IF;
    PERFORM nvfacts.create_articles_table(rel);
    RETURN rel;
END $$;

COMMENT ON FUNCTION nvfacts.create_facts_table(text) IS
'makes a facts table (schema-qualified name) for nvfacts.ingest() with its indexes, views (nvfacts.create_facts_views) and articles table TARGET_articles; SELECT granted to nvfacts_reader';

-- ---------------------------------------------------------------------------
-- The steps of a run.

-- A nvfacts_fdw server by name, for ingest(): its OID, or an error (no such
-- server, another wrapper, no USAGE).  STABLE: the catalog and privileges.
CREATE FUNCTION nvfacts.ingest_server(server name) RETURNS oid
    AS 'MODULE_PATHNAME', 'nvf_ingest_server'
    LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nvfacts.ingest_server(name) IS
'the OID of a nvfacts_fdw server the caller has USAGE on, or an error';

-- Files of a server read for a batch, one row per path in the order given: never an ERROR for
-- a file that cannot be read (error says why).  VOLATILE and PARALLEL SAFE as read_article().
CREATE FUNCTION nvfacts.ingest_read(server name, paths text[],
    OUT path text, OUT sha256 text, OUT published date, OUT title text, OUT encoding text,
    OUT body text, OUT error text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'nvf_ingest_read'
    LANGUAGE C VOLATILE STRICT PARALLEL SAFE COST 100000 ROWS 500;

COMMENT ON FUNCTION nvfacts.ingest_read(name, text[]) IS
'article files of a nvfacts_fdw server as ingest() reads them: SHA-256 of the bytes, printed date, first non-empty line, encoding, text, or the error';

-- Takes the run's lock on its server's row, or fails loudly naming the run
-- that holds it (stopped: what that means for this run).  SKIP LOCKED, not an
-- exception block: the lock belongs to the run's own transaction, whose ID
-- (the row's xmax) names its process in pg_locks.  Two first runs of a server
-- at once: the second waits for the first one's new row, then finds it locked
-- or free.  A run takes it again after each COMMIT.
CREATE FUNCTION nvfacts.ingest_lock(server oid, name name, stopped text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    holder int;
BEGIN
    PERFORM FROM nvfacts.ingest_servers s WHERE s.server = ingest_lock.server FOR UPDATE SKIP LOCKED;
    IF NOT FOUND AND NOT EXISTS (SELECT FROM nvfacts.ingest_servers s WHERE s.server = ingest_lock.server) THEN
        INSERT INTO nvfacts.ingest_servers VALUES (ingest_lock.server)
        ON CONFLICT ON CONSTRAINT ingest_servers_pkey DO NOTHING;
        PERFORM FROM nvfacts.ingest_servers s WHERE s.server = ingest_lock.server FOR UPDATE SKIP LOCKED;
    END IF;
    IF NOT FOUND THEN
        SELECT l.pid INTO holder FROM pg_catalog.pg_locks l, nvfacts.ingest_servers s
        WHERE s.server = ingest_lock.server AND l.locktype = 'transactionid' AND l.granted
          AND l.mode = 'ExclusiveLock' AND l.transactionid = s.xmax;
        RAISE EXCEPTION 'nvfacts.ingest: another run is loading from server "%"', name
            USING ERRCODE = 'lock_not_available',
                  DETAIL = pg_catalog.format('The run of process %s holds the server''s row of nvfacts.ingest_servers; %s.',
                                             coalesce(holder::text, '(unknown)'), stopped),
                  HINT = 'Runs of one server never overlap: this one can start when that one ends.';
    END IF;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_lock(oid, name, text) IS
'locks a server''s row of nvfacts.ingest_servers for a run of nvfacts.ingest(), or fails with 55P03 naming the process that holds it';

-- The storage of a facts table and of its articles table (relfilenodes of every
-- partition): TRUNCATE, VACUUM FULL and CLUSTER change it.
CREATE FUNCTION nvfacts.ingest_storage(target regclass) RETURNS oid[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.array_agg(pg_catalog.pg_relation_filenode(r.rel) ORDER BY r.rel::oid)
    FROM (VALUES (target), (pg_catalog.to_regclass(nvfacts.sibling_name(target, '_articles')))) t(rel),
         LATERAL (SELECT t.rel UNION SELECT p.relid FROM pg_catalog.pg_partition_tree(t.rel) p) r(rel)
    WHERE pg_catalog.pg_relation_filenode(r.rel) IS NOT NULL     -- (a partitioned table has none)
$$;

COMMENT ON FUNCTION nvfacts.ingest_storage(regclass) IS
'the relfilenodes of a facts table and its articles table (partitions included): when they change, ingest() counts their rows';

-- Whether a facts table and its articles table hold at least the rows the
-- catalog says the current generation gave them: a TRUNCATE empties them, a
-- VACUUM FULL gives them new storage but keeps the rows.  (Counts the rows:
-- run only when the storage changed.)
CREATE FUNCTION nvfacts.ingest_intact(t nvfacts.ingest_targets) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    articles regclass := pg_catalog.to_regclass(nvfacts.sibling_name(t.target, '_articles'));
    want_facts bigint;
    want_articles bigint;
    have bigint;
BEGIN
    SELECT coalesce(pg_catalog.sum(c.facts), 0), pg_catalog.count(*) INTO want_facts, want_articles
    FROM nvfacts.ingested_files c WHERE c.target = t.target AND c.generation = t.generation;
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', t.target) INTO have;
    IF have < want_facts THEN
        RETURN false;
    END IF;
    IF articles IS NULL THEN
        RETURN want_articles = 0;
    END IF;
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', articles) INTO have;
    RETURN have >= want_articles;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_intact(nvfacts.ingest_targets) IS
'whether a facts table and its articles table still hold the rows the catalog says they were given';

-- The facts table's row of nvfacts.ingest_targets, made on its first run and
-- locked: one server per facts table (two first runs of two servers at once:
-- the second waits for the first one's row, then fails), and a new generation
-- (every file loaded again) on reload or when the table lost rows.
CREATE FUNCTION nvfacts.ingest_bind(target regclass, server oid, name name, reload boolean)
RETURNS nvfacts.ingest_targets
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t nvfacts.ingest_targets;
    now_storage oid[] := nvfacts.ingest_storage(target);
    other name;
    why text;
BEGIN
    INSERT INTO nvfacts.ingest_targets VALUES (ingest_bind.target, ingest_bind.name, ingest_bind.server, 1, now_storage)
    ON CONFLICT ON CONSTRAINT ingest_targets_pkey DO NOTHING;
    SELECT * INTO STRICT t FROM nvfacts.ingest_targets i WHERE i.target = ingest_bind.target FOR UPDATE;
    IF t.server_oid <> ingest_bind.server THEN
        other := (SELECT s.srvname FROM pg_catalog.pg_foreign_server s WHERE s.oid = t.server_oid);
        -- the old server gone and one of its name here: a catalog restored by pg_dump (new OIDs)
        IF other IS NOT NULL OR t.server <> ingest_bind.name THEN
            RAISE EXCEPTION 'facts table % is loaded from server "%", not "%"', target, coalesce(other, t.server), name
                USING ERRCODE = 'object_in_use',
                      HINT = 'Use one facts table per server: paths are relative to a server''s directory.';
        END IF;
    END IF;
    why := CASE WHEN reload THEN 'reload => true'
                WHEN t.storage IS DISTINCT FROM now_storage AND NOT nvfacts.ingest_intact(t)
                THEN 'it or its articles table has fewer rows than the catalog says it was given (truncated, or made anew)' END;
    IF why IS NOT NULL THEN
        RAISE NOTICE 'nvfacts.ingest: every file is loaded again into %: %', target, why;
    END IF;
    UPDATE nvfacts.ingest_targets i
    SET server = ingest_bind.name, server_oid = ingest_bind.server, storage = now_storage,
        generation = i.generation + (why IS NOT NULL)::int
    WHERE i.target = ingest_bind.target
    RETURNING * INTO t;
    RETURN t;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_bind(regclass, oid, name, boolean) IS
'binds a facts table to the server ingest() loads it from (one server per table) and starts a new generation on reload or when the table lost rows';

-- A facts table ingest() can load: a table with the columns of nvfacts.fact
-- plus published and loaded_at, which the caller may read, insert into and
-- delete from (and update its articles table).  Checked before anything is
-- read, so that a wrong table fails the run, not each file.
CREATE FUNCTION nvfacts.ingest_check_target(target regclass) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    articles text := nvfacts.sibling_name(target, '_articles');
    missing text;
BEGIN
    IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = target) NOT IN ('r', 'p') THEN
        RAISE EXCEPTION '% is not a table', target
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Name a table, or a new name: nvfacts.ingest() makes the table.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(w.attname), ', ' ORDER BY w.attnum) INTO missing
    FROM (SELECT a.attname, a.attnum FROM pg_catalog.pg_attribute a
          WHERE a.attrelid = 'nvfacts.fact'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
          UNION ALL VALUES ('published'::name, 1000::int2), ('loaded_at', 1001)) w
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = target AND a.attname = w.attname AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'facts table % has no column %', target, missing
            USING ERRCODE = 'undefined_column',
                  DETAIL = 'A facts table has the columns of nvfacts.fact plus published and loaded_at.',
                  HINT = 'Add them with the types of nvfacts.fact, or load into a new table: nvfacts.ingest() makes it.';
    END IF;
    IF NOT (pg_catalog.has_table_privilege(target, 'SELECT') AND pg_catalog.has_table_privilege(target, 'INSERT')
            AND pg_catalog.has_table_privilege(target, 'DELETE')
            AND pg_catalog.has_table_privilege(articles, 'SELECT') AND pg_catalog.has_table_privilege(articles, 'INSERT')
            AND pg_catalog.has_table_privilege(articles, 'UPDATE') AND pg_catalog.has_table_privilege(articles, 'DELETE')) THEN
        RAISE EXCEPTION 'permission denied to load facts table %', target
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('A run needs SELECT, INSERT and DELETE on %s, and SELECT, INSERT, UPDATE and DELETE on %s.',
                                             target, articles),
                  HINT = 'Grant them to the role that calls nvfacts.ingest(), or let that role make the table.';
    END IF;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_check_target(regclass) IS
'fails unless a facts table has the columns ingest() writes and the caller may load it';

-- A run's start: the server's lock, the facts table (made if missing, checked,
-- bound to the server), runs of the server left running marked aborted, and
-- the run's row.
CREATE FUNCTION nvfacts.ingest_begin(server name, target text, reload boolean,
                                     OUT run bigint, OUT target_table regclass)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    srv oid := nvfacts.ingest_server(server);
BEGIN
    PERFORM nvfacts.ingest_lock(srv, server, 'nothing was done');
    target_table := nvfacts.create_facts_table(target);
    PERFORM nvfacts.ingest_check_target(target_table);
    -- the server's bindings to tables dropped since (their catalog rows go with them)
    DELETE FROM nvfacts.ingest_targets i
    WHERE i.server_oid = srv AND NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = i.target);
    PERFORM nvfacts.ingest_bind(target_table, srv, server, reload);
    -- runs that never finished: this server's (its lock is ours), or of a backend that is gone
    UPDATE nvfacts.ingest_runs r SET status = 'aborted'
    WHERE r.status = 'running'
      AND (r.server = ingest_begin.server OR NOT EXISTS (SELECT FROM pg_catalog.pg_stat_activity a WHERE a.pid = r.pid));
    INSERT INTO nvfacts.ingest_runs (server, target) VALUES (server, target_table::text)
    RETURNING ingest_runs.run INTO run;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_begin(name, text, boolean) IS
'the start of a run of nvfacts.ingest(): lock, facts table, binding, run row';

-- Files gone from the listing: a NOTICE each (the first 100), then with purge
-- their facts, articles rows and catalog rows deleted, else marked vanished
-- (facts kept).
CREATE FUNCTION nvfacts.ingest_vanish(target regclass, gone text[], purge boolean) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    articles text := nvfacts.sibling_name(target, '_articles');
    n int := coalesce(pg_catalog.cardinality(gone), 0);
    deleted text := CASE WHEN purge THEN '; its facts are deleted' ELSE '' END;
BEGIN
    FOR i IN 1 .. LEAST(n, 100) LOOP
        RAISE NOTICE 'nvfacts.ingest: article file "%" has vanished%', gone[i], deleted;
    END LOOP;
    IF n > 100 THEN
        RAISE NOTICE 'nvfacts.ingest: % more article files have vanished%', n - 100, deleted;
    END IF;
    IF n = 0 THEN
        RETURN;
    ELSIF purge THEN
        EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = ANY ($1)', target) USING gone;
        EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = ANY ($1)', articles) USING gone;
        DELETE FROM nvfacts.ingested_files c WHERE c.target = ingest_vanish.target AND c.path = ANY (gone);
    ELSE
        EXECUTE pg_catalog.format('UPDATE %s SET status = ''vanished'' WHERE doc = ANY ($1)', articles) USING gone;
        UPDATE nvfacts.ingested_files c SET status = 'vanished'
        WHERE c.target = ingest_vanish.target AND c.path = ANY (gone);
    END IF;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_vanish(regclass, text[], boolean) IS
'reports files gone from a server''s directory; purge deletes their facts and rows, else they are marked vanished';

-- The directory listed once and joined with the catalog once: returns the
-- files to read (new, changed by size or time, failed before, vanished
-- before, of an older generation, or checked within a second of their time: a
-- same-size rewrite in the same clock tick), counts the others unchanged, and
-- settles vanished files.  With purge, a listing without a single file is an
-- error: it is more often an unmounted directory than the end of every file.
-- (Dynamic statements: planned for the arrays at hand, never a generic plan.)
CREATE FUNCTION nvfacts.ingest_scan(run bigint, target regclass, purge boolean)
RETURNS TABLE (path text, bytes bigint, modified timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t nvfacts.ingest_targets;
    paths text[];
    sizes bigint[];
    times timestamptz[];
    gone text[];
    todo bigint;
BEGIN
    SELECT * INTO STRICT t FROM nvfacts.ingest_targets i WHERE i.target = ingest_scan.target;
    SELECT coalesce(pg_catalog.array_agg(f.path), '{}'), coalesce(pg_catalog.array_agg(f.bytes), '{}'),
           coalesce(pg_catalog.array_agg(f.modified), '{}')
    INTO paths, sizes, times FROM nvfacts.article_files(t.server) f;
    IF purge AND pg_catalog.cardinality(paths) = 0 AND EXISTS (SELECT FROM nvfacts.ingested_files c WHERE c.target = t.target) THEN
        RAISE EXCEPTION 'nvfacts.ingest: server "%" lists no article files; purge refused', t.server
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  DETAIL = pg_catalog.format('Purging would delete the facts of every file loaded into %s: a directory that lists nothing is more often unmounted or unreadable than emptied on purpose.', target),
                  HINT = pg_catalog.format('Check the directory: SELECT * FROM nvfacts.article_files(%L) lists what a run sees. Without purge, a run marks the files vanished and keeps their facts.', t.server);
    END IF;
    EXECUTE 'SELECT pg_catalog.array_agg(g.path ORDER BY g.path)
             FROM (SELECT c.path FROM nvfacts.ingested_files c WHERE c.target = $1 AND ($2 OR c.status <> ''vanished'')
                   EXCEPT SELECT pg_catalog.unnest($3)) g'
        INTO gone USING t.target, purge, paths;
    PERFORM nvfacts.ingest_vanish(t.target, gone, purge);
    RETURN QUERY EXECUTE
        'SELECT l.path, l.bytes, l.modified
         FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3)) l(path, bytes, modified)
         LEFT JOIN nvfacts.ingested_files c ON c.target = $4 AND c.path = l.path
         WHERE c.path IS NULL OR c.generation <> $5 OR c.status <> ''loaded'' OR c.bytes <> l.bytes
            OR c.modified <> l.modified OR c.checked_at < l.modified + interval ''1 second'''
        USING paths, sizes, times, t.target, t.generation;
    GET DIAGNOSTICS todo = ROW_COUNT;
    UPDATE nvfacts.ingest_runs r
    SET unchanged = pg_catalog.cardinality(paths) - todo, vanished = coalesce(pg_catalog.cardinality(gone), 0)
    WHERE r.run = ingest_scan.run;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_scan(bigint, regclass, boolean) IS
'lists a run''s directory once, joins the catalog once: the files to read; settles vanished files (purge refuses an empty listing)';

-- The files of a batch read and judged against the catalog: failed (cannot be
-- read), new (to this table: not in the catalog, or of an older generation),
-- unchanged (the same bytes as loaded or vanished before: a touched file) or
-- changed.
CREATE FUNCTION nvfacts.ingest_judge(t nvfacts.ingest_targets, paths text[], sizes bigint[], times timestamptz[])
RETURNS nvfacts.ingest_article[]
LANGUAGE sql
SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.array_agg(ROW(a.path, l.bytes, l.modified, a.sha256, a.published, a.title, a.encoding,
               a.body, a.error,
               CASE WHEN a.error IS NOT NULL THEN 'failed'
                    WHEN c.path IS NULL OR c.generation <> t.generation THEN 'new'
                    WHEN c.status <> 'failed' AND c.sha256 = a.sha256 THEN 'unchanged'
                    ELSE 'changed' END,
               NULL)::nvfacts.ingest_article ORDER BY l.i)
    FROM ROWS FROM (pg_catalog.unnest(paths), pg_catalog.unnest(sizes), pg_catalog.unnest(times))
         WITH ORDINALITY l(path, bytes, modified, i)
    JOIN nvfacts.ingest_read(t.server, paths) a ON a.path = l.path
    LEFT JOIN nvfacts.ingested_files c ON c.target = t.target AND c.path = l.path
$$;

COMMENT ON FUNCTION nvfacts.ingest_judge(nvfacts.ingest_targets, text[], bigint[], timestamptz[]) IS
'reads a batch of files and tells new, changed, unchanged (same bytes) and failed ones apart';

-- Writes the facts of a batch's new and changed files, their old facts (and
-- those of files that now fail) deleted first: one INSERT for the batch, or,
-- when it fails, the same INSERT file by file, a file whose facts cannot be
-- written then failing alone.  Returns the batch with each file's facts.
CREATE FUNCTION nvfacts.ingest_load(target regclass, arts nvfacts.ingest_article[])
RETURNS nvfacts.ingest_article[]
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cols text;
    fcols text;
    sql text;
    counts jsonb;
    one jsonb;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum),
           pg_catalog.string_agg('f.' || pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
    INTO cols, fcols FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'nvfacts.fact'::pg_catalog.regclass AND a.attnum > 1 AND NOT a.attisdropped;
    sql := pg_catalog.format($i$
        WITH ins AS (INSERT INTO %s (doc, %s, published, loaded_at)
                     SELECT a.path, %s, a.published, pg_catalog.now()
                     FROM pg_catalog.unnest($1) a, nvfacts.extract(a.body, a.published) f
                     WHERE a.kind IN ('new', 'changed')
                     RETURNING doc)
        SELECT coalesce(pg_catalog.jsonb_object_agg(n.doc, n.facts), '{}')
        FROM (SELECT ins.doc, pg_catalog.count(*) AS facts FROM ins GROUP BY ins.doc) n$i$, target, cols, fcols);
    EXECUTE pg_catalog.format('DELETE FROM %s WHERE doc = ANY ($1)', target)
        USING ARRAY(SELECT a.path FROM pg_catalog.unnest(arts) a WHERE a.kind <> 'unchanged');
    BEGIN
        EXECUTE sql INTO counts USING arts;
    EXCEPTION WHEN OTHERS THEN
        counts := '{}';
        FOR i IN 1 .. pg_catalog.cardinality(arts) LOOP
            CONTINUE WHEN arts[i].kind NOT IN ('new', 'changed');
            BEGIN
                EXECUTE sql INTO one USING ARRAY[arts[i]];
                counts := counts || one;
            EXCEPTION WHEN OTHERS THEN
                arts[i].kind := 'failed';
                arts[i].error := SQLERRM;
            END;
        END LOOP;
    END;
    FOR i IN 1 .. pg_catalog.cardinality(arts) LOOP
        arts[i].body := NULL;       -- read and loaded: not carried further
        arts[i].facts := CASE WHEN arts[i].kind IN ('new', 'changed') THEN coalesce((counts ->> arts[i].path)::int, 0)
                              WHEN arts[i].kind = 'failed' THEN 0 END;
    END LOOP;
    RETURN arts;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_load(regclass, nvfacts.ingest_article[]) IS
'writes the facts of a batch''s new and changed files into a facts table (old facts replaced); a file whose facts cannot be written fails alone';

-- What a batch leaves besides facts: a WARNING for each failed file, its rows
-- in the articles table and the catalog (unchanged files: their new size and
-- time, and loaded again if they had vanished).
CREATE FUNCTION nvfacts.ingest_record(t nvfacts.ingest_targets, arts nvfacts.ingest_article[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    articles text := nvfacts.sibling_name(t.target, '_articles');
    bad nvfacts.ingest_article;
BEGIN
    FOREACH bad IN ARRAY arts LOOP
        CONTINUE WHEN bad.kind <> 'failed';
        RAISE WARNING 'nvfacts.ingest: skipping article file "%": %', bad.path, bad.error;
    END LOOP;
    EXECUTE pg_catalog.format($a$
        INSERT INTO %s AS x (doc, title, published, encoding, bytes, facts, status, error, loaded_at)
        SELECT a.path, a.title, a.published, a.encoding, a.bytes, a.facts,
               CASE a.kind WHEN 'failed' THEN 'failed' ELSE 'loaded' END, a.error, pg_catalog.now()
        FROM pg_catalog.unnest($1) a WHERE a.kind <> 'unchanged'
        ON CONFLICT (doc) DO UPDATE
        SET title = EXCLUDED.title, published = EXCLUDED.published, encoding = EXCLUDED.encoding,
            bytes = EXCLUDED.bytes, facts = EXCLUDED.facts, status = EXCLUDED.status,
            error = EXCLUDED.error, loaded_at = EXCLUDED.loaded_at$a$, articles) USING arts;
    EXECUTE pg_catalog.format($a$
        UPDATE %s x SET status = 'loaded'
        FROM pg_catalog.unnest($1) a WHERE a.kind = 'unchanged' AND x.doc = a.path AND x.status <> 'loaded'$a$,
        articles) USING arts;
    INSERT INTO nvfacts.ingested_files AS c
        (target, path, bytes, modified, sha256, status, facts, error, loaded_at, checked_at, generation)
    SELECT t.target, a.path, a.bytes, a.modified, a.sha256, CASE a.kind WHEN 'failed' THEN 'failed' ELSE 'loaded' END,
           a.facts, a.error, pg_catalog.now(), pg_catalog.now(), t.generation
    FROM pg_catalog.unnest(arts) a WHERE a.kind <> 'unchanged'
    ON CONFLICT ON CONSTRAINT ingested_files_pkey DO UPDATE
    SET bytes = EXCLUDED.bytes, modified = EXCLUDED.modified, sha256 = EXCLUDED.sha256,
        status = EXCLUDED.status, facts = EXCLUDED.facts, error = EXCLUDED.error,
        loaded_at = EXCLUDED.loaded_at, checked_at = EXCLUDED.checked_at, generation = EXCLUDED.generation;
    UPDATE nvfacts.ingested_files c
    SET bytes = a.bytes, modified = a.modified, checked_at = pg_catalog.now(), status = 'loaded'
    FROM pg_catalog.unnest(arts) a
    WHERE a.kind = 'unchanged' AND c.target = t.target AND c.path = a.path;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_record(nvfacts.ingest_targets, nvfacts.ingest_article[]) IS
'writes a batch''s articles rows and catalog rows, and a WARNING for each file that failed';

-- One batch of a run: the server's lock taken again (after a COMMIT), the
-- files read, judged, loaded and recorded, the run's counts.  Returns the run.
CREATE FUNCTION nvfacts.ingest_batch(run bigint, target regclass, paths text[], sizes bigint[],
                                     times timestamptz[])
RETURNS nvfacts.ingest_runs
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t nvfacts.ingest_targets;
    arts nvfacts.ingest_article[];
    r nvfacts.ingest_runs;
BEGIN
    SELECT * INTO t FROM nvfacts.ingest_targets i WHERE i.target = ingest_batch.target;
    IF NOT FOUND OR NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = ingest_batch.target) THEN
        RAISE EXCEPTION 'nvfacts.ingest: the facts table of run % was dropped during the run', run
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM nvfacts.ingest_lock(t.server_oid, t.server, 'this run stops here, the batches it committed stay');
    arts := nvfacts.ingest_load(t.target, nvfacts.ingest_judge(t, paths, sizes, times));
    PERFORM nvfacts.ingest_record(t, arts);
    UPDATE nvfacts.ingest_runs i
    SET new = i.new + n.new, changed = i.changed + n.changed, unchanged = i.unchanged + n.unchanged,
        failed = i.failed + n.failed
    FROM (SELECT pg_catalog.count(*) FILTER (WHERE a.kind = 'new') AS new,
                 pg_catalog.count(*) FILTER (WHERE a.kind = 'changed') AS changed,
                 pg_catalog.count(*) FILTER (WHERE a.kind = 'unchanged') AS unchanged,
                 pg_catalog.count(*) FILTER (WHERE a.kind = 'failed') AS failed
          FROM pg_catalog.unnest(arts) a) n
    WHERE i.run = ingest_batch.run
    RETURNING i.* INTO STRICT r;
    RETURN r;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_batch(bigint, regclass, text[], bigint[], timestamptz[]) IS
'one batch of a run of nvfacts.ingest(): files read, facts written, catalog, articles and run rows updated';

-- A run's end: its status (succeeded, or failed when files failed) and summary.
CREATE FUNCTION nvfacts.ingest_end(run bigint) RETURNS nvfacts.ingest_runs
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r nvfacts.ingest_runs;
BEGIN
    UPDATE nvfacts.ingest_runs i
    SET finished = pg_catalog.clock_timestamp(), status = CASE WHEN i.failed > 0 THEN 'failed' ELSE 'succeeded' END
    WHERE i.run = ingest_end.run
    RETURNING i.* INTO STRICT r;
    RAISE NOTICE 'nvfacts.ingest: % new, % changed, % unchanged, % failed, % vanished',
        r.new, r.changed, r.unchanged, r.failed, r.vanished;
    RETURN r;
END $$;

COMMENT ON FUNCTION nvfacts.ingest_end(bigint) IS
'the end of a run of nvfacts.ingest(): status succeeded or failed (files failed), and the summary NOTICE';

-- The procedure: C (pg/ingest.c), so that it can COMMIT between batches when
-- called at top level (a PL/pgSQL procedure with SET search_path cannot); it
-- runs only the schema-qualified steps above, each pinned to
-- search_path = pg_catalog, pg_temp.
CREATE PROCEDURE nvfacts.ingest(server name, target text, purge boolean DEFAULT false,
                                reload boolean DEFAULT false, batch_files int DEFAULT 500,
                                fail_on_error boolean DEFAULT false)
    AS 'MODULE_PATHNAME', 'nvf_ingest'
    LANGUAGE C;

COMMENT ON PROCEDURE nvfacts.ingest(name, text, boolean, boolean, int, boolean) IS
'loads the new and changed article files of a nvfacts_fdw server into a facts table (schema.table, made if missing), committing every batch_files files when called at top level; runs of one server never overlap; failed files are retried every run; purge deletes the facts of vanished files (never on an empty listing); reload => true loads every file again; fail_on_error => true ends a run with failed files in an ERROR';
