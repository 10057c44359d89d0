// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportOptions, ImportPreview, ImportPreviewSource } from '@cairn/shared';
import { formatLabel, isCsvFormat } from './formats';
import { ImportWizard } from './import-wizard';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';

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
  mappingCheck: null,
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

const ticket = (line: number, title: string): ImportPreviewSource => ({
  line,
  kind: 'ticket',
  title,
  body: title,
  occurredAt: null,
  externalId: null,
  customer: null,
  turns: [],
  turnCount: 0,
  speakers: [],
});

const SUGGESTED = { externalId: 'Case', body: 'Said', createdAt: 'Opened', requesterEmail: 'Email' };

/** A server's preview of a two-row file: the rows checked under the options' mapping, else the suggested one. */
const OPENED_TICKETS = (suggested: typeof SUGGESTED) => (options: ImportOptions) => {
  const mapping = (options.mapping ?? suggested) as Record<string, string>;
  const rows = [
    { Case: '1', Said: 'Export fails', Opened: '2024-03-01', Email: 'ana@example.com' },
    { Case: '2', Said: 'Slow search', Opened: '2024-03-02', Email: 'n/a' },
  ];
  return csvPreview({
    columns: ['Case', 'Said', 'Opened', 'Email'],
    labels: ['Case', 'Said', 'Opened', 'Email'],
    rows,
    suggestedMapping: suggested,
    mappingCheck: {
      mapping: mapping as ImportPreview['suggestedMapping'] & { body: string },
      rows: rows.map((row, index) => {
        const error =
          mapping.createdAt === 'Email'
            ? `Created at "${row.Email}" (column "Email") is not a date`
            : mapping.requesterEmail && row.Email === 'n/a'
              ? 'Requester email "n/a" (column "Email") is not an email address'
              : null;
        return { line: index + 2, sources: error ? [] : [ticket(index + 2, row.Said)], error };
      }),
    },
  });
};

describe('ImportWizard', () => {
  const root = mountRoot();

  /** The wizard, with a server that previews the file as `preview` (for the options sent) and starts any import. */
  async function renderWizard(preview: ImportPreview | ((options: ImportOptions) => ImportPreview)) {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/imports/preview`) return json(typeof preview === 'function' ? preview(optionsSent(init)) : preview);
      if (url === `/api/workspaces/${WS}/imports`) return json({ id: IMPORT_ID, status: 'queued' }, 202);
      return json({ items: [], nextCursor: null });
    });
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders>
        <ImportWizard ws={WS} />
      </AppProviders>,
    );
    const format = typeof preview === 'function' ? preview({}).format : preview.format;
    await act(async () => radio(formatLabel(format)).click());
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = isCsvFormat(format) ? new File(['a,b\n'], 'export.csv', { type: 'text/csv' }) : new File(['[]'], 'export.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => expect(document.querySelector('#step-preview')).not.toBeNull());
    return fetch;
  }

  const radio = (label: string) => [...document.querySelectorAll<HTMLLabelElement>('.format-card')].find((card) => card.textContent!.startsWith(label))!.querySelector('input')!;
  const select = (label: string) => [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === label)!.control as HTMLSelectElement;
  const errorOf = (control: Element) => control.closest('.field')!.querySelector('.field-error')?.textContent;
  const start = () => act(async () => [...document.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Start import')!.click());
  const startCalls = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/imports`);
  const previewCalls = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/imports/preview`);
  const optionsSent = (init: RequestInit | undefined) => JSON.parse(String((init?.body as FormData).get('options'))) as ImportOptions;
  const choose = (control: HTMLSelectElement, value: string) => {
    control.value = value;
    return act(async () => control.dispatchEvent(new Event('change', { bubbles: true })));
  };

  it('shows which of the first rows the suggested columns would reject, without asking again', async () => {
    const fetch = await renderWizard(OPENED_TICKETS(SUGGESTED));
    const alert = document.querySelector('.mapping-check [role="alert"]');
    expect(alert?.textContent).toBe('1 of the first 2 rows would be rejected: Requester email "n/a" (column "Email") is not an email address');
    expect(document.querySelector('.mapping-check table')?.textContent).toContain('Rejected: Requester email "n/a"');
    expect(document.querySelector('.mapping-check table')?.textContent).toContain('Export fails');
    // The preview checked its suggestion: no second request, even after the typing pause.
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(previewCalls(fetch)).toHaveLength(1);
  });

  it('checks the rows again, once, when a column changes, and still lets the import start', async () => {
    const fetch = await renderWizard(OPENED_TICKETS(SUGGESTED));
    await choose(select('Created at'), 'Email');
    await choose(select('Requester email'), '');
    await until(() => expect(document.querySelector('.mapping-check [role="alert"]')?.textContent).toMatch(/^All of the first 2 rows would be rejected: Created at "ana@example.com" \(column "Email"\)/));
    expect(previewCalls(fetch)).toHaveLength(2);
    expect(optionsSent(previewCalls(fetch)[1]![1])).toEqual({ mapping: { externalId: 'Case', body: 'Said', createdAt: 'Email' } });

    await choose(select('Created at'), 'Opened');
    await until(() => expect(document.querySelector('.mapping-check [role="status"]')?.textContent).toBe('All of the first 2 rows would import, as 2 tickets.'));
    expect(document.querySelector('.mapping-check [role="alert"]')).toBeNull();
    expect(previewCalls(fetch)).toHaveLength(3);

    await start();
    await until(() => expect(startCalls(fetch)).toHaveLength(1));
  });

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

  it('says which columns no field takes are kept as fields, as the columns are chosen', async () => {
    await renderWizard(OPENED_TICKETS(SUGGESTED));
    const kept = () => [...document.querySelectorAll('p')].map((p) => p.textContent).find((text) => /^(Kept as fields|Every column)/.test(text ?? ''));
    expect(kept()).toBe('Every column is used.');
    await choose(select('Requester email'), '');
    await choose(select('Created at'), '');
    expect(kept()).toBe('Kept as fields: Opened, Email. Each ticket keeps the values its row has in them, shown in the reader.');
  });

  it('names a survey’s kept columns by their question text, leaving out the nameless empty column', async () => {
    await renderWizard(LEGACY_SURVEY);
    expect(document.body.textContent).toContain('Kept as fields: This is a multiple choice question., This is a free text question.');
    expect(document.body.textContent).not.toContain('Column 4');
  });

  it('numbers the problems of a vendor export’s first items by item, not by line', async () => {
    await renderWizard({ ...csvPreview({ format: 'zendesk-json', encoding: null, delimiter: null, suggestedMapping: null }), sources: [ticket(1, 'Export fails')], errors: [{ line: 2, message: 'description is empty' }] });
    expect(document.querySelector('[aria-labelledby="step-preview"] .notice-warning li')?.textContent).toBe('Item 2: description is empty');
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
