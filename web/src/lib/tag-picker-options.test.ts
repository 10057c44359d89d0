import { describe, expect, it } from 'vitest';
import type { Catalog } from '@cairn/shared';
import { buildCatalogIndex, searchCatalog, toCatalogEntries } from './catalog-index';
import { tagPickerOptions, type TagPickerOption } from './tag-picker-options';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tag = (n: number, name: string, group: string | null) => ({ id: id(n), name, group, color: null, description: null, usageCount: 0, createdAt: '2024-01-01T00:00:00.000Z' });
const catalog: Catalog = {
  tags: [tag(1, 'Approvals', 'Feature area'), tag(2, 'Export', 'Feature area'), tag(3, 'Cards', 'Topic'), tag(4, 'Card limits', 'Topic'), tag(5, 'Frustrated', 'Emotion')],
  customers: [],
  companies: [],
  insights: [],
  backlogItems: [],
};
const index = buildCatalogIndex(toCatalogEntries(catalog));

/** The picker's options for what was typed, as the tag combobox builds them, named as they read. */
function optionsFor(text: string, { canCreate = true, excludeIds = [] as string[], finding = false } = {}) {
  const offered = (entries: ReturnType<typeof searchCatalog>) => entries.filter((entry) => !excludeIds.includes(entry.id));
  const options = tagPickerOptions(
    text,
    { named: offered(searchCatalog(index, text, { types: ['tag'], allWords: true })), related: offered(searchCatalog(index, text, { types: ['tag'] })) },
    { limit: 12, sameNameExists: catalog.tags.some((t) => t.name.toLowerCase() === text.toLowerCase()), canCreate, allowNone: true, finding },
  );
  return options.map((option: TagPickerOption) => (option.kind === 'tag' ? option.tag.name : option.kind === 'none' ? 'none' : `${option.kind}:${option.name}`));
}

describe('tagPickerOptions', () => {
  it('makes creating the typed tag the default when a word of it matches no existing name, listing tags of a matching group after it', () => {
    const [missingFeature, ...ofTheGroup] = optionsFor('Missing feature');
    expect(missingFeature).toBe('create:Missing feature');
    expect(ofTheGroup.sort()).toEqual(['Approvals', 'Export']);
    const [cardDeclined, ...ofOneWord] = optionsFor('Card declined');
    expect(cardDeclined).toBe('create:Card declined');
    expect(ofOneWord.sort()).toEqual(['Card limits', 'Cards']);
  });

  it('makes an existing tag the default when every typed word matches its name, by its start or despite a typo', () => {
    expect(optionsFor('card lim')[0]).toBe('Card limits');
    expect(optionsFor('frustarted')).toEqual(['Frustrated', 'create:frustarted']);
    expect(optionsFor('appro')).toEqual(['Approvals', 'create:appro']);
  });

  it('puts the tag of the very name typed first and offers no tag of the same name to create', () => {
    expect(optionsFor('cards')).toEqual(['Cards', 'Card limits']);
    expect(optionsFor('Cards', { excludeIds: [id(3)] })).toEqual(['Card limits']);
  });

  it('without the right to create, puts a line Enter does nothing on before tags related to only some of the words', () => {
    const [noNamedTag, ...ofTheGroup] = optionsFor('Missing feature', { canCreate: false });
    expect(noNamedTag).toBe('noNamedTag:Missing feature');
    expect(ofTheGroup.sort()).toEqual(['Approvals', 'Export']);
    expect(optionsFor('Card declined', { canCreate: false })[0]).toBe('noNamedTag:Card declined');
  });

  it('without the right to create, makes a tag every typed word matches the default, and lists nothing for what matches no tag', () => {
    expect(optionsFor('card lim', { canCreate: false })[0]).toBe('Card limits');
    expect(optionsFor('cards', { canCreate: false })).toEqual(['Cards', 'Card limits']);
    expect(optionsFor('zebra', { canCreate: false })).toEqual([]);
  });

  it('makes the tag of the very name typed, in any case, the default over longer names starting with it', () => {
    expect(optionsFor('CARD LIMITS')[0]).toBe('Card limits');
    expect(optionsFor('cards')[0]).toBe('Cards');
  });

  it('offers a highlight without a tag only before anything is typed', () => {
    expect(tagPickerOptions('', { named: [], related: [] }, { limit: 12, sameNameExists: false, canCreate: true, allowNone: true, finding: false })).toEqual([{ kind: 'none' }]);
  });

  it('offers nothing to create while the tags are being found, where typed words have matched none yet', () => {
    // As the picker sees it before the index is ready: the search finds nothing.
    const notFoundYet = { named: [], related: [] };
    const choices = { limit: 12, sameNameExists: false, canCreate: true, allowNone: true };
    expect(tagPickerOptions('Frus', notFoundYet, { ...choices, finding: true })).toEqual([]);
    expect(tagPickerOptions('Frus', notFoundYet, { ...choices, finding: false })).toEqual([{ kind: 'create', name: 'Frus' }]);
    expect(optionsFor('Frus')).toEqual(['Frustrated', 'create:Frus']);
  });

  it('puts no line about what was typed before the tags listed while the tags are being found, whether or not tags may be created', () => {
    expect(optionsFor('Missing feature', { canCreate: false, finding: true }).sort()).toEqual(['Approvals', 'Export']);
    expect(optionsFor('Missing feature', { canCreate: true, finding: true }).sort()).toEqual(['Approvals', 'Export']);
  });

  it('still offers a highlight without a tag while the tags are being found', () => {
    expect(tagPickerOptions('', { named: [], related: [] }, { limit: 12, sameNameExists: false, canCreate: true, allowNone: true, finding: true })).toEqual([{ kind: 'none' }]);
  });
});
