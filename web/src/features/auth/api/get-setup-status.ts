import { useQuery } from '@tanstack/react-query';
import { SetupStatusSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const setupStatusKey = ['setup'] as const;
export const getSetupStatus = () => apiRequest('/setup', SetupStatusSchema);
export const useSetupStatus = () => useQuery({ queryKey: setupStatusKey, queryFn: getSetupStatus });
