import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { CatalogSchema, ProblemSchema, type Catalog, type Tag } from '@cairn/shared';
import { ApiError } from './api-client';
import { buildCatalogIndex, searchCatalog, toCatalogEntries, type CatalogEntry, type CatalogEntryType, type CatalogIndex, type CatalogSearchOptions } from './catalog-index';

export type { CatalogEntry, CatalogEntryType };

export const catalogKey = (ws: string) => ['catalog', ws] as const;

type CatalogData = { catalog: Catalog; etag: string | null };

/**
 * Revalidates with the ETag of what we hold: an unchanged catalog costs a 304 and returns the
 * same object, so nothing downstream (above all the index) is rebuilt.
 */
async function fetchCatalog(ws: string, previous: CatalogData | undefined): Promise<CatalogData> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  const response = await fetch(`/api/workspaces/${ws}/catalog`, { headers, credentials: 'same-origin' });
  if (response.status === 304 && previous) return previous;
  if (!response.ok) {
    const problem = ProblemSchema.safeParse(await response.json().catch(() => null));
    if (problem.success) throw new ApiError(problem.data.status, problem.data.code, problem.data.detail, problem.data.errors);
    throw new ApiError(response.status, 'internal', response.statusText || 'Could not load the catalog');
  }
  return { catalog: CatalogSchema.parse(await response.json()), etag: response.headers.get('etag') };
}

/**
 * Offers a tag just created everywhere at once (pickers, `t` in the reader, the palette), before
 * the catalog is fetched again: pressing t right after creating a tag must apply it.
 */
export function addTagToCatalog(queryClient: QueryClient, ws: string, tag: Tag) {
  queryClient.setQueryData<CatalogData>(catalogKey(ws), (data) => data && { ...data, catalog: { ...data.catalog, tags: [...data.catalog.tags.filter((t) => t.id !== tag.id), tag] } });
}

/** Loaded once per workspace, revalidated on focus and after writes that change names (`refreshCatalog`). */
export function useCatalog(ws: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: catalogKey(ws),
    queryFn: () => fetchCatalog(ws, queryClient.getQueryData<CatalogData>(catalogKey(ws))),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    select: (data) => data.catalog,
  });
}

/** After creating, renaming, merging or deleting something the catalog names. */
export function refreshCatalog(queryClient: QueryClient, ws: string) {
  return queryClient.invalidateQueries({ queryKey: catalogKey(ws) });
}

/** One index per catalog object, shared by every picker and the palette mounted at the same time. */
const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = buildCatalogIndex(toCatalogEntries(catalog))));
  return index;
}

/** The catalog and its MiniSearch index, rebuilt only when the catalog really changed. */
export function useCatalogIndex(ws: string) {
  const catalog = useCatalog(ws);
  const index = useMemo(() => (catalog.data ? indexOf(catalog.data) : null), [catalog.data]);
  const search = useCallback(
    (query: string, options?: CatalogSearchOptions) => (index ? searchCatalog(index, query, options) : []),
    [index],
  );
  return { catalog: catalog.data, isPending: catalog.isPending, error: catalog.error, search };
}

/** Tags by how often they are used, most used first: the default list of a tag picker and the triage keys. */
export function frequentTags(catalog: Catalog | undefined, limit: number) {
  return [...(catalog?.tags ?? [])].sort((a, b) => (b.usageCount ?? 0) - (a.usageCount ?? 0) || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * Arrow keys, Enter and Escape for a combobox whose options are rendered by the caller
 * (the palette, the tag popover): one keyboard behaviour for every catalog picker.
 */
export function useListNavigation<Option>(options: Option[], onPick: (option: Option) => void, onEscape: () => void) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, options.length - 1));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(1, options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[current];
      if (option !== undefined) onPick(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    }
  };
  return { active: current, setActive, onKeyDown };
}
