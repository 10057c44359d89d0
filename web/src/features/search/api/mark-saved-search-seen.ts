import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page, SavedSearch } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { savedSearchesKey } from './list-saved-searches';

/** Opening a saved search: its matches so far stop being new to me, and its badge goes at once. */
export function useMarkSavedSearchSeen(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/saved-searches/${id}/seen`, null, { method: 'PUT' }),
    onSuccess: (_nothing, id) =>
      queryClient.setQueryData<Page<SavedSearch>>(savedSearchesKey(ws), (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === id ? { ...item, newMatches: 0 } : item)) } : page,
      ),
  });
}
