import { decodeHTML } from 'entities';
import { applySpeakerLabels, type Utterance } from './speakers.js';
import type { ImportWarning } from './types.js';

const ARROW = '-->';
const TIMING_LINE = /^[ \t]*([\d:.,]+)[ \t]*-->[ \t]*([\d:.,]+)(?:[ \t].*)?$/;
// WebVTT: hours optional (any number of digits), minutes and seconds two digits 00–59, exactly three
// fraction digits. A comma is accepted too because SubRip uses it and many tools mix the two.
const CUE_TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;
const VOICE_TAG = /<v(?:\.[^\s<>]*)?(?:[ \t]+([^<>]*))?>/g;
const ANY_CUE_TAG = /<[^<>]*>/g;
// SubRip files made from ASS subtitles carry override blocks such as {\an8}; {vocalsound}-style
// annotations have no backslash and are kept.
const ASS_OVERRIDE = /\{\\[^}]*\}/g;
const WHITESPACE_RUN = /\s+/g;

export type ParsedCues = { utterances: Utterance[]; warnings: ImportWarning[] };

/**
 * WebVTT and SubRip cues, following the WebVTT block rules so that malformed files degrade the
 * way browsers degrade them: a line containing `-->` is a timing line (or ends the cue before it),
 * a block whose timing does not parse is skipped with a warning, and blocks without a timing
 * (the WEBVTT header, NOTE, STYLE, REGION) are ignored. SubRip's cue numbers read as cue ids.
 * Expects `\n` line breaks.
 */
export function parseCues(text: string): ParsedCues {
  const lines = text.split('\n');
  const utterances: Utterance[] = [];
  const warnings: ImportWarning[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const timingIndex = lines[i]?.includes(ARROW) ? i : lines[i + 1]?.includes(ARROW) ? i + 1 : -1;
    if (timingIndex === -1) {
      i = findBlockEnd(lines, i + 1);
      continue;
    }
    const timingLine = lines[timingIndex] ?? '';
    const payloadEnd = findBlockEnd(lines, timingIndex + 1);
    const timing = parseTimingLine(timingLine);
    if (timing) {
      utterances.push(...readCuePayload(lines.slice(timingIndex + 1, payloadEnd).join('\n'), timing));
    } else {
      warnings.push({ line: timingIndex + 1, message: `Cue timing "${timingLine.trim()}" is not valid; the cue was skipped` });
    }
    i = payloadEnd;
  }
  return { utterances: applySpeakerLabels(utterances), warnings };
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** A block ends at a blank line, or just before a line with `-->`, which starts the next cue. */
function findBlockEnd(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && !isBlank(lines[i]) && !lines[i]?.includes(ARROW)) i++;
  return i;
}

function parseTimingLine(line: string): { startMs: number; endMs: number } | null {
  const match = TIMING_LINE.exec(line);
  const startMs = match?.[1] ? parseCueTimestamp(match[1]) : null;
  const endMs = match?.[2] ? parseCueTimestamp(match[2]) : null;
  return startMs === null || endMs === null ? null : { startMs, endMs };
}

function parseCueTimestamp(value: string): number | null {
  const match = CUE_TIMESTAMP.exec(value);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** A cue may hold several voices (`<v A>…</v><v B>…`); text before the first voice has no speaker yet. */
function readCuePayload(payload: string, timing: { startMs: number; endMs: number }): Utterance[] {
  const pieces: Array<{ speaker: string | null; raw: string }> = [];
  let speaker: string | null = null;
  let from = 0;
  for (const voice of payload.matchAll(VOICE_TAG)) {
    pieces.push({ speaker, raw: payload.slice(from, voice.index) });
    speaker = voice[1]?.trim() || null;
    from = voice.index + voice[0].length;
  }
  pieces.push({ speaker, raw: payload.slice(from) });
  return pieces
    .map(({ speaker: name, raw }) => ({ speaker: name, text: cleanCueText(raw), ...timing }))
    .filter((utterance) => utterance.text !== '');
}

function cleanCueText(raw: string): string {
  return decodeHTML(raw.replace(ANY_CUE_TAG, '').replace(ASS_OVERRIDE, '')).replace(WHITESPACE_RUN, ' ').trim();
}
