import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiTokenSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const tokensKey = (ws: string) => ['tokens', { ws }] as const;

const TokensSchema = z.object({ items: z.array(ApiTokenSchema) });
export const listTokens = (ws: string) => apiRequest(`/workspaces/${ws}/tokens`, TokensSchema).then((page) => page.items);

export const useTokens = (ws: string) => useQuery({ queryKey: tokensKey(ws), queryFn: () => listTokens(ws) });
