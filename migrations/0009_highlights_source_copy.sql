ALTER TABLE "highlights" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "highlights" ADD COLUMN "source_occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "highlights" ADD COLUMN "source_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "highlights" ADD COLUMN "source_deleted_at" timestamp with time zone;--> statement-breakpoint
-- A highlight carries a copy of its source's kind, date, customer and trash time, so that a
-- search filters highlights while it scans them instead of joining each one to its source
-- (docs/decisions/005-search.md, session 6). Triggers keep the copy: a new highlight (or one
-- moved to another source) takes its source's values, and a change to a source passes on to its
-- highlights, whatever statement made it (an edit, a re-import, a customer merge, the trash, or
-- ON DELETE SET NULL of a deleted customer).
-- The source row is share-locked, as the API's own insert does: a concurrent edit or trash of the
-- source waits for this transaction, and then its own trigger sees the new highlight. The API's
-- insert writes the copies itself from the row it locked; the WHEN condition then skips the call.
CREATE FUNCTION highlights_copy_source() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT s.kind, s.occurred_at, s.customer_id, s.deleted_at
  INTO NEW.source_kind, NEW.source_occurred_at, NEW.source_customer_id, NEW.source_deleted_at
  FROM sources s WHERE s.id = NEW.source_id
  FOR SHARE;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER highlights_copy_source BEFORE INSERT ON highlights
  FOR EACH ROW WHEN (NEW.source_kind IS NULL) EXECUTE FUNCTION highlights_copy_source();
--> statement-breakpoint
CREATE TRIGGER highlights_copy_moved_source BEFORE UPDATE OF source_id ON highlights
  FOR EACH ROW WHEN (OLD.source_id IS DISTINCT FROM NEW.source_id) EXECUTE FUNCTION highlights_copy_source();
--> statement-breakpoint
CREATE FUNCTION sources_copy_to_highlights() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE highlights h
  SET source_kind = n.kind, source_occurred_at = n.occurred_at, source_customer_id = n.customer_id, source_deleted_at = n.deleted_at
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE h.workspace_id = n.workspace_id AND h.source_id = n.id
    AND (n.kind, n.occurred_at, n.customer_id, n.deleted_at) IS DISTINCT FROM (o.kind, o.occurred_at, o.customer_id, o.deleted_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_copy_to_highlights AFTER UPDATE ON sources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sources_copy_to_highlights();
--> statement-breakpoint
UPDATE highlights h
SET source_kind = s.kind, source_occurred_at = s.occurred_at, source_customer_id = s.customer_id, source_deleted_at = s.deleted_at
FROM sources s WHERE s.id = h.source_id;
