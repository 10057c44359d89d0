// @vitest-environment happy-dom
import { act } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Highlight, Source, SourceSummary, TagSourcesWholeBody, TagSourcesWholeRun } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { TriageQueue } from './triage-queue';

const AT = '2024-01-01T00:00:00.000Z';
const BILLING = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Billing', group: null, color: null, description: null, usageCount: 0, createdAt: AT };
const sourceId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const highlightId = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

type Ticket = { n: number; title: string; helpdeskTags: string[]; day: string; triaged: boolean };

/** Tickets as `n` days into 2024, oldest first by `n`. */
const tickets = (specs: Array<[title: string, helpdeskTags: string[]]>, firstDay = 1): Ticket[] =>
  specs.map(([title, helpdeskTags], index) => ({ n: firstDay + index, title, helpdeskTags, day: new Date(Date.UTC(2024, 0, firstDay + index)).toISOString().slice(0, 10), triaged: false }));

function summary(ticket: Ticket): SourceSummary {
  return {
    id: sourceId(ticket.n),
    kind: 'ticket',
    title: ticket.title,
    externalId: null,
    occurredAt: `${ticket.day}T00:00:00.000Z`,
    customer: null,
    importId: null,
    preview: ticket.title,
    highlightCount: 0,
    tagged: false,
    triaged: false,
    createdBy: null,
    createdAt: AT,
    deletedAt: null,
    score: null,
    scoreScale: null,
  };
}

/**
 * The server of the queue: its pages (oldest first, 50 at a time, the first with the total), the
 * helpdesk tags' counts, Tag all and its Undo. Tag all reads the tickets it tags as the request
 * arrives and answers only when the test releases it (`release`), as a long run would.
 */
