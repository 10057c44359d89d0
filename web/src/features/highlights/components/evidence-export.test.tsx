// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { highlightListItem } from '../testing/highlight-list-item';
import { EvidenceExport } from './evidence-export';

const INSIGHT = '00000000-0000-4000-8000-0000000000aa';
const AT = '2025-03-04T10:00:00.000Z';

describe('EvidenceExport', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;
  let copied: string[];
  const items: HighlightListItem[] = [highlightListItem(1, 'Exports time out.', AT, { importance: 'critical' })];

  beforeEach(() => {
    copied = [];
    fetch = vi.fn(async () => json({ items, nextCursor: null, total: items.length }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void copied.push(text) } });
  });

  const render = (shown?: Parameters<typeof EvidenceExport>[0]['shown']) =>
    root.render(
      <AppProviders role="viewer">
        <EvidenceExport ws={WS} filters={{ insightId: INSIGHT }} allUrl="/problem" what="linked here" size="sm" shown={shown} />
      </AppProviders>,
    );
  const link = () => document.querySelector<HTMLAnchorElement>('a[download]')!;
  const copyButton = () => document.querySelector('button')!;
  const copiedWith = async () => {
    await act(async () => copyButton().click());
    await until(() => expect(copied).toHaveLength(1));
    return new URL(String(fetch.mock.calls.at(-1)![0]), 'http://cairn.test').searchParams;
  };

  it('takes out all the evidence while the list is not filtered', async () => {
    await render();
    expect(copyButton().textContent).toBe('Copy quotes as Markdown');
    expect(link().textContent).toBe('Export CSV');
    expect(new URL(link().href, 'http://cairn.test').searchParams.get('importance')).toBeNull();
    expect((await copiedWith()).get('importance')).toBeNull();
  });

  it('takes out what the filtered list shows, and says so', async () => {
    await render({ importance: 'critical', words: 'critical', count: 3 });
    expect(copyButton().textContent).toBe('Copy the 3 critical quotes as Markdown');
    expect(link().textContent).toBe('Export the 3 critical highlights as CSV');
    expect(link().title).toBe('Every highlight linked here marked critical, as the list shows them, with its source, customer and a link back, as a spreadsheet (CSV)');
    const csv = new URL(link().href, 'http://cairn.test');
    expect([csv.pathname, csv.searchParams.get('insightId'), csv.searchParams.get('importance')]).toEqual([`/api/workspaces/${WS}/highlights.csv`, INSIGHT, 'critical']);
    const copiedFrom = await copiedWith();
    expect([copiedFrom.get('insightId'), copiedFrom.get('importance')]).toEqual([INSIGHT, 'critical']);
  });

  it('names the importance before the count is known', async () => {
    await render({ importance: 'nice_to_have', words: 'nice to have', count: undefined });
    expect(copyButton().textContent).toBe('Copy the nice to have quotes as Markdown');
    expect(link().textContent).toBe('Export the nice to have highlights as CSV');
  });
});
