// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Import } from '@cairn/shared';
import { ImportReport } from './import-report';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { anImport, IMPORT_ID as ID, NO_COUNTS } from '../testing/imports';

describe('ImportReport', () => {
  const root = mountRoot();

  /** Renders the report of an import the server answers with, one answer per poll (the last one repeats). */
  async function renderReport(...answers: Import[]) {
    let polls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(answers[Math.min(polls++, answers.length - 1)])),
    );
    await root.render(
      <AppProviders>
        <ImportReport ws={WS} importId={ID} />
      </AppProviders>,
    );
    await until(() => expect(document.querySelector('.import-report')).not.toBeNull());
  }

  const text = () => document.querySelector('.import-report')!.textContent!;
  const countLabels = () => [...document.querySelectorAll('.import-count dt')].map((label) => label.textContent);
  const download = () => document.querySelector<HTMLAnchorElement>('.import-errors a[download]')!;

  it('gives rejected CSV rows back to fix and import again', async () => {
    await renderReport(anImport({ counts: { ...NO_COUNTS, total: 4, created: 3, rejected: 1 }, errors: [{ line: 4, message: 'Requester email "x" (column "Email") is not an email address' }], errorsTotal: 1 }));
    expect(document.querySelector('.import-errors h4')!.textContent).toBe('Rejected rows (1)');
    expect(download().textContent).toBe('Download rejected rows (CSV)');
    expect(text()).toContain('fix them and import that file: rows already imported will not be duplicated');
  });

  it('names a vendor export’s rejections by what they are, and promises no re-importable rows', async () => {
    await renderReport(anImport({ format: 'zendesk-json', fileName: 'tickets.json', counts: { ...NO_COUNTS, total: 3, created: 2, rejected: 1 }, errors: [{ line: 2, message: 'description is empty' }], errorsTotal: 1 }));
    expect(document.querySelector('.import-errors h4')!.textContent).toBe('Rejected tickets (1)');
    expect(document.querySelector('.import-errors caption')!.textContent).toBe('Rejected tickets, by item');
    // An export's tickets are numbered by their place in its list, not by a line of the file.
    expect([...document.querySelectorAll('.import-errors th')].map((cell) => cell.textContent)).toEqual(['Item', 'Reason']);
    expect(download().textContent).toBe('Download rejected tickets (CSV)');
    expect(text()).not.toContain('rows already imported');
  });

  it('says a transcript’s skipped cues are lost, and that a corrected file would be a second interview', async () => {
    await renderReport(
      anImport({
        format: 'transcript',
        fileName: 'call.vtt',
        counts: { ...NO_COUNTS, total: 1, created: 1 },
        skipped: 2,
        errors: [
          { line: 3, message: 'Cue timing "-->" is not valid; the cue was skipped' },
          { line: 6, message: 'Cue timing "foo-->" is not valid; the cue was skipped' },
        ],
        errorsTotal: 2,
      }),
    );
    expect(document.querySelector('.import-errors h4')!.textContent).toBe('Skipped parts (2)');
    expect(download().textContent).toBe('Download the skipped lines (CSV)');
    expect(text()).toContain('The rest of the interview was imported. A corrected file would be imported as a second interview');
    expect(text()).not.toContain('will not be duplicated');
    // One file, known by its text: imported whole or not at all, never updated.
    expect(countLabels()).toEqual(['Interviews created', 'Interviews unchanged', 'Parts skipped']);
  });

  it('shows every count of a CSV import, zeros too', async () => {
    await renderReport(anImport({ counts: { ...NO_COUNTS, total: 3, created: 3 } }));
    expect(countLabels()).toEqual(['Tickets created', 'Tickets updated', 'Tickets unchanged', 'Rows rejected']);
  });

  it('links unchanged sources to the earlier imports the server names, asking for nothing else', async () => {
    const earlier = [
      { id: '00000000-0000-4000-8000-0000000000bb', fileName: 'export.csv', createdAt: '2025-03-01T10:00:00.000Z', finishedAt: '2025-03-01T10:00:02.000Z', count: 2 },
      { id: '00000000-0000-4000-8000-0000000000cc', fileName: 'export-march.csv', createdAt: '2025-03-02T10:00:00.000Z', finishedAt: null, count: 1 },
    ];
    await renderReport(anImport({ counts: { ...NO_COUNTS, total: 3, unchanged: 3 }, unchangedFrom: earlier }));
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.import-report a')].filter((link) => link.href.includes('importId='));
    expect(links.map((link) => [new URL(link.href).search, link.textContent])).toEqual([
      ['?importId=00000000-0000-4000-8000-0000000000bb', expect.stringMatching(/^2 tickets of export\.csv, imported /)],
      ['?importId=00000000-0000-4000-8000-0000000000cc', expect.stringMatching(/^1 ticket of export-march\.csv, imported /)],
    ]);
    expect(text()).toContain('They stay with the import that last wrote them');
    expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).toEqual([`/api/workspaces/${WS}/imports/${ID}`]);
  });

  it('says unchanged sources are not duplicated, naming no import when the server names none', async () => {
    await renderReport(anImport({ counts: { ...NO_COUNTS, total: 3, unchanged: 3 } }));
    expect(text()).toContain('importing a file again never duplicates them.');
    expect(text()).not.toContain('They stay with');
  });

  it('announces the end of an import once, rather than every count while it runs', async () => {
    const running = anImport({ status: 'running', progress: 0.4, finishedAt: null, counts: { ...NO_COUNTS, total: 2000, created: 2000 } });
    await renderReport(running, anImport({ counts: { ...NO_COUNTS, total: 3001, created: 3000, rejected: 1 }, errors: [{ line: 9, message: 'Ticket text is empty (column "Text")' }], errorsTotal: 1 }));
    const status = () => document.querySelector('.import-report [role="status"]')!.textContent;
    expect(status()).toBe('');
    expect(document.querySelector('.import-report [aria-live]')).toBeNull();
    await until(() => expect(status()).toBe('Import finished: 3,000 tickets created · 1 row rejected'));
  });
});
