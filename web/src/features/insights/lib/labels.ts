import { INSIGHT_PARENT_TYPE, INSIGHT_TYPES, type BacklogStatus, type InsightStatus, type InsightType } from '@cairn/shared';

/** How each kind of insight is named wherever insights are listed, created or linked. */
export const INSIGHT_TYPE_LABELS: Record<InsightType, { one: string; many: string; icon: string }> = {
  problem: { one: 'Problem', many: 'Problems', icon: '◆' },
  opportunity: { one: 'Opportunity', many: 'Opportunities', icon: '◇' },
  solution: { one: 'Solution', many: 'Solutions', icon: '✦' },
};

export const INSIGHT_STATUS_LABELS: Record<InsightStatus, string> = { draft: 'Draft', validated: 'Validated', archived: 'Archived' };

export const BACKLOG_STATUS_LABELS: Record<BacklogStatus, string> = { idea: 'Idea', planned: 'Planned', in_progress: 'In progress', shipped: 'Shipped', declined: 'Declined' };

/** The type that sits under `type` in the opportunity-solution tree (a problem's opportunities, an opportunity's solutions), if any. */
export function childTypeOf(type: InsightType): InsightType | null {
  return INSIGHT_TYPES.find((candidate) => INSIGHT_PARENT_TYPE[candidate] === type) ?? null;
}

/** `1 highlight`, `3 highlights`. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
