import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FillCompaniesFromEmailsBodySchema, FillCompaniesFromEmailsResultSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export const fillCompaniesFromEmails = (ws: string, dryRun: boolean) =>
  apiRequest(`/workspaces/${ws}/customers/companies-from-emails`, FillCompaniesFromEmailsResultSchema, {
    method: 'POST',
    body: FillCompaniesFromEmailsBodySchema.parse({ dryRun }),
  });

/**
 * Gives customers with a work email and no company the company of their email's domain; with
 * `dryRun`, only counts them. A real fill changes companies behind every list and score.
 */
export function useFillCompaniesFromEmails(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dryRun: boolean) => fillCompaniesFromEmails(ws, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun && result.customers) void invalidateEvidence(queryClient, ws);
    },
  });
}
