import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/** Sources posted through the API from the page, with the session's CSRF token, as a script in the browser would. */
async function postSources(page: Page, ws: string, sources: unknown[]) {
  for (const source of sources) await api(page, 'POST', `/workspaces/${ws}/sources`, source);
}

const DANA = { email: 'dana@example.org', name: 'Dana Scully', company: { name: 'Bureau Analytics', segment: 'Enterprise', plan: 'Pro', annualRevenue: 250000 } };
const INTERVIEW = 'Dana: The export is the first thing I do every Monday.\nInterviewer: What happens then?';

describe.skipIf(!browserAvailable)('the inbox and customer profiles', () => {
  const context = useServerAndBrowser();
  let ws = '';
  const rows = () => context.page.getByRole('list', { name: 'Sources' }).getByRole('listitem');

  it('teaches how to get started while the workspace is empty', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\/inbox/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'No evidence yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import files' }).isVisible()).toBe(true);
  });

  it('lists sources created through the API, newest first, with customer and not-triaged marker', async () => {
    const { page } = context;
    await postSources(page, ws, [
      { kind: 'interview', title: 'Onboarding interview', body: INTERVIEW, occurredAt: '2024-05-01T09:00:00Z', customer: DANA, segments: [{ speaker: 'Dana', start: 0, end: INTERVIEW.indexOf('\n'), startMs: 0, endMs: 4000 }] },
      { kind: 'ticket', title: 'Export keeps failing', body: 'The CSV export times out after a minute.', occurredAt: '2024-05-03T10:00:00Z', externalId: 'ZD-1', customer: { email: 'DANA@example.org' } },
      { kind: 'survey_response', title: 'What could we improve?', body: 'Faster search, please.', occurredAt: '2024-05-02T10:00:00Z', customer: { email: 'fox@example.org', name: 'Fox Mulder' } },
    ]);
    await page.reload();
    await rows().first().waitFor();
    const titles = await page.getByRole('list', { name: 'Sources' }).locator('.source-row-title').allTextContents();
    expect(titles).toEqual(['Export keeps failing', 'What could we improve?', 'Onboarding interview']);
    expect(await rows().first().textContent()).toContain('Bureau Analytics · Enterprise');
    expect(await rows().first().textContent()).toContain('not triaged');
  });

  it('filters by kind, keeps the filter in the URL across a reload, and clears it', async () => {
    const { page } = context;
    // Above the list, how many sources match: the filters' count, not the rows loaded so far.
    const total = () => page.locator('.source-list-total').textContent();
    await expect.poll(total).toBe('3 sources');
    await page.getByLabel('Kind').selectOption('ticket');
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(total).toBe('1 source');
    expect(page.url()).toContain('kind=ticket');
    await page.reload();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Export keeps failing');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => rows().count()).toBe(3);

    // A link may combine kinds: the select names them together, and picking one kind replaces them.
    await page.goto(`/w/${ws}/inbox?kind=ticket,survey_response`);
    await expect.poll(() => rows().count()).toBe(2);
    const kind = page.getByLabel('Kind');
    expect(await kind.locator('option:checked').textContent()).toBe('Tickets + Survey answers');
    await kind.selectOption({ label: 'Interviews' });
    await expect.poll(() => rows().count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('interview');
    expect(await kind.locator('option', { hasText: '+' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('moves through the list with j and opens a source with Enter', async () => {
    const { page } = context;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('What could we improve?');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sources/*');
    // The reader starts at its heading, not on <body>.
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H1 What could we improve?');
    // Back, focus is on the row that opened it, and j walks on from there.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('What could we improve?');
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Onboarding interview');
  });

  it('adds a note from the New note dialog', async () => {
    const { page } = context;
    await page.getByRole('button', { name: 'New note' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New note' });
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.locator('.field-error').first().waitFor();
    await dialog.getByLabel('Title').fill('Call with the Bureau');
    await dialog.getByLabel('What the customer said').fill('They would pay more for scheduled exports.');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => rows().count()).toBe(4);
    expect(await rows().first().textContent()).toContain('Call with the Bureau');
  });

  it("opens a customer's profile with their company, counts and sources", async () => {
    const { page } = context;
    await page.getByRole('list', { name: 'Sources' }).getByRole('link', { name: 'Dana Scully' }).first().click();
    await page.waitForURL('**/customers/*');
    await page.getByRole('heading', { level: 1, name: 'Dana Scully' }).waitFor();
    const company = page.getByRole('region', { name: 'Company' });
    expect(await company.textContent()).toContain('Bureau Analytics');
    expect(await company.textContent()).toContain('Enterprise');
    expect(await page.getByRole('region', { name: 'Evidence' }).textContent()).toContain('Interviews1');
    const theirs = page.getByRole('list', { name: 'Sources of this customer' }).locator('.source-row-title');
    await expect.poll(() => theirs.allTextContents()).toEqual(['Export keeps failing', 'Onboarding interview']);
  });

  it('finds customers by company on the Customers page', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Fox Mulder' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('bureau');
    // Her row alone: her name, and her company, which links to its page.
    await expect.poll(() => page.getByRole('table').getByRole('link').allTextContents()).toEqual(['Dana Scully', 'Bureau Analytics']);
    expect(page.url()).toContain('q=bureau');
  });

  it('shows a ticket without a subject once, evidence as linked, and names a customer known by an id alike on every page', async () => {
    const { page } = context;
    const text = 'I was overcharged a pound.';
    const requester = { externalId: '20014182' };
    const untitled = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: text, body: text, occurredAt: '2023-06-06T10:00:00Z', customer: requester });
    const linked = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Charged twice', body: 'I have two of the same charges.', occurredAt: '2023-06-05T10:00:00Z', customer: requester });
    const problem = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: 'Wrong charges' });
    for (const source of [untitled, linked]) {
      const highlight = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources/${source.id}/highlights`, { whole: true });
      if (source === linked) await api(page, 'POST', `/workspaces/${ws}/insights/${problem.id}/evidence`, { highlightIds: [highlight.id] });
    }
    // Dated after the notes the next test adds, before the other tickets: first in the Triage queue, and not the Inbox's last row.
    // Only the ticket linked to a problem is triaged: the Inbox says so, and its filter agrees with the Triage queue.
    await page.goto(`/w/${ws}/inbox?kind=ticket`);
    const row = (title: string) => rows().filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await row(text).waitFor();
    // The subject-less ticket's text once, as its title; no preview line repeating it.
    expect(await row(text).locator('.source-row-preview').count()).toBe(0);
    expect(await row(text).textContent()).toContain('not triaged');
    expect(await row('Charged twice').textContent()).toContain('1 highlight, linked');
    expect(await row('Charged twice').getByRole('link', { name: 'Customer 20014182' }).count()).toBe(1);
    await page.getByLabel('Not triaged yet').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('untriaged')).toBe('true');
    await expect.poll(() => rows().locator('.source-row-title').allTextContents()).toEqual(['Export keeps failing', text]);
    // A link from before the rename opens as the new filter.
    await page.goto(`/w/${ws}/inbox?kind=ticket&untagged=true`);
    await expect.poll(() => rows().locator('.source-row-title').allTextContents()).toEqual(['Export keeps failing', text]);
    expect(await page.getByLabel('Not triaged yet').isChecked()).toBe(true);

    // Triage heads the subject-less ticket by who sent it and when, not by its text again, and names the requester as the Inbox does, never "null".
    await page.goto(`/w/${ws}/triage`);
    const heading = page.locator('.triage-item-header h2');
    await expect.poll(() => heading.textContent()).toBe('Ticket from Customer 20014182 · Jun 6, 2023');

    // On the problem, the quote is followed by a link to its ticket, not by the same sentence again.
    await page.goto(`/w/${ws}/problems/${problem.id}`);
    const quote = page.locator('.evidence-item');
    await quote.first().waitFor();
    expect(await quote.locator('.highlight-source').textContent()).toContain('Charged twice · Ticket · Customer 20014182');
    await api(page, 'POST', `/workspaces/${ws}/insights/${problem.id}/evidence`, { highlightIds: [(await api<{ highlights: Array<{ id: string }> }>(page, 'GET', `/workspaces/${ws}/sources/${untitled.id}`)).highlights[0]!.id] });
    await page.reload();
    const untitledQuote = quote.filter({ hasText: text });
    await untitledQuote.waitFor();
    await untitledQuote.getByRole('link', { name: `Open ticket “${text}”` }).waitFor();
    expect(await untitledQuote.locator('.highlight-source').textContent()).not.toContain(`${text} ·`);
  });

  it('gives focus back to the row that opened the reader on Back, with the list scrolled as it was', async () => {
    const { page } = context;
    const calls = Array.from({ length: 12 }, (_, i) => ({ kind: 'note', title: `Call ${i + 1}`, body: `Notes of call ${i + 1}.`, occurredAt: `2023-01-${10 + i}T10:00:00Z` }));
    await postSources(page, ws, calls);
    // Short enough that the list scrolls.
    await page.setViewportSize({ width: 1280, height: 480 });
    try {
      await page.goto(`/w/${ws}/inbox`);
      const oldest = rows().last().getByRole('link', { name: 'Call 1', exact: true });
      await oldest.focus();
      // Wide screens scroll <main>, narrow ones the document: either way, this far down.
      const scrollTop = () => page.evaluate(() => document.querySelector('main')!.scrollTop + window.scrollY);
      const scrolled = await scrollTop();
      expect(scrolled).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Call 1' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.goBack();
      await expect.poll(() => oldest.evaluate((link) => link === document.activeElement)).toBe(true);
      expect(await scrollTop()).toBe(scrolled);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('filters by dates, says on To that a reversed range is wrong, and Any date clears both at once', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/inbox`);
    const dates = page.getByRole('search', { name: 'Filter sources' }).getByRole('group', { name: 'Date' });
    await dates.getByLabel('From').fill('2024-05-02');
    await dates.getByLabel('To').fill('2024-05-03');
    await expect.poll(() => rows().locator('.source-row-title').allTextContents()).toEqual(['Export keeps failing', 'What could we improve?']);
    const reversedAsked: string[] = [];
    const noteReversed = (request: Request) => {
      if (new URL(request.url()).searchParams.get('from') === '2024-05-04') reversedAsked.push(request.url());
    };
    page.on('request', noteReversed);
    await dates.getByLabel('From').fill('2024-05-04');
    await dates.getByText('The end date comes before the start date').waitFor();
    // Said once, on To: the list is not asked for (its 400 would say it again), and says calmly why it is empty.
    await page.getByText('Nothing is shown while the dates are the wrong way round').waitFor();
    expect(await page.getByText('The end date comes before the start date').count()).toBe(1);
    page.off('request', noteReversed);
    expect(reversedAsked).toEqual([]);
    await dates.getByRole('button', { name: 'Any date' }).click();
    await expect.poll(() => [...new URL(page.url()).searchParams.keys()]).toEqual([]);
    // The focus stays with the dates, on the first of them.
    expect(await dates.getByLabel('From').evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('says a customer filtered to is not in this workspace, and shows every customer’s sources at a click, other filters kept', async () => {
    const { page } = context;
    // A link kept from another workspace, or from before the customer was erased.
    await page.goto(`/w/${ws}/inbox?kind=interview&customerId=00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'The customer filtered to is not in this workspace' }).waitFor();
    await page.getByRole('button', { name: 'Show sources of any customer' }).click();
    await expect.poll(() => rows().locator('.source-row-title').allTextContents()).toEqual(['Onboarding interview']);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'interview' });
  });
});
