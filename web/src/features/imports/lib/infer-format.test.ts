import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_SNIFF_BYTES, inferFormat } from './infer-format';

const DATASETS = new URL('../../../../../../shared/datasets/', import.meta.url);
/** The start of a real file, as the wizard reads it. */
const headOf = (relativePath: string) => fs.readFileSync(fileURLToPath(new URL(relativePath, DATASETS))).subarray(0, FORMAT_SNIFF_BYTES).toString('utf8');

describe('inferFormat', () => {
  it.each(['ami-meetings/IS1001b.vtt', 'ami-meetings/ES2005b.srt', 'ami-meetings/IS1002b.txt', 'ami-meetings/TS3008b.otter.txt', 'docx-mammoth/mammoth-tables.docx', 'webvtt-wpt/timings-too-short.vtt'])(
    'reads %s as a transcript from its extension',
    (path) => expect(inferFormat(path, '')).toBe('transcript'),
  );

  it('reads a CSV as tickets unless its header has a survey tool’s columns', () => {
    expect(inferFormat('train.csv', headOf('banking77/train.csv'))).toBe('tickets-csv');
    expect(inferFormat('qualtRics-sample.csv', headOf('survey-qualtrics/qualtRics-sample.csv'))).toBe('survey-csv');
    expect(inferFormat('qualtRics-sample_legacy.csv', headOf('survey-qualtrics/qualtRics-sample_legacy.csv'))).toBe('survey-csv');
  });

  it('reads JSON as Intercom when it holds conversations, else as Zendesk', () => {
    expect(inferFormat('list.json', headOf('vendor-intercom/intercom-openapi-2.14-list-conversations-example.json'))).toBe('intercom-json');
    expect(inferFormat('one.json', headOf('vendor-intercom/intercom-openapi-2.14-retrieve-conversation-example.json'))).toBe('intercom-json');
    expect(inferFormat('tickets.json', headOf('vendor-zendesk/zendesk_api_client_rb-tickets-recent.json'))).toBe('zendesk-json');
    expect(inferFormat('tickets.json', headOf('vendor-zendesk/go-zendesk-fixture-GET-tickets.json'))).toBe('zendesk-json');
  });

  it('gives no format for a name that says nothing', () => {
    expect(inferFormat('notes.pdf', '')).toBeNull();
    expect(inferFormat('README', '')).toBeNull();
  });
});
