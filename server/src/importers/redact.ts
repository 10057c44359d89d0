/**
 * PII redaction for imported text. Each detector pairs a deliberately loose pattern with a
 * validator (checksum or shape), because false positives destroy evidence: a redacted order
 * number or date cannot be recovered. Detectors run in a fixed order — emails, IBANs, cards,
 * IPv6, IPv4, phones — so that a card number or an IP address is never half-eaten as a phone
 * number, nor the IPv4 tail of an IPv6 address (`::ffff:10.0.0.1`) taken on its own.
 */

import type { SourceField } from './fields.js';
import type { ImportedSegment, ImportedSource } from './types.js';

// The lookbehind makes matches start only where a run of address characters starts: without it a
// long token with no `@` (a base64 blob) is rescanned from every position, quadratic time.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Two letters, two check digits, then up to 30 alphanumerics, optionally in groups of four.
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/giu;
const IBAN_MIN_LENGTH = 15;
const IBAN_MAX_LENGTH = 34;

// 13–19 digits, optionally grouped by single spaces or dashes; not part of a longer number or a `+` phone number.
const CARD = /(?<![\w+-])\d(?:[ -]?\d){12,18}(?![\w]|[ -]\d)/g;
const CARD_GROUP_MIN_DIGITS = 4;

// A run of digits, spaces, dots, dashes and parentheses, optionally after `+`; classified below.
const PHONE_CANDIDATE = /(?<![\w+.,/-])(?:\+|\(?)\d[\d ().-]*\d\)?(?![\w/]|[.,-]\d)/g;
const PHONE_SEPARATORS = /[ ().-]+/;
const NON_DIGITS = /\D/g;
const SPACES_AND_DASHES = /[ -]/g;
const E164_MAX_DIGITS = 15;

// Four dot-separated numbers. Each guard keeps a look-alike: `(?<![\w.])` and `(?!\w|\.\d)` a
// longer dotted run (a version 1.2.3.4.5, a number 10.0.0.1.2, an OID); `(?<!\w\/)` a product
// token's version (`Chrome/120.0.0.0` in a pasted user agent) while `http://10.0.0.1` still counts;
// `(?<!\bv(?:ersion)? ?)` a version written as one (`v1.2.3.4`, `version 10.2.3.4`).
const IPV4_SHAPE = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const IPV4 = new RegExp(String.raw`(?<![\w.])(?<!\w\/)(?<!\bv(?:ersion)? ?)${IPV4_SHAPE}(?!\w|\.\d)`, 'gi');
const IPV4_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const IPV4_OCTET_MAX = 255;

// Hex groups joined by colons (at least two, so a time 12:30 never starts one), optionally ending in an IPv4 address; checked below.
const IPV6 = new RegExp(String.raw`(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:${IPV4_SHAPE}|[0-9a-f]{1,4})?(?![\w:]|\.\d)`, 'gi');
const IPV6_GROUPS = 8;
const DIGIT = /\d/;

/**
 * Field names (a CSV column's) that hold a precise location, as words: Qualtrics' `LocationLatitude`
 * and its German export's `Breitengrad des Standorts`, and the usual `latitude`, `lat`, `lng`, `lon`.
 * The whole value goes, as a coordinate has no shape of its own to find in text. `long` is left out:
 * a column "Long answer" is more likely than one named for a longitude.
 */
const LOCATION_FIELD_WORDS = new Set(['latitude', 'longitude', 'lat', 'lng', 'lon', 'breitengrad', 'längengrad']);
const CAMEL_CASE_JOIN = /(\p{Ll})(\p{Lu})/gu;
const NON_LETTERS = /[^\p{L}]+/u;

export type Redaction = { text: string; count: number };

/** Replaces emails, IBANs, payment card numbers, IP addresses and phone numbers with `[email]`, `[iban]`, `[card]`, `[ip]`, `[phone]`. */
export function redactPii(text: string): Redaction {
  let count = 0;
  const replaceWhen = (pattern: RegExp, isMatch: (candidate: string) => boolean, label: string) => (input: string) =>
    input.replace(pattern, (candidate) => {
      if (!isMatch(candidate)) return candidate;
      count++;
      return label;
    });
  const redacted = [
    replaceWhen(EMAIL, () => true, '[email]'),
    replaceWhen(IBAN, isValidIban, '[iban]'),
    replaceWhen(CARD, isCardNumber, '[card]'),
    replaceWhen(IPV6, isIpv6, '[ip]'),
    replaceWhen(IPV4, isIpv4, '[ip]'),
    replaceWhen(PHONE_CANDIDATE, isPhoneNumber, '[phone]'),
  ].reduce((current, redact) => redact(current), text);
  return { text: redacted, count };
}

