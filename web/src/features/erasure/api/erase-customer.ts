import { useMutation } from '@tanstack/react-query';
import { PurgeSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Starts erasing the customer; the purge runs in the background (usePurge follows it). */
export function useEraseCustomer(ws: string) {
  return useMutation({
    mutationFn: (customerId: string) => apiRequest(`/workspaces/${ws}/customers/${customerId}/erasure`, PurgeSchema, { method: 'POST' }),
  });
}
