import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { meKey } from './get-me';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiRequest('/me/password', null, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
