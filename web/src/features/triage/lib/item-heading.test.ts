import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '@cairn/shared';
import { formatDate } from '../../../lib/dates';
import { untitledItemHeading } from './item-heading';

const ticket = (title: string, preview: string, customer: SourceSummary['customer'] = null) => ({
  kind: 'ticket' as const,
  title,
  preview,
  customer,
  occurredAt: '2023-06-06T10:00:00.000Z',
});
const day = formatDate('2023-06-06T10:00:00.000Z');
const requester = { id: '00000000-0000-4000-8000-000000000001', name: null, email: null, externalId: '20014182', company: null };

describe('untitledItemHeading', () => {
  it('names an item titled by its own text by who sent it, when known, and when', () => {
    expect(untitledItemHeading(ticket('I was overcharged a pound.', 'I was overcharged a pound.', requester))).toBe(`Ticket from Customer 20014182 · ${day}`);
    expect(untitledItemHeading({ ...ticket('Faster search…', 'Faster search, please.'), kind: 'survey_response' })).toBe(`Survey answer · ${day}`);
  });

  it('leaves a ticket with a subject of its own to its title', () => {
    expect(untitledItemHeading(ticket('Charged twice', 'I have two of the same charges.', requester))).toBeNull();
  });
});
