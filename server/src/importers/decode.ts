import iconv from 'iconv-lite';
import { ImportFileError } from './types.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What importers read: a Node `Readable` or any async iterable of byte chunks. */
export type ByteSource = AsyncIterable<Uint8Array>;

export type DecodedText = { encoding: TextEncodingName; chunks: AsyncGenerator<string> };

/** How much of a file decides its encoding: enough for any header and many rows, small enough to hold. */
export const SNIFF_BYTES = 64 * 1024;

const BOMS: Array<{ bytes: number[]; encoding: TextEncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * BOM first; without one, UTF-8 when the sniffed prefix is valid UTF-8, else Windows-1252 —
 * the encoding Excel on Windows writes "CSV" in, and a superset of Latin-1.
 */
export function detectEncoding(prefix: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => prefix[i] === byte)) return { encoding: bom.encoding, bomLength: bom.bytes.length };
  }
  return { encoding: isUtf8Prefix(prefix) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the prefix.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a byte stream chunk by chunk; only the first SNIFF_BYTES are held to choose the encoding. */
export async function decodeStream(source: ByteSource): Promise<DecodedText> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(Buffer.from(next.value));
    headLength += next.value.byteLength;
  }
  const prefix = Buffer.concat(head);
  const { encoding, bomLength } = detectEncoding(prefix);
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });

  async function* decodeRest(): AsyncGenerator<string> {
    try {
      const first = decoder.write(prefix.subarray(bomLength));
      if (first) yield first;
      while (!done) {
        const next = await iterator.next();
        if (next.done) break;
        const text = decoder.write(Buffer.from(next.value));
        if (text) yield text;
      }
      const last = decoder.end();
      if (last) yield last;
    } finally {
      // A reader that stops early (a preview) releases the source, as `for await … break` would.
      await iterator.return?.();
    }
  }
  return { encoding, chunks: decodeRest() };
}

/** The whole-buffer twin of decodeStream, for files parsed in one piece (transcripts). */
export function decodeBuffer(bytes: Buffer): { encoding: TextEncodingName; text: string } {
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, SNIFF_BYTES));
  return { encoding, text: iconv.decode(bytes.subarray(bomLength), encoding, { stripBOM: false }) };
}

export async function readAllBytes(source: ByteSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// A decoded binary file is full of C0 controls; real text has only tabs and line breaks.
const BINARY_CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/g;
const BINARY_CONTROL_SHARE = 0.01;

/** Refuses text that is really a binary file (a PDF, a spreadsheet, UTF-16 without a BOM). */
export function assertTextual(text: string, what: string): void {
  const sample = text.slice(0, SNIFF_BYTES);
  if (sample.includes('\u0000') || (sample.match(BINARY_CONTROL_CHARS)?.length ?? 0) > sample.length * BINARY_CONTROL_SHARE) {
    throw new ImportFileError(`${what} is not a text file (it contains binary data). Save it as UTF-8 text and try again.`);
  }
}

/** Puts text already read back in front of the rest of its stream. */
export async function* prependText(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Splits a text stream into lines (without their `\n`/`\r\n`), holding no more than a line and a chunk. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      yield stripCarriageReturn(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  if (pending) yield stripCarriageReturn(pending);
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
