import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week `weeksAgo` weeks before this one, as the Trends page's buckets start. */
function weekStart(weeksAgo: number): Date {
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  return new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS - weeksAgo * 7 * DAY_MS);
}
const day = (date: Date) => date.toISOString().slice(0, 10);

describe.skipIf(!browserAvailable)('trends', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let exportsId = '';

  it('teaches how to get trends while nothing is tagged', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('heading', { name: 'Tag highlights to see trends' }).waitFor();
    // An empty workspace's Inbox is as empty: the way in is Imports, or the sample data for an owner.
    const empty = page.getByRole('region', { name: 'Tag highlights to see trends' });
    expect(await empty.getByRole('link', { name: 'Import files' }).getAttribute('href')).toBe(`/w/${ws}/imports`);
    await empty.getByRole('button', { name: 'Load sample data…' }).waitFor();
  });

  it('draws a chosen tag per week with its table of numbers, and a point opens the Highlights page filtered to it', async () => {
    const { page } = context;
    const exports = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Exports', color: '#d55e00' });
    const billing = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Billing' });
    exportsId = exports.id;
    // Three tickets about exports said two weeks ago (a Tuesday), one this week, and one about billing.
    const twoWeeksAgo = weekStart(2);
    const said = [
      { at: new Date(twoWeeksAgo.getTime() + DAY_MS + 10 * 3600_000), tagIds: [exports.id] },
      { at: new Date(twoWeeksAgo.getTime() + DAY_MS + 11 * 3600_000), tagIds: [exports.id, billing.id] },
      { at: new Date(twoWeeksAgo.getTime() + 2 * DAY_MS), tagIds: [exports.id] },
      { at: weekStart(0), tagIds: [exports.id] },
    ];
    for (const [index, { at, tagIds }] of said.entries()) {
      const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, {
        kind: 'ticket',
        title: `Export ticket ${index + 1}`,
        body: `The CSV export failed again (${index + 1}).`,
        occurredAt: at.toISOString(),
      });
      await api(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true, tagIds });
    }

    await page.reload();
    const chart = page.getByRole('figure', { name: /Line chart of highlights per week/ });
    await chart.waitFor();
    // Without a choice: the most used tags.
    expect(await chart.getAttribute('aria-label')).toContain('the 2 most used tags (Exports, Billing)');

    const picker = page.getByRole('combobox', { name: 'Tags' });
    await picker.pressSequentially('Expo');
    await page.getByRole('option', { name: 'Exports' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Tags drawn' }).getByText('Exports').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('tagId')).toEqual([exports.id]);
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/for Exports, from/);
    expect(await page.locator('.trends-chart .recharts-line').count()).toBe(1);

    await page.getByRole('button', { name: 'Show the numbers' }).click();
    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Week of/ }) });
    expect(await row.count()).toBeGreaterThanOrEqual(26);
    await table.getByRole('link', { name: /^3 highlights tagged Exports, week of/ }).waitFor();
    await table.getByRole('link', { name: /^1 highlight tagged Exports, week of/ }).waitFor();

    // Hovering a point draws its active dot over it: clicked only once that is drawn, the press and
    // the release land on one element (drawn between them, it took the release and the click was lost).
    const point = page.locator(`.trends-point[data-tag-id="${exports.id}"][data-bucket="${day(twoWeeksAgo)}"]`);
    await point.first().hover();
    const activePoint = point.filter({ has: page.locator('circle[r="6"]') });
    await activePoint.waitFor();
    await activePoint.click();
    await page.waitForURL('**/highlights?**');
    const filters = new URL(page.url()).searchParams;
    expect(Object.fromEntries(filters)).toEqual({ tagId: exports.id, from: day(twoWeeksAgo), to: day(new Date(twoWeeksAgo.getTime() + 6 * DAY_MS)) });
    await page.getByText('3 highlights').waitFor();
    expect(await page.locator('.highlight-card').count()).toBe(3);
  });

  it('reaches the points from the keyboard, one Tab stop moved through with the arrow keys, and opens one with Enter', async () => {
    const { page } = context;
    await page.goBack();
    await page.getByRole('figure', { name: /Line chart of highlights per week/ }).locator('.trends-point[tabindex="0"]').waitFor();
    await page.getByRole('button', { name: 'Show the numbers' }).focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.outerHTML.slice(0, 300));
    expect(await focused()).toMatch(/^0 highlights tagged Exports, week of/);
    // The latest week, then two weeks back.
    await page.keyboard.press('End');
    expect(await focused()).toMatch(/^1 highlight tagged Exports, week of/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatch(/^3 highlights tagged Exports, week of/);
    // Showing the numbers draws the chart again: Tab comes back to the point the arrows left.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Hide the numbers' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^3 highlights tagged Exports, week of/);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/highlights?**');
    const twoWeeksAgo = weekStart(2);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ tagId: exportsId, from: day(twoWeeksAgo), to: day(new Date(twoWeeksAgo.getTime() + 6 * DAY_MS)) });
  });
});
