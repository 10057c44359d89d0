import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

type ImportList = { items: Array<{ id: string; fileName: string }> };

// The sample data's survey (server/src/sample/nps-survey.csv), imported with its score column:
// 32 respondents, 61 answers; 7 promoters, 12 detractors (24 answers), so NPS (7 − 12) / 32 = −15.6.
describe.skipIf(!browserAvailable)('survey scores: the NPS of an import and the Inbox score filter', () => {
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
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ importId: survey.id, scoreMin: '0', scoreMax: '6' });
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
});
