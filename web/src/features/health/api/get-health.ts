import { useQuery } from '@tanstack/react-query';
import { HealthSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const healthKey = ['health'] as const;
export const useHealth = () =>
  useQuery({ queryKey: healthKey, queryFn: () => apiRequest('/health', HealthSchema), refetchInterval: 30_000, retry: false });
