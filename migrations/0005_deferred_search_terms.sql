-- The vocabulary triggers now stage their changes in a temporary table and fold them into
-- search_terms at once, unless the transaction set `cairn.defer_search_terms` to `on`: then the
-- changes wait in the table until the transaction calls fold_search_term_changes(). An import
-- writes two batches side by side and commits them in file order (docs/decisions/006): a batch
-- that waits for the one before must not hold search_terms rows the other needs.
-- Unfolded changes vanish with the transaction (ON COMMIT DELETE ROWS), never into another one.

CREATE FUNCTION open_search_term_changes() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.search_term_changes') IS NULL THEN
    CREATE TEMP TABLE search_term_changes (workspace_id uuid NOT NULL, term text NOT NULL, delta int NOT NULL) ON COMMIT DELETE ROWS;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION fold_search_term_changes() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_search_term_changes();
  -- Sorted so that concurrent transactions lock shared terms in the same order (no deadlocks).
  INSERT INTO search_terms AS t (workspace_id, term, doc_count)
  SELECT c.workspace_id, c.term, sum(c.delta)::int
  FROM pg_temp.search_term_changes c
  GROUP BY 1, 2
  HAVING sum(c.delta) <> 0
  ORDER BY 1, 2
  ON CONFLICT (workspace_id, term) DO UPDATE SET doc_count = greatest(t.doc_count + excluded.doc_count, 0), updated_at = now();
  DELETE FROM pg_temp.search_term_changes;
END
$$;
--> statement-breakpoint
CREATE FUNCTION fold_search_term_changes_unless_deferred() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cairn.defer_search_terms', true) IS DISTINCT FROM 'on' THEN
    PERFORM fold_search_term_changes();
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_terms_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_search_term_changes();
  INSERT INTO pg_temp.search_term_changes (workspace_id, term, delta)
  SELECT n.workspace_id, stem, count(*)::int
  FROM new_rows n CROSS JOIN LATERAL search_vocabulary_stems(n.search) AS stem
  WHERE n.deleted_at IS NULL
  GROUP BY 1, 2;
  PERFORM fold_search_term_changes_unless_deferred();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_terms_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_search_term_changes();
  -- Only rows whose text or trash state changed move counts: re-imports that change nothing cost nothing.
  INSERT INTO pg_temp.search_term_changes (workspace_id, term, delta)
  SELECT n.workspace_id, stem, 1
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL search_vocabulary_stems(n.search) AS stem
  WHERE n.deleted_at IS NULL AND (o.search <> n.search OR o.deleted_at IS NOT NULL)
  UNION ALL
  SELECT o.workspace_id, stem, -1
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  CROSS JOIN LATERAL search_vocabulary_stems(o.search) AS stem
  WHERE o.deleted_at IS NULL AND (o.search <> n.search OR n.deleted_at IS NOT NULL);
  PERFORM fold_search_term_changes_unless_deferred();
  RETURN NULL;
END
$$;
