import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

const EVIDENCE = [
  { kind: 'ticket', title: 'Export keeps failing', body: 'The CSV export fails every time I pick more than a year of data.' },
  { kind: 'ticket', title: 'Export is slow', body: 'Exporting the quarterly report takes ten minutes; the export spinner never stops.' },
  { kind: 'ticket', title: 'Login trouble', body: 'I cannot sign in with my work account since Monday.' },
  { kind: 'survey_response', title: 'What should we improve?', body: 'Please make the export to Excel keep our column order.' },
];
const TAG = 'Export pain';

describe.skipIf(!browserAvailable)('searching evidence', () => {
  const context = useServerAndBrowser();

  it('searches from the top bar, filters by kind, and tags two results in bulk', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const source of EVIDENCE) await api(page, 'POST', `/workspaces/${ws}/sources`, source);
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: TAG });

    // The top bar searches what customers said; it lands on the Search page with the query.
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search evidence' }).fill('export');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=export');
    const results = page.locator('.search-result');
    await expect.poll(() => results.count()).toBe(3);
    await expect.poll(() => page.locator('.search-result mark').first().textContent()).toMatch(/^export/i);

    // The kind facet narrows to tickets and says how many there are.
    await page.getByRole('checkbox', { name: /^Tickets\s*2$/ }).click();
    await page.waitForURL('**/search?q=export&kind=ticket');
    await expect.poll(() => results.count()).toBe(2);
    // Kinds combine: ticking survey answers beside tickets shows either; unticking it, tickets again.
    const surveys = page.getByRole('checkbox', { name: /^Survey answers\s*1$/ });
    await surveys.click();
    await page.waitForURL('**/search?q=export&kind=survey_response&kind=ticket');
    await expect.poll(() => results.count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: /^Tickets\s*2$/ }).isChecked()).toBe(true);
    await surveys.click();
    await page.waitForURL('**/search?q=export&kind=ticket');
    await expect.poll(() => results.count()).toBe(2);

    // Select both, tag them in one go (the tag found by a word of its name, as in the reader); the tags show on the results.
    await page.getByRole('checkbox', { name: 'Select the ticket “Export keeps failing”' }).click();
    await page.getByRole('checkbox', { name: 'Select the ticket “Export is slow”' }).click({ modifiers: ['Shift'] });
    await page.getByText('2 selected').waitFor();
    const picker = page.getByRole('combobox', { name: 'Tag selected' });
    await picker.fill('pain');
    await page.getByRole('option', { name: TAG, selected: true }).waitFor();
    await picker.press('Enter');
    await page.getByText('Tagged 2 results').waitFor();
    // Each ticket now carries the tag, through a new whole-ticket highlight that is found too:
    // the same text, listed once, as the highlight, and counted once.
    const tagged = page.locator('.search-result', { has: page.locator('.tag-chip', { hasText: TAG }) });
    await expect.poll(() => tagged.locator('.search-type', { hasText: 'Highlight' }).count()).toBe(2);
    expect(await results.count()).toBe(2);
    expect(await tagged.getByText('the whole ticket').count()).toBe(2);
    await expect.poll(() => page.locator('.search-count').textContent()).toBe('2 results');
    // One write and one audit event for the whole selection, not one per ticket.
    const audit = await api<{ items: Array<{ summary: string }> }>(page, 'GET', `/workspaces/${ws}/audit?action=highlight.create_many`);
    expect(audit.items.map((event) => event.summary)).toEqual([`Highlighted 2 passages in 2 sources, tagged “${TAG}”`]);
    // A ticket and its highlight share a title; their checkboxes are still told apart, by kind and text.
    await page.goto(`/w/${ws}/search?q=export&kind=ticket&type=source`);
    await page.getByRole('checkbox', { name: `Select the ticket “Export keeps failing”: ${EVIDENCE[0]!.body.slice(0, 60)}` }).waitFor();
    await page.goto(`/w/${ws}/search?q=export&kind=ticket&type=highlight`);
    await page.getByRole('checkbox', { name: `Select the highlight in “Export keeps failing”: ${EVIDENCE[0]!.body.slice(0, 60)}` }).waitFor();
    // Searched alone, a ticket says it is highlighted as a whole.
    await page.goto(`/w/${ws}/search?q=export&kind=ticket&type=source`);
    await expect.poll(() => page.locator('.search-result').getByText('highlighted as a whole').count()).toBe(2);
  });

  it('suggests the right word for a typo and saves a search to the sidebar', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=exprot`);
    await page.getByText('Including results for').waitFor();
    expect(await page.locator('.search-correction a').textContent()).toBe('export');

    await page.getByRole('button', { name: 'Save search' }).click();
    await page.getByLabel('Name').fill('Export complaints');
    await page.getByRole('dialog').getByRole('button', { name: 'Save search' }).click();
    await page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Export complaints' }).waitFor();
  });

  it('opens a source result at its match, marked in the text', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=spinner&type=source`);
    // ↓ from the query box reaches the results.
    await page.getByRole('link', { name: 'Export is slow' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search query' }).press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-result'))).toBe(true);
    await page.getByRole('link', { name: 'Export is slow' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export is slow' }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#at-\d+-\d+$/);
    // The passage is marked in the text, drawn in runs like a highlight.
    await expect.poll(() => page.locator('.reader-text mark.search-passage').allTextContents()).toEqual(['spinner']);
    // The reader starts at its heading; Back, focus is on the result that opened it, not in the query box.
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H1 Export is slow');
    await page.goBack();
    const result = page.getByRole('link', { name: 'Export is slow' });
    await expect.poll(() => result.evaluate((link) => link === document.activeElement)).toBe(true);
  });

  it('links two selected results to a new problem, which then shows them as its evidence', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=export&type=source`);
    await expect.poll(() => page.locator('.search-result').count()).toBe(3);
    await page.getByRole('checkbox', { name: 'Select the ticket “Export keeps failing”' }).click();
    await page.getByRole('checkbox', { name: 'Select the survey answer “What should we improve?”' }).click();
    await page.getByText('2 selected').waitFor();
    // Escape closes the dialog and gives focus back to the button that opened it.
    const linkButton = page.getByRole('button', { name: 'Link to problem or backlog…' });
    await linkButton.click();
    const dialog = page.getByRole('dialog', { name: 'Link to a problem or backlog item' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => linkButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await linkButton.click();
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('Exports lose data');
    await dialog.getByRole('option', { name: /Create a new problem named “Exports lose data”/ }).click();
    await page.getByText('Linked 2 highlights to “Exports lose data”').waitFor();
    // Sources are linked through a highlight each: the whole ticket, the whole answer.
    const problems = await api<{ items: Array<{ title: string; evidenceCount: number }> }>(page, 'GET', `/workspaces/${ws}/insights`);
    expect(problems.items).toMatchObject([{ title: 'Exports lose data', evidenceCount: 2 }]);
    // The ticket was tagged (as a whole) above: that highlight is linked, not quoted a second time.
    const tickets = await api<{ items: Array<{ quote: string }> }>(page, 'GET', `/workspaces/${ws}/highlights?sourceKind=ticket`);
    expect(tickets.items.filter((item) => item.quote.startsWith('The CSV export fails'))).toHaveLength(1);
    await page.getByRole('status').getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exports lose data' }).waitFor();
    await page.getByText('Please make the export to Excel keep our column order.').waitFor();
  });

  it('tags results selected with x by t, the tag’s name typed with a typo and Enter, and Undo takes the tag off only where it was added', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=export&type=source`);
    const titles = page.locator('.search-result-title');
    await expect.poll(() => titles.count()).toBe(3);
    // The failing-export ticket's highlight carries the tag (tagged above); the survey answer's (made when it was linked above) does not.
    const chosen = ['Export keeps failing', 'What should we improve?'];
    const order = await titles.allTextContents();
    await page.getByRole('searchbox', { name: 'Search query' }).press('ArrowDown');
    for (const [index, title] of order.entries()) {
      if (chosen.includes(title)) await page.keyboard.press('x');
      if (index < order.length - 1) await page.keyboard.press('j');
    }
    await page.getByText('2 selected').waitFor();
    await page.keyboard.press('t');
    const picker = page.getByRole('combobox', { name: 'Tag selected' });
    await expect.poll(() => picker.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('exprot');
    await page.getByRole('option', { name: TAG, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Tagged 2 results with “${TAG}”`).waitFor();
    // Focus is back on the result t was pressed on, for j, k and x again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('search-result'))).toBe(true);

    const tagsOf = async (kind: string, quoteStart: string) => {
      const { items } = await api<{ items: Array<{ quote: string; tags: Array<{ name: string }> }> }>(page, 'GET', `/workspaces/${ws}/highlights?sourceKind=${kind}`);
      return items.filter((item) => item.quote.startsWith(quoteStart)).map((item) => item.tags.map((tag) => tag.name));
    };
    expect(await tagsOf('survey_response', 'Please make the export')).toEqual([[TAG]]);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`Took “${TAG}” off 1 highlight`).waitFor();
    expect(await tagsOf('survey_response', 'Please make the export')).toEqual([[]]);
    expect(await tagsOf('ticket', 'The CSV export fails')).toEqual([[TAG]]);
  });

  it('walks the search results in their order with j and k in the reader', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=export&type=source`);
    const titles = page.locator('.search-result-title');
    await expect.poll(() => titles.count()).toBe(3);
    const order = await titles.allTextContents();
    // Not the Inbox's order (newest first, with the login ticket between them).
    await titles.first().click();
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    await expect.poll(heading).toBe(order[0]);
    await page.keyboard.press('j');
    await expect.poll(heading).toBe(order[1]);
    await page.keyboard.press('j');
    await expect.poll(heading).toBe(order[2]);
    await expect.poll(() => page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(heading).toBe(order[1]);
  });

  it('replaces an estimated total by the exact count once it is counted', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    // More matches than the first window holds (100), so the page's total is an estimate.
    const tickets = Array.from({ length: 120 }, (_, i) => ({ kind: 'ticket', title: `Refund ${i + 1}`, body: `Please refund order ${i + 1}, it arrived broken.` }));
    for (let i = 0; i < tickets.length; i += 20) await Promise.all(tickets.slice(i, i + 20).map((ticket) => api(page, 'POST', `/workspaces/${ws}/sources`, ticket)));
    // The count waits until the estimate has been seen.
    let answerCount = () => {};
    const counted = new Promise<void>((resolve) => (answerCount = resolve));
    const countRequest = /\/api\/workspaces\/[^/]+\/search\/count\?/;
    await page.route(countRequest, async (route) => {
      await counted;
      await route.continue();
    });
    await page.goto(`/w/${ws}/search?q=refund`);
    const total = page.locator('.search-count');
    await expect.poll(() => total.textContent()).toMatch(/^About [\d,]+ results · counting…$/);
    expect(await total.getAttribute('role')).toBe('status');
    // The facets are the first window's meanwhile, marked "~" (read "about"); the count's take their place.
    const approximate = page.getByRole('checkbox', { name: /^Tickets\s*about 100$/ });
    await approximate.waitFor();
    const note = page.locator('.facet-note');
    expect(await note.textContent()).toBe('~ Counted on the first 100 matches only; counting them all…');
    const place = await approximate.boundingBox();
    answerCount();
    await expect.poll(() => total.textContent()).toBe('120 results');
    const exact = page.getByRole('checkbox', { name: /^Tickets\s*120$/ });
    await exact.waitFor();
    expect(await note.textContent()).toBe('Counted on every match.');
    expect(await exact.boundingBox()).toEqual(place);
    await page.unroute(countRequest);

    // A kind filter that leaves nothing keeps its box ticked, at 0, to clear it with.
    await page.goto(`/w/${ws}/search?q=refund&kind=note`);
    await page.getByRole('checkbox', { name: /^Notes\s*0$/, checked: true }).click();
    await page.waitForURL('**/search?q=refund');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
  });

  it('says once that a query of common words only cannot be searched', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/search?q=cant`);
    const message = page.getByText('Those words are too common to search for');
    await message.first().waitFor();
    expect(await message.count()).toBe(1);
  });

  it('marks a saved search as the page only where its query and filters show, and gives its whole name the room it needs', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const searchLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' });
    const saved = page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Export complaints' });
    // The search it saved (above), sorted or not: it is the page, within Search.
    for (const query of ['q=exprot', 'q=exprot&sort=newest']) {
      await page.goto(`/w/${ws}/search?${query}`);
      await expect.poll(() => saved.getAttribute('aria-current')).toBe('page');
      expect(await saved.getAttribute('class')).toMatch(/\bactive\b/);
      expect(await searchLink.getAttribute('aria-current')).toBe('page');
    }
    // Another query, or the same one with a filter more: Search is the page, the saved search is not.
    for (const query of ['q=export', 'q=exprot&kind=ticket']) {
      await page.goto(`/w/${ws}/search?${query}`);
      await expect.poll(() => searchLink.getAttribute('aria-current')).toBe('page');
      expect(await saved.getAttribute('aria-current')).toBeNull();
      expect(await saved.getAttribute('class')).not.toMatch(/\bactive\b/);
    }

    // A long name beside new matches wraps, whole, beside a short count.
    const name = 'Invoice complaints from enterprise customers';
    await api(page, 'POST', `/workspaces/${ws}/saved-searches`, { name, query: 'invoice', filters: { kind: 'ticket' } });
    for (const title of ['Invoice is wrong', 'Invoice never came']) await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title, body: `${title}.` });
    await page.goto(`/w/${ws}/inbox`);
    const invoices = page.getByRole('link', { name: `${name} 2 new matches` });
    await invoices.waitFor();
    // The count alone shows; its words are for screen readers.
    const shownCount = (badge: HTMLElement) => Array.from(badge.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();
    expect(await invoices.locator('.saved-search-new').evaluate(shownCount)).toBe('2');
    const shown = await invoices.locator('.saved-search-name').evaluate((element) => ({ text: element.textContent, clipped: element.scrollWidth > element.clientWidth }));
    expect(shown).toEqual({ text: name, clipped: false });
  });
});
