import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { meKey } from './get-me';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiRequest('/me/password', null, { method: 'POST', body }),
    // Refetched even though no mounted page watches it: the next page decides where to go by
    // `mustChangePassword`, and a stale `true` would send the person straight back here.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey, refetchType: 'all' }),
  });
}
