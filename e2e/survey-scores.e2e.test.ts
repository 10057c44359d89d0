import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type ImportList = { items: Array<{ id: string; fileName: string }> };

// The sample data's survey (server/src/sample/nps-survey.csv), imported with its score column:
// 32 respondents, 61 answers; 7 promoters, 12 detractors (24 answers), so NPS (7 − 12) / 32 = −15.6.
describe.skipIf(!browserAvailable)('survey scores: an import’s NPS or CSAT, on its scale, and the Inbox score filter', () => {
  const context = useServerAndBrowser();
  let ws = '';
  const rows = () => context.page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  const pills = () => rows().locator('.score-pill').allTextContents();

  it('shows the NPS and the scores of a survey import, and opens its detractors’ answers in the Inbox', async () => {
    const { page } = context;
    await completeSetup(page);
    ws = /\/w\/([^/]+)\/inbox/.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/sample-data`);
    const survey = (await api<ImportList>(page, 'GET', `/workspaces/${ws}/imports`)).items.find((item) => item.fileName === 'nps-survey.csv')!;

    await page.goto(`/w/${ws}/imports/${survey.id}`);
    const nps = page.getByRole('region', { name: 'Net Promoter Score' });
    await nps.waitFor();
    expect(await nps.locator('.nps-value').textContent()).toBe('-15.6');
    const groups = await nps.getByRole('list', { name: 'Respondents by group' }).getByRole('listitem').allTextContents();
    expect(groups).toEqual(['Promoters (9–10) 7 respondents · 22%', 'Passives (7–8) 13 respondents · 41%', 'Detractors (0–6) 12 respondents · 38%']);
    const byScore = nps.getByRole('list', { name: 'Respondents by score' }).getByRole('listitem');
    expect(await byScore.count()).toBe(11);
    expect(await byScore.nth(0).locator('.visually-hidden').textContent()).toBe('Score 0: 0 respondents');
    expect(await byScore.nth(6).locator('.visually-hidden').textContent()).toBe('Score 6: 5 respondents');

    await nps.getByRole('link', { name: 'Detractors (0–6)' }).click();
    await page.waitForURL('**/inbox?*');
    // Kept to NPS answers, as the Inbox's Detractors preset is: a CSAT's 1–5 are no detractors.
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ importId: survey.id, scoreMin: '0', scoreMax: '6', scoreScale: 'nps' });
    expect(await page.getByLabel('Score', { exact: true }).inputValue()).toBe('detractor');
    await expect.poll(() => rows().count()).toBe(24);
    for (const pill of await pills()) expect(pill).toMatch(/^Score [0-6] \(detractor\)$/);
  });

  it('switches to promoters and to a custom range with the Score control, kept in the URL across a reload', async () => {
    const { page } = context;
    await page.getByLabel('Score', { exact: true }).selectOption('promoter');
    await expect.poll(() => new URL(page.url()).searchParams.get('scoreMin')).toBe('9');
    // 9 answers from the five 9s, 3 from the two 10s.
    await expect.poll(() => rows().count()).toBe(12);
    for (const pill of await pills()) expect(pill).toMatch(/^Score (9|10) \(promoter\)$/);

    await page.getByLabel('Score', { exact: true }).selectOption('custom');
    await page.getByLabel('Lowest score').fill('6');
    await page.getByLabel('Highest score').fill('5');
    await page.getByLabel('Highest score').press('Enter');
    await page.getByText('The highest score is below the lowest').waitFor();
    await page.getByLabel('Highest score').fill('7');
    await page.getByLabel('Highest score').press('Enter');
    await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ scoreMin: '6', scoreMax: '7' });
    // 10 answers from the five 6s, 11 from the six 7s.
    await expect.poll(() => rows().count()).toBe(21);
    await page.reload();
    await expect.poll(() => rows().count()).toBe(21);
    expect(await page.getByLabel('Score', { exact: true }).inputValue()).toBe('custom');
    expect(await page.getByLabel('Lowest score').inputValue()).toBe('6');
    for (const pill of await pills()) expect(pill).toMatch(/^Score (6 \(detractor\)|7 \(passive\))$/);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.getByLabel('Score', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Lowest score').count()).toBe(0);
  });

  it('imports a CSAT survey on its 1–5 scale: its CSAT, average and chart, and its answers as “4 / 5”, never detractors', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/imports`);
    await page.getByRole('radio', { name: /Survey answers \(CSV\)/ }).check();
    await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'csat.csv', mimeType: 'text/csv', buffer: Buffer.from(CSAT_SURVEY) });
    await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    const scale = page.getByLabel('Scale of “How satisfied were you with our support? (CSAT)”');
    expect(await scale.inputValue()).toBe('rating:1:5');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: /Import finished: csat\.csv/ }).waitFor();

    const csat = (await api<ImportList>(page, 'GET', `/workspaces/${ws}/imports`)).items.find((item) => item.fileName === 'csat.csv')!;
    await page.goto(`/w/${ws}/imports/${csat.id}`);
    const scores = page.getByRole('region', { name: 'Customer satisfaction (CSAT)' });
    await scores.waitFor();
    expect(await page.getByRole('region', { name: 'Net Promoter Score' }).count()).toBe(0);
    // 10 respondents: six gave 4–5 → 60 %; (1 + 2 + 3·2 + 4·4 + 5·2) / 10 = 3.5.
    expect(await scores.locator('.nps-value').textContent()).toBe('60%');
    expect(await scores.locator('.score-average').textContent()).toBe('Average 3.5 of 5');
    const groups = await scores.getByRole('list', { name: 'Respondents by group' }).getByRole('listitem').allTextContents();
    expect(groups).toEqual(['High (4–5) 6 respondents · 60%', 'Middle (3) 2 respondents · 20%', 'Low (1–2) 2 respondents · 20%']);
    const byScore = scores.getByRole('list', { name: 'Respondents by score' }).getByRole('listitem');
    expect(await byScore.locator('.visually-hidden').allTextContents()).toEqual([
      'Score 1: 1 respondent',
      'Score 2: 1 respondent',
      'Score 3: 2 respondents',
      'Score 4: 4 respondents',
      'Score 5: 2 respondents',
    ]);

    await scores.getByRole('link', { name: 'High (4–5)' }).click();
    await page.waitForURL('**/inbox?*');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ importId: csat.id, scoreMin: '4', scoreMax: '5' });
    const score = page.getByLabel('Score', { exact: true });
    await expect.poll(() => score.inputValue()).toBe('high');
    // This import's scale, not NPS groups, names the presets.
    expect(await score.locator('option').allTextContents()).toEqual(['Any score', 'High (4–5)', 'Middle (3)', 'Low (1–2)', 'Custom range…']);
    // Six respondents, C-04 with two answers.
    await expect.poll(() => rows().count()).toBe(7);
    const pill = rows().locator('.score-pill');
    expect((await pill.locator('[aria-hidden="true"]').allTextContents()).sort()).toEqual(['4 / 5', '4 / 5', '4 / 5', '4 / 5', '5 / 5', '5 / 5', '5 / 5']);
    for (const words of await pill.locator('.visually-hidden').allTextContents()) expect(words).toMatch(/^Score [45] of 5$/);
    expect(await rows().locator('.score-pill-high').count()).toBe(7);

    await score.selectOption('low');
    await expect.poll(() => rows().count()).toBe(2);
    expect((await rows().locator('.score-pill [aria-hidden="true"]').allTextContents()).sort()).toEqual(['1 / 5', '2 / 5']);
    expect(await rows().locator('.score-pill-low').count()).toBe(2);
  });

  it('shows an answer’s score on its scale in the reader too, as its row in the Inbox does', async () => {
    const { page } = context;
    // Still the CSAT's low answers: its 1 of 5.
    await rows().filter({ has: page.locator('.score-pill', { hasText: '1 / 5' }) }).locator('.source-row-title').click();
    await page.waitForURL(/\/sources\/[0-9a-f-]+$/);
    const score = page.locator('.reader-text .survey-score');
    await score.waitFor();
    expect(await score.locator('[aria-hidden="true"]').allTextContents()).toEqual(['Score ', '1 / 5']);
    expect(await score.locator('.score-pill-low .visually-hidden').textContent()).toBe('Score 1 of 5');

    // An NPS answer of the sample survey: its group named for a screen reader and tinted for the eye.
    await page.goto(`/w/${ws}/inbox?scoreMin=9&scoreMax=10&scoreScale=nps`);
    await rows().first().locator('.source-row-title').click();
    await page.waitForURL(/\/sources\/[0-9a-f-]+$/);
    await score.waitFor();
    expect(await score.locator('.score-pill-promoter').textContent()).toMatch(/^Score (9|10) \(promoter\)$/);
  });

  it('keeps the Inbox’s Detractors to NPS answers when no import is chosen: the CSAT’s 1s and 2s are not among them', async () => {
    const { page } = context;
    await page.goto(`/w/${ws}/inbox`);
    await page.getByLabel('Score', { exact: true }).selectOption('detractor');
    await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ scoreMin: '0', scoreMax: '6', scoreScale: 'nps' });
    // The sample survey's 24 detractor answers, none of the CSAT's.
    await expect.poll(() => rows().count()).toBe(24);
    for (const pill of await pills()) expect(pill).toMatch(/^Score [0-6] \(detractor\)$/);
  });
});

/** A CSAT survey as a helpdesk exports it: 10 respondents scoring 1–5, 11 answers (C-04 answered both questions). */
const CSAT_SURVEY = [
  'Response ID,How satisfied were you with our support? (CSAT),What could we have done better?,Anything else?',
  'C-01,4,The agent knew the product well.,',
  'C-02,2,I had to explain my problem three times.,',
  'C-03,4,Quick answer on chat.,',
  'C-04,5,Solved before I finished my coffee.,Please keep the chat open on weekends.',
  'C-05,3,"Fine, but the fix took two days.",',
  'C-06,1,Nobody answered for a week.,',
  'C-07,4,Friendly and clear.,',
  'C-08,3,The answer was a link to the docs.,',
  'C-09,5,Called me back as promised.,',
  'C-10,4,Good and quick.,',
].join('\n');
