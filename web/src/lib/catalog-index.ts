import MiniSearch from 'minisearch';
import type { Catalog } from '@cairn/shared';

/**
 * The in-browser index behind the command palette and every picker: names of things only
 * (tags, customers, insights, backlog items), searched as you type with no round trip.
 * Pure (no React, no fetch) so the browser test can build it over 10,000 entries and time it.
 */
export const CATALOG_ENTRY_TYPES = ['tag', 'customer', 'insight', 'backlogItem'] as const;
export type CatalogEntryType = (typeof CATALOG_ENTRY_TYPES)[number];

export type CatalogEntry = {
  /** `type:id`, unique across types. */
  key: string;
  type: CatalogEntryType;
  id: string;
  name: string;
  /** A second line for lists: a tag's group, a customer's email and company. */
  detail: string | null;
  email?: string | null;
  company?: string | null;
  group?: string | null;
  color?: string | null;
  usageCount?: number;
};

export type CatalogIndex = { search: MiniSearch<CatalogEntry>; entries: Map<string, CatalogEntry> };

/** Typing "expor" finds "Export"; "exprot" still does (fuzzy 0.2 = one typo in five letters). */
const SEARCH_OPTIONS = { prefix: true, fuzzy: 0.2, boost: { name: 3 } };
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Joins the parts of the `also` field; no name, email or group contains it. */
const PART_SEPARATOR = '\u0000';

/**
 * Two fields: the name, split into words, and `also` — an email, a company, a tag group — each
 * kept as one term, found by its start ("dana@ex…", "acme co…"). Split, they added two or three
 * terms to every customer; as fields of their own, each needed MiniSearch's per-field records
 * for every entry: one field instead of three builds the index a fifth faster on a fresh page.
 */
const FIELDS = ['name', 'also'];

function alsoOf(entry: CatalogEntry): string {
  return [entry.email, entry.company, entry.group].filter(Boolean).join(PART_SEPARATOR);
}

function tokenize(text: string, field?: string): string[] {
  return (field === 'also' ? text.split(PART_SEPARATOR) : text.split(WORD_SEPARATORS)).filter(Boolean);
}

/** What was typed: words, except that something with an @ is the start of an email. */
function tokenizeQuery(text: string): string[] {
  return text.split(/\s+/).flatMap((part) => (part.includes('@') ? [part] : tokenize(part)));
}

export function toCatalogEntries(catalog: Catalog): CatalogEntry[] {
  const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ') || null;
  return [
    ...catalog.tags.map((tag): CatalogEntry => ({ key: `tag:${tag.id}`, type: 'tag', id: tag.id, name: tag.name, detail: tag.group, group: tag.group, color: tag.color, usageCount: tag.usageCount ?? 0 })),
    ...catalog.customers.map(
      (customer): CatalogEntry => ({
        key: `customer:${customer.id}`,
        type: 'customer',
        id: customer.id,
        name: customer.name ?? customer.email ?? 'Unnamed customer',
        detail: joined(customer.name ? customer.email : null, customer.company),
        email: customer.email,
        company: customer.company,
      }),
    ),
    ...catalog.insights.map((insight): CatalogEntry => ({ key: `insight:${insight.id}`, type: 'insight', id: insight.id, name: insight.title, detail: joined(insight.type, insight.status) })),
    ...catalog.backlogItems.map((item): CatalogEntry => ({ key: `backlogItem:${item.id}`, type: 'backlogItem', id: item.id, name: item.title, detail: joined(item.externalKey, item.status) })),
  ];
}

export function buildCatalogIndex(entries: CatalogEntry[]): CatalogIndex {
  const search = new MiniSearch<CatalogEntry>({
    idField: 'key',
    fields: FIELDS,
    extractField: (entry, field) => (field === 'also' ? alsoOf(entry) : entry[field as keyof CatalogEntry]) as string,
    tokenize,
    searchOptions: { ...SEARCH_OPTIONS, tokenize: tokenizeQuery },
  });
  search.addAll(entries);
  return { search, entries: new Map(entries.map((entry) => [entry.key, entry])) };
}

/** The best matches for what was typed, optionally of some types only. */
export function searchCatalog(index: CatalogIndex, query: string, options: { types?: readonly CatalogEntryType[]; limit?: number } = {}): CatalogEntry[] {
  const text = query.trim();
  if (!text) return [];
  const types = options.types;
  const results = index.search.search(text, types ? { filter: (result) => types.includes(String(result.id).split(':', 1)[0] as CatalogEntryType) } : {});
  return results.slice(0, options.limit ?? 20).map((result) => index.entries.get(String(result.id))!);
}
