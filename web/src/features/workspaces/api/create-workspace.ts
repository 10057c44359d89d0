import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WorkspaceWithRoleSchema, type CreateWorkspaceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const createWorkspace = (body: CreateWorkspaceBody) => apiRequest('/workspaces', WorkspaceWithRoleSchema, { method: 'POST', body });

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    // The list of my workspaces lives in several queries (the signed-in user, the switcher).
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
