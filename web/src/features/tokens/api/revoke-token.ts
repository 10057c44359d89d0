import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { tokensKey } from './list-tokens';

export const revokeToken = (ws: string, id: string) => apiRequest(`/workspaces/${ws}/tokens/${id}`, null, { method: 'DELETE' });

export function useRevokeToken(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeToken(ws, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(ws) }),
  });
}
