import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateSources } from './list-sources';

export function useTrashSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/sources/${id}`, null, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
