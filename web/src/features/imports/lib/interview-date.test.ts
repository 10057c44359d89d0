import { describe, expect, it } from 'vitest';
import type { ImportFormat, ImportPreview } from '@cairn/shared';
import { dateInFileName, documentDateOf, guessInterviewDate } from './interview-date';

describe('dateInFileName', () => {
  it('reads a date written with dashes, underscores, dots or nothing between its parts', () => {
    expect(dateInFileName('Interview 2024-05-02 Acme.vtt')).toBe('2024-05-02');
    expect(dateInFileName('zoom_2024_05_02_1030.srt')).toBe('2024-05-02');
    expect(dateInFileName('call.2023.11.30.docx')).toBe('2023-11-30');
    expect(dateInFileName('GMT20240502-103000_Recording.vtt')).toBe('2024-05-02');
  });

  it('reads no date from a name without one, a longer number, or a day that does not exist', () => {
    expect(dateInFileName('IS1001b.vtt')).toBeNull();
    expect(dateInFileName('ticket-120240502.txt')).toBeNull();
    expect(dateInFileName('notes-2024-02-30.txt')).toBeNull();
    expect(dateInFileName('notes-2024-13-01.txt')).toBeNull();
  });
});

describe('guessInterviewDate', () => {
  it('prefers the date in the file name to the document properties and the last-modified time', () => {
    expect(guessInterviewDate({ name: 'acme-2024-05-02.docx', lastModified: Date.UTC(2026, 0, 15, 12) }, '2024-04-30')).toEqual({ date: '2024-05-02', from: 'file-name' });
  });

  it('prefers the day in the document properties to the last-modified time', () => {
    expect(guessInterviewDate({ name: 'acme.docx', lastModified: Date.UTC(2026, 0, 15, 12) }, '2024-04-30')).toEqual({ date: '2024-04-30', from: 'document-properties' });
  });

  it('falls back to the day the file was last modified, and to nothing without it', () => {
    expect(guessInterviewDate({ name: 'IS1001b.vtt', lastModified: new Date(2026, 0, 15, 12).getTime() }, null)).toEqual({ date: '2026-01-15', from: 'last-modified' });
    expect(guessInterviewDate({ name: 'IS1001b.vtt', lastModified: 0 }, null)).toBeNull();
  });
});

describe('documentDateOf', () => {
  const preview = (format: ImportFormat, occurredAt: string | null) => ({ format, sources: [{ occurredAt }] }) as unknown as ImportPreview;

  it('reads the day a transcript preview dates the document, on the person’s calendar', () => {
    const created = new Date(2024, 3, 30, 23, 30);
    expect(documentDateOf(preview('transcript', created.toISOString()))).toBe('2024-04-30');
  });

  it('reads nothing from an undated transcript or from another format’s rows', () => {
    expect(documentDateOf(preview('transcript', null))).toBeNull();
    expect(documentDateOf(preview('zendesk-json', '2024-04-30T10:00:00.000Z'))).toBeNull();
  });
});
