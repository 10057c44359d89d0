import type { HighlightEvidenceLinks } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';

/** The problems and backlog items a source's highlights are evidence for, each named once, in words. */
export function evidenceTargets(links: readonly HighlightEvidenceLinks[]): string[] {
  const named = new Map<string, string>();
  for (const link of links) {
    for (const insight of link.insights) named.set(insight.id, `the ${INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase()} “${insight.title}”`);
    for (const item of link.backlogItems) named.set(item.id, `the backlog item “${item.externalKey ? `${item.externalKey} ` : ''}${item.title}”`);
  }
  return [...named.values()];
}
