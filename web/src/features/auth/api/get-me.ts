import { useQuery } from '@tanstack/react-query';
import { MeSchema } from '@cairn/shared';
import { ApiError, apiRequest } from '../../../lib/api-client';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export async function getMe() {
  try {
    return await apiRequest('/me', MeSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const useMe = () => useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000 });
