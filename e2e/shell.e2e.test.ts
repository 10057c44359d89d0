import { describe, expect, it } from 'vitest';
import { browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

describe.skipIf(!browserAvailable)('the app shell', () => {
  const context = useServerAndBrowser();
  const heading = () => context.page.getByRole('heading', { level: 1 }).textContent();

  it('asks for the owner account on the first visit, then shows the shell with a healthy server', async () => {
    const { page } = context;
    await completeSetup(page);
    await page.getByTestId('health').filter({ hasText: 'Connected' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  });

  it('navigates between the main pages', async () => {
    const nav = context.page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Search', 'Highlights', 'Problems', 'Clusters', 'Backlog', 'Customers', 'Imports', 'Settings', 'Inbox']) {
      await nav.getByRole('link', { name: label }).click();
      await expect.poll(heading).toBe(label);
    }
  });

  it('keeps client-side routes alive across a reload', async () => {
    await context.page.reload();
    await expect.poll(heading).toBe('Inbox');
  });
});
