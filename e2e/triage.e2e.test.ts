import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, signInAsNewMember, useServerAndBrowser } from './harness.js';

const PROBLEM = 'Exports time out';
const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'initial viewer password' };

type Evidence = { items: Array<{ id: string; quote: string; source: { id: string } }> };
type SourceWithHighlights = { highlights: Array<{ id: string; tags: unknown[] }> };

describe.skipIf(!browserAvailable)('linking from the triage queue', () => {
  const context = useServerAndBrowser();

  it('links the whole item to a problem with l, so it leaves the queue and the problem shows it; u undoes it', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const tag = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/tags`, { name: 'Billing' });
    const problem = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: PROBLEM });
    const ticket = async (title: string, day: number) =>
      api<{ id: string; body: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title, body: `${title}. Please help.`, occurredAt: new Date(Date.UTC(2024, 0, day)).toISOString() });
    const first = await ticket('Export stops at 10,000 rows', 1);
    // Highlighted whole already, with no tag and no link: still waiting, and linking it reuses that highlight.
    const second = await ticket('Export of invoices hangs', 2);
    const kept = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources/${second.id}/highlights`, { whole: true });
    await ticket('Login link expired', 3);
    // Triaged already: one tagged, one evidence of the problem without a tag.
    await api(page, 'POST', `/workspaces/${ws}/sources/${(await ticket('Tagged before', 4)).id}/highlights`, { whole: true, tagIds: [tag.id] });
    const linkedBefore = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources/${(await ticket('Linked before', 5)).id}/highlights`, { whole: true });
    await api(page, 'POST', `/workspaces/${ws}/insights/${problem.id}/evidence`, { highlightIds: [linkedBefore.id] });
    const evidence = () => api<Evidence>(page, 'GET', `/workspaces/${ws}/highlights?insightId=${problem.id}`);

    await page.goto(`/w/${ws}/triage`);
    // The item on screen, by its title: these tickets' subjects start their text, so their headings say who sent them and when instead.
    await page.getByRole('article', { name: 'Export stops at 10,000 rows' }).waitFor();
    await page.getByText('3 left').waitFor();
    const dialog = page.getByRole('dialog', { name: 'Link to a problem or backlog item' });

    // l opens the picker; Enter links the whole ticket and the queue moves on.
    await page.keyboard.press('l');
    await dialog.getByText('The whole of “Export stops at 10,000 rows” becomes evidence').waitFor();
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('export tim');
    await dialog.getByRole('option', { name: new RegExp(PROBLEM) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Linked 1 highlight to “${PROBLEM}”`).waitFor();
    await page.getByRole('article', { name: 'Export of invoices hangs' }).waitFor();
    await page.getByText('2 left').waitFor();
    await page.getByText('1 linked this session').waitFor();
    await expect.poll(async () => (await evidence()).items.map((item) => item.quote).sort()).toEqual(['Export stops at 10,000 rows. Please help.', 'Linked before. Please help.']);

    // The button does the same, and reuses the highlight already covering the whole ticket.
    const link = page.getByRole('button', { name: 'Link to problem or backlog…' });
    expect(await link.getAttribute('aria-keyshortcuts')).toBe('l');
    await link.click();
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('exports');
    await dialog.getByRole('option', { name: new RegExp(PROBLEM) }).click();
    await page.getByRole('article', { name: 'Login link expired' }).waitFor();
    await page.getByText('1 left').waitFor();
    await expect.poll(async () => (await evidence()).items.some((item) => item.id === kept.id)).toBe(true);

    // u undoes the link and nothing more: the highlight that was there stays, untagged and unlinked.
    await page.keyboard.press('u');
    await page.getByRole('article', { name: 'Export of invoices hangs' }).waitFor();
    await page.getByText('2 left').waitFor();
    await expect.poll(async () => (await evidence()).items.some((item) => item.id === kept.id)).toBe(false);
    expect((await api<SourceWithHighlights>(page, 'GET', `/workspaces/${ws}/sources/${second.id}`)).highlights.map((highlight) => highlight.id)).toEqual([kept.id]);
    // Again: the link and the highlight it made both go, and the first ticket is back in front.
    await page.keyboard.press('u');
    await page.getByRole('article', { name: 'Export stops at 10,000 rows' }).waitFor();
    await page.getByText('3 left').waitFor();
    await expect.poll(async () => (await evidence()).items.map((item) => item.quote)).toEqual(['Linked before. Please help.']);
    expect((await api<SourceWithHighlights>(page, 'GET', `/workspaces/${ws}/sources/${first.id}`)).highlights).toEqual([]);

    // Linked once more, it is evidence on the problem's page, and a new visit to the queue leaves it out.
    await page.keyboard.press('l');
    await dialog.getByRole('combobox', { name: 'Problem or backlog item' }).fill('export tim');
    await dialog.getByRole('option', { name: new RegExp(PROBLEM) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: 'Export of invoices hangs' }).waitFor();
    await page.goto(`/w/${ws}/problems/${problem.id}`);
    await page.getByRole('heading', { level: 1, name: PROBLEM }).waitFor();
    await page.getByRole('region', { name: 'Evidence' }).getByText('Export stops at 10,000 rows. Please help.').first().waitFor();
    await page.goto(`/w/${ws}/triage`);
    await page.getByRole('article', { name: 'Export of invoices hangs' }).waitFor();
    await page.getByText('2 left').waitFor();
  });

  it('shows a viewer the link button disabled, and l does nothing', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    await api(page, 'POST', `/workspaces/${ws}/members`, { ...VIEWER, role: 'viewer' });
    await signInAsNewMember(page, VIEWER);
    await page.goto(`/w/${ws}/triage`);
    await page.getByRole('article', { name: 'Export of invoices hangs' }).waitFor();
    expect(await page.getByRole('button', { name: 'Link to problem or backlog…' }).isDisabled()).toBe(true);
    // Keys are handled in order: had l opened the picker, ? would have been typed into it instead of showing the shortcuts.
    await page.keyboard.press('l');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Link to a problem or backlog item' }).count()).toBe(0);
  });
});

describe.skipIf(!browserAvailable)('the triage queue before any tag exists', () => {
  const context = useServerAndBrowser();

  it('says so beside the item, and t makes the first tag and tags the item with it', async () => {
    const { page } = context;
    await completeSetup(page);
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const customer = { email: 'rita@example.com', name: 'Rita Rowe' };
    await api(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'ticket', title: 'Refund never arrived', body: 'Refund never arrived. Please help.', occurredAt: '2024-02-03T10:00:00Z', customer });

    await page.goto(`/w/${ws}/triage`);
    // A ticket titled by its own text is headed by who sent it and when: its text shows once, below.
    await page.getByRole('heading', { name: 'Ticket from Rita Rowe · Feb 3, 2024' }).waitFor();
    const item = page.getByRole('article', { name: 'Refund never arrived' });
    await item.getByText('Refund never arrived. Please help.').waitFor();
    expect(await item.getByText('Refund never arrived').count()).toBe(1);
    await page.getByText('No tags yet.').waitFor();
    await page.keyboard.press('t');
    await page.getByRole('combobox', { name: 'Tag the whole item' }).fill('Refunds');
    await page.getByRole('option', { name: 'Create tag “Refunds”' }).click();
    await page.getByText('1 tagged this session').waitFor();
    const tags = await api<{ items: Array<{ name: string; usageCount: number }> }>(page, 'GET', `/workspaces/${ws}/tags`);
    expect(tags.items.map((tag) => [tag.name, tag.usageCount])).toEqual([['Refunds', 1]]);
  });
});
