import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/** --bg and --text of each theme (web/src/styles.css), as computed styles give them. */
const DARK = { background: 'rgb(18, 22, 29)', text: 'rgb(228, 232, 239)' };
const LIGHT = { background: 'rgb(246, 247, 249)', text: 'rgb(29, 35, 48)' };

const bodyColors = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });

const forcedTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);

/**
 * The WCAG contrast of each tag chip's name against what is drawn behind it: the chip's tint over
 * the backgrounds of its ancestors. Colours are painted on a canvas and read back as sRGB, so that
 * any CSS colour the page computes (oklch, light-dark) is measured as it shows.
 */
const chipContrasts = (page: Page) =>
  page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const paint = (layers: string[]) => {
      context.clearRect(0, 0, 1, 1);
      for (const layer of layers) {
        context.fillStyle = layer;
        context.fillRect(0, 0, 1, 1);
      }
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((byte) => {
        const channel = byte / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('.highlight-card .tag-chip'), (chip) => {
      const behind: string[] = [];
      for (let element: HTMLElement | null = chip; element; element = element.parentElement) behind.unshift(getComputedStyle(element).backgroundColor);
      const [lighter, darker] = [luminance(paint([getComputedStyle(chip).color])), luminance(paint(behind))].sort((a, b) => b - a);
      return { tag: chip.textContent, contrast: Math.round(((lighter! + 0.05) / (darker! + 0.05)) * 100) / 100 };
    });
  });

describe.skipIf(!browserAvailable)('themes', () => {
  const context = useServerAndBrowser();
  const themeSelect = () => context.page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
  let ws = '';

  it('follows a dark system from the first visit, the theme control on System', async () => {
    const { page } = context;
    await page.emulateMedia({ colorScheme: 'dark' });
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    expect(await bodyColors(page)).toEqual(DARK);
    expect(await themeSelect().inputValue()).toBe('system');
    expect(await forcedTheme(page)).toBeNull();
  });

  it('keeps tag names readable in either theme, whatever colour each tag was given', async () => {
    const { page } = context;
    // Near black, the default, a bright yellow, a palette green, a pale sky: each unreadable as is on one theme.
    const colors = ['#1d2330', '#3d5a80', '#ffd000', '#009e73', '#a8e0ff'];
    const tagIds: string[] = [];
    for (const [index, color] of colors.entries()) tagIds.push((await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/tags`, { name: `Colour ${index + 1}`, color })).id);
    const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Export fails', body: 'The CSV export fails every time.' });
    await api(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true, tagIds });
    await page.goto(`/w/${ws}/highlights`);
    await page.locator('.highlight-card .tag-chip', { hasText: `Colour ${colors.length}` }).waitFor();

    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const chips = await chipContrasts(page);
      expect(chips).toHaveLength(colors.length);
      expect(chips.filter((chip) => chip.contrast < 4.5), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
  });

  it('lets Light win over a dark system, remembered across a reload and applied before the app runs', async () => {
    const { page } = context;
    await themeSelect().selectOption({ label: 'Light' });
    expect(await forcedTheme(page)).toBe('light');
    expect(await bodyColors(page)).toEqual(LIGHT);

    await page.reload();
    await themeSelect().waitFor();
    expect(await themeSelect().inputValue()).toBe('light');
    expect(await bodyColors(page)).toEqual(LIGHT);

    // With the app's code refused, only the blocking theme script can have set it: it is there before the first paint.
    await page.route('**/assets/*.js', (route) => route.abort());
    try {
      await page.reload();
      expect(await forcedTheme(page)).toBe('light');
      expect(await bodyColors(page)).toEqual(LIGHT);
    } finally {
      await page.unroute('**/assets/*.js');
    }
  });

  it('lets Dark win over a light system, and System hand the choice back', async () => {
    const { page } = context;
    await page.reload();
    await page.emulateMedia({ colorScheme: 'light' });
    await themeSelect().selectOption({ label: 'Dark' });
    expect(await bodyColors(page)).toEqual(DARK);
    // Native controls (the select's own list, scrollbars) follow the forced theme too.
    expect(await themeSelect().evaluate((select) => getComputedStyle(select).colorScheme)).toBe('dark');

    await themeSelect().selectOption({ label: 'System' });
    expect(await forcedTheme(page)).toBeNull();
    expect(await bodyColors(page)).toEqual(LIGHT);
    await page.reload();
    await themeSelect().waitFor();
    expect(await bodyColors(page)).toEqual(LIGHT);
    expect(await page.evaluate(() => localStorage.getItem('cairn:theme'))).toBeNull();
  });
});
