import type { ImportFormat } from '@cairn/shared';

export type FormatInfo = { format: ImportFormat; label: string; accepts: string; description: string; accept: string };

/** What each import format takes, as the wizard and the empty state explain it. */
export const FORMATS: FormatInfo[] = [
  {
    format: 'transcript',
    label: 'Interview transcript',
    accepts: '.vtt, .srt, .txt, .md, .docx',
    description: 'One file is one interview. Speaker turns and timestamps are kept; name the interviewer so their questions are set apart.',
    accept: '.vtt,.srt,.txt,.md,.markdown,.docx',
  },
  {
    format: 'tickets-csv',
    label: 'Tickets (CSV)',
    accepts: '.csv, .tsv — any helpdesk export',
    description: 'One row per ticket. Comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252. You choose which column is the text, the requester, the date…',
    accept: '.csv,.tsv,.txt',
  },
  {
    format: 'survey-csv',
    label: 'Survey answers (CSV)',
    accepts: '.csv — Qualtrics, Typeform, Google Forms…',
    description: 'One row per respondent. Every non-empty free-text answer becomes a source, with the question and the score (NPS, CSAT).',
    accept: '.csv,.tsv,.txt',
  },
  {
    format: 'zendesk-json',
    label: 'Zendesk (JSON)',
    accepts: '.json, .ndjson — tickets export or API response',
    description: 'What the requester wrote becomes the ticket; agent replies are kept alongside.',
    accept: '.json,.ndjson,.jsonl',
  },
  {
    format: 'intercom-json',
    label: 'Intercom (JSON)',
    accepts: '.json — conversations with their parts',
    description: 'What the customer wrote becomes the ticket; replies by your team and bots are kept alongside.',
    accept: '.json,.ndjson,.jsonl',
  },
];

export const formatLabel = (format: ImportFormat) => FORMATS.find((info) => info.format === format)?.label ?? format;

export const isCsvFormat = (format: ImportFormat) => format === 'tickets-csv' || format === 'survey-csv';

/** What an import's rejections and preview problems are numbered by: a file's line, or a vendor export's item (its position in the list; NDJSON: its line). */
export const positionLabel = (format: ImportFormat) => (format === 'zendesk-json' || format === 'intercom-json' ? 'Item' : 'Line');
