import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, signInAsNewMember, useServerAndBrowser } from './harness.js';

const BANKING77 = new URL('../../shared/datasets/banking77/train.csv', import.meta.url);
/** Three banking77 intents whose customers use different words: clustering them in three should find them again. */
const INTENTS = ['card_arrival', 'exchange_rate', 'terminate_account'];
const PER_INTENT = 60;
const RENAMED = 'Closing the account';
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'initial viewer password' };
const SCOPE_WORDS = 'Whole sources · untriaged only';
const RUN_URL = /\/api\/workspaces\/[^/]+\/cluster-runs\/[0-9a-f-]+$/;

/** Card holders who wrote the tickets, in turn, at companies of three segments. */
const HOLDERS = 9;
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
const holderOf = (index: number) => {
  const holder = index % HOLDERS;
  return { email: `holder${holder}@bank.example`, company: { name: `Company ${holder % 4}`, segment: SEGMENTS[holder % 4 % SEGMENTS.length] } };
};

/** The first PER_INTENT questions of each intent, as untagged tickets. */
function bankingTickets() {
  const records = parse(fs.readFileSync(BANKING77), { columns: true }) as Array<{ text: string; category: string }>;
  return INTENTS.flatMap((intent) => records.filter((record) => record.category === intent).slice(0, PER_INTENT));
}

