import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateSetupBodySchema, LoginResultSchema, SetupResultSchema, type CreateSetupBody, type LoginBody } from '@cairn/shared';
import { apiRequest, forgetCsrfToken } from '../../../lib/api-client';

/** After any change of session, everything cached belongs to someone else. */
function useResetAfterSessionChange() {
  const queryClient = useQueryClient();
  return () => {
    forgetCsrfToken();
    queryClient.clear();
  };
}

export function useLogin() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest('/auth/login', LoginResultSchema, { method: 'POST', body, anonymous: true }),
    onSuccess: reset,
  });
}

export function useSetup() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    mutationFn: (body: CreateSetupBody) =>
      apiRequest('/setup', SetupResultSchema, { method: 'POST', body: CreateSetupBodySchema.parse(body), anonymous: true }),
    onSuccess: reset,
  });
}

export function useLogout() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    mutationFn: () => apiRequest('/auth/logout', null, { method: 'POST', anonymous: true }),
    onSettled: reset,
  });
}
