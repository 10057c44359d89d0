import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, selectInReader, useServerAndBrowser } from './harness.js';

type Created = { id: string };

const NOTE = { kind: 'note', title: 'Call with the Bureau', body: 'They would pay more for scheduled exports. Monthly is enough.', occurredAt: '2024-05-01T09:00:00Z' };
const SERVER_TEXT_CONFLICT = 'The text of a source with highlights cannot change';

describe.skipIf(!browserAvailable)('editing sources, customers and highlights', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let sourceId = '';
  /** A note trashed from the reader. */
  let chatId = '';

  it("edits a source's title from the reader, and the Inbox shows the new title", async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    sourceId = (await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, NOTE)).id;

    await page.goto(`/w/${ws}/sources/${sourceId}`);
    await page.getByRole('heading', { level: 1, name: NOTE.title }).waitFor();
    await page.getByRole('button', { name: 'Edit source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit source' });
    await dialog.getByLabel('Title').fill('');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.locator('.field-error').first().waitFor();
    await dialog.getByLabel('Title').fill('Call with Dana');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Call with Dana' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sources' }).locator('.source-row-title').allTextContents()).toEqual(['Call with Dana']);
  });

  it("says why a highlighted source's text cannot change, and keeps what was typed", async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/sources/${sourceId}/highlights`, { start: 0, end: 4 });
    await page.goto(`/w/${ws}/sources/${sourceId}`);
    await page.getByRole('button', { name: 'Edit source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit source' });
    const text = dialog.getByLabel('Text');
    const typed = `${NOTE.body} Weekly would be better.`;
    await text.fill(typed);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('alert').filter({ hasText: SERVER_TEXT_CONFLICT }).waitFor();
    expect(await text.inputValue()).toBe(typed);
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const stored = await api<{ body: string }>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    expect(stored.body).toBe(NOTE.body);
  });

  it('creates a customer on the Customers page and edits them on their profile', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/customers`, { email: 'dana@example.org', name: 'Dana Scully' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Dana Scully' }).waitFor();

    await page.getByRole('button', { name: 'New customer' }).click();
    const create = page.getByRole('dialog', { name: 'New customer' });
    await create.getByRole('button', { name: 'Add customer' }).click();
    await create.getByText('Give at least an email, a name or an external id').waitFor();
    await create.getByLabel('Name', { exact: true }).fill('Walter Skinner');
    await create.getByLabel('Email', { exact: true }).fill('walter@example.org');
    await create.getByLabel('Company name').fill('Bureau Analytics');
    await create.getByLabel('Segment').fill('Enterprise');
    await create.getByRole('button', { name: 'Add customer' }).click();
    await page.waitForURL('**/customers/*');
    await page.getByRole('heading', { level: 1, name: 'Walter Skinner' }).waitFor();
    const company = page.getByRole('region', { name: 'Company' });
    await expect.poll(() => company.textContent()).toContain('Bureau Analytics');
    expect(await company.textContent()).toContain('Enterprise');

    // Another customer's email is refused; the rest of what was typed stays for the next try.
    await page.getByRole('button', { name: 'Edit customer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit customer' });
    await edit.getByLabel('Name', { exact: true }).fill('Walter S. Skinner');
    await edit.getByLabel('Plan').fill('Pro');
    await edit.getByLabel('Email', { exact: true }).fill('dana@example.org');
    await edit.getByRole('button', { name: 'Save customer' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Another customer already has this email' }).waitFor();
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('Walter S. Skinner');
    await edit.getByLabel('Email', { exact: true }).fill('walter.skinner@example.org');
    await edit.getByRole('button', { name: 'Save customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Walter S. Skinner' }).waitFor();
    await expect.poll(() => company.textContent()).toContain('Pro');
    expect(await page.locator('.page-description').textContent()).toContain('walter.skinner@example.org');

    // The list shows the new name without a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Walter S. Skinner' }).waitFor();

    // Adding someone who is already here (same email) says so and opens their profile.
    await page.getByRole('button', { name: 'New customer' }).click();
    const again = page.getByRole('dialog', { name: 'New customer' });
    await again.getByLabel('Email', { exact: true }).fill('DANA@example.org');
    await again.getByRole('button', { name: 'Add customer' }).click();
    await page.getByText('“Dana Scully” was already here (same email or external id): this is their profile').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dana Scully' }).waitFor();
  });

  it('says why “Use selected text” took nothing, with Save still Save: no save failed', async () => {
    const { page } = context;
    const call = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Onboarding call', body: 'Setup was quick. The invite email got lost.' });
    await api(page, 'POST', `/workspaces/${ws}/sources/${call.id}/highlights`, { start: 0, end: 15 });
    await page.goto(`/w/${ws}/sources/${call.id}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText('“Setup was quick”').waitFor();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = panel.getByRole('form', { name: 'Edit highlight' });

    await editor.getByRole('button', { name: 'Use selected text' }).click();
    await editor.getByRole('alert').waitFor();
    expect(await editor.getByRole('alert').textContent()).toMatch(/^Select the new passage in the text first/);
    expect(await editor.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // A passage taken, the message goes, and Save saves.
    await selectInReader(page, 'The invite email got lost');
    await editor.getByRole('button', { name: 'Use selected text' }).click();
    await editor.getByText('Moves to “The invite email got lost”').waitFor();
    expect(await editor.getByRole('alert').count()).toBe(0);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await panel.getByText('“The invite email got lost”').waitFor();
  });

  it('keeps a highlight edit whose save failed, says why, and saves it on retry', async () => {
    const { page } = context;
    const other = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Fair conversation', body: 'Reports take ages. The export button is hidden.' });
    const highlight = await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${other.id}/highlights`, { start: 0, end: 17 });
    await page.goto(`/w/${ws}/sources/${other.id}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText('“Reports take ages”').waitFor();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = panel.getByRole('form', { name: 'Edit highlight' });
    const note = editor.getByLabel('Note');
    await note.fill('Ask how long exactly');

    // Someone deletes the highlight meanwhile: the save fails and nothing typed is lost.
    await api(page, 'DELETE', `/workspaces/${ws}/highlights/${highlight.id}`);
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').waitFor();
    expect(await editor.getByRole('alert').textContent()).toMatch(/not found/i);
    expect(await note.inputValue()).toBe('Ask how long exactly');

    // Back from the trash, the same edit goes through with a new passage chosen in the text.
    await api(page, 'POST', `/workspaces/${ws}/highlights/${highlight.id}/restore`);
    await selectInReader(page, 'The export button is hidden');
    await editor.getByRole('button', { name: 'Use selected text' }).click();
    await editor.getByText('Moves to “The export button is hidden”').waitFor();
    await editor.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await panel.locator('.panel-note', { hasText: 'Ask how long exactly' }).waitFor();
    await panel.getByText('“The export button is hidden”').waitFor();
    const saved = await api<{ items: Array<{ id: string; note: string | null; quote: string }> }>(page, 'GET', `/workspaces/${ws}/highlights`);
    expect(saved.items.find((item) => item.id === highlight.id)).toMatchObject({ note: 'Ask how long exactly', quote: 'The export button is hidden' });
  });

  it('deletes a highlight from the reader and brings it back with the toast’s Undo', async () => {
    const { page } = context;
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByRole('button', { name: 'Delete highlight “The export button is hidden”' }).click();
    await page.getByRole('status').getByText('Highlight moved to the trash').waitFor();
    await expect.poll(() => panel.getByText('“The export button is hidden”').count()).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await panel.getByText('“The export button is hidden”').waitFor();
  });

  it('shows new tag usage counts on the Tags page after tagging from Search', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Reporting' });
    // The codebook is cached from this visit; tagging elsewhere must make it stale.
    await page.goto(`/w/${ws}/tags`);
    const row = page.locator('.tag-row', { hasText: 'Reporting' });
    await expect.poll(() => row.locator('.usage-count').textContent()).toBe('0');

    await page.getByRole('searchbox', { name: 'Search evidence' }).fill('reports');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Select the note “Fair conversation”' }).first().click();
    const picker = page.getByRole('combobox', { name: 'Tag selected' });
    await picker.fill('Reporting');
    await page.getByRole('option', { name: 'Reporting', selected: true }).waitFor();
    await picker.press('Enter');
    await page.getByText('Tagged 1 result').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await expect.poll(() => row.locator('.usage-count').textContent()).toBe('1');
  });

  it('builds a codebook by keyboard: after each new tag the form is ready for the next', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/tags`);
    await page.getByText('Add, rename, merge or retire them here.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New tag' }).click();
    const name = page.getByLabel('Name', { exact: true });
    const nameFocused = () => name.evaluate((input) => input === document.activeElement);
    await expect.poll(nameFocused).toBe(true);
    await page.keyboard.type('Billing');
    await page.keyboard.press('Enter');
    await page.locator('.toast-stack').getByText('Created “Billing”').waitFor();
    // A fresh form, the cursor back in its name field: the next tag is typed straight away.
    await expect.poll(nameFocused).toBe(true);
    expect(await name.inputValue()).toBe('');
    await page.keyboard.type('Refunds');
    await page.keyboard.press('Enter');
    await page.locator('.tag-row', { hasText: 'Refunds' }).waitFor();
    await page.locator('.tag-row', { hasText: 'Billing' }).waitFor();
  });

  it('keeps a triage step whose undo failed, says why, and undoes it on the next try', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Reports time out', body: 'The monthly report never finishes loading.' });
    await page.goto(`/w/${ws}/triage`);
    await page.getByRole('heading', { name: 'Reports time out' }).waitFor();
    await page.keyboard.press('1');
    await page.getByRole('heading', { name: 'Inbox zero' }).waitFor();
    // The step is in the undo history once its button shows.
    await page.getByRole('button', { name: 'Undo last (u)' }).waitFor();

    // The connection drops while undoing: the step stays, and the error says so.
    const untag = '**/api/workspaces/*/highlights/*';
    await page.route(untag, (route) => (route.request().method() === 'DELETE' ? route.abort() : route.fallback()));
    await page.keyboard.press('u');
    await page.getByRole('alert').filter({ hasText: 'Could not undo tagging “Reports time out”' }).waitFor();
    await page.unroute(untag);
    await page.keyboard.press('u');
    await page.getByRole('heading', { name: 'Reports time out' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Could not undo' }).count()).toBe(0);
    const untagged = await api<{ items: Array<{ title: string }> }>(page, 'GET', `/workspaces/${ws}/sources?untagged=true&kind=ticket`);
    expect(untagged.items.map((item) => item.title)).toEqual(['Reports time out']);
  });

  it('moves a source to the trash from the reader, goes back to the page it came from, and Undo brings it back', async () => {
    const { page } = context;
    chatId = (await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Quick chat', body: 'Exports are slow on Mondays.' })).id;
    await page.goto(`/w/${ws}/inbox`);
    const titles = () => page.getByRole('list', { name: 'Sources' }).locator('.source-row-title').allTextContents();
    await page.getByRole('list', { name: 'Sources' }).getByRole('link', { name: 'Quick chat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quick chat' }).waitFor();
    // Nothing links to it: no question asked.
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await expect.poll(titles).not.toContain('Quick chat');
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quick chat' }).waitFor();
    expect(await api<{ deletedAt: string | null }>(page, 'GET', `/workspaces/${ws}/sources/${chatId}`)).toMatchObject({ deletedAt: null });
    await page.getByRole('button', { name: 'Edit source' }).waitFor();
  });

  it('asks before trashing a source that is evidence, saying for what, then opens it read-only from the trash, with Restore', async () => {
    const { page } = context;
    const highlight = await api<Created>(page, 'POST', `/workspaces/${ws}/sources/${chatId}/highlights`, { start: 0, end: 7 });
    const problem = await api<Created>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: 'Exports are slow' });
    await api(page, 'POST', `/workspaces/${ws}/insights/${problem.id}/evidence`, { highlightIds: [highlight.id] });

    await page.goto(`/w/${ws}/sources/${chatId}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByRole('link', { name: 'Problem: Exports are slow' }).waitFor();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    const confirm = page.getByRole('dialog', { name: 'Move the source to the trash?' });
    await confirm.getByText('Its highlights are evidence for the problem “Exports are slow”', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    // Opened by its address, with no page of the app before it: the Inbox.
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();

    await page.goto(`/w/${ws}/inbox?trash=true`);
    await page.getByRole('list', { name: 'Sources in the trash' }).getByRole('link', { name: 'Quick chat' }).click();
    const notice = page.locator('.trash-notice');
    await notice.getByText(/^In the trash since/).waitFor();
    for (const name of ['Edit source', 'Move to trash']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: /^(Edit|Delete|Link)/ }).count()).toBe(0);
    // Nothing to tag: h on the text opens no popover.
    await page.locator('.reader-text [data-block-start]').first().focus();
    await page.keyboard.press('h');
    await page.waitForTimeout(200);
    expect(await page.getByRole('dialog', { name: 'Tag the selection' }).count()).toBe(0);

    await notice.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').getByText('Restored “Quick chat”').waitFor();
    await expect.poll(() => notice.count()).toBe(0);
    await page.getByRole('button', { name: 'Edit source' }).waitFor();
    await panel.getByRole('button', { name: /^Delete highlight/ }).waitFor();
  });

  it("says why a highlight cannot move to words of a ticket's reply or a survey's question", async () => {
    const { page } = context;
    const ticket = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, {
      kind: 'ticket',
      title: 'Spinner',
      body: 'The export spinner never stops.',
      metadata: { replies: [{ text: 'Sorry about that. Does the spinner show for every export?', author: 'Ann (support)' }] },
    });
    const survey = await api<Created>(page, 'POST', `/workspaces/${ws}/sources`, {
      kind: 'survey_response',
      title: 'What should we improve?',
      body: 'Faster exports, please.',
      metadata: { question: 'What should we improve first?' },
    });
    for (const [sourceId, words, within, where] of [
      [ticket.id, 'Does the spinner show', '[data-context="reply-0"]', 'a reply'],
      [survey.id, 'improve first', '[data-context="question"]', 'the question'],
    ] as const) {
      await api(page, 'POST', `/workspaces/${ws}/sources/${sourceId}/highlights`, { whole: true });
      await page.goto(`/w/${ws}/sources/${sourceId}`);
      const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
      await panel.getByRole('button', { name: 'Edit', exact: true }).click();
      const editor = panel.getByRole('form', { name: 'Edit highlight' });
      await selectInReader(page, words, within);
      await editor.getByRole('button', { name: 'Use selected text' }).click();
      await editor.getByRole('alert').filter({ hasText: `Only the customer’s own words can be highlighted; this selection is in ${where}.` }).waitFor();
      expect(await editor.getByText('Moves to').count()).toBe(0);
    }
  });
});
