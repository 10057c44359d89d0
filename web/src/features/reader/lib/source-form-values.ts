import type { Source } from '@cairn/shared';
import { fromDateTimeInputValue, toDateTimeInputValue } from '../../../lib/dates';

/** What the source form holds: text as typed, one entry per input. */
export type SourceFormValues = { title: string; occurredAt: string; customerName: string; customerEmail: string; body: string };

export const SOURCE_FIELDS = ['title', 'occurredAt', 'customer.name', 'customer.email', 'body'] as const;

export function sourceFormValues(source: Source): SourceFormValues {
  return {
    title: source.title,
    occurredAt: toDateTimeInputValue(source.occurredAt),
    customerName: source.customer?.name ?? '',
    customerEmail: source.customer?.email ?? '',
    body: source.body,
  };
}

/** The customer as `PATCH …/sources/:id` takes it (matched by email, else name, or created); null detaches. */
function customerOf(values: SourceFormValues) {
  const name = values.customerName.trim();
  const email = values.customerEmail.trim();
  if (!name && !email) return null;
  return { ...(name && { name }), ...(email && { email }) };
}

/**
 * The body of `PATCH …/sources/:id`, to check with `UpdateSourceBodySchema`: only what changed,
 * so that an untouched text is never sent (it could not change once highlighted anyway).
 */
export function toUpdateSourceBody(values: SourceFormValues, initial: SourceFormValues) {
  const body: { title?: string; occurredAt?: string; customer?: ReturnType<typeof customerOf>; body?: string } = {};
  if (values.title !== initial.title) body.title = values.title;
  // An unreadable date goes as typed, for the schema to refuse at its field.
  if (values.occurredAt !== initial.occurredAt) body.occurredAt = fromDateTimeInputValue(values.occurredAt) ?? values.occurredAt;
  if (values.customerName.trim() !== initial.customerName.trim() || values.customerEmail.trim() !== initial.customerEmail.trim()) body.customer = customerOf(values);
  if (values.body !== initial.body) body.body = values.body;
  return body;
}
