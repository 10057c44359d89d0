import type { ImportPreview } from '@cairn/shared';

/** Where the wizard's guess of an interview's date came from: the person is asked to confirm it. */
export type InterviewDateGuess = { date: string; from: 'file-name' | 'document-properties' | 'last-modified' };

// `2024-05-02`, `2024_05_02`, `2024.05.02` or `20240502`, not inside a longer number (an id).
const DATE_IN_NAME = /(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

const pad = (value: number) => String(value).padStart(2, '0');

/** A date field's value (`yyyy-mm-dd`) for a moment, on the person's own calendar. */
const localDay = (moment: Date) => `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;

/** The calendar date written in a file name, if it is a real day (not 2024-02-30). */
export function dateInFileName(fileName: string): string | null {
  const match = DATE_IN_NAME.exec(fileName);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/**
 * The day a .docx transcript's own properties date it (when it was created, else last saved),
 * as the server read them: the preview is asked for without a date, so a transcript's date in it
 * is the document's. The server dates the interview with it when no date is sent.
 */
export function documentDateOf(preview: ImportPreview): string | null {
  const occurredAt = preview.format === 'transcript' ? preview.sources[0]?.occurredAt : null;
  return occurredAt ? localDay(new Date(occurredAt)) : null;
}

/**
 * A transcript file rarely says when the interview was: the date in its name when it has one,
 * else the day its document properties give (`documentDateOf`), else the day it was last saved
 * (recordings are usually transcribed within days; a copied file is saved anew, its properties
 * are not). Null when neither the file nor the browser gives a date.
 */
export function guessInterviewDate(file: Pick<File, 'name' | 'lastModified'>, documentDate: string | null): InterviewDateGuess | null {
  const named = dateInFileName(file.name);
  if (named) return { date: named, from: 'file-name' };
  if (documentDate) return { date: documentDate, from: 'document-properties' };
  return file.lastModified > 0 ? { date: localDay(new Date(file.lastModified)), from: 'last-modified' } : null;
}
