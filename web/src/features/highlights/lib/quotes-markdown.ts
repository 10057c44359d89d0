import { countOf, inlineMarkdown, markdownBlockquote, markdownLink, titleRepeatsText, type HighlightListItem } from '@cairn/shared';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';

export type QuotesMarkdownOptions = {
  /** Where Cairn is served (`https://cairn.example.com`): each quote links to its passage there. */
  origin: string;
  ws: string;
  /** How many highlights match in all; when more than the quotes given, the block says so. */
  total?: number;
  /** The page in Cairn that lists them all (a problem's, a backlog item's). */
  allUrl?: string;
};

/**
 * Who said it: "Dana Reyes, Acme (Enterprise)". A customer known by email alone is "A customer":
 * the block leaves Cairn for documents others read, so it names people but never shows their
 * email (as the evidence pack does).
 */
function speakerOf({ customer }: HighlightListItem): string | null {
  if (!customer) return null;
  const company = customer.company && `${inlineMarkdown(customer.company.name)}${customer.company.segment ? ` (${inlineMarkdown(customer.company.segment)})` : ''}`;
  return [customer.name ? inlineMarkdown(customer.name) : 'A customer', company].filter(Boolean).join(', ');
}

/**
 * Highlights as Markdown to paste into a PRD or a ticket: each quote as a blockquote, then who
 * said it, the source (a link to the exact passage in Cairn, named by its kind when its title
 * only repeats the quote: a ticket without a subject) and the day it was said, in UTC, as
 * ISO 8601 (`2024-05-31`), which reads the same in every locale. Everything customers and
 * colleagues typed is escaped, so it shows as they wrote it.
 */
export function quotesMarkdown(items: HighlightListItem[], { origin, ws, total, allUrl }: QuotesMarkdownOptions): string {
  const blocks = items.map((item) => {
    const passage = new URL(`${paths.source(ws, item.sourceId)}#h-${item.id}`, origin).href;
    const source = titleRepeatsText(item.source.title, item.quote) ? SOURCE_KIND_LABELS[item.source.kind].one : inlineMarkdown(item.source.title);
    const attribution = [speakerOf(item), markdownLink(source, passage), new Date(item.source.occurredAt).toISOString().slice(0, 10)].filter(Boolean).join(', ');
    return `${markdownBlockquote(item.quote)}\n>\n> — ${attribution}`;
  });
  if (total !== undefined && total > items.length) {
    const all = allUrl ? `; ${markdownLink('all of them in Cairn', new URL(allUrl, origin).href)}` : '';
    blocks.push(`_The newest ${countOf(items.length, 'quote')} of ${total.toLocaleString('en')}${all}._`);
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
