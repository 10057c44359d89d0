import type { Locator, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, completeSetup, fetchFromPage, OWNER, useServerAndBrowser } from './harness.js';

// The name carries markup on purpose: Cairn must show it as text, never render it.
const VIEWER = { name: 'Vera <b>Viewer</b>', email: 'vera@example.com', initialPassword: 'initial password 42', ownPassword: 'vera’s own password' };
const SECOND_WORKSPACE = 'Side project';

const workspaceIdOf = (url: string) => /\/w\/([0-9a-f-]{36})/.exec(url)?.[1] ?? '';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
}

describe.skipIf(!browserAvailable)('accounts and access', () => {
  const context = useServerAndBrowser();
  let firstWorkspace = '';

  it("says in a person's words what an empty setup form is missing, once per field, without sending it", async () => {
    const { page } = context;
    await page.goto('/');
    await page.waitForURL('**/setup');
    const sent: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'POST') sent.push(request.url());
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Create owner account' }).click();
    const errorOf = (label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error').textContent();
    await expect.poll(() => errorOf('Your name')).toBe('Enter a name');
    expect(await errorOf('Email')).toBe('Enter an email address like name@example.com');
    expect(await errorOf('Workspace name')).toBe("Enter the workspace's name");
    expect(await errorOf('Password')).toBe('Use at least 10 characters');
    page.off('request', onRequest);
    expect(sent).toEqual([]);
    // The first field to fix has the focus, so that typing starts there.
    await expect.poll(() => page.getByLabel('Your name', { exact: true }).evaluate((input) => input === document.activeElement)).toBe(true);
    // The error takes the place of the hint that states the same rule, and is what the field is described by.
    expect(await page.getByText('At least 10 characters.', { exact: true }).count()).toBe(0);
    const password = page.getByLabel('Password', { exact: true });
    const describedBy = await password.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Use at least 10 characters');
  });

  it('sets up the owner, signs out and signs back in', async () => {
    const { page } = context;
    await completeSetup(page);
    firstWorkspace = workspaceIdOf(page.url());
    await signOut(page);
    // Signed out for real: the session is gone, not just the page.
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await signIn(page, OWNER.email, OWNER.password);
    await page.waitForURL(`**/w/${firstWorkspace}/inbox`);
  });

  it('invites a colleague as viewer with an initial password to hand over', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/members');
    await page.getByRole('button', { name: 'Add member' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add a member' });
    const name = dialog.getByLabel('Name', { exact: true });
    const email = dialog.getByLabel('Email');
    const focused = (field: Locator) => field.evaluate((input) => input === document.activeElement);
    expect(await focused(name)).toBe(true);
    // An empty form is checked here, each field saying what it misses with the first to fix focused, and never sent.
    const sent: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'POST') sent.push(request.url());
    };
    page.on('request', onRequest);
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByText('Enter a name', { exact: true }).waitFor();
    expect(await dialog.locator('.field', { has: page.getByLabel('Email', { exact: true }) }).locator('.field-error').textContent()).toBe('Enter an email address like name@example.com');
    expect(await dialog.getByText(/Too small|expected string/).count()).toBe(0);
    await expect.poll(() => focused(name)).toBe(true);
    await name.fill(VIEWER.name);
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => focused(email)).toBe(true);
    expect(await dialog.getByText('Enter a name', { exact: true }).count()).toBe(0);
    page.off('request', onRequest);
    expect(sent).toEqual([]);
    await email.fill(VIEWER.email);
    await dialog.getByLabel('Role').selectOption('viewer');
    await dialog.getByLabel('Initial password').fill(VIEWER.initialPassword);
    await dialog.getByRole('button', { name: 'Add member' }).click();

    const added = page.getByRole('dialog', { name: 'Member added' });
    expect(await added.getByLabel('Initial password', { exact: true }).inputValue()).toBe(VIEWER.initialPassword);
    await added.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row').filter({ hasText: VIEWER.email });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toContain('Vera <b>Viewer</b>');
    expect(await row.locator('b').count()).toBe(0);
    expect(await row.getByLabel(/^Role of /).inputValue()).toBe('viewer');

    // The only owner cannot remove or demote themselves: said on the row, not as a 409 after confirming.
    const own = page.getByRole('row').filter({ hasText: OWNER.email });
    expect(await own.getByRole('button', { name: /^Remove / }).isDisabled()).toBe(true);
    expect(await own.getByLabel(/^Role of /).count()).toBe(0);
    await own.getByText('The only owner: make someone else owner before changing this role or leaving.').waitFor();
  });

  it('records what happened in the audit log', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: `Added ${VIEWER.email} as viewer` }).waitFor();
    // Actions in words, linked to what they acted on while it is still there.
    expect(await page.getByRole('cell', { name: 'Signed in' }).count()).toBeGreaterThan(0);
    const added = page.getByRole('row').filter({ hasText: `Added ${VIEWER.email} as viewer` });
    expect(await added.getByRole('link', { name: 'Added a member' }).getAttribute('href')).toBe(`/w/${firstWorkspace}/settings/members`);

    // Filtered by a group of actions, in the URL, so that a reload (or a shared link) keeps it.
    await page.getByLabel('Action').selectOption({ label: 'Members: anything' });
    await page.waitForURL('**/settings/audit?action=member');
    await expect.poll(() => page.getByRole('cell', { name: 'Signed in' }).count()).toBe(0);
    await page.reload();
    await added.waitFor();
    expect(await page.getByLabel('Action').inputValue()).toBe('member');
    expect(await page.getByRole('cell', { name: 'Signed in' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
  });

  it('creates a second workspace, switches to it and back, staying on the same page', async () => {
    const { page } = context;
    await page.getByRole('button', { name: 'Create workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Workspace name').fill(SECOND_WORKSPACE);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect.poll(() => workspaceIdOf(page.url())).not.toBe(firstWorkspace);
    const secondWorkspace = workspaceIdOf(page.url());
    await page.waitForURL(`**/w/${secondWorkspace}/inbox`);

    const switcher = page.getByLabel('Workspace', { exact: true });
    // Under load the URL can change a moment before the refreshed memberships reach the switcher.
    await expect.poll(() => switcher.inputValue()).toBe(secondWorkspace);
    await page.goto(`/w/${secondWorkspace}/settings/members`);
    await page.getByRole('heading', { name: 'Members' }).waitFor();

    await switcher.selectOption({ label: OWNER.workspaceName });
    await page.waitForURL(`**/w/${firstWorkspace}/settings/members`);
    await page.getByRole('row').filter({ hasText: VIEWER.email }).waitFor();
    await switcher.selectOption({ label: SECOND_WORKSPACE });
    await page.waitForURL(`**/w/${secondWorkspace}/settings/members`);
    // The URL changes before React renders the other workspace's members: wait for them.
    await expect.poll(() => page.getByRole('row').filter({ hasText: VIEWER.email }).count()).toBe(0);
    await switcher.selectOption({ label: OWNER.workspaceName });
    await page.waitForURL(`**/w/${firstWorkspace}/settings/members`);
    await signOut(page);
  });

  it('makes the new viewer choose a password at first sign-in', async () => {
    const { page } = context;
    await signIn(page, VIEWER.email, VIEWER.initialPassword);
    await page.waitForURL('**/change-password');
    await page.getByLabel('Current password').fill(VIEWER.initialPassword);
    // The owner knows the initial password: keeping it is not choosing one's own.
    await page.getByLabel('New password').fill(VIEWER.initialPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Choose a password other than the current one').waitFor();
    expect(page.url()).toMatch(/\/change-password$/);
    await page.getByLabel('New password').fill(VIEWER.ownPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`**/w/${firstWorkspace}/inbox`);
  });

  it('lets the viewer read the workspace but offers no way to change it', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/members');
    await page.getByRole('row').filter({ hasText: OWNER.email }).waitFor();
    await page.getByText('Only admins and owners can add members or change roles; you are viewer.').waitFor();

    const tabs = page.getByRole('navigation', { name: 'Settings' }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual(['Members', 'Your password']);
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByLabel(/^Role of /).count()).toBe(0);

    await page.goto(`/w/${firstWorkspace}/settings/tokens`);
    await page.getByRole('heading', { name: 'For admins and owners' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create token' }).count()).toBe(0);
  });

  it("refuses the viewer's writes even when made straight from the page with a valid CSRF token", async () => {
    const { page } = context;
    expect(await (await fetchFromPage(page, 'PATCH', `/api/workspaces/${firstWorkspace}`, { name: 'Renamed by a viewer' })).status).toBe(403);
    expect(await (await fetchFromPage(page, 'POST', `/api/workspaces/${firstWorkspace}/members`, { email: 'x@example.com', name: 'X', role: 'viewer', password: 'a password 123' })).status).toBe(403);
    expect(await page.evaluate(async (ws) => (await fetch(`/api/workspaces/${ws}/members`)).status, firstWorkspace)).toBe(200);
  });

  it('lets the viewer change their password later, in Settings, and sign in with the new one', async () => {
    const { page } = context;
    const newPassword = 'vera’s newer password';
    await page.goto(`/w/${firstWorkspace}/settings/members`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Your password' }).click();
    await page.waitForURL('**/settings/password');
    await page.getByLabel('Current password').fill(VIEWER.ownPassword);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    expect(await page.getByLabel('New password').inputValue()).toBe('');

    await signOut(page);
    await signIn(page, VIEWER.email, newPassword);
    await page.waitForURL(`**/w/${firstWorkspace}/inbox`);
  });
});
