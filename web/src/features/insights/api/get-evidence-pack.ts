import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** Where the browser downloads a backlog item's evidence pack (the session cookie goes with a plain link). */
export const evidencePackUrl = (ws: string, id: string) => `/api/workspaces/${ws}/backlog-items/${id}/evidence.md`;

/** The evidence pack as Markdown, to paste into a tracker: quotes by customer, with links back to Cairn. */
export async function fetchEvidencePack(ws: string, id: string): Promise<string> {
  const response = await apiFetch(`/workspaces/${ws}/backlog-items/${id}/evidence.md`);
  return response.text();
}

/** Copies the evidence pack to the clipboard, fetched at the press of the button so it is never stale. */
export const useCopyEvidencePack = (ws: string) => useMutation({ mutationFn: async (id: string) => navigator.clipboard.writeText(await fetchEvidencePack(ws, id)) });
