-- Orders of lists, read from indexes instead of sorted (session 21):
-- * a customer's sources newest first, for the customers list by latest source and a profile's
--   sources; it starts with (workspace_id, customer_id), so it replaces sources_customer_idx. Not
--   partial on live rows: such an index matched a search's candidate window, which the planner
--   then read through it instead of in table order (docs/decisions/005-search.md).
-- * the highlights trash newest first: a page took 160–290 ms with ~10k trashed highlights, 8–29 ms with it.
DROP INDEX "sources_customer_idx";--> statement-breakpoint
CREATE INDEX "sources_customer_occurred_idx" ON "sources" USING btree ("workspace_id","customer_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "highlights_trash_order_idx" ON "highlights" USING btree ("workspace_id","deleted_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "highlights"."deleted_at" is not null;