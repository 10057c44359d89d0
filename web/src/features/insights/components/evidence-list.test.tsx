// @vitest-environment happy-dom
import { act, type ComponentProps } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceImportance, HighlightListItem, Role } from '@cairn/shared';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import type { EvidenceOwner } from '../api/list-evidence';
import { EvidenceList, useEvidenceFilter } from './evidence-list';

const AT = '2025-03-04T10:00:00.000Z';
const OWNER_ID = '00000000-0000-4000-8000-0000000000aa';
const SOMEONE_ELSE = '00000000-0000-4000-8000-0000000000ee';

/** The list as its page holds it, with its filter. */
function Evidence({ owner, ...props }: Omit<ComponentProps<typeof EvidenceList>, 'ws' | 'filter'>) {
  return <EvidenceList ws={WS} owner={owner} filter={useEvidenceFilter(WS, owner)} {...props} />;
}

/** The select named "Importance of “quote”". */
function findSelect(quote: string): HTMLSelectElement | null {
  return [...document.querySelectorAll('select')].find((select) => select.getAttribute('aria-label') === `Importance of “${quote}”`) ?? null;
}

/** What each row says of its importance: the select's value, or the text shown instead. */
const shown = () =>
  [...document.querySelectorAll('.evidence-item')].map((row) => {
    const control = row.querySelector('.evidence-importance');
    return control?.querySelector('select')?.value ?? control?.textContent;
  });

/** Chooses an option as a person does, by mouse or by keyboard: the select's value changes and it says so. */
function choose(select: HTMLSelectElement, value: EvidenceImportance) {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The evidence the fake server holds; each test sets it. */
let items: HighlightListItem[];

/** The server over `items`: its list (only the importances asked for, with their total) and its change of importance. */
function fakeEvidenceServer() {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/csrf') return json({ token: 'csrf' });
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname === `/api/workspaces/${WS}/highlights`) {
      const importance = searchParams.get('importance');
      const matching = items.filter((item) => !importance || item.importance === importance);
      return json({ items: matching, nextCursor: null, total: matching.length });
    }
    if (init?.method === 'PATCH') {
      const body = JSON.parse(String(init.body)) as { highlightIds: string[]; importance: EvidenceImportance };
      items = items.map((item) => (body.highlightIds.includes(item.id) ? { ...item, importance: body.importance } : item));
      return json({ changed: body.highlightIds.length });
    }
    throw new Error(`Unexpected request: ${init?.method ?? 'GET'} ${url}`);
  });
}

describe('EvidenceList: importance', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fetch = fakeEvidenceServer();
    vi.stubGlobal('fetch', fetch);
  });

  const render = (role: Role, owner: EvidenceOwner) =>
    root.render(
      <AppProviders role={role}>
        <Evidence owner={owner} onUnlink={role === 'viewer' ? undefined : () => {}} empty={<p>Nothing</p>} />
      </AppProviders>,
    );
  const patches = () => fetch.mock.calls.filter(([, init]) => init?.method === 'PATCH').map(([url, init]) => [url, JSON.parse(String(init!.body))]);

  it("shows each quote's importance and lets a contributor change it on the links they made, by a labelled select", async () => {
    items = [
      highlightListItem(1, 'Exports time out.', AT, { linkedBy: USER, importance: 'important' }),
      highlightListItem(2, 'The CSV is empty.', AT, { linkedBy: SOMEONE_ELSE, importance: 'critical' }),
    ];
    await render('contributor', { insightId: OWNER_ID });
    await until(() => expect(shown()).toEqual(['important', 'Critical']));
    const select = findSelect('Exports time out.')!;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Nice to have', 'Important', 'Critical']);
    expect(findSelect('The CSV is empty.')).toBeNull();

    select.focus();
    await act(async () => choose(select, 'critical'));
    await until(() => expect(patches()).toEqual([[`/api/workspaces/${WS}/insights/${OWNER_ID}/evidence`, { highlightIds: [items[0]!.id], importance: 'critical' }]]));
    // The list is fetched again with the choice, and the focus stays on the select.
    await until(() => expect(fetch.mock.calls.filter(([url]) => String(url).includes('/highlights?'))).toHaveLength(2));
    expect(shown()).toEqual(['critical', 'Critical']);
    expect(document.activeElement).toBe(findSelect('Exports time out.'));
  });

  it("changes a backlog item's own link on the item, and shows what comes only through a problem as text", async () => {
    const through = { direct: false, insights: [{ id: OWNER_ID, type: 'problem' as const, title: 'Exports fail' }] };
    items = [
      highlightListItem(1, 'Exports time out.', AT, { linkedBy: SOMEONE_ELSE, importance: 'nice_to_have', via: { direct: true, insights: [] } }),
      highlightListItem(2, 'The CSV is empty.', AT, { linkedBy: null, importance: 'critical', via: through }),
    ];
    await render('researcher', { evidenceOfBacklogItemId: 'item-1' });
    await until(() => expect(shown()).toEqual(['nice_to_have', 'Critical']));
    await act(async () => choose(findSelect('Exports time out.')!, 'important'));
    await until(() => expect(patches()).toEqual([[`/api/workspaces/${WS}/backlog-items/item-1/evidence`, { highlightIds: [items[0]!.id], importance: 'important' }]]));
    await until(() => expect(shown()).toEqual(['important', 'Critical']));
  });

  it('shows a viewer the importance without a control', async () => {
    items = [highlightListItem(1, 'Exports time out.', AT, { linkedBy: USER, importance: 'nice_to_have' })];
    await render('viewer', { insightId: OWNER_ID });
    await until(() => expect(shown()).toEqual(['Nice to have']));
    expect(document.querySelector('.evidence-item select')).toBeNull();
  });
});

