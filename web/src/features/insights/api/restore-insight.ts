import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InsightSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useRestoreInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/insights/${id}/restore`, InsightSchema, { method: 'POST' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
