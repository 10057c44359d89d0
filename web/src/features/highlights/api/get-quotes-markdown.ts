import { useMutation } from '@tanstack/react-query';
import { HighlightListItemSchema, PAGE_SIZE_MAX, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { quotesMarkdown } from '../lib/quotes-markdown';
import { highlightFilterParams, type HighlightFilters } from './list-highlights';

export type QuotesMarkdownRequest = {
  filters: HighlightFilters;
  /** The page in Cairn that lists them all, named when there are more than one block holds. */
  allUrl?: string;
};

/**
 * The newest highlights the filters match (one page, as many as the API gives at once) as
 * Markdown to paste into a PRD, fetched at the press of the button so that it is never stale.
 */
export function useQuotesMarkdown(ws: string) {
  return useMutation({
    mutationFn: async ({ filters, allUrl }: QuotesMarkdownRequest) => {
      const params = highlightFilterParams(filters);
      params.set('limit', String(PAGE_SIZE_MAX));
      const page = await apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema));
      return { markdown: quotesMarkdown(page.items, { origin: window.location.origin, ws, total: page.total, allUrl }), count: page.items.length, total: page.total ?? page.items.length };
    },
  });
}
