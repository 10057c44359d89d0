import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatedApiTokenSchema, type CreateApiTokenBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { tokensKey } from './list-tokens';

export const createToken = (ws: string, body: CreateApiTokenBody) => apiRequest(`/workspaces/${ws}/tokens`, CreatedApiTokenSchema, { method: 'POST', body });

export function useCreateToken(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => createToken(ws, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(ws) }),
  });
}
