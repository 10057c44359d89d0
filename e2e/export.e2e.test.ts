import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const PROBLEM = 'Exports fail on big workspaces';
/** Tickets from named customers, each highlighted whole; the first two are the problem's evidence. */
const TICKETS = [
  { title: 'Export keeps failing', body: 'The CSV export fails, every time, when I pick "a year" of data.\nSecond line.', customer: { name: 'Dana Scully', email: 'dana@bureau.example', company: { name: 'Bureau Analytics', segment: 'Enterprise' } } },
  { title: 'Export formula', body: '=SUM(A1:A3) is what I typed before the export broke', customer: { email: 'fox@lone.example' } },
  { title: 'Login trouble', body: 'I cannot sign in with my work account since Monday.', customer: { name: 'Walter Skinner', email: 'walter@bureau.example' } },
];

describe.skipIf(!browserAvailable)('taking evidence out of Cairn', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let problemId = '';
  const highlightIds: string[] = [];

  it("copies a problem's quotes as Markdown, through the clipboard or, refused it, from a dialog", async () => {
    const { page, baseUrl } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const ticket of TICKETS) {
      const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: ticket.title, body: ticket.body, occurredAt: '2024-05-02T10:00:00.000Z', customer: ticket.customer });
      highlightIds.push((await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true })).id);
    }
    problemId = (await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: PROBLEM })).id;
    await api(page, 'POST', `/workspaces/${ws}/insights/${problemId}/evidence`, { highlightIds: highlightIds.slice(0, 2) });

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`/w/${ws}/problems/${problemId}`);
    await page.getByRole('heading', { name: PROBLEM }).waitFor();
    await page.getByRole('button', { name: 'Copy quotes as Markdown' }).click();
    await page.getByText('Copied 2 quotes as Markdown: paste them into your document').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const sourcesUrl = `${baseUrl}/w/${ws}/sources/`;
    expect(markdown).toContain(
      '> The CSV export fails, every time, when I pick "a year" of data.\\\n> Second line.\n>\n> — Dana Scully, Bureau Analytics (Enterprise), [Export keeps failing](<' + sourcesUrl,
    );
    expect(markdown).toContain(`#h-${highlightIds[0]}>), 2024-05-02`);
    // A customer known by email alone is named "A customer": the block leaves Cairn.
    expect(markdown).toContain(`> \\=SUM(A1:A3) is what I typed before the export broke\n>\n> — A customer, [Export formula](<${sourcesUrl}`);
    expect(markdown).not.toContain('fox@lone.example');
    expect(markdown).not.toContain('Login trouble');

    // A browser that keeps the clipboard from the page (plain http): the text shows in a dialog, ready to copy.
    await page.evaluate(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }));
    await page.getByRole('button', { name: 'Copy quotes as Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy quotes as Markdown' });
    expect(await dialog.getByLabel('Quotes as Markdown').inputValue()).toBe(markdown);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it("downloads a problem's evidence as CSV, and the Highlights page exports what its filters show", async () => {
    const { page } = context;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^cairn-highlights-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(fs.readFileSync((await download.path())!), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.Quote, row.Customer, row.Email, row.Company, row.Segment, row['Said at']]).sort()).toEqual([
      ["'=SUM(A1:A3) is what I typed before the export broke", '', 'fox@lone.example', '', '', '2024-05-02T10:00:00.000Z'],
      [TICKETS[0]!.body, 'Dana Scully', 'dana@bureau.example', 'Bureau Analytics', 'Enterprise', '2024-05-02T10:00:00.000Z'],
    ]);
    expect(rows.every((row) => row.Link!.startsWith(`${context.baseUrl}/w/${ws}/sources/`))).toBe(true);

    await page.goto(`/w/${ws}/highlights?sourceKind=ticket&q=export`);
    await page.getByText('2 highlights').waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/api/workspaces/${ws}/highlights.csv?sourceKind=ticket&q=export`);
  });

  it('exports and copies just the highlights selected on the Highlights page', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/highlights`);
    await page.getByText('3 highlights').waitFor();
    await page.getByRole('checkbox', { name: /^Select “The CSV export fails/ }).check();
    await page.getByRole('checkbox', { name: `Select “${TICKETS[2]!.body}”` }).check();
    const selection = page.getByRole('region', { name: 'The selected highlights' });
    await selection.getByText('2 selected').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), selection.getByRole('link', { name: 'Export selected as CSV' }).click()]);
    const rows = parse(fs.readFileSync((await download.path())!), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.Quote).sort()).toEqual([TICKETS[0]!.body, TICKETS[2]!.body].sort());
    expect(rows.map((row) => row.Link!.split('#h-')[1]).sort()).toEqual([highlightIds[0], highlightIds[2]].sort());

    await selection.getByRole('button', { name: 'Copy selected as Markdown' }).click();
    await page.getByText('Copied 2 quotes as Markdown: paste them into your document').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('[Export keeps failing]');
    expect(markdown).toContain('[Login trouble]');
    expect(markdown).not.toContain('Export formula');
  });

  it("takes out a backlog item's evidence with its problems' evidence", async () => {
    const { page } = context;
    const item = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/backlog-items`, { title: 'Background exports' });
    await api(page, 'POST', `/workspaces/${ws}/backlog-items/${item.id}/evidence`, { insightIds: [problemId], highlightIds: [highlightIds[2]] });
    await page.goto(`/w/${ws}/backlog/${item.id}`);
    await page.getByRole('heading', { name: 'Background exports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/api/workspaces/${ws}/highlights.csv?evidenceOfBacklogItemId=${item.id}`);
    await page.getByRole('button', { name: 'Copy quotes as Markdown' }).click();
    await page.getByText('Copied 3 quotes as Markdown: paste them into your document').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Login trouble');
  });
});
