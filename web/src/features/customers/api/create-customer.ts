import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateCustomerBodySchema, CustomerDetailSchema, type CreateCustomerBody } from '@cairn/shared';
import { apiFetch } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Adds a customer; one with the same email or external id is matched and returned instead (as
 * imports do), which the server tells by answering 200 rather than 201.
 */
export function useCreateCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateCustomerBody) => {
      const response = await apiFetch(`/workspaces/${ws}/customers`, { method: 'POST', body: CreateCustomerBodySchema.parse(body) });
      return { customer: CustomerDetailSchema.parse(await response.json()), created: response.status === 201 };
    },
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
