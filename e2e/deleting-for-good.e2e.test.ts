import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type Created = { id: string };

/** Searches from the top bar, as a person would, and waits for the page to answer. */
async function searchFor(page: Page, words: string) {
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill(words);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/search?q=${words}`);
}

describe.skipIf(!browserAvailable)('deleting for good', () => {
  const context = useServerAndBrowser();
  let ws = '';

  it('deletes one trashed source forever, then empties the rest of the Inbox’s trash, saying when things would have gone', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const kept = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Still wanted', body: 'Keep this ticket, please.' });
    const single = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Duplicate ticket', body: 'The same complaint, twice.' });
    const binned = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Spam ticket', body: 'Buy cheap watches now.' });
    await api(page, 'POST', `/workspaces/${ws}/sources/${binned.id}/highlights`, { start: 0, end: 3 });
    for (const source of [single, binned]) await api(page, 'DELETE', `/workspaces/${ws}/sources/${source.id}`);

    await page.goto(`/w/${ws}/inbox?trash=true`);
    const trash = page.getByRole('list', { name: 'Sources in the trash' });
    await trash.getByRole('listitem').first().waitFor();
    await page.getByText('Everything in the trash is deleted for good 30 days after it was trashed.').waitFor();
    expect(await trash.getByText(/^Deleted for good on /).count()).toBe(2);

    // One row, forever: asked first, naming it.
    await trash.getByRole('button', { name: 'Delete forever “Duplicate ticket”' }).click();
    const one = page.getByRole('dialog', { name: 'Delete it forever?' });
    expect(await one.textContent()).toContain('“Duplicate ticket”');
    await one.getByRole('button', { name: 'Delete forever' }).click();
    await page.getByText('Deleted “Duplicate ticket” for good').waitFor();
    await expect.poll(() => trash.getByRole('listitem').count()).toBe(1);

    // The whole trash: the confirmation says how many go, then the purge runs and says what went.
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    const all = page.getByRole('dialog', { name: 'Empty the trash for good?' });
    await all.getByText('This deletes for good 1 source, with its highlights.').waitFor();
    const confirm = all.getByRole('button', { name: 'Delete 1 item forever' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.getByText('Emptied the trash: deleted 1 source and 1 highlight for good').waitFor();
    await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();

    const left = await api<{ items: Created[] }>(page, 'GET', `/workspaces/${ws}/sources?trash=true`);
    expect(left.items).toEqual([]);
    const live = await api<{ items: Created[] }>(page, 'GET', `/workspaces/${ws}/sources`);
    expect(live.items.map((source) => source.id)).toEqual([kept.id]);
  });

  it('empties the Highlights trash of the highlights trashed on their own, leaving live ones and those of a trashed source', async () => {
    const { page } = context;
    const call = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Onboarding call', body: 'Setup took a week. The import wizard was great.' });
    const binnedAlone = await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${call.id}/highlights`, { start: 0, end: 18 });
    const kept = await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${call.id}/highlights`, { start: 19, end: 47 });
    await api(page, 'DELETE', `/workspaces/${ws}/highlights/${binnedAlone.id}`);
    // A trashed source's highlight is not in the Highlights trash: it waits in the Inbox's, with its source.
    const binnedSource = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Old ticket', body: 'Exports time out every Monday.' });
    const withSource = await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${binnedSource.id}/highlights`, { start: 0, end: 12 });
    await api(page, 'DELETE', `/workspaces/${ws}/sources/${binnedSource.id}`);

    await page.goto(`/w/${ws}/highlights?trash=true`);
    const trash = page.getByRole('list', { name: 'Highlights in the trash' });
    await trash.getByRole('listitem').filter({ hasText: 'Setup took a week.' }).waitFor();
    expect(await trash.getByRole('listitem').count()).toBe(1);
    await page.getByText('Everything in the trash is deleted for good 30 days after it was trashed.').waitFor();

    await page.getByRole('button', { name: 'Empty trash…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Empty the trash for good?' });
    await dialog.getByText('This deletes for good 1 highlight, with its tags and evidence links.').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete 1 item forever' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.getByText('Emptied the trash: deleted 1 highlight for good').waitFor();
    await page.getByRole('heading', { name: 'No highlights in the trash' }).waitFor();

    const live = await api<{ items: Created[] }>(page, 'GET', `/workspaces/${ws}/highlights?sourceId=${call.id}`);
    expect(live.items.map((highlight) => highlight.id)).toEqual([kept.id]);
    const inbox = await api<{ items: Created[] }>(page, 'GET', `/workspaces/${ws}/sources?trash=true`);
    expect(inbox.items.map((source) => source.id)).toEqual([binnedSource.id]);
    const source = await api<{ highlights: Created[] }>(page, 'GET', `/workspaces/${ws}/sources/${binnedSource.id}`);
    expect(source.highlights.map((highlight) => highlight.id)).toEqual([withSource.id]);
  });

  it('erases a customer and everything they said, after a typed confirmation; search then no longer finds their words', async () => {
    const { page } = context;
    const zed = { email: 'zed@quarrington.example', name: 'Zed Quarrington' };
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Invoices vanished', body: 'The quixotrophe widget ate my invoices again.', customer: zed });
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Call notes', body: 'Zed says the quixotrophe widget is the reason they stay.', customer: zed });
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Someone else', body: 'My invoices are fine.', customer: { email: 'amy@example.org', name: 'Amy Pond' } });

    await searchFor(page, 'quixotrophe');
    await expect.poll(() => page.locator('.search-result').count()).toBe(2);

    const customers = await api<{ items: Array<{ id: string; email: string | null }> }>(page, 'GET', `/workspaces/${ws}/customers?q=quarrington`);
    const customerId = customers.items.find((customer) => customer.email === zed.email)!.id;
    await page.goto(`/w/${ws}/customers/${customerId}`);
    await page.getByRole('button', { name: 'Erase customer and everything they said…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Zed Quarrington?' });
    await dialog.getByText('This deletes for good 2 sources.').waitFor();
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    // Not until the word is typed.
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type “erase” to confirm').fill('erase');
    await erase.click();

    await page.getByText('Erased Zed Quarrington and everything they said: deleted 2 sources for good').waitFor();
    await page.waitForURL(`**/w/${ws}/customers`);
    expect(await page.getByRole('link', { name: 'Zed Quarrington' }).count()).toBe(0);

    await searchFor(page, 'quixotrophe');
    await page.getByRole('heading', { name: 'No matches' }).waitFor();
    expect(await page.locator('.search-result').count()).toBe(0);
    // Nor as a suggestion for a misspelling of it.
    await searchFor(page, 'quixotrope');
    await page.getByRole('heading', { name: 'No matches' }).waitFor();
    expect(await page.getByText('Did you mean').count()).toBe(0);

    // The log says who erased whom (by id) and how much, quoting none of it.
    const audit = await api<{ items: Array<{ action: string; summary: string }> }>(page, 'GET', `/workspaces/${ws}/audit?limit=100`);
    expect(audit.items.find((event) => event.action === 'customer.erase')?.summary).toBe(`Erased customer ${customerId} and everything they said: deleted 2 sources for good`);
    expect(audit.items.filter((event) => /quixotrophe|Quarrington|Invoices vanished/.test(event.summary))).toEqual([]);
  });
});
