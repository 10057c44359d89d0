import MiniSearch, { type MatchInfo, type SearchResult } from 'minisearch';
import { countOf, customerName, type Catalog } from '@cairn/shared';
// With its extension: the browser tests compile this file under Node's module resolution.
import { tokenize, tokenizeQuery, typosForgiven } from './catalog-words.js';

/**
 * The in-browser index behind the command palette and every picker: names of things only
 * (tags, customers, companies, insights, backlog items), searched as you type with no round trip.
 * Pure (no React, no fetch) so the browser test can build it over 10,000 entries and time it.
 */
export const CATALOG_ENTRY_TYPES = ['tag', 'customer', 'company', 'insight', 'backlogItem'] as const;
export type CatalogEntryType = (typeof CATALOG_ENTRY_TYPES)[number];

export type CatalogEntry = {
  /** `type:id`, unique across types. */
  key: string;
  type: CatalogEntryType;
  id: string;
  name: string;
  /** A second line for lists: a tag's group, a customer's email and company, a company's segment and size. */
  detail: string | null;
  email?: string | null;
  company?: string | null;
  group?: string | null;
  segment?: string | null;
  /** A company's other names (before a rename, of companies merged into it): it is found by them too. */
  aliases?: string[];
  color?: string | null;
  usageCount?: number;
};

/** A search result: the entry, and for a company found by one of its other names, that name. */
export type CatalogMatch = CatalogEntry & { matchedAlias?: string };

export type CatalogIndex = {
  entries: CatalogEntry[];
  /** The words of every name; its documents are positions in `entries`. */
  names: MiniSearch<number>;
  /**
   * Every email, company, tag group and company segment, lowercased, with the position of its
   * entry, by first character: a typed word is compared only with the values it could start.
   */
  othersByFirstChar: Map<string, { values: string[]; positions: number[] }>;
};

const SEARCH_OPTIONS = { prefix: true, fuzzy: typosForgiven };

/** What a typed word may start besides a name: the entry's email, company, group and segment, lowercased. */
function othersOf(entry: CatalogEntry): string[] {
  return [entry.email, entry.company, entry.group, entry.segment].flatMap((value) => (value ? [value.toLowerCase()] : []));
}

/** A second line of two parts, either of which may be missing. */
function detailOf(first: string | null | undefined, second: string | null | undefined): string | null {
  return first && second ? `${first} · ${second}` : first || second || null;
}

export function toCatalogEntries(catalog: Catalog): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const tag of catalog.tags) {
    entries.push({ key: `tag:${tag.id}`, type: 'tag', id: tag.id, name: tag.name, detail: tag.group, group: tag.group, color: tag.color, usageCount: tag.usageCount ?? 0 });
  }
  for (const customer of catalog.customers) {
    entries.push({
      key: `customer:${customer.id}`,
      type: 'customer',
      id: customer.id,
      name: customerName(customer),
      detail: detailOf(customer.name ? customer.email : null, customer.company),
      email: customer.email,
      company: customer.company,
    });
  }
  for (const company of catalog.companies) {
    entries.push({
      key: `company:${company.id}`,
      type: 'company',
      id: company.id,
      name: company.name,
      detail: detailOf(company.segment, countOf(company.customers, 'customer')),
      segment: company.segment,
      aliases: company.aliases,
    });
  }
  for (const insight of catalog.insights) {
    entries.push({ key: `insight:${insight.id}`, type: 'insight', id: insight.id, name: insight.title, detail: detailOf(insight.type, insight.status) });
  }
  for (const item of catalog.backlogItems) {
    entries.push({ key: `backlogItem:${item.id}`, type: 'backlogItem', id: item.id, name: item.title, detail: detailOf(item.externalKey, item.status) });
  }
  return entries;
}

/** A company's aliases as one text for MiniSearch; nothing (not even an empty field) for other entries, which then cost the build nothing more. */
const aliasesText = (entry: CatalogEntry) => (entry.aliases?.length ? entry.aliases.join('\n') : undefined);

/**
 * MiniSearch indexes the words of names, and of companies' aliases in a field of their own: an
 * old name finds a company as a name would (a word, by its start, despite a typo), and the
 * search can tell which field matched.
 * Emails, companies, tag groups and segments are found by their start, which a scan of their
 * lowercased values answers in a fraction of a millisecond per keystroke; as index terms (every
 * email unique) they cost a third of the build, which a person waits for on opening the app (ADR 006).
 */
export function buildCatalogIndex(entries: CatalogEntry[]): CatalogIndex {
  const names = new MiniSearch<number>({
    fields: ['name', 'aliases'],
    extractField: (position, field) => (field === 'id' ? position : field === 'aliases' ? aliasesText(entries[position]!) : entries[position]!.name),
    tokenize,
    processTerm: (term) => term,
    searchOptions: { ...SEARCH_OPTIONS, tokenize: tokenizeQuery },
  });
  names.addAll(entries.map((_, position) => position));

  const othersByFirstChar: CatalogIndex['othersByFirstChar'] = new Map();
  const addOther = (lowercased: string, position: number) => {
    let others = othersByFirstChar.get(lowercased[0]!);
    if (!others) othersByFirstChar.set(lowercased[0]!, (others = { values: [], positions: [] }));
    others.values.push(lowercased);
    others.positions.push(position);
  };
  entries.forEach((entry, position) => {
    for (const value of othersOf(entry)) addOther(value, position);
  });
  return { entries, names, othersByFirstChar };
}

