import { useMutation } from '@tanstack/react-query';
import { SourceSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateSources } from './list-sources';

export function useRestoreSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/sources/${id}/restore`, SourceSchema, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
