import { useQuery } from '@tanstack/react-query';
import { CompanyDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const companyKey = (ws: string, id: string) => ['companies', ws, id] as const;

/** A company with its counts, its aliases, and the problems and backlog items its customers' evidence backs. */
export const useCompany = (ws: string, id: string) => useQuery({ queryKey: companyKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/companies/${id}`, CompanyDetailSchema) });
