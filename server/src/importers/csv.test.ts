import { IMPORT_ROW_MAX_BYTES } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvRecord } from './csv.js';
import { collect, textChunksOf } from './test-streams.js';
import { ImportFileError } from './types.js';

async function readCsv(text: string, chunkLength = 5) {
  const table = await openCsv(textChunksOf(text, chunkLength));
  return { ...table, rows: await collect(table.records) };
}

function summarize(rows: CsvRecord[]) {
  return rows.map((row) => ('cells' in row ? { line: row.line, cells: row.cells } : { line: row.line, error: row.error }));
}

describe('openCsv', () => {
  it.each([
    [',', 'id,body\n1,"a, b"\n'],
    [';', 'id;body\n1;a, b\n'],
    ['\t', 'id\tbody\n1\ta, b\n'],
  ])('detects the %j delimiter from the header line', async (delimiter, text) => {
    const { delimiter: detected, columns, rows } = await readCsv(text);
    expect(detected).toBe(delimiter);
    expect(columns).toEqual(['id', 'body']);
    expect(summarize(rows)).toEqual([{ line: 2, cells: ['1', 'a, b'] }]);
  });

  it('ignores delimiters inside quoted header names', async () => {
    expect((await readCsv('"a;b";"c;d",e;f\n')).delimiter).toBe(';');
  });

  it('numbers records by the line they start on, through quoted multi-line fields, blank lines and CRLF', async () => {
    const text = 'id,body\r\n1,"first\r\nsecond\r\nthird"\r\n\r\n2,plain\r\n3,"x ""quoted"" \nmore"\n4,last';
    const { rows } = await readCsv(text, 3);
    expect(summarize(rows)).toEqual([
      { line: 2, cells: ['1', 'first\nsecond\nthird'] },
      { line: 6, cells: ['2', 'plain'] },
      { line: 7, cells: ['3', 'x "quoted" \nmore'] },
      { line: 9, cells: ['4', 'last'] },
    ]);
    expect(rows[0]?.raw).toBe('1,"first\nsecond\nthird"');
    expect(rows[2]?.raw).toBe('3,"x ""quoted"" \nmore"');
  });

  it('keeps short and long rows (the importers decide) and skips rows of only delimiters', async () => {
    const { rows } = await readCsv('a,b,c\n1\n,,\n1,2,3,4\n');
    expect(summarize(rows)).toEqual([
      { line: 2, cells: ['1'] },
      { line: 4, cells: ['1', '2', '3', '4'] },
    ]);
  });

  it('rejects a row over IMPORT_ROW_MAX_BYTES with its line and reads on', async () => {
    const big = 'x'.repeat(IMPORT_ROW_MAX_BYTES);
    const { rows } = await readCsv(`id,body\n1,ok\n2,"${big}"\n3,ok\n`, 64 * 1024);
    expect(summarize(rows)).toEqual([
      { line: 2, cells: ['1', 'ok'] },
      { line: 3, error: `The row is ${IMPORT_ROW_MAX_BYTES + 4} bytes long; the limit is ${IMPORT_ROW_MAX_BYTES}` },
      { line: 4, cells: ['3', 'ok'] },
    ]);
  });

  it('reports a quote never closed as one rejected row at the line it opens', async () => {
    const { rows } = await readCsv('id,body\n1,ok\n2,"open\n3,lost\n');
    expect(summarize(rows)).toEqual([
      { line: 2, cells: ['1', 'ok'] },
      { line: 3, error: 'A quoted field opened on this line is never closed: the rest of the file was read as one value' },
    ]);
    expect(rows[1]?.raw).toBe('2,"open\n3,lost');
  });

  it('stops reading, with a rejected row, when an unclosed quote swallows megabytes', async () => {
    const line = `${'y'.repeat(999)}\n`;
    const text = `id,body\n1,ok\n2,"open\n${line.repeat(5000)}`;
    const { rows } = await readCsv(text, 64 * 1024);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 3, error: expect.stringMatching(/still open .* reading stopped here/) });
  });

  it('tolerates stray quotes inside unquoted values', async () => {
    const { rows } = await readCsv('id,body\n1,5" screen\n');
    expect(summarize(rows)).toEqual([{ line: 2, cells: ['1', '5" screen'] }]);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a file of blank lines', '\n \n\t\n', /empty/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000\u0014\u0000\u0006\u0000', /not a text file/],
    ['prose instead of a header row', `${'Lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(5)}\nsed do eiusmod\n`, /not a header row/],
    ['a header that never closes its quote', '"id,body\n1,2\n', /header row could not be read/],
  ])('raises ImportFileError for %s', async (_, text, message) => {
    const attempt = readCsv(text);
    await expect(attempt).rejects.toBeInstanceOf(ImportFileError);
    await expect(readCsv(text)).rejects.toThrow(message);
  });
});
