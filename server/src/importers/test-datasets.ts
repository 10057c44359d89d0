import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';

/**
 * The real public files in `<repo>/../shared/datasets` (see its README and each PROVENANCE.txt),
 * resolved from this file so tests find them from any working directory, locally and in CI.
 */
const DATASETS = new URL('../../../../shared/datasets/', import.meta.url);

export function datasetPath(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, DATASETS));
}

export function readDataset(relativePath: string): Buffer {
  return readFileSync(datasetPath(relativePath));
}

/** A file as an upload arrives: in chunks (small ones, to exercise chunk boundaries, when asked). */
export function streamDataset(relativePath: string, chunkBytes?: number): Readable {
  return createReadStream(datasetPath(relativePath), chunkBytes ? { highWaterMark: chunkBytes } : {});
}
