import { describe, expect, it } from 'vitest';
import type { Catalog } from '@cairn/shared';
import { FREQUENT, keyChoiceValue, keyTags, parseKeyChoice, tagGroups } from './key-tags';

const tag = (n: number, name: string, group: string | null, usageCount: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  group,
  color: null,
  description: null,
  usageCount,
  createdAt: '2024-01-01T00:00:00.000Z',
});
const topics = ['Refunds', 'Transfers', 'Fees', 'Cards', 'Login', 'Limits', 'Exchange rates', 'Top up', 'Statements', 'Verification', 'Disputes'];
/** Eleven topic tags, each used less than any of the ten interview tags: the reviewer's codebook. */
const catalog: Catalog = {
  tags: [
    ...topics.map((name, index) => tag(index + 1, name, 'Topic', 11 - index)),
    ...Array.from({ length: 10 }, (_, index) => tag(100 + index, `Interview ${index + 1}`, 'Interview', 50 + index)),
    tag(200, 'Loose', null, 1000),
  ],
  customers: [],
  companies: [],
  insights: [],
  backlogItems: [],
};
const names = (tags: Catalog['tags']) => tags.map((t) => t.name);

describe('the tags on the triage keys', () => {
  it('are the nine most used of the codebook by default', () => {
    expect(names(keyTags(catalog, FREQUENT))).toEqual(['Loose', ...Array.from({ length: 8 }, (_, index) => `Interview ${10 - index}`)]);
  });

  it('are the nine most used of a chosen group, so its other tags wait for type-to-tag', () => {
    expect(names(keyTags(catalog, { kind: 'group', group: 'Topic' }))).toEqual(topics.slice(0, 9));
  });

  it('fall back to the whole codebook when the chosen group no longer exists', () => {
    expect(keyTags(catalog, { kind: 'group', group: 'Renamed' })).toEqual(keyTags(catalog, FREQUENT));
  });

  it('offer each group of the codebook once, by name', () => {
    expect(tagGroups(catalog)).toEqual(['Interview', 'Topic']);
  });

  it('are remembered as a value that reads back as the same choice, an unknown one as the default', () => {
    for (const choice of [FREQUENT, { kind: 'group', group: 'Topic: billing' }] as const) expect(parseKeyChoice(keyChoiceValue(choice))).toEqual(choice);
    expect(parseKeyChoice(null)).toEqual(FREQUENT);
    expect(parseKeyChoice('pinned')).toEqual(FREQUENT);
  });
});
