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

  it('renames a company, merges its duplicate into it after a rename onto its name is refused, and deletes another', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    // An import named the same account twice: "Lone Gunmen" (Walter, above) and "Lone Gunmen Inc".
    const byers = { email: 'byers@lone.example', name: 'John Byers', company: { name: 'Lone Gunmen Inc', segment: 'SMB' } };
    const ticket = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Audit log', body: 'We need an audit log of every export.', customer: byers });
    await api(page, 'POST', `/workspaces/${ws}/sources/${ticket.id}/highlights`, { whole: true });
    await page.goto(`/w/${ws}/companies`);
    await page.getByRole('link', { name: 'Lone Gunmen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Lone Gunmen' }).waitFor();

    // Rename: the old name stays as an alias.
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename “Lone Gunmen”' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('The Lone Gunmen');
    await rename.getByText('“Lone Gunmen” stays as an alias').waitFor();
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByText('Renamed “Lone Gunmen” to “The Lone Gunmen”').waitFor();
    await page.getByRole('heading', { level: 1, name: 'The Lone Gunmen' }).waitFor();
    await page.getByRole('region', { name: 'Company' }).getByText('Also known as “Lone Gunmen”').waitFor();

    // Renaming the duplicate onto that name is refused at the field, which offers the merge instead.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Companies' }).click();
    // The list first: a click while the company page was still leaving was lost once on a loaded machine.
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await page.getByRole('link', { name: 'Lone Gunmen Inc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lone Gunmen Inc' }).waitFor();
    await page.getByRole('button', { name: 'Rename' }).click();
    const refused = page.getByRole('dialog', { name: 'Rename “Lone Gunmen Inc”' });
    await refused.getByRole('textbox', { name: 'Name' }).fill('the lone gunmen');
    await refused.getByRole('button', { name: 'Rename' }).click();
    await refused.getByText('A company named “The Lone Gunmen” already exists: merge “Lone Gunmen Inc” into it instead').waitFor();
    await refused.getByRole('button', { name: 'Merge “Lone Gunmen Inc” into “The Lone Gunmen” instead…' }).click();

    // The merge starts at its confirmation, on Back; Back leads to the picker, whose suggestions are the similar names.
    const confirm = page.getByRole('dialog', { name: 'Merge into “The Lone Gunmen”?' });
    await confirm.getByText('1 customer of “Lone Gunmen Inc” moves to “The Lone Gunmen”, with everything they said').waitFor();
    await expect.poll(() => confirm.getByRole('button', { name: 'Back' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Merge “Lone Gunmen Inc” into…' });
    const combobox = picker.getByRole('combobox', { name: 'Company to keep' });
    await expect.poll(() => combobox.evaluate((input) => input === document.activeElement)).toBe(true);
    await picker.getByRole('option', { name: /The Lone Gunmen/ }).waitFor();
    expect(await picker.getByRole('option').allTextContents()).not.toContainEqual(expect.stringContaining('Lone Gunmen Inc'));
    await page.keyboard.type('lone');
    await page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Merge' }).click();

    // The kept company opens with both customers, the merged one's segment, and its name as an alias.
    await page.getByText('Merged “Lone Gunmen Inc” into “The Lone Gunmen”, which now has 2 customers').waitFor();
    await page.getByRole('heading', { level: 1, name: 'The Lone Gunmen' }).waitFor();
    const customers = page.getByRole('region', { name: 'Customers' });
    await customers.getByRole('link', { name: 'John Byers' }).waitFor();
    await customers.getByRole('link', { name: 'Walter Skinner' }).waitFor();
    const fields = page.getByRole('region', { name: 'Company' });
    await fields.getByText('Also known as “Lone Gunmen” and “Lone Gunmen Inc”').waitFor();
    expect(await fields.textContent()).toContain('SMB');
    await page.getByRole('region', { name: 'Highlights' }).getByText('We need an audit log of every export.').waitFor();

    // The palette knows the merged company is gone, and opens the kept one.
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    await page.keyboard.press('Control+K');
    await palette.getByRole('combobox', { name: 'Jump to' }).fill('gunmen');
    await expect.poll(() => palette.getByRole('option').first().textContent()).toBe('CompaniesThe Lone GunmenSMB · 2 customers');
    expect(await palette.getByRole('option').allTextContents()).not.toContainEqual(expect.stringContaining('Lone Gunmen Inc'));
    // The merged company's name, typed whole, finds the kept one, which says it was that name.
    await palette.getByRole('combobox', { name: 'Jump to' }).fill('lone gunmen inc');
    await expect.poll(() => palette.getByRole('option').first().textContent()).toBe('CompaniesThe Lone Gunmen — formerly Lone Gunmen IncSMB · 2 customers');
    await page.keyboard.press('Escape');

    // Deleting a company says what becomes of its customers, then lists the companies left.
    await page.goto(`/w/${ws}/companies`);
    await page.getByRole('link', { name: 'Bureau Analytics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bureau Analytics' }).waitFor();
    const bureau = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete “Bureau Analytics”?' });
    await remove.getByText('Its 2 customers stay, with everything they said, but without a company').waitFor();
    await remove.getByRole('button', { name: 'Delete company' }).click();
    await page.getByText('Deleted “Bureau Analytics”; its 2 customers have no company now').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await page.getByText('1 company').waitFor();

    // A link to its highlights, kept from before, says the company is gone.
    await page.goto(`/w/${ws}/highlights?companyId=${bureau}`);
    await expect.poll(() => page.getByRole('search', { name: 'Filter highlights' }).textContent()).toContain('CompanyA company since merged or deleted');
    // The list says so too (the API's 404 names the filter), and leaves the filter out at a click.
    await page.getByText('The company filtered to is not in this workspace').waitFor();
    await page.getByRole('button', { name: 'Show highlights of any company' }).click();
    await page.getByText('We need an audit log of every export.').waitFor();
    expect(new URL(page.url()).searchParams.get('companyId')).toBeNull();
  });

  it('deletes a company named by its email domain, saying that new people there get no company, and their profile then says why, until the domain is forgotten', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const kim = await api<Created & { company: Created }>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'kim@frohike.io', name: 'Kim Frohike' });
    await page.goto(`/w/${ws}/companies/${kim.company.id}`);
    await page.getByRole('heading', { level: 1, name: 'frohike.io' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete “frohike.io”?' });
    await remove.getByText("New customers at frohike.io won't be grouped into a company by their email either").waitFor();
    await remove.getByRole('button', { name: 'Delete company' }).click();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();

    const lan = await api<Created & { company: Created | null }>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'lan@frohike.io', name: 'Lan Frohike' });
    expect(lan.company).toBeNull();
    await page.goto(`/w/${ws}/customers/${lan.id}`);
    const company = page.getByRole('region', { name: 'Company' });
    await company.getByText("Their email's domain, frohike.io, gives no company since “frohike.io” was deleted").waitFor();

    // The Companies page lists the domain, and forgetting it there groups people at frohike.io again.
    await company.getByRole('link', { name: 'Companies' }).click();
    const remembered = page.getByRole('region', { name: 'Email domains of deleted companies' });
    const row = remembered.getByRole('row').filter({ hasText: 'frohike.io' });
    await row.getByText('No company from this domain').waitFor();
    await row.getByRole('button', { name: 'Forget frohike.io' }).click();
    const forget = page.getByRole('dialog', { name: 'Forget frohike.io?' });
    await forget.getByText('New customers whose work email is at frohike.io will be put at a company named “frohike.io” again').waitFor();
    await forget.getByRole('button', { name: 'Forget frohike.io' }).click();
    await page.getByText('New customers at frohike.io are grouped by their email again').waitFor();
    await remembered.getByText(/^None left/).waitFor();
    // Its row gone, focus waits on the section's heading rather than on the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Email domains of deleted companies');
    const audit = await api<{ items: Array<{ summary: string }> }>(page, 'GET', `/workspaces/${ws}/audit?action=company.forget_domain`);
    expect(audit.items.map((event) => event.summary)).toEqual(['Forgot frohike.io as the email domain of deleted company “frohike.io”; new people at frohike.io are put at “frohike.io” again']);

    const mo = await api<Created & { company: { name: string } | null }>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'mo@frohike.io', name: 'Mo Frohike' });
    expect(mo.company?.name).toBe('frohike.io');
    // Lan, who came while it was remembered, is no longer told why they have no company.
    await page.goto(`/w/${ws}/customers/${lan.id}`);
    await company.getByText(/^No company known/).waitFor();
    expect(await company.textContent()).not.toContain('gives no company');
  });

  it('names the customer the Highlights page is filtered to when the catalog predates them, and says when the workspace has no such customer', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    // The catalog as a tab opened before the customer was added holds it.
    const stale = await api<unknown>(page, 'GET', `/workspaces/${ws}/catalog`);
    const catalogUrl = `**/api/workspaces/${ws}/catalog`;
    await page.route(catalogUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stale) }));
    try {
      const mel = await api<Created>(page, 'POST', `/workspaces/${ws}/customers`, { email: 'mel@hayes.example', name: 'Mel Hayes' });
      await page.goto(`/w/${ws}/highlights?customerId=${mel.id}`);
      const customer = page.getByRole('search', { name: 'Filter highlights' }).getByRole('combobox', { name: 'Customer' });
      await expect.poll(() => customer.inputValue()).toBe('Mel Hayes');
      await page.goto(`/w/${ws}/highlights?customerId=00000000-0000-4000-8000-000000000000`);
      await expect.poll(() => customer.inputValue()).toBe('A customer not in this workspace');
    } finally {
      await page.unroute(catalogUrl);
    }
  });
});
