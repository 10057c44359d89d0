import { describe, expect, it } from 'vitest';
import type { Catalog } from '@cairn/shared';
import { buildCatalogIndex, searchCatalog, toCatalogEntries } from './catalog-index';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const catalog: Catalog = {
  tags: [
    { id: id(1), name: 'Export', group: 'Feature area', color: null, description: null, usageCount: 3, createdAt: '2024-01-01T00:00:00.000Z' },
    { id: id(2), name: 'Frustrated', group: 'Emotion', color: '#8e44ad', description: null, usageCount: 1, createdAt: '2024-01-01T00:00:00.000Z' },
    { id: id(5), name: 'Acme rollout', group: null, color: null, description: null, usageCount: 0, createdAt: '2024-01-01T00:00:00.000Z' },
  ],
  customers: [
    { id: id(3), name: 'Dana Scully', email: 'dana@fbi.example', externalId: null, company: 'Export Logistics' },
    { id: id(7), name: 'Fox Mulder', email: 'acme-desk@acme.example', externalId: null, company: 'Acme' },
    { id: id(6), name: 'Dana Katz', email: 'DK@Acme.example', externalId: null, company: 'Acme' },
  ],
  companies: [
    { id: id(8), name: 'Acme', segment: 'Enterprise', customers: 2, aliases: [] },
    { id: id(9), name: 'Export Logistics', segment: null, customers: 1, aliases: [] },
  ],
  insights: [{ id: id(4), title: 'Exports time out on big accounts', type: 'problem', status: 'draft' }],
  backlogItems: [],
};
const index = buildCatalogIndex(toCatalogEntries(catalog));
const names = (query: string, types?: Parameters<typeof searchCatalog>[2]) => searchCatalog(index, query, types).map((entry) => `${entry.type}:${entry.name}`);

describe('the catalog index', () => {
  it('finds names by prefix, as a person types', () => {
    expect(names('expo')[0]).toBe('tag:Export');
    expect(names('expo')).toEqual(expect.arrayContaining(['customer:Dana Scully', 'insight:Exports time out on big accounts']));
  });

  it('forgives a typo, and two letters swapped in a longer word', () => {
    expect(names('exprt')[0]).toBe('tag:Export');
    expect(names('exprot')[0]).toBe('tag:Export');
    expect(names('frustarted')).toEqual(['tag:Frustrated']);
  });

  it('asked for all words, leaves out a name that matches only one of them', () => {
    expect(names('big problems', { types: ['insight'] })).toEqual(['insight:Exports time out on big accounts']);
    expect(names('big problems', { types: ['insight'], allWords: true })).toEqual([]);
    expect(names('exports big acc', { types: ['insight'], allWords: true })).toEqual(['insight:Exports time out on big accounts']);
  });

  it('asked for all words, leaves out a tag found by its group alone', () => {
    expect(names('feature', { types: ['tag'], allWords: true })).toEqual([]);
    expect(names('missing feature', { types: ['tag'], allWords: true })).toEqual([]);
    expect(names('expo', { types: ['tag'], allWords: true })).toEqual(['tag:Export']);
  });

  it('finds customers by the start of their email and keeps to the types asked for', () => {
    expect(names('dana@f')).toEqual(['customer:Dana Scully']);
    expect(names('dana@')).toEqual(['customer:Dana Scully']);
    expect(names('expo', { types: ['tag'] })).toEqual(['tag:Export']);
  });

  it('finds customers by the start of their company, and tags by the start of their group', () => {
    expect(names('export log', { types: ['customer'] })).toEqual(['customer:Dana Scully']);
    expect(names('feature', { types: ['tag'] })).toEqual(['tag:Export']);
  });

  it('finds companies by name and by the start of their segment, with their segment and customers counted', () => {
    expect(names('export log')).toEqual(expect.arrayContaining(['company:Export Logistics', 'customer:Dana Scully']));
    expect(names('enterp')).toEqual(['company:Acme']);
    const details = Object.fromEntries(searchCatalog(index, 'acme export', { types: ['company'] }).map((entry) => [entry.name, entry.detail]));
    expect(details).toEqual({ Acme: 'Enterprise · 2 customers', 'Export Logistics': '1 customer' });
  });

  it('keeps companies out of pickers that ask for other types', () => {
    expect(names('acme', { types: ['tag', 'customer'] })).toEqual(['tag:Acme rollout', 'customer:Fox Mulder', 'customer:Dana Katz']);
    expect(names('enterp', { types: ['tag', 'customer'] })).toEqual([]);
  });

  it('ignores case in emails, companies and groups', () => {
    expect(names('dk@acme', { types: ['customer'] })).toEqual(['customer:Dana Katz']);
    expect(names('EMOTION', { types: ['tag'] })).toEqual(['tag:Frustrated']);
  });

  it('ranks a matching name above a matching company, and a name and company that both match above either', () => {
    expect(names('acme')).toEqual(['company:Acme', 'tag:Acme rollout', 'customer:Fox Mulder', 'customer:Dana Katz']);
    expect(names('dana export', { types: ['customer'] })).toEqual(['customer:Dana Scully', 'customer:Dana Katz']);
  });

  it('ranks entries found by more of the typed words first, counting a word once per entry', () => {
    expect(names('acme dk', { types: ['customer'] })).toEqual(['customer:Dana Katz', 'customer:Fox Mulder']);
  });

  it('answers nothing to an empty query', () => {
    expect(names('  ')).toEqual([]);
  });
});

