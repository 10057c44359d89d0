import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CompanyListItemSchema, MergeCompanyBodySchema, type MergeCompanyBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { afterCompanyGone } from './after-company-gone';

/** Merges a company into another and answers the one kept, with its customers counted; the merged one is gone. */
export function useMergeCompany(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MergeCompanyBody }) =>
      apiRequest(`/workspaces/${ws}/companies/${id}/merge`, CompanyListItemSchema, { method: 'POST', body: MergeCompanyBodySchema.parse(body) }),
    onSuccess: (_, { id }) => void afterCompanyGone(queryClient, ws, id),
  });
}
