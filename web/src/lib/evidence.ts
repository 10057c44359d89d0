import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { catalogKey } from './catalog';

/**
 * Every cached query that shows or counts sources, highlights, tags, insights or backlog items,
 * by key prefix (query keys start with the resource and the workspace). One list, so that a
 * write cannot refresh some pages and leave others stale.
 */
export function evidenceQueryKeys(ws: string): QueryKey[] {
  return [
    // Inbox and customer source lists, the reader's source, j/k neighbours (not the triage queue, which keeps its own pages: see list-untriaged-sources.ts).
    ['sources', ws],
    // The Highlights page and a customer's highlights.
    ['highlights', ws],
    // The codebook with its usage counts.
    ['tags', ws],
    // Results carry tags, customers and snippets.
    ['search', ws],
    // Evidence counts on the customer list and profiles; customers' names on sources.
    ['customers', ws],
    // Company pages: their customers and evidence counted, and the problems and backlog items that evidence backs.
    ['companies', ws],
    // Problems and their evidence and customer counts: a highlight trashed or restored changes them too.
    ['insights', ws],
    // Evidence scores, which rank the backlog, and the problems linked to each item.
    ['backlog-items', ws],
    // Cluster runs show their members' texts, sizes outside the trash, and the problem each cluster was promoted to.
    ['cluster-runs', ws],
    // Names behind every picker (tags, problems, backlog items), tag usage counts, the triage keys and the palette.
    catalogKey(ws),
    // What each trash holds, counted above it.
    ['trash', ws],
  ];
}

/** After a write answered with the object's new state: shows it at once under `key`, then lets the rest catch up. */
export function applyEvidenceWrite<T>(queryClient: QueryClient, ws: string, key: QueryKey, data: T): Promise<void> {
  queryClient.setQueryData(key, data);
  return invalidateEvidence(queryClient, ws, { keep: key });
}

/**
 * After evidence changed (a source, a highlight, a tag, a customer, an import, an insight, a
 * backlog item, a link between them): marks every query that depends on it stale; the ones on
 * screen refetch. `keep` names one query already brought up to date from the response (the
 * open source), which need not be fetched again.
 */
export function invalidateEvidence(queryClient: QueryClient, ws: string, options: { keep?: QueryKey } = {}): Promise<void> {
  const kept = options.keep ? hashKey(options.keep) : null;
  const predicate = kept ? (query: { queryHash: string }) => query.queryHash !== kept : undefined;
  return Promise.all(evidenceQueryKeys(ws).map((queryKey) => queryClient.invalidateQueries({ queryKey, predicate }))).then(() => undefined);
}
