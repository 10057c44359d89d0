// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem, InsightDetail as InsightDetailData, Role } from '@cairn/shared';
import { ToastProvider } from '../../../components/toast';
import { WorkspaceProvider } from '../../../lib/workspace';
import type { EvidencePickerProps } from './add-evidence';
import { InsightDetail } from './insight-detail';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { until } from '../../../testing/react-dom';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WS = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-0000000000aa';
const USER = '00000000-0000-4000-8000-000000000002';
const AT = '2025-03-04T10:00:00.000Z';
const PROBLEM: InsightDetailData = {
  id: ID,
  type: 'problem',
  title: 'Exports fail',
  status: 'draft',
  statement: null,
  parentId: null,
  evidenceCount: 0,
  customerCount: 0,
  createdBy: null,
  createdAt: AT,
  updatedAt: AT,
  deletedAt: null,
  merge: null,
  parent: null,
  children: [],
  evidence: [],
  backlogItems: [],
  customers: [],
};

const highlight = (n: number, quote: string) => highlightListItem(n, quote, AT);
const PICKED = [highlight(1, 'The CSV export fails every time.'), highlight(2, 'Our yearly export times out.')];

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** The server: the problem, its evidence (none until linked), and the link. */
function fakeServer() {
  let linked: HighlightListItem[] = [];
  return vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/insights/${ID}` && method === 'GET') return json({ ...PROBLEM, evidenceCount: linked.length });
    if (pathname === `/api/workspaces/${WS}/highlights` && searchParams.get('insightId') === ID) return json({ items: linked, nextCursor: null, total: linked.length });
    if (pathname === `/api/workspaces/${WS}/insights/${ID}/evidence` && method === 'POST') {
      const { highlightIds } = JSON.parse(String(init!.body)) as { highlightIds: string[] };
      linked = PICKED.filter((item) => highlightIds.includes(item.id));
      return json({ changed: linked.length });
    }
    throw new Error(`Unexpected request: ${method} ${url}`);
  });
}

const addEvidenceButton = () => [...document.querySelectorAll('button')].find((button) => button.textContent === 'l Add evidence');
const pressL = () => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, cancelable: true })));

describe('InsightDetail: Add evidence', () => {
  let root: Root;
  let server: ReturnType<typeof fakeServer>;
  let picker: EvidencePickerProps | null;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal('fetch', server);
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    picker = null;
  });
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  async function render(role: Role) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await act(async () =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>
            <ToastProvider>
              <WorkspaceProvider workspace={{ id: WS, name: 'Acme', createdAt: AT }} role={role} userId={USER}>
                <InsightDetail
                  ws={WS}
                  id={ID}
                  renderEvidencePicker={(props) => {
                    picker = props;
                    return <p>picker</p>;
                  }}
                />
              </WorkspaceProvider>
            </ToastProvider>
          </MemoryRouter>
        </QueryClientProvider>,
      ),
    );
    await until(() => expect(document.querySelector('h1')?.textContent).toBe('Exports fail'));
  }

  it('is not offered to a viewer, by button or by key', async () => {
    await render('viewer');
    await until(() => expect(document.body.textContent).toContain('No evidence yet.'));
    expect(addEvidenceButton()).toBeUndefined();
    expect(document.body.textContent).not.toContain('Add evidence');
    await pressL();
    expect(picker).toBeNull();
  });

  it('opens the picker on l for a contributor, links what is picked, and lists it at once', async () => {
    await render('contributor');
    await until(() => expect(addEvidenceButton()?.getAttribute('aria-keyshortcuts')).toBe('l'));
    await until(() => expect(document.body.textContent).toContain("No evidence yet. Choose Add evidence (or press l) to pick quotes from the workspace's highlights. In the Triage queue"));
    await pressL();
    expect(picker).toMatchObject({ title: 'Add evidence to “Exports fail”', addedTo: { insightId: ID }, busy: false });

    await act(async () => picker!.onPick(PICKED.map((item) => item.id)));
    await until(() => expect(document.body.textContent).toContain('Linked 2 highlights to “Exports fail”'));
    const posted = server.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(posted![1]!.body))).toEqual({ highlightIds: PICKED.map((item) => item.id) });
    // Closed, and the evidence list fetched again: both quotes show without a reload.
    expect(document.body.textContent).not.toContain('picker');
    await until(() => expect([...document.querySelectorAll('.evidence-item blockquote')].map((quote) => quote.textContent)).toEqual(PICKED.map((item) => item.quote)));
  });
});
