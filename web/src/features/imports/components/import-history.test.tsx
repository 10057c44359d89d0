// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '@cairn/shared';
import { ImportHistory } from './import-history';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { importSummary } from '../testing/imports';

const summary = (n: number, overrides: Partial<ImportSummary>) => importSummary({ id: `00000000-0000-4000-8000-00000000000${n}`, fileName: `export-${n}.csv`, ...overrides });


describe('ImportHistory', () => {
  const root = mountRoot();

  it('says how far a running import has read, so that its counts do not look final', async () => {
    const items = [
      summary(1, { status: 'running', progress: 0.42, finishedAt: null, counts: { total: 4000, created: 3998, updated: 0, unchanged: 0, rejected: 2 } }),
      summary(2, { status: 'running', progress: 0, finishedAt: null }),
      summary(3, { counts: { total: 10, created: 10, updated: 0, unchanged: 0, rejected: 0 } }),
    ];
    vi.stubGlobal('fetch', vi.fn(async () => json({ items, nextCursor: null })));
    await root.render(
      <AppProviders>
        <ImportHistory ws={WS} empty={<p>Nothing imported yet</p>} />
      </AppProviders>,
    );
    await until(() => expect(document.querySelectorAll('tbody tr')).toHaveLength(3));
    const results = [...document.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[3]!.textContent);
    expect(results).toEqual(['42% read · 3,998 tickets created · 2 rows rejected so far', '0% read', '10 tickets created']);
  });
});
