import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceWithRoleSchema, type CreateWorkspaceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const renameWorkspace = (ws: string, body: CreateWorkspaceBody) =>
  apiRequest(`/workspaces/${ws}`, WorkspaceWithRoleSchema, { method: 'PATCH', body });

export function useRenameWorkspace(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkspaceBody) => renameWorkspace(ws, body),
    // The name shows wherever workspaces are listed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
