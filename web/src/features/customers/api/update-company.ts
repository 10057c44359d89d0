import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CompanySchema, UpdateCompanyBodySchema, type UpdateCompanyBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Renames a company, sets which of its fields imports leave alone, or lets aliases go. A new name
 * shows wherever customers, sources, highlights and search results carry their company, and in
 * the catalog behind the palette and the pickers.
 */
export function useUpdateCompany(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCompanyBody }) =>
      apiRequest(`/workspaces/${ws}/companies/${id}`, CompanySchema, { method: 'PATCH', body: UpdateCompanyBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
