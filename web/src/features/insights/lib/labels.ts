import { INSIGHT_PARENT_TYPE, INSIGHT_TYPES, type BacklogStatus, type InsightStatus, type InsightType } from '@cairn/shared';

export const INSIGHT_STATUS_LABELS: Record<InsightStatus, string> = { draft: 'Draft', validated: 'Validated', archived: 'Archived' };

export const BACKLOG_STATUS_LABELS: Record<BacklogStatus, string> = { idea: 'Idea', planned: 'Planned', in_progress: 'In progress', shipped: 'Shipped', declined: 'Declined' };

/** The type that sits under `type` in the opportunity-solution tree (a problem's opportunities, an opportunity's solutions), if any. */
export function childTypeOf(type: InsightType): InsightType | null {
  return INSIGHT_TYPES.find((candidate) => INSIGHT_PARENT_TYPE[candidate] === type) ?? null;
}
