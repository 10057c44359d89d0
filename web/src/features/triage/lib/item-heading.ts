import { customerName, titleRepeatsText, type SourceSummary } from '@cairn/shared';
import { formatDate } from '../../../lib/dates';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';

/**
 * The heading of an item without a subject (titled by its own text, which the queue shows just
 * below it): who sent it and when, "Ticket from Dana Scully · Jun 6, 2023", so the text reads
 * once, as in the Inbox. Null for an item whose title names it.
 */
export function untitledItemHeading(item: Pick<SourceSummary, 'kind' | 'title' | 'preview' | 'customer' | 'occurredAt'>): string | null {
  if (!titleRepeatsText(item.title, item.preview)) return null;
  const from = item.customer ? ` from ${customerName(item.customer)}` : '';
  return `${SOURCE_KIND_LABELS[item.kind].one}${from} · ${formatDate(item.occurredAt)}`;
}
