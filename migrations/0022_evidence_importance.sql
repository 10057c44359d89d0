-- How much a highlight matters where it is linked, weighing the backlog score (docs/decisions/009-insights-and-backlog.md);
-- existing links are important. A constant default: PostgreSQL adds the column without rewriting the tables.
ALTER TABLE "backlog_highlights" ADD COLUMN "importance" text DEFAULT 'important' NOT NULL;--> statement-breakpoint
ALTER TABLE "insight_highlights" ADD COLUMN "importance" text DEFAULT 'important' NOT NULL;