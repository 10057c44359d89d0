-- The search vocabulary (search_terms) follows every write to sources, whoever makes it:
-- statement-level triggers aggregate a whole batch (an import's multi-row insert, a COPY)
-- into one upsert. The words come from the already computed `search` tsvector (English stems),
-- so keeping the vocabulary costs no second pass over the text: about +15% on an insert,
-- where re-tokenising the text into plain words cost +130% (docs/decisions/005-search.md).
-- A source counts while it is outside the trash; edits move the counts of the stems they change.

CREATE FUNCTION search_vocabulary_stems(search tsvector) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT stem FROM unnest(tsvector_to_array(search)) AS stem WHERE length(stem) BETWEEN 3 AND 40
$$;
--> statement-breakpoint
CREATE FUNCTION search_terms_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted so that concurrent batches lock shared terms in the same order (no deadlocks).
  INSERT INTO search_terms AS t (workspace_id, term, doc_count)
  SELECT n.workspace_id, stem, count(*)::int
  FROM new_rows n CROSS JOIN LATERAL search_vocabulary_stems(n.search) AS stem
  WHERE n.deleted_at IS NULL
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (workspace_id, term) DO UPDATE SET doc_count = t.doc_count + excluded.doc_count, updated_at = now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION search_terms_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose text or trash state changed move counts: re-imports that change nothing cost nothing.
  INSERT INTO search_terms AS t (workspace_id, term, doc_count)
  SELECT changes.workspace_id, changes.stem, sum(changes.delta)::int
  FROM (
    SELECT n.workspace_id, stem, 1 AS delta
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL search_vocabulary_stems(n.search) AS stem
    WHERE n.deleted_at IS NULL AND (o.search <> n.search OR o.deleted_at IS NOT NULL)
    UNION ALL
    SELECT o.workspace_id, stem, -1 AS delta
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL search_vocabulary_stems(o.search) AS stem
    WHERE o.deleted_at IS NULL AND (o.search <> n.search OR n.deleted_at IS NOT NULL)
  ) AS changes
  GROUP BY 1, 2
  HAVING sum(changes.delta) <> 0
  ORDER BY 1, 2
  ON CONFLICT (workspace_id, term) DO UPDATE SET doc_count = greatest(t.doc_count + excluded.doc_count, 0), updated_at = now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_search_terms_insert AFTER INSERT ON sources
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_after_insert();
--> statement-breakpoint
CREATE TRIGGER sources_search_terms_update AFTER UPDATE ON sources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_after_update();
--> statement-breakpoint
-- Sources written before this migration.
INSERT INTO search_terms (workspace_id, term, doc_count)
SELECT s.workspace_id, stem, count(*)::int
FROM sources s CROSS JOIN LATERAL search_vocabulary_stems(s.search) AS stem
WHERE s.deleted_at IS NULL
GROUP BY 1, 2;
