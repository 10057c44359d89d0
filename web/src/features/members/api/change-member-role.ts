import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MemberSchema, type Role } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const changeMemberRole = (ws: string, userId: string, role: Role) =>
  apiRequest(`/workspaces/${ws}/members/${userId}`, MemberSchema, { method: 'PATCH', body: { role } });

export function useChangeMemberRole(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => changeMemberRole(ws, userId, role),
    // My own role may be the one that changed, and it shapes every page.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