describe('companies in the catalog index, by their old names', () => {
  const renamed: Catalog = {
    tags: [{ id: id(1), name: 'Initech rollout', group: null, color: null, description: null, usageCount: 0, createdAt: '2024-01-01T00:00:00.000Z' }],
    customers: [{ id: id(2), name: 'Peter Gibbons', email: 'peter@initech.example', externalId: null, company: 'Initrode Global' }],
    companies: [
      { id: id(3), name: 'Initrode Global', segment: null, customers: 1, aliases: ['Initech'] },
      { id: id(4), name: 'Acme Ltd', segment: 'SMB', customers: 0, aliases: ['Acme', 'acme.com'] },
      { id: id(5), name: 'The Lone Gunmen', segment: null, customers: 0, aliases: ['Lone Gunmen Inc'] },
    ],
    insights: [],
    backlogItems: [],
  };
  const renamedIndex = buildCatalogIndex(toCatalogEntries(renamed));
  const found = (query: string, options?: Parameters<typeof searchCatalog>[2]) =>
    searchCatalog(renamedIndex, query, options).map((entry) => `${entry.type}:${entry.name}${entry.matchedAlias ? ` (${entry.matchedAlias})` : ''}`);

  it('finds a company by an old name, by its start and despite a typo, and says which name found it', () => {
    expect(found('initech', { types: ['company'] })).toEqual(['company:Initrode Global (Initech)']);
    expect(found('initec', { types: ['company'] })).toEqual(['company:Initrode Global (Initech)']);
    expect(found('intiech', { types: ['company'] })).toEqual(['company:Initrode Global (Initech)']);
  });

  it('names the old name typed whole, or the one with a word its name lacks, even when the name matches too', () => {
    expect(found('acme')).toEqual(['company:Acme Ltd (Acme)']);
    expect(found('acme.com')).toEqual(['company:Acme Ltd (acme.com)']);
    expect(found('gunmen inc')).toEqual(['company:The Lone Gunmen (Lone Gunmen Inc)']);
  });

  it('says nothing of old names when its name explains the match', () => {
    expect(found('gunmen')).toEqual(['company:The Lone Gunmen']);
    expect(found('initrode')).toEqual(['company:Initrode Global', 'customer:Peter Gibbons']);
  });

  it('ranks an entry whose own name matches above a company found only by an old name', () => {
    expect(found('initech')).toEqual(['tag:Initech rollout', 'company:Initrode Global (Initech)']);
  });
});

describe('the palette’s search, every typed word matching', () => {
  const topUps: Catalog = {
    tags: [{ id: id(1), name: 'Top-ups & cash', group: 'Feature area', color: null, description: null, usageCount: 25, createdAt: '2024-01-01T00:00:00.000Z' }],
    customers: [{ id: id(2), name: 'Dana Scully', email: 'dana@fbi.example', externalId: null, company: 'Export Logistics' }],
    companies: [],
    insights: [{ id: id(3), title: 'Cash top-ups are invisible until they land', type: 'problem', status: 'draft' }],
    backlogItems: [
      { id: id(4), title: 'Show cash top-ups as pending with an expected time', externalKey: 'LED-200', status: 'idea' },
      { id: id(5), title: 'Show the decline reason in the app and to the card’s manager', externalKey: 'LED-142', status: 'planned' },
    ],
  };
  const topUpIndex = buildCatalogIndex(toCatalogEntries(topUps));
  const palette = (query: string) => searchCatalog(topUpIndex, query, { everyWord: true }).map((entry) => entry.name);

  it('leaves out a name that matches some of the words only', () => {
    expect(palette('cash top')).toEqual(['Top-ups & cash', 'Cash top-ups are invisible until they land', 'Show cash top-ups as pending with an expected time']);
    expect(palette('show decline')).toEqual(['Show the decline reason in the app and to the card’s manager']);
  });

  it('takes a word of three letters as typed, by its start, and forgives a typo in a longer one', () => {
    // One edit from "top" is "to".
    expect(names('top')).toEqual([]);
    expect(searchCatalog(topUpIndex, 'top').map((entry) => entry.name)).not.toContain('Show the decline reason in the app and to the card’s manager');
    expect(palette('csh top')).toEqual([]);
    expect(palette('cach top')).toEqual(['Top-ups & cash', 'Cash top-ups are invisible until they land', 'Show cash top-ups as pending with an expected time']);
    expect(palette('cash pendign')).toEqual(['Show cash top-ups as pending with an expected time']);
  });

  it('lets one word match the name and another the company, email, group or segment', () => {
    expect(searchCatalog(index, 'dana export', { everyWord: true }).map((entry) => `${entry.type}:${entry.name}`)).toEqual(['customer:Dana Scully']);
    expect(searchCatalog(index, 'dana@f', { everyWord: true }).map((entry) => entry.name)).toEqual(['Dana Scully']);
    expect(searchCatalog(index, 'enterp', { everyWord: true }).map((entry) => entry.name)).toEqual(['Acme']);
    expect(searchCatalog(index, 'acme dk', { everyWord: true }).map((entry) => entry.name)).toEqual(['Dana Katz']);
  });
});
