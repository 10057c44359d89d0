import path from 'node:path';
import { SOURCE_BODY_MAX_LENGTH } from '@cairn/shared';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseCues } from './cues.js';
import { readDate } from './dates.js';
import { assertTextual, decodeBuffer } from './decode.js';
import { normalizeText, toTitle } from './normalize.js';
import { parseSpeakerText } from './speaker-text.js';
import type { Utterance } from './speakers.js';
import { ImportFileError, type ImportedCustomer, type ImportedSegment, type ImportedSource, type ImportWarning } from './types.js';

export type TranscriptOptions = {
  title?: string;
  /** The interview's date; without it, a .docx's own (see readDocumentDate). */
  occurredAt?: Date | null;
  customer?: ImportedCustomer | null;
  /** Turns by this speaker (case-insensitive) are kept but marked, so clustering and search can leave them out. */
  interviewer?: string;
};

type TranscriptFormat = 'vtt' | 'srt' | 'text' | 'docx';

const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown']);
const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const SRT_START = /^\s*\d+\s*\r?\n[^\n]*-->/;
const TURN_SEPARATOR = '\n\n';
const BLANK_LINES = /\n{2,}/g;
const CR_LINE_BREAKS = /\r\n?/g;
// Where Word, LibreOffice and Google Docs all keep the core properties (OPC names the part in _rels/.rels).
const DOCX_CORE_PROPERTIES = 'docProps/core.xml';
// By local name: the `dcterms` prefix is only a convention.
const CREATED_PROPERTY = /<(?:[\w.-]+:)?created\b[^>]*>([^<]*)</;
const MODIFIED_PROPERTY = /<(?:[\w.-]+:)?modified\b[^>]*>([^<]*)</;

/**
 * One transcript file → one `interview` source.
 *
 * Body layout (decided once, relied on by the reader and highlights): the body is the turns'
 * text joined with a blank line, and nothing else — speaker names and times live in `segments`,
 * never in the body, so a highlight quotes only what was said. Each segment's [start, end)
 * covers exactly its turn's text; a turn never contains a blank line, so `\n\n` only ever
 * separates turns. Text before the first speaker (a title line) leads the body without a segment;
 * a .docx's footnotes and endnotes trail it without one, a paragraph each: nobody said them.
 */
