import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatedMemberSchema, type CreateMemberBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { membersKey } from './list-members';

export const addMember = (ws: string, body: CreateMemberBody) => apiRequest(`/workspaces/${ws}/members`, CreatedMemberSchema, { method: 'POST', body });

export function useAddMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberBody) => addMember(ws, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(ws) }),
  });
}
