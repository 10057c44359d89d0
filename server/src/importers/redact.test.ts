import { describe, expect, it } from 'vitest';
import { isLocationField, isValidIban, passesLuhn, redactPii, redactSource } from './redact.js';
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
    ['Server 192.168.100.200 runs version 10.2.3', 'Server [ip] runs version 10.2.3'],
    ['Logged in from 130.92.34.66, then 8.8.8.8.', 'Logged in from [ip], then [ip].'],
    ['Open http://10.0.0.1/admin or 255.255.255.0:8080', 'Open http://[ip]/admin or [ip]:8080'],
    ['IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and 2001:db8::1', 'IPv6 [ip] and [ip]'],
    ['Loopback ::1, link fe80::1ff:fe23:4567:890a, mapped ::ffff:192.0.2.128', 'Loopback [ip], link [ip], mapped [ip]'],
    ['Host [2001:db8::ff00:42:8329]:443', 'Host [[ip]]:443'],
    // The IP goes first: the phone detector would not half-eat it, and still finds the phone number beside it.
    ['From 10.20.30.40 030 1234567', 'From [ip] [phone]'],
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
    'Ticket 4532-1234 and invoice INV-2024-000123',
    'Between 9 and 17, call ext. 1234',
    'Account DE00 1234 5678 9012 3456 78 (bad checksum)',
    '4111 1111 1111 1112 fails Luhn',
    '2024-01-15 2024-01-16 are two dates',
    // IP look-alikes: versions, longer dotted runs, user agents, dates, times, decimals and section numbers.
    'Upgraded to v1.2.3.4 (version 10.2.3.4, Version 2.0.0.1) from 1.2.3.4.5',
    'Reference 10.0.0.1.2 and OID 1.3.6.1.4.1.311',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36',
    'On 12.05.2024 at 12:30:45 (01.02.03.04 is padded, 256.1.1.1 out of range)',
    'Pi is 3.14159, see section 1.2.3 and 4.5.6.',
    'Timecode 01:02:03:04, MAC 00:1A:2B:3C:4D:5E, ratio 16:9, Foo::Bar and Face::Add, a :: b',
  ])('leaves %j alone', (text) => {
    expect(redactPii(text)).toEqual({ text, count: 0 });
  });

  it('counts IP addresses like the others', () => {
    expect(redactPii('10.0.0.1, 2001:db8::1 and ana@example.com')).toEqual({ text: '[ip], [ip] and [email]', count: 3 });
  });

  it('stays linear on long tokens without matches (a pasted base64 blob, a digit dump)', () => {
    const blob = `${'QUJD'.repeat(100_000)} ${'1'.repeat(100_000)}x ${'1 '.repeat(50_000)} ${'1.'.repeat(50_000)} ${'ab:'.repeat(50_000)}`;
    // Backtracking over these 650,000 characters would not end within the test's timeout.
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

  it('replaces a precise location field whole, counts it, and redacts other fields as text', () => {
    const source: ImportedSource = {
      kind: 'survey_response',
      title: 'What should we improve?',
      body: 'Faster exports',
      occurredAt: null,
      externalId: null,
      customer: null,
      metadata: {
        fields: [
          { name: 'LocationLatitude', value: '47.115097045898' },
          { name: 'Längengrad des Standorts', value: '7.2315979003906' },
          { name: 'IPAddress', value: '130.92.34.66' },
          { name: 'LocationAccuracy', value: '-1' },
        ],
      },
      segments: null,
    };
    const redacted = redactSource(source);
    expect(redacted.metadata.fields).toEqual([
      { name: 'LocationLatitude', value: '[location]' },
      { name: 'Längengrad des Standorts', value: '[location]' },
      { name: 'IPAddress', value: '[ip]' },
      { name: 'LocationAccuracy', value: '-1' },
    ]);
    expect(redacted.redactions).toBe(3);
  });
});

describe('isLocationField', () => {
  it.each(['LocationLatitude', 'LocationLongitude', 'Breitengrad des Standorts', 'Längengrad des Standorts', 'Location Latitude', 'latitude', 'geo_lat', 'lng', 'Lon', 'GPS latitude'])(
    'takes %j for a precise location',
    (name) => {
      expect(isLocationField(name)).toBe(true);
    },
  );

  it.each(['Location', 'LocationAccuracy', 'City', 'Country', 'Long answer', 'Flat number', 'Latency (ms)', 'Plan'])('leaves %j alone', (name) => {
    expect(isLocationField(name)).toBe(false);
  });
});
