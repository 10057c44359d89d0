CREATE TABLE "purges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"list" text,
	"trashed_before" timestamp with time zone,
	"customer_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"deleted" jsonb DEFAULT '{"sources":0,"highlights":0,"insights":0,"backlogItems":0,"evidenceLinks":0}'::jsonb NOT NULL,
	"failure" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "trash_retention_starts_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "purges" ADD CONSTRAINT "purges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purges" ADD CONSTRAINT "purges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purges_workspace_created_idx" ON "purges" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "purges_one_live_key" ON "purges" USING btree ("workspace_id") WHERE "purges"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "sources_trashed_idx" ON "sources" USING btree ("workspace_id","deleted_at") WHERE "sources"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "highlights_source_fk_idx" ON "highlights" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "backlog_highlights_highlight_fk_idx" ON "backlog_highlights" USING btree ("highlight_id");--> statement-breakpoint
CREATE INDEX "insight_highlights_highlight_fk_idx" ON "insight_highlights" USING btree ("highlight_id");--> statement-breakpoint
CREATE INDEX "cluster_members_highlight_fk_idx" ON "cluster_members" USING btree ("highlight_id") WHERE "cluster_members"."highlight_id" is not null;--> statement-breakpoint
CREATE INDEX "cluster_members_source_fk_idx" ON "cluster_members" USING btree ("source_id") WHERE "cluster_members"."source_id" is not null;--> statement-breakpoint
-- Deleting for good (docs/decisions/019-deleting-for-good.md). The vocabulary (search_terms,
-- migrations 0003 and 0005) followed inserts and updates of sources, never a delete: until now
-- nothing deleted a source. A source deleted outside the trash (a customer erased) takes its
-- stems' counts with it; one deleted from the trash left the counts when it was trashed.
CREATE FUNCTION search_terms_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_search_term_changes();
  INSERT INTO pg_temp.search_term_changes (workspace_id, term, delta)
  SELECT o.workspace_id, stem, -count(*)::int
  FROM old_rows o CROSS JOIN LATERAL search_vocabulary_stems(o.search) AS stem
  WHERE o.deleted_at IS NULL
  GROUP BY 1, 2;
  PERFORM fold_search_term_changes_unless_deferred();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_search_terms_delete AFTER DELETE ON sources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_after_delete();
--> statement-breakpoint
-- The vocabulary holds the words of live sources only: a term whose count falls to zero is
-- deleted rather than kept at 0, so that an erased customer's words leave the database, not
-- just the suggestions. A term only losing sources is never inserted: it is there already, or
-- its workspace is being deleted (whose cascade would otherwise insert it again).
CREATE OR REPLACE FUNCTION fold_search_term_changes() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM open_search_term_changes();
  -- Sorted so that concurrent transactions lock shared terms in the same order (no deadlocks).
  INSERT INTO search_terms AS t (workspace_id, term, doc_count)
  SELECT c.workspace_id, c.term, sum(c.delta)::int
  FROM pg_temp.search_term_changes c
  GROUP BY 1, 2
  HAVING sum(c.delta) > 0
    OR (sum(c.delta) < 0 AND EXISTS (SELECT 1 FROM search_terms s WHERE s.workspace_id = c.workspace_id AND s.term = c.term))
  ORDER BY 1, 2
  ON CONFLICT (workspace_id, term) DO UPDATE SET doc_count = greatest(t.doc_count + excluded.doc_count, 0), updated_at = now();
  -- The rows counted down are locked by the statement above already.
  DELETE FROM search_terms t
  USING (SELECT DISTINCT workspace_id, term FROM pg_temp.search_term_changes WHERE delta < 0) c
  WHERE t.workspace_id = c.workspace_id AND t.term = c.term AND t.doc_count <= 0;
  DELETE FROM pg_temp.search_term_changes;
END
$$;
--> statement-breakpoint
-- Terms a trash left at zero before this.
DELETE FROM search_terms WHERE doc_count <= 0;
