// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '@cairn/shared';
import { ImportHistory } from './import-history';
import { until } from '../../../testing/react-dom';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WS = '00000000-0000-4000-8000-000000000001';
const AT = '2025-03-04T10:00:00.000Z';

const summary = (n: number, overrides: Partial<ImportSummary>): ImportSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  format: 'tickets-csv',
  fileName: `export-${n}.csv`,
  status: 'done',
  progress: 1,
  counts: { total: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
  skipped: 0,
  redactPii: false,
  redacted: 0,
  failure: null,
  createdBy: null,
  createdAt: AT,
  finishedAt: AT,
  scoreScale: null,
  sample: false,
  ...overrides,
});

describe('ImportHistory', () => {
  let root: Root;
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  it('says how far a running import has read, so that its counts do not look final', async () => {
    const items = [
      summary(1, { status: 'running', progress: 0.42, finishedAt: null, counts: { total: 4000, created: 3998, updated: 0, unchanged: 0, rejected: 2 } }),
      summary(2, { status: 'running', progress: 0, finishedAt: null }),
      summary(3, { counts: { total: 10, created: 10, updated: 0, unchanged: 0, rejected: 0 } }),
    ];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items, nextCursor: null }), { headers: { 'content-type': 'application/json' } })));
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () =>
      root.render(
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter>
            <ImportHistory ws={WS} empty={<p>Nothing imported yet</p>} />
          </MemoryRouter>
        </QueryClientProvider>,
      ),
    );
    await until(() => expect(document.querySelectorAll('tbody tr')).toHaveLength(3));
    const results = [...document.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[3]!.textContent);
    expect(results).toEqual(['42% read · 3,998 tickets created · 2 rows rejected so far', '0% read', '10 tickets created']);
  });
});
