import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const PROBLEM = 'Exports fail on big workspaces';
const OPPORTUNITY = 'Exports that finish in the background';
const ITEM = 'Background exports with an email when ready';
/** Tickets from customers at companies of known revenue, each highlighted as a whole. */
const TICKETS = [
  { title: 'Export keeps failing', body: 'The CSV export fails every time I pick more than a year of data.', customer: 'dana@bureau.example', company: 'Bureau Analytics', revenue: 250_000 },
  { title: 'Export times out', body: 'Our yearly export times out after ten minutes, so we copy rows by hand.', customer: 'fox@lone.example', company: 'Lone Gunmen Press', revenue: 40_000 },
  { title: 'Login trouble', body: 'I cannot sign in with my work account since Monday.', customer: 'walter@bureau.example', company: 'Bureau Analytics', revenue: 250_000 },
];

describe.skipIf(!browserAvailable)('problems and the backlog', () => {
  const context = useServerAndBrowser();
  let ws = '';

  it('builds a problem with an opportunity under it on the Problems page', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const ticket of TICKETS) {
      const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, {
        kind: 'ticket',
        title: ticket.title,
        body: ticket.body,
        occurredAt: new Date().toISOString(),
        customer: { email: ticket.customer, company: { name: ticket.company, annualRevenue: ticket.revenue } },
      });
      await api(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true });
    }

    await page.goto(`/w/${ws}/problems`);
    await page.getByRole('heading', { name: 'No problems yet' }).waitFor();
    // n opens "New problem", the cursor in its title.
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New problem' });
    await expect.poll(() => dialog.getByLabel('Title').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type(PROBLEM);
    await dialog.getByLabel('Statement').fill('Admins of large workspaces cannot get a year of data out, so they copy rows by hand.');
    await dialog.getByRole('button', { name: 'Add problem' }).click();
    await page.getByText(`Added the problem “${PROBLEM}”`).waitFor();

    // "+ Opportunity" on the problem's row: the dialog starts with the problem as parent.
    const tree = page.getByRole('list', { name: 'Problems, opportunities and solutions' });
    await tree.getByRole('button', { name: `Add opportunity under “${PROBLEM}”` }).click();
    const child = page.getByRole('dialog', { name: 'New opportunity' });
    expect(await child.getByLabel('Under which problem').locator('option:checked').textContent()).toBe(PROBLEM);
    await child.getByLabel('Title').fill(OPPORTUNITY);
    await page.keyboard.press('Enter');
    const branch = tree.getByRole('list', { name: `Under “${PROBLEM}”` });
    await branch.getByRole('link', { name: OPPORTUNITY }).waitFor();

    // The tree by keyboard: ← closes the problem's branch, → opens it again.
    await tree.getByRole('link', { name: PROBLEM }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => branch.count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(OPPORTUNITY);

    // Filtering by type keeps the problem above its opportunity, as context.
    await page.getByLabel('Type').selectOption({ label: 'Opportunities' });
    await page.getByText('1 of 2 match').waitFor();
    await tree.locator('.insight-context', { hasText: PROBLEM }).waitFor();
  });

  it('links two highlights to the problem from the Highlights page, and shows them with their customers on its page', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/highlights`);
    await page.getByRole('checkbox', { name: `Select “${TICKETS[0]!.body.slice(0, 60)}”` }).check();
    await page.getByRole('checkbox', { name: `Select “${TICKETS[1]!.body.slice(0, 60)}”` }).check();
    await page.getByRole('button', { name: 'Link to problem or backlog…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to a problem or backlog item' });
    await dialog.getByText('2 highlights selected').waitFor();
    // Typed with a typo, found by the catalog's index; Enter links to the first match.
    await page.keyboard.type('exprots fail');
    await dialog.getByRole('option', { name: new RegExp(PROBLEM) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Linked 2 highlights to “${PROBLEM}”`).waitFor();
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence.getByText(TICKETS[0]!.body).waitFor();
    await evidence.getByText(TICKETS[1]!.body).waitFor();
    // Each quote opens the reader at that very highlight.
    expect(await evidence.getByRole('link', { name: TICKETS[0]!.title }).getAttribute('href')).toMatch(/\/sources\/[^/]+#h-[0-9a-f-]+$/);
    const customers = page.getByRole('region', { name: 'Customers behind it' });
    await customers.getByText('2 customers at 2 companies').waitFor();
    await customers.getByRole('link', { name: TICKETS[0]!.customer }).waitFor();

    // Unlinking says what it did and can be undone.
    await evidence.getByRole('button', { name: `Unlink “${TICKETS[1]!.body.slice(0, 60)}”` }).click();
    await expect.poll(() => evidence.getByText(TICKETS[1]!.body).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await evidence.getByText(TICKETS[1]!.body).waitFor();

    // The tree counts the evidence and the customers behind the problem.
    await page.getByRole('link', { name: 'Problems', exact: true }).first().click();
    const row = page.locator('.insight-row', { hasText: PROBLEM });
    await row.getByText('2 highlights').waitFor();
    await row.getByText('2 customers').waitFor();
  });

  it('creates a backlog item, links the problem to it, ranks it by its evidence, and copies its evidence pack', async () => {
    const { page } = context;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await api(page, 'POST', `/workspaces/${ws}/backlog-items`, { title: 'Dark mode' });
    await page.goto(`/w/${ws}/backlog`);
    await page.getByRole('link', { name: 'Dark mode' }).waitFor();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New backlog item' });
    await dialog.getByLabel('Title').fill(ITEM);
    await dialog.getByLabel('Issue key').fill('PROJ-12');
    await dialog.getByLabel('Issue address').fill('https://tracker.example.com/PROJ-12');
    await dialog.getByRole('button', { name: 'Add backlog item' }).click();
    await page.getByRole('heading', { level: 1, name: ITEM }).waitFor();

    await page.getByRole('button', { name: 'Link a problem…' }).click();
    const link = page.getByRole('dialog', { name: `Link a problem to “${ITEM}”` });
    await link.getByRole('combobox', { name: 'Problem' }).fill('exports fail');
    await link.getByRole('option', { name: new RegExp(PROBLEM) }).click();
    await page.getByText(`Linked “${PROBLEM}”`).waitFor();
    await page.getByRole('region', { name: 'Problems behind it' }).getByRole('link', { name: PROBLEM }).waitFor();
    // The score in words: both customers of the problem's evidence, at two companies.
    await page.getByRole('region', { name: 'Why it ranks here' }).getByText(/^2 customers at 2 companies, 290K yearly revenue, 2 highlights/).waitFor();

    // On the backlog, ranked by evidence, the item comes before the one without any; its score bar says what it is made of.
    await page.getByRole('link', { name: 'Backlog', exact: true }).first().click();
    const table = page.getByRole('table', { name: 'Backlog items, most evidence first' });
    await expect.poll(() => table.locator('tbody tr td:nth-child(2) a').allTextContents()).toEqual([ITEM, 'Dark mode']);
    const score = table.getByRole('img', { name: /^Score / }).first();
    expect(await score.getAttribute('aria-label')).toMatch(/^Score \d+\.\d: 2 customers, 2 companies, 290K yearly revenue, 2 highlights in the last 90 days$/);
    expect(await table.getByRole('link', { name: /PROJ-12/ }).getAttribute('href')).toBe('https://tracker.example.com/PROJ-12');
    // Newest first puts the new item first as well; Dark mode is older.
    await page.getByLabel('Newest').check();
    await page.getByRole('table', { name: 'Backlog items, newest first' }).waitFor();

    await page.getByRole('link', { name: ITEM }).click();
    await page.getByRole('button', { name: 'Copy evidence pack' }).click();
    await page.getByText('Copied the evidence pack').waitFor();
    const pack = await page.evaluate(() => navigator.clipboard.readText());
    expect(pack).toContain(ITEM);
    expect(pack).toContain(TICKETS[0]!.body);
    expect(await page.getByRole('link', { name: 'Download .md' }).getAttribute('href')).toMatch(/\/backlog-items\/[^/]+\/evidence\.md$/);
  });

  it('opens a problem from the command palette, and moves it to the trash with an undo', async () => {
    const { page } = context;
    await page.keyboard.press('Control+K');
    await page.keyboard.type('background exports');
    await page.getByRole('option', { name: new RegExp(OPPORTUNITY) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: OPPORTUNITY }).waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: PROBLEM }).waitFor();

    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText(`Moved the opportunity “${OPPORTUNITY}” to the trash`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Problems' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 1, name: OPPORTUNITY }).waitFor();
  });

  it('fits the Problems, problem, Backlog and backlog item pages in a 390 px wide window', async () => {
    const { page } = context;
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`/w/${ws}/problems`);
    await page.getByRole('link', { name: PROBLEM }).waitFor();
    expect(await overflow()).toBe(0);
    await page.getByRole('link', { name: PROBLEM }).click();
    await page.getByRole('region', { name: 'Evidence' }).getByText(TICKETS[0]!.body).waitFor();
    expect(await overflow()).toBe(0);
    await page.goto(`/w/${ws}/backlog`);
    await page.getByRole('link', { name: ITEM }).waitFor();
    expect(await overflow()).toBe(0);
    await page.getByRole('link', { name: ITEM }).click();
    await page.getByRole('region', { name: 'Why it ranks here' }).waitFor();
    expect(await overflow()).toBe(0);
  });
});
