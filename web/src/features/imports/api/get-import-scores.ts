import { useQuery } from '@tanstack/react-query';
import { ImportScoresSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Under `sources`: trashing or restoring an answer refreshes the evidence queries, and these counts with them. */
export const importScoresKey = (ws: string, importId: string) => ['sources', ws, 'import-scores', importId] as const;

export const getImportScores = (ws: string, importId: string) => apiRequest(`/workspaces/${ws}/imports/${importId}/scores`, ImportScoresSchema);

/** A finished survey import's scores by respondent, and its NPS. */
export function useImportScores(ws: string, importId: string, enabled: boolean) {
  return useQuery({ queryKey: importScoresKey(ws, importId), queryFn: () => getImportScores(ws, importId), enabled });
}
