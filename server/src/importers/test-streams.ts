import type { ImportedSource, ImportRow } from './types.js';

/** Bytes as an upload delivers them: in chunks, small by default so that every boundary case is crossed. */
export async function* chunksOf(content: Buffer | string, chunkBytes = 7): AsyncGenerator<Buffer> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
}

export async function* textChunksOf(text: string, chunkLength = 5): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += chunkLength) yield text.slice(i, i + chunkLength);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function acceptedSources(rows: ImportRow[]): ImportedSource[] {
  return rows.flatMap((row) => ('sources' in row ? row.sources : []));
}

export function rejectedRows(rows: ImportRow[]): Array<{ line: number; error: string }> {
  return rows.flatMap((row) => ('error' in row ? [{ line: row.line, error: row.error }] : []));
}
