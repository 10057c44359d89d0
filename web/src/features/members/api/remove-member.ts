import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const removeMember = (ws: string, userId: string) => apiRequest(`/workspaces/${ws}/members/${userId}`, null, { method: 'DELETE' });

export function useRemoveMember(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(ws, userId),
    // Removing myself takes the workspace out of my list.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
