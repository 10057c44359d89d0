import { describe, expect, it } from 'vitest';
import { browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

// An NPS export whose dates all read both ways (09/11 could be 9 November): the person says how they are written.
const SURVEY_CSV = [
  'Response ID,Submitted,How likely are you to recommend Acme Bank? (0-10),What is the main reason for your score?',
  'R1,09/11/2026 16:58,3,A transaction on my card shows as pending.',
  'R2,06/01/2026 08:17,9,The app makes transfers easy.',
].join('\n');

// Column names no helpdesk uses: the suggested mapping takes the short "Comment" column for the
// ticket text, and the person has to point it at "Customer words".
const EXPORT_CSV = [
  'Case;Email;Comment;Customer words;Opened',
  '901;ana@example.com;escalated;"The export to CSV fails every time I choose a whole year.";2024-03-01',
  '902;bo@example.com;n/a;"Search is slow on our workspace; it takes ten seconds.";2024-03-02',
  '903;not-an-email;n/a;"This row has a broken requester address.";2024-03-03',
  '904;cy@example.com;vip;"We need single sign-on before the whole team can use it.";2024-03-04',
].join('\n');

describe.skipIf(!browserAvailable)('importing a tickets CSV through the wizard', () => {
  const context = useServerAndBrowser();

  it('offers the sample data while nothing is imported, and loads it in one click', async () => {
    const { page } = context;
    await completeSetup(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { name: 'Nothing imported yet' }).waitFor();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByText('Loaded 373 sample sources').waitFor();
    const history = page.getByRole('table', { name: 'Import history' });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'Done' }).count()).toBe(6);
    expect(await history.getByRole('row').filter({ hasText: 'support-tickets.csv' }).textContent()).toContain('308 tickets created');
  });

  it('previews the file, lets the mapping be corrected, and reports the result with the rejected row', async () => {
    const { page } = context;
    await page.getByRole('radio', { name: /Tickets \(CSV\)/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'support-export.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT_CSV) });

    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    expect(await page.getByText('delimiter semicolon').isVisible()).toBe(true);
    const ticketText = page.getByLabel('Ticket text', { exact: true });
    expect(await ticketText.inputValue()).toBe('Comment');
    await ticketText.selectOption('Customer words');
    expect(await page.getByLabel('Requester email', { exact: true }).inputValue()).toBe('Email');

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: support-export\.csv/ }).waitFor();
    const count = (label: string) => page.locator('.import-count', { hasText: label }).locator('dd').textContent();
    expect(await count('Created')).toBe('3');
    expect(await count('Rejected')).toBe('1');
    const rejected = page.getByRole('table', { name: /Rejected rows/ }).getByRole('row').filter({ hasText: 'not an email' });
    expect(await rejected.getByRole('cell').first().textContent()).toBe('4');

    const download = page.getByRole('link', { name: 'Download rejected rows (CSV)' });
    const csv = await (await page.request.get((await download.getAttribute('href'))!)).text();
    expect(csv).toContain('line,reason,Case,Email,Comment,Customer words,Opened');
    expect(csv).toContain('903,not-an-email');
    expect(await page.getByRole('link', { name: 'View imported sources' }).getAttribute('href')).toMatch(/\/inbox\?importId=/);
  });

  it('lists the import in the history, linking to its report', async () => {
    const { page } = context;
    const history = page.getByRole('table', { name: 'Import history' });
    await history.getByRole('row').filter({ hasText: 'support-export.csv' }).filter({ hasText: 'Done, 1 row rejected' }).waitFor();
    await history.getByRole('link', { name: 'support-export.csv' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: /Import finished: support-export\.csv/ }).waitFor();
  });

  it('takes the 0–10 question as the score, and asks how dates that read both ways are written', async () => {
    const { page } = context;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    const survey = page.getByRole('radio', { name: /Survey answers \(CSV\)/ });
    await survey.waitFor();
    await survey.check();
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'nps.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY_CSV) });

    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    expect(await page.getByLabel('Score (NPS, CSAT…)').inputValue()).toBe('How likely are you to recommend Acme Bank? (0-10)');
    const dates = page.getByRole('group', { name: 'Dates in “Submitted”' });
    expect(await dates.getByText(/The first rows do not tell/).isVisible()).toBe(true);
    await dates.getByRole('radio', { name: /Month first/ }).check();

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: nps\.csv/ }).waitFor();
    const count = (label: string) => page.locator('.import-count', { hasText: label }).locator('dd').textContent();
    expect(await count('Answers created')).toBe('2');
    expect(await count('Rows rejected')).toBe('0');
  });
});
