import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, selectInReader, useServerAndBrowser } from './harness.js';

/** A real product-design meeting (AMI corpus, CC BY 4.0) as WebVTT with four speakers, from the shared datasets. */
const AMI_VTT = fileURLToPath(new URL('../../shared/datasets/ami-meetings/IS1004b.vtt', import.meta.url));
/** The sample data's interview: two lines about it before the first speaker. */
const SAMPLE_TXT = fileURLToPath(new URL('../server/src/sample/interview-copperleaf-coffee.txt', import.meta.url));
const QUERY = 'remote control';
const SPEAKER = 'Marketing';
const NEW_TAG = 'Market research';

type Segment = { speaker: string; start: number; end: number };
type SourceDetail = { body: string; segments: Segment[]; highlights: Array<{ start: number; end: number; quote: string }> };

/** Every case-insensitive match of `query` inside a turn, as the reader's find should count them. */
function expectedMatches(source: SourceDetail, query: string): number[] {
  const starts: number[] = [];
  for (const segment of source.segments) {
    const text = source.body.slice(segment.start, segment.end).toLowerCase();
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) starts.push(segment.start + at);
  }
  return starts;
}

/** The body offset of the focused turn (or the tag name of whatever else has focus). */
const focusedTurn = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.blockStart ?? document.activeElement?.tagName);

