import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { startCairn, type CairnProcess } from '../scripts/cairn-process.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In CI a missing browser is a failure; on a laptop without Chromium the browser tests skip. */
export const browserAvailable = fs.existsSync(CHROMIUM_PATH);
if (!browserAvailable && process.env.CI === 'true') {
  throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}; install Debian's chromium package`);
}

export type E2EContext = { server: CairnProcess; baseUrl: string; browser: Browser; page: Page };

/** The built app on an empty (migrated, userless) embedded database, and a headless Chromium; both closed after the file. */
export function useServerAndBrowser(env: Record<string, string> = {}): E2EContext {
  const context = {} as E2EContext;
  beforeAll(async () => {
    context.server = await startCairn(env, { dataTemplate: inject('cairnDataTemplate') });
    context.baseUrl = context.server.baseUrl;
    context.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context.page = await context.browser.newPage({ baseURL: context.baseUrl });
    recentEvents = recordRecentEvents(context.page);
  });
  let recentEvents: string[] = [];
  // A browser test that fails in CI leaves only its log: print what the page did last, and what it shows.
  beforeEach(({ onTestFailed }) => {
    recentEvents.length = 0;
    onTestFailed(async () => {
      const shown = await context.page.evaluate(() => document.body.innerText).catch((error: Error) => `(could not read the page: ${error.message})`);
      console.error(`The page at ${context.page.url()}, its last events:\n${recentEvents.join('\n')}\nwhat it shows:\n${shown.slice(0, 3000)}`);
    });
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.server?.stop();
  });
  return context;
}

const RECENT_EVENTS = 60;

/** The page's last requests, console errors and uncaught errors, newest last, each with its time. */
function recordRecentEvents(page: Page): string[] {
  const events: string[] = [];
  const note = (text: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${text}`);
    if (events.length > RECENT_EVENTS) events.shift();
  };
  page.on('requestfinished', (request) =>
    void request.response().then(
      (response) => note(`${request.method()} ${request.url()} → ${response?.status() ?? '?'}`),
      // The page closed before the response could be read (the file's last request): nothing to note.
      () => undefined,
    ),
  );
  page.on('requestfailed', (request) => note(`${request.method()} ${request.url()} → failed: ${request.failure()?.errorText ?? '?'}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`uncaught: ${error.message}`));
  return events;
}

export const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'a long owner password', workspaceName: 'Acme Research' };

/** Completes first-run setup in the browser and lands in the new workspace. */
export async function completeSetup(page: Page, owner = OWNER) {
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Workspace name').fill(owner.workspaceName);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await page.waitForURL('**/w/*/inbox');
  return owner;
}

/** Signs out, then in as a member added with an initial password, which they must change first. */
export async function signInAsNewMember(page: Page, member: { email: string; password: string }) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/change-password');
  await page.getByLabel('Current password').fill(member.password);
  await page.getByLabel('New password').fill(`${member.password} now mine`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL('**/inbox');
}

/** Calls the API from inside the page, as the SPA does: the session cookie plus the CSRF token. */
export async function fetchFromPage(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const response = await fetch(path, {
        method,
        // A JSON content type with no body is refused (400), as DELETE and restore calls have none.
        headers: body === undefined ? { 'x-csrf-token': token } : { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
}

/** Like `fetchFromPage`, for set-up steps that must succeed: throws on an error status. */
export async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetchFromPage(page, method, `/api${path}`, body);
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** Selects `text` inside the reader (or the part of it `within` names) as a person would with the mouse, as a DOM range over the drawn runs. */
export async function selectInReader(page: Page, text: string, within = '.reader-text') {
  await page.evaluate(({ text, within }) => {
    const root = document.querySelector(within)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`"${text}" is not in ${within}`);
  }, { text, within });
}