describe('EvidenceList: the importance filter', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    items = [
      highlightListItem(1, 'Exports time out.', AT, { linkedBy: USER, importance: 'critical' }),
      highlightListItem(2, 'The CSV is empty.', AT, { linkedBy: USER, importance: 'important' }),
      highlightListItem(3, 'Dark mode, please.', AT, { linkedBy: USER, importance: 'nice_to_have' }),
    ];
    fetch = fakeEvidenceServer();
    vi.stubGlobal('fetch', fetch);
  });

  const render = () =>
    root.render(
      <AppProviders role="researcher">
        <Evidence owner={{ insightId: OWNER_ID }} onUnlink={() => {}} empty={<p>Nothing linked yet</p>} />
      </AppProviders>,
    );
  const quotes = () => [...document.querySelectorAll('.evidence-item blockquote')].map((quote) => quote.textContent);
  const total = () => document.querySelector('.evidence-total')?.textContent;
  /** The filter's radios by their labels, as a screen reader names them. */
  const radio = (label: string) => [...document.querySelectorAll<HTMLInputElement>('.evidence-filter input[type=radio]')].find((input) => input.parentElement?.textContent === label)!;
  const requested = () => fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/highlights?')).map((url) => new URL(url, 'http://cairn.test').searchParams.get('importance'));

  it('filters the evidence by a labelled group of radios, says what it hides, and clears from the empty state', async () => {
    await render();
    await until(() => expect(quotes()).toEqual(['Exports time out.', 'The CSV is empty.', 'Dark mode, please.']));
    expect(document.querySelector('.evidence-filter legend')?.textContent).toBe('Importance');
    expect([...document.querySelectorAll('.evidence-filter label')].map((label) => label.textContent)).toEqual(['All', 'Critical', 'Important', 'Nice to have']);
    expect(radio('All').checked).toBe(true);
    expect(total()).toBe('3 highlights');

    // A radio chosen by keyboard or mouse (arrow keys move the choice within the group).
    await act(async () => radio('Critical').click());
    await until(() => expect(quotes()).toEqual(['Exports time out.']));
    expect(requested()).toEqual([null, 'critical']);
    expect(total()).toBe('1 critical highlight of 3');

    // Marking the only critical quote important empties the filtered list: it says so, and offers the rest.
    await act(async () => choose(findSelect('Exports time out.')!, 'important'));
    await until(() => expect(document.querySelector('.evidence-filtered-out')?.textContent).toContain('None of this evidence is marked critical: the filter hides all 3 highlights.'));
    expect(quotes()).toEqual([]);
    expect(document.body.textContent).not.toContain('Nothing linked yet');

    const showAll = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Show all evidence')!;
    await act(async () => showAll.click());
    await until(() => expect(quotes()).toEqual(['Exports time out.', 'The CSV is empty.', 'Dark mode, please.']));
    expect(radio('All').checked).toBe(true);
    expect(document.activeElement).toBe(radio('All'));
  });

  it('keeps the focus in the list when a changed row leaves it, on the next row, else the one before, else the filter, and says why it went', async () => {
    items = items.map((item) => ({ ...item, importance: 'important' }));
    await render();
    await until(() => expect(quotes()).toHaveLength(3));
    await act(async () => radio('Important').click());
    await until(() => expect(total()).toBe('3 important highlights of 3'));

    // The first row, chosen by keyboard: the focus goes to the row that takes its place.
    findSelect('Exports time out.')!.focus();
    await act(async () => choose(findSelect('Exports time out.')!, 'critical'));
    await until(() => expect(quotes()).toEqual(['The CSV is empty.', 'Dark mode, please.']));
    await until(() => expect(document.activeElement).toBe(findSelect('The CSV is empty.')));
    expect(document.querySelector('[role=status]')?.textContent).toContain('Marked “Exports time out.” critical: the list shows important evidence only');

    // The last row: the one before it.
    findSelect('Dark mode, please.')!.focus();
    await act(async () => choose(findSelect('Dark mode, please.')!, 'nice_to_have'));
    await until(() => expect(quotes()).toEqual(['The CSV is empty.']));
    await until(() => expect(document.activeElement).toBe(findSelect('The CSV is empty.')));

    // The only row: the filter, which now says nothing is left.
    findSelect('The CSV is empty.')!.focus();
    await act(async () => choose(findSelect('The CSV is empty.')!, 'critical'));
    await until(() => expect(document.querySelector('.evidence-filtered-out')).not.toBeNull());
    await until(() => expect(document.activeElement).toBe(radio('Important')));
  });

  it('shows no filter where nothing is linked, only how to link some', async () => {
    items = [];
    await render();
    await until(() => expect(document.body.textContent).toContain('Nothing linked yet'));
    expect(document.querySelector('.evidence-filter')).toBeNull();
  });
});
