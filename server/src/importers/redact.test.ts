import { describe, expect, it } from 'vitest';
import { isValidIban, passesLuhn, redactPii, redactSource } from './redact.js';
import type { ImportedSource } from './types.js';

describe('redactPii', () => {
  it.each([
    ['Write to ana.souza+cairn@example.co.uk today', 'Write to [email] today'],
    ['Card 4111 1111 1111 1111 was charged', 'Card [card] was charged'],
    ['card 4111-1111-1111-1111 and 378282246310005', 'card [card] and [card]'],
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [iban] please'],
    ['iban GB82WEST12345698765432.', 'iban [iban].'],
    ['Call +44 20 7946 0958 or +1 (555) 123-4567', 'Call [phone] or [phone]'],
    ['US line (555) 123-4567, cell 555-123-4567, 555.123.4567', 'US line [phone], cell [phone], [phone]'],
    ['Paris 06 12 34 56 78 or 01.23.45.67.89, Berlin 030 1234567', 'Paris [phone] or [phone], Berlin [phone]'],
    ['+4915112345678', '[phone]'],
  ])('redacts %j', (text, expected) => {
    expect(redactPii(text).text).toBe(expected);
  });

  it('counts every replacement', () => {
    expect(redactPii('a@b.io, c@d.io, +33 6 12 34 56 78').count).toBe(3);
  });

  it.each([
    'Ordered on 2024-01-15 10:30, delivered 15/01/2024 and 15.01.2024 12:00',
    'Order #123456789 and order 1234567890123 (not Luhn-valid)',
    'It cost $1,234.56 or 1 234 567 € or 1.234.567,00 EUR',
    'Server 192.168.100.200 runs version 10.2.3',
    'Ticket 4532-1234 and invoice INV-2024-000123',
    'Between 9 and 17, call ext. 1234',
    'Account DE00 1234 5678 9012 3456 78 (bad checksum)',
    '4111 1111 1111 1112 fails Luhn',
    '2024-01-15 2024-01-16 are two dates',
  ])('leaves %j alone', (text) => {
    expect(redactPii(text)).toEqual({ text, count: 0 });
  });

  it('stays linear on long tokens without matches (a pasted base64 blob, a digit dump)', () => {
    const blob = `${'QUJD'.repeat(100_000)} ${'1'.repeat(100_000)}x ${'1 '.repeat(50_000)}`;
    // Backtracking over these 400,000 characters would not end within the test's timeout.
    expect(redactPii(blob).count).toBe(0);
  });

  it('validates checksums', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('FR15 2004 1010 0505 0001 3M02 606')).toBe(false);
  });
});

describe('redactSource', () => {
  it('redacts title, body and replies and moves segments to the redacted offsets', () => {
    const turns = ['Mail me at ana@example.com please', 'Sure, and you are on +44 20 7946 0958?', 'Yes'];
    let offset = 0;
    const segments = turns.map((turn, i) => {
      const segment = { speaker: i % 2 ? 'Bo' : 'Ana', startMs: i, endMs: i + 1, start: offset, end: offset + turn.length };
      offset += turn.length + 2;
      return segment;
    });
    const source: ImportedSource = {
      kind: 'interview',
      title: 'Call ana@example.com',
      body: turns.join('\n\n'),
      occurredAt: null,
      externalId: null,
      customer: null,
      metadata: { replies: [{ text: 'Reply to ana@example.com' }] },
      segments,
    };
    const redacted = redactSource(source);
    expect(redacted.body).toBe('Mail me at [email] please\n\nSure, and you are on [phone]?\n\nYes');
    expect(redacted.segments?.map((segment) => redacted.body.slice(segment.start, segment.end))).toEqual([
      'Mail me at [email] please',
      'Sure, and you are on [phone]?',
      'Yes',
    ]);
    expect(redacted.title).toBe('Call [email]');
    expect(redacted.metadata.replies).toEqual([{ text: 'Reply to [email]' }]);
    expect(redacted.redactions).toBe(4);
  });
});
