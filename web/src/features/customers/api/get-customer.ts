import { queryOptions, useQuery } from '@tanstack/react-query';
import { CustomerDetailSchema, customerName } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { filterName } from '../../../lib/gone-filter';

export const customerKey = (ws: string, id: string) => ['customers', ws, id] as const;

/** A customer's profile query, for pages that only need part of it (`select`) to share its cache. */
export const customerQueryOptions = (ws: string, id: string) =>
  queryOptions({ queryKey: customerKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema) });

export const useCustomer = (ws: string, id: string) => useQuery(customerQueryOptions(ws, id));

/**
 * What a list filtered to a customer (the Inbox, the Highlights page) calls them: `inCatalog`, the
 * name the catalog has, else the profile's — a customer an import or the API added after the
 * catalog was loaded (a profile opened before has usually left them in the cache) — else "A
 * customer not in this workspace" for a link to one it does not have (a 404). Asked only once the
 * catalog is loaded (`catalogLoaded`) without them.
 */
export function useFilteredCustomerName(ws: string, id: string | undefined, inCatalog: string | undefined, catalogLoaded: boolean): string | undefined {
  const askedFor = useQuery({ ...customerQueryOptions(ws, id ?? ''), enabled: catalogLoaded && !inCatalog && id !== undefined, select: customerName });
  return id === undefined ? undefined : filterName(inCatalog, askedFor, { gone: 'A customer not in this workspace', unknown: 'This customer' });
}
