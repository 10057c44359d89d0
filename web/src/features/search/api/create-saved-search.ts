import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateSavedSearchBodySchema, SavedSearchSchema, type CreateSavedSearchBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { savedSearchesKey } from './list-saved-searches';

export function useCreateSavedSearch(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedSearchBody) =>
      apiRequest(`/workspaces/${ws}/saved-searches`, SavedSearchSchema, { method: 'POST', body: CreateSavedSearchBodySchema.parse(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesKey(ws) }),
  });
}
