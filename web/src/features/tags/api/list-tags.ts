import { useQuery } from '@tanstack/react-query';
import { TagListSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const tagsKey = (ws: string) => ['tags', ws] as const;

export const useTags = (ws: string) => useQuery({ queryKey: tagsKey(ws), queryFn: () => apiRequest(`/workspaces/${ws}/tags`, TagListSchema) });