/**
 * The best matches for what was typed, optionally of some types only. Entries whose name
 * matches come first, by MiniSearch's score multiplied by one plus the number of typed words
 * that start one of their emails, companies, groups or segments; then companies found by an old
 * name alone, alike; then the entries found by those values alone, most words first, in catalog order.
 */
export type CatalogSearchOptions = {
  types?: readonly CatalogEntryType[];
  limit?: number;
  /**
   * Every typed word must match the name (each still by its start and despite a typo), and an
   * entry found by its email, company, group or segment alone is left out. For a picker whose
   * Enter writes something: "Statements are hard" must not pick "Card payments are declined" for
   * its "are", nor "Missing feature" every tag of the group "Feature area".
   */
  allWords?: boolean;
  /**
   * Every typed word must match the entry: a word of its name (by its start, despite a typo), or
   * the start of its email, company, group or segment. For the palette: a second word narrows
   * what the first found and never adds to it ("cash top" is not every name with "to" in it).
   */
  everyWord?: boolean;
};

/**
 * The old name that found a company, to show beside its name: one with a matched word its name
 * lacks, or every word of which matched (what was typed is the old name); with most words
 * matched. None when the company's name explains the match on its own.
 */
function aliasMatched(entry: CatalogEntry, match: MatchInfo): string | undefined {
  if (!entry.aliases?.length) return undefined;
  let best: { alias: string; words: number } | undefined;
  for (const alias of entry.aliases) {
    const words = tokenize(alias);
    const matched = words.filter((word) => match[word]?.includes('aliases'));
    const explains = matched.length === words.length || matched.some((word) => !match[word]!.includes('name'));
    if (explains && matched.length > (best?.words ?? 0)) best = { alias, words: matched.length };
  }
  return best?.alias;
}

export function searchCatalog(index: CatalogIndex, query: string, options: CatalogSearchOptions = {}): CatalogMatch[] {
  const text = query.trim();
  if (!text) return [];
  const { types, limit = 20, allWords = false, everyWord = false } = options;
  const wanted = (position: number) => !types || types.includes(index.entries[position]!.type);

  const words = tokenizeQuery(text);
  // An entry's values sit side by side in a bucket, so a word counts once per entry.
  const otherMatches = new Map<number, number>();
  for (const word of words) {
    const others = index.othersByFirstChar.get(word[0]!);
    if (!others) continue;
    let previous = -1;
    for (let i = 0; i < others.values.length; i++) {
      const position = others.positions[i]!;
      if (position === previous || !others.values[i]!.startsWith(word)) continue;
      previous = position;
      if (wanted(position)) otherMatches.set(position, (otherMatches.get(position) ?? 0) + 1);
    }
  }

  // With everyWord, one word may match the name and another the company: the names are searched for any word, and what they find is kept if every word matches it somewhere.
  const hasEveryWord = (result: SearchResult) => {
    const others = othersOf(index.entries[result.id as number]!);
    return words.every((word) => result.queryTerms.includes(word) || others.some((value) => value.startsWith(word)));
  };
  const filter = (result: SearchResult) => (!types || wanted(result.id)) && (!everyWord || hasEveryWord(result));
  const byName = index.names.search(text, { ...(types || everyWord ? { filter } : {}), ...(allWords ? { combineWith: 'AND' } : {}) });
  if (otherMatches.size > 0) {
    for (const result of byName) {
      result.score *= 1 + (otherMatches.get(result.id) ?? 0);
      otherMatches.delete(result.id);
    }
    byName.sort((a, b) => b.score - a.score);
  }
  // A current name before an old one, whatever their scores: an alias field is as short as a name, and would otherwise rank alike.
  const byOldNameOnly = new Set(byName.filter((result) => !Object.values(result.match).some((fields) => fields.includes('name'))));
  const byNames = byOldNameOnly.size ? [...byName.filter((result) => !byOldNameOnly.has(result)), ...byOldNameOnly] : byName;
  // With one word, every count is one and the map is already in catalog order.
  const byOthersOnly = allWords ? [] : [...otherMatches.keys()].filter((position) => !everyWord || otherMatches.get(position) === words.length);
  if (words.length > 1) byOthersOnly.sort((a, b) => otherMatches.get(b)! - otherMatches.get(a)! || a - b);
  const found: CatalogMatch[] = byNames.slice(0, limit).map((result) => {
    const entry = index.entries[result.id as number]!;
    const matchedAlias = aliasMatched(entry, result.match);
    return matchedAlias ? { ...entry, matchedAlias } : entry;
  });
  for (const position of byOthersOnly.slice(0, limit - found.length)) found.push(index.entries[position]!);
  return found;
}
