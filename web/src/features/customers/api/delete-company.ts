import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { afterCompanyGone } from './after-company-gone';

/** Deletes a company for good (companies have no trash); its customers stay, without a company. */
export function useDeleteCompany(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/companies/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, id) => void afterCompanyGone(queryClient, ws, id),
  });
}
