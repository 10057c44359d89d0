import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

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

  it('opens a form dialog with the cursor in its first field, so typing and Enter act on the form', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Onboardng' });
    await page.goto(`/w/${ws}/tags`);
    await page.locator('.tag-row', { hasText: 'Onboardng' }).getByRole('button', { name: 'Edit' }).click();

    const dialog = page.getByRole('dialog', { name: 'Edit “Onboardng”' });
    const name = dialog.getByLabel('Name', { exact: true });
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Onboarding');
    await page.keyboard.press('Enter');
    await page.getByText('Renamed to “Onboarding”').waitFor();
    await page.locator('.tag-row', { hasText: 'Onboarding' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('opens the command palette with the cursor in its search box', async () => {
    const { page } = context;
    await page.keyboard.press('Control+K');
    const input = page.getByRole('dialog', { name: 'Jump to' }).getByRole('combobox', { name: 'Jump to' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Backlog');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Backlog');
  });

  it('finds saved searches and the Settings pages in the palette, where every word typed must match', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/saved-searches`, { name: 'Top-up tickets', query: 'top up', filters: { kind: 'ticket' } });
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Top-ups & cash' });
    await api(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: 'Show the decline reason in the app and to the manager' });
    await page.reload();
    await expect.poll(heading).toBe('Backlog');
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    const input = palette.getByRole('combobox', { name: 'Jump to' });
    const first = palette.getByRole('option').first();
    const options = () => palette.getByRole('option').allTextContents();

    await page.keyboard.press('Control+K');
    await input.fill('Top-up tickets');
    await expect.poll(() => first.textContent()).toBe('Saved searchesTop-up tickets“top up”');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=top+up&kind=ticket');
    const saved = page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Top-up tickets' });
    await expect.poll(() => saved.getAttribute('aria-current')).toBe('page');

    await page.keyboard.press('Control+K');
    for (const [typed, found] of [
      ['members', 'SettingsMembers'],
      ['tokens', 'SettingsAPI tokens'],
      ['audit', 'SettingsAudit log'],
      ['workspace', 'SettingsGeneral'],
    ] as const) {
      await input.fill(typed);
      await expect.poll(() => first.textContent()).toMatch(new RegExp(`^${found}`));
    }
    // "top" alone is not "to": a name with "to" but not "cash" is no match for both words.
    await input.fill('cash top');
    await expect.poll(() => first.textContent()).toBe('TagsTop-ups & cash');
    expect(await options()).not.toContainEqual(expect.stringContaining('decline reason'));
    await input.fill('tokens');
    await expect.poll(() => first.textContent()).toMatch(/^SettingsAPI tokens/);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/settings/tokens');
    await expect.poll(heading).toBe('Settings');
  });
});
