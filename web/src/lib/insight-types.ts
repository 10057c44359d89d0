import type { InsightType } from '@cairn/shared';

/** How each kind of insight is named wherever insights are listed, created or linked. */
export const INSIGHT_TYPE_LABELS: Record<InsightType, { one: string; many: string; icon: string }> = {
  problem: { one: 'Problem', many: 'Problems', icon: '◆' },
  opportunity: { one: 'Opportunity', many: 'Opportunities', icon: '◇' },
  solution: { one: 'Solution', many: 'Solutions', icon: '✦' },
};
