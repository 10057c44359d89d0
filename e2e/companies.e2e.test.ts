import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type Created = { id: string };

const BUREAU = { name: 'Bureau Analytics', segment: 'Enterprise', plan: 'Scale' };
const TICKETS = [
  { title: 'Export keeps failing', body: 'The CSV export fails whenever I pick a year of data.', customer: { email: 'dana@bureau.example', name: 'Dana Scully', company: BUREAU } },
  { title: 'Export is slow', body: 'Exports take minutes for our whole team.', customer: { email: 'fox@bureau.example', name: 'Fox Mulder', company: BUREAU } },
  { title: 'Login trouble', body: 'I cannot sign in since Monday.', customer: { email: 'walter@lone.example', name: 'Walter Skinner', company: { name: 'Lone Gunmen' } } },
];

describe.skipIf(!browserAvailable)('company pages', () => {
  const context = useServerAndBrowser();

  it("follows a customer's company to its page: its fields, customers, what it backs, and its highlights", async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const highlightIds: string[] = [];
    for (const ticket of TICKETS) {
      const source = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', ...ticket });
      highlightIds.push((await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true })).id);
    }
    const problem = await api<Created>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: 'Exports fail on large ranges' });
    await api(page, 'POST', `/workspaces/${ws}/insights/${problem.id}/evidence`, { highlightIds: highlightIds.slice(0, 2) });

    // Customers · Companies: the company cell of the list and the customer's profile both lead to the company.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('row').filter({ hasText: 'Dana Scully' }).getByRole('link', { name: 'Bureau Analytics' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Dana Scully' }).getByRole('link', { name: 'Dana Scully' }).click();
    await page.getByRole('region', { name: 'Company' }).getByRole('link', { name: 'Bureau Analytics' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bureau Analytics' }).waitFor();
    expect(page.url()).toMatch(/\/companies\/[0-9a-f-]{36}$/);
    // A company is a page of the Customers section: the sidebar says where you are.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).getAttribute('class')).toContain('active');
    const fields = page.getByRole('region', { name: 'Company' });
    expect(await fields.textContent()).toContain('Enterprise');
    expect(await page.getByRole('region', { name: 'Evidence' }).textContent()).toMatch(/Customers2.*Highlights2/);
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByRole('link', { name: 'Exports fail on large ranges' }).waitFor();
    expect(await problems.textContent()).toContain('2 highlights');
    await page.getByRole('region', { name: 'Backlog items' }).getByText('None of their highlights backs a backlog item yet').waitFor();

    const customers = page.getByRole('region', { name: 'Customers' });
    await customers.getByRole('link', { name: 'Fox Mulder' }).waitFor();
    expect(await customers.getByRole('row').count()).toBe(3);
    expect(await customers.textContent()).not.toContain('Walter Skinner');
    const highlights = page.getByRole('region', { name: 'Highlights' });
    await highlights.getByText('Exports take minutes for our whole team.').waitFor();
    expect(await highlights.textContent()).toContain('The CSV export fails whenever I pick a year of data.');
    expect(await highlights.textContent()).not.toContain('I cannot sign in');

    // The Highlights page, filtered to the company, says so and lets the filter go.
    await highlights.getByRole('link', { name: /Open in Highlights/ }).click();
    const filters = page.getByRole('search', { name: 'Filter highlights' });
    await expect.poll(() => filters.textContent()).toContain('CompanyBureau Analytics');
    await page.getByText('2 highlights').waitFor();
    await page.getByRole('button', { name: 'Any company' }).click();
    await page.getByText('3 highlights').waitFor();

    // The Companies tab ranks accounts by evidence.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('navigation', { name: 'Customers and companies' }).getByRole('link', { name: 'Companies' }).click();
    await page.getByText('2 companies').waitFor();
    await page.getByRole('radio', { name: 'Evidence' }).check();
    await page.getByText('2 companies, most highlights first').waitFor();
    const companyCells = page.getByRole('table', { name: 'Companies, most highlights first' }).getByRole('row').getByRole('link');
    expect(await companyCells.allTextContents()).toEqual(['Bureau Analytics', 'Lone Gunmen']);
  });

  it('jumps to a company from the command palette, by its name or its segment', async () => {
    const { page } = context;
    // The catalog was loaded before the API calls above created the companies.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    await page.keyboard.press('Control+K');
    const input = palette.getByRole('combobox', { name: 'Jump to' });
    const first = palette.getByRole('option').first();
    const bureau = 'CompaniesBureau AnalyticsEnterprise · 2 customers';
    await input.fill('bureau');
    // The company comes first, above its customers found by their company's name.
    await expect.poll(() => first.textContent()).toBe(bureau);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bureau Analytics' }).waitFor();
    expect(page.url()).toMatch(/\/companies\/[0-9a-f-]{36}$/);

    await page.keyboard.press('Control+K');
    await input.fill('enterp');
    await expect.poll(() => first.textContent()).toBe(bureau);
    await page.keyboard.press('Escape');
  });
});
