import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };
/** How far down a phone's screen a page's heading may start: the bar and the top bar above it, nothing more. */
const MAX_HEADING_TOP = 120;

describe.skipIf(!browserAvailable)('the shell on a narrow screen', () => {
  const context = useServerAndBrowser();
  const heading = () => context.page.getByRole('heading', { level: 1 }).textContent();
  const menuButton = () => context.page.getByRole('button', { name: /^Menu/ });
  const mainNav = () => context.page.getByRole('navigation', { name: 'Main' });
  const expanded = () => menuButton().getAttribute('aria-expanded');
  const focusedIsMenuButton = () => menuButton().evaluate((button) => button === document.activeElement);

  it('starts a phone’s page near the top, the links behind a Menu button that names the page', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/saved-searches`, { name: 'Export pain', query: 'export' });
    await page.setViewportSize(PHONE);
    await page.goto(`/w/${ws}/inbox`);
    await expect.poll(heading).toBe('Inbox');
    const headingTop = await page.getByRole('heading', { level: 1 }).evaluate((element) => element.getBoundingClientRect().top);
    expect(headingTop).toBeLessThanOrEqual(MAX_HEADING_TOP);
    expect(await page.getByRole('button', { name: 'Menu: Inbox', exact: true }).isVisible()).toBe(true);
    expect(await expanded()).toBe('false');
    expect(await mainNav().isVisible()).toBe(false);
  });

  it('opens the menu with the links and the saved searches; choosing a link goes there and closes it', async () => {
    const { page } = context;
    await menuButton().click();
    expect(await expanded()).toBe('true');
    expect(await mainNav().isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Export pain' }).isVisible()).toBe(true);
    // The account controls moved in from the top bar, which holds only the palette here.
    const menu = page.locator(`[id="${await menuButton().getAttribute('aria-controls')}"]`);
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await mainNav().getByRole('link', { name: 'Problems' }).click();
    await expect.poll(heading).toBe('Problems');
    expect(await expanded()).toBe('false');
    expect(await mainNav().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Menu: Problems', exact: true }).isVisible()).toBe(true);

    await menuButton().click();
    await page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Export pain' }).click();
    await expect.poll(heading).toBe('Search');
    await expect.poll(expanded).toBe('false');
  });

  it('closes on Escape with focus back on the button, and on a click outside', async () => {
    const { page } = context;
    await menuButton().focus();
    await page.keyboard.press('Enter');
    expect(await expanded()).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.nav-menu'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await expanded()).toBe('false');
    expect(await focusedIsMenuButton()).toBe(true);

    // The open menu lies over the top of the page: a tap below it.
    await menuButton().click();
    await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
    expect(await expanded()).toBe('false');
    expect(await mainNav().isVisible()).toBe(false);
  });

  it('keeps Ctrl-K for jumping to a page, which closes an open menu', async () => {
    const { page } = context;
    await menuButton().click();
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Jump to' }).getByRole('combobox', { name: 'Jump to' }).fill('Tags');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Tags');
    expect(await expanded()).toBe('false');
  });

  it('shows the sidebar’s links on a wide screen, with no Menu button', async () => {
    const { page } = context;
    await page.setViewportSize(DESKTOP);
    expect(await mainNav().isVisible()).toBe(true);
    expect(await menuButton().isVisible()).toBe(false);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
    await mainNav().getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(heading).toBe('Inbox');
  });
});
