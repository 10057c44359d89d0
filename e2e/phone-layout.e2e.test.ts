import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/**
 * The review's phone, 390 × 844: on Search the first result shows without scrolling, the filters
 * behind a Filters button; and no list screen is wider than the window (a page that scrolls
 * sideways hides half of every row).
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MEMBER = { email: 'rita@example.com', name: 'Rita Researcher', role: 'researcher', password: 'an initial password' };

type Seed = { ws: string; companyId: string };
type Screen = { name: string; path: (seed: Seed) => string; ready: (page: Page) => Locator };

const main = (page: Page) => page.getByRole('main');

const LIST_SCREENS: Screen[] = [
  { name: 'Inbox', path: (s) => `/w/${s.ws}/inbox`, ready: (page) => page.locator('.source-row').first() },
  { name: 'Highlights', path: (s) => `/w/${s.ws}/highlights`, ready: (page) => page.locator('.highlight-card').first() },
  { name: 'Problems', path: (s) => `/w/${s.ws}/problems`, ready: (page) => page.getByRole('treeitem').first() },
  { name: 'Backlog', path: (s) => `/w/${s.ws}/backlog`, ready: (page) => page.locator('.backlog-table tbody tr').first() },
  { name: 'Triage', path: (s) => `/w/${s.ws}/triage`, ready: (page) => page.getByRole('button', { name: /Link to problem or backlog/ }) },
  { name: 'Tags', path: (s) => `/w/${s.ws}/tags`, ready: (page) => page.locator('.tag-row').first() },
  { name: 'Members', path: (s) => `/w/${s.ws}/settings/members`, ready: (page) => main(page).getByText(MEMBER.name) },
  { name: 'Audit', path: (s) => `/w/${s.ws}/settings/audit`, ready: (page) => main(page).getByRole('cell', { name: /^Loaded the sample data: / }) },
  { name: 'Customers', path: (s) => `/w/${s.ws}/customers`, ready: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first() },
  { name: 'Companies', path: (s) => `/w/${s.ws}/companies`, ready: (page) => page.getByRole('table', { name: /^Companies/ }).locator('tbody tr').first() },
  { name: 'A company, with its customers', path: (s) => `/w/${s.ws}/companies/${s.companyId}`, ready: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first() },
];

/**
 * What scrolls sideways: the page, when the document is wider than the window (with the outermost
 * elements past the window's right edge, to say what to fix), and any box in it, such as a table's
 * wrapper, whose content is wider than itself — half of each row hidden either way.
 */
function measureSidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
    const edge = window.innerWidth;
    const pastEdge = (element: Element | null) => !!element && element.getBoundingClientRect().right > edge + 0.5;
    const scrollWidth = document.documentElement.scrollWidth;
    const all = Array.from(document.body.querySelectorAll('*'));
    const pastTheEdge =
      scrollWidth <= edge
        ? []
        : all
            .filter((element) => pastEdge(element) && !pastEdge(element.parentElement))
            .slice(0, 10)
            .map((element) => `${describe(element)} (right ${Math.round(element.getBoundingClientRect().right)} px)`);
    const scrollingBoxes = all
      .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${describe(element)} (${element.scrollWidth} px in ${element.clientWidth} px)`);
    return { scrollWidth, innerWidth: edge, pastTheEdge, scrollingBoxes };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, pastTheEdge, scrollingBoxes } = await measureSidewaysScroll(page);
  expect(scrollWidth, `past the right edge: ${pastTheEdge.join(', ')}`).toBeLessThanOrEqual(innerWidth);
  expect(scrollingBoxes).toEqual([]);
}

/** Until nothing is loading: a list that is still arriving could widen the page after it is measured. */
async function settle(page: Page) {
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

describe.skipIf(!browserAvailable)('the layout on a phone (390 × 844)', () => {
  const context = useServerAndBrowser();
  const seed = {} as Seed;
  const filtersButton = () => context.page.getByRole('complementary', { name: 'Filters' }).getByRole('button', { name: /^Filters/ });
  const results = () => context.page.locator('.search-result');

  it('fills a workspace with the sample data and a member', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/sample-data`);
    await api(page, 'POST', `/workspaces/${ws}/members`, MEMBER);
    // The company with the most customers: its page lists them.
    const companies = await api<{ items: Array<{ id: string; customers: number }> }>(page, 'GET', `/workspaces/${ws}/companies?sort=evidence`);
    const [company] = [...companies.items].sort((a, b) => b.customers - a.customers);
    Object.assign(seed, { ws, companyId: company!.id });
    await page.setViewportSize(PHONE);
  });

  it('shows the first search result without scrolling, the filters closed behind a Filters button', async () => {
    const { page } = context;
    await page.goto(`/w/${seed.ws}/search?q=card`);
    await results().first().waitFor();
    await settle(page);
    const box = await results()
      .first()
      .evaluate((result) => {
        const { top, bottom } = result.getBoundingClientRect();
        return { top, bottom, scrollY: window.scrollY };
      });
    expect(box.scrollY).toBe(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(PHONE.height);

    expect(await filtersButton().textContent()).toMatch(/^.?Filters$/);
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('false');
    const panel = page.locator(`[id="${await filtersButton().getAttribute('aria-controls')}"]`);
    expect(await panel.isVisible()).toBe(false);
    // After the count and sort, so that the results' header stays where it was.
    const sortBottom = await page.getByRole('combobox', { name: 'Sort' }).evaluate((select) => select.getBoundingClientRect().bottom);
    expect((await filtersButton().boundingBox())!.y).toBeGreaterThanOrEqual(sortBottom);
  });

  it('opens the filters from the button; a filter chosen there filters the results and is counted on the button', async () => {
    const { page } = context;
    await filtersButton().click();
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[id="${await filtersButton().getAttribute('aria-controls')}"]`);
    expect(await panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: /^Highlights/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('highlight');
    await expect.poll(() => filtersButton().textContent()).toMatch(/Filters · 1/);
    // Each result's badge: highlights only, where tickets and interviews were listed too.
    await expect.poll(async () => [...new Set(await page.locator('.search-type').allTextContents())]).toEqual(['Highlight']);
    expect(await panel.getByRole('button', { name: /^Highlights/ }).getAttribute('aria-pressed')).toBe('true');
    // No wider than the window, open.
    await expectNoSidewaysScroll(page);

    await filtersButton().click();
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
  });

  it('keeps the filters open in their column on a wide screen, with no Filters button', async () => {
    const { page } = context;
    await page.setViewportSize(DESKTOP);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('heading', { name: 'Show' }).waitFor();
    expect(await filters.getByRole('button', { name: /^Filters/ }).count()).toBe(0);
    const filtersRight = (await filters.boundingBox())!;
    const resultsLeft = (await page.getByRole('region', { name: 'Results' }).boundingBox())!;
    expect(filtersRight.x + filtersRight.width).toBeLessThanOrEqual(resultsLeft.x);
    await page.setViewportSize(PHONE);
  });

  for (const screen of LIST_SCREENS) {
    it(`does not scroll sideways on ${screen.name}, nor does any box in it`, async () => {
      const { page } = context;
      await page.goto(screen.path(seed));
      await screen.ready(page).waitFor();
      await settle(page);
      await expectNoSidewaysScroll(page);
    });
  }
});
