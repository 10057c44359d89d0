import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SourceSchema, UpdateSourceBodySchema, type UpdateSourceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { applyEvidenceWrite } from '../../../lib/evidence';
import { sourceKey } from './get-source';

/** Edits a source (title, date, customer, text); the reader shows the answer at once, lists catch up. */
export function useUpdateSource(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSourceBody }) =>
      apiRequest(`/workspaces/${ws}/sources/${id}`, SourceSchema, { method: 'PATCH', body: UpdateSourceBodySchema.parse(body) }),
    onSuccess: (source) => void applyEvidenceWrite(queryClient, ws, sourceKey(ws, source.id), source),
  });
}
