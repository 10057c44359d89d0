import { describe, expect, it } from 'vitest';
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

describe.skipIf(!browserAvailable)('tagging a helpdesk tag’s tickets all at once from the triage queue', () => {
  const context = useServerAndBrowser();

  it('filters the queue by a helpdesk tag from an imported CSV, tags all of its tickets whole, and the queue drops by that many', async () => {
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
    await expect.poll(options).toEqual(['Any', 'BILLING (3)', 'login (1)', 'refunds (1)', 'vip (1)']);
    await helpdeskTag.selectOption({ label: 'BILLING (3)' });
    await page.getByText('3 left').waitFor();
    await page.getByRole('article', { name: 'Refund missing' }).waitFor();

    await page.getByRole('button', { name: 'Tag all 3 tickets…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag all 3 tickets' });
    await dialog.getByText('with the helpdesk tag “BILLING”').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Highlight and tag 3 tickets' });
    expect(await confirm.isDisabled()).toBe(true);
    // The tag picker has the focus: type, Enter picks the tag.
    await page.keyboard.type('bill');
    await dialog.getByRole('option', { name: /Billing/ }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByRole('list', { name: 'Tags' }).getByText('Billing').waitFor();
    await confirm.click();
    await dialog.getByText('Highlighted and tagged 3 tickets with “Billing”.').waitFor();
    // The focus is on the way back, for Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Back to the queue');
    await page.keyboard.press('Enter');

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
});
