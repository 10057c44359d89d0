import { queryOptions, useQuery } from '@tanstack/react-query';
import { CustomerDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const customerKey = (ws: string, id: string) => ['customers', ws, id] as const;

/** A customer's profile query, for pages that only need part of it (`select`) to share its cache. */
export const customerQueryOptions = (ws: string, id: string) =>
  queryOptions({ queryKey: customerKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema) });

export const useCustomer = (ws: string, id: string) => useQuery(customerQueryOptions(ws, id));
