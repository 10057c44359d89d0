// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '@cairn/shared';
import { ImportWizard } from './import-wizard';
import { until } from '../../../testing/react-dom';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WS = '00000000-0000-4000-8000-000000000001';
const IMPORT_ID = '00000000-0000-4000-8000-0000000000aa';

const csvPreview = (overrides: Partial<ImportPreview>): ImportPreview => ({
  format: 'tickets-csv',
  encoding: 'utf-8',
  delimiter: ',',
  columns: [],
  labels: [],
  rows: [],
  suggestedMapping: {},
  dateOrders: {},
  scoreScales: {},
  sources: [],
  errors: [],
  ...overrides,
});

// Names no helpdesk uses: nothing is suggested as the ticket text.
const TICKETS = csvPreview({
  columns: ['Case', 'Said'],
  labels: ['Case', 'Said'],
  rows: [{ Case: '901', Said: 'The export fails every time.' }],
  suggestedMapping: { externalId: 'Case' },
});

// Qualtrics' legacy export: a trailing comma on every line gives a last column without a name.
const LEGACY_SURVEY = csvPreview({
  format: 'survey-csv',
  columns: ['V1', 'Q1', 'Q2', ''],
  labels: ['ResponseID', 'This is a multiple choice question.', 'This is a free text question.', ''],
  rows: [{ V1: 'R_1', Q1: '2', Q2: 'Hello World!', '': '' }],
  suggestedMapping: { respondentId: 'V1' },
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ImportWizard', () => {
  let root: Root;
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  /** The wizard, with a server that previews the file as `preview` and starts any import. */
  async function renderWizard(preview: ImportPreview) {
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/imports/preview`) return json(preview);
      if (url === `/api/workspaces/${WS}/imports`) return json({ id: IMPORT_ID, status: 'queued' }, 202);
      return json({ items: [], nextCursor: null });
    });
    vi.stubGlobal('fetch', fetch);
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    await act(async () =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>
            <ImportWizard ws={WS} />
          </MemoryRouter>
        </QueryClientProvider>,
      ),
    );
    const label = preview.format === 'survey-csv' ? 'Survey answers (CSV)' : 'Tickets (CSV)';
    await act(async () => radio(label).click());
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['a,b\n'], 'export.csv', { type: 'text/csv' })] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => expect(document.querySelector('#step-preview')).not.toBeNull());
    return fetch;
  }

  const radio = (label: string) => [...document.querySelectorAll<HTMLLabelElement>('.format-card')].find((card) => card.textContent!.startsWith(label))!.querySelector('input')!;
  const select = (label: string) => [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === label)!.control as HTMLSelectElement;
  const errorOf = (control: Element) => control.closest('.field')!.querySelector('.field-error')?.textContent;
  const start = () => act(async () => [...document.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Start import')!.click());
  const startCalls = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/imports`);

  it('says at the Ticket text field that its column is to be chosen, focuses it, and starts once it is', async () => {
    const fetch = await renderWizard(TICKETS);
    const ticketText = select('Ticket text');
    expect(ticketText.value).toBe('');

    await start();
    expect(errorOf(ticketText)).toBe('Choose the column that holds the ticket text');
    expect(ticketText.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(ticketText);
    expect(document.body.textContent).not.toContain('expected string');
    expect(startCalls(fetch)).toHaveLength(0);

    ticketText.value = 'Said';
    await act(async () => ticketText.dispatchEvent(new Event('change', { bubbles: true })));
    expect(errorOf(ticketText)).toBeUndefined();
    await start();
    await until(() => expect(startCalls(fetch)).toHaveLength(1));
    const sent = startCalls(fetch)[0]![1].body as FormData;
    expect(JSON.parse(String(sent.get('options')))).toEqual({ mapping: { externalId: 'Case', body: 'Said' } });
  });

  it('offers no nameless column, and asks for a question column at the list of them', async () => {
    const fetch = await renderWizard(LEGACY_SURVEY);
    const questions = [...document.querySelectorAll<HTMLLabelElement>('.question-picker label')];
    expect(questions.map((label) => label.textContent)).toEqual(['Q1 — This is a multiple choice question.', 'Q2 — This is a free text question.']);
    expect([...select('Score (NPS, CSAT…)').options].map((option) => option.value)).toEqual(['', 'V1', 'Q1', 'Q2']);

    await start();
    expect(document.querySelector('.question-picker .field-error')!.textContent).toBe('Choose at least one question column');
    expect(document.activeElement).toBe(questions[0]!.querySelector('input'));
    expect(startCalls(fetch)).toHaveLength(0);
  });
});