describe.skipIf(!browserAvailable)('clustering short tickets into themes', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let runUrl = '';
  let sizes: string[] = [];
  /** How many tickets promoting made evidence of a problem. */
  let promoted = 0;

  it('teaches what clustering is for, starts a run from the form, and shows its progress then its clusters', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const tickets = bankingTickets();
    const post = (ticket: { text: string }, index: number) =>
      api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: `Ticket ${index + 1}`, body: ticket.text, customer: holderOf(index) });
    // Each holder and company made once, before the tickets that share them are posted side by side.
    for (let i = 0; i < HOLDERS; i += 1) await post(tickets[i]!, i);
    for (let i = HOLDERS; i < tickets.length; i += 20) {
      await Promise.all(tickets.slice(i, i + 20).map((ticket, j) => post(ticket, i + j)));
    }

    await page.goto(`/w/${ws}/clusters`);
    await page.getByRole('heading', { name: 'No cluster runs yet' }).waitFor();
    await page.getByText('to triage short feedback nobody has read yet').waitFor();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New cluster run' });
    await dialog.getByRole('radio', { name: /Whole sources/ }).check();
    // A sources run groups whole short texts: no interviews, and by default only what nobody triaged.
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Interviews' }).count()).toBe(0);
    expect(await dialog.getByRole('checkbox', { name: /Only sources nobody has triaged yet/ }).isChecked()).toBe(true);
    // The dialog counts the scope as it changes, in a polite live region, and says before starting what a run would refuse.
    const count = dialog.locator('.scope-count');
    await count.getByText(`${tickets.length} texts in scope`).waitFor();
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await dialog.getByRole('checkbox', { name: 'Tickets' }).uncheck();
    await count.getByText('No texts in scope').waitFor();
    await count.getByText(/^Nothing to cluster/).waitFor();
    await dialog.getByRole('checkbox', { name: 'Tickets' }).check();
    await count.getByText(`${tickets.length} texts in scope`).waitFor();
    await dialog.getByLabel('Number of clusters', { exact: true }).fill('100');
    await count.getByText('100 clusters need at least 200 texts: ask for fewer, or widen the scope.').waitFor();
    // Too few clusters is refused at the field, before anything is sent.
    await dialog.getByLabel('Number of clusters', { exact: true }).fill('1');
    await dialog.getByRole('button', { name: 'Start clustering' }).click();
    await dialog.getByText('Ask for at least 2 clusters').waitFor();
    await dialog.getByLabel('Number of clusters', { exact: true }).fill('3');
    await expect.poll(() => count.locator('.notice').count()).toBe(0);
    await dialog.getByText('Advanced').click();
    await dialog.getByLabel('Seed').fill('7');

    // The first answers about the run say it is halfway, until the bar has been seen: a run of 180 tickets is over before a poll could catch it.
    let holding = true;
    await page.route(RUN_URL, async (route) => {
      const response = await route.fetch();
      if (!holding || route.request().method() !== 'GET') return route.fulfill({ response });
      const run = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...run, status: 'running', progress: 0.4, k: null, silhouette: null, finishedAt: null, clusters: [] } });
    });
    await dialog.getByRole('button', { name: 'Start clustering' }).click();
    await page.waitForURL(/\/clusters\/[0-9a-f-]+$/);
    runUrl = page.url();
    const progress = page.getByRole('progressbar', { name: 'Clustering progress' });
    await progress.waitFor();
    expect(await progress.evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(0.4);
    holding = false;
    // Waits for a poll still inside the handler: a bare unroute lets it through, and its fulfill then throws.
    await page.unrouteAll({ behavior: 'wait' });

    await page.getByRole('heading', { name: 'Sizes' }).waitFor();
    await page.getByRole('heading', { level: 1, name: SCOPE_WORDS }).waitFor();
    await page.getByText('3 clusters, as asked', { exact: true }).waitFor();
    expect(await progress.count()).toBe(0);
    const clusters = page.getByRole('list', { name: 'Clusters, largest first' }).locator(':scope > li');
    expect(await clusters.count()).toBe(3);
    sizes = await page.locator('.size-count').allTextContents();
    // Every ticket lands in a cluster or among those left out.
    const counted = sizes.reduce((sum, text) => sum + Number(/^(\d+)/.exec(text)![1]), 0);
    expect(counted).toBeGreaterThan(INTENTS.length * PER_INTENT * 0.9);
  });

  it('renames a cluster in place, moves members between clusters with an undo, and promotes one to a problem', async () => {
    const { page } = context;
    const list = page.getByRole('list', { name: 'Clusters, largest first' });
    // The cluster of the account closing tickets, whatever the engine named it.
    const closing = list.locator(':scope > li', { has: page.locator('.term-chip', { hasText: /account/ }) }).first();
    const label = (await closing.locator('.cluster-toggle').textContent())!.slice(1).trim();

    // j/k walk the clusters from the top; Enter opens the focused one.
    const toggles = list.locator('.cluster-toggle');
    const position = (await toggles.allTextContents()).findIndex((text) => text.includes(label));
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => toggles.nth(0).evaluate((button) => button === document.activeElement)).toBe(true);
    for (let i = 0; i < position; i += 1) await page.keyboard.press('j');
    await expect.poll(() => toggles.nth(position).evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await closing.getByRole('button', { name: label, exact: true, expanded: true }).waitFor();

    await closing.getByRole('button', { name: `Rename “${label}”` }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(label);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(RENAMED);
    await page.keyboard.press('Enter');
    await page.getByText(`Renamed to “${RENAMED}”`).waitFor();
    await closing.getByRole('button', { name: RENAMED, exact: true, expanded: true }).waitFor();
    // Saved, focus is back on Rename, where the person was.
    await expect.poll(() => closing.getByRole('button', { name: `Rename “${RENAMED}”` }).evaluate((button) => button === document.activeElement)).toBe(true);

    const members = closing.getByRole('list', { name: `Members of “${RENAMED}”` });
    expect(await members.getByRole('link').first().getAttribute('href')).toMatch(new RegExp(`/w/${ws}/sources/[0-9a-f-]+$`));

    // A member opens in the reader, where j walks on through the cluster's members; back, the cluster is still open.
    const memberLinks = members.locator('a.cluster-member-source');
    const [firstTitle, secondTitle] = [await memberLinks.nth(0).textContent(), await memberLinks.nth(1).textContent()];
    await memberLinks.nth(0).click();
    await page.getByRole('heading', { level: 1, name: firstTitle!, exact: true }).waitFor();
    await page.keyboard.press('j');
    await page.getByRole('heading', { level: 1, name: secondTitle!, exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: firstTitle!, exact: true }).waitFor();
    await page.goBack();
    await closing.getByRole('button', { name: RENAMED, exact: true, expanded: true }).waitFor();
    await members.getByRole('checkbox').first().waitFor();
    // Focus is back on the member that was opened.
    await expect.poll(() => memberLinks.nth(0).evaluate((link) => link === document.activeElement)).toBe(true);

    const sizeBefore = await closing.locator('.cluster-size').textContent();
    promoted = Number.parseInt(sizeBefore!);
    const checks = members.getByRole('checkbox');
    await checks.nth(0).check();
    await checks.nth(1).check();
    const selection = closing.getByRole('region', { name: `Change the selected members of “${RENAMED}”` });
    await selection.getByText('2 selected').waitFor();
    const other = (await selection.getByLabel('Move to cluster').locator('option').nth(1).textContent())!.replace(/ \(\d+\)$/, '');
    await selection.getByLabel('Move to cluster').selectOption({ index: 1 });
    await selection.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText(`Moved 2 members to “${other}”`).waitFor();
    // The members chosen and their bar are gone: focus is on the cluster they left.
    await expect.poll(() => closing.locator('.cluster-toggle').evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(() => closing.locator('.cluster-size').textContent()).toBe(`${Number.parseInt(sizeBefore!) - 2} members`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => closing.locator('.cluster-size').textContent()).toBe(sizeBefore);

    // p promotes the cluster focus is in: the title starts as its label.
    await closing.getByRole('button', { name: RENAMED, exact: true }).focus();
    await page.keyboard.press('p');
    const promote = page.getByRole('dialog', { name: `Promote “${RENAMED}”` });
    expect(await promote.getByLabel('Title').inputValue()).toBe(RENAMED);
    await promote.getByRole('button', { name: 'Promote to problem' }).click();
    await page.getByText(`Promoted “${RENAMED}” to the problem “${RENAMED}”`).waitFor();
    await closing.getByRole('link', { name: RENAMED }).waitFor();
    expect(await closing.getByText(/Promoted to/).textContent()).toContain(RENAMED);
    await expect.poll(() => closing.locator('.cluster-toggle').evaluate((button) => button === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence.getByText(/account/i).first().waitFor();
  });

  it('lists the run, runs it again to the same clusters, and deletes a run', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters' }).click();
    const table = page.getByRole('table', { name: 'Cluster runs, newest first' });
    const row = table.getByRole('row').filter({ hasText: SCOPE_WORDS });
    await row.filter({ hasText: 'Done' }).waitFor();
    // The run is told apart by its largest clusters' labels, as renamed.
    await row.getByRole('list', { name: 'Largest clusters' }).getByText(RENAMED, { exact: true }).waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(runUrl);

    // Promoting made the promoted tickets evidence of a problem: triaged now, they are out of the scope when it runs again, and the new run says so.
    const total = INTENTS.length * PER_INTENT;
    const memberCounts = async () => (await page.locator('.size-count').allTextContents()).map((text) => Number.parseInt(text)).sort((a, b) => b - a);
    const finishedSizes = async () => {
      const id = new URL(page.url()).pathname.split('/').at(-1)!;
      const read = () => api<{ status: string; clusters: Array<{ size: number }> }>(page, 'GET', `/workspaces/${ws}/cluster-runs/${id}`);
      await expect.poll(async () => (await read()).status, { timeout: 30_000 }).toBe('done');
      return (await read()).clusters.map((cluster) => cluster.size).sort((a, b) => b - a);
    };
    await page.getByRole('button', { name: 'Run again with the same seed' }).click();
    await page.waitForURL((url) => url.href !== runUrl && /\/clusters\/[0-9a-f-]+$/.test(url.pathname));
    const rerunUrl = page.url();
    await page.getByText(`The scope now holds ${total - promoted} texts; it held ${total} for`).waitFor();
    const rerunSizes = await finishedSizes();
    // Polled: the chart may still be drawing the run's first answer when its heading shows.
    await expect.poll(memberCounts, { timeout: 15_000 }).toEqual(rerunSizes);

    // Same scope, same texts, k and seed: the same sizes, in a new run, with nothing to say about the scope.
    await page.getByRole('button', { name: 'Run again with the same seed' }).click();
    await page.waitForURL((url) => url.href !== rerunUrl && /\/clusters\/[0-9a-f-]+$/.test(url.pathname));
    expect(await finishedSizes()).toEqual(rerunSizes);
    await expect.poll(memberCounts, { timeout: 15_000 }).toEqual(rerunSizes);
    expect(await page.locator('.rerun-note').count()).toBe(0);

    await page.getByRole('button', { name: 'Delete run' }).click();
    await page.getByRole('dialog', { name: 'Delete the run?' }).getByRole('button', { name: 'Delete run' }).click();
    await page.getByText('Deleted the run').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Clusters' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
  });

  it('shows the largest sizes first with the rest on demand, how many customers each cluster comes from, and orders the clusters by them', async () => {
    const { page } = context;
    const started = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/cluster-runs`, { scope: { target: 'sources', kinds: ['ticket'], untriaged: true }, k: 12, seed: 7 });
    await page.goto(`/w/${ws}/clusters/${started.id}`);
    await page.getByText('12 clusters, as asked', { exact: true }).waitFor({ timeout: 30_000 });
    const run = await api<{ clusters: Array<{ label: string; size: number; customerCount: number; segmentCount: number }> }>(page, 'GET', `/workspaces/${ws}/cluster-runs/${started.id}`);

    // Ten bars, then all twelve on demand, and back.
    const chart = page.getByRole('list', { name: 'The 10 largest of 12 clusters' });
    expect(await chart.getByRole('listitem').count()).toBe(10);
    const showAll = page.getByRole('button', { name: 'Show all 12' });
    expect(await showAll.getAttribute('aria-expanded')).toBe('false');
    expect(await showAll.getAttribute('aria-controls')).toBe(await chart.getAttribute('id'));
    await showAll.click();
    const everyBar = page.getByRole('list', { name: 'Every cluster, largest first' });
    expect(await everyBar.getByRole('listitem').count()).toBe(12);
    const showFewer = page.getByRole('button', { name: 'Show the 10 largest' });
    expect(await showFewer.getAttribute('aria-expanded')).toBe('true');
    await showFewer.click();
    await chart.waitFor();

    // Each card says how many distinct customers, and of how many segments, its tickets come from.
    const cards = page.getByRole('list', { name: 'Clusters, largest first' }).locator(':scope > li');
    const breadthOf = (cluster: (typeof run.clusters)[number]) =>
      `${cluster.customerCount} customer${cluster.customerCount === 1 ? '' : 's'} · ${cluster.segmentCount} segment${cluster.segmentCount === 1 ? '' : 's'}`;
    for (const cluster of run.clusters) {
      expect(cluster.customerCount).toBeGreaterThan(0);
      await cards.filter({ has: page.getByRole('button', { name: cluster.label, exact: true }) }).locator('.cluster-breadth').getByText(breadthOf(cluster), { exact: true }).waitFor();
    }

    // Ordered by customers, the broadest come first; the order is in the address.
    await page.getByRole('radio', { name: 'Most customers' }).check();
    const byCustomers = page.getByRole('list', { name: 'Clusters, most customers first' });
    await byCustomers.waitFor();
    expect(new URL(page.url()).searchParams.get('order')).toBe('customers');
    const counts = (await byCustomers.locator('.cluster-breadth').allTextContents()).map((text) => Number.parseInt(text));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await api(page, 'DELETE', `/workspaces/${ws}/cluster-runs/${started.id}`);
  });

  it('shows a viewer the runs and clusters with nothing to change them', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/members`, { ...VIEWER, role: 'viewer' });
    await signInAsNewMember(page, VIEWER);

    await page.goto(`/w/${ws}/clusters`);
    await page.getByRole('table', { name: 'Cluster runs, newest first' }).waitFor();
    expect(await page.getByRole('button', { name: 'New cluster run' }).count()).toBe(0);
    await page.goto(runUrl);
    const closing = page.locator('.cluster', { hasText: RENAMED });
    await closing.getByRole('link', { name: RENAMED }).waitFor();
    for (const name of ['Run again with the same seed', 'Delete run', /^Rename/, 'Promote to problem']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await closing.locator('.cluster-toggle').click();
    await closing.getByRole('list', { name: `Members of “${RENAMED}”` }).getByRole('link').first().waitFor();
    expect(await closing.getByRole('checkbox').count()).toBe(0);
    // p promotes for researchers only.
    await page.keyboard.press('p');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
