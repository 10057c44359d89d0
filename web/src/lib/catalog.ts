import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { CatalogSchema, ProblemSchema, type Catalog, type Tag } from '@cairn/shared';
import { ApiError } from './api-client';
import type { CatalogEntry, CatalogEntryType, CatalogIndex, CatalogMatch, CatalogSearchOptions } from './catalog-index';

export type { CatalogEntry, CatalogEntryType, CatalogMatch };

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

type CatalogIndexModule = typeof import('./catalog-index');
let catalogIndexModule: Promise<CatalogIndexModule> | null = null;
/** Set once the chunk has arrived, so that a picker opened later indexes in its first render. */
let loadedCatalogIndexModule: CatalogIndexModule | undefined;

/**
 * MiniSearch and the index code are a chunk of their own, left out of the first load: no page
 * needs them to show, only the palette and the pickers to answer what is typed (ADR 006).
 */
function loadCatalogIndexModule(): Promise<CatalogIndexModule> {
  catalogIndexModule ??= import('./catalog-index').then(
    (loaded) => (loadedCatalogIndexModule = loaded),
    (error: unknown) => {
      // Fetched again by the next picker or palette that needs it.
      catalogIndexModule = null;
      throw error;
    },
  );
  return catalogIndexModule;
}

/** The index code is fetched once the page just drawn leaves the main thread idle, or after this at the latest. */
const IDLE_TIMEOUT_MS = 1_000;

function whenIdle(run: () => void): () => void {
  // Safari has no requestIdleCallback.
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = window.setTimeout(run);
  return () => window.clearTimeout(id);
}

/** The index code, fetched once there is a catalog to index and the page has been drawn. */
function useCatalogIndexModule(needed: boolean) {
  const [module, setModule] = useState<{ loaded?: CatalogIndexModule; error?: Error }>(() => ({ loaded: loadedCatalogIndexModule }));
  useEffect(() => {
    if (!needed || module.loaded) return;
    let live = true;
    const cancel = whenIdle(() =>
      loadCatalogIndexModule().then(
        (loaded) => live && setModule({ loaded }),
        (error: Error) => live && setModule({ error }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [needed, module.loaded]);
  return module;
}

/** One index per catalog object, shared by every picker and the palette mounted at the same time. */
const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf({ buildCatalogIndex, toCatalogEntries }: CatalogIndexModule, catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = buildCatalogIndex(toCatalogEntries(catalog))));
  return index;
}

/**
 * The catalog and its MiniSearch index, rebuilt only when the catalog really changed. Until the
 * index code has arrived, just after the catalog first loads, search finds nothing and the hook
 * is pending.
 */
export function useCatalogIndex(ws: string) {
  const catalog = useCatalog(ws);
  const module = useCatalogIndexModule(catalog.data !== undefined);
  const loaded = module.loaded;
  const index = useMemo(() => (catalog.data && loaded ? indexOf(loaded, catalog.data) : null), [catalog.data, loaded]);
  const search = useCallback(
    (query: string, options?: CatalogSearchOptions) => (index && loaded ? loaded.searchCatalog(index, query, options) : []),
    [index, loaded],
  );
  const indexing = catalog.data !== undefined && !index && !module.error;
  // What keeps the names from being searched: a failed refetch of a catalog still indexed keeps none.
  const error = index ? null : (catalog.error ?? module.error ?? null);
  return { catalog: catalog.data, isPending: catalog.isPending || indexing, error, search };
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
  /** The input's combobox attributes: the list it controls (shown while `listShown` and not empty), its active option, and the keys. */
  const comboboxProps = (listId: string, listShown = true) => {
    const shown = listShown && options.length > 0;
    return {
      role: 'combobox',
      'aria-expanded': shown,
      'aria-controls': listId,
      'aria-autocomplete': 'list' as const,
      'aria-activedescendant': shown ? `${listId}-${current}` : undefined,
      onKeyDown,
    };
  };
  return { active: current, setActive, onKeyDown, comboboxProps };
}
