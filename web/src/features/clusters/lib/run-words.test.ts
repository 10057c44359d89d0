import { describe, expect, it } from 'vitest';
import { describeK, describeScope, describeScopeCount, describeSilhouette, formatSilhouette } from './run-words';

const BILLING = '00000000-0000-4000-8000-000000000001';
const FEES = '00000000-0000-4000-8000-000000000002';
const GONE = '00000000-0000-4000-8000-000000000003';
const names: Record<string, string> = { [BILLING]: 'Billing', [FEES]: 'Fees' };
const options = { tagName: (id: string) => names[id], locale: 'en-GB', today: new Date('2025-06-15T12:00:00Z') };

describe('describeScope', () => {
  it('says the target alone when nothing narrows it', () => {
    expect(describeScope({ target: 'highlights' }, options)).toBe('Highlights');
    expect(describeScope({ target: 'sources' }, options)).toBe('Whole sources');
  });

  it('reads kinds, tags and a start date in that order', () => {
    const scope = { target: 'highlights' as const, kinds: ['ticket' as const, 'survey_response' as const], tagIds: [BILLING], from: '2025-03-01' };
    expect(describeScope(scope, options)).toBe('Highlights · tickets, survey answers · tagged Billing · since 1 Mar');
  });

  it('offers several tags as alternatives, and counts the ones deleted since', () => {
    expect(describeScope({ target: 'highlights', tagIds: [BILLING, FEES, GONE] }, options)).toBe('Highlights · tagged Billing, Fees or 1 deleted tag');
  });

  it('counts the tags while their names are not known yet, rather than calling them deleted', () => {
    expect(describeScope({ target: 'highlights', tagIds: [BILLING, FEES] }, { ...options, tagName: undefined })).toBe('Highlights · tagged with 2 tags');
  });

  it('writes the year only when a bound lies in another year', () => {
    expect(describeScope({ target: 'highlights', from: '2025-03-01', to: '2025-03-31' }, options)).toBe('Highlights · 1 Mar – 31 Mar');
    expect(describeScope({ target: 'highlights', to: '2024-12-31' }, options)).toBe('Highlights · until 31 Dec 2024');
    expect(describeScope({ target: 'highlights', from: '2024-12-01', to: '2025-01-31' }, options)).toBe('Highlights · 1 Dec 2024 – 31 Jan 2025');
  });

  it('writes a day as the UTC day it is, in the reader’s own way', () => {
    // 1 March at 00:00 UTC is still 28 February in the Americas: the day is written as sent.
    expect(describeScope({ target: 'highlights', from: '2025-03-01' }, { ...options, locale: 'en-US' })).toBe('Highlights · since Mar 1');
  });

  it('names the segment, the imports, and the untriaged (or, in older runs, untagged) filter of a sources run', () => {
    const scope = { target: 'sources' as const, importIds: [BILLING, FEES], segment: 'Enterprise', untriaged: true };
    expect(describeScope(scope, options)).toBe('Whole sources · from 2 imports · segment Enterprise · untriaged only');
    expect(describeScope({ target: 'sources', untagged: true }, options)).toBe('Whole sources · untagged only');
    // Neither means anything to a highlights run, which the server refuses them for anyway.
    expect(describeScope({ target: 'highlights', untagged: true, untriaged: true }, options)).toBe('Highlights');
  });
});

describe('describeSilhouette', () => {
  it('puts clear themes, overlapping themes and noise in three plain words', () => {
    expect(describeSilhouette(0.31).words).toBe('Well separated');
    expect(describeSilhouette(0.08).words).toBe('Loosely separated');
    expect(describeSilhouette(0.01).words).toBe('Barely separated');
    expect(describeSilhouette(-0.2).words).toBe('Barely separated');
  });

  it('shows the number to two places, with a real minus sign', () => {
    expect(formatSilhouette(0.234)).toBe('0.23');
    expect(formatSilhouette(-0.05)).toBe('−0.05');
  });
});

describe('describeK', () => {
  it('says whether the number of clusters was asked for or chosen', () => {
    expect(describeK({ k: 'auto' }, 7)).toBe('7 clusters, chosen automatically');
    expect(describeK({ k: 3 }, 3)).toBe('3 clusters, as asked');
    expect(describeK({ k: 'auto' }, null)).toBe('Number of clusters chosen automatically');
    expect(describeK({ k: 4 }, null)).toBe('4 clusters asked for');
  });
});

describe('describeScopeCount', () => {
  it('counts the texts, with nothing to warn of when a run would take them', () => {
    expect(describeScopeCount({ count: 1234, overLimit: false }, 'auto')).toEqual({ total: `${(1234).toLocaleString()} texts in scope`, problem: null });
    expect(describeScopeCount({ count: 1, overLimit: false }, 'auto').total).toBe('1 text in scope');
    expect(describeScopeCount({ count: 10, overLimit: false }, 5).problem).toBeNull();
  });

  it('warns of a scope too small for the clusters asked, or for any', () => {
    expect(describeScopeCount({ count: 9, overLimit: false }, 5).problem).toBe('5 clusters need at least 10 texts: ask for fewer, or widen the scope.');
    expect(describeScopeCount({ count: 3, overLimit: false }, 'auto').problem).toBe('Clustering needs at least 4 texts: widen the scope.');
    // A number the form refuses says nothing of its own: the field says what is wrong with it.
    expect(describeScopeCount({ count: 3, overLimit: false }, Number.NaN).problem).toBe('Clustering needs at least 4 texts: widen the scope.');
    expect(describeScopeCount({ count: 0, overLimit: false }, 3)).toEqual({ total: 'No texts in scope', problem: 'Nothing to cluster: widen the scope (fewer filters, more kinds, other dates).' });
  });

  it('warns of a scope past the limit of a run', () => {
    const limit = (100_000).toLocaleString();
    expect(describeScopeCount({ count: 100_000, overLimit: true }, 'auto')).toEqual({ total: `More than ${limit} texts in scope`, problem: `A run takes ${limit} at most: narrow the scope by kind, tag, date or segment.` });
  });
});