export async function parseTranscript(fileName: string, bytes: Buffer, options: TranscriptOptions = {}): Promise<ImportedSource> {
  if (bytes.length === 0) throw new ImportFileError(`${fileName} is empty`);
  const format = detectTranscriptFormat(fileName, bytes);
  const { utterances, notes, warnings, joiner, documentDate } = await readUtterances(format, fileName, bytes);
  const { body, segments } = buildTranscript(utterances, joiner, options.interviewer, notes);
  if (body === '') throw new ImportFileError(`${fileName} has no transcript text`);
  if (body.length > SOURCE_BODY_MAX_LENGTH) {
    throw new ImportFileError(`${fileName} is ${body.length} characters long; one transcript may have at most ${SOURCE_BODY_MAX_LENGTH}`);
  }
  return {
    kind: 'interview',
    title: toTitle(options.title?.trim() || path.parse(fileName).name),
    body,
    occurredAt: options.occurredAt ?? documentDate,
    externalId: null,
    customer: options.customer ?? null,
    metadata: { format, fileName, speakers: speakersOf(segments) },
    segments,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function detectTranscriptFormat(fileName: string, bytes: Buffer): TranscriptFormat {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.docx' || bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return 'docx';
  if (extension === '.doc') throw new ImportFileError(`${fileName} is an old Word 97–2003 file; save it as .docx or .txt and import that`);
  const head = decodeBuffer(bytes.subarray(0, 1024)).text;
  if (extension === '.vtt' || head.startsWith('WEBVTT')) return 'vtt';
  if (extension === '.srt' || SRT_START.test(head)) return 'srt';
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  throw new ImportFileError(`${fileName}: transcripts must be .txt, .md, .vtt, .srt or .docx files`);
}

/**
 * `notes`: what follows the transcript and nobody said (a .docx's footnotes and endnotes, `[1] …`);
 * `documentDate`: when a .docx says it was written. Other formats carry neither.
 */
type TranscriptContent = { utterances: Utterance[]; notes: string[]; warnings: ImportWarning[]; joiner: string; documentDate: Date | null };

async function readUtterances(format: TranscriptFormat, fileName: string, bytes: Buffer): Promise<TranscriptContent> {
  if (format === 'docx') {
    const { text, notes, documentDate } = await readDocx(fileName, bytes);
    // Read apart from the text: after it, a note would read as more of the last speaker's turn.
    return { utterances: parseSpeakerText(text), notes, warnings: [], joiner: '\n', documentDate };
  }
  const text = decodeBuffer(bytes).text.replace(CR_LINE_BREAKS, '\n');
  assertTextual(text, fileName);
  if (format === 'text') return { utterances: parseSpeakerText(text), notes: [], warnings: [], joiner: '\n', documentDate: null };
  const { utterances, warnings } = parseCues(text);
  if (utterances.length === 0) {
    const firstProblem = warnings[0] ? ` (line ${warnings[0].line}: ${warnings[0].message})` : '';
    throw new ImportFileError(`${fileName} has no readable cues: expected timings such as 00:00:01.000 --> 00:00:04.000${firstProblem}`);
  }
  // Cues split speech at arbitrary points for display: a speaker's consecutive cues read as one run of text.
  return { utterances, notes: [], warnings, joiner: ' ', documentDate: null };
}

async function readDocx(fileName: string, bytes: Buffer): Promise<{ text: string; notes: string[]; documentDate: Date | null }> {
  try {
    const { text, notes } = await readDocxText(bytes);
    // The same zip reader mammoth opens the file with: mammoth itself does not read the core properties.
    return { text, notes, documentDate: await readDocumentDate(await JSZip.loadAsync(bytes)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`${fileName} is not a readable .docx file (truncated or damaged?): ${reason}`);
  }
}

/** The part of mammoth's document model read here: elements, and the notes their references point to. */
type DocxElement = { type: string; value?: string; children?: DocxElement[] };
type DocxDocument = DocxElement & { notes: { resolve(reference: DocxElement): { body: DocxElement[] } | null } };

/**
 * The text of a .docx as mammoth's `extractRawText` reads it (each paragraph followed by a blank
 * line), and its footnotes and endnotes, which that drops: each reference is marked `[n]` where
 * it stands, and its note is `[n] text`, as Word prints it at the foot of the page or the end.
 */
async function readDocxText(bytes: Buffer): Promise<{ text: string; notes: string[] }> {
  // mammoth hands over its document model, notes included, only to `transformDocument`. Emptied,
  // the document converts to no HTML (nor inline images): the HTML is not read.
  let document: DocxDocument | undefined;
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      transformDocument: (read: DocxDocument) => {
        document = read;
        return { ...read, children: [] };
      },
    },
  );
  const notes: string[] = [];
  const textOf = (element: DocxElement): string => {
    if (element.type === 'text') return element.value ?? '';
    if (element.type === 'tab') return '\t';
    if (element.type === 'noteReference') {
      const note = document!.notes.resolve(element);
      if (!note) return '';
      const marker = `[${notes.length + 1}]`;
      notes.push(`${marker} ${note.body.map(textOf).join('').trim()}`);
      return marker;
    }
    const text = (element.children ?? []).map(textOf).join('');
    return element.type === 'paragraph' ? `${text}\n\n` : text;
  };
  return { text: textOf(document!), notes };
}

/**
 * When the document was created, else last saved, by its core properties (`dcterms:created`,
 * `dcterms:modified`): a transcript is written on or soon after the day of the interview, the
 * best date a file without one in its name has. Null when it has neither, or no real date there.
 */
async function readDocumentDate(zip: JSZip): Promise<Date | null> {
  const xml = await zip.file(DOCX_CORE_PROPERTIES)?.async('string');
  if (!xml) return null;
  return corePropertyDate(xml, CREATED_PROPERTY) ?? corePropertyDate(xml, MODIFIED_PROPERTY);
}

/** A W3CDTF date of core.xml (`2024-05-02T10:30:00Z`). */
function corePropertyDate(xml: string, property: RegExp): Date | null {
  const value = property.exec(xml)?.[1]?.trim();
  if (!value) return null;
  const reading = readDate(value);
  return 'date' in reading ? reading.date : null;
}

type Turn = { speaker: string; text: string; startMs: number | null; endMs: number | null };

/** The speaker of turns from a file that names nobody (subtitles): the reader shows their time alone. */
const UNKNOWN_SPEAKER = '';

/** Everyone a transcript names as speaking, in the order they first speak: who the interviewer may be. */
export function speakersOf(segments: ImportedSegment[] | null): string[] {
  return [...new Set(segments?.map((segment) => segment.speaker).filter((speaker) => speaker !== UNKNOWN_SPEAKER))];
}

/**
 * Merges consecutive utterances of one speaker into a turn (keeping the first start and the
 * last end) and lays the turns out as the body. Speakerless utterances continue the turn
 * above; before any speaker they form the leading text. When no utterance names a speaker,
 * timed ones (subtitle cues) are each a turn of UNKNOWN_SPEAKER, so their times are kept;
 * untimed ones (plain text) make a body without segments. `notes` trail the body, a paragraph
 * each, in no turn.
 */
function buildTranscript(utterances: Utterance[], joiner: string, interviewer: string | undefined, notes: string[]): { body: string; segments: ImportedSegment[] | null } {
  const leading: string[] = [];
  const turns: Turn[] = [];
  const nobodyNamed = utterances.every((utterance) => utterance.speaker === null);
  for (const utterance of utterances) {
    const last = turns.at(-1);
    const speaker = utterance.speaker === null ? null : normalizeText(utterance.speaker);
    if (nobodyNamed && utterance.startMs !== null) {
      turns.push({ speaker: UNKNOWN_SPEAKER, text: utterance.text, startMs: utterance.startMs, endMs: utterance.endMs });
    } else if (last && (speaker === null || speaker === last.speaker)) {
      last.text += joiner + utterance.text;
      last.endMs = utterance.endMs ?? last.endMs;
    } else if (speaker !== null) {
      turns.push({ speaker, text: utterance.text, startMs: utterance.startMs, endMs: utterance.endMs });
    } else {
      leading.push(utterance.text);
    }
  }

  const interviewerKey = interviewer?.trim().toLowerCase();
  const parts: string[] = [];
  const segments: ImportedSegment[] = [];
  let offset = 0;
  const append = (text: string): number => {
    if (parts.length > 0) offset += TURN_SEPARATOR.length;
    const start = offset;
    parts.push(text);
    offset += text.length;
    return start;
  };
  const leadingText = normalizeText(leading.join('\n'));
  if (leadingText) append(leadingText);
  for (const turn of turns) {
    const text = normalizeText(turn.text).replace(BLANK_LINES, '\n');
    if (!text) continue;
    const start = append(text);
    const isInterviewer = interviewerKey !== undefined && interviewerKey !== '' && turn.speaker.toLowerCase() === interviewerKey;
    const { speaker, startMs, endMs } = turn;
    segments.push({ speaker, startMs, endMs, start, end: start + text.length, ...(isInterviewer ? { interviewer: true } : {}) });
  }
  for (const note of notes) {
    const text = normalizeText(note).replace(BLANK_LINES, '\n');
    if (text) append(text);
  }
  return { body: parts.join(TURN_SEPARATOR), segments: segments.length > 0 ? segments : null };
}
