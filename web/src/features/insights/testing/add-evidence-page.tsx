import { act, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem, Role } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import type { EvidenceOwner } from '../api/list-evidence';
import type { EvidencePickerProps } from '../components/add-evidence';

/** What differs between the pages evidence is added on: a problem's and a backlog item's. */
type EvidencePage = {
  /** The object's address in the API, below the workspace: `insights/ID`. */
  path: string;
  /** The object as the server sends it once `linked` highlights are its evidence. */
  detail: (linked: number) => object;
  owner: EvidenceOwner;
  /** The page's heading. */
  title: string;
  /** How many highlights the page says above the list that the object has (its header, or its score). */
  counted: () => number | undefined;
  /** The highlights the tests pick, which the server links when asked. */
  picked: HighlightListItem[];
  /** The page, rendering the evidence picker as it is told. */
  page: (renderEvidencePicker: (props: EvidencePickerProps) => ReactNode) => ReactNode;
};

export const addEvidenceButton = () => [...document.querySelectorAll('button')].find((button) => button.textContent === 'l Add evidence');
export const pressL = () => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, cancelable: true })));

/** The server: the object, its evidence (none until linked), and the link. `holdDetail` keeps the object's answers back until released. */
function fakeServer(of: EvidencePage) {
  let linked: HighlightListItem[] = [];
  let detailHeld: Promise<void> | null = null;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/${of.path}` && method === 'GET') {
      await detailHeld;
      return json(of.detail(linked.length));
    }
    if (pathname === `/api/workspaces/${WS}/highlights` && Object.entries(of.owner).every(([name, value]) => searchParams.get(name) === value)) return json({ items: linked, nextCursor: null, total: linked.length });
    if (pathname === `/api/workspaces/${WS}/${of.path}/evidence` && method === 'POST') {
      const { highlightIds } = JSON.parse(String(init!.body)) as { highlightIds: string[] };
      linked = of.picked.filter((item) => highlightIds.includes(item.id));
      return json({ changed: linked.length });
    }
    throw new Error(`Unexpected request: ${method} ${url}`);
  });
  const holdDetail = () => {
    let release!: () => void;
    detailHeld = new Promise((resolve) => (release = resolve));
    return release;
  };
  return Object.assign(fetch, { holdDetail });
}

type RenderedPage = {
  render: (role: Role) => Promise<void>;
  picker: () => EvidencePickerProps | null;
  server: () => ReturnType<typeof fakeServer>;
};

/**
 * The Add evidence tests of a page: the one every such page passes alike (a viewer is offered
 * none), then those `tests` registers, given the page to render for a role, the picker it rendered
 * last (null before any) and the server's requests.
 */
export function describeAddEvidence(name: string, of: EvidencePage, tests: (page: RenderedPage) => void) {
  describe(name, () => {
    const root = mountRoot();
    let server: ReturnType<typeof fakeServer>;
    let picker: EvidencePickerProps | null;
    beforeEach(() => {
      server = fakeServer(of);
      vi.stubGlobal('fetch', server);
      picker = null;
    });

    async function render(role: Role) {
      const renderEvidencePicker = (props: EvidencePickerProps) => {
        picker = props;
        return <p>picker</p>;
      };
      await root.render(<AppProviders role={role}>{of.page(renderEvidencePicker)}</AppProviders>);
      await until(() => expect(document.querySelector('h1')?.textContent).toBe(of.title));
    }

    it('is not offered to a viewer, by button or by key', async () => {
      await render('viewer');
      await until(() => expect(document.body.textContent).toContain('No evidence yet.'));
      expect(addEvidenceButton()).toBeUndefined();
      expect(document.body.textContent).not.toContain('Add evidence');
      await pressL();
      expect(picker).toBeNull();
    });

    it('says the evidence is linked only once the page has it all: the list and the counts of the object above it', async () => {
      await render('contributor');
      await until(() => expect(document.body.textContent).toContain('No evidence yet.'));
      await pressL();
      const release = server.holdDetail();
      await act(async () => picker!.onPick(of.picked.map((item) => item.id)));
      await until(() => expect(document.querySelectorAll('.evidence-item')).toHaveLength(of.picked.length));
      // The list came back, the object has not yet: the picker waits, busy, and nothing is said.
      expect(picker).toMatchObject({ busy: true });
      const said = `Linked ${of.picked.length} highlights to “${of.title}”`;
      expect(document.body.textContent).not.toContain(said);
      await act(async () => release());
      await until(() => expect(document.body.textContent).toContain(said));
      expect(server.mock.calls.filter(([url, init]) => String(url).endsWith(`/${of.path}`) && (init?.method ?? 'GET') === 'GET').length).toBeGreaterThanOrEqual(2);
      expect(of.counted()).toBe(of.picked.length);
    });

    tests({ render, picker: () => picker, server: () => server });
  });
}
