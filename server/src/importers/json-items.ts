import type { z } from 'zod';
import { prependText, readLines } from './decode.js';
import { ImportFileError, RowError } from './types.js';

/** One ticket or conversation: its 1-based position in the file's list (NDJSON: its line) and its JSON text. */
export type JsonItem = { line: number; raw: string } & ({ item: unknown } | { error: string });

const NON_WHITESPACE = /\S/;

/**
 * Vendor exports come as one JSON document (an object, a wrapper such as `{ tickets: [...] }`,
 * or an array) or as newline-delimited JSON, one item per line (Zendesk's full export).
 * A document must be parsed whole; NDJSON is streamed line by line, so a large export never
 * sits in memory. A first line that parses as an object on its own, with more text after it,
 * means NDJSON. Everything that makes the file unusable is thrown before the first item.
 */
export async function openJsonItems(text: AsyncIterable<string>, extractItems: (document: unknown) => unknown[]): Promise<AsyncGenerator<JsonItem>> {
  const chunks = text[Symbol.asyncIterator]();
  // Chunks are searched one by one and joined once: growing one string and searching it after
  // every read would copy the whole text each time (quadratic on a large single-line document).
  const parts: string[] = [];
  const readChunk = async (): Promise<string | null> => {
    const next = await chunks.next();
    if (next.done) return null;
    parts.push(next.value);
    return next.value;
  };

  let readLength = 0;
  let contentStart = -1;
  let firstLineEnd = -1;
  while (firstLineEnd === -1) {
    const chunk = await readChunk();
    if (chunk === null) break;
    if (contentStart === -1 && NON_WHITESPACE.test(chunk)) contentStart = readLength + chunk.search(NON_WHITESPACE);
    const lineBreak = contentStart === -1 ? -1 : chunk.indexOf('\n', Math.max(0, contentStart - readLength));
    if (lineBreak !== -1) firstLineEnd = readLength + lineBreak;
    readLength += chunk.length;
  }
  if (contentStart === -1) throw new ImportFileError('The file is empty');
  const head = parts.join('');
  const first = tryParse(firstLineEnd === -1 ? head : head.slice(0, firstLineEnd));
  if (first.ok && isObject(first.value)) {
    let moreContent = firstLineEnd !== -1 && NON_WHITESPACE.test(head.slice(firstLineEnd));
    while (!moreContent) {
      const chunk = await readChunk();
      if (chunk === null) break;
      moreContent = NON_WHITESPACE.test(chunk);
    }
    if (moreContent) return streamNdjson(readLines(prependText(parts.join(''), chunks)));
    return listItems(extractItems(first.value));
  }
  while ((await readChunk()) !== null);
  const document = tryParse(parts.join(''));
  if (!document.ok) throw new ImportFileError(`The file is not valid JSON: ${document.error}`);
  return listItems(extractItems(document.value));
}

async function* listItems(items: unknown[]): AsyncGenerator<JsonItem> {
  for (const [index, item] of items.entries()) yield { line: index + 1, raw: JSON.stringify(item), item };
}

async function* streamNdjson(lines: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') yield toNdjsonItem(line, text);
  }
}

/** A line that is not JSON rejects that line, not the file. */
function toNdjsonItem(line: number, text: string): JsonItem {
  const parsed = tryParse(text);
  return parsed.ok ? { line, raw: text, item: parsed.value } : { line, raw: text, error: `The line is not valid JSON: ${parsed.error}` };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates one item with its vendor schema; a failure rejects the row with the first problem found. */
export function parseItem<Schema extends z.ZodType>(schema: Schema, item: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowError(issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'The item has an unexpected shape');
  }
  return parsed.data;
}
