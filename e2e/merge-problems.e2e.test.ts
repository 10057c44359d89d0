import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const KEPT = 'Exports fail on big workspaces';
const KEPT_STATEMENT = 'Admins of large workspaces cannot get a year of data out.';
const DUPLICATE = 'Yearly export times out';
const OPPORTUNITY = 'Exports that finish in the background';
const ITEM = 'Background exports with an email when ready';
const TICKETS = [
  { title: 'Export keeps failing', body: 'The CSV export fails every time I pick more than a year of data.' },
  { title: 'Export times out', body: 'Our yearly export times out after ten minutes, so we copy rows by hand.' },
  { title: 'Export is slow', body: 'Exporting a year takes forever and then stops.' },
];

const BANKING77 = new URL('../../shared/datasets/banking77/train.csv', import.meta.url);
const INTENTS = ['card_arrival', 'exchange_rate', 'terminate_account'];
const PER_INTENT = 15;

describe.skipIf(!browserAvailable)('merging problems, and adding a cluster to one', () => {
  const context = useServerAndBrowser();
  let ws = '';

  it('merges a duplicate problem into another from its page: what moves is said first, then the survivor opens with it all', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const highlightIds: string[] = [];
    for (const ticket of TICKETS) {
      const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', ...ticket });
      highlightIds.push((await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true })).id);
    }
    const kept = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: KEPT, statement: KEPT_STATEMENT });
    const duplicate = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: DUPLICATE, statement: 'Said another way.' });
    await api(page, 'POST', `/workspaces/${ws}/insights`, { type: 'opportunity', title: OPPORTUNITY, parentId: duplicate.id });
    await api(page, 'POST', `/workspaces/${ws}/insights/${kept.id}/evidence`, { highlightIds: [highlightIds[0]] });
    await api(page, 'POST', `/workspaces/${ws}/insights/${duplicate.id}/evidence`, { highlightIds: [highlightIds[0], highlightIds[1], highlightIds[2]] });
    const item = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/backlog-items`, { title: ITEM });
    await api(page, 'POST', `/workspaces/${ws}/backlog-items/${item.id}/evidence`, { insightIds: [duplicate.id] });

    await page.goto(`/w/${ws}/problems/${duplicate.id}`);
    await page.getByRole('heading', { level: 1, name: DUPLICATE }).waitFor();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const picker = page.getByRole('dialog', { name: `Merge “${DUPLICATE}” into…` });
    const combobox = picker.getByRole('combobox', { name: 'Problem to merge into' });
    // The cursor starts in the picker, which offers problems only, and not this one.
    await expect.poll(() => combobox.evaluate((input) => input === document.activeElement)).toBe(true);
    const options = picker.getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual([expect.stringContaining(KEPT)]);
    await page.keyboard.type('big workspaces');
    await picker.getByRole('option', { name: new RegExp(KEPT) }).waitFor();
    await page.keyboard.press('Enter');

    // The same dialog asks before merging, starting on Back: Enter alone does not merge.
    const confirm = page.getByRole('dialog', { name: `Merge into “${KEPT}”?` });
    // The highlight both have is said before it counts once.
    await confirm.getByText(`3 highlights (1 of them already there), 1 backlog link and 1 opportunity move from “${DUPLICATE}” to “${KEPT}”.`).waitFor();
    await confirm.getByText(`“${DUPLICATE}” goes to the trash, empty: restoring it from there takes back what it gave.`).waitFor();
    await expect.poll(() => confirm.getByRole('button', { name: 'Back' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await confirm.getByRole('button', { name: 'Merge' }).click();

    await page.getByText(`Merged “${DUPLICATE}” into “${KEPT}”`).waitFor();
    await page.waitForURL(`**/problems/${kept.id}`);
    await page.getByRole('heading', { level: 1, name: KEPT }).waitFor();
    await page.getByText(KEPT_STATEMENT).waitFor();
    // The highlight both had counts once.
    await page.locator('.insight-facts').getByText('3 highlights').waitFor();
    await page.getByRole('region', { name: 'Opportunities' }).getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.getByRole('region', { name: 'Backlog items' }).getByRole('link', { name: ITEM }).waitFor();

    // The duplicate is in the trash, saying what a restore takes back: the highlight both had too.
    await page.goto(`/w/${ws}/problems?view=trash`);
    const trash = page.getByRole('list', { name: 'Problems, opportunities and solutions in the trash' });
    await trash.getByText(`Restoring puts back the 3 highlights, 1 backlog link and 1 opportunity it gave to “${KEPT}”`).waitFor();
  });

  it('undoes the merge by restoring the duplicate from the trash: its evidence, backlog link and opportunity come back, and the kept problem keeps its own', async () => {
    const { page } = context;
    await page.getByRole('button', { name: `Restore “${DUPLICATE}”` }).click();
    await page.getByText(`Restored the problem “${DUPLICATE}” with what it gave “${KEPT}”`).waitFor();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: DUPLICATE }).waitFor();
    await page.locator('.insight-facts').getByText('3 highlights').waitFor();
    await page.getByRole('region', { name: 'Evidence' }).getByText(TICKETS[1]!.body).waitFor();
    await page.getByRole('region', { name: 'Opportunities' }).getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.getByRole('region', { name: 'Backlog items' }).getByRole('link', { name: ITEM }).waitFor();

    const problems = await api<{ items: Array<{ title: string; evidenceCount: number }> }>(page, 'GET', `/workspaces/${ws}/insights?type=problem`);
    expect(problems.items.map((problem) => [problem.title, problem.evidenceCount]).sort()).toEqual([
      [KEPT, 1],
      [DUPLICATE, 3],
    ].sort());
  });

  it("undoes a merge from its toast: the duplicate opens again with what it gave, and the kept problem's page lets go of it", async () => {
    const { page } = context;
    const problems = await api<{ items: Array<{ id: string; title: string }> }>(page, 'GET', `/workspaces/${ws}/insights?type=problem`);
    const idOf = (title: string) => problems.items.find((problem) => problem.title === title)!.id;
    await page.goto(`/w/${ws}/problems/${idOf(DUPLICATE)}`);
    await page.getByRole('heading', { level: 1, name: DUPLICATE }).waitFor();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await page.getByRole('combobox', { name: 'Problem to merge into' }).fill('big workspaces');
    await page.getByRole('option', { name: new RegExp(KEPT) }).click();
    await page.getByRole('dialog', { name: `Merge into “${KEPT}”?` }).getByRole('button', { name: 'Merge' }).click();
    await page.waitForURL(`**/problems/${idOf(KEPT)}`);
    const facts = page.locator('.insight-facts');
    await facts.getByText('3 highlights').waitFor();

    const toast = page.getByRole('status').locator('.toast', { hasText: `Merged “${DUPLICATE}” into “${KEPT}”` });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(`**/problems/${idOf(DUPLICATE)}`);
    await page.getByRole('heading', { level: 1, name: DUPLICATE }).waitFor();
    await facts.getByText('3 highlights').waitFor();
    await page.getByRole('region', { name: 'Evidence' }).getByText(TICKETS[1]!.body).waitFor();
    await page.getByRole('region', { name: 'Opportunities' }).getByRole('link', { name: OPPORTUNITY }).waitFor();
    await page.getByRole('region', { name: 'Backlog items' }).getByRole('link', { name: ITEM }).waitFor();

    // Back on the kept problem, seen a moment ago with it all: it shows only its own again.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: KEPT }).waitFor();
    await facts.getByText('1 highlight', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Opportunities' }).getByRole('link', { name: OPPORTUNITY }).count()).toBe(0);
    await expect.poll(() => page.getByRole('region', { name: 'Backlog items' }).getByRole('link', { name: ITEM }).count()).toBe(0);
    const trash = await api<{ items: unknown[] }>(page, 'GET', `/workspaces/${ws}/insights?trash=true`);
    expect(trash.items).toEqual([]);
  });

  it('adds a cluster to an existing problem from the Promote dialog, chosen by name and confirmed by keyboard', async () => {
    const { page } = context;
    const records = parse(fs.readFileSync(BANKING77), { columns: true }) as Array<{ text: string; category: string }>;
    const tickets = INTENTS.flatMap((intent) => records.filter((record) => record.category === intent).slice(0, PER_INTENT));
    await Promise.all(tickets.map((ticket, index) => api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: `Banking ${index + 1}`, body: ticket.text })));
    const run = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/cluster-runs`, { scope: { target: 'sources' }, k: 3, seed: 7 });

    await page.goto(`/w/${ws}/clusters/${run.id}`);
    const list = page.getByRole('list', { name: 'Clusters, largest first' });
    const first = list.locator(':scope > li').first();
    await first.waitFor();
    await first.getByRole('button', { name: 'Promote to problem' }).click();
    const dialog = page.getByRole('dialog', { name: /^Promote “/ });
    // Whatever the engine named it.
    const label = /^Promote “(.*)”$/.exec((await dialog.getByRole('heading').textContent())!)![1]!;
    await dialog.getByRole('radio', { name: 'Add to existing…' }).check();
    // Adding without a choice says what is missing, at the picker.
    await dialog.getByRole('button', { name: 'Add as evidence' }).click();
    await dialog.getByText('Choose the problem to add the cluster to').waitFor();
    await dialog.getByRole('combobox', { name: 'Problem to add to' }).fill('big workspaces');
    await dialog.getByRole('option', { name: new RegExp(KEPT) }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByText(`Adding to ${KEPT}`).waitFor();
    // Chosen with Enter, the next Enter adds.
    const add = dialog.getByRole('button', { name: 'Add as evidence' });
    await expect.poll(() => add.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByText(`Added “${label}” to the problem “${KEPT}”`).waitFor();
    await first.getByRole('link', { name: KEPT }).waitFor();
    // Added, not made: no new problem, and the kept one has the cluster's members too.
    const problems = await api<{ items: Array<{ title: string; evidenceCount: number }> }>(page, 'GET', `/workspaces/${ws}/insights?type=problem`);
    expect(problems.items.map((problem) => problem.title).sort()).toEqual([KEPT, DUPLICATE].sort());
    expect(problems.items.find((problem) => problem.title === KEPT)!.evidenceCount).toBeGreaterThan(TICKETS.length);
  });
});