/** Whether the element is inside the window, clear of the sticky find bar. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const barBottom = document.querySelector('.find-bar')?.getBoundingClientRect().bottom ?? 0;
    return rect.top >= barBottom && rect.bottom <= window.innerHeight;
  });

describe.skipIf(!browserAvailable)('reading a transcript: turns by keyboard, find, speakers', () => {
  const context = useServerAndBrowser();
  let ws = '';
  let sourceId = '';
  let source: SourceDetail;

  it('imports a meeting through the Imports page and moves between its turns with the arrow keys, Home, End and pages, the transcript one Tab stop', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: /Interview transcript/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles(AMI_VTT);
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished/ }).waitFor();
    await page.getByRole('link', { name: 'View imported sources' }).click();
    await page.getByRole('link', { name: /IS1004b/ }).first().click();
    await page.waitForURL(/\/sources\/[0-9a-f-]+$/);
    sourceId = /\/sources\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    source = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    expect(source.segments.length).toBeGreaterThan(100);

    // A list a screen reader announces with its length.
    const transcript = page.getByRole('list', { name: `Transcript, ${source.segments.length} turns` });
    await transcript.waitFor();
    const turnStart = (index: number) => String(source.segments.at(index)!.start);
    await transcript.locator('li[data-block-start]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedTurn(page)).toBe(turnStart(2));
    await page.keyboard.press('ArrowUp');
    expect(await focusedTurn(page)).toBe(turnStart(1));
    await page.keyboard.press('End');
    expect(await focusedTurn(page)).toBe(turnStart(-1));
    await expect.poll(() => inView(page, '.reader-turns > li:last-child')).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focusedTurn(page)).toBe(turnStart(-1));
    await page.keyboard.press('Home');
    expect(await focusedTurn(page)).toBe(turnStart(0));
    await page.keyboard.press('PageDown');
    expect(await focusedTurn(page)).toBe(turnStart(10));
    await page.keyboard.press('PageUp');
    expect(await focusedTurn(page)).toBe(turnStart(0));

    // The transcript is one Tab stop, the turn focused last: Shift+Tab goes straight to the control
    // before it, not through the turns before this one, and Tab comes back to this turn.
    await page.keyboard.press('ArrowDown');
    expect(await transcript.locator('[tabindex="0"]').evaluateAll((stops) => stops.map((stop) => (stop as HTMLElement).dataset.blockStart))).toEqual([turnStart(1)]);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Find in text');
    await page.keyboard.press('Tab');
    expect(await focusedTurn(page)).toBe(turnStart(1));

    // The turn reached by arrows is what h tags.
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${source.body.slice(source.segments[1]!.start, source.segments[1]!.end).trim().slice(0, 140)}”`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusedTurn(page)).toBe(turnStart(1));

    // Opened from the import's sources, a list of one: j and k have nowhere to go, and say so.
    await page.keyboard.press('j');
    await page.locator('.toast', { hasText: 'No next source: this is the last one in the list you came from' }).waitFor();
    await page.keyboard.press('k');
    await page.locator('.toast', { hasText: 'No previous source: this is the first one in the list you came from' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/sources/${sourceId}$`));
  });

  it('goes to a turn with ↓ as the reader opens, with no turn focused: the first in view, without moving the page; End the last', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/sources/${sourceId}`);
    const turns = page.locator('.reader-turns > li[data-block-start]');
    await turns.first().waitFor();
    // With nothing selected or focused, h says how to reach a turn.
    await page.keyboard.press('h');
    await page.locator('.toast', { hasText: 'Select a passage first (or press ↓ to move to a turn), then press h' }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focusedTurn(page)).toBe(String(source.segments[0]!.start));
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${source.body.slice(source.segments[0]!.start, source.segments[0]!.end).trim().slice(0, 140)}”`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);

    // Deep in the transcript, focus on nothing: ↓ takes a turn in view, where it is.
    await turns.nth(120).evaluate((turn) => turn.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const scrolled = () => page.evaluate(() => Math.round(document.querySelector('main')!.scrollTop + window.scrollY));
    const place = await scrolled();
    await page.keyboard.press('ArrowDown');
    const reached = await focusedTurn(page);
    expect([await turns.nth(119).getAttribute('data-block-start'), await turns.nth(120).getAttribute('data-block-start')]).toContain(reached);
    expect(await scrolled()).toBe(place);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    expect(await focusedTurn(page)).toBe(String(source.segments.at(-1)!.start));
  });

  it('finds a phrase in the transcript with Ctrl+F, marks every match, steps through them, and leaves the last one selected', async () => {
    const { page } = context;
    const expected = expectedMatches(source, QUERY);
    expect(expected.length).toBeGreaterThan(3);

    await page.keyboard.press('Control+f');
    const box = page.getByRole('textbox', { name: 'Find in the source' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    // Typed in capitals: case does not matter.
    await box.pressSequentially(QUERY.toUpperCase());
    const status = page.getByRole('search', { name: 'Find in the source' }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`1 of ${expected.length}`);
    const marks = page.locator('.reader-text mark.find-match');
    expect((await marks.evaluateAll((elements) => elements.map((element) => Number((element as HTMLElement).dataset.start)))).sort((a, b) => a - b)).toEqual(expected);
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe(QUERY);

    // The turn focused when find opened was the second: the first match after it is current.
    const current = page.locator('.reader-text mark.find-current');
    const first = expected.findIndex((start) => start >= source.segments[1]!.start);
    expect(Number(await current.getAttribute('data-start'))).toBe(expected[first]);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe(`${first + 2} of ${expected.length}`);
    expect(Number(await current.getAttribute('data-start'))).toBe(expected[first + 1]);
    await expect.poll(() => inView(page, '.reader-text mark.find-current')).toBe(true);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => status.textContent()).toBe(`${first + 1} of ${expected.length}`);
    await page.keyboard.press('F3');
    await page.keyboard.press('F3');
    await expect.poll(() => status.textContent()).toBe(`${first + 3} of ${expected.length}`);
    const stepped = expected[first + 2]!;
    expect(Number(await current.getAttribute('data-start'))).toBe(stepped);

    // Ctrl+F again in the box is left to the browser's own find.
    const handled = await box.evaluate((element) => !element.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true })));
    expect(handled).toBe(false);

    // Escape closes the bar and its marks; the match stepped to is selected in its focused turn, for h.
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    expect(await marks.count()).toBe(0);
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(source.body.slice(stepped, stepped + QUERY.length));
    const turn = source.segments.find((segment) => stepped >= segment.start && stepped < segment.end)!;
    expect(await focusedTurn(page)).toBe(String(turn.start));
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${source.body.slice(stepped, stepped + QUERY.length)}”`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
  });

  it('shows one speaker’s turns, collapses the others, and highlights a passage of a shown turn at its offsets', async () => {
    const { page } = context;
    const theirs = source.segments.filter((segment) => segment.speaker === SPEAKER);
    const speakers = page.getByRole('group', { name: 'Speakers' });
    await speakers.getByRole('button', { name: `Everyone ${source.segments.length} turns` }).waitFor();
    const chip = speakers.getByRole('button', { name: `${SPEAKER} ${theirs.length} turns` });
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(`Showing ${theirs.length} of ${source.segments.length} turns`).waitFor();
    const turns = page.locator('.reader-text li.turn');
    await expect.poll(() => turns.count()).toBe(theirs.length);
    expect(new Set(await turns.locator('.turn-speaker').allTextContents())).toEqual(new Set([SPEAKER]));
    const hiddenLines = page.getByRole('button', { name: /^\d+ turns? hidden$/ });
    expect(await hiddenLines.count()).toBeGreaterThan(10);

    // Arrows go through the collapsed lines too; one opens to show its turns, set apart.
    await turns.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    const opened = Number(/^(\d+)/.exec((await page.evaluate(() => document.activeElement!.textContent))!)![1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-text li.turn-revealed').count()).toBe(opened);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');

    // Find counts what is shown, and says how much more the filter hides.
    await page.keyboard.press('Control+f');
    const box = page.getByRole('textbox', { name: 'Find in the source' });
    await box.fill(QUERY);
    const status = page.getByRole('search', { name: 'Find in the source' }).getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/ more in hidden turns$/);
    await box.press('Escape');
    // The match stays selected; opening another line of hidden turns with the mouse does not take it for a passage to tag.
    expect(await page.evaluate(() => window.getSelection()!.toString().toLowerCase())).toBe(QUERY);
    const line = hiddenLines.first();
    const lineName = (await line.textContent())!;
    await line.click();
    await page.getByRole('button', { name: lineName.replace(/^(\d+) (turns?) hidden$/, 'Hide $1 $2 by other speakers') }).first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Tag the selection' }).count()).toBe(0);

    // A passage in the middle of a long turn of theirs, highlighted by selection: its offsets are the body's.
    const long = theirs.find((segment) => segment.end - segment.start > 120 && segment.start > theirs[0]!.end)!;
    const turnText = source.body.slice(long.start, long.end);
    const passage = turnText.slice(40, 80).trim();
    expect(source.body.indexOf(passage)).toBe(source.body.lastIndexOf(passage));
    await selectInReader(page, passage);
    await page.keyboard.press('h');
    const picker = page.getByRole('combobox', { name: 'Tag' });
    await picker.pressSequentially(NEW_TAG);
    await page.getByRole('option', { name: `Create tag “${NEW_TAG}”` }).waitFor();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByText(`“${passage}”`).waitFor();
    const saved = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    const highlight = saved.highlights.find((item) => item.quote === passage)!;
    expect(highlight.start).toBe(source.body.indexOf(passage));
    expect(highlight.end).toBe(highlight.start + passage.length);

    // Filtered to someone else, the highlight's turn is hidden; choosing it in the panel brings it out.
    await speakers.getByRole('button', { name: /^Project Manager \d+ turns$/ }).click();
    await speakers.getByRole('button', { name: `${SPEAKER} ${theirs.length} turns` }).click();
    await expect.poll(() => page.locator(`.reader-text mark[data-start="${highlight.start}"]`).count()).toBe(0);
    await panel.getByRole('button', { name: `Show in the text: ${passage}` }).click();
    await expect.poll(() => inView(page, `.reader-text mark[data-start="${highlight.start}"]`)).toBe(true);
    expect(await page.locator(`.reader-text mark[data-start="${highlight.start}"]`).evaluate((mark) => mark.closest('li')!.classList.contains('turn-revealed'))).toBe(true);
  });

  it('stops a mouse selection over a line of hidden turns before them, so that only text shown is highlighted', async () => {
    const { page } = context;
    // Afresh: everyone's turns, no line opened.
    await page.goto(`/w/${ws}/sources/${sourceId}`);
    const speakers = page.getByRole('group', { name: 'Speakers' });
    const theirs = source.segments.filter((segment) => segment.speaker === SPEAKER);
    await speakers.getByRole('button', { name: `${SPEAKER} ${theirs.length} turns` }).click();
    await expect.poll(() => page.locator('.reader-text li.turn').count()).toBe(theirs.length);

    // Two turns of theirs with others' turns folded between them, the first long enough to start inside it.
    const index = theirs.findIndex((turn, at) => {
      const next = theirs[at + 1];
      return next && turn.end - turn.start > 60 && source.segments.indexOf(next) - source.segments.indexOf(turn) > 1;
    });
    const [before, after] = [theirs[index]!, theirs[index + 1]!];
    const hiddenFrom = source.segments[source.segments.indexOf(before) + 1]!.start;
    const from = before.start + (/\S/.exec(source.body.slice(before.start + 20))!.index + 20);
    const to = after.start + Math.min(15, after.end - after.start - 1);

    // Dragged with the mouse from inside the first turn to inside the second, across the fold.
    const pointAt = (offset: number) =>
      page.evaluate((offset) => {
        const run = Array.from(document.querySelectorAll<HTMLElement>('.reader-text [data-start]')).find((element) => Number(element.dataset.start) <= offset && offset < Number(element.dataset.end))!;
        const range = document.createRange();
        range.setStart(run.firstChild!, offset - Number(run.dataset.start));
        range.setEnd(run.firstChild!, offset - Number(run.dataset.start) + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }, offset);
    await page.locator(`.reader-text li[data-block-start="${before.start}"]`).evaluate((turn) => turn.scrollIntoView({ block: 'center' }));
    const drag = async (fromOffset: number) => {
      const start = await pointAt(fromOffset);
      const end = await pointAt(to);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(end.x, end.y, { steps: 8 });
      await page.mouse.up();
    };
    await drag(from);

    // The popover offers the part before the fold, and says why; that part alone is drawn as the passage to tag.
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.waitFor();
    const seen = source.body.slice(from, hiddenFrom).trim();
    expect(seen.length).toBeGreaterThan(20);
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${seen.slice(0, 140)}”`);
    expect(await popover.locator('.popover-note').textContent()).toMatch(/stops before the hidden turns/);
    expect((await page.locator('.reader-text mark.hl-pending').allTextContents()).join('')).toBe(seen);
    await popover.getByRole('combobox', { name: 'Tag' }).pressSequentially(NEW_TAG);
    await popover.getByRole('option', { name: new RegExp(`^${NEW_TAG}`) }).click();
    await page.getByRole('complementary', { name: 'Highlights in this source' }).getByText(`“${seen}”`).waitFor();
    const saved = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    expect(saved.highlights.filter((highlight) => highlight.start === from).map(({ end, quote }) => ({ end, quote }))).toEqual([{ end: from + seen.length, quote: seen }]);

    // Moving that highlight to a longer passage dragged across the fold again: the editor takes it up to the fold, says so, and selects what it took.
    const panel = page.getByRole('complementary', { name: 'Highlights in this source' });
    await panel.getByRole('listitem').filter({ hasText: seen }).getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = panel.getByRole('form', { name: 'Edit highlight' });
    const wider = before.start + /\S/.exec(source.body.slice(before.start))!.index;
    const widerSeen = source.body.slice(wider, hiddenFrom).trim();
    await drag(wider);
    await editor.getByRole('button', { name: 'Use selected text' }).click();
    const status = editor.getByRole('status');
    await status.getByText(`Moves to “${widerSeen.slice(0, 140)}”`).waitFor();
    expect(await status.locator('.popover-note').textContent()).toMatch(/stops before the hidden turns/);
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(widerSeen);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    const moved = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${sourceId}`);
    expect(moved.highlights.filter((highlight) => highlight.start === wider).map(({ end, quote }) => ({ end, quote }))).toEqual([{ end: wider + widerSeen.length, quote: widerSeen }]);
  });

  it('refuses to highlight a turn by the interviewer, selected or focused, saying whose words they are, and sends nothing', async () => {
    const { page } = context;
    const turns = [
      { speaker: 'Maya Okafor', text: 'How do you export your reports today?', interviewer: true },
      { speaker: 'Maria Lopez', text: 'By hand, every Friday, and it takes an hour.' },
    ];
    const body = turns.map((turn) => turn.text).join('\n\n');
    const segments = turns.map(({ text, ...turn }) => ({ ...turn, start: body.indexOf(text), end: body.indexOf(text) + text.length }));
    const interview = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'interview', title: 'Exports with Maria', body, segments });
    await page.goto(`/w/${ws}/sources/${interview.id}`);
    await page.getByRole('heading', { level: 1, name: 'Exports with Maria' }).waitFor();
    const refusal = page.locator('.toast', { hasText: 'Only the customer’s own words can be highlighted; this passage is all the interviewer’s (Maya Okafor)' });
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });

    await selectInReader(page, 'export your reports');
    await page.keyboard.press('h');
    await refusal.waitFor();
    expect(await popover.count()).toBe(0);
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => refusal.count()).toBe(0);

    // The interviewer's turn reached by Tab or the arrows, with nothing selected, is refused too.
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    await page.locator('.reader-text li[data-block-start="0"]').focus();
    await page.keyboard.press('h');
    await refusal.waitFor();
    expect(await popover.count()).toBe(0);
    expect((await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${interview.id}`)).highlights).toEqual([]);

    // The customer's answer, next, is theirs to tag.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('h');
    await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${turns[1]!.text}”`);
    await page.keyboard.press('Escape');
  });

  it('shows the text before the first speaker: a search result lands there, find finds it, ↓ goes to it and h highlights it', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/imports`);
    await page.getByRole('radio', { name: /Interview transcript/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles(SAMPLE_TXT);
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished/ }).waitFor();
    await page.getByRole('link', { name: 'View imported sources' }).click();
    await page.getByRole('link', { name: /copperleaf/ }).first().click();
    await page.waitForURL(/\/sources\/[0-9a-f-]+$/);
    const id = /\/sources\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    const sample = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${id}`);
    const lead = sample.body.slice(0, sample.segments[0]!.start).trim();
    expect(lead).toMatch(/^Copperleaf Coffee Roasters — customer interview\nResearch round .+ at the roastery\.$/);

    // Search finds its words; the result opens the reader on them, marked and in view.
    await page.goto(`/w/${ws}/search?q=roastery&type=source`);
    await page.getByRole('link', { name: /copperleaf/ }).click();
    await page.waitForURL(/#at-\d+-\d+$/);
    const marked = page.locator('.reader-text mark.search-passage');
    await expect.poll(() => marked.allTextContents()).toEqual(['roastery']);
    await expect.poll(() => inView(page, '.reader-text mark.search-passage')).toBe(true);
    // A block of its own, before the first turn, with no speaker.
    const block = page.locator('.reader-turns > li[data-block-start]').first();
    expect(await block.getAttribute('data-block-start')).toBe('0');
    expect(await block.textContent()).toBe(lead);

    // ↓ goes to it as to a turn; find starts there and finds its words.
    await page.keyboard.press('ArrowDown');
    expect(await focusedTurn(page)).toBe('0');
    await page.keyboard.press('Control+f');
    const box = page.getByRole('textbox', { name: 'Find in the source' });
    await box.fill('roastery');
    await expect.poll(() => page.getByRole('search', { name: 'Find in the source' }).getByRole('status').textContent()).toBe('1 of 1');
    await box.press('Escape');
    expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('roastery');
    expect(await focusedTurn(page)).toBe('0');

    // h tags it whole, as a turn, once nothing is selected.
    await page.evaluate(() => window.getSelection()!.removeAllRanges());
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.getByRole('combobox', { name: 'Tag' }).pressSequentially(NEW_TAG);
    await popover.getByRole('option', { name: new RegExp(`^${NEW_TAG}`) }).click();
    await page.getByRole('complementary', { name: 'Highlights in this source' }).getByText(`“${lead}”`).waitFor();
    const tagged = await api<SourceDetail>(page, 'GET', `/workspaces/${ws}/sources/${id}`);
    expect(tagged.highlights.map(({ start, end }) => ({ start, end }))).toEqual([{ start: 0, end: lead.length }]);
    // Drawn in runs (the search passage still cuts it), every one of them the highlight's.
    await expect.poll(async () => (await block.locator('mark.hl').allTextContents()).join('')).toBe(lead);
  });

  it('leaves Ctrl+F to the browser on other pages', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/inbox`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const handled = await page.evaluate(() => !document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true })));
    expect(handled).toBe(false);
  });
});

describe.skipIf(!browserAvailable)('finding in a ticket: the customer’s words, the replies, a search result’s passage', () => {
  const context = useServerAndBrowser();
  const BODY = 'The export spinner never stops. I waited an hour; the spinner was still there.';
  const REPLIES = [
    { text: 'Sorry about that. Does the spinner show for every export?', author: 'Ann (support)', at: '2026-03-02T10:00:00Z' },
    { text: 'A fix for the spinner ships on Monday. Until then, export a month at a time: no spinner.', author: 'Ann (support)', at: '2026-03-03T09:00:00Z' },
  ];

  let ws = '';

  it('counts and steps through matches in the replies too, in reading order, with the passage a search result opened still marked', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const ticket = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Export spinner', body: BODY, metadata: { replies: REPLIES } });
    const passage = 'export spinner never stops';
    const at = BODY.indexOf(passage);
    await page.goto(`/w/${ws}/sources/${ticket.id}#at-${at}-${at + passage.length}`);
    await page.getByRole('heading', { level: 1, name: 'Export spinner' }).waitFor();
    const passageMarks = page.locator('.reader-text mark.search-passage');
    await expect.poll(async () => (await passageMarks.allTextContents()).join('')).toBe(passage);

    await page.keyboard.press('Control+f');
    const box = page.getByRole('textbox', { name: 'Find in the source' });
    await box.fill('Spinner');
    const status = page.getByRole('search', { name: 'Find in the source' }).getByRole('status');
    // Two in the customer's message, one in the first reply, two in the second.
    await expect.poll(() => status.textContent()).toBe('1 of 5');
    const where = () =>
      page.locator('.reader-text mark.find-current').evaluate((mark) => `${mark.closest<HTMLElement>('[data-context]')?.dataset.context ?? 'body'} ${mark.textContent}`);
    expect(await where()).toBe('body spinner');
    const marks = page.locator('.reader-text mark.find-match');
    expect(await marks.count()).toBe(5);
    expect(await page.locator('.reader-text [data-context] mark.find-match').count()).toBe(3);
    // Replies' runs are no part of the body: nothing there maps to a highlight's offsets.
    expect(await page.locator('.reader-text [data-context] [data-start]').count()).toBe(0);

    // The match inside the passage keeps the passage's tint, drawn as a ring over it.
    await expect.poll(async () => (await passageMarks.allTextContents()).join('')).toBe(passage);
    const both = page.locator('.reader-text mark.search-passage.find-match');
    const look = () => both.evaluate((mark) => ({ background: getComputedStyle(mark).backgroundColor, outline: getComputedStyle(mark).outlineStyle, line: getComputedStyle(mark).borderBottomStyle }));
    const plainPassage = await passageMarks.first().evaluate((mark) => getComputedStyle(mark).backgroundColor);
    expect(await look()).toMatchObject({ background: plainPassage, outline: 'solid' });
    // In forced colours both stay told apart: the match by its outline, the passage by a line under it.
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await look()).toMatchObject({ outline: 'solid', line: 'double' });
    await page.emulateMedia({ forcedColors: 'none' });

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('3 of 5');
    expect(await where()).toBe('reply-0 spinner');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await where()).toBe('reply-1 spinner');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('1 of 5');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => status.textContent()).toBe('5 of 5');

    // Closing leaves the match in the reply selected, as a browser's find does; h says why it cannot be tagged.
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    expect(await page.evaluate(() => `${window.getSelection()!.anchorNode?.parentElement?.closest<HTMLElement>('[data-context]')?.dataset.context} ${window.getSelection()}`)).toBe('reply-1 spinner');
    await page.keyboard.press('h');
    await page.getByText('Only the customer’s own words can be highlighted; this selection is in a reply.').waitFor();
    expect(await page.getByRole('dialog', { name: 'Tag the selection' }).count()).toBe(0);

    // Words selected in a reply open find with them, as words selected in the customer's message do, from that reply on.
    await selectInReader(page, 'export', '[data-context="reply-1"]');
    await page.keyboard.press('Control+f');
    await expect.poll(() => box.inputValue()).toBe('export');
    // One in the customer's message, one in each reply.
    await expect.poll(() => status.textContent()).toBe('3 of 3');
    expect(await where()).toBe('reply-1 export');
  });

  it('goes to the customer’s message with ↓ for h to tag, and names it in the hints, a hint asked for twice shown once', async () => {
    const { page } = context;
    const body = 'Which countries are supported? We open in Portugal next month.';
    const ticket = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Which countries are supported', body });
    await page.goto(`/w/${ws}/sources/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: 'Which countries are supported' }).waitFor();
    // A ticket has no turns: the panel names what ↓ reaches, and says a selection opens the tag box by itself.
    await page
      .getByRole('complementary', { name: 'Highlights in this source' })
      .getByText('Select a passage and the tag box opens. Or press ↓ to move to the customer’s message, then h to tag it')
      .waitFor();

    const hint = page.locator('.toast', { hasText: 'Select a passage first (or press ↓ to move to the customer’s message), then press h' });
    await page.keyboard.press('h');
    const first = await hint.locator('[id]').getAttribute('id');
    await page.keyboard.press('h');
    // The newer toast takes the older one's place rather than stacking on it.
    await expect.poll(() => hint.locator('[id]').getAttribute('id')).not.toBe(first);
    expect(await hint.count()).toBe(1);

    await page.keyboard.press('ArrowDown');
    expect(await focusedTurn(page)).toBe('0');
    await page.keyboard.press('h');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.getByRole('combobox', { name: 'Tag' }).waitFor();
    expect(await popover.locator('.popover-quote').textContent()).toBe(`“${body}”`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusedTurn(page)).toBe('0');
  });
});
