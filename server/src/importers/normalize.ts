import { SOURCE_TITLE_MAX_LENGTH } from '@cairn/shared';
import { decodeHTML } from 'entities';

const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// C0 and C1 controls except \t and \n: they break search, highlighting and CSV round trips.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// The lookbehind starts a match only where a run of spaces starts; without it a long run not at
// a line end is rescanned from each of its positions (the classic quadratic `\s+$`).
const TRAILING_SPACE = /(?<![^\S\n])[^\S\n]+$/gm;

/**
 * The one text form every body is stored in: NFC (so highlight offsets and search agree on
 * what a character is), `\n` line breaks, no control characters, no trailing whitespace.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(LINE_BREAKS, '\n').replace(CONTROL_CHARS, '').replace(TRAILING_SPACE, '').trim();
}

const ELLIPSIS = '…';
const WHITESPACE_RUN = /\s+/g;

/** A one-line title cut to `max` characters (on a word boundary when one is near), with an ellipsis when cut. */
export function toTitle(text: string, max = SOURCE_TITLE_MAX_LENGTH): string {
  const line = normalizeText(text).replace(WHITESPACE_RUN, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max - ELLIPSIS.length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}${ELLIPSIS}`;
}

/** Titles made from a body are kept short enough to scan in a list. */
const BODY_TITLE_LENGTH = 80;

/** A ticket's title: its subject, else the start of its body. */
export function toTicketTitle(subject: string | null | undefined, body: string): string {
  const title = subject ? toTitle(subject) : '';
  return title || toTitle(body, BODY_TITLE_LENGTH);
}

// Attribute text: quoted values may hold `<` and `>`; unquoted text may not, so a stray `<` in
// prose fails fast at the next `<` instead of scanning the rest of the body (quadratic time).
const ATTRIBUTES = String.raw`(?:[^<>"']|"[^"]*"|'[^']*')*`;
const INVISIBLE_ELEMENTS = new RegExp(String.raw`<(script|style|head|template)\b${ATTRIBUTES}>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->`, 'gi');
const LINE_BREAK_TAG = new RegExp(String.raw`<br\b${ATTRIBUTES}>`, 'gi');
const BLOCK_TAG = new RegExp(
  String.raw`<\/?(?:address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b${ATTRIBUTES}>`,
  'gi',
);
const ANY_TAG = new RegExp(String.raw`<\/?[a-zA-Z]${ATTRIBUTES}>`, 'g');
const LEADING_SPACES = /^ +/gm;
const BLANK_LINES = /\n{3,}/g;

/**
 * Vendor bodies (Intercom, Zendesk html_body) are HTML; Cairn stores and shows text only.
 * Entities are decoded with `entities` (the decoder behind htmlparser2 and cheerio): HTML has
 * 2,000+ named references and their legacy no-semicolon forms, which a hand-made table would
 * get wrong. Decoding happens after tags are removed, so an escaped `&lt;b&gt;` stays visible text.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(INVISIBLE_ELEMENTS, '')
    .replace(WHITESPACE_RUN, ' ')
    .replace(LINE_BREAK_TAG, '\n')
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '');
  return normalizeText(decodeHTML(text).replaceAll('\u00A0', ' ').replace(LEADING_SPACES, '')).replace(BLANK_LINES, '\n\n');
}
