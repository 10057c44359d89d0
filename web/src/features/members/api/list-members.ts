import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { MemberSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const membersKey = (ws: string) => ['members', { ws }] as const;

const MembersSchema = z.object({ items: z.array(MemberSchema) });
export const listMembers = (ws: string) => apiRequest(`/workspaces/${ws}/members`, MembersSchema).then((page) => page.items);

export const useMembers = (ws: string) => useQuery({ queryKey: membersKey(ws), queryFn: () => listMembers(ws) });
