import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };
const TABLET = { width: 820, height: 1180 };
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

  it('keeps the bar with Menu on top far down a long page, over the page and under nothing', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (let i = 1; i <= 30; i++) {
      await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: `Churn call ${i}`, body: `Customer ${i} left over the missing audit log.` });
    }
    await page.goto(`/w/${ws}/inbox`);
    await page.getByText('Churn call 1', { exact: true }).waitFor();
    const scrollY = () => page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const scrolled = await scrollY();
    expect(scrolled).toBeGreaterThan(PHONE.height);
    // In the window, and what is at its middle is the button itself: no page content over it.
    const onTop = () =>
      menuButton().evaluate((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.top >= 0 && box.bottom <= window.innerHeight && !!hit && button.contains(hit);
      });
    expect(await onTop()).toBe(true);
    // A tap where it is: the locator's click would scroll the page to centre the button first.
    const box = (await menuButton().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await expanded()).toBe('true');
    expect(await mainNav().isVisible()).toBe(true);
    expect(await scrollY()).toBe(scrolled);
    await page.keyboard.press('Escape');
    expect(await expanded()).toBe('false');

    // A page's own sticky bar (the selected search results') stops under it instead of behind it.
    await page.goto(`/w/${ws}/search?q=${encodeURIComponent('audit log')}`);
    // All 30 notes match alike, so which 20 the first page shows is theirs to decide: take the first.
    await page.getByRole('checkbox', { name: /^Select the note “Churn call \d+”/ }).first().click();
    await page.getByRole('region', { name: 'Selected results' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await scrollY()).toBeGreaterThan(PHONE.height);
    expect(await onTop()).toBe(true);
    const barBottom = await page.locator('.sidebar').evaluate((bar) => bar.getBoundingClientRect().bottom);
    const selectedTop = await page.getByRole('region', { name: 'Selected results' }).evaluate((region) => region.getBoundingClientRect().top);
    expect(selectedTop).toBeGreaterThanOrEqual(barBottom);
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

  it('keeps the top bar inside a tablet’s width, beside the sidebar, and on one row on a laptop’s', async () => {
    const { page } = context;
    const bar = page.getByRole('banner');
    const measure = () =>
      bar.evaluate((element) => {
        const edge = element.getBoundingClientRect().right;
        const controls = Array.from(element.querySelectorAll('button, input, select, a'));
        return {
          pageWidth: document.documentElement.scrollWidth,
          pastTheEdge: controls.filter((control) => control.getBoundingClientRect().right > edge + 0.5).map((control) => control.textContent || control.getAttribute('placeholder')),
          searchWidth: element.querySelector('[role="search"] input')!.getBoundingClientRect().width,
          height: element.getBoundingClientRect().height,
        };
      });
    // An iPad held upright: the sidebar stays, the bar beside it has 588 px.
    await page.setViewportSize(TABLET);
    await mainNav().waitFor();
    const tablet = await measure();
    expect(tablet.pastTheEdge).toEqual([]);
    expect(tablet.pageWidth).toBeLessThanOrEqual(TABLET.width);
    expect(tablet.searchWidth).toBeGreaterThanOrEqual(160);
    await page.setViewportSize(DESKTOP);
    expect((await measure()).height).toBeLessThan(60);
  });
});
