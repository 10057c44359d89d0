import { INSIGHT_PARENT_TYPE, INSIGHT_TYPES, type BacklogStatus, type EvidenceImportance, type InsightStatus, type InsightType } from '@cairn/shared';

export const INSIGHT_STATUS_LABELS: Record<InsightStatus, string> = { draft: 'Draft', validated: 'Validated', archived: 'Archived' };

/** How much a quote matters where it is linked, least first, as the select lists them. */
export const EVIDENCE_IMPORTANCE_LABELS: Record<EvidenceImportance, string> = { nice_to_have: 'Nice to have', important: 'Important', critical: 'Critical' };

/** "critical", "nice to have": an importance inside a sentence. */
export const importanceInWords = (importance: EvidenceImportance) => EVIDENCE_IMPORTANCE_LABELS[importance].toLowerCase();

export const BACKLOG_STATUS_LABELS: Record<BacklogStatus, string> = { idea: 'Idea', planned: 'Planned', in_progress: 'In progress', shipped: 'Shipped', declined: 'Declined' };

/** The type that sits under `type` in the opportunity-solution tree (a problem's opportunities, an opportunity's solutions), if any. */
export function childTypeOf(type: InsightType): InsightType | null {
  return INSIGHT_TYPES.find((candidate) => INSIGHT_PARENT_TYPE[candidate] === type) ?? null;
}
