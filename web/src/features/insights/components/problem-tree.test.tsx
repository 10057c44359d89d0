// @vitest-environment happy-dom
import { act } from 'react';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InsightListItem } from '@cairn/shared';
import { ProblemTree } from './problem-tree';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { insightListItem, NO_SCORE } from '../testing/insight-detail';

const insight = (n: number, title: string, overrides: Partial<InsightListItem> = {}) => insightListItem(n, title, { status: 'validated', evidenceCount: 10 - n, customerCount: 1, ...overrides });

const PLANNED = insight(1, 'Exports fail', { backlogItemCount: 1 });
const TWICE = insight(2, 'Cards decline abroad', { backlogItemCount: 2 });
const NOT_PLANNED = insight(3, 'Work accounts cannot sign in');
const UNDER_PLANNED = insight(4, 'Exports in the background', { type: 'opportunity', parentId: PLANNED.id });
// On the backlog through one of its opportunities, not through the other.
const SHELVED = insight(5, 'Receipts get lost');
const SHELVED_PLANNED = insight(6, 'Email the receipt', { type: 'opportunity', parentId: SHELVED.id, backlogItemCount: 1 });
const SHELVED_OPEN = insight(7, 'Keep receipts in the app', { type: 'opportunity', parentId: SHELVED.id });
const INSIGHTS = [PLANNED, TWICE, NOT_PLANNED, UNDER_PLANNED, SHELVED, SHELVED_PLANNED, SHELVED_OPEN];

/** Where the tree has put its filters: the query string the router holds. */
function Address() {
  return <output id="address">{useLocation().search}</output>;
}

const address = () => new URLSearchParams(document.getElementById('address')!.textContent!);
const rowTitles = () => [...document.querySelectorAll('[role="treeitem"]')].map((row) => `${row.querySelector('.insight-context') ? '*' : ''}${row.querySelector('.insight-row-title')!.textContent}`);
const rowOf = (title: string) => [...document.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((row) => row.querySelector('.insight-row-title')!.textContent === title)!;
/** What a screen reader says after the row's name: the texts of the elements that describe it. */
const descriptionOf = (row: HTMLElement) => row.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent!.trim());
const notOnBacklog = () => [...document.querySelectorAll('label')].find((label) => label.textContent!.trim() === 'Not on the backlog')!.querySelector('input')!;
const countLine = () => document.querySelector('.insight-filter-count')!.textContent;

describe('ProblemTree and the backlog', () => {
  const root = mountRoot();
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (new URL(url, 'http://cairn.test').pathname === `/api/workspaces/${WS}/insights`) return json({ items: INSIGHTS, nextCursor: null, total: INSIGHTS.length });
        throw new Error(`Unexpected request: ${url}`);
      }),
    );
  });

  async function render(query = '') {
    await root.render(
      <AppProviders url={`/w/${WS}/problems${query}`}>
        <ProblemTree ws={WS} />
        <Address />
      </AppProviders>,
    );
    await until(() => expect(document.querySelector('[role="tree"]')).not.toBeNull());
  }

  it('marks each row on the backlog in words, which the row is described by, and counts the tree in the page’s words', async () => {
    await render();
    expect(rowTitles()).toEqual([PLANNED.title, UNDER_PLANNED.title, TWICE.title, NOT_PLANNED.title, SHELVED.title, SHELVED_PLANNED.title, SHELVED_OPEN.title]);
    const markers = Object.fromEntries(INSIGHTS.map((item) => [item.title, rowOf(item.title).querySelector(':scope > .insight-row .insight-row-backlog')?.textContent ?? null]));
    expect(markers).toEqual({
      [PLANNED.title]: 'On the backlog',
      [TWICE.title]: 'On 2 backlog items',
      [NOT_PLANNED.title]: null,
      [UNDER_PLANNED.title]: 'On the backlog through its family',
      [SHELVED.title]: 'On the backlog through its family',
      [SHELVED_PLANNED.title]: 'On the backlog',
      [SHELVED_OPEN.title]: null,
    });
    expect(descriptionOf(rowOf(TWICE.title))).toEqual(['◆ Problem', 'Validated', '8 highlights', '1 customer', 'On 2 backlog items']);
    expect(descriptionOf(rowOf(NOT_PLANNED.title))).toEqual(['◆ Problem', 'Validated', '7 highlights', '1 customer']);
    expect(countLine()).toBe('4 problems and 3 opportunities');
  });

  it('keeps, with "Not on the backlog", only what is on no backlog item, itself or through its family, with a parent that is shown dimmed, and holds it in the address', async () => {
    await render('?sort=newest');
    expect(notOnBacklog().checked).toBe(false);
    await act(async () => notOnBacklog().click());
    await until(() => expect(address().get('backlog')).toBe('none'));
    expect(address().get('sort')).toBe('newest');
    expect(notOnBacklog().checked).toBe(true);
    expect(rowTitles()).toEqual([NOT_PLANNED.title, `*${SHELVED.title}`, SHELVED_OPEN.title]);
    expect(countLine()).toBe('2 of 7 match');

    await act(async () => notOnBacklog().click());
    await until(() => expect(address().has('backlog')).toBe(false));
    expect(rowTitles()).toHaveLength(INSIGHTS.length);
  });

  it('opens with the filter on when the address has it', async () => {
    await render('?backlog=none&type=problem');
    expect(notOnBacklog().checked).toBe(true);
    expect(rowTitles()).toEqual([NOT_PLANNED.title]);
    expect(countLine()).toBe('1 of 7 match');
  });
});

