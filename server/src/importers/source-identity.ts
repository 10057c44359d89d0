import { sha256 } from '../lib/crypto.js';
import type { ImportedSource } from './types.js';

/**
 * A transcript's identity before it was its text alone: the file name and the text. Sources that
 * carry such an id are recognised by `formerExternalIds` and given the new one when imported again.
 */
export const LEGACY_TRANSCRIPT_ID_PREFIX = 'transcript:';
const TRANSCRIPT_ID_PREFIX = 'transcript-text:';

/**
 * Gives sources that carry no id of their own (transcripts, CSVs without an id column) a
 * deterministic external id, so importing the same file again updates instead of duplicating.
 * A transcript is identified by its text alone, what was said: the same file renamed is the same
 * interview, and so are two different files with exactly the same text. Its `formerExternalIds`
 * are the ids the old scheme gave it under this file name, then under `legacyFileNames` (those
 * the workspace's transcripts with an old id were imported under). A row is identified by what
 * it says and who said it — not by its line, so a re-export with rows in another order still
 * matches. Identical rows in one file stay distinct sources: the n-th copy gets `#n`.
 */
export function createIdentityAssigner(fileName: string, legacyFileNames: readonly string[] = []) {
  const seen = new Map<string, number>();
  const formerNames = [...new Set([fileName, ...legacyFileNames])];
  return (source: ImportedSource): ImportedSource => {
    if (source.externalId) return source;
    if (source.kind === 'interview') {
      const formerExternalIds = formerNames.map((name) => `${LEGACY_TRANSCRIPT_ID_PREFIX}${sha256(`${name}\n${source.body}`)}`);
      return { ...source, externalId: `${TRANSCRIPT_ID_PREFIX}${sha256(source.body)}`, formerExternalIds };
    }
    const base = `row:${sha256(JSON.stringify(contentOf(source)))}`;
    const copies = (seen.get(base) ?? 0) + 1;
    seen.set(base, copies);
    return { ...source, externalId: copies === 1 ? base : `${base}#${copies}` };
  };
}

function contentOf(source: ImportedSource) {
  const customer = source.customer;
  return [source.title, source.body, source.occurredAt?.toISOString() ?? null, customer?.email ?? null, customer?.externalId ?? null, customer?.name ?? null];
}
