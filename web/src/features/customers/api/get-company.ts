import { queryOptions, useQuery } from '@tanstack/react-query';
import { CompanyDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const companyKey = (ws: string, id: string) => ['companies', ws, id] as const;

/** A company with its counts, its aliases, and the problems and backlog items its customers' evidence backs. */
export const companyQueryOptions = (ws: string, id: string) =>
  queryOptions({ queryKey: companyKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/companies/${id}`, CompanyDetailSchema) });

export const useCompany = (ws: string, id: string) => useQuery(companyQueryOptions(ws, id));
