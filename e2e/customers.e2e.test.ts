import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type Created = { id: string };

describe.skipIf(!browserAvailable)('companies from email domains on the Customers page', () => {
  const context = useServerAndBrowser();

  it('counts the customers it would fill, fills them once confirmed, then says there is nothing left', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    // As imports before this feature left them: work emails without a company (added without one, the email given afterwards).
    for (const [index, email] of ['jane@acme.co.uk', 'raj@eu.acme.co.uk', 'bo@hooli.io'].entries()) {
      const { id } = await api<Created>(page, 'POST', `/workspaces/${ws}/customers`, { externalId: `legacy-${index}` });
      await api(page, 'PATCH', `/workspaces/${ws}/customers/${id}`, { email });
    }
    await api(page, 'POST', `/workspaces/${ws}/customers`, { email: 'li.wei@gmail.com' });
    // A company a researcher cleared by hand: the fill leaves it empty.
    const kim = await api<Created>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'kim@initech.com' });
    await api(page, 'PATCH', `/workspaces/${ws}/customers/${kim.id}`, { company: null });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    const companyOf = (email: string) => page.getByRole('row').filter({ hasText: email }).getByRole('cell').nth(2);
    await expect.poll(() => companyOf('jane@acme.co.uk').textContent()).toBe('—');

    const action = page.getByRole('button', { name: 'Fill companies from email domains' });
    const dialog = page.getByRole('dialog', { name: 'Fill in companies from email domains' });
    await action.click();
    await dialog.getByRole('button', { name: 'Fill in 3 customers' }).waitFor();
    expect(await dialog.textContent()).toContain('3 customers with a work email and no company');
    expect(await dialog.textContent()).toContain('2 companies, 2 of them new');
    await dialog.getByRole('button', { name: 'Fill in 3 customers' }).click();
    await page.getByText("Gave 3 customers the company of their email's domain").waitFor();
    await expect.poll(() => companyOf('jane@acme.co.uk').textContent()).toBe('acme.co.uk');
    expect(await companyOf('raj@eu.acme.co.uk').textContent()).toBe('acme.co.uk');
    expect(await companyOf('bo@hooli.io').textContent()).toBe('hooli.io');
    expect(await companyOf('li.wei@gmail.com').textContent()).toBe('—');
    expect(await companyOf('kim@initech.com').textContent()).toBe('—');

    // Nothing left: it says so, and focus goes back to the action.
    await action.click();
    await dialog.getByText('Nothing to fill in').waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Fill companies from email domains');

    // The profile says why the cleared company stays empty.
    await page.getByRole('row').filter({ hasText: 'kim@initech.com' }).getByRole('link').click();
    await page.getByRole('region', { name: 'Company' }).getByText("No company: cleared by hand, so imports won't set one.").waitFor();
  });
});
