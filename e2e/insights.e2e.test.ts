import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { api, browserAvailable, completeSetup, signInAsNewMember, useServerAndBrowser } from './harness.js';

const PROBLEM = 'Exports fail on big workspaces';
const STATEMENT = 'Admins of large workspaces cannot get a year of data out, so they copy rows by hand.';
const OPPORTUNITY = 'Exports that finish in the background';
const ITEM = 'Background exports with an email when ready';
const LOGIN_PROBLEM = 'Work accounts cannot sign in';
const YEARLY_PROBLEM = 'A year of data is hard to get out';
const CONTRIBUTOR = { name: 'Cory Contributor', email: 'cory@example.com', password: 'initial contributor password' };
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
    // The empty list teaches where evidence is linked from, the triage queue first, each place a link away.
    const empty = page.getByRole('region', { name: 'No problems yet' });
    await empty.getByText(/^In the Triage queue, press l to link a whole ticket or survey answer\..*To start a problem as you link, type its name in the dialog\.$/).waitFor();
    expect(await empty.getByRole('link').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([
      ['Triage queue', `/w/${ws}/triage`],
      ['Inbox', `/w/${ws}/inbox`],
      ['Search', `/w/${ws}/search`],
      ['Highlights', `/w/${ws}/highlights`],
    ]);
    // n opens "New problem", the cursor in its title.
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New problem' });
    await expect.poll(() => dialog.getByLabel('Title').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type(PROBLEM);
    await dialog.getByLabel('Statement').fill(STATEMENT);
    await dialog.getByRole('button', { name: 'Add problem' }).click();
    // The new problem opens, ready for its evidence; the toast names it.
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    await page.getByText(`Added the problem “${PROBLEM}”`).waitFor();
    // Opened by a shortcut, from nowhere: once saved, focus is on the new page's heading, not lost on <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('region', { name: 'Evidence' }).getByText(/^No evidence yet\. Choose Add evidence \(or press l\) to pick quotes/).waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Problems' }).click();

    // "+ Opportunity" on the problem's row: the dialog starts with the problem as parent.
    const tree = page.getByRole('tree', { name: 'Problems, opportunities and solutions' });
    const addOpportunity = tree.getByRole('button', { name: `Add opportunity under “${PROBLEM}”` });
    await addOpportunity.click();
    const child = page.getByRole('dialog', { name: 'New opportunity' });
    expect(await child.getByLabel('Under which problem').locator('option:checked').textContent()).toBe(PROBLEM);
    await child.getByLabel('Title').fill(OPPORTUNITY);
    await page.keyboard.press('Enter');
    const branch = tree.getByRole('group', { name: `Under “${PROBLEM}”` });
    // Added under a row, it stays in the tree, for the next one; its toast offers to open it.
    await branch.getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.locator('.toast', { hasText: `Added the opportunity “${OPPORTUNITY}”` }).getByRole('button', { name: 'Open' }).waitFor();
    // Saved, the dialog gives focus back to the button that opened it.
    await expect.poll(() => addOpportunity.evaluate((button) => button === document.activeElement)).toBe(true);

    // The tree by keyboard, a WAI-ARIA tree view: one Tab stop, the first row, then that row's button.
    const problemRow = tree.getByRole('treeitem', { name: PROBLEM });
    const opportunityRow = tree.getByRole('treeitem', { name: OPPORTUNITY });
    const focused = (row: typeof problemRow) => row.evaluate((element) => element === document.activeElement);
    await page.getByRole('button', { name: 'Collapse all' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(problemRow)).toBe(true);
    expect(await problemRow.evaluate((row) => [row.getAttribute('aria-level'), row.getAttribute('aria-posinset'), row.getAttribute('aria-setsize')])).toEqual(['1', '1', '1']);
    // Named by its title, described by what the row shows beside it.
    const described = await problemRow.evaluate((row) => row.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent?.trim()));
    expect(described).toEqual([expect.stringMatching(/Problem$/), 'Draft', '0 highlights', '0 customers', STATEMENT]);
    await page.keyboard.press('Tab');
    await expect.poll(() => addOpportunity.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => tree.evaluate((element) => element.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(problemRow)).toBe(true);
    // ← closes the problem's branch, → opens it again, then goes down into it; ← from a row without a branch goes up to its parent.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => branch.count()).toBe(0);
    expect(await problemRow.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await branch.waitFor();
    expect(await focused(problemRow)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(opportunityRow)).toBe(true);
    expect(await opportunityRow.getAttribute('aria-level')).toBe('2');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focused(problemRow)).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => focused(opportunityRow)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => focused(problemRow)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(opportunityRow)).toBe(true);
    // The Tab stop moved with focus.
    expect(await tree.getByRole('treeitem').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).tabIndex))).toEqual([-1, 0]);
    // Enter opens the row's page; Back, focus is on that row again.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: OPPORTUNITY }).waitFor();
    await page.getByRole('region', { name: 'Evidence' }).getByText(/^No evidence yet\. Choose Add evidence \(or press l\) to pick quotes from the workspace's highlights\. In the Triage queue, press l/).waitFor();
    await page.goBack();
    await expect.poll(() => focused(opportunityRow)).toBe(true);

    // Filtering by type keeps the problem above its opportunity, as context, and opens its branch if collapsed.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect.poll(() => branch.count()).toBe(0);
    await page.getByLabel('Type').selectOption({ label: 'Opportunities' });
    await page.getByText('1 of 2 match').waitFor();
    await tree.locator('.insight-context', { hasText: PROBLEM }).waitFor();
    await branch.getByRole('link', { name: OPPORTUNITY }).waitFor();
  });

  it('links two highlights to the problem from the Highlights page, and shows them with their customers on its page', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/highlights`);
    // A highlight opens in the reader; Back, focus is on its link again.
    const sourceLink = page.locator('.highlight-card', { hasText: TICKETS[0]!.body }).getByRole('link', { name: TICKETS[0]!.title });
    await sourceLink.click();
    await page.getByRole('heading', { level: 1, name: TICKETS[0]!.title }).waitFor();
    await page.goBack();
    await expect.poll(() => sourceLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.getByRole('checkbox', { name: `Select “${TICKETS[0]!.body.slice(0, 60)}”` }).check();
    await page.getByRole('checkbox', { name: `Select “${TICKETS[1]!.body.slice(0, 60)}”` }).check();
    const linkButton = page.getByRole('button', { name: 'Link to problem or backlog…' });
    await linkButton.click();
    const dialog = page.getByRole('dialog', { name: 'Link to a problem or backlog item' });
    await dialog.getByText(/^The 2 passages you selected become evidence/).waitFor();
    // Escape gives focus back to the button that opened the dialog.
    await page.keyboard.press('Escape');
    await expect.poll(() => linkButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await linkButton.click();
    await dialog.getByText(/^The 2 passages you selected become evidence/).waitFor();
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
    // Each quote opens the reader at that very highlight; Back, focus is on the quote's link again.
    const quoteLink = evidence.getByRole('link', { name: TICKETS[0]!.title });
    expect(await quoteLink.getAttribute('href')).toMatch(/\/sources\/[^/]+#h-[0-9a-f-]+$/);
    await quoteLink.click();
    await page.getByRole('heading', { level: 1, name: TICKETS[0]!.title }).waitFor();
    await page.goBack();
    await expect.poll(() => quoteLink.evaluate((link) => link === document.activeElement)).toBe(true);
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

  it('lands on a new problem and adds two highlights to it there, picked in the Add evidence dialog', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/problems`);
    await page.getByRole('tree', { name: 'Problems, opportunities and solutions' }).waitFor();
    await page.keyboard.press('n');
    const create = page.getByRole('dialog', { name: 'New problem' });
    await create.getByLabel('Title').fill(YEARLY_PROBLEM);
    await create.getByRole('button', { name: 'Add problem' }).click();
    await page.getByRole('heading', { level: 1, name: YEARLY_PROBLEM }).waitFor();

    // l opens the dialog on every highlight, newest first, the cursor in its Words box.
    await page.keyboard.press('l');
    const picker = page.getByRole('dialog', { name: `Add evidence to “${YEARLY_PROBLEM}”` });
    await picker.getByText('3 highlights, newest first').waitFor();
    await expect.poll(() => picker.getByLabel('Words').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('export');
    await picker.getByText('2 highlights match').waitFor();
    // Each quote says where it comes from: its source, the customer and their company.
    await picker.getByText(new RegExp(`^Ticket “${TICKETS[0]!.title}” · ${TICKETS[0]!.customer} · ${TICKETS[0]!.company} · `)).waitFor();
    // By keyboard: ↓ to each quote, Space picks it, Enter adds the two.
    for (let pick = 0; pick < 2; pick++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
    }
    await picker.getByRole('button', { name: 'Add 2 highlights' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Linked 2 highlights to “${YEARLY_PROBLEM}”`).waitFor();

    // Listed on the page at once, with the customers behind them.
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence.getByText(TICKETS[0]!.body).waitFor();
    await evidence.getByText(TICKETS[1]!.body).waitFor();
    await page.getByRole('region', { name: 'Customers behind it' }).getByText('2 customers at 2 companies').waitFor();

    // Open again, the two show as linked and are not offered; the third still is.
    await evidence.getByRole('button', { name: 'l Add evidence' }).click();
    await picker.getByText('3 highlights, newest first').waitFor();
    const pick = (ticket: (typeof TICKETS)[number]) => picker.getByRole('checkbox', { name: `Pick “${ticket.body.slice(0, 30)}`, exact: false });
    await expect.poll(() => pick(TICKETS[0]!).isDisabled()).toBe(true);
    expect(await pick(TICKETS[1]!).isDisabled()).toBe(true);
    expect(await pick(TICKETS[0]!).isChecked()).toBe(true);
    expect(await picker.getByText('Linked', { exact: true }).count()).toBe(2);
    expect(await pick(TICKETS[2]!).isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.count()).toBe(0);
  });

  it('creates a backlog item, links the problem to it, ranks it by its evidence, and copies its evidence pack', async () => {
    const { page } = context;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await api(page, 'POST', `/workspaces/${ws}/backlog-items`, { title: 'Dark mode', externalKey: 'PROJ-7' });
    await page.goto(`/w/${ws}/backlog`);
    await page.getByRole('link', { name: 'Dark mode' }).waitFor();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New backlog item' });
    await dialog.getByLabel('Title').fill(ITEM);
    // A key another item has is refused (409) at its field, which takes the focus: what to fix.
    const issueKey = dialog.getByLabel('Issue key');
    await issueKey.fill('PROJ-7');
    const add = dialog.getByRole('button', { name: 'Add backlog item' });
    await add.click();
    await dialog.getByRole('alert').waitFor();
    await expect.poll(() => issueKey.evaluate((input) => input === document.activeElement)).toBe(true);
    await dialog.getByLabel('Issue key').fill('PROJ-12');
    await dialog.getByLabel('Issue address').fill('https://tracker.example.com/PROJ-12');
    await add.click();
    await page.getByRole('heading', { level: 1, name: ITEM }).waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence behind it' });
    await evidence.getByText(/^No evidence yet\. Link highlights to this item, or link a problem: its evidence counts here too\. Choose Add evidence \(or press l\) to pick quotes from the workspace's highlights\. In the Triage queue, press l/).waitFor();
    expect(await evidence.getByRole('link', { name: 'Triage queue' }).getAttribute('href')).toBe(`/w/${ws}/triage`);

    await page.getByRole('button', { name: 'Link a problem…' }).click();
    const link = page.getByRole('dialog', { name: `Link a problem to “${ITEM}”` });
    await link.getByRole('combobox', { name: 'Problem' }).fill('exports fail');
    await link.getByRole('option', { name: new RegExp(PROBLEM) }).click();
    await page.getByText(`Linked “${PROBLEM}”`).waitFor();
    await page.getByRole('region', { name: 'Problems behind it' }).getByRole('link', { name: PROBLEM }).waitFor();
    // The score in words: both customers of the problem's evidence, at two companies.
    await page.getByRole('region', { name: 'Why it ranks here' }).getByText(/^2 customers at 2 companies, 290K yearly revenue, 2 highlights/).waitFor();
    // Every quote the score counts is on the page, saying how it arrives; what comes through the problem is unlinked there.
    await evidence.getByText('2 highlights', { exact: true }).waitFor();
    const quoteOf = (ticket: (typeof TICKETS)[number]) => evidence.getByRole('listitem').filter({ hasText: ticket.body });
    for (const ticket of TICKETS.slice(0, 2)) await quoteOf(ticket).getByText(`Via the problem ${PROBLEM}`, { exact: true }).waitFor();
    expect(await quoteOf(TICKETS[0]!).getByRole('link', { name: PROBLEM }).getAttribute('href')).toMatch(new RegExp(`^/w/${ws}/problems/[^/]+$`));
    expect(await evidence.getByRole('button', { name: /^Unlink/ }).count()).toBe(0);
    // Linked directly too, it still counts once, and only that link can be undone here.
    const itemId = page.url().split('/').pop()!;
    const { items: found } = await api<{ items: Array<{ id: string; quote: string }> }>(page, 'GET', `/workspaces/${ws}/highlights?q=minutes`);
    const timesOut = found.find((highlight) => highlight.quote === TICKETS[1]!.body)!;
    await api(page, 'POST', `/workspaces/${ws}/backlog-items/${itemId}/evidence`, { highlightIds: [timesOut.id] });
    await page.reload();
    await quoteOf(TICKETS[1]!).getByText(`Linked directly · Via the problem ${PROBLEM}`, { exact: true }).waitFor();
    await evidence.getByText('2 highlights', { exact: true }).waitFor();
    await quoteOf(TICKETS[1]!).getByRole('button', { name: `Unlink “${TICKETS[1]!.body.slice(0, 60)}”` }).click();
    await quoteOf(TICKETS[1]!).getByText(`Via the problem ${PROBLEM}`, { exact: true }).waitFor();
    expect(await evidence.getByRole('button', { name: /^Unlink/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await quoteOf(TICKETS[1]!).getByText(`Linked directly · Via the problem ${PROBLEM}`, { exact: true }).waitFor();

    // On the backlog, ranked by evidence, the item comes before the one without any; its score bar says what it is made of.
    await page.getByRole('link', { name: 'Backlog', exact: true }).first().click();
    const table = page.getByRole('table', { name: 'Backlog items, most evidence first' });
    await expect.poll(() => table.locator('tbody tr td:nth-child(2) a').allTextContents()).toEqual([ITEM, 'Dark mode']);
    const score = table.getByRole('img', { name: /^Score / }).first();
    // The list cached before the link shows first, while it is fetched again.
    await expect.poll(() => score.getAttribute('aria-label')).toMatch(/^Score \d+\.\d: 2 customers; 2 companies; 290K yearly revenue; 2 highlights in the last 90 days$/);
    expect(await table.getByRole('link', { name: /PROJ-12/ }).getAttribute('href')).toBe('https://tracker.example.com/PROJ-12');
    // Newest first puts the new item first as well; Dark mode is older. The sort lives in the
    // address, so the radio shows checked once the router has rendered it, not on the click.
    await page.getByLabel('Newest').click();
    await page.getByRole('table', { name: 'Backlog items, newest first' }).waitFor();

    await page.getByRole('link', { name: ITEM }).click();
    await page.getByRole('button', { name: 'Copy evidence pack' }).click();
    await page.getByText('Copied the evidence pack').waitFor();
    const pack = await page.evaluate(() => navigator.clipboard.readText());
    expect(pack).toContain(ITEM);
    expect(pack).toContain(TICKETS[0]!.body);
    // The pack leaves Cairn: customers known by email alone show without it.
    expect(pack).toContain('**A customer**');
    expect(pack).not.toContain(TICKETS[0]!.customer);
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

    // Saving a new status keeps the focus on its select, for the next change.
    const status = page.getByLabel('Status', { exact: true });
    await status.focus();
    await status.selectOption('validated');
    await page.getByText(`Marked “${OPPORTUNITY}” validated`).waitFor();
    expect(await status.evaluate((select) => select === document.activeElement)).toBe(true);

    // Leaving its page, the app never asks for the trashed opportunity again (that would answer 404).
    const opportunityUrl = page.url();
    const asked: string[] = [];
    const noteGet = (request: Request) => request.method() === 'GET' && asked.push(request.url());
    page.on('request', noteGet);
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText(`Moved the opportunity “${OPPORTUNITY}” to Trash, on the Problems page`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Problems' }).waitFor();
    page.off('request', noteGet);
    expect(asked.filter((url) => url.endsWith(`/insights/${opportunityUrl.split('/').pop()}`))).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 1, name: OPPORTUNITY }).waitFor();

    // A problem with an opportunity under it asks first: the opportunity would stand alone in the tree.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: PROBLEM }).click();
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    const confirm = page.getByRole('dialog', { name: 'Move the problem to the trash?' });
    await confirm.getByText('Its 1 opportunity will show at the top of the tree until it is restored.').waitFor();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText(`Moved the problem “${PROBLEM}” to Trash, on the Problems page`).waitFor();
    const tree = page.getByRole('tree', { name: 'Problems, opportunities and solutions' });
    await tree.getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
  });

  it('finds a trashed problem in the Trash once its toast is gone, and restores it with its evidence and its opportunity', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/problems`);
    await page.getByRole('tree', { name: 'Problems, opportunities and solutions' }).getByRole('link', { name: PROBLEM, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog', { name: 'Move the problem to the trash?' }).getByRole('button', { name: 'Move to trash' }).click();
    const toast = page.locator('.toast', { hasText: `Moved the problem “${PROBLEM}” to Trash, on the Problems page` });
    await toast.waitFor();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => toast.count()).toBe(0);

    // The Trash tab by keyboard: a link, with its own address.
    const views = page.getByRole('navigation', { name: 'Problems views' });
    await views.getByRole('link', { name: 'Trash' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).search).toBe('?view=trash');
    // Polled: the address changes before the tabs render it.
    await expect.poll(() => views.getByRole('link', { name: 'Trash' }).getAttribute('aria-current')).toBe('page');
    const trash = page.getByRole('list', { name: 'Problems, opportunities and solutions in the trash' });
    const row = trash.getByRole('listitem').filter({ hasText: PROBLEM });
    // Its evidence counted as it comes back, and when it went.
    await row.getByText('2 highlights · 2 customers').waitFor();
    await row.getByText(/^Trashed /).waitFor();
    await row.getByRole('button', { name: `Restore “${PROBLEM}”` }).click();
    await page.getByText(`Restored the problem “${PROBLEM}”`).waitFor();
    await page.getByRole('heading', { name: 'Nothing in the trash' }).waitFor();
    await page.getByText('Trashed problems keep their evidence and links, and come back with them.').waitFor();

    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    await page.getByRole('region', { name: 'Evidence' }).getByText(TICKETS[0]!.body).waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Problems' }).click();
    const tree = page.getByRole('tree', { name: 'Problems, opportunities and solutions' });
    await tree.getByRole('group', { name: `Under “${PROBLEM}”` }).getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.locator('.insight-row', { hasText: PROBLEM }).first().getByText('2 highlights').waitFor();
  });

  it('fits the Problems, problem, Backlog, backlog item and trash pages in a 390 px wide window', async () => {
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
    const { items } = await api<{ items: Array<{ id: string }> }>(page, 'GET', `/workspaces/${ws}/backlog-items?q=PROJ-7`);
    await api(page, 'DELETE', `/workspaces/${ws}/backlog-items/${items[0]!.id}`);
    await page.goto(`/w/${ws}/backlog?view=trash`);
    await page.getByRole('button', { name: 'Restore “Dark mode”' }).waitFor();
    expect(await overflow()).toBe(0);
  });

  it('offers a contributor Unlink on the links between problems and backlog items they made, not on those of others', async () => {
    const { page } = context;
    // Back from the phone-sized window of the step before.
    await page.setViewportSize({ width: 1280, height: 720 });
    await api(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: LOGIN_PROBLEM });
    await api(page, 'POST', `/workspaces/${ws}/members`, { ...CONTRIBUTOR, role: 'contributor' });
    const { items } = await api<{ items: Array<{ id: string }> }>(page, 'GET', `/workspaces/${ws}/backlog-items?q=PROJ-12`);
    await signInAsNewMember(page, CONTRIBUTOR);

    // The owner linked the first problem; the contributor links the second.
    await page.goto(`/w/${ws}/backlog/${items[0]!.id}`);
    await page.getByRole('button', { name: 'Link a problem…' }).click();
    const link = page.getByRole('dialog', { name: `Link a problem to “${ITEM}”` });
    await link.getByRole('combobox', { name: 'Problem' }).fill('work account');
    await link.getByRole('option', { name: new RegExp(LOGIN_PROBLEM) }).click();
    await page.getByText(`Linked “${LOGIN_PROBLEM}”`).waitFor();
    const problems = page.getByRole('region', { name: 'Problems behind it' });
    await problems.getByRole('button', { name: `Unlink “${LOGIN_PROBLEM}”` }).waitFor();
    await problems.getByRole('link', { name: PROBLEM }).waitFor();
    expect(await problems.getByRole('button', { name: `Unlink “${PROBLEM}”` }).count()).toBe(0);

    // The other way round, on each problem's page.
    await problems.getByRole('link', { name: PROBLEM }).click();
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    const backlog = page.getByRole('region', { name: 'Backlog items', exact: true });
    await backlog.getByRole('link', { name: ITEM }).waitFor();
    // Contributors add evidence.
    await page.getByRole('button', { name: 'l Add evidence' }).waitFor();
    expect(await backlog.getByRole('button', { name: `Unlink from “${ITEM}”` }).count()).toBe(0);
    await page.goBack();
    await problems.getByRole('link', { name: LOGIN_PROBLEM }).click();
    await page.getByRole('heading', { level: 1, name: LOGIN_PROBLEM }).waitFor();
    // Their own link they can take off: no 403.
    await backlog.getByRole('button', { name: `Unlink from “${ITEM}”` }).click();
    await page.getByText(`Unlinked from “${ITEM}”`).waitFor();
    await expect.poll(() => backlog.getByRole('link', { name: ITEM }).count()).toBe(0);
  });

  it('finds problems by words and ranks them newest first, then adds a quote to a backlog item from its own page with l', async () => {
    const { page } = context;
    // Still the contributor of the step before.
    await page.goto(`/w/${ws}/problems`);
    const tree = page.getByRole('tree', { name: 'Problems, opportunities and solutions' });
    const problems = () => tree.locator('[role="treeitem"][aria-level="1"] > .insight-row .insight-row-title').allTextContents();
    // Most evidence first; the two with as much, the newest first.
    await expect.poll(problems).toEqual([YEARLY_PROBLEM, PROBLEM, LOGIN_PROBLEM]);
    // Words find a problem by the start of the words of its title or statement, and live in the address.
    const words = page.getByRole('search', { name: 'Filter problems' }).getByLabel('Words');
    await words.fill('work acc');
    await page.getByText('1 of 4 match').waitFor();
    await expect.poll(problems).toEqual([LOGIN_PROBLEM]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('work acc');
    await words.fill('');
    await page.getByText('3 problems and 1 opportunity').waitFor();
    // Newest first, the order in the address too.
    await page.getByLabel('Newest').click();
    await expect.poll(problems).toEqual([LOGIN_PROBLEM, YEARLY_PROBLEM, PROBLEM]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');

    // On the backlog item's page, l opens the same picker as on a problem's: what the item counts already, through its problem or linked here, shows as linked.
    const { items } = await api<{ items: Array<{ id: string }> }>(page, 'GET', `/workspaces/${ws}/backlog-items?q=PROJ-12`);
    await page.goto(`/w/${ws}/backlog/${items[0]!.id}`);
    const evidence = page.getByRole('region', { name: 'Evidence behind it' });
    await evidence.getByText('2 highlights', { exact: true }).waitFor();
    await page.keyboard.press('l');
    const picker = page.getByRole('dialog', { name: `Add evidence to “${ITEM}”` });
    await picker.getByText('3 highlights, newest first').waitFor();
    const pick = (ticket: (typeof TICKETS)[number]) => picker.getByRole('checkbox', { name: `Pick “${ticket.body.slice(0, 30)}`, exact: false });
    await expect.poll(() => pick(TICKETS[0]!).isDisabled()).toBe(true);
    expect(await pick(TICKETS[1]!).isDisabled()).toBe(true);
    await pick(TICKETS[2]!).check();
    await picker.getByRole('button', { name: 'Add 1 highlight' }).click();
    await page.getByText(`Linked 1 highlight to “${ITEM}”`).waitFor();
    // Counted at once, linked directly, with its customer among those behind the item.
    await evidence.getByText('3 highlights', { exact: true }).waitFor();
    await evidence.getByRole('listitem').filter({ hasText: TICKETS[2]!.body }).getByText('Linked directly', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Customers behind it' }).getByText('3 customers at 2 companies').waitFor();
  });

  it('marks the problems on the backlog, and finds those not on it yet with a filter held in the address', async () => {
    const { page } = context;
    // Still the contributor; the backlog item has the first problem, the login problem was unlinked.
    await page.goto(`/w/${ws}/problems`);
    const tree = page.getByRole('tree', { name: 'Problems, opportunities and solutions' });
    const row = (title: string) => tree.getByRole('treeitem', { name: title, exact: true });
    await row(PROBLEM).locator(':scope > .insight-row').getByText('On the backlog', { exact: true }).waitFor();
    // In words, which the row is described by, not in a colour; the other rows say nothing.
    const described = await row(PROBLEM).evaluate((item) => item.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent?.trim()));
    expect(described).toContain('On the backlog');
    expect(await tree.getByText('On the backlog', { exact: true }).count()).toBe(1);
    // The opportunity under it is on the backlog through its problem, as its page says.
    await row(OPPORTUNITY).locator(':scope > .insight-row').getByText('On the backlog through its family', { exact: true }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter problems' });
    await filters.getByText('3 problems and 1 opportunity').waitFor();

    // Not on the backlog: the other two problems; the first and the opportunity under it are on it.
    await filters.getByLabel('Not on the backlog').check();
    await filters.getByText('2 of 4 match').waitFor();
    expect(new URL(page.url()).searchParams.get('backlog')).toBe('none');
    const matching = () => tree.locator('[role="treeitem"][aria-level="1"] > .insight-row:not(.insight-context) .insight-row-title').allTextContents();
    await expect.poll(matching).toEqual([YEARLY_PROBLEM, LOGIN_PROBLEM]);
    expect(await row(OPPORTUNITY).count()).toBe(0);
    // The address keeps it: a reload, or a link passed on, shows the same list.
    await page.reload();
    await filters.getByText('2 of 4 match').waitFor();
    expect(await filters.getByLabel('Not on the backlog').isChecked()).toBe(true);
    await filters.getByLabel('Not on the backlog').uncheck();
    await filters.getByText('3 problems and 1 opportunity').waitFor();
    expect(new URL(page.url()).searchParams.has('backlog')).toBe(false);
  });
});
