import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, selectInReader, useServerAndBrowser } from './harness.js';

/** A real product-design meeting (AMI corpus, CC BY 4.0) as WebVTT, from the shared datasets. */
const AMI_VTT = fileURLToPath(new URL('../../shared/datasets/ami-meetings/IS1001b.vtt', import.meta.url));
const PASSAGE = 'the voice command part';
const NEXT_PASSAGE = 'the actual buttons part';
const NEW_TAG = 'Voice control';

/** Imports a transcript file through the API from the page (multipart, fields before the file) and waits for it. */
async function importTranscript(page: Page, ws: string, fileName: string, text: string): Promise<string> {
  return page.evaluate(
    async ({ ws, fileName, text }) => {
      const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const form = new FormData();
      form.append('format', 'transcript');
      form.append('file', new Blob([text], { type: 'text/vtt' }), fileName);
      const started = await fetch(`/api/workspaces/${ws}/imports`, { method: 'POST', headers: { 'x-csrf-token': token }, body: form });
      if (started.status !== 202) throw new Error(`import: ${started.status} ${await started.text()}`);
      const { id } = (await started.json()) as { id: string };
      for (;;) {
        const state = (await (await fetch(`/api/workspaces/${ws}/imports/${id}`)).json()) as { status: string };
        if (state.status === 'done') break;
        if (state.status === 'failed') throw new Error('the import failed');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const sources = (await (await fetch(`/api/workspaces/${ws}/sources?importId=${id}`)).json()) as { items: Array<{ id: string }> };
      return sources.items[0]!.id;
    },
    { ws, fileName, text },
  );
}

type SourceWithQuotes = { highlights: Array<{ quote: string }> };

/** What the catalog-index timing test keeps on the page's window between its steps. */
type CatalogIndexModule = typeof import('../web/src/lib/catalog-index.js');
type CatalogIndexPage = {
  CatalogIndex: CatalogIndexModule;
  catalog: Parameters<CatalogIndexModule['toCatalogEntries']>[0];
  index: ReturnType<CatalogIndexModule['buildCatalogIndex']>;
};

describe.skipIf(!browserAvailable)('highlighting, tagging and triage', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let transcriptId = '';

  it('tags a passage of an imported transcript with a new tag by keyboard, and finds it again after a reload', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const sourceId = await importTranscript(page, ws, 'IS1001b.vtt', fs.readFileSync(AMI_VTT, 'utf8'));
    transcriptId = sourceId;
    const source = await api<{ body: string; segments: unknown[] }>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    expect(source.segments.length).toBeGreaterThan(100);
    const expectedStart = source.body.indexOf(PASSAGE);

    await page.goto(`/w/${ws}/sources/${sourceId}`);
    await page.getByText('User Interface').first().waitFor();
    await selectInReader(page, PASSAGE);
    await page.keyboard.press('h');
    const picker = page.getByRole('combobox', { name: 'Tag' });
    await picker.waitFor();
    // The popover fits in the window, whether the passage is near its bottom or scrolled out of it.
    const popover = (await page.getByRole('dialog', { name: 'Tag the selection' }).boundingBox())!;
    expect(popover.y).toBeGreaterThanOrEqual(0);
    expect(popover.y + popover.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await picker.pressSequentially(NEW_TAG);
    await page.getByRole('option', { name: `Create tag “${NEW_TAG}”` }).waitFor();
    await page.keyboard.press('Enter');

    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText(`“${PASSAGE}”`).waitFor();
    await panel.getByText(NEW_TAG).waitFor();
    // The next passage straight away, with the last tag (t): the panel moves on to it.
    await selectInReader(page, NEXT_PASSAGE);
    await page.keyboard.press('t');
    await panel.getByText(`“${NEXT_PASSAGE}”`).waitFor();

    await page.reload();
    await panel.getByText(`“${PASSAGE}”`).waitFor();
    const marks = page.locator('.reader-text mark.hl');
    await expect.poll(() => marks.allTextContents()).toEqual([PASSAGE, NEXT_PASSAGE]);
    expect(Number(await marks.first().getAttribute('data-start'))).toBe(expectedStart);
    expect(await marks.first().getAttribute('title')).toBe(NEW_TAG);
  });

  it('lands once on a highlight linked by #h-: tagging elsewhere afterwards does not scroll back to it', async () => {
    const { page } = context;
    const { items } = await api<{ items: Array<{ id: string; quote: string }> }>(page, 'GET', `/workspaces/${ws}/highlights?sourceId=${transcriptId}`);
    const target = items.find((item) => item.quote === NEXT_PASSAGE)!;
    await page.goto(`/w/${ws}/sources/${transcriptId}#h-${target.id}`);
    const inView = (selector: string) =>
      page.locator(selector).first().evaluate((element) => {
        const rect = element.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < window.innerHeight;
      });
    const targetMark = `.reader-text mark[data-ids~="${target.id}"]`;
    await expect.poll(() => inView(targetMark)).toBe(true);

    // Back to the first long turn of the transcript, whose first words are tagged with t (the last tag used).
    const firstWords = await page.evaluate(() => {
      const turn = Array.from(document.querySelectorAll<HTMLElement>('.reader-text .turn-text')).find((element) => element.textContent!.trim().length > 20)!;
      turn.closest('[data-block-start]')!.setAttribute('data-test-first', '');
      return turn.textContent!.trim().slice(0, 20);
    });
    const firstBlock = '.reader-text [data-test-first]';
    await page.locator(firstBlock).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    expect(await inView(targetMark)).toBe(false);
    await selectInReader(page, firstWords);
    await page.keyboard.press('t');
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText(`“${firstWords}”`).waitFor();
    await page.waitForTimeout(300);
    expect(await inView(firstBlock)).toBe(true);
    expect(await inView(targetMark)).toBe(false);
  });

  it('tags a ticket from the triage queue with one key', async () => {
    const { page } = context;
    for (const [index, subject] of ['Invoice shows the wrong plan', 'Cannot export more than a year'].entries()) {
      await api(page, 'POST', `/workspaces/${ws}/sources`, {
        kind: 'ticket',
        title: subject,
        body: `${subject}. Please help.`,
        occurredAt: new Date(Date.UTC(2024, 0, index + 1)).toISOString(),
        metadata: { priority: 'high', status: 'open', channel: 'email' },
      });
    }
    await page.goto(`/w/${ws}/triage`);
    await page.getByText('2 left').waitFor();
    // The item on screen, by its title (a subject that starts the text: the heading says who sent it and when).
    await page.getByRole('article', { name: 'Invoice shows the wrong plan' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`1\\s*${NEW_TAG}`) }).waitFor();
    await page.keyboard.press('1');
    await page.getByText('1 left').waitFor();
    await page.getByRole('article', { name: 'Cannot export more than a year' }).waitFor();
    const tagged = await api<{ items: Array<{ quote: string; tags: Array<{ name: string }> }> }>(page, 'GET', `/workspaces/${ws}/highlights?sourceKind=ticket`);
    expect(tagged.items).toMatchObject([{ quote: 'Invoice shows the wrong plan. Please help.', tags: [{ name: NEW_TAG }] }]);

    // Undo brings the ticket back at once: the queue is not fetched again after a tag or an undo.
    const queueRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/sources') && url.searchParams.get('untriaged') === 'true') queueRequests.push(request.url());
    });
    await page.keyboard.press('u');
    await page.getByRole('article', { name: 'Invoice shows the wrong plan' }).waitFor();
    await page.getByText('2 left').waitFor();
    await page.keyboard.press('1');
    await page.getByRole('article', { name: 'Cannot export more than a year' }).waitFor();
    await expect.poll(async () => (await api<{ items: unknown[] }>(page, 'GET', `/workspaces/${ws}/highlights?sourceKind=ticket`)).items.length).toBe(1);
    expect(queueRequests).toEqual([]);
  });

  it('tags from triage by typing any tag, puts a chosen group on the keys (remembered), and keeps counts right through an undo', async () => {
    const { page } = context;
    // A workspace of its own: its codebook and queue hold only what this test makes.
    const own = await api<{ id: string }>(page, 'POST', '/workspaces', { name: 'Triage desk' });
    const interview = ['Delight', 'Confusion', 'Trust', 'Speed', 'Habit', 'Cost', 'Support', 'Onboarding', 'Mobile', 'Desktop'];
    for (const name of interview) await api(page, 'POST', `/workspaces/${own.id}/tags`, { name, group: 'Interview' });
    const topics = ['Cards', 'Fees', 'Login', 'Refunds', 'Transfers'];
    for (const name of topics) await api(page, 'POST', `/workspaces/${own.id}/tags`, { name, group: 'Topic' });
    // Use the interview tags, so they are the most used and fill the keys.
    const note = await api<{ id: string }>(page, 'POST', `/workspaces/${own.id}/sources`, { kind: 'note', title: 'Interview notes', body: 'Many words of an interview.' });
    const catalog = await api<{ tags: Array<{ id: string; name: string }> }>(page, 'GET', `/workspaces/${own.id}/catalog`);
    const interviewIds = catalog.tags.filter((tag) => interview.includes(tag.name)).map((tag) => tag.id);
    await api(page, 'POST', `/workspaces/${own.id}/sources/${note.id}/highlights`, { whole: true, tagIds: interviewIds });
    const subjects = ['Refund never arrived', 'Transfer stuck for a week', 'Card declined abroad'];
    for (const [index, subject] of subjects.entries()) {
      await api(page, 'POST', `/workspaces/${own.id}/sources`, { kind: 'ticket', title: subject, body: `${subject}.`, occurredAt: new Date(Date.UTC(2024, 1, index + 1)).toISOString() });
    }

    await page.goto(`/w/${own.id}/triage`);
    await page.getByRole('article', { name: subjects[0] }).waitFor();
    await page.getByText('3 left').waitFor();
    const keys = page.getByRole('complementary', { name: 'Tag with one key' });
    expect(await keys.getByRole('button', { name: /Refunds/ }).count()).toBe(0);

    // t opens the picker; typing finds a tag on no key, Enter tags the item and the queue moves on.
    await page.keyboard.press('t');
    const picker = page.getByRole('combobox', { name: 'Tag the whole item' });
    await picker.waitFor();
    await page.keyboard.type('refun');
    expect(await picker.inputValue()).toBe('refun');
    await page.getByRole('option', { name: /Refunds/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: subjects[1] }).waitFor();
    await page.getByText('2 left').waitFor();
    const tagged = await api<{ items: Array<{ quote: string; tags: Array<{ name: string }> }> }>(page, 'GET', `/workspaces/${own.id}/highlights?sourceKind=ticket`);
    expect(tagged.items).toMatchObject([{ quote: `${subjects[0]}.`, tags: [{ name: 'Refunds' }] }]);

    // The Topic group on the keys (its five tags, Transfers last on 5), remembered after a reload.
    await keys.getByLabel('Keys 1–9').selectOption({ label: 'Group: Topic' });
    const transfers = keys.getByRole('button', { name: /Transfers/ });
    await expect.poll(() => transfers.getAttribute('aria-keyshortcuts')).toBe('5');
    await page.reload();
    await page.getByRole('article', { name: subjects[1] }).waitFor();
    await expect.poll(() => transfers.getAttribute('aria-keyshortcuts')).toBe('5');
    await expect.poll(() => keys.getByRole('button', { name: /Refunds/ }).textContent()).toMatch(/Refunds\s*1$/);

    // A key tags; undo takes the count in the legend back down, as the Tags page counts it.
    await page.keyboard.press('5');
    await page.getByRole('article', { name: subjects[2] }).waitFor();
    await expect.poll(() => transfers.textContent()).toMatch(/Transfers\s*1$/);
    await page.keyboard.press('u');
    await page.getByRole('article', { name: subjects[1] }).waitFor();
    await page.getByText('2 left').waitFor();
    await expect.poll(() => transfers.textContent()).toMatch(/Transfers\s*0$/);

    // A new tag whose first word starts a tag's name ("Cards") is created by Enter, not filed under that tag.
    await page.keyboard.press('t');
    await picker.pressSequentially('Card arrival');
    await page.getByRole('option', { name: /^Cards/ }).waitFor();
    expect(await page.getByRole('listbox', { name: 'Tags' }).getByRole('option', { selected: true }).textContent()).toBe('Create tag “Card arrival”');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: subjects[2] }).waitFor();
    const created = await api<{ items: Array<{ quote: string; tags: Array<{ name: string }> }> }>(page, 'GET', `/workspaces/${own.id}/highlights?sourceKind=ticket`);
    expect(created.items.find((item) => item.quote === `${subjects[1]}.`)?.tags).toMatchObject([{ name: 'Card arrival' }]);
  });

  it('filters highlights by the days picked, sent as days: a day as to includes its evening', async () => {
    const { page } = context;
    const evening = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Late invoice', body: 'The invoice came late.', occurredAt: '2024-01-01T18:00:00.000Z' });
    await api(page, 'POST', `/workspaces/${ws}/sources/${evening.id}/highlights`, { whole: true });
    await page.goto(`/w/${ws}/highlights`);
    await page.getByText('5 highlights').waitFor();
    await page.getByLabel('Said from').fill('2024-01-01');
    const request = page.waitForRequest((sent) => new URL(sent.url()).searchParams.get('to') === '2024-01-01');
    await page.getByLabel('to', { exact: true }).fill('2024-01-01');
    expect(new URL((await request).url()).searchParams.get('from')).toBe('2024-01-01');
    await page.getByText('2 highlights').waitFor();
    await page.getByText('The invoice came late.').waitFor();
    await page.getByText('Invoice shows the wrong plan. Please help.').waitFor();
  });

  it('keeps the top bar and the highlights panel in view deep in a transcript, and tagging there keeps the place and focus on the turn', async () => {
    const { page } = context;
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await page.goto(`/w/${ws}/sources/${transcriptId}`);
      const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
      await panel.getByText(`“${PASSAGE}”`).waitFor();
      // Turn 200 by keyboard: focus the one before it, then ↓.
      await page.locator('.reader-text [data-block-start]').nth(199).focus();
      await page.keyboard.press('ArrowDown');
      const turn = page.locator('.reader-text [data-block-start]').nth(200);
      const turnStart = await turn.getAttribute('data-block-start');
      const focusedTurn = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.blockStart ?? document.activeElement?.tagName);
      expect(await focusedTurn()).toBe(turnStart);
      // Wide screens scroll <main>, narrow ones the document: either way, the sum.
      const scrolled = () => page.evaluate(() => Math.round(document.querySelector('main')!.scrollTop + window.scrollY));
      const place = await scrolled();
      expect(place).toBeGreaterThan(5000);
      const top = (locator: typeof panel) => locator.evaluate((element) => element.getBoundingClientRect().top);
      expect(await top(page.locator('.topbar'))).toBe(0);
      const panelTop = await top(panel);
      expect(panelTop).toBeGreaterThanOrEqual(0);
      expect(panelTop).toBeLessThan(200);

      // The popover keeps focus in it: Tab goes round its controls, Escape gives it back to the turn.
      await page.keyboard.press('h');
      const popover = page.getByRole('dialog', { name: 'Tag the selection' });
      await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        expect(await popover.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => popover.count()).toBe(0);
      await expect.poll(focusedTurn).toBe(turnStart);

      await page.keyboard.press('h');
      await popover.getByRole('combobox', { name: 'Tag' }).pressSequentially(NEW_TAG);
      await popover.getByRole('option', { name: NEW_TAG }).waitFor();
      await page.keyboard.press('Enter');
      const tagged = (await turn.locator('.turn-text').textContent())!.trim();
      await panel.locator('.panel-item.active').getByText(`“${tagged}”`).waitFor();
      const highlightCount = await panel.locator('.panel-item').count();
      await expect.poll(focusedTurn).toBe(turnStart);
      expect(await scrolled()).toBe(place);
      // The next ↓ goes on from there, and t tags that turn without moving the page either.
      await page.keyboard.press('ArrowDown');
      const nextStart = await page.locator('.reader-text [data-block-start]').nth(201).getAttribute('data-block-start');
      expect(await focusedTurn()).toBe(nextStart);
      await page.keyboard.press('t');
      await expect.poll(() => panel.locator('.panel-item').count()).toBe(highlightCount + 1);
      expect(await scrolled()).toBe(place);
      expect(await focusedTurn()).toBe(nextStart);
      expect(await top(panel)).toBe(panelTop);
      // The transcript is one Tab stop: from turn 201, one Tab reaches the highlights panel; Shift+Tab comes back to that turn.
      await page.keyboard.press('Tab');
      expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await focusedTurn()).toBe(nextStart);

      // A phone scrolls the document, with the panel under the text: t deep down stays there too.
      await page.setViewportSize({ width: 390, height: 844 });
      // The next turn scrolled under the bar stuck at the top of a phone's window: ↓ brings it out whole.
      await page
        .locator('.reader-text [data-block-start]')
        .nth(202)
        .evaluate((next) => window.scrollBy(0, next.getBoundingClientRect().top - 10));
      await page.keyboard.press('ArrowDown');
      const seenWhole = await page.evaluate(() => {
        const turn = document.activeElement!.getBoundingClientRect();
        return turn.top >= document.querySelector('.sidebar')!.getBoundingClientRect().bottom && turn.bottom <= window.innerHeight;
      });
      expect(seenWhole).toBe(true);
      const phonePlace = await scrolled();
      expect(phonePlace).toBeGreaterThan(5000);
      await page.keyboard.press('t');
      await expect.poll(() => panel.locator('.panel-item').count()).toBe(highlightCount + 2);
      expect(await scrolled()).toBe(phonePlace);
      // Selecting by touch sends no mouseup: a Highlight button offers the popover while text is selected.
      await selectInReader(page, PASSAGE);
      await page.getByRole('button', { name: 'Highlight', exact: true }).click();
      await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
      await page.keyboard.press('Escape');
      // The panel is under the whole transcript: a button goes there.
      await page.getByRole('button', { name: /^Highlights \(\d+\) ↓$/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Highlights/);
      expect(await top(panel)).toBeLessThan(844);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('links a selected passage to a problem with l, highlighting it on the way', async () => {
    const { page } = context;
    const problem = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: 'Remote controls are confusing' });
    await page.goto(`/w/${ws}/sources/${transcriptId}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText(`“${PASSAGE}”`).waitFor();
    const passage = 'the functional design';
    await selectInReader(page, passage);
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Link to a problem or backlog item' });
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('remote contr');
    await dialog.getByRole('option', { name: /Remote controls are confusing/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Linked 1 highlight to “Remote controls are confusing”').waitFor();
    await panel.getByText(`“${passage}”`).waitFor();
    // The panel says what the highlight is evidence for, and leads there.
    const evidenceFor = panel.getByRole('listitem').filter({ hasText: `“${passage}”` }).getByRole('list', { name: 'Evidence for' });
    await evidenceFor.getByRole('link', { name: 'Problem: Remote controls are confusing' }).waitFor();

    // From the tag popover (what selecting with the mouse opens), its Link button does the same.
    const second = 'technical function design';
    await selectInReader(page, second);
    await page.keyboard.press('h');
    await page.getByRole('dialog', { name: 'Tag the selection' }).getByRole('button', { name: 'Link to problem or backlog…' }).click();
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('confusing remote');
    await dialog.getByRole('option', { name: /Remote controls are confusing/ }).click();
    await panel.getByText(`“${second}”`).waitFor();

    // Escape in the popover leaves the passage selected (not its whole turn focused): l links that passage.
    await expect.poll(() => dialog.count()).toBe(0);
    const third = 'the management board';
    await selectInReader(page, third);
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(third);
    await page.keyboard.press('l');
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('remote contr');
    await dialog.getByRole('option', { name: /Remote controls are confusing/ }).waitFor();
    await page.keyboard.press('Enter');
    await panel.getByText(`“${third}”`).waitFor();
    const evidence = await api<{ items: Array<{ quote: string; tags: unknown[] }> }>(page, 'GET', `/workspaces/${ws}/highlights?insightId=${problem.id}`);
    expect(evidence.items.map((item) => item.quote).sort()).toEqual([passage, second, third].sort());
  });

  it('creates the tag typed when its words are not all in a tag’s name, though a tag or group matches one, and undoes the highlight from its message', async () => {
    const { page } = context;
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Approvals', group: 'Feature area' });
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Cards', group: 'Topic' });
    await page.goto(`/w/${ws}/sources/${transcriptId}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText(`“${PASSAGE}”`).waitFor();
    const passage = 'a set of buttons for choosing devices';
    await selectInReader(page, passage);
    await page.keyboard.press('h');
    const picker = page.getByRole('combobox', { name: 'Tag' });
    const chosen = page.getByRole('listbox', { name: 'Tags' }).getByRole('option', { selected: true });
    // "Cards" and the group "Feature area" are offered, after creating the tag typed, which Enter does.
    await picker.pressSequentially('Card declined');
    await page.getByRole('option', { name: /^Cards/ }).waitFor();
    expect(await chosen.textContent()).toBe('Create tag “Card declined”');
    await picker.fill('Missing feature');
    await page.getByRole('option', { name: /^Approvals/ }).waitFor();
    expect(await chosen.textContent()).toBe('Create tag “Missing feature”');
    await page.keyboard.press('Enter');
    const message = page.locator('.toast', { hasText: 'Highlighted as Missing feature' });
    await message.waitFor();
    await panel.getByText(`“${passage}”`).waitFor();
    const tags = await api<{ items: Array<{ name: string; usageCount: number }> }>(page, 'GET', `/workspaces/${ws}/tags`);
    const usage = Object.fromEntries(tags.items.map((tag) => [tag.name, tag.usageCount]));
    expect({ approvals: usage['Approvals'], created: usage['Missing feature'] }).toEqual({ approvals: 0, created: 1 });

    // Undo on the message moves the highlight just made to the trash.
    await message.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.toast', { hasText: 'Highlight moved to the trash' }).waitFor();
    await expect.poll(() => panel.getByText(`“${passage}”`).count()).toBe(0);
    expect((await api<SourceWithQuotes>(page, 'GET', `/workspaces/${ws}/sources/${transcriptId}`)).highlights.map((highlight) => highlight.quote)).not.toContain(passage);
  });

  it('lists a highlight deleted in the reader in the Highlights page’s Trash, and restores it from there to the list', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/sources/${transcriptId}`);
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByRole('button', { name: `Delete highlight “${NEXT_PASSAGE}”` }).click();
    await page.locator('.toast', { hasText: 'Highlight moved to the trash, in Highlights → Trash' }).waitFor();

    await page.goto(`/w/${ws}/highlights`);
    const filters = page.getByRole('search', { name: 'Filter highlights' });
    const selectLive = page.getByRole('checkbox', { name: `Select “${NEXT_PASSAGE}”` });
    await page.getByRole('checkbox', { name: `Select “${PASSAGE}”` }).waitFor();
    expect(await selectLive.count()).toBe(0);
    await filters.getByRole('checkbox', { name: 'Trash' }).check();
    await page.waitForURL('**/highlights?trash=true');
    const trash = page.getByRole('list', { name: 'Highlights in the trash' });
    const row = trash.getByRole('listitem').filter({ hasText: NEXT_PASSAGE });
    await row.waitFor();
    await page.getByText('Everything in the trash is deleted for good 30 days after it was trashed.').waitFor();
    await row.getByText(/^Trashed /).waitFor();
    await row.getByText(/^Deleted for good on /).waitFor();
    await row.locator(`a[href$="/sources/${transcriptId}"]`).waitFor();
    // The trash is not a selection: nothing to tag or export there.
    expect(await page.getByRole('checkbox', { name: /^Select “/ }).count()).toBe(0);

    await row.getByRole('button', { name: `Restore “${NEXT_PASSAGE}”` }).click();
    await page.locator('.toast', { hasText: `Restored “${NEXT_PASSAGE}”` }).waitFor();
    await expect.poll(() => trash.getByText(NEXT_PASSAGE).count()).toBe(0);
    await filters.getByRole('checkbox', { name: 'Trash' }).uncheck();
    await selectLive.waitFor();
  });

  it('drops an h typed first into the tag box a mouse selection just opened, which the hints no longer ask for', async () => {
    const { page } = context;
    const body = 'I top up with cash at a partner shop, and the deposit shows up days later.';
    const note = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Cash top-ups', body });
    await page.goto(`/w/${ws}/sources/${note.id}`);
    // The mouse's way and the keyboard's, told apart: only the keyboard's asks for h.
    await page
      .getByRole('complementary', { name: 'Highlights in this source' })
      .getByText('Select a passage and the tag box opens. Or press ↓ to move to a paragraph, then h to tag it')
      .waitFor();

    // Dragged with the mouse over a passage: the popover opens with its box focused.
    const passage = 'partner shop';
    const ends = await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('.reader-text')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const letter = (offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getBoundingClientRect();
        };
        const [first, last] = [letter(at), letter(at + text.length - 1)];
        return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      throw new Error(`"${text}" is not in the reader`);
    }, passage);
    await page.mouse.move(ends.from.x, ends.from.y);
    await page.mouse.down();
    await page.mouse.move(ends.to.x, ends.to.y, { steps: 4 });
    await page.mouse.up();
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    const picker = popover.getByRole('combobox', { name: 'Tag' });
    await expect.poll(() => picker.evaluate((input) => input === document.activeElement)).toBe(true);
    // The h of habit names no tag "h"; typed again, it is a letter.
    await page.keyboard.press('h');
    expect(await picker.inputValue()).toBe('');
    await page.keyboard.press('h');
    expect(await picker.inputValue()).toBe('h');
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${passage}”`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);

    // Opened by h, the box takes an h at once: it starts a tag's name.
    await page.keyboard.press('h');
    await picker.waitFor();
    await page.keyboard.press('h');
    expect(await picker.inputValue()).toBe('h');
    await page.keyboard.press('Escape');
  });

  it('shows a text without turns as its paragraphs, one Tab stop the arrows move through, h highlighting the paragraph at its offsets in the body', async () => {
    const { page } = context;
    const paragraphs = ['Top-ups by card land at once.', 'Top-ups in cash take three days:\nthe partner shop sends them on Fridays.', 'Could the app say when it will land?'];
    const body = `${paragraphs.join('\n\n')}\n`;
    const note = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: 'Cash top-ups, in paragraphs', body });
    await page.goto(`/w/${ws}/sources/${note.id}`);
    const text = page.getByRole('list', { name: 'Text, 3 paragraphs' });
    await text.waitFor();
    const focusedStart = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.blockStart ?? document.activeElement?.tagName);
    await page.keyboard.press('ArrowDown');
    expect(await focusedStart()).toBe('0');
    await page.keyboard.press('ArrowDown');
    const second = body.indexOf(paragraphs[1]!);
    expect(await focusedStart()).toBe(String(second));
    // One Tab stop: the paragraph focused; Tab leaves the text, Shift+Tab comes back to that paragraph.
    expect(await text.locator('[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await text.evaluate((list) => list.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedStart()).toBe(String(second));

    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${paragraphs[1]}”`);
    await popover.getByRole('combobox', { name: 'Tag' }).pressSequentially('Cash top-ups');
    await popover.getByRole('option', { name: /Cash top-ups/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Highlights in this source' }).locator('.panel-item').first().waitFor();
    // Stored at the body's own offsets: the paragraph, its line break inside included.
    const saved = await api<{ highlights: Array<{ start: number; end: number; quote: string }> }>(page, 'GET', `/workspaces/${ws}/sources/${note.id}`);
    expect(saved.highlights.map(({ start, end, quote }) => ({ start, end, quote }))).toEqual([{ start: second, end: second + paragraphs[1]!.length, quote: paragraphs[1] }]);
    expect(await focusedStart()).toBe(String(second));
    // The whole document is still one click away.
    await page.getByRole('button', { name: 'Highlight all' }).waitFor();
  });

  it('keeps one “Highlighted as …” toast while tagging turn after turn by keyboard, and the focused turn clear of it', async () => {
    const { page } = context;
    const texts = Array.from({ length: 16 }, (_, index) => `Turn ${index + 1}: we wait for the top-up to land before we pay the supplier, and the bank shows nothing meanwhile.`);
    const body = texts.join('\n\n');
    const segments = texts.map((text, index) => ({ speaker: index % 2 ? 'Sam' : 'Maya', start: body.indexOf(text), end: body.indexOf(text) + text.length }));
    const interview = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'interview', title: 'Top-ups, turn by turn', body, segments });
    await page.goto(`/w/${ws}/sources/${interview.id}`);
    const turns = page.locator('.reader-turns > li[data-block-start]');
    await turns.first().waitFor();
    /** Whether a toast covers part of the focused element. */
    const covered = () =>
      page.evaluate(() => {
        const focused = document.activeElement!.getBoundingClientRect();
        return Array.from(document.querySelectorAll('.toast')).some((toast) => {
          const box = toast.getBoundingClientRect();
          return box.top < focused.bottom && box.bottom > focused.top && box.left < focused.right && box.right > focused.left;
        });
      });
    const focusedStart = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.blockStart);

    // A turn at the bottom of the window, where the toasts come, tagged by keyboard.
    await turns.nth(6).evaluate((turn) => {
      turn.scrollIntoView({ block: 'end' });
      (turn as HTMLElement).focus({ preventScroll: true });
    });
    await page.keyboard.press('h');
    await page.getByRole('combobox', { name: 'Tag' }).pressSequentially(NEW_TAG);
    await page.getByRole('option', { name: new RegExp(`^${NEW_TAG}`) }).waitFor();
    await page.keyboard.press('Enter');
    const toasts = page.locator('.toast', { hasText: 'Highlighted as' });
    await toasts.waitFor();
    expect(await focusedStart()).toBe(String(segments[6]!.start));
    await expect.poll(covered).toBe(false);

    // ↓ t, twice: each turn taken comes out above the toast, which the newer one replaces.
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    for (const turn of [7, 8]) {
      await page.keyboard.press('ArrowDown');
      expect(await focusedStart()).toBe(String(segments[turn]!.start));
      expect(await covered()).toBe(false);
      await page.keyboard.press('t');
      await expect.poll(() => panel.locator('.panel-item').count()).toBe(turn - 5);
      expect(await covered()).toBe(false);
    }
    await expect.poll(() => toasts.count()).toBe(1);
  });

  it('moves through the Highlights page with j and k, selects with x, opens with Enter, and tags the selection with a tag typed into Add tag by the reader’s rule', async () => {
    const { page } = context;
    // The three turns tagged one after another above.
    await page.goto(`/w/${ws}/highlights?q=supplier`);
    await page.getByText('3 highlights').waitFor();
    const focusedRow = () => page.evaluate(() => Array.from(document.querySelectorAll('.highlight-list > li')).indexOf(document.activeElement!));
    const rows = page.locator('.highlight-list > li');

    // j finds the list from anywhere on the page; in it j/k and the arrows move.
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(0);
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(1);
    await page.keyboard.press('k');
    expect(await focusedRow()).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(1);
    await page.keyboard.press('x');
    const selection = page.getByRole('region', { name: 'The selected highlights' });
    await selection.getByText('1 selected').waitFor();
    expect(await rows.nth(1).getByRole('checkbox').isChecked()).toBe(true);
    const quote = (await rows.nth(1).locator('blockquote').textContent())!;
    // / goes to the Words box, ↓ there back to the list.
    await page.keyboard.press('/');
    const words = page.getByRole('search', { name: 'Filter highlights' }).getByRole('searchbox', { name: 'Words' });
    expect(await words.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(0);

    type Listed = { items: Array<{ id: string; quote: string; sourceId: string; tags: Array<{ name: string }> }> };
    const tagsOfSelected = async () => {
      const { items } = await api<Listed>(page, 'GET', `/workspaces/${ws}/highlights?q=supplier`);
      return items.find((item) => item.quote === quote)!.tags.map((tag) => tag.name).sort();
    };
    // "Cards" matches only the first of the words typed: Enter creates the tag typed, as in the reader.
    const addTag = selection.getByRole('combobox', { name: 'Add tag' });
    const active = selection.getByRole('listbox', { name: 'Tags' }).getByRole('option', { selected: true }).locator('.combobox-name');
    await addTag.pressSequentially('Card delivery');
    await selection.getByRole('option', { name: /^Cards/ }).waitFor();
    expect(await active.textContent()).toBe('Create tag “Card delivery”');
    await page.keyboard.press('Enter');
    await page.locator('.toast', { hasText: 'Added “Card delivery” on 1 highlight' }).waitFor();
    expect(await tagsOfSelected()).toEqual(['Card delivery', NEW_TAG]);
    // The very name of a tag, in any case, is that tag, not a longer one starting with it nor a new one.
    await addTag.pressSequentially('cards');
    await selection.getByRole('option', { name: /^Cards/ }).waitFor();
    expect(await active.textContent()).toBe('Cards');
    await page.keyboard.press('Enter');
    await page.locator('.toast', { hasText: 'Added “Cards” on 1 highlight' }).waitFor();
    expect(await tagsOfSelected()).toEqual(['Card delivery', 'Cards', NEW_TAG]);

    // Remove tag creates nothing: a name no tag has is said so, and Enter leaves the tags be.
    const removeTag = selection.getByRole('combobox', { name: 'Remove tag' });
    await removeTag.pressSequentially('Card declined');
    await selection.getByRole('option', { name: /^Card delivery/ }).waitFor();
    expect(await active.textContent()).toBe('No tag is named “Card declined”: choose one below with ↓');
    await page.keyboard.press('Enter');
    expect(await removeTag.inputValue()).toBe('Card declined');
    await removeTag.fill('Cards');
    await selection.getByRole('option', { name: /^Cards/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.toast', { hasText: 'Removed “Cards” on 1 highlight' }).waitFor();
    expect(await tagsOfSelected()).toEqual(['Card delivery', NEW_TAG]);

    // Out of the picker, j goes on from the row focus was last in, and Enter opens it in the reader.
    await removeTag.evaluate((input) => input.blur());
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(1);
    const { items } = await api<Listed>(page, 'GET', `/workspaces/${ws}/highlights?q=supplier`);
    const opened = items.find((item) => item.quote === quote)!;
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/sources/${opened.sourceId}#h-${opened.id}`);
    await page.getByRole('heading', { level: 1, name: 'Top-ups, turn by turn' }).waitFor();
  });

  it('tags a passage highlighted already by adding to its highlight, not quoting it twice; u undoes; Delete and Escape in the editor leave focus in the panel', async () => {
    const { page } = context;
    const texts = ['The export to the accounting tool fails at every month end.', 'What do you do then?', 'I copy the numbers by hand, which takes a whole afternoon.'];
    const body = texts.join('\n\n');
    const segments = texts.map((text, index) => ({ speaker: index % 2 ? 'Sam' : 'Maya', start: body.indexOf(text), end: body.indexOf(text) + text.length }));
    const interview = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'interview', title: 'Month end', body, segments });
    const monthEnd = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Month end' });
    await page.goto(`/w/${ws}/sources/${interview.id}`);
    const turns = page.locator('.reader-turns > li[data-block-start]');
    await turns.first().waitFor();
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    const highlights = async () =>
      (await api<{ highlights: Array<{ quote: string; tags: Array<{ name: string }> }> }>(page, 'GET', `/workspaces/${ws}/sources/${interview.id}`)).highlights.map((highlight) => ({
        quote: highlight.quote,
        tags: highlight.tags.map((tag) => tag.name).sort(),
      }));
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.blockStart ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

    await turns.first().focus();
    await page.keyboard.press('h');
    await page.getByRole('combobox', { name: 'Tag' }).pressSequentially(NEW_TAG);
    await page.getByRole('option', { name: new RegExp(`^${NEW_TAG}`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.toast', { hasText: `Highlighted as ${NEW_TAG}` }).waitFor();
    // t pressed twice on the same turn: the passage has that tag already, and is not quoted again.
    await page.keyboard.press('t');
    await page.keyboard.press('t');
    await page.locator('.toast', { hasText: `This passage is highlighted already, as ${NEW_TAG}` }).waitFor();
    // Another tag goes on the same highlight.
    await page.keyboard.press('h');
    await page.getByRole('combobox', { name: 'Tag' }).pressSequentially('Month end');
    await page.getByRole('option', { name: /^Month end/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.toast', { hasText: 'Added Month end to this passage’s highlight' }).waitFor();
    expect(await highlights()).toEqual([{ quote: texts[0], tags: ['Month end', NEW_TAG].sort() }]);
    expect(await panel.locator('.panel-item').count()).toBe(1);
    // u takes back just that: the tag comes off, the highlight stays, focus stays on the turn.
    await page.keyboard.press('u');
    await page.locator('.toast', { hasText: 'Took Month end off the highlight' }).waitFor();
    expect(await highlights()).toEqual([{ quote: texts[0], tags: [NEW_TAG] }]);
    expect(await focused()).toBe(String(segments[0]!.start));
    expect((await api<{ items: Array<{ id: string; usageCount: number }> }>(page, 'GET', `/workspaces/${ws}/tags`)).items.find((tag) => tag.id === monthEnd.id)!.usageCount).toBe(0);

    // Deleting a highlight from the panel leaves focus on the next one; u brings it back.
    await turns.nth(2).focus();
    await page.keyboard.press('t');
    await expect.poll(() => panel.locator('.panel-item').count()).toBe(2);
    await panel.getByRole('button', { name: `Delete highlight “${texts[0]!.slice(0, 40)}”` }).click();
    await expect.poll(focused).toBe(`Show in the text: ${texts[2]}`);
    await page.keyboard.press('u');
    await page.locator('.toast', { hasText: 'Highlight restored' }).waitFor();
    await expect.poll(() => panel.locator('.panel-item').count()).toBe(2);
    // Escape in the editor's tag box closes it with focus back on its Edit button.
    await panel.locator('.panel-item').first().getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByRole('combobox', { name: 'Add a tag' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Edit');
    expect(await page.evaluate(() => document.activeElement?.closest('.panel-item')?.querySelector('.panel-quote')?.textContent)).toBe(`“${texts[0]}”`);
  });

  it('builds the catalog index for 10,000 entities in the browser and answers a keystroke (timings printed, not asserted)', async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../web/src/lib/catalog-index.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'CatalogIndex',
      target: 'es2022',
    });
    /** A fresh page holding the catalog, and the first build's wall-clock and main-thread CPU times. */
    const firstBuildInFreshPage = async (): Promise<{ page: Page; wallMs: number; cpuMs: number }> => {
      const page = await context.browser.newPage();
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      await page.evaluate(() => {
        const words = ['export', 'billing', 'pricing', 'onboarding', 'search', 'invoice', 'latency', 'mobile', 'sso', 'permissions', 'dashboard', 'alerts'];
        const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        (window as unknown as CatalogIndexPage).catalog = {
          tags: Array.from({ length: 1000 }, (_, i) => ({ id: id(i), name: `${words[i % words.length]} ${i}`, group: i % 3 ? 'Feature area' : 'Emotion', color: null, description: null, usageCount: i, createdAt: new Date().toISOString() })),
          customers: Array.from({ length: 7600 }, (_, i) => ({ id: id(10_000 + i), name: `Customer ${i} ${words[i % words.length]}`, email: `person${i}@company${i % 400}.example`, externalId: null, company: `Company ${i % 400}` })),
          companies: Array.from({ length: 400 }, (_, i) => ({ id: id(40_000 + i), name: `Company ${i}`, segment: i % 2 ? 'Enterprise' : 'SMB', customers: 19, aliases: i % 4 ? [] : [`company${i}.example`] })),
          insights: Array.from({ length: 500 }, (_, i) => ({ id: id(20_000 + i), title: `Users struggle with ${words[i % words.length]} ${i}`, type: 'problem' as const, status: 'draft' as const })),
          backlogItems: Array.from({ length: 500 }, (_, i) => ({ id: id(30_000 + i), title: `Improve ${words[i % words.length]} ${i}`, status: 'idea' as const, externalKey: `CAIRN-${i}` })),
        };
      });
      // The main thread's CPU time beside the wall-clock: on a busy machine the build also waits for a core.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const mainThreadMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value * 1000;
      const cpuBefore = await mainThreadMs();
      const wallMs = await page.evaluate(() => {
        const scratch = window as unknown as CatalogIndexPage;
        const started = performance.now();
        scratch.index = scratch.CatalogIndex.buildCatalogIndex(scratch.CatalogIndex.toCatalogEntries(scratch.catalog));
        return performance.now() - started;
      });
      return { page, wallMs, cpuMs: (await mainThreadMs()) - cpuBefore };
    };
    // The first build is what a person waits for on opening the app (cold JIT, in a fresh page).
    // It swings with whatever else the two cores are doing, so it is taken in five pages.
    const firstBuilds: Array<{ wallMs: number; cpuMs: number }> = [];
    let page: Page | null = null;
    try {
      for (let i = 0; i < 5; i++) {
        await page?.close();
        const fresh = await firstBuildInFreshPage();
        page = fresh.page;
        firstBuilds.push(fresh);
      }
      // Later builds and keystrokes in the last page show the steady cost.
      const timings = await page!.evaluate(() => {
        const { CatalogIndex, catalog, index } = window as unknown as CatalogIndexPage;
        const timeBuild = () => {
          const started = performance.now();
          CatalogIndex.buildCatalogIndex(CatalogIndex.toCatalogEntries(catalog));
          return performance.now() - started;
        };
        const warmMs = [timeBuild(), timeBuild(), timeBuild()].sort((a, b) => a - b)[1]!;
        // One query per keystroke while typing "invoce" (with a typo), as the palette does.
        const keystrokes = ['i', 'in', 'inv', 'invo', 'invoc', 'invoce'];
        const queryStarted = performance.now();
        let found = 0;
        for (const query of keystrokes) found = CatalogIndex.searchCatalog(index, query, { limit: 12 }).length;
        return { entries: index.entries.length, warmMs, perQueryMs: (performance.now() - queryStarted) / keystrokes.length, found };
      });
      const wall = firstBuilds.map((b) => b.wallMs).sort((a, b) => a - b);
      const cpu = firstBuilds.map((b) => b.cpuMs).sort((a, b) => a - b);
      console.log(
        `catalog index 10k: first build ${wall[2]!.toFixed(1)} ms median of 5 fresh pages (${wall[0]!.toFixed(1)}–${wall[4]!.toFixed(1)} ms; ${cpu[2]!.toFixed(1)} ms of main-thread CPU), ` +
          `${timings.perQueryMs.toFixed(2)} ms per query (budget < 150 ms build, < 5 ms per query; warm rebuild ${timings.warmMs.toFixed(1)} ms)`,
      );
      expect(timings.entries).toBe(10_000);
      expect(timings.found).toBeGreaterThan(0);
    } finally {
      await page?.close();
    }
  });
});
