import { sql, type SQL } from 'drizzle-orm';
import { EVIDENCE_IMPORTANCE_WEIGHTS, type EvidenceImportance } from '@cairn/shared';

/**
 * The weight of a link's importance in SQL (`EVIDENCE_IMPORTANCE_WEIGHTS`), for the backlog
 * score and for choosing the highest of several links. Written out from the constant, so the
 * weights live in one place.
 */
export function importanceWeight(importance: SQL): SQL<number> {
  const cases = Object.entries(EVIDENCE_IMPORTANCE_WEIGHTS).map(([name, weight]) => sql`when ${name} then ${sql.raw(String(weight))}::float8`);
  return sql<number>`(case ${importance} ${sql.join(cases, sql` `)} end)`;
}

/**
 * How much a highlight matters to a backlog item (ADR 009): the importance of its own link to the
 * item when it has one — the item's own judgement — else the highest of the links that bring it
 * through the item's insights outside the trash. `highlightId` and `itemId` are SQL expressions.
 */
export function backlogImportanceOf(workspaceId: string, itemId: SQL, highlightId: SQL): SQL<EvidenceImportance> {
  return sql<EvidenceImportance>`coalesce(
    (select bh.importance from backlog_highlights bh where bh.backlog_item_id = ${itemId} and bh.highlight_id = ${highlightId}),
    (select ih.importance from backlog_insights bi
      join insights i on i.id = bi.insight_id and i.deleted_at is null
      join insight_highlights ih on ih.insight_id = bi.insight_id and ih.highlight_id = ${highlightId}
      where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${itemId}
      order by ${importanceWeight(sql`ih.importance`)} desc limit 1))`;
}
