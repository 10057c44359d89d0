-- Where an import's unchanged sources are (Import.unchangedFrom): counts per earlier import, kept in
-- a table of their own instead of the import's options (server/src/db/schema/evidence.ts).
CREATE TABLE "import_unchanged_from" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"earlier_import_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "import_unchanged_from_import_id_earlier_import_id_pk" PRIMARY KEY("import_id","earlier_import_id")
);
--> statement-breakpoint
ALTER TABLE "import_unchanged_from" ADD CONSTRAINT "import_unchanged_from_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_unchanged_from" ADD CONSTRAINT "import_unchanged_from_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_unchanged_from" ADD CONSTRAINT "import_unchanged_from_earlier_import_id_imports_id_fk" FOREIGN KEY ("earlier_import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_unchanged_from_earlier_idx" ON "import_unchanged_from" USING btree ("earlier_import_id");--> statement-breakpoint
-- Customers by evidence count live highlights per customer from this index (ADR 011).
CREATE INDEX "highlights_customer_live_idx" ON "highlights" USING btree ("workspace_id","source_customer_id") WHERE "highlights"."deleted_at" is null and "highlights"."source_deleted_at" is null and "highlights"."source_customer_id" is not null;--> statement-breakpoint
-- The counts imports kept in their options move here: earlier imports since deleted are left out,
-- as the API already left them out, and so is any entry that is not a whole count above 0.
INSERT INTO "import_unchanged_from" ("workspace_id", "import_id", "earlier_import_id", "count")
SELECT i.workspace_id, i.id, earlier.id, entry.count::int
FROM "imports" i
CROSS JOIN LATERAL (
  SELECT key, CASE WHEN jsonb_typeof(value) = 'number' THEN value::numeric END AS count
  FROM jsonb_each(CASE WHEN jsonb_typeof(i.options -> 'unchangedFrom') = 'object' THEN i.options -> 'unchangedFrom' END)
) AS entry
JOIN "imports" earlier ON earlier.workspace_id = i.workspace_id AND earlier.id::text = entry.key AND earlier.id <> i.id
WHERE entry.count > 0 AND entry.count = trunc(entry.count);
--> statement-breakpoint
UPDATE "imports" SET "options" = "options" - 'unchangedFrom' WHERE "options" ? 'unchangedFrom';