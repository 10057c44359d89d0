import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CompanySchema, UpdateCompanyBodySchema, type UpdateCompanyBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Sets which of a company's fields imports leave alone. Only the marks change, which customers' and the company's pages show: their values stay. */
export function useUpdateCompany(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCompanyBody }) =>
      apiRequest(`/workspaces/${ws}/companies/${id}`, CompanySchema, { method: 'PATCH', body: UpdateCompanyBodySchema.parse(body) }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['customers', ws] }), queryClient.invalidateQueries({ queryKey: ['companies', ws] })]),
  });
}
