import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type Created = { id: string };

describe.skipIf(!browserAvailable)('companies from email domains on the Customers page', () => {
  const context = useServerAndBrowser();
  let ws = '';

  it('counts the customers it would fill, fills them once confirmed, then says there is nothing left', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
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
    // Read as shown (innerText): the cell also holds the name a phone's card gives the figure, hidden here.
    const companyOf = (email: string) => page.getByRole('row').filter({ hasText: email }).getByRole('cell').nth(2);
    await expect.poll(() => companyOf('jane@acme.co.uk').innerText()).toBe('—');

    const action = page.getByRole('button', { name: 'Fill companies from email domains' });
    const dialog = page.getByRole('dialog', { name: 'Fill in companies from email domains' });
    await action.click();
    await dialog.getByRole('button', { name: 'Fill in 3 customers' }).waitFor();
    expect(await dialog.textContent()).toContain('3 customers with a work email and no company');
    expect(await dialog.textContent()).toContain('2 companies, 2 of them new');
    await dialog.getByRole('button', { name: 'Fill in 3 customers' }).click();
    await page.getByText("Gave 3 customers the company of their email's domain").waitFor();
    await expect.poll(() => companyOf('jane@acme.co.uk').innerText()).toBe('acme.co.uk');
    expect(await companyOf('raj@eu.acme.co.uk').innerText()).toBe('acme.co.uk');
    expect(await companyOf('bo@hooli.io').innerText()).toBe('hooli.io');
    expect(await companyOf('li.wei@gmail.com').innerText()).toBe('—');
    expect(await companyOf('kim@initech.com').innerText()).toBe('—');

    // Nothing left: it says so, and focus goes back to the action.
    await action.click();
    await dialog.getByText('Nothing to fill in').waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Fill companies from email domains');

    // The profile says why the cleared company stays empty.
    await page.getByRole('row').filter({ hasText: 'kim@initech.com' }).getByRole('link').click();
    await page.getByRole('region', { name: 'Company' }).getByText("No company: cleared by hand, so imports won't set one.").waitFor();
  });

  it('hands a company and its fields set by hand back to imports from the profile, after saying what that does', async () => {
    const { page } = context;
    const bureau = { name: 'Bureau Analytics', segment: 'SMB', plan: 'Starter' };
    const dana = await api<Created>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'dana@bureau.example', name: 'Dana Scully', company: bureau });
    const noteFor = (customer: object) => api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'CRM sync', body: 'Renewal call.', customer });
    await page.goto(`/w/${ws}/customers/${dana.id}`);
    const company = page.getByRole('region', { name: 'Company' });
    await company.getByText('Starter').waitFor();

    // Only the field changed in the form is set by hand, and the customer's company with it.
    await page.getByRole('button', { name: 'Edit customer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit customer' });
    await edit.getByLabel('Segment').fill('Enterprise');
    await edit.getByRole('button', { name: 'Save customer' }).click();
    await company.getByText("Segment set by hand — imports naming Bureau Analytics won't change it.").waitFor();
    expect(await company.textContent()).toContain('Enterprise · set by hand');
    expect(await company.textContent()).not.toContain('Starter · set by hand');
    await company.getByText("Company set by hand — imports won't move them to another.").waitFor();
    await noteFor({ email: 'fox@bureau.example', company: { ...bureau, segment: 'Mid-market' } });
    await page.reload();
    await company.getByText('Enterprise').waitFor();

    await company.getByRole('button', { name: 'Let imports fill in the company again' }).click();
    const fields = page.getByRole('dialog', { name: 'Let imports fill in the company again?' });
    expect(await fields.textContent()).toContain('it holds for every customer at Bureau Analytics');
    await fields.getByRole('button', { name: 'Let imports fill it in' }).click();
    await page.getByText('Imports may fill in the segment of Bureau Analytics again').waitFor();
    await expect.poll(() => company.textContent()).not.toContain('· set by hand');
    expect(await company.textContent()).toContain('Enterprise');

    await company.getByRole('button', { name: 'Let imports set the company again' }).click();
    const mark = page.getByRole('dialog', { name: 'Let imports set the company again?' });
    expect(await mark.textContent()).toContain('Until then they stay at Bureau Analytics.');
    await mark.getByRole('button', { name: 'Let imports set it' }).click();
    await page.getByText('Imports may set the company of “Dana Scully” again').waitFor();
    await expect.poll(() => company.getByRole('button').count()).toBe(0);
    expect(await company.textContent()).not.toContain('set by hand');

    // The next sources naming a company change it again: its segment, then which company Dana is at.
    await noteFor({ email: 'fox@bureau.example', company: { ...bureau, segment: 'Mid-market' } });
    await page.reload();
    await company.getByText('Mid-market').waitFor();
    await noteFor({ email: 'dana@bureau.example', company: { name: 'Bureau Group' } });
    await page.reload();
    await company.getByText('Bureau Group').waitFor();
  });

  it('sorts customers by evidence, most highlights first, and keeps the order in the address', async () => {
    const { page } = context;
    const highlightsBy = async (email: string, count: number) => {
      const source = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: `From ${email}`, body: 'The invoice total is wrong again.', customer: { email } });
      for (let index = 0; index < count; index++) await api(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { start: index * 4, end: index * 4 + 3 });
    };
    await highlightsBy('bo@hooli.io', 1);
    await highlightsBy('kim@initech.com', 2);
    await page.goto(`/w/${ws}/customers`);
    const firstColumn = (name: string) => page.getByRole('table', { name }).locator('tbody tr td:first-child').allInnerTexts();
    await expect.poll(() => firstColumn('Customers by name')).toContain('kim@initech.com');

    await page.getByRole('radio', { name: 'Evidence' }).check();
    await expect.poll(async () => (await firstColumn('Customers, most highlights first')).slice(0, 2)).toEqual(['kim@initech.com', 'bo@hooli.io']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('evidence');
    await page.reload();
    await expect.poll(async () => (await firstColumn('Customers, most highlights first')).slice(0, 2)).toEqual(['kim@initech.com', 'bo@hooli.io']);
    expect(await page.getByRole('radio', { name: 'Evidence' }).isChecked()).toBe(true);

    // Back to by name: the default leaves the address.
    await page.getByRole('radio', { name: 'Name' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.has('sort')).toBe(false);
    await page.getByRole('table', { name: 'Customers by name' }).waitFor();
  });
});
