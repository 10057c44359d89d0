import type { InsightDetail } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { childTypeOf } from './labels';

/** "3 highlights, 2 backlog links and 1 opportunity": what merging an insight moves, as its page counts it. */
export function describeMergeMoves(insight: Pick<InsightDetail, 'type' | 'evidenceCount' | 'backlogItems' | 'children'>): string {
  const childType = childTypeOf(insight.type);
  const parts = [countOf(insight.evidenceCount, 'highlight'), countOf(insight.backlogItems.length, 'backlog link')];
  if (childType) parts.push(countOf(insight.children.length, INSIGHT_TYPE_LABELS[childType].one.toLowerCase(), INSIGHT_TYPE_LABELS[childType].many.toLowerCase()));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
