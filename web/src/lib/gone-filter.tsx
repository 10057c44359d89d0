import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { ApiError } from './api-client';

/** What each filter by id names, in words, for when it names nothing of this workspace. */
const GONE_FILTERS = { tagId: 'tag', insightId: 'problem', customerId: 'customer', companyId: 'company', importId: 'import' } as const;
export type GoneFilter = keyof typeof GONE_FILTERS;

/**
 * The filter a list's 404 names (`query.customerId`, server/src/db/filter-ids.ts): an id of
 * nothing in this workspace, a customer since erased or a company since merged, say, from a link
 * made before. Only the page's own filters (`keys`) count.
 */
export function goneFilterOf<K extends string>(error: unknown, keys: readonly K[]): Extract<K, GoneFilter> | undefined {
  if (!(error instanceof ApiError) || error.status !== 404) return undefined;
  const named = error.issues.map((issue) => issue.path.replace(/^query\./, ''));
  return keys.find((key): key is Extract<K, GoneFilter> => key in GONE_FILTERS && named.includes(key));
}

/**
 * What a filter by id calls what it filters to: its name in the catalog, else the name asked for,
 * else why there is none: `gone` for one this workspace does not have (404), `unknown` when asking failed.
 */
export function filterName(inCatalog: string | undefined, askedFor: { data?: string | undefined; error: unknown }, says: { gone: string; unknown: string }): string {
  if (inCatalog) return inCatalog;
  if (askedFor.data) return askedFor.data;
  if (askedFor.error instanceof ApiError && askedFor.error.status === 404) return says.gone;
  return askedFor.error ? says.unknown : 'Loading…';
}

type GoneFilterStateProps = {
  filter: GoneFilter;
  /** What the list holds, one and many: "highlight", "highlights". */
  items: { one: string; many: string };
  icon: string;
  /** Leaves the filter out. */
  onClear: () => void;
};

/** No row can match a filter by an id the workspace does not have: the list says why, with the way to every row. */
export function GoneFilterState({ filter, items, icon, onClear }: GoneFilterStateProps) {
  const what = GONE_FILTERS[filter];
  return (
    <EmptyState
      title={`The ${what} filtered to is not in this workspace`}
      icon={icon}
      action={
        <Button onClick={onClear}>
          Show {items.many} of any {what}
        </Button>
      }
    >
      It was deleted or merged since this link was made, or belongs to another workspace: no {items.one} here can match it.
    </EmptyState>
  );
}
