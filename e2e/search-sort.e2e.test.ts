import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/** Titles say their date; only the oldest says "refund" in its title too, which makes it the most relevant. */
const REFUNDS = [
  { title: 'March refund', occurredAt: '2024-03-10T09:00:00.000Z', body: 'I was charged twice and want a refund.' },
  { title: 'June ticket', occurredAt: '2024-06-10T09:00:00.000Z', body: 'Please process my refund.' },
  { title: 'January ticket', occurredAt: '2025-01-10T09:00:00.000Z', body: 'Where is the refund you promised?' },
];

describe.skipIf(!browserAvailable)('search by date, and saved searches that show new matches', () => {
  const context = useServerAndBrowser();

  it('sorts the results newest or oldest first from the Sort select, with their dates up front, kept in the URL', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const source of REFUNDS) await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', ...source });

    await page.goto(`/w/${ws}/search?q=refund`);
    const titles = page.locator('.search-result-title');
    await expect.poll(() => titles.count()).toBe(3);
    // By relevance, the ticket with the word in its title comes first, and no date leads a result.
    expect(await titles.first().textContent()).toBe('March refund');
    expect(await page.locator('.search-result-date').count()).toBe(0);

    const sort = page.getByRole('combobox', { name: 'Sort' });
    await sort.selectOption({ label: 'Newest first' });
    await page.waitForURL('**/search?q=refund&sort=newest');
    await expect.poll(() => titles.allTextContents()).toEqual(['January ticket', 'June ticket', 'March refund']);
    // Each result leads with its date.
    await expect.poll(() => page.locator('.search-result-header time.search-result-date').count()).toBe(3);
    expect(await page.locator('.search-result-date').first().getAttribute('datetime')).toBe(REFUNDS[2]!.occurredAt);

    await sort.selectOption({ label: 'Oldest first' });
    await page.waitForURL('**/search?q=refund&sort=oldest');
    await expect.poll(() => titles.allTextContents()).toEqual(['March refund', 'June ticket', 'January ticket']);

    // A reload keeps the order: it lives in the URL.
    await page.reload();
    await expect.poll(() => titles.allTextContents()).toEqual(['March refund', 'June ticket', 'January ticket']);
    expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('oldest');
  });

  it('shows how many matches are new in a saved search, until it is opened', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=refund`);
    await page.getByRole('button', { name: 'Save search' }).click();
    await page.getByLabel('Name').fill('Refund requests');
    await page.getByRole('dialog').getByRole('button', { name: 'Save search' }).click();
    const saved = page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: /^Refund requests/ });
    await saved.waitFor();
    expect(await saved.locator('.saved-search-new').count()).toBe(0);

    for (const title of ['Refund for a broken order', 'Refund never arrived']) {
      await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title, body: `${title}: please look into it.` });
    }
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Login trouble', body: 'I cannot sign in.' });
    await page.goto(`/w/${ws}/inbox`);
    await expect.poll(() => saved.textContent()).toMatch(/Refund requests\s*2 new/);
    expect(await saved.getAttribute('title')).toBe('refund');
    // Its accessible name says what the number counts.
    await page.getByRole('link', { name: 'Refund requests 2 new matches' }).waitFor();

    await saved.click();
    await page.waitForURL('**/search?q=refund');
    await expect.poll(() => saved.locator('.saved-search-new').count()).toBe(0);
    // Seen on the server, not only on this page.
    await page.reload();
    await expect.poll(() => page.locator('.search-result').count()).toBe(5);
    expect(await saved.locator('.saved-search-new').count()).toBe(0);
  });
});
