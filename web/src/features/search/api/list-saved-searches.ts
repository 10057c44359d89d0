import { useQuery } from '@tanstack/react-query';
import { SAVED_SEARCHES_COUNTED_MAX, SavedSearchPageSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const savedSearchesKey = (ws: string) => ['saved-searches', ws] as const;

// As many as the server counts new matches for.
export const listSavedSearches = (ws: string) => apiRequest(`/workspaces/${ws}/saved-searches?limit=${SAVED_SEARCHES_COUNTED_MAX}`, SavedSearchPageSchema);

export const useSavedSearches = (ws: string) => useQuery({ queryKey: savedSearchesKey(ws), queryFn: () => listSavedSearches(ws), staleTime: 60_000 });
