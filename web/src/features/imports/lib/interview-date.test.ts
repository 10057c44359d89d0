import { describe, expect, it } from 'vitest';
import { dateInFileName, guessInterviewDate } from './interview-date';

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
  it('prefers the date in the file name to the last-modified time', () => {
    expect(guessInterviewDate({ name: 'acme-2024-05-02.vtt', lastModified: Date.UTC(2026, 0, 15, 12) })).toEqual({ date: '2024-05-02', from: 'file-name' });
  });

  it('falls back to the day the file was last modified, and to nothing without it', () => {
    expect(guessInterviewDate({ name: 'IS1001b.vtt', lastModified: new Date(2026, 0, 15, 12).getTime() })).toEqual({ date: '2026-01-15', from: 'last-modified' });
    expect(guessInterviewDate({ name: 'IS1001b.vtt', lastModified: 0 })).toBeNull();
  });
});
