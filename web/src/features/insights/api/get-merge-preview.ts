import { useQuery } from '@tanstack/react-query';
import { MergeInsightPreviewSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** What merging insight `id` into `intoInsightId` would move, and how much of it that one has already; nothing is written. */
export const useMergePreview = (ws: string, id: string, intoInsightId: string) =>
  useQuery({
    queryKey: ['insights', ws, id, 'merge-preview', intoInsightId],
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/insights/${id}/merge-preview?${new URLSearchParams({ intoInsightId })}`, MergeInsightPreviewSchema, { signal }),
  });