/** ISO 13616: move the first four characters to the end, letters → 10..35, the number mod 97 is 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replaceAll(' ', '').toUpperCase();
  if (iban.length < IBAN_MIN_LENGTH || iban.length > IBAN_MAX_LENGTH) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

function isCardNumber(candidate: string): boolean {
  const groups = candidate.split(SPACES_AND_DASHES);
  // Real cards are printed in groups of 4 (or Amex 4-6-5); shorter groups are dates, codes or amounts.
  if (groups.length > 1 && groups.slice(0, -1).some((group) => group.length < CARD_GROUP_MIN_DIGITS)) return false;
  return passesLuhn(candidate.replace(NON_DIGITS, ''));
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Every number 0–255, written without leading zeros: zero-padded groups (`01.02.03.04`) are dates and codes, not addresses. */
function isIpv4(candidate: string): boolean {
  return candidate.split('.').every((octet) => IPV4_OCTET.test(octet) && Number(octet) <= IPV4_OCTET_MAX);
}

/**
 * Eight groups, or fewer around one `::` (an IPv4 tail counts as two). Colons on their own are
 * rarely an address: times (12:30:45) and MAC addresses have too few or too many groups, and a
 * compressed run of letters only is code (`Face::Add`), so a digit is required.
 */
function isIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((group) => group === '')) return false;
  const last = groups.at(-1) ?? '';
  const endsInIpv4 = last.includes('.');
  if (endsInIpv4 && !isIpv4(last)) return false;
  const width = groups.length + (endsInIpv4 ? 1 : 0);
  const fits = halves.length === 2 ? width < IPV6_GROUPS : width === IPV6_GROUPS;
  return fits && DIGIT.test(candidate);
}

/**
 * Phone numbers have no checksum, so only shapes that are rarely anything else count:
 * international (`+` and 8–15 digits), an area code in parentheses, the North American
 * 3-3-4 grouping, or a grouped national number starting with a trunk `0` (most of Europe).
 * Ungrouped digit runs are left alone: they are far more often order or account numbers.
 */
function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(NON_DIGITS, '');
  if (digits.length > E164_MAX_DIGITS) return false;
  if (candidate.startsWith('+')) return digits.length >= 8;
  if (candidate.startsWith('(')) return digits.length >= 9;
  const groups = candidate.split(PHONE_SEPARATORS);
  if (groups.length < 2) return false;
  if (groups.length === 3 && groups[0]?.length === 3 && groups[1]?.length === 3 && groups[2]?.length === 4) return true;
  return digits.startsWith('0') && digits.length >= 9 && !startsLikeDate(groups);
}

/** `05.06.2024 10` or `2024-06-05 10` followed by a time is a date, not a number starting with 0. */
function startsLikeDate([first = '', second = '', third = '']: string[]): boolean {
  const isDayOrMonth = (group: string) => group.length <= 2;
  return (isDayOrMonth(first) && isDayOrMonth(second) && third.length === 4) || (first.length === 4 && isDayOrMonth(second) && isDayOrMonth(third));
}

/** Whether a field (a CSV column) holds a precise location, by its name's words (`LocationLatitude` → location, latitude). */
export function isLocationField(name: string): boolean {
  return name
    .replace(CAMEL_CASE_JOIN, '$1 $2')
    .toLowerCase()
    .split(NON_LETTERS)
    .some((word) => LOCATION_FIELD_WORDS.has(word));
}

/**
 * Redacts a source's title, body, reply texts and field values (a location field's whole value). Redaction changes lengths, so segment offsets
 * are recomputed: each segment and each gap between segments is redacted on its own and the
 * body is reassembled from the pieces, keeping every turn's [start, end) exact.
 */
export function redactSource(source: ImportedSource): ImportedSource {
  let count = 0;
  const redact = (text: string) => {
    const result = redactPii(text);
    count += result.count;
    return result.text;
  };
  const redactField = ({ name, value }: SourceField) => {
    if (!isLocationField(name)) return redact(value);
    count++;
    return '[location]';
  };
  const { body, segments } = redactBody(source.body, source.segments, redact);
  const { replies, fields } = source.metadata;
  const metadata = { ...source.metadata };
  if (Array.isArray(replies)) metadata.replies = replies.map((reply: { text: string }) => ({ ...reply, text: redact(reply.text) }));
  // A CSV's unmapped columns (an email or phone column nobody mapped) are redacted as the text is, a location column whole.
  if (Array.isArray(fields)) metadata.fields = fields.map((field: SourceField) => ({ ...field, value: redactField(field) }));
  return { ...source, title: redact(source.title), body, segments, metadata, redactions: count };
}

function redactBody(
  body: string,
  segments: ImportedSegment[] | null,
  redact: (text: string) => string,
): { body: string; segments: ImportedSegment[] | null } {
  if (!segments) return { body: redact(body), segments };
  let redacted = '';
  let consumed = 0;
  const moved = segments.map((segment) => {
    redacted += redact(body.slice(consumed, segment.start));
    const start = redacted.length;
    redacted += redact(body.slice(segment.start, segment.end));
    consumed = segment.end;
    return { ...segment, start, end: redacted.length };
  });
  return { body: redacted + redact(body.slice(consumed)), segments: moved };
}
