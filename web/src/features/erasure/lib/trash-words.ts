import { countOf, describePurgeCounts, type CustomerErasure, type Purge, type TrashList, type TrashRetention, type TrashSummary } from '@cairn/shared';

/** How many things Empty trash deletes from one trash: a trashed source counts once, its highlights with it. */
export function itemsInTrash(list: TrashList, counts: TrashSummary['counts']): number {
  if (list === 'sources') return counts.sources + counts.highlights;
  return counts[list];
}

/**
 * What emptying one trash deletes, in words: "12 sources, with their highlights, and 3 highlights
 * trashed on their own (in Highlights → Trash)". The Inbox's trash lists no highlights, so it says
 * where those it takes are listed.
 */
export function describeTrash(list: TrashList, counts: TrashSummary['counts']): string {
  const its = (count: number) => (count === 1 ? 'its' : 'their');
  switch (list) {
    case 'sources': {
      const sources = counts.sources ? `${countOf(counts.sources, 'source')}, with ${its(counts.sources)} highlights` : '';
      const highlights = counts.highlights ? `${countOf(counts.highlights, 'highlight')} trashed on ${its(counts.highlights)} own (in Highlights → Trash)` : '';
      return [sources, highlights].filter(Boolean).join(', and ');
    }
    case 'highlights':
      return `${countOf(counts.highlights, 'highlight')}, with ${its(counts.highlights)} tags and evidence links`;
    case 'insights':
      return countOf(counts.insights, 'problem, opportunity or solution', 'problems, opportunities and solutions');
    case 'backlogItems':
      return countOf(counts.backlogItems, 'backlog item');
  }
}

/** How long the trash keeps things, as the trash views say it. */
export function describeRetention(retention: TrashRetention | null): string {
  if (!retention) return 'The trash keeps everything until an admin deletes it forever.';
  return `Everything in the trash is deleted for good ${countOf(retention.days, 'day')} after it was trashed.`;
}

const PURGE_DOING: Record<Purge['reason'], string> = {
  empty_trash: 'Emptying the trash',
  retention: 'Deleting what was in the trash too long',
  erase_customer: 'Erasing a customer',
};

/** What a purge under way is doing, beside its progress bar: "Emptying the trash: 120 sources and 300 highlights deleted so far". */
export function describePurgeProgress(purge: Purge): string {
  const what = PURGE_DOING[purge.reason];
  const counts = describePurgeCounts(purge.deleted);
  return counts === 'nothing' ? `${what}…` : `${what}: ${counts} deleted so far`;
}

/**
 * What goes, in words: "This deletes for good 4 sources (1 of them in the trash) and the 9
 * highlights made in them, with their 3 evidence links to 2 problems and 1 backlog item."
 */
export function describeErasure(plan: CustomerErasure): string {
  if (!plan.sources) return 'They have no sources: only the customer goes.';
  const sources = `${countOf(plan.sources, 'source')}${plan.trashedSources ? ` (${plan.trashedSources} of them in the trash)` : ''}`;
  const highlights = plan.highlights ? ` and the ${countOf(plan.highlights, 'highlight')} made in ${plan.sources === 1 ? 'it' : 'them'}` : '';
  const backed = [plan.insights && countOf(plan.insights, 'problem'), plan.backlogItems && countOf(plan.backlogItems, 'backlog item')].filter(Boolean).join(' and ');
  const links = plan.evidenceLinks ? `, with their ${countOf(plan.evidenceLinks, 'evidence link')}${backed ? ` to ${backed}` : ''}` : '';
  return `This deletes for good ${sources}${highlights}${links}.`;
}
