import type { InsightMerge, InsightType } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { childTypeOf } from './labels';

/** What a merge moves, or what restoring a merged insight takes back. */
export type MergeCounts = Pick<InsightMerge, 'highlights' | 'backlogItems' | 'children'>;

/** "3 highlights, 2 backlog links and 1 opportunity": what a merge of an insight of this type moves, children named by the type under it. */
export function describeMergeMoves(type: InsightType, counts: MergeCounts): string {
  const childType = childTypeOf(type);
  const parts = [countOf(counts.highlights, 'highlight'), countOf(counts.backlogItems, 'backlog link')];
  if (childType) parts.push(countOf(counts.children, INSIGHT_TYPE_LABELS[childType].one.toLowerCase(), INSIGHT_TYPE_LABELS[childType].many.toLowerCase()));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * What restoring a merged insight does, said in the trash: takes back what it gave, or waits until
 * the insight it was merged into is restored from its own merge (the server answers 409 until then).
 */
export function describeMergeUndo(type: InsightType, merge: InsightMerge): string {
  const into = `“${merge.into.title}”`;
  if (merge.intoMergedSince) return `Merged into ${into}, which has since been merged too: restore ${into} first`;
  return `Restoring puts back the ${describeMergeMoves(type, merge)} it gave to ${into}`;
}
