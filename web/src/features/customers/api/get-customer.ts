import { useQuery } from '@tanstack/react-query';
import { CustomerDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const customerKey = (ws: string, id: string) => ['customers', ws, id] as const;

export const useCustomer = (ws: string, id: string) => useQuery({ queryKey: customerKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema) });
