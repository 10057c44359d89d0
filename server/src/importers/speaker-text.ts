import { applySpeakerLabels, parseClockTime, type Utterance } from './speakers.js';

// Otter, Zoom, Rev and Fireflies text exports put each turn's speaker and start time alone on a
// line — `Speaker Name  0:01:05`, `[Speaker Name] 00:01:05`, `Speaker Name (00:01:05):` — then the
// turn's paragraphs. Without brackets or parentheses the name needs two spaces or a tab before
// the time, so that a sentence ending in "at 10:30" is no header.
const SPEAKER_HEADER =
  /^(?:\[(\p{L}[^\t:[\]()]{0,58}?)\][ \t]+|(\p{L}[^\t:[\]()]{0,58}?)(?: {2}|\t|[ \t]*(?=[([]))[ \t]*)[([]?(\d{1,2}(?::\d{2}){1,2})[)\]]?:?$/u;
// In header-style exports each turn is a header plus one or a few paragraphs.
const SPEAKER_HEADER_MIN_SHARE = 0.2;

/**
 * Plain-text transcripts (.txt, .md, and the text of a .docx): speaker headers, or
 * `Name: text` lines where unlabelled lines continue the turn above. A text with neither comes
 * back as one speakerless utterance holding the whole text, paragraphs intact. Expects `\n` line breaks.
 */
export function parseSpeakerText(text: string): Utterance[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const headers = lines.filter((line) => SPEAKER_HEADER.test(line)).length;
  const utterances =
    headers >= 2 && headers >= lines.length * SPEAKER_HEADER_MIN_SHARE
      ? readHeaderTurns(lines)
      : applySpeakerLabels(lines.map((line) => ({ speaker: null, text: line, startMs: null, endMs: null })));
  return utterances.some((utterance) => utterance.speaker !== null) ? utterances : [{ speaker: null, text, startMs: null, endMs: null }];
}

function readHeaderTurns(lines: string[]): Utterance[] {
  const utterances: Utterance[] = [];
  for (const line of lines) {
    const header = SPEAKER_HEADER.exec(line);
    const current = utterances.at(-1);
    const speaker = header?.[1] ?? header?.[2];
    if (speaker && header?.[3]) {
      utterances.push({ speaker: speaker.trim(), text: '', startMs: parseClockTime(header[3]), endMs: null });
    } else if (current) {
      current.text = current.text ? `${current.text}\n${line}` : line;
    } else {
      utterances.push({ speaker: null, text: line, startMs: null, endMs: null });
    }
  }
  return utterances.filter((utterance) => utterance.text !== '');
}
