import { useQuery } from '@tanstack/react-query';
import { customerName, CustomerDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * The name of the customer the Highlights page is filtered to, when the catalog does not have
 * them: a customer an import or the API added after the catalog was loaded, or a link to one this
 * workspace does not have (a 404). The key is the customer profile's (`['customers', ws, id]`), so
 * a profile opened before has usually left them in the cache.
 */
export const useCustomerName = (ws: string, id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['customers', ws, id],
    queryFn: () => apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema),
    enabled: enabled && id !== undefined,
    select: customerName,
  });
