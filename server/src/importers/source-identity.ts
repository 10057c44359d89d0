import { sha256 } from '../lib/crypto.js';
import type { ImportedSource } from './types.js';

/**
 * Gives sources that carry no id of their own (transcripts, CSVs without an id column) a
 * deterministic external id, so importing the same file again updates instead of duplicating.
 * A transcript is identified by its file name and text; a row by what it says and who said
 * it — not by its line, so a re-export with rows in another order still matches. Identical
 * rows in one file stay distinct sources: the n-th copy gets `#n`.
 */
export function createIdentityAssigner(fileName: string) {
  const seen = new Map<string, number>();
  return (source: ImportedSource): ImportedSource => {
    if (source.externalId) return source;
    const base = source.kind === 'interview' ? `transcript:${sha256(`${fileName}\n${source.body}`)}` : `row:${sha256(JSON.stringify(contentOf(source)))}`;
    const copies = (seen.get(base) ?? 0) + 1;
    seen.set(base, copies);
    return { ...source, externalId: copies === 1 ? base : `${base}#${copies}` };
  };
}

function contentOf(source: ImportedSource) {
  const customer = source.customer;
  return [source.title, source.body, source.occurredAt?.toISOString() ?? null, customer?.email ?? null, customer?.externalId ?? null, customer?.name ?? null];
}
