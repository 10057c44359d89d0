import { useQuery } from '@tanstack/react-query';
import { DeletedCompanyDomainListSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Under the companies' key: deleting a company (which adds its domains) refreshes it with them. */
export const deletedCompanyDomainsKey = (ws: string) => ['companies', ws, 'deleted-domains'] as const;

/** The email domains of deleted companies, most recently deleted first: new customers there get no company from their email. */
export function useDeletedCompanyDomains(ws: string) {
  return useQuery({
    queryKey: deletedCompanyDomainsKey(ws),
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/deleted-company-domains`, DeletedCompanyDomainListSchema, { signal }),
  });
}
