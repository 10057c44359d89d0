ALTER TABLE "highlights" ADD COLUMN "tag_refs" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
-- Highlights written before this migration.
UPDATE "highlights" h SET "tag_refs" = refs.tag_refs
FROM (
  SELECT ht.highlight_id, json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'group', t.group_name) ORDER BY lower(t.name)) AS tag_refs
  FROM "highlight_tags" ht JOIN "tags" t ON t.id = ht.tag_id
  GROUP BY ht.highlight_id
) refs
WHERE refs.highlight_id = h.id;
