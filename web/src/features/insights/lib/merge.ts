import type { InsightMerge, InsightType, MergeInsightPreview } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { childTypeOf } from './labels';

/** What a merge moves (with, before it, how much of it the kept insight has already), or what restoring a merged insight takes back. */
export type MergeCounts = Pick<InsightMerge, 'highlights' | 'backlogItems' | 'children'> & Partial<Pick<MergeInsightPreview, 'highlightsAlreadyThere' | 'backlogItemsAlreadyThere'>>;

/** " (3 of them already there)": how many of what moves the kept insight has already, where it will count once. */
function alreadyThere(count: number, there = 0): string {
  if (!there) return '';
  if (there < count) return ` (${there.toLocaleString('en')} of them already there)`;
  return count === 1 ? ' (already there)' : ' (all already there)';
}

/** What a merge of an insight of this type moves, children named by the type under it: only what there is. */
function mergeMoves(type: InsightType, counts: MergeCounts): Array<{ count: number; words: string }> {
  const childType = childTypeOf(type);
  const moves = [
    { count: counts.highlights, words: countOf(counts.highlights, 'highlight') + alreadyThere(counts.highlights, counts.highlightsAlreadyThere) },
    { count: counts.backlogItems, words: countOf(counts.backlogItems, 'backlog link') + alreadyThere(counts.backlogItems, counts.backlogItemsAlreadyThere) },
  ];
  if (childType) moves.push({ count: counts.children, words: countOf(counts.children, INSIGHT_TYPE_LABELS[childType].one.toLowerCase(), INSIGHT_TYPE_LABELS[childType].many.toLowerCase()) });
  return moves.filter((move) => move.count > 0);
}

/** "12 highlights (3 of them already there), 2 backlog links and 1 opportunity"; empty when nothing moves. */
export function describeMergeMoves(type: InsightType, counts: MergeCounts): string {
  const words = mergeMoves(type, counts).map((move) => move.words);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

/** The confirm step of a merge: what moves from `name` to `survivorName`, or that nothing does. */
export function describeMergeConfirm(type: InsightType, counts: MergeCounts, name: string, survivorName: string): string {
  const moves = mergeMoves(type, counts);
  if (!moves.length) return `Nothing backs “${name}” yet: nothing moves to “${survivorName}”.`;
  const verb = moves.length === 1 && moves[0]!.count === 1 ? 'moves' : 'move';
  return `${describeMergeMoves(type, counts)} ${verb} from “${name}” to “${survivorName}”.`;
}

/**
 * What restoring a merged insight does, said in the trash: takes back what it gave, or waits until
 * the insight it was merged into is restored from its own merge (the server answers 409 until then).
 */
export function describeMergeUndo(type: InsightType, merge: InsightMerge): string {
  const into = `“${merge.into.title}”`;
  if (merge.intoMergedSince) return `Merged into ${into}, which has since been merged too: restore ${into} first`;
  const moves = describeMergeMoves(type, merge);
  return moves ? `Restoring puts back the ${moves} it gave to ${into}` : `Merged into ${into}; restoring takes nothing back from it`;
}
