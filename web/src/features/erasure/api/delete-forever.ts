import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** What can be deleted forever from a trash, by the path of its route. */
export type TrashItemKind = 'sources' | 'highlights' | 'insights' | 'backlog-items';

export function useDeleteForever(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: TrashItemKind; id: string }) => apiRequest(`/workspaces/${ws}/trash/${kind}/${id}`, null, { method: 'DELETE' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
