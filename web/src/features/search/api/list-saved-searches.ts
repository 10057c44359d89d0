import { useQuery } from '@tanstack/react-query';
import { SavedSearchPageSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const savedSearchesKey = (ws: string) => ['saved-searches', ws] as const;

export const listSavedSearches = (ws: string) => apiRequest(`/workspaces/${ws}/saved-searches?limit=100`, SavedSearchPageSchema);

export const useSavedSearches = (ws: string) => useQuery({ queryKey: savedSearchesKey(ws), queryFn: () => listSavedSearches(ws), staleTime: 60_000 });
