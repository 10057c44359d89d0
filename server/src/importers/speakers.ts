/** One timed or untimed piece of speech as a transcript format gives it, before turns are merged. */
export type Utterance = { speaker: string | null; text: string; startMs: number | null; endMs: number | null };

// `Name: text`, optionally `[00:01:05] Name: text`, `Name (00:01:05): text` or Markdown `**Name:** text`.
// The name starts with a letter (so `10:30` is no speaker) and the colon is followed by a space (so `https://` is none).
const SPEAKER_LABEL =
  /^(?:\[(\d{1,2}(?::\d{2}){1,2})\][ \t]*)?\**(\p{L}[\p{L}\p{M}\p{N} .'’()&_-]{0,58}?)\**(?:[ \t]*[([](\d{1,2}(?::\d{2}){1,2})[)\]])?[ \t]*:\**[ \t]+(?=\S)/u;

/**
 * "Word: " starts many ordinary sentences ("Note: …"), so labels count as speakers only when
 * they start at least this share of the lines (or cues) that have no speaker yet.
 */
const SPEAKER_LABEL_MIN_SHARE = 0.5;

function splitSpeakerLabel(line: string): { speaker: string; text: string; startMs: number | null } | null {
  const match = SPEAKER_LABEL.exec(line);
  if (!match?.[2]) return null;
  const time = match[1] ?? match[3];
  return { speaker: match[2].trim(), text: line.slice(match[0].length), startMs: time ? parseClockTime(time) : null };
}

/** Turns `Name: text` prefixes into speakers when the transcript as a whole is written that way. */
export function applySpeakerLabels(utterances: Utterance[]): Utterance[] {
  const labels = utterances.map((utterance) => (utterance.speaker === null ? splitSpeakerLabel(utterance.text) : null));
  const unlabeled = utterances.filter((utterance) => utterance.speaker === null).length;
  const labeled = labels.filter((label) => label !== null).length;
  if (labeled < 2 || labeled < unlabeled * SPEAKER_LABEL_MIN_SHARE) return utterances;
  return utterances.map((utterance, i) => {
    const label = labels[i];
    return label ? { ...utterance, speaker: label.speaker, text: label.text, startMs: utterance.startMs ?? label.startMs } : utterance;
  });
}

const CLOCK_TIME = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/;

/** `1:02:03`, `01:02:03` or `02:03` (as meeting tools print elapsed time) → milliseconds. */
export function parseClockTime(value: string): number | null {
  const match = CLOCK_TIME.exec(value);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}
