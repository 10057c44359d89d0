import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateCustomerBodySchema, CustomerDetailSchema, type CreateCustomerBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Adds a customer; one with the same email or external id is matched and returned instead (as imports do). */
export function useCreateCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => apiRequest(`/workspaces/${ws}/customers`, CustomerDetailSchema, { method: 'POST', body: CreateCustomerBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
