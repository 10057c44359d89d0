import { useQuery } from '@tanstack/react-query';
import { SourceEvidenceLinksSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { sourceKey } from './get-source';

/** Under the source's key, so that every evidence write (a link, a trash, a restore) refreshes it with the source. */
export const useEvidenceLinks = (ws: string, sourceId: string) =>
  useQuery({
    queryKey: [...sourceKey(ws, sourceId), 'evidence-links'],
    queryFn: () => apiRequest(`/workspaces/${ws}/sources/${sourceId}/evidence-links`, SourceEvidenceLinksSchema),
    select: (data) => new Map(data.items.map((item) => [item.highlightId, item])),
  });
