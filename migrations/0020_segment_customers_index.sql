-- A segment's customers, with their ids in the index (docs/decisions/005-search.md, session 20).
-- A search with a segment filter finds the segment's customers company by company, once in each
-- of its statements; with the ids in the index that reads no customer rows: 3,726 customers of
-- 408 companies in 1.6 ms instead of 5.2.
DROP INDEX "customers_company_idx";--> statement-breakpoint
CREATE INDEX "customers_company_idx" ON "customers" USING btree ("workspace_id","company_id") INCLUDE ("id");
