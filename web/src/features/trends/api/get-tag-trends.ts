import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TagTrendsSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import type { TrendsRequest } from '../lib/trends-params';

export const tagTrendsKey = (ws: string, request: TrendsRequest) => ['tag-trends', ws, request] as const;

/** The query string of `GET …/tags/trends`: tags repeat `tagId`. */
export function trendsQueryString(request: TrendsRequest): string {
  const params = new URLSearchParams({ from: request.from, to: request.to, interval: request.interval });
  for (const tagId of request.tagIds) params.append('tagId', tagId);
  if (request.segment) params.set('segment', request.segment);
  if (request.kind) params.set('kind', request.kind);
  return params.toString();
}

/** Counts per bucket of the chosen (or most used) tags, and the rising ones; the last answer stays on screen while the next loads. */
export function useTagTrends(ws: string, request: TrendsRequest) {
  return useQuery({
    queryKey: tagTrendsKey(ws, request),
    queryFn: () => apiRequest(`/workspaces/${ws}/tags/trends?${trendsQueryString(request)}`, TagTrendsSchema),
    placeholderData: keepPreviousData,
  });
}
