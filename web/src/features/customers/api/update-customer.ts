import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CustomerDetailSchema, UpdateCustomerBodySchema, type UpdateCustomerBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { applyEvidenceWrite } from '../../../lib/evidence';
import { customerKey } from './get-customer';

/** Edits a customer and their company; sources, search results and pickers show the new name after it. */
export function useUpdateCustomer(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCustomerBody }) =>
      apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema, { method: 'PATCH', body: UpdateCustomerBodySchema.parse(body) }),
    onSuccess: (customer) => void applyEvidenceWrite(queryClient, ws, customerKey(ws, customer.id), customer),
  });
}
