import { useQuery } from '@tanstack/react-query';
import { CustomerDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const useCustomer = (ws: string, id: string) =>
  useQuery({ queryKey: ['customers', ws, id], queryFn: () => apiRequest(`/workspaces/${ws}/customers/${id}`, CustomerDetailSchema) });
