-- Customers known by nothing but a name are matched by that name, so there is one per name and
-- workspace. Before this index, two imports running at once could each create one: those
-- duplicates are merged into the oldest (their sources move to it) before the index is built.
CREATE TEMP TABLE customer_name_duplicates ON COMMIT DROP AS
SELECT id, keep FROM (
  SELECT id, first_value(id) OVER (PARTITION BY workspace_id, lower(name) ORDER BY created_at, id) AS keep
  FROM customers
  WHERE email IS NULL AND external_id IS NULL AND name IS NOT NULL
) ranked
WHERE id <> keep;
--> statement-breakpoint
UPDATE sources s SET customer_id = d.keep FROM customer_name_duplicates d WHERE s.customer_id = d.id;
--> statement-breakpoint
DELETE FROM customers c USING customer_name_duplicates d WHERE c.id = d.id;
--> statement-breakpoint
CREATE UNIQUE INDEX "customers_name_only_key" ON "customers" USING btree ("workspace_id",lower("name")) WHERE "customers"."email" is null and "customers"."external_id" is null and "customers"."name" is not null;
