// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewSource } from '@cairn/shared';
import { mountRoot } from '../../../testing/mount';
import { PreviewSources } from './preview-sources';

const ticket = (overrides: Partial<ImportPreviewSource>): ImportPreviewSource => ({
  line: 1,
  kind: 'ticket',
  title: 'This is a question?',
  body: 'Indeed it is!',
  occurredAt: null,
  externalId: 'zendesk:8867',
  customer: null,
  turns: [],
  turnCount: 0,
  speakers: [],
  ...overrides,
});

const preview = (sources: ImportPreviewSource[]): ImportPreview => ({
  format: 'zendesk-json',
  encoding: null,
  delimiter: null,
  columns: [],
  labels: [],
  rows: [],
  suggestedMapping: null,
  dateOrders: {},
  scoreScales: {},
  sources,
  errors: [],
  mappingCheck: null,
});

describe('PreviewSources', () => {
  const root = mountRoot();

  it('says who each ticket is from and when, a requester known by id alone too', async () => {
    await root.render(
      <PreviewSources
        preview={preview([
          // A Zendesk export without its users: the requester is only an id, which the preview does not carry.
          ticket({ occurredAt: '2015-12-30T01:45:29.000Z', customer: { email: null, name: null, company: null } }),
          ticket({ line: 2, customer: { email: 'ana@example.com', name: 'Ana', company: null } }),
          ticket({ line: 3 }),
        ])}
      />,
    );
    const said = [...document.querySelectorAll('.preview-source-header .muted')].map((element) => element.textContent);
    expect(said[0]).toMatch(/^a customer known only by their helpdesk id · .*2015/);
    expect(said[1]).toBe('Ana · ana@example.com · no date of its own');
    expect(said[2]).toBe('no customer · no date of its own');
  });
});
