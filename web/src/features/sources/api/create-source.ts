import { useMutation } from '@tanstack/react-query';
import { SourceSchema, type CreateSourceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { useInvalidateSources } from './list-sources';

export function useCreateSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (body: CreateSourceBody) => apiRequest(`/workspaces/${ws}/sources`, SourceSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
