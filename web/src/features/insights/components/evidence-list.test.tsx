// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceImportance, HighlightListItem, Role } from '@cairn/shared';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import type { EvidenceOwner } from '../api/list-evidence';
import { EvidenceList } from './evidence-list';

const AT = '2025-03-04T10:00:00.000Z';
const OWNER_ID = '00000000-0000-4000-8000-0000000000aa';
const SOMEONE_ELSE = '00000000-0000-4000-8000-0000000000ee';

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

describe('EvidenceList: importance', () => {
  const root = mountRoot();
  let items: HighlightListItem[];
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url.startsWith(`/api/workspaces/${WS}/highlights?`)) return json({ items, nextCursor: null, total: items.length });
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as { highlightIds: string[]; importance: EvidenceImportance };
        items = items.map((item) => (body.highlightIds.includes(item.id) ? { ...item, importance: body.importance } : item));
        return json({ changed: body.highlightIds.length });
      }
      throw new Error(`Unexpected request: ${init?.method ?? 'GET'} ${url}`);
    });
    vi.stubGlobal('fetch', fetch);
  });

  const render = (role: Role, owner: EvidenceOwner) =>
    root.render(
      <AppProviders role={role}>
        <EvidenceList ws={WS} owner={owner} onUnlink={role === 'viewer' ? undefined : () => {}} empty={<p>Nothing</p>} />
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
