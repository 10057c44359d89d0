import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SOURCES_TAGGED_WHOLE_MAX } from '@cairn/shared';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

// A helpdesk export whose tags column spells "billing" three ways: one helpdesk tag to the queue.
const TICKETS_CSV = [
  'id,subject,description,created_at,tags',
  'T1,Refund missing,My refund never arrived after two weeks.,2024-01-01,"billing, refunds"',
  'T2,Invoice wrong,The invoice shows the wrong VAT number.,2024-01-02,Billing',
  'T3,Cannot log in,The login link in the email has expired.,2024-01-03,login',
  'T4,Charged twice,I was charged twice for the same month.,2024-01-04,BILLING;vip',
  'T5,Export slow,Exporting a year of data takes minutes.,2024-01-05,',
].join('\n');

type SourceList = { items: Array<{ id: string; title: string }> };
type SourceWithHighlights = { body: string; highlights: Array<{ start: number; end: number; tags: Array<{ name: string }> }> };

/** Tag all with "Billing" from the dialog, confirmed; `whileRunning` acts before the dialog is awaited gone. */
async function tagAllWithBilling(page: Page, tickets: string, expectedIntro: string, whileRunning?: () => Promise<void>) {
  await page.getByRole('button', { name: `Tag all ${tickets}…` }).click();
  const dialog = page.getByRole('dialog', { name: `Tag all ${tickets}` });
  await dialog.getByText(expectedIntro).waitFor();
  const confirm = dialog.getByRole('button', { name: `Highlight and tag ${tickets}` });
  expect(await confirm.isDisabled()).toBe(true);
  // The tag picker has the focus: type, Enter picks the tag.
  await page.keyboard.type('bill');
  await dialog.getByRole('option', { name: /Billing/ }).waitFor();
  await page.keyboard.press('Enter');
  await dialog.getByRole('list', { name: 'Tags' }).getByText('Billing').waitFor();
  await confirm.click();
  await whileRunning?.();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!browserAvailable)('tagging a helpdesk tag’s tickets all at once from the triage queue', () => {
  const context = useServerAndBrowser();

  it('filters the queue by a helpdesk tag from an imported CSV and by dates, tags all of its tickets whole, undoes that, and the queue count follows', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Billing' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: /Tickets \(CSV\)/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'helpdesk-export.csv', mimeType: 'text/csv', buffer: Buffer.from(TICKETS_CSV) });
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: helpdesk-export\.csv/ }).waitFor();

    await page.goto(`/w/${ws}/triage`);
    await page.getByRole('article', { name: 'Refund missing' }).waitFor();
    await page.getByText('5 left').waitFor();

    // One helpdesk tag whatever its case, named by its first spelling, with the tickets that wait.
    const helpdeskTag = page.getByLabel('Helpdesk tag');
    const options = () => helpdeskTag.locator('option').allTextContents();
    const focused = (locator: typeof helpdeskTag) => locator.evaluate((element) => element === document.activeElement);
    await expect.poll(options).toEqual(['Any', 'BILLING (3)', 'login (1)', 'refunds (1)', 'vip (1)']);
    // Chosen from the keyboard, the queue loads again under it and the focus stays on the select.
    await helpdeskTag.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByText('3 left').waitFor();
    await page.getByRole('article', { name: 'Refund missing' }).waitFor();
    expect(await helpdeskTag.inputValue()).toBe('BILLING');
    expect(await focused(helpdeskTag)).toBe(true);
    expect(new URL(page.url()).searchParams.get('helpdeskTag')).toBe('BILLING');

    // A date range narrows the queue, the helpdesk tags' counts and the Tag all count; it lives in the URL too.
    const dates = page.getByRole('group', { name: 'Waiting since' });
    const from = dates.getByLabel('From');
    await from.fill('2024-01-02');
    await page.getByText('2 left').waitFor();
    await page.getByRole('article', { name: 'Invoice wrong' }).waitFor();
    await expect.poll(options).toEqual(['Any', 'BILLING (2)', 'login (1)', 'vip (1)']);
    expect(await focused(from)).toBe(true);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2024-01-02');
    // A reversed range says so on To, and shows nothing until it is fixed.
    await dates.getByLabel('To').fill('2024-01-01');
    await dates.getByText('The end date comes before the start date').waitFor();
    await dates.getByLabel('To').fill('');
    await page.getByText('2 left').waitFor();

    const tagAll = (tickets: string, expectedIntro: string, whileRunning?: () => Promise<void>) => tagAllWithBilling(page, tickets, expectedIntro, whileRunning);
    const toasts = page.locator('.toasts');

    // Tag all of the range: the toast says so, with Undo; the range goes, as the toast says too, and the helpdesk tag's other ticket waits.
    await tagAll('2 tickets', 'with the helpdesk tag “BILLING” from 2024-01-02');
    await toasts.getByText('Highlighted and tagged 2 tickets with “Billing”: they have left the queue. The dates are cleared, for the helpdesk tag “BILLING” on other days.').waitFor();
    await page.getByText('1 left').waitFor();
    await page.getByRole('article', { name: 'Refund missing' }).waitFor();
    expect(await from.inputValue()).toBe('');
    // The one left spells it "billing": the select names it so, as the queue matches it, ignoring case.
    await expect.poll(options).toEqual(['Any', 'billing (1)', 'login (1)', 'refunds (1)']);
    expect(await helpdeskTag.inputValue()).toBe('billing');
    await page.getByRole('button', { name: 'Tag all 1 ticket…' }).waitFor();

    // Undo takes the run back: both tickets wait again, without the highlights it made.
    await toasts.getByRole('button', { name: 'Undo', exact: true }).click();
    await toasts.getByText('Undid tagging 2 tickets with “Billing”: they wait in the queue of the helpdesk tag “BILLING” from 2024-01-02 again').waitFor();
    await page.getByText('3 left').waitFor();
    await expect.poll(options).toEqual(['Any', 'BILLING (3)', 'login (1)', 'refunds (1)', 'vip (1)']);
    const billingBefore = await api<SourceList>(page, 'GET', `/workspaces/${ws}/sources?helpdeskTag=billing&untriaged=true`);
    expect(billingBefore.items.map((item) => item.title).sort()).toEqual(['Charged twice', 'Invoice wrong', 'Refund missing']);
    for (const item of billingBefore.items) expect((await api<SourceWithHighlights>(page, 'GET', `/workspaces/${ws}/sources/${item.id}`)).highlights).toEqual([]);

    // Tag all of them, closing the dialog while the run is held up on its way: it goes on, the button
    // says so, and the toast comes when it is done, with Undo, as if the dialog had stayed open.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/sources/tag-whole', async (route) => (await held, await route.continue()));
    await tagAll('3 tickets', 'with the helpdesk tag “BILLING” is highlighted whole', async () => {
      await page.getByRole('dialog', { name: 'Tag all 3 tickets' }).getByText('Closing this does not stop it').waitFor();
      await page.keyboard.press('Escape');
    });
    await page.getByRole('button', { name: 'Tagging 3 tickets…' }).waitFor();
    expect(await page.getByText('3 left').count()).toBe(1);
    release();
    // None is left with that helpdesk tag: the filter goes, and the toast says so.
    await toasts.getByText('Highlighted and tagged 3 tickets with “Billing”: they have left the queue. None with the helpdesk tag “BILLING” is left, so the Helpdesk tag filter is back to Any.').waitFor();
    await toasts.getByRole('button', { name: 'Undo', exact: true }).waitFor();
    await page.unroute('**/sources/tag-whole');

    // The queue starts again without them: every helpdesk tag, two left.
    await page.getByText('2 left').waitFor();
    await page.getByRole('article', { name: 'Cannot log in' }).waitFor();
    expect(await helpdeskTag.inputValue()).toBe('');
    await expect.poll(options).toEqual(['Any', 'login (1)']);

    const waiting = await api<SourceList>(page, 'GET', `/workspaces/${ws}/sources?untriaged=true`);
    expect(waiting.items.map((item) => item.title).sort()).toEqual(['Cannot log in', 'Export slow']);
    const billing = await api<SourceList>(page, 'GET', `/workspaces/${ws}/sources?helpdeskTag=billing`);
    expect(billing.items.map((item) => item.title).sort()).toEqual(['Charged twice', 'Invoice wrong', 'Refund missing']);
    for (const item of billing.items) {
      const source = await api<SourceWithHighlights>(page, 'GET', `/workspaces/${ws}/sources/${item.id}`);
      expect(source.highlights.map((highlight) => [highlight.start, highlight.end, highlight.tags.map((tag) => tag.name)])).toEqual([[0, source.body.length, ['Billing']]]);
    }
  });
  it(`narrows more than ${SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} tickets by date from the dialog itself, its count following`, async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const outage = Array.from({ length: SOURCES_TAGGED_WHOLE_MAX + 1 }, (_, index) => `O${index},Outage ${index},The dashboard is down again.,${index < 1000 ? '2024-02-01' : '2024-02-02'},outage`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: /Tickets \(CSV\)/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'outage.csv', mimeType: 'text/csv', buffer: Buffer.from(['id,subject,description,created_at,tags', ...outage].join('\n')) });
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: outage\.csv/ }).waitFor();

    await page.goto(`/w/${ws}/triage?helpdeskTag=outage`);
    await page.getByText('2,001 left').waitFor();
    await page.getByRole('button', { name: 'Tag all 2,001 tickets…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Tag all 2,001 tickets' });
    await dialog.getByRole('alert').getByText('At most 2,000 tickets are tagged at once.').waitFor();
    await page.keyboard.type('bill');
    await dialog.getByRole('option', { name: /Billing/ }).waitFor();
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('button', { name: 'Highlight and tag 2,001 tickets' }).isDisabled()).toBe(true);

    // The dates are right there: the first day leaves 1,000, and the dialog says so.
    await dialog.getByRole('group', { name: 'Tickets waiting since' }).getByLabel('To').fill('2024-02-01');
    dialog = page.getByRole('dialog', { name: 'Tag all 1,000 tickets' });
    const confirm = dialog.getByRole('button', { name: 'Highlight and tag 1,000 tickets' });
    await confirm.waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    // The dates are done with, the toast says; the helpdesk tag's other day is next.
    await page.locator('.toasts').getByText('Highlighted and tagged 1,000 tickets with “Billing”: they have left the queue. The dates are cleared, for the helpdesk tag “outage” on other days.').waitFor();
    await page.getByText('1,001 left').waitFor();
    await page.getByRole('button', { name: 'Tag all 1,001 tickets…' }).waitFor();
  });

  it('keeps the queue’s keys, Link, Skip and Undo in view on a laptop’s screen, with nine tags on the keys', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const name of ['Cards', 'Top-ups & cash', 'Transfers & FX', 'Identity verification', 'Frustrated', 'Fees', 'Wants transparency', 'Approvals']) {
      await api(page, 'POST', `/workspaces/${ws}/tags`, { name });
    }
    try {
      for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(viewport);
        await page.goto(`/w/${ws}/triage?helpdeskTag=outage`);
        const keys = page.getByRole('complementary', { name: 'Tag with one key' }).locator('.key-button');
        await expect.poll(() => keys.count()).toBe(9);
        const actions = [...(await keys.all()), ...['t Another tag…', 'l Link to problem or backlog…', 's Skip', 'u Undo'].map((name) => page.getByRole('button', { name, exact: true }))];
        for (const action of actions) {
          const box = (await action.boundingBox())!;
          expect(box.y + box.height, `${await action.textContent()} at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.height);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  // After the test above, which made "Cards" and left the outage tickets waiting.
  it('creates the tag typed into Tag all’s picker when a tag matches only some of its words, and takes a tag by its very name in any case', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`/w/${ws}/triage?helpdeskTag=outage`);
    await page.getByRole('button', { name: 'Tag all 1,001 tickets…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag all 1,001 tickets' });
    const active = dialog.getByRole('listbox', { name: 'Tags' }).getByRole('option', { selected: true }).locator('.combobox-name');
    const chosen = dialog.getByRole('list', { name: 'Tags' });
    // The tag picker has the focus. "Cards" is offered, after creating the tag typed, which Enter does.
    await page.keyboard.type('Card delivery');
    await dialog.getByRole('option', { name: /^Cards/ }).waitFor();
    expect(await active.textContent()).toBe('Create tag “Card delivery”');
    await page.keyboard.press('Enter');
    await chosen.getByText('Card delivery').waitFor();
    await page.keyboard.type('BILLING');
    await dialog.getByRole('option', { name: /^Billing/ }).waitFor();
    expect(await active.textContent()).toBe('Billing');
    await page.keyboard.press('Enter');
    await chosen.getByText('Billing').waitFor();
    expect(await chosen.getByRole('listitem').allTextContents()).toEqual(['Card delivery×', 'Billing×']);

    await dialog.getByRole('button', { name: 'Highlight and tag 1,001 tickets' }).click();
    await page.locator('.toasts').getByText(/^Highlighted and tagged 1,001 tickets with “Card delivery”, “Billing”: they have left the queue\./).waitFor();
    const tags = await api<{ items: Array<{ name: string; usageCount: number }> }>(page, 'GET', `/workspaces/${ws}/tags`);
    const usage = Object.fromEntries(tags.items.map((tag) => [tag.name, tag.usageCount]));
    expect({ created: usage['Card delivery'], cards: usage['Cards'] }).toEqual({ created: 1001, cards: 0 });
  });

  // After the tests above, which left "Cannot log in" (helpdesk tag "login") waiting.
  it('keeps the helpdesk tag chosen while a Tag all runs, names the one it tagged, and its Undo brings them back', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    for (const [title, day] of [['Card declined', 1], ['Card expired', 2]] as const) {
      await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title, body: `${title}. Please help.`, occurredAt: `2024-03-0${day}T10:00:00Z`, metadata: { tags: ['cards'] } });
    }
    await page.goto(`/w/${ws}/triage?helpdeskTag=cards`);
    await page.getByText('2 left').waitFor();
    const helpdeskTag = page.getByLabel('Helpdesk tag');

    // Held on its way, the run goes on while another helpdesk tag is chosen: that one stays when it ends.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/sources/tag-whole', async (route) => (await held, await route.continue()));
    await tagAllWithBilling(page, '2 tickets', 'with the helpdesk tag “cards” is highlighted whole', async () => {
      await page.getByRole('dialog', { name: 'Tag all 2 tickets' }).getByText('Closing this does not stop it').waitFor();
      await page.keyboard.press('Escape');
    });
    await helpdeskTag.selectOption('login');
    await page.getByRole('article', { name: 'Cannot log in' }).waitFor();
    release();
    const toasts = page.locator('.toasts');
    await toasts.getByText('Highlighted and tagged 2 tickets with “Billing”: they have left the queue of the helpdesk tag “cards”.').waitFor();
    await page.unroute('**/sources/tag-whole');
    expect(new URL(page.url()).searchParams.get('helpdeskTag')).toBe('login');
    expect(await helpdeskTag.inputValue()).toBe('login');
    await page.getByText('1 left').waitFor();
    await page.getByRole('article', { name: 'Cannot log in' }).waitFor();

    // Undone from there, they wait again under their own helpdesk tag; the one on screen stays.
    await toasts.getByRole('button', { name: 'Undo', exact: true }).click();
    await toasts.getByText('Undid tagging 2 tickets with “Billing”: they wait in the queue of the helpdesk tag “cards” again').waitFor();
    await expect.poll(() => helpdeskTag.locator('option').allTextContents()).toEqual(['Any', 'cards (2)', 'login (1)']);
    expect(await helpdeskTag.inputValue()).toBe('login');
    await helpdeskTag.selectOption('cards');
    await page.getByText('2 left').waitFor();
    await page.getByRole('article', { name: 'Card declined' }).waitFor();
  });
});
