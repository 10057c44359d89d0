// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem, InsightDetail as InsightDetailData } from '@cairn/shared';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { AT, insightDetail } from '../testing/insight-detail';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import type { ShownEvidence } from '../../../lib/shown-evidence';
import { InsightDetail } from './insight-detail';

const ID = '00000000-0000-4000-8000-0000000000aa';
const PROBLEM = { id: '00000000-0000-4000-8000-0000000000b1', type: 'problem', title: 'Exports fail', status: 'validated' } as const;
const SOLUTION = { id: '00000000-0000-4000-8000-0000000000b2', type: 'solution', title: 'Stream the CSV', status: 'draft' } as const;
const item = (n: number, title: string) => ({ id: `00000000-0000-4000-8000-0000000000c${n}`, title, status: 'idea', externalKey: null }) as const;

describe('InsightDetail: the backlog and the evidence actions', () => {
  const root = mountRoot();
  let detail: InsightDetailData;
  let linked: HighlightListItem[];

  beforeEach(() => {
    linked = [
      highlightListItem(1, 'Exports time out.', AT, { linkedBy: USER, importance: 'critical' }),
      highlightListItem(2, 'The CSV is empty.', AT, { linkedBy: USER, importance: 'important' }),
    ];
    detail = insightDetail({ id: ID, type: 'opportunity', title: 'Faster exports', evidenceCount: linked.length });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const { pathname, searchParams } = new URL(url, 'http://cairn.test');
        if (pathname === `/api/workspaces/${WS}/insights/${ID}`) return json(detail);
        if (pathname === `/api/workspaces/${WS}/highlights`) {
          const matching = linked.filter((highlight) => !searchParams.get('importance') || highlight.importance === searchParams.get('importance'));
          return json({ items: matching, nextCursor: null, total: matching.length });
        }
        return json({ type: 'about:blank', title: 'Not found', status: 404, detail: `No fake for ${url}`, code: 'not_found' }, 404);
      }),
    );
  });

  const rows = () => [...document.querySelectorAll('[aria-labelledby=insight-backlog] li')].map((row) => row.textContent);

  it('lists the backlog items it is on through its family after its own, each saying through which relative', async () => {
    detail = {
      ...detail,
      backlogItems: [{ ...item(1, 'Export in the background'), linkedBy: null }],
      familyBacklogItems: [
        { ...item(2, 'Faster CSV'), through: [SOLUTION] },
        { ...item(3, 'Export API'), through: [PROBLEM, SOLUTION] },
      ],
    };
    await root.render(
      <AppProviders role="researcher">
        <InsightDetail ws={WS} id={ID} />
      </AppProviders>,
    );
    await until(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toContain('Export in the background');
    expect(rows()[1]).toContain('Faster CSVThrough the solution “Stream the CSV”');
    expect(rows()[2]).toContain('Export APIThrough the problem “Exports fail” and the solution “Stream the CSV”');
    // Unlinked where they are linked: on the relative's page.
    expect(document.querySelectorAll('[aria-labelledby=insight-backlog] li button')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('Not on the backlog yet');
  });

  it('says it is not on the backlog only when neither it nor its family is', async () => {
    await root.render(
      <AppProviders role="researcher">
        <InsightDetail ws={WS} id={ID} />
      </AppProviders>,
    );
    await until(() => expect(document.body.textContent).toContain('Not on the backlog yet'));
  });

  it('gives the evidence actions what the filtered list shows, and none when it shows nothing', async () => {
    const given: Array<ShownEvidence | undefined> = [];
    await root.render(
      <AppProviders role="researcher">
        <InsightDetail
          ws={WS}
          id={ID}
          evidenceActions={(shown) => {
            given.push(shown);
            return <button type="button">Export</button>;
          }}
        />
      </AppProviders>,
    );
    await until(() => expect(document.querySelectorAll('.evidence-item')).toHaveLength(2));
    expect(given.at(-1)).toBeUndefined();
    const radio = (label: string) => [...document.querySelectorAll<HTMLInputElement>('.evidence-filter input')].find((input) => input.parentElement?.textContent === label)!;
    await act(async () => radio('Critical').click());
    await until(() => expect(given.at(-1)).toEqual({ importance: 'critical', words: 'critical', count: 1 }));
    expect(document.querySelectorAll('.evidence-item')).toHaveLength(1);
    expect([...document.querySelectorAll('button')].some((button) => button.textContent === 'Export')).toBe(true);

    // Nothing to take out: no actions.
    await act(async () => radio('Nice to have').click());
    await until(() => expect(document.querySelector('.evidence-filtered-out')).not.toBeNull());
    expect([...document.querySelectorAll('button')].some((button) => button.textContent === 'Export')).toBe(false);
  });
});
