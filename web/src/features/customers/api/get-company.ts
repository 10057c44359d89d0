import { useQuery } from '@tanstack/react-query';
import { CompanyDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** A company with its counts and the problems and backlog items its customers' evidence backs. */
export const useCompany = (ws: string, id: string) =>
  useQuery({ queryKey: ['companies', ws, id], queryFn: () => apiRequest(`/workspaces/${ws}/companies/${id}`, CompanyDetailSchema) });
