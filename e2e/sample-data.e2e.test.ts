import { describe, expect, it } from 'vitest';
import { browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

describe.skipIf(!browserAvailable)('the sample data: loaded after a confirmation that says what it adds, removed after one that says what goes', () => {
  const context = useServerAndBrowser();
  const rows = () => context.page.getByRole('list', { name: 'Sources' }).getByRole('listitem');

  it('loads the sample from the empty Inbox once the dialog has said what it adds', async () => {
    const { page } = context;
    await completeSetup(page);
    await page.getByRole('heading', { name: 'No evidence yet' }).waitFor();
    await page.getByRole('button', { name: 'Load sample data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Load the sample data?' });
    await dialog.getByText(/4 interviews, 308 support tickets, 61 survey answers, \d+ highlights, 41 customers, 10 companies, 11 tags/).waitFor();
    expect(await dialog.textContent()).toContain('You can remove it later');
    await dialog.getByRole('button', { name: 'Load sample data', exact: true }).click();
    await page.getByText('Loaded 373 sample sources').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await rows().first().waitFor();
  });

  it('marks its imports as the sample’s, and removes it from the Imports page once the dialog has said what goes', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    const history = page.getByRole('table', { name: 'Import history' });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'Sample data, loaded by Olivia Owner' }).count()).toBe(6);

    const section = page.getByRole('region', { name: 'Sample data' });
    await section.getByRole('button', { name: 'Remove sample data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the sample data?' });
    expect(await dialog.textContent()).toMatch(/Deletes 4 interviews, 308 support tickets, 61 survey answers, .* for good, in the trash or not, and the sample's 6 entries in the import history/);
    await dialog.getByRole('button', { name: 'Remove sample data', exact: true }).click();
    await page.getByText('Removed the sample data').waitFor();
    await page.getByRole('heading', { name: 'Nothing imported yet' }).waitFor();
    expect(await section.count()).toBe(0);
  });

  it('leaves the Inbox empty again, offering the sample once more', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'No evidence yet' }).waitFor();
    expect(await rows().count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Load sample data…' }).isVisible()).toBe(true);
  });
});
