// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '@cairn/shared';
import { RunningImports } from './running-imports';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { importSummary } from '../testing/imports';

const summary = (n: number, overrides: Partial<ImportSummary>) => importSummary({ id: `00000000-0000-4000-8000-00000000000${n}`, fileName: `export-${n}.csv`, ...overrides });

describe('RunningImports', () => {
  const root = mountRoot();

  async function renderRunning(items: ImportSummary[], except: string | null) {
    vi.stubGlobal('fetch', vi.fn(async () => json({ items, nextCursor: null })));
    await root.render(
      <AppProviders>
        <RunningImports ws={WS} except={except} />
        <p id="rendered">rendered</p>
      </AppProviders>,
    );
    await until(() => expect(document.querySelector('#rendered')).not.toBeNull());
  }

  it('leads back to each import still running, with how far it has read, but not to the one already on screen', async () => {
    await renderRunning(
      [
        summary(1, { status: 'running', progress: 0.4, finishedAt: null }),
        summary(2, { status: 'queued', progress: 0, finishedAt: null }),
        summary(3, { status: 'running', progress: 0.9, finishedAt: null }),
        summary(4, {}),
      ],
      '00000000-0000-4000-8000-000000000003',
    );
    await until(() => expect(document.querySelectorAll('.running-imports a')).toHaveLength(2));
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.running-imports a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Running: export-1.csv — 40%', `/w/${WS}/imports/00000000-0000-4000-8000-000000000001`],
      ['Queued: export-2.csv', `/w/${WS}/imports/00000000-0000-4000-8000-000000000002`],
    ]);
    const bar = document.querySelector('.running-imports [role="progressbar"]')!;
    expect([bar.getAttribute('aria-label'), bar.getAttribute('aria-valuenow')]).toEqual(['Progress of export-1.csv', '40']);
  });

  it('shows nothing when no import runs', async () => {
    await renderRunning([summary(1, {})], null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('.running-imports')).toBeNull();
  });
});
