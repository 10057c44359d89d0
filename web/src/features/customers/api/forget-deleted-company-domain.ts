import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deletedCompanyDomainsKey } from './list-deleted-company-domains';

/**
 * Forgets a deleted company's email domain: new customers there are grouped into a company of that
 * name again. Customers without a company at the domain said why on their profile: they are refreshed.
 */
export function useForgetDeletedCompanyDomain(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/deleted-company-domains/${id}`, null, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: deletedCompanyDomainsKey(ws) });
      void queryClient.invalidateQueries({ queryKey: ['customers', ws] });
    },
  });
}