function fakeServer(all: Ticket[]) {
  let release = () => {};
  const matches = (ticket: Ticket, query: { helpdeskTag?: string | null; from?: string | null; to?: string | null }) =>
    !ticket.triaged &&
    (!query.helpdeskTag || ticket.helpdeskTags.some((tag) => tag.toLowerCase() === query.helpdeskTag!.toLowerCase())) &&
    (!query.from || ticket.day >= query.from) &&
    (!query.to || ticket.day <= query.to);
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    const query = { helpdeskTag: searchParams.get('helpdeskTag'), from: searchParams.get('from'), to: searchParams.get('to') };
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/catalog`) return json({ tags: [BILLING], customers: [], companies: [], insights: [], backlogItems: [] });
    if (pathname === `/api/workspaces/${WS}/sources` && method === 'GET') {
      const waiting = all.filter((ticket) => matches(ticket, query));
      const offset = Number(searchParams.get('cursor') ?? 0);
      const limit = Number(searchParams.get('limit'));
      const next = offset + limit < waiting.length ? String(offset + limit) : null;
      return json({ items: waiting.slice(offset, offset + limit).map(summary), nextCursor: next, ...(offset === 0 && { total: waiting.length }) });
    }
    if (pathname === `/api/workspaces/${WS}/sources/helpdesk-tags`) {
      const counts = new Map<string, number>();
      for (const ticket of all.filter((candidate) => matches(candidate, query))) for (const tag of ticket.helpdeskTags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return json({ items: [...counts].map(([name, count]) => ({ name, count })) });
    }
    if (pathname === `/api/workspaces/${WS}/sources/tag-whole`) {
      const { filters, tagIds } = JSON.parse(String(init!.body)) as TagSourcesWholeBody;
      const tagged = all.filter((ticket) => matches(ticket, filters));
      await new Promise<void>((resolve) => (release = resolve));
      for (const ticket of tagged) ticket.triaged = true;
      const run: TagSourcesWholeRun = { at: '2024-03-01T09:30:00.123456Z', tagIds, createdHighlightIds: tagged.map((ticket) => highlightId(ticket.n)), addedTags: [] };
      return json({ highlighted: tagged.length, run });
    }
    if (pathname === `/api/workspaces/${WS}/sources/tag-whole/undo`) {
      const { createdHighlightIds } = JSON.parse(String(init!.body)) as TagSourcesWholeRun;
      for (const ticket of all) if (createdHighlightIds.includes(highlightId(ticket.n))) ticket.triaged = false;
      return json({ trashed: createdHighlightIds.length, kept: 0, untagged: 0 });
    }
    throw new Error(`Unexpected request: ${method} ${url}`);
  });
  return { fetch, release: () => release() };
}

/** The queue's props, tagging and untagging one item by hand on the same server. */
function queueProps(all: Ticket[]) {
  const ticketOf = (id: string) => all.find((ticket) => sourceId(ticket.n) === id)!;
  return {
    ws: WS,
    canTag: true,
    canLink: true,
    sourceQuery: (id: string) => ({ queryKey: ['sources', WS, id], queryFn: async () => ({ id, title: ticketOf(id).title }) as Source }),
    renderSource: (source: Source) => <p>{source.title}</p>,
    tagWhole: async (id: string) => {
      ticketOf(id).triaged = true;
      return { id: highlightId(1000 + ticketOf(id).n), sourceId: id } as Highlight;
    },
    trashHighlight: async (highlight: Pick<Highlight, 'sourceId'>) => void (ticketOf(highlight.sourceId).triaged = false),
    renderTagPicker: () => null,
    renderLinkDialog: () => null,
    unlinkEvidence: async () => undefined,
  };
}

const text = () => document.body.textContent ?? '';
const left = () => document.querySelector('.triage-left strong')?.textContent;
const currentItem = () => document.querySelector('article.triage-item')?.getAttribute('aria-label');
const buttonNamed = (name: string | RegExp, within: ParentNode = document) =>
  [...within.querySelectorAll('button')].find((button) => (typeof name === 'string' ? button.textContent === name : name.test(button.textContent ?? '')));
const click = (button: HTMLElement | undefined) => act(async () => button!.click());
const press = (key: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const toastText = () => document.querySelector('.toast-stack[role="status"]')?.textContent ?? '';
const RUN_DONE = 'Highlighted and tagged 2 tickets with “Billing”: they have left the queue';

async function chooseHelpdeskTag(value: string) {
  const select = [...document.querySelectorAll('label')].find((label) => label.textContent === 'Helpdesk tag')!.control as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Opens Tag all, chooses "Billing", confirms, and closes the dialog while the run is held on the server. */
async function startTagAll(tickets: string) {
  await click(buttonNamed(`Tag all ${tickets}…`));
  const dialog = () => document.querySelector('dialog[open]')!;
  await act(async () => type(dialog().querySelector<HTMLInputElement>('input[role="combobox"]')!, 'bill'));
  await until(() => expect(dialog().querySelector('[role="option"]')?.textContent).toContain('Billing'));
  await click(dialog().querySelector<HTMLElement>('[role="option"]')!);
  await click(buttonNamed(`Highlight and tag ${tickets}`, dialog()));
  await until(() => expect(text()).toContain('Closing this does not stop it'));
  await click(buttonNamed('Close', dialog()));
  await until(() => expect(buttonNamed(/^Tagging /)).toBeDefined());
}

describe('TriageQueue: Tag all and its Undo', () => {
  const root = mountRoot();

  async function render(all: Ticket[], url: string) {
    const server = fakeServer(all);
    vi.stubGlobal('fetch', server.fetch);
    const router = createMemoryRouter(
      [
        { path: '/w/:ws/triage', element: <TriageQueue {...queueProps(all)} /> },
        { path: '/w/:ws/inbox', element: <p>The Inbox</p> },
      ],
      { initialEntries: [url] },
    );
    await root.render(
      <AppProviders router={false} role="researcher">
        <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
      </AppProviders>,
    );
    return { router, release: () => act(async () => server.release()) };
  }

  it('keeps the helpdesk tag chosen while a run went on, and its Tag all count, and names the one the run tagged', async () => {
    const all = tickets([['Refund missing', ['billing']], ['Invoice wrong', ['billing']], ['Cannot log in', ['login']], ['Locked out', ['login']]]);
    const { router, release } = await render(all, `/w/${WS}/triage?helpdeskTag=billing`);
    await until(() => expect(left()).toBe('2 left'));
    await startTagAll('2 tickets');
    // Another helpdesk tag meanwhile, and one of its tickets tagged by hand.
    await chooseHelpdeskTag('login');
    await until(() => expect(currentItem()).toBe('Cannot log in'));
    await until(() => expect(buttonNamed(/Billing/, document.querySelector('.triage-keys')!)).toBeDefined());
    await press('1');
    await until(() => expect(currentItem()).toBe('Locked out'));

    await release();
    await until(() => expect(toastText()).toContain(RUN_DONE));
    expect(router.state.location.search).toBe('?helpdeskTag=login');
    // Fetched again by the run, the queue counts the one tagged by hand out once, not twice.
    await until(() => expect(buttonNamed('Tag all 1 ticket…')).toBeDefined());
    expect(currentItem()).toBe('Locked out');
    expect(left()).toBe('1 left');
    expect(toastText()).toContain(`${RUN_DONE} of the helpdesk tag “billing”.Undo`);
  });

  it('leaves the page the person went to as it is when a run ends after they left the queue', async () => {
    const { router, release } = await render(tickets([['Refund missing', ['billing']], ['Invoice wrong', ['billing']]]), `/w/${WS}/triage?helpdeskTag=billing`);
    await until(() => expect(left()).toBe('2 left'));
    await startTagAll('2 tickets');

    await act(() => router.navigate(`/w/${WS}/inbox?kind=ticket`));
    await release();
    await until(() => expect(toastText()).toContain(RUN_DONE));
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/w/${WS}/inbox?kind=ticket`);
    expect(text()).toContain('The Inbox');
  });

  it('keeps Tag all busy on the queue opened again while a run started before goes on, so it cannot run twice, and its Undo shows the tickets on that queue', async () => {
    const { router, release } = await render(tickets([['Refund missing', ['billing']], ['Invoice wrong', ['billing']]]), `/w/${WS}/triage?helpdeskTag=billing`);
    await until(() => expect(left()).toBe('2 left'));
    await startTagAll('2 tickets');

    await act(() => router.navigate(`/w/${WS}/inbox`));
    await act(() => router.navigate(`/w/${WS}/triage?helpdeskTag=billing`));
    await until(() => expect(left()).toBe('2 left'));
    expect(buttonNamed('Tagging tickets…')).toBeDefined();
    expect(buttonNamed(/^Tag all/)).toBeUndefined();

    await release();
    await until(() => expect(toastText()).toContain(RUN_DONE));
    await until(() => expect(text()).toContain('Nothing waits here'));
    expect(buttonNamed(/^Tagging/)).toBeUndefined();

    // The toast's Undo belongs to the queue that has gone: the one on screen shows the tickets again.
    await click(buttonNamed('Undo', document.querySelector('.toasts')!));
    await until(() => expect(left()).toBe('2 left'));
    expect(currentItem()).toBe('Refund missing');
  });

  it('keeps its count, skips and undo history through a run that ended on another filter and its Undo, and u brings back an item tagged before them', async () => {
    // More than a page: the count left is the first page's total, less what the session did since.
    const questions = tickets(Array.from({ length: 60 }, (_, index): [string, string[]] => [`Question ${index + 1}`, []]));
    const all = [...questions, ...tickets([['Refund missing', ['billing']], ['Invoice wrong', ['billing']]], 61)];
    const { router, release } = await render(all, `/w/${WS}/triage?helpdeskTag=billing`);
    await until(() => expect(left()).toBe('2 left'));
    await startTagAll('2 tickets');

    // Every helpdesk tag meanwhile: tag one by hand, skip the next.
    await chooseHelpdeskTag('');
    await until(() => expect(left()).toBe('62 left'));
    await until(() => expect(buttonNamed(/Billing/, document.querySelector('.triage-keys')!)).toBeDefined());
    await press('1');
    await until(() => expect(currentItem()).toBe('Question 2'));
    await press('s');
    await until(() => expect(currentItem()).toBe('Question 3'));
    expect(left()).toBe('60 left');

    // The run refetched the queue: 59 wait, one of them skipped.
    await release();
    await until(() => expect(toastText()).toContain(RUN_DONE));
    await until(() => expect(left()).toBe('58 left'));
    expect(currentItem()).toBe('Question 3');
    expect(router.state.location.search).toBe('');

    // Undo: the run's two wait again, the skip stays.
    await click(buttonNamed('Undo', document.querySelector('.toasts')!));
    await until(() => expect(toastText()).toContain('Undid tagging 2 tickets with “Billing”: they wait in the queue of the helpdesk tag “billing” again'));
    await until(() => expect(left()).toBe('60 left'));
    expect(currentItem()).toBe('Question 3');

    // u undoes the skip, then the tag by hand: that item is no longer on the pages fetched since, and comes back all the same.
    await press('u');
    await until(() => expect(currentItem()).toBe('Question 2'));
    expect(left()).toBe('61 left');
    await press('u');
    await until(() => expect(currentItem()).toBe('Question 1'));
    expect(left()).toBe('62 left');
  });

  it('keeps the helpdesk tag when u gave one of its tickets back while its run went on', async () => {
    const { router, release } = await render(tickets([['Refund missing', ['billing']], ['Invoice wrong', ['billing']], ['Charged twice', ['billing']]]), `/w/${WS}/triage?helpdeskTag=billing`);
    await until(() => expect(left()).toBe('3 left'));
    await until(() => expect(buttonNamed(/Billing/, document.querySelector('.triage-keys')!)).toBeDefined());
    await press('1');
    await until(() => expect(currentItem()).toBe('Invoice wrong'));
    await startTagAll('2 tickets');
    await press('u');
    await until(() => expect(currentItem()).toBe('Refund missing'));

    await release();
    await until(() => expect(toastText()).toContain(RUN_DONE));
    expect(router.state.location.search).toBe('?helpdeskTag=billing');
    await until(() => expect(left()).toBe('1 left'));
    expect(currentItem()).toBe('Refund missing');
    expect(toastText()).toContain(`${RUN_DONE} of the helpdesk tag “billing”.Undo`);
  });
});
