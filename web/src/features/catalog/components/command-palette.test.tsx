// @vitest-environment happy-dom
import { act } from 'react';
import { useLocation } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '@cairn/shared';
import { paths } from '../../../lib/paths';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { CommandPalette, type PalettePlace } from './command-palette';

const AT = '2025-03-04T10:00:00.000Z';
const PLACES: PalettePlace[] = [
  { key: 'page:inbox', group: 'Pages', name: 'Inbox', to: paths.inbox(WS) },
  { key: 'page:settings', group: 'Pages', name: 'Settings', to: paths.settings(WS) },
  { key: 'settings:Members', group: 'Settings', name: 'Members', detail: 'Who is in the workspace, and their roles', to: paths.members(WS) },
  { key: 'settings:General', group: 'Settings', name: 'General', detail: 'The workspace’s name, and another workspace', to: paths.settingsGeneral(WS) },
];
const tag = (n: number, name: string) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name, color: null, group: null, description: null, usageCount: 1, createdAt: AT });
const CATALOG: Catalog = { tags: [tag(1, 'Settings sync'), tag(2, 'Workspace limits')], customers: [], companies: [], insights: [], backlogItems: [] };

const FAILED = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong', code: 'internal' };

/** The catalog endpoint, answering when the test says: `answer(response)`. */
function slowServer() {
  const waiting: Array<(response: Response) => void> = [];
  const server = vi.fn((url: string) => {
    if (new URL(url, 'http://cairn.test').pathname !== `/api/workspaces/${WS}/catalog`) throw new Error(`Unexpected request: ${url}`);
    return new Promise<Response>((resolve) => waiting.push(resolve));
  });
  // Once asked: the catalog is requested a few turns after the palette mounts.
  const answer = async (response: () => Response) => {
    await until(() => expect(waiting.length).toBeGreaterThan(0));
    await act(async () => waiting.splice(0).forEach((resolve) => resolve(response())));
  };
  return { server, answer };
}

function Location() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

const location = () => document.querySelector('[data-testid="location"]')!.textContent;
const input = () => document.querySelector<HTMLInputElement>('dialog[open] input[role="combobox"]')!;
const options = () => [...document.querySelectorAll('dialog[open] [role="option"]')].map((option) => option.textContent);
const selected = () => document.querySelector('dialog[open] [role="option"][aria-selected="true"]')?.textContent;
const status = () => document.querySelector('dialog[open] [role="status"]')!.textContent;
const press = (key: string) => act(async () => void input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const openPalette = () => act(async () => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true })));

describe('CommandPalette', () => {
  const root = mountRoot();
  beforeAll(async () => {
    // The index's chunk, loaded once here: the palette's own import of it then answers at once.
    await import('../../../lib/catalog-index');
  });

  async function render(server: (url: string) => Promise<Response>) {
    vi.stubGlobal('fetch', server);
    await root.render(
      <AppProviders url={paths.triage(WS)}>
        <CommandPalette ws={WS} places={PLACES} />
        <Location />
      </AppProviders>,
    );
  }

  it('finds a page while the catalog is still loading, says the names are loading, and goes there on Enter', async () => {
    const { server } = slowServer();
    await render(server);
    await openPalette();
    await act(async () => type(input(), 'sett'));
    expect(options()).toEqual(['PagesSettings', 'EvidenceSearch what customers said about “sett”Search page']);
    expect(selected()).toBe('PagesSettings');
    expect(status()).toBe('Loading tags, customers and problems…');
    await press('Enter');
    expect(location()).toBe(paths.settings(WS));
    expect(document.querySelector('dialog[open]')).toBeNull();
  });

  it('finds pages when the catalog failed to load, says so, and asks for it again when opened again', async () => {
    const { server, answer } = slowServer();
    await render(server);
    // Opened before the failure arrives: opened after it, the palette would ask again first.
    await openPalette();
    await act(async () => type(input(), 'inbox'));
    await answer(() => json(FAILED, 500));
    expect(options()).toEqual(['PagesInbox', 'EvidenceSearch what customers said about “inbox”Search page']);
    // The failed answer's body is read a few turns after it arrives.
    await until(() => expect(status()).toBe('Tags, customers and problems could not be loaded: only pages and saved searches are found.'));
    await press('Enter');
    expect(location()).toBe(paths.inbox(WS));

    expect(server).toHaveBeenCalledTimes(1);
    await openPalette();
    expect(server).toHaveBeenCalledTimes(2);
  });

  it('lists the catalog’s names once they arrive, below the page whose name was typed, which stays selected', async () => {
    const { server, answer } = slowServer();
    await render(server);
    await openPalette();
    await act(async () => type(input(), 'settings'));
    expect(options()).toEqual(['PagesSettings', 'EvidenceSearch what customers said about “settings”Search page']);
    await answer(() => json(CATALOG));
    await until(() => expect(options()).toEqual(['PagesSettings', 'TagsSettings sync', 'EvidenceSearch what customers said about “settings”Search page']));
    expect(selected()).toBe('PagesSettings');
    expect(status()).toBe('');
  });

  it('keeps the result selected when the catalog’s names arrive above it', async () => {
    const { server, answer } = slowServer();
    await render(server);
    await openPalette();
    // Found by their second lines, the Settings pages come after the names.
    await act(async () => type(input(), 'workspace'));
    expect(options().slice(0, 2)).toEqual(['SettingsGeneralThe workspace’s name, and another workspace', 'SettingsMembersWho is in the workspace, and their roles']);
    await press('ArrowDown');
    expect(selected()).toMatch(/^SettingsMembers/);
    await answer(() => json(CATALOG));
    await until(() => expect(options()[0]).toBe('TagsWorkspace limits'));
    expect(selected()).toMatch(/^SettingsMembers/);
    await press('Enter');
    expect(location()).toBe(paths.members(WS));
  });

  it('selects the name that arrives first when the selection was only the default', async () => {
    const { server, answer } = slowServer();
    await render(server);
    await openPalette();
    // No page is called that: only the hand-over to Search, selected as the first result.
    await act(async () => type(input(), 'sync'));
    expect(selected()).toBe('EvidenceSearch what customers said about “sync”Search page');
    await answer(() => json(CATALOG));
    await until(() => expect(options()[0]).toBe('TagsSettings sync'));
    expect(selected()).toBe('TagsSettings sync');
    await press('Enter');
    expect(location()).toBe(paths.highlights(WS));
  });
});
