import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { assertTextual, decodeBuffer, decodeStream, detectEncoding, readLines, SNIFF_BYTES } from './decode.js';
import { chunksOf, collect, textChunksOf } from './test-streams.js';
import { ImportFileError } from './types.js';

async function decodeAll(bytes: Buffer, chunkBytes?: number) {
  const { encoding, chunks } = await decodeStream(chunksOf(bytes, chunkBytes));
  return { encoding, text: (await collect(chunks)).join('') };
}

describe('decodeStream', () => {
  const text = 'Café, crème & 🎉\nsecond line';

  it.each([
    ['utf-8', Buffer.from(text)],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])],
  ])('detects %s (with or without BOM) and decodes across chunk boundaries', async (encoding, bytes) => {
    expect(await decodeAll(bytes, 3)).toEqual({ encoding, text });
  });

  it('falls back to Windows-1252 when the prefix is not UTF-8', async () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]);
    expect(await decodeAll(bytes)).toEqual({ encoding: 'windows-1252', text: 'Café € “q”' });
  });

  it('decides on the first 64 KB only, then streams the rest', async () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(SNIFF_BYTES * 3)), Buffer.from('é')]);
    const { encoding, chunks } = await decodeStream(chunksOf(bytes, 16 * 1024));
    expect(encoding).toBe('utf-8');
    const sizes = (await collect(chunks)).map((chunk) => chunk.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SNIFF_BYTES + 16 * 1024);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(SNIFF_BYTES * 3 + 1);
  });

  it('does not mistake a UTF-8 character cut by the 64 KB boundary for Windows-1252', async () => {
    const bytes = Buffer.from(`${'a'.repeat(SNIFF_BYTES - 1)}é and more`);
    expect((await decodeAll(bytes, 1024)).encoding).toBe('utf-8');
  });

  it('decodes an empty stream to nothing', async () => {
    expect(await decodeAll(Buffer.alloc(0))).toEqual({ encoding: 'utf-8', text: '' });
  });
});

describe('decodeBuffer and detectEncoding', () => {
  it('strip the BOM and keep a U+FEFF that follows it', () => {
    expect(decodeBuffer(Buffer.from('\uFEFF\uFEFFx')).text).toBe('\uFEFFx');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
  });
});

describe('assertTextual', () => {
  it('refuses binary content and UTF-16 without a BOM', () => {
    expect(() => assertTextual('%PDF\u0000\u0001', 'x.csv')).toThrow(ImportFileError);
    expect(() => assertTextual(iconv.encode('hello', 'utf16le').toString('utf8'), 'x.csv')).toThrow(/not a text file/);
  });

  it('accepts text with tabs and line breaks', () => {
    expect(() => assertTextual('a\tb\r\nc', 'x.csv')).not.toThrow();
  });
});

describe('readLines', () => {
  it('splits on \\n and \\r\\n across chunks and keeps a last line without a break', async () => {
    expect(await collect(readLines(textChunksOf('one\r\ntwo\n\nthree', 2)))).toEqual(['one', 'two', '', 'three']);
  });
});
