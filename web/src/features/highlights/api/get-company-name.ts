import { useQuery } from '@tanstack/react-query';
import { companyQueryOptions } from '../../customers/api/get-company';

/**
 * The name of the company the Highlights page is filtered to, when the catalog does not have it:
 * a company an import created after the catalog was loaded, or one merged away or deleted since
 * the link was made (a 404). The company page's query, so the page that links here has usually
 * left it in the cache already.
 */
export const useCompanyName = (ws: string, id: string | undefined, enabled: boolean) =>
  useQuery({ ...companyQueryOptions(ws, id ?? ''), enabled: enabled && id !== undefined, select: (company) => company.name });
