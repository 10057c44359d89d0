import type { Page, Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, OWNER, useServerAndBrowser } from './harness.js';

/** The chunk of one page, `assets/<page file>-<hash>.js`, and not `source-list-<hash>.js` beside it. */
const pageChunk = (page: string) => (url: URL) => new RegExp(`^/assets/${page}-[\\w-]{8}\\.js$`).test(url.pathname);

/** Holds the requests for the chunks `matches` picks until `release`, as a slow network would. */
async function holdChunks(page: Page, matches: (url: URL) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Promise<void>[] = [];
  const handler = (route: Route) => {
    const sent = released.then(() => route.continue());
    held.push(sent);
    return sent;
  };
  await page.route(matches, handler);
  return async () => {
    release();
    // Unrouting first would hand the held requests on itself, and continuing them then throws.
    await Promise.all(held);
    await page.unroute(matches, handler);
  };
}

/** The scripts the page asks for from now on, until `stop`. */
function noteScripts(page: Page) {
  const scripts: URL[] = [];
  const note = (request: Request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()));
  };
  page.on('request', note);
  return { scripts, stop: () => page.off('request', note) };
}

describe.skipIf(!browserAvailable)('loading pages on demand', () => {
  const context = useServerAndBrowser();
  let ws = '';
  const heading = () => context.page.getByRole('heading', { level: 1 }).textContent();
  const pending = () => context.page.getByRole('progressbar', { name: 'Loading the page' });
  const focused = () => context.page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);

  it('lands a new owner in the inbox even while pages’ code is slow to arrive', async () => {
    const { page } = context;
    await page.goto('/');
    await page.waitForURL('**/setup');
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByLabel('Workspace name').fill(OWNER.workspaceName);
    // Any page chunk fetched from here on arrives only once the app has left setup or shows it is waiting.
    const release = await holdChunks(page, (url) => /^\/assets\/.+\.js$/.test(url.pathname));
    try {
      await page.getByRole('button', { name: 'Create owner account' }).click();
      await page.waitForFunction(() => !location.pathname.endsWith('/setup') || document.querySelector('[role="progressbar"]'));
    } finally {
      await release();
    }
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/w\/[^/]+\/inbox$/);
    ws = /\/w\/([^/]+)\/inbox/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'No evidence yet' }).waitFor();
  });

  it('fetches the code of a page only when it is first opened', async () => {
    const { page } = context;
    const { scripts, stop } = noteScripts(page);
    try {
      await page.reload();
      await expect.poll(heading).toBe('Inbox');
      expect(scripts.some(pageChunk('search'))).toBe(false);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await expect.poll(heading).toBe('Search');
      expect(scripts.some(pageChunk('search'))).toBe(true);
    } finally {
      stop();
    }
  });

  it('draws the first screen without the catalog index’s code, fetches it afterwards; the palette finds pages before it and names once it is there', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Onboarding' });
    const indexCode = (url: URL) => pageChunk('catalog-index')(url) || pageChunk('minisearch')(url);
    const { scripts, stop } = noteScripts(page);
    const release = await holdChunks(page, indexCode);
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    try {
      await page.goto(`/w/${ws}/inbox`);
      await expect.poll(heading).toBe('Inbox');
      // Asked for once the catalog is in and the page idle: up to a second later, more on a busy machine.
      await expect.poll(() => scripts.some(pageChunk('catalog-index')) && scripts.some(pageChunk('minisearch')), { timeout: 10_000 }).toBe(true);

      await page.keyboard.press('Control+K');
      // Pages are found without it, and the names are said to be on their way.
      await palette.getByRole('combobox', { name: 'Jump to' }).fill('inbox');
      await expect.poll(() => palette.getByRole('option').first().textContent()).toBe('PagesInbox');
      expect(await palette.getByRole('status').textContent()).toBe('Loading tags, customers and problems…');
      await palette.getByRole('combobox', { name: 'Jump to' }).fill('onboard');
      await palette.getByRole('option', { name: /Search what customers said/ }).waitFor();
      expect(await palette.getByRole('option', { name: /Onboarding/ }).count()).toBe(0);
    } finally {
      await release();
      stop();
    }
    await palette.getByRole('option', { name: /Onboarding/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('keeps the page on screen while the next one loads, shows that it is loading, then focuses the new heading; Back returns to the row', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Slow network call', body: 'The page took ages to open.', occurredAt: '2024-05-01T09:00:00Z' });
    await page.goto(`/w/${ws}/inbox`);
    const row = page.getByRole('list', { name: 'Sources' }).getByRole('link', { name: 'Slow network call' });
    await row.focus();
    const release = await holdChunks(page, pageChunk('source'));
    try {
      await page.keyboard.press('Enter');
      await pending().waitFor();
      // The reader's code is still on its way: the inbox stays, and so does focus.
      expect(await heading()).toBe('Inbox');
      expect(page.url()).toMatch(/\/inbox$/);
      expect(await row.evaluate((link) => link === document.activeElement)).toBe(true);
    } finally {
      await release();
    }
    await expect.poll(focused).toBe('H1 Slow network call');
    expect(await pending().count()).toBe(0);

    await page.goBack();
    await expect.poll(() => row.evaluate((link) => link === document.activeElement)).toBe(true);
  });

  it('shows the loading bar on a first visit until the page’s code is there', async () => {
    const { page } = context;
    const release = await holdChunks(page, pageChunk('tags'));
    try {
      await page.goto(`/w/${ws}/tags`, { waitUntil: 'commit' });
      await pending().waitFor();
    } finally {
      await release();
    }
    await expect.poll(heading).toBe('Tags');
    expect(await pending().count()).toBe(0);
  });

  it('offers a reload, in the shell, when a page’s code cannot be fetched (a tab left open across a deploy)', async () => {
    const { page } = context;
    const gone = pageChunk('customers');
    await page.route(gone, (route) => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' }));
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'This page could not load' });
      await alert.waitFor();
      expect(page.url()).toMatch(/\/customers$/);
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    } finally {
      await page.unroute(gone);
    }
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await expect.poll(heading).toBe('Customers');
  });
});
