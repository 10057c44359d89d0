import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createIdentityAssigner } from './source-identity.js';
import { readDataset } from './test-datasets.js';
import { parseTranscript } from './transcript.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

async function identify(fileName: string, relativePath: string, legacyFileNames?: string[]) {
  return createIdentityAssigner(fileName, legacyFileNames)(await parseTranscript(fileName, readDataset(relativePath)));
}

describe('createIdentityAssigner for transcripts', () => {
  it('gives a real transcript the same id under another file name: its text alone', async () => {
    const original = await identify('call-3.vtt', 'ami-meetings/IS1004b.vtt');
    const renamed = await identify('Acme call 3.vtt', 'ami-meetings/IS1004b.vtt');
    expect(original.externalId).toBe(`transcript-text:${sha256(original.body)}`);
    expect(renamed.externalId).toBe(original.externalId);
  });

  it('tells transcripts with other text apart', async () => {
    const one = await identify('call.vtt', 'ami-meetings/IS1004b.vtt');
    const other = await identify('call.vtt', 'ami-meetings/IS1001b.vtt');
    expect(one.externalId).not.toBe(other.externalId);
  });

  it('lists the ids the old scheme gave it, under its own file name first, then under the names given', async () => {
    const source = await identify('Acme call 3.vtt', 'ami-meetings/IS1004b.vtt', ['call-3.vtt', 'Acme call 3.vtt']);
    expect(source.formerExternalIds).toEqual([`transcript:${sha256(`Acme call 3.vtt\n${source.body}`)}`, `transcript:${sha256(`call-3.vtt\n${source.body}`)}`]);
  });

  it('leaves rows without an id of their own with no former id, and sources with an id as they are', () => {
    const assign = createIdentityAssigner('tickets.csv', ['call-3.vtt']);
    const row = assign({ kind: 'ticket', title: 'Export', body: 'Export fails', occurredAt: null, externalId: null, customer: null, metadata: {}, segments: null });
    expect(row.externalId).toMatch(/^row:/);
    expect(row.formerExternalIds).toBeUndefined();
    const identified = { kind: 'ticket' as const, title: 'Export', body: 'Export fails', occurredAt: null, externalId: 'T-1', customer: null, metadata: {}, segments: null };
    expect(assign(identified)).toBe(identified);
  });
});
