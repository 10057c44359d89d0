import { useQuery } from '@tanstack/react-query';
import { CustomerErasureSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** What erasing the customer would delete, asked when the confirmation opens (and fresh each time). */
export function useCustomerErasure(ws: string, customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', ws, customerId, 'erasure'],
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/customers/${customerId}/erasure`, CustomerErasureSchema, { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
