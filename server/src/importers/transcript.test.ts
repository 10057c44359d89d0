import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDataset } from './test-datasets.js';
import { parseTranscript } from './transcript.js';
import { ImportFileError, type ImportedSource } from './types.js';

/** Segments are in order, never overlap, and each covers exactly one trimmed turn with only blank-line gaps between. */
function expectSegmentsToTileBody(source: ImportedSource): void {
  const segments = source.segments ?? [];
  let previousEnd = -1;
  for (const segment of segments) {
    const text = source.body.slice(segment.start, segment.end);
    expect(segment.start).toBeGreaterThan(previousEnd);
    expect(text).not.toBe('');
    expect(text).toBe(text.trim());
    expect(text).not.toContain('\n\n');
    if (previousEnd >= 0) expect(source.body.slice(previousEnd, segment.start)).toBe('\n\n');
    previousEnd = segment.end;
  }
  expect(previousEnd).toBe(source.body.length);
}

const AMI_ROLES = ['Industrial Designer', 'Marketing', 'Project Manager', 'User Interface'];

async function parse(fileName: string, text: string, options = {}) {
  return parseTranscript(fileName, Buffer.from(text), options);
}

/** A real Word file whose core properties (docProps/core.xml) hold only `properties`. */
async function withCoreProperties(docx: Buffer, properties: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${properties}</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The footnotes of mammoth-footnotes.docx made its endnotes, the same text under the other kind of note. */
async function withFootnotesAsEndnotes(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const footnotes = await zip.file('word/footnotes.xml')!.async('string');
  const document = await zip.file('word/document.xml')!.async('string');
  zip.file('word/endnotes.xml', footnotes.replaceAll('w:footnote', 'w:endnote'));
  zip.file('word/document.xml', document.replaceAll('w:footnoteReference', 'w:endnoteReference'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** mammoth-footnotes.docx as a transcript: Ana asks, Bo answers with the sentence whose footnotes it holds. */
async function withSpeakers(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const document = await zip.file('word/document.xml')!.async('string');
  const asked = '<w:body><w:p><w:r><w:t>Ana: Where does it hurt?</w:t></w:r></w:p>';
  zip.file('word/document.xml', document.replace('<w:body>', asked).replace('<w:t>Ouch</w:t>', '<w:t>Bo: Ouch</w:t>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('parseTranscript on the AMI meetings', () => {
  // Turn counts were checked independently: speaker changes between consecutive cues, labelled lines or headers.
  it.each([
    ['IS1001b.vtt', 599],
    ['IS1004b.vtt', 401],
    ['IS1002b.txt', 472],
    ['TS3008b.otter.txt', 624],
  ])('reads %s into %i turns that tile the body', async (fileName, turns) => {
    const source = await parseTranscript(fileName, readDataset(`ami-meetings/${fileName}`));
    expect(source.kind).toBe('interview');
    expect(source.segments).toHaveLength(turns);
    expect([...new Set(source.segments?.map((segment) => segment.speaker))].sort()).toEqual(AMI_ROLES);
    expectSegmentsToTileBody(source);
  });

  it('keeps the cue text and timing of a WebVTT turn', async () => {
    const source = await parseTranscript('IS1001b.vtt', readDataset('ami-meetings/IS1001b.vtt'));
    const seventh = source.segments?.[6];
    expect(seventh).toMatchObject({ speaker: 'Project Manager', startMs: 6400, endMs: 10400 });
    expect(source.body.slice(seventh?.start, seventh?.end)).toBe('So we are here for uh for uh functional design.');
    expect(source.title).toBe('IS1001b');
  });

  it('reads the Otter-style header times as turn starts', async () => {
    const source = await parseTranscript('TS3008b.otter.txt', readDataset('ami-meetings/TS3008b.otter.txt'));
    expect(source.segments?.[1]).toMatchObject({ speaker: 'Industrial Designer', startMs: 1000, endMs: null });
    expect(source.body.slice(source.segments?.[1]?.start, source.segments?.[1]?.end)).toBe('{vocalsound} My mouse is not working anymore.');
  });

  it('keeps every cue of the speakerless SubRip file as a timed turn without a speaker', async () => {
    const source = await parseTranscript('ES2005b.srt', readDataset('ami-meetings/ES2005b.srt'));
    expect(source.segments).toHaveLength(653);
    expect(source.segments?.every((segment) => segment.speaker === '')).toBe(true);
    expect(source.segments?.[1]).toMatchObject({ startMs: 13_800, endMs: 14_600 });
    expect(source.body.slice(source.segments?.[1]?.start, source.segments?.[1]?.end)).toBe('Okay. {vocalsound}');
    expect(source.metadata.speakers).toEqual([]);
    expectSegmentsToTileBody(source);
  });

  it('marks the interviewer’s turns, matching the name case-insensitively', async () => {
    const source = await parseTranscript('IS1002b.txt', readDataset('ami-meetings/IS1002b.txt'), { interviewer: 'marketing' });
    const marked = source.segments?.filter((segment) => segment.interviewer) ?? [];
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((segment) => segment.speaker === 'Marketing')).toBe(true);
    expect(source.segments?.filter((segment) => segment.speaker !== 'Marketing').some((segment) => segment.interviewer)).toBe(false);
  });
});

describe('parseTranscript on malformed WebVTT from web-platform-tests', () => {
  it('keeps the six cues browsers keep from arrows.vtt and warns about the broken timing lines', async () => {
    const source = await parseTranscript('arrows.vtt', readDataset('webvtt-wpt/arrows.vtt'));
    expect(source.body).toBe('text1\n\ntext2\n\ntext3\n\ntext4\n\ntext5\n\ntext6');
    expect(source.warnings?.map((warning) => warning.line)).toEqual([3, 6, 9, 12, 15, 21, 23, 25, 27]);
  });

  it('keeps the two valid cues of timings-too-short.vtt and reports the 30 invalid ones by line', async () => {
    const source = await parseTranscript('timings-too-short.vtt', readDataset('webvtt-wpt/timings-too-short.vtt'));
    expect(source.body).toBe('text1\n\ntext2');
    expect(source.warnings).toHaveLength(30);
    expect(source.warnings?.[0]).toEqual({ line: 6, message: 'Cue timing "0000:00.000 --> 00:00:01.000" is not valid; the cue was skipped' });
  });

  it('raises ImportFileError when no cue survives', async () => {
    await expect(parse('broken.vtt', 'WEBVTT\n\n00:00.0 --> 00:01.000\nhello\n')).rejects.toThrow(/no readable cues.*line 3/);
  });
});

describe('parseTranscript WebVTT and SubRip details', () => {
  it('reads voice tags with classes, strips cue markup and skips NOTE, STYLE and REGION blocks', async () => {
    const vtt = [
      'WEBVTT - interview',
      'Kind: captions',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'NOTE this is a comment',
      'spanning lines',
      '',
      'intro',
      '01:02.500 --> 01:04.000 align:start position:10%',
      '<v.loud Ana Souza>I <i>really</i> <c.yellow>hate</c> the <00:01:03.000>export &amp; import</v>',
      '',
      '1:00:00.000 --> 1:00:01.000',
      '<v Bo>Why?',
    ].join('\n');
    const source = await parse('call.vtt', vtt);
    expect(source.body).toBe('I really hate the export & import\n\nWhy?');
    expect(source.segments).toEqual([
      { speaker: 'Ana Souza', startMs: 62_500, endMs: 64_000, start: 0, end: 33 },
      { speaker: 'Bo', startMs: 3_600_000, endMs: 3_601_000, start: 35, end: 39 },
    ]);
  });

  it('reads Zoom-style "Speaker: text" cues and merges consecutive cues of one speaker', async () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna: I export\n\n2\n00:00:02.000 --> 00:00:03.500\nAna: every week.\n\n3\n00:00:04.000 --> 00:00:05.000\nBo: Why?\n';
    const source = await parse('zoom.vtt', vtt);
    expect(source.body).toBe('I export every week.\n\nWhy?');
    expect(source.segments?.[0]).toEqual({ speaker: 'Ana', startMs: 1000, endMs: 3500, start: 0, end: 20 });
  });

  it('reads two voices inside one cue as two turns', async () => {
    const source = await parse('two.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hi</v> <v Bo>Hello</v>\n');
    expect(source.segments?.map((segment) => segment.speaker)).toEqual(['Ana', 'Bo']);
    expect(source.body).toBe('Hi\n\nHello');
  });

  it('reads Teams-style cue ids and voice spans', async () => {
    const vtt = 'WEBVTT\n\n6f2a9c1e-4b7d-4a8e-9b1f-2c3d4e5f6a7b/12-0\n00:00:03.120 --> 00:00:05.880\n<v Jane Doe>Can you see my screen?</v>\n';
    expect((await parse('teams.vtt', vtt)).segments).toEqual([{ speaker: 'Jane Doe', startMs: 3120, endMs: 5880, start: 0, end: 22 }]);
  });

  it('reads SubRip cues with speaker prefixes and formatting tags', async () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,500\r\nAna: <i>First</i> line\r\nwraps here\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n{\\an8}Bo: Second\r\n';
    const source = await parse('call.srt', srt);
    expect(source.body).toBe('First line wraps here\n\nSecond');
    expect(source.segments?.map(({ speaker, startMs }) => [speaker, startMs])).toEqual([
      ['Ana', 1000],
      ['Bo', 3000],
    ]);
  });
});

describe('parseTranscript text and Word files', () => {
  it('reads "Speaker: text" lines with CRLF line breaks, continuation lines and a leading title', async () => {
    const text = 'Interview with Ana, 2024-03-01\r\n\r\nInterviewer: How do you export?\r\nAna: By hand.\r\nIt takes an hour.\r\n\r\nInterviewer: Every week?\r\n';
    const source = await parse('ana.txt', text, { interviewer: 'INTERVIEWER' });
    expect(source.body).toBe('Interview with Ana, 2024-03-01\n\nHow do you export?\n\nBy hand.\nIt takes an hour.\n\nEvery week?');
    expect(source.segments?.map((segment) => [segment.speaker, source.body.slice(segment.start, segment.end), segment.interviewer ?? false])).toEqual([
      ['Interviewer', 'How do you export?', true],
      ['Ana', 'By hand.\nIt takes an hour.', false],
      ['Interviewer', 'Every week?', true],
    ]);
  });

  it('counts offsets in UTF-16 code units through emoji and combining accents (stored as NFC)', async () => {
    const decomposed = 'Rene\u0301e';
    const text = `${decomposed}: J'adore 👩🏽‍💻 l'export\nBo: 🎉 Cafe\u0301?\n`;
    const source = await parse('unicode.md', text);
    const [first, second] = source.segments ?? [];
    expect(first?.speaker).toBe('Renée');
    expect(source.body.slice(first?.start, first?.end)).toBe("J'adore 👩🏽‍💻 l'export");
    expect(source.body.slice(second?.start, second?.end)).toBe('🎉 Café?');
    expect(second?.start).toBe("J'adore 👩🏽‍💻 l'export".length + 2);
    expect(source.body).toBe(source.body.normalize('NFC'));
  });

  it('reads Markdown bold speaker names and bracketed timestamps', async () => {
    const source = await parse('notes.md', '**Ana:** I export by hand.\n[00:01:05] **Bo:** Why?\n');
    expect(source.segments?.map(({ speaker, startMs }) => [speaker, startMs])).toEqual([
      ['Ana', null],
      ['Bo', 65_000],
    ]);
  });

  it('reads Rev-style "Name (00:01:05):" headers and inline "Name (00:01:05): text" labels', async () => {
    const rev = await parse('rev.txt', 'Speaker 1 (00:00):\nHello and welcome.\n\nAna Souza (01:05):\nThanks.\nGlad to be here.\n');
    expect(rev.segments?.map(({ speaker, startMs }) => [speaker, startMs])).toEqual([
      ['Speaker 1', 0],
      ['Ana Souza', 65_000],
    ]);
    expect(rev.body).toBe('Hello and welcome.\n\nThanks.\nGlad to be here.');
    const inline = await parse('inline.txt', 'Ana (00:00:05): Hi\nBo (00:00:09): Hello\n');
    expect(inline.segments?.map(({ speaker, startMs }) => [speaker, startMs])).toEqual([
      ['Ana', 5000],
      ['Bo', 9000],
    ]);
  });

  it('does not take sentences ending in a time for speaker headers', async () => {
    const source = await parse('notes.txt', 'We met at 10:30\nThen again at 14:00\nAnd at 16:15\n');
    expect(source.segments).toBeNull();
  });

  it('keeps a text without speakers as one segment-less body, paragraphs intact', async () => {
    const source = await parse('memo.txt', 'Note: the export is slow.\n\nSecond paragraph, nothing else.\n');
    expect(source.segments).toBeNull();
    expect(source.body).toBe('Note: the export is slow.\n\nSecond paragraph, nothing else.');
  });

  it('reads a Windows-1252 text file', async () => {
    const bytes = Buffer.concat([Buffer.from('Ana: Caf'), Buffer.from([0xe9]), Buffer.from(' cr'), Buffer.from([0xe8]), Buffer.from('me\nBo: Oui\n')]);
    const source = await parseTranscript('latin.txt', bytes);
    expect(source.body).toBe('Café crème\n\nOui');
  });

  it('uses the options for title, date and customer', async () => {
    const occurredAt = new Date('2024-03-01T10:00:00Z');
    const source = await parse('x.txt', 'Ana: Hi\nBo: Hello\n', { title: 'Call with Ana', occurredAt, customer: { email: 'ana@example.com' } });
    expect(source).toMatchObject({ title: 'Call with Ana', occurredAt, customer: { email: 'ana@example.com' }, externalId: null });
  });

  it.each(['mammoth-footnotes.docx', 'mammoth-tables.docx'])('imports the real Word file %s as text', async (fileName) => {
    const source = await parseTranscript(fileName, readDataset(`docx-mammoth/${fileName}`));
    expect(source.segments).toBeNull();
    expect(source.body).toContain(fileName === 'mammoth-tables.docx' ? 'Above\n\nTop left' : 'Ouch[1].[2]');
    expect(source.metadata.format).toBe('docx');
  });

  it.each([
    ['footnotes', (docx: Buffer) => Promise.resolve(docx)],
    ['endnotes', withFootnotesAsEndnotes],
  ])('keeps the %s of a Word file after its text, each marked where it is referred to', async (_kind, notesOf) => {
    const source = await parseTranscript('notes.docx', await notesOf(readDataset('docx-mammoth/mammoth-footnotes.docx')));
    expect(source.body).toBe('Ouch[1].[2]\n\n[1] A tachyon walks into a bar.\n\n[2] Fin.');
  });

  it.each([
    ['footnotes', withSpeakers],
    ['endnotes', async (docx: Buffer) => withSpeakers(await withFootnotesAsEndnotes(docx))],
  ])('keeps the %s of a Word transcript out of the last speaker’s turn, after the turns in none', async (_kind, transcriptOf) => {
    const source = await parseTranscript('interview.docx', await transcriptOf(readDataset('docx-mammoth/mammoth-footnotes.docx')));
    expect(source.body).toBe('Where does it hurt?\n\nOuch[1].[2]\n\n[1] A tachyon walks into a bar.\n\n[2] Fin.');
    expect(source.segments?.map((segment) => [segment.speaker, source.body.slice(segment.start, segment.end)])).toEqual([
      ['Ana', 'Where does it hurt?'],
      ['Bo', 'Ouch[1].[2]'],
    ]);
    expect(source.metadata.speakers).toEqual(['Ana', 'Bo']);
  });

  it.each([
    ['mammoth-footnotes.docx', '2014-06-10T11:09:00.000Z'],
    ['mammoth-tables.docx', '2014-07-05T18:21:00.000Z'],
  ])('dates the real Word file %s when its document properties say it was created', async (fileName, created) => {
    expect((await parseTranscript(fileName, readDataset(`docx-mammoth/${fileName}`))).occurredAt?.toISOString()).toBe(created);
  });

  it('prefers the date given to the one in the document properties', async () => {
    const occurredAt = new Date('2025-08-14T00:00:00Z');
    expect((await parseTranscript('tables.docx', readDataset('docx-mammoth/mammoth-tables.docx'), { occurredAt })).occurredAt).toEqual(occurredAt);
  });

  it.each([
    ['the last-saved date without a creation date', '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-30T16:45:00Z</dcterms:modified>', '2023-11-30T16:45:00.000Z'],
    ['a creation date under another prefix', '<terms:created xmlns:terms="http://purl.org/dc/terms/">2024-05-02</terms:created>', '2024-05-02T00:00:00.000Z'],
    ['no date from a creation date that is not a date, nor from none', '<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-30T10:00:00Z</dcterms:created><dcterms:modified/>', null],
  ])('takes %s', async (_what, properties, expected) => {
    const source = await parseTranscript('notes.docx', await withCoreProperties(readDataset('docx-mammoth/mammoth-tables.docx'), properties));
    expect(source.occurredAt?.toISOString() ?? null).toBe(expected);
  });

  it('leaves a Word file without document properties undated', async () => {
    const zip = await JSZip.loadAsync(readDataset('docx-mammoth/mammoth-tables.docx'));
    zip.remove('docProps/core.xml');
    const source = await parseTranscript('tables.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(source.occurredAt).toBeNull();
    expect(source.body).toContain('Top left');
  });

  it('raises ImportFileError for a truncated .docx', async () => {
    const truncated = readDataset('docx-mammoth/mammoth-tables.docx').subarray(0, 4000);
    await expect(parseTranscript('cut.docx', truncated)).rejects.toBeInstanceOf(ImportFileError);
    await expect(parseTranscript('cut.docx', truncated)).rejects.toThrow(/not a readable \.docx/);
  });

  it.each([
    ['empty.txt', '', /is empty/],
    ['blank.txt', ' \n\n ', /has no transcript text/],
    ['slides.pdf', 'not really a pdf', /must be \.txt, \.md, \.vtt, \.srt or \.docx/],
    ['old.doc', 'binary', /old Word 97–2003 file/],
    ['binary.txt', 'a\u0000b\u0001c', /not a text file/],
  ])('raises ImportFileError for %s', async (fileName, content, message) => {
    await expect(parse(fileName, content)).rejects.toThrow(message);
    await expect(parse(fileName, content)).rejects.toBeInstanceOf(ImportFileError);
  });
});
