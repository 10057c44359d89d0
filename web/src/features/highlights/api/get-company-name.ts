import { useQuery } from '@tanstack/react-query';
import { CompanyDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * The name of the company the Highlights page is filtered to, when the catalog does not have it:
 * a company an import created after the catalog was loaded, or one merged away or deleted since
 * the link was made (a 404). The key is the company page's (`['companies', ws, id]`), so the
 * page that links here has usually left it in the cache already.
 */
export const useCompanyName = (ws: string, id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['companies', ws, id],
    queryFn: () => apiRequest(`/workspaces/${ws}/companies/${id}`, CompanyDetailSchema),
    enabled: enabled && id !== undefined,
    select: (company) => company.name,
  });
