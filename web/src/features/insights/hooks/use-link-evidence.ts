import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateEvidence } from '../../../lib/evidence';
import { createBacklogItem } from '../api/create-backlog-item';
import { createInsight } from '../api/create-insight';
import { linkBacklogEvidence } from '../api/link-backlog-evidence';
import { linkInsightEvidence } from '../api/link-insight-evidence';

export type LinkTargetType = 'insight' | 'backlogItem';
export type LinkTarget = { type: LinkTargetType; id: string; title: string };
/** Where evidence goes: a problem or backlog item that exists, or a new one (`id: null`) to create with this title first. */
export type LinkChoice = LinkTarget | { type: LinkTargetType; id: null; title: string };

/** The target of a link, created first when it is new (a new insight is a problem, as the picker offers it). */
async function resolveTarget(ws: string, choice: LinkChoice): Promise<LinkTarget> {
  if (choice.id !== null) return choice;
  const created = choice.type === 'insight' ? await createInsight(ws, { type: 'problem', title: choice.title }) : await createBacklogItem(ws, { title: choice.title });
  return { type: choice.type, id: created.id, title: created.title };
}

export type LinkEvidenceResult = { target: LinkTarget; linked: number; changed: number };

/**
 * Links highlights to a problem or backlog item. The highlights are asked for only now, once the
 * person confirmed: the Search page creates highlights for the sources selected at this point.
 */
export function useLinkEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ choice, getHighlightIds }: { choice: LinkChoice; getHighlightIds: () => Promise<string[]> }): Promise<LinkEvidenceResult> => {
      const target = await resolveTarget(ws, choice);
      const highlightIds = [...new Set(await getHighlightIds())];
      if (!highlightIds.length) throw new Error('There is nothing to link: select one or more highlights first.');
      const body = { highlightIds };
      const { changed } = target.type === 'insight' ? await linkInsightEvidence(ws, target.id, body) : await linkBacklogEvidence(ws, target.id, body);
      return { target, linked: highlightIds.length, changed };
    },
    // Settled, not only succeeded: a target created, or highlights made for sources, before a failed link are there all the same.
    // Awaited: the mutation settles (the toast, the picker closing) once the page's list and its
    // counts, separate queries, have both come back, so neither is seen behind the other.
    onSettled: () => invalidateEvidence(queryClient, ws),
  });
}

/** Links a problem (or opportunity, or solution) to a backlog item, either of which may be new: its evidence then counts for the item. */
export function useLinkInsightToBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ insight, backlogItem }: { insight: LinkChoice; backlogItem: LinkChoice }) => {
      const [insightTarget, backlogTarget] = [await resolveTarget(ws, insight), await resolveTarget(ws, backlogItem)];
      await linkBacklogEvidence(ws, backlogTarget.id, { insightIds: [insightTarget.id] });
      return { insight: insightTarget, backlogItem: backlogTarget };
    },
    onSettled: () => void invalidateEvidence(queryClient, ws),
  });
}
