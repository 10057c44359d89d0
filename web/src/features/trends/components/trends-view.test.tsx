// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Catalog, TagTrends } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { TrendsView } from './trends-view';

const TAG = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Exports', color: null, group: null };
const WEEK = { start: '2024-05-06T00:00:00.000Z', end: '2024-05-13T00:00:00.000Z' };
const CATALOG: Catalog = { tags: [], customers: [], companies: [], insights: [], backlogItems: [] };

/** One week's answer: `highlights` tagged Exports. */
const trendsOf = (highlights: number): TagTrends => ({
  interval: 'week',
  from: WEEK.start,
  to: WEEK.end,
  buckets: [{ ...WEEK, highlights }],
  selection: 'top',
  series: highlights ? [{ tag: TAG, total: highlights, highlights: [highlights], customers: [1] }] : [],
  rising: [],
});

const { render } = mountRoot();

/** The page on a device whose pointer is a finger (`coarse`) or a mouse, the server answering `trends`. */
async function mountTrends(trends: TagTrends, { coarse = false } = {}) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: coarse && query === '(pointer: coarse)', addEventListener() {}, removeEventListener() {} }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const { pathname } = new URL(url, 'http://cairn.test');
      if (pathname === `/api/workspaces/${WS}/catalog`) return json(CATALOG);
      if (pathname === `/api/workspaces/${WS}/tags/trends`) return json(trends);
      throw new Error(`Unexpected request: ${url}`);
    }),
  );
  await render(
    <AppProviders role="viewer" url={`/w/${WS}/trends`}>
      <TrendsView emptyAction={<button type="button">Load sample data…</button>} />
    </AppProviders>,
  );
}

const hint = () => document.querySelector('.trends-card p.muted')?.textContent ?? '';

describe('TrendsView', () => {
  it('tells a mouse to click a point, and the keyboard how to reach one and open it', async () => {
    await mountTrends(trendsOf(3));
    await until(() => expect(hint()).toContain('Click a point to read its highlights'));
    expect(hint()).toContain('move with the arrow keys and press Enter');
    expect(document.querySelector('[role="figure"]')!.getAttribute('aria-label')).toMatch(/^Line chart of highlights per week/);
  });

  it('tells a finger to tap a point', async () => {
    await mountTrends(trendsOf(3), { coarse: true });
    await until(() => expect(hint()).toContain('Tap a point to read its highlights.'));
    expect(hint()).not.toContain('Click');
  });

  it('points an empty workspace to Imports and the page’s own way to start, not to the Inbox, as empty', async () => {
    await mountTrends(trendsOf(0));
    await until(() => expect(document.querySelector('.empty-state h2')?.textContent).toBe('Tag highlights to see trends'));
    const actions = document.querySelector('.empty-state-action')!;
    const imports = actions.querySelector('a')!;
    expect(imports.textContent).toBe('Import files');
    expect(imports.getAttribute('href')).toBe(`/w/${WS}/imports`);
    expect(actions.querySelector('button')!.textContent).toBe('Load sample data…');
    expect(actions.textContent).not.toContain('Inbox');
  });
});
