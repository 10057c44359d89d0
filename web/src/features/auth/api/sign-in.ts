import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginResultSchema, SetupResultSchema, type CreateSetupBody, type LoginBody } from '@cairn/shared';
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
    // The server validates and names each bad field; the form shows those messages beside the fields.
    mutationFn: (body: CreateSetupBody) => apiRequest('/setup', SetupResultSchema, { method: 'POST', body, anonymous: true }),
    onSuccess: reset,
  });
}

export function useLogout() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    // Sign-out acts on the session, so it carries the session's CSRF token like any other write.
    mutationFn: () => apiRequest('/auth/logout', null, { method: 'POST' }),
    onSettled: reset,
  });
}
