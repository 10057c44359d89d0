import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/** A real file of the shared datasets, as the browser uploads it (under another name when given). */
const dataset = (relativePath: string, name = relativePath.split('/').pop()!) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: fs.readFileSync(fileURLToPath(new URL(`../../shared/datasets/${relativePath}`, import.meta.url))),
});

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

  it('offers the sample data while nothing is imported, and loads it once confirmed', async () => {
    const { page } = context;
    await completeSetup(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { name: 'Nothing imported yet' }).waitFor();
    await page.getByRole('button', { name: 'Load sample data…' }).click();
    await page.getByRole('dialog', { name: 'Load the sample data?' }).getByRole('button', { name: 'Load sample data', exact: true }).click();
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
    // Without a column for the ticket text, Start says so at that field, which takes the focus.
    await ticketText.selectOption('');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText('Choose the column that holds the ticket text').waitFor();
    expect(await ticketText.evaluate((select) => select === document.activeElement)).toBe(true);
    await ticketText.selectOption('Customer words');
    expect(await page.getByText('Choose the column that holds the ticket text').count()).toBe(0);
    expect(await page.getByLabel('Requester email', { exact: true }).inputValue()).toBe('Email');

    // The first rows go through the mapping as the import would take them: a wrong column shows before importing.
    const check = page.locator('.mapping-check');
    await check.getByRole('alert').filter({ hasText: '1 of the first 4 rows would be rejected: Requester email "not-an-email" (column "Email") is not an email address' }).waitFor();
    const createdAt = page.getByLabel('Created at', { exact: true });
    expect(await createdAt.inputValue()).toBe('Opened');
    await createdAt.selectOption('Email');
    await check.getByRole('alert').filter({ hasText: /^All of the first 4 rows would be rejected: Created at "ana@example\.com" \(column "Email"\)/ }).waitFor();
    expect(await check.getByRole('table').getByRole('row').filter({ hasText: 'Rejected: ' }).count()).toBe(4);
    await createdAt.selectOption('Opened');
    await check.getByRole('alert').filter({ hasText: /^1 of the first 4 rows/ }).waitFor();

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: support-export\.csv/ }).waitFor();
    const count = (label: string) => page.locator('.import-count', { hasText: label }).locator('dd').textContent();
    expect(await count('Created')).toBe('3');
    expect(await count('Rejected')).toBe('1');
    const rejected = page.getByRole('table', { name: /Rejected rows/ }).getByRole('row').filter({ hasText: 'not an email' });
    expect(await rejected.getByRole('cell').first().textContent()).toBe('4');
    // The field as the mapping step names it, then the file's own column.
    expect(await rejected.getByRole('cell').nth(1).textContent()).toBe('Requester email "not-an-email" (column "Email") is not an email address');

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
    await page.getByRole('heading', { level: 2, name: /Import finished: support-export\.csv/ }).waitFor();
    // The page is named by the file and its kind.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('support-export.csv');
    expect(await page.getByText('Tickets (CSV) import').isVisible()).toBe(true);
    // A link cut short is no import, not a server error.
    await page.goto(page.url().slice(0, -4));
    await page.getByRole('heading', { level: 1, name: 'No such import' }).waitFor();
    expect(await page.getByText(/params/).count()).toBe(0);
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

  it('previews a survey whose answers are too short to be suggested, and lets its question column be chosen', async () => {
    const { page } = context;
    await page.getByRole('button', { name: 'Import another file' }).click();
    const shortAnswers = ['Response ID,Score,Why?', 'S1,9,Great app', 'S2,3,Too slow', 'S3,7,OK'].join('\n');
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'short.csv', mimeType: 'text/csv', buffer: Buffer.from(shortAnswers) });
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    expect(await page.getByText('The first 3 rows').isVisible()).toBe(true);
    const why = page.getByRole('group', { name: 'Question columns' }).getByRole('checkbox', { name: 'Why?' });
    expect(await why.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByText('Choose at least one question column').waitFor();
    expect(await why.evaluate((box) => box === document.activeElement)).toBe(true);
    await why.check();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: short\.csv/ }).waitFor();
    expect(await page.locator('.import-count', { hasText: 'Answers created' }).locator('dd').textContent()).toBe('3');
  });

  it('imports transcripts dropped together one after the other, reading the format from their names and asking each interview’s date', async () => {
    const { page } = context;
    await page.reload();
    // An AMI meeting with the day in its name, and a WebVTT file that loses 30 of its 32 cues.
    await page.getByLabel(/Drop the file here/).setInputFiles([dataset('ami-meetings/IS1001b.vtt', 'acme-2024-05-02.vtt'), dataset('webvtt-wpt/timings-too-short.vtt')]);

    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    expect(await page.getByRole('radio', { name: /Interview transcript/ }).isChecked()).toBe(true);
    expect(await page.getByText('File 1 of 2').isVisible()).toBe(true);
    const date = page.getByLabel('Date of the interview');
    expect(await date.inputValue()).toBe('2024-05-02');
    expect(await page.getByText(/Read from the file name: confirm it/).isVisible()).toBe(true);
    // Everyone who speaks is offered as the interviewer, Marketing too, who first speaks after the previewed turns.
    const offered = await page.getByLabel('Interviewer', { exact: true }).evaluate((input: HTMLInputElement) => Array.from(input.list!.options, (option) => option.value));
    expect(offered).toEqual(['Project Manager', 'Industrial Designer', 'User Interface', 'Marketing']);
    await page.getByLabel('Interviewer', { exact: true }).fill('Project Manager');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: acme-2024-05-02\.vtt/ }).waitFor();

    await page.getByRole('button', { name: 'Import the next file: timings-too-short.vtt' }).click();
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    expect(await page.getByText('File 2 of 2').isVisible()).toBe(true);
    // The format and the options stay; the date is this file's own guess, to confirm or clear.
    expect(await page.getByRole('radio', { name: /Interview transcript/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Interviewer', { exact: true }).inputValue()).toBe('Project Manager');
    expect(await date.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByText(/A guess: the day the file was last saved/).isVisible()).toBe(true);
    await date.fill('');
    await page.getByText(/Empty: the interview will be dated today, the import date/).waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: timings-too-short\.vtt/ }).waitFor();
    expect(await page.locator('.import-report .import-status').textContent()).toBe('Done, 30 parts skipped');
    expect(await page.locator('.import-report .import-status').getAttribute('class')).toContain('import-status-warning');
    // The skipped cues are listed, but a transcript is no CSV to fix and import again: a corrected file is a second interview.
    expect(await page.getByRole('link', { name: 'Download the skipped lines (CSV)' }).isVisible()).toBe(true);
    expect(await page.getByText(/A corrected file would be imported as a second interview/).isVisible()).toBe(true);
    expect(await page.getByText(/rows already imported/).count()).toBe(0);
    expect(await page.getByText('That was the last of the 2 files').isVisible()).toBe(true);
    await page.getByRole('table', { name: 'Import history' }).getByRole('row').filter({ hasText: 'timings-too-short.vtt' }).filter({ hasText: 'Done, 30 parts skipped' }).waitFor();

    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const history = await api<{ items: Array<{ id: string; fileName: string }> }>(page, 'GET', `/workspaces/${ws}/imports`);
    const dated = history.items.find((item) => item.fileName === 'acme-2024-05-02.vtt')!;
    const sources = await api<{ items: Array<{ occurredAt: string }> }>(page, 'GET', `/workspaces/${ws}/sources?importId=${dated.id}`);
    expect(sources.items.map((source) => source.occurredAt)).toEqual(['2024-05-02T00:00:00.000Z']);
  });

  it('offers no Start for a file the preview reads nothing from, and says why', async () => {
    const { page } = context;
    await page.getByRole('button', { name: 'Import another file' }).click();
    // Intercom's documented list example carries no message a customer wrote.
    await page.getByRole('radio', { name: /Intercom \(JSON\)/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles(dataset('vendor-intercom/intercom-openapi-2.14-list-conversations-example.json'));
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    await page.getByText(/Nothing to import: the first items of intercom-openapi-2\.14-list-conversations-example\.json gave no conversations/).waitFor();
    expect(await page.getByRole('button', { name: 'Start import' }).count()).toBe(0);
  });

  it('dates a Word transcript by its document properties when its name has no date, even left empty', async () => {
    const { page } = context;
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByRole('radio', { name: /Interview transcript/ }).check();
    // Created on 10 June 2014 at 11:09 UTC, by its docProps/core.xml; the upload itself is saved today.
    await page.getByLabel(/Drop the file here/).setInputFiles(dataset('docx-mammoth/mammoth-footnotes.docx', 'call-notes.docx'));
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    // Its footnotes follow its text.
    expect(await page.locator('.preview-body').textContent()).toBe('Ouch[1].[2]\n\n[1] A tachyon walks into a bar.\n\n[2] Fin.');
    const date = page.getByLabel('Date of the interview');
    expect(await date.inputValue()).toBe('2014-06-10');
    expect(await page.getByText(/From the document’s properties: the day it was written/).isVisible()).toBe(true);
    await date.fill('');
    await page.getByText('Empty: the interview will be dated 2014-06-10, the day in the document’s properties.').waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: call-notes\.docx/ }).waitFor();

    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const history = await api<{ items: Array<{ id: string; fileName: string }> }>(page, 'GET', `/workspaces/${ws}/imports`);
    const imported = history.items.find((item) => item.fileName === 'call-notes.docx')!;
    const sources = await api<{ items: Array<{ occurredAt: string }> }>(page, 'GET', `/workspaces/${ws}/sources?importId=${imported.id}`);
    expect(sources.items.map((source) => source.occurredAt)).toEqual(['2014-06-10T11:09:00.000Z']);
  });
});