describe('ProblemTree ranked by score and by recent evidence', () => {
  const root = mountRoot();
  // A minute past the day, so that the whole days do not depend on how fast the test runs.
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000 - 60_000).toISOString();
  const scored = (total: number, days: number) => ({ score: { ...NO_SCORE, total, lastEvidenceAt: daysAgo(days) } });
  const MOST_QUOTED = insight(1, 'Exports fail', scored(2, 100));
  const STRONGEST = insight(2, 'Cards decline abroad', scored(14.9, 40));
  const FRESHEST = insight(3, 'Work accounts cannot sign in', scored(3, 3));
  const SILENT = insight(4, 'Receipts get lost', { evidenceCount: 0, customerCount: 0 });
  const RANKED = [MOST_QUOTED, STRONGEST, FRESHEST, SILENT];
  const sortOption = (label: string) => [...document.querySelectorAll('fieldset.segmented label')].find((option) => option.textContent === label)!.querySelector('input')!;

  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ items: RANKED, nextCursor: null, total: RANKED.length })),
    );
  });

  it('ranks by the newest evidence from the address, says on each row its score and how long ago it was said, and ranks by score when chosen', async () => {
    await root.render(
      <AppProviders url={`/w/${WS}/problems?sort=recent-evidence`}>
        <ProblemTree ws={WS} />
        <Address />
      </AppProviders>,
    );
    await until(() => expect(document.querySelector('[role="tree"]')).not.toBeNull());
    expect(sortOption('Recent evidence').checked).toBe(true);
    expect(rowTitles()).toEqual([FRESHEST.title, STRONGEST.title, MOST_QUOTED.title, SILENT.title]);
    expect(descriptionOf(rowOf(FRESHEST.title))).toEqual(['◆ Problem', 'Validated', '7 highlights', '1 customer', 'Score 3.0 · last evidence 3 days ago']);
    expect(rowOf(STRONGEST.title).querySelector('time')!.textContent).toBe('1 month ago');
    // No evidence, no line: its counts say so.
    expect(descriptionOf(rowOf(SILENT.title))).toEqual(['◆ Problem', 'Validated', '0 highlights', '0 customers']);

    await act(async () => sortOption('Score').click());
    await until(() => expect(address().get('sort')).toBe('score'));
    expect(rowTitles()).toEqual([STRONGEST.title, FRESHEST.title, MOST_QUOTED.title, SILENT.title]);
  });
});
