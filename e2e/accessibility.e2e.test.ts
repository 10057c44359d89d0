import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/**
 * The accessibility sweep: axe-core (Deque's rules engine) over every screen of a workspace holding
 * the sample data, in the light theme and, for colours, the dark one, and the main screens again at
 * a phone's width. A breach of a WCAG 2.0/2.1/2.2 A or AA rule, or of axe's best practices
 * (landmarks, headings, dialog names: what assistive technology leans on beyond the standard),
 * fails the screen's test, whatever its impact, which lists each one with its theme, rule, advice
 * and the elements at fault.
 */

/** axe's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices (a dialog's header as a page banner broke only those). */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** The rules that read colours. The markup is the same in either theme, so the second theme runs only these. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Findings that are not breaches, each a rule and the elements it does not apply to, with why.
 * Nothing here for a finding that is real: fix it instead.
 */
const NOT_APPLICABLE: Array<{ rule: string; selector: string }> = [
  // A problem's treeitem holds its row's badges and counts and its whole branch; its label is its title, which names it (ARIA's tree pattern).
  { rule: 'label-content-name-mismatch', selector: '.insight-node[role="treeitem"]' },
];

const THEMES = ['light', 'dark'] as const;
const DESKTOP = { width: 1280, height: 800 };
/** Under the 800 px where the sidebar becomes a bar with a Menu button (styles.css). */
const PHONE = { width: 390, height: 844 };

/** A rule broken, with each element at fault: its selector and what axe measured there (e.g. a contrast and its colours). */
type Breach = { id: string; impact: string; help: string; helpUrl: string; targets: string[] };

/**
 * axe-core's code in every page the browser context loads, before the page's own: given once, the
 * browser compiles it once, where handing it to each page anew took a good part of a screen's time.
 */
async function loadAxeInto(page: Page) {
  await page.context().addInitScript({ content: axe.source });
}

/** The breaches axe-core finds on the page as it is now, less those NOT_APPLICABLE. */
async function runAxe(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<Breach[]> {
  return page.evaluate(
    async ({ runOnly, notApplicable }) => {
      const engine = (window as unknown as { axe: typeof axe }).axe;
      const { violations } = await engine.run(document, { runOnly, resultTypes: ['violations'], elementRef: true });
      return violations
        .map((violation) => ({
          id: violation.id,
          impact: violation.impact ?? '',
          help: violation.help,
          helpUrl: violation.helpUrl.replace(/\?.*$/, ''),
          targets: violation.nodes
            .filter((node) => !notApplicable.some((rule) => rule.rule === violation.id && (node.element as Element | undefined)?.matches(rule.selector)))
            .map((node) => {
              const why = [...node.any, ...node.all, ...node.none].map((check) => check.message).join('; ');
              return `${node.target.join(' ')}: ${why}`;
            }),
        }))
        .filter((breach) => breach.targets.length > 0);
    },
    { runOnly, notApplicable: NOT_APPLICABLE },
  );
}

/** Until nothing is loading and no one-off animation runs: colours are measured as they settle. */
async function settle(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          !document.querySelector('.loading, .page-pending') &&
          document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
      ),
    )
    .toBe(true);
}

/** Sweeps the page in both themes (as the system asks for them, Theme being on System); each breach as a line a person can act on. */
async function sweep(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await settle(page);
    const rules = theme === THEMES[0] ? { type: 'tag' as const, values: RULE_TAGS } : { type: 'rule' as const, values: COLOUR_RULES };
    for (const breach of await runAxe(page, rules)) {
      found.push(`${screen}, ${theme} theme: ${breach.id} (${breach.impact}) — ${breach.help} (${breach.helpUrl})\n  at ${breach.targets.join('\n  at ')}`);
    }
  }
  return found;
}

/** What the sample data and the set-up below leave in the workspace, by id and by what pages show. */
type Seed = {
  ws: string;
  interviewId: string;
  ticketId: string;
  problem: { id: string; title: string };
  backlogItem: { id: string; title: string };
  customer: { id: string; name: string };
  company: { id: string; name: string };
  surveyImportId: string;
  clusterRunId: string;
};

type Screen = {
  name: string;
  path: (seed: Seed) => string;
  /** What shows once the page has its data. */
  ready: (page: Page, seed: Seed) => Locator;
  /** Opens what is swept on top of the page: a dialog, a popover, the menu. */
  open?: (page: Page) => Promise<void>;
};

const TRASHED = { source: 'Old call notes', problem: 'A duplicate problem', backlogItem: 'A dropped idea' };
const MEMBER = { email: 'rita@example.com', name: 'Rita Researcher', role: 'researcher', password: 'an initial password' };
const TOKEN = 'Zendesk sync';
const TICKETS_CSV = ['Ticket ID,Subject,Description,Requester email', 'T-1,Card declined,My card was declined at the till.,ana@example.com'].join('\n');

const main = (page: Page) => page.getByRole('main');

/**
 * Selects the end of an interviewer's question and the start of the answer, as a person would with
 * the mouse: the interviewer's muted words must read on the selection's tint too. Turns with no
 * highlight, whose marks would split the text.
 */
async function selectQuestionAndAnswer(page: Page) {
  await page.evaluate(() => {
    const unmarked = (turn: Element | null) => !!turn && !turn.querySelector('mark');
    const question = Array.from(document.querySelectorAll('.reader-text .turn-interviewer')).find(
      (turn) => unmarked(turn) && turn.nextElementSibling?.matches('.turn:not(.turn-interviewer)') && unmarked(turn.nextElementSibling),
    );
    if (!question) throw new Error('No question and answer without highlights in the transcript');
    const textNodes = (turn: Element) => {
      const walker = document.createTreeWalker(turn.querySelector('.turn-text')!, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      return nodes;
    };
    const end = textNodes(question).at(-1)!;
    const start = textNodes(question.nextElementSibling!)[0]!;
    const range = document.createRange();
    range.setStart(end, Math.max(0, end.length - 30));
    range.setEnd(start, Math.min(start.length, 30));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
}
/** The inbox lists the newest first: tickets, so a row of any kind says the list is in. */
const inboxRows = (page: Page) => page.locator('.source-row').first();

const SCREENS: Screen[] = [
  { name: 'Inbox', path: (s) => `/w/${s.ws}/inbox`, ready: inboxRows },
  {
    name: 'Inbox, New note dialog',
    path: (s) => `/w/${s.ws}/inbox`,
    ready: inboxRows,
    open: async (page) => {
      await page.keyboard.press('n');
      await page.getByRole('dialog', { name: 'New note' }).waitFor();
    },
  },
  { name: 'Inbox, the trash', path: (s) => `/w/${s.ws}/inbox?trash=true`, ready: (page) => main(page).getByRole('link', { name: TRASHED.source }) },
  { name: 'Reader, an interview with highlights', path: (s) => `/w/${s.ws}/sources/${s.interviewId}`, ready: (page) => page.locator('.reader-panel .panel-item').first() },
  {
    name: 'Reader, tagging a selection',
    path: (s) => `/w/${s.ws}/sources/${s.interviewId}`,
    ready: (page) => page.locator('.reader-panel .panel-item').first(),
    open: async (page) => {
      await selectQuestionAndAnswer(page);
      await page.keyboard.press('h');
      await page.getByRole('dialog', { name: 'Tag the selection' }).waitFor();
    },
  },
  {
    name: 'Reader, finding in the text',
    path: (s) => `/w/${s.ws}/sources/${s.interviewId}`,
    ready: (page) => page.locator('.reader-panel .panel-item').first(),
    open: async (page) => {
      await page.keyboard.press('Control+f');
      await page.getByRole('textbox', { name: 'Find in the source' }).fill('the');
      await page.locator('.reader-text mark.find-current').waitFor();
    },
  },
  { name: 'Reader, a ticket with a highlight', path: (s) => `/w/${s.ws}/sources/${s.ticketId}`, ready: (page) => page.locator('.reader-panel .panel-item').first() },
  { name: 'Highlights', path: (s) => `/w/${s.ws}/highlights`, ready: (page) => page.locator('.highlight-card').first() },
  { name: 'Tags', path: (s) => `/w/${s.ws}/tags`, ready: (page) => page.locator('.tag-row', { hasText: 'Identity verification' }) },
  { name: 'Triage', path: (s) => `/w/${s.ws}/triage`, ready: (page) => page.getByRole('button', { name: /Link to problem or backlog/ }) },
  {
    name: 'Search, results, facets and a selection',
    path: (s) => `/w/${s.ws}/search?q=card`,
    ready: (page) => page.getByRole('complementary', { name: 'Filters' }),
    open: async (page) => {
      await page.locator('.search-result-check').first().check();
      await page.getByRole('region', { name: 'Selected results' }).waitFor();
    },
  },
  { name: 'Problems', path: (s) => `/w/${s.ws}/problems`, ready: (page, s) => page.getByRole('treeitem', { name: s.problem.title }) },
  { name: 'A problem', path: (s) => `/w/${s.ws}/problems/${s.problem.id}`, ready: (page) => page.locator('.evidence-item, .evidence-list li').first() },
  {
    name: 'A problem, adding evidence',
    path: (s) => `/w/${s.ws}/problems/${s.problem.id}`,
    ready: (page) => page.locator('.evidence-item, .evidence-list li').first(),
    open: async (page) => {
      await page.keyboard.press('l');
      await page.getByRole('dialog', { name: /^Add evidence to / }).locator('.highlight-card').first().waitFor();
    },
  },
  { name: 'Problems, the trash', path: (s) => `/w/${s.ws}/problems?view=trash`, ready: (page) => main(page).getByText(TRASHED.problem) },
  { name: 'Backlog', path: (s) => `/w/${s.ws}/backlog`, ready: (page, s) => main(page).getByRole('link', { name: s.backlogItem.title }) },
  { name: 'A backlog item', path: (s) => `/w/${s.ws}/backlog/${s.backlogItem.id}`, ready: (page) => page.locator('.evidence-item, .evidence-list li').first() },
  { name: 'Backlog, the trash', path: (s) => `/w/${s.ws}/backlog?view=trash`, ready: (page) => main(page).getByText(TRASHED.backlogItem) },
  { name: 'Clusters', path: (s) => `/w/${s.ws}/clusters`, ready: (page) => main(page).getByRole('table').getByText('Done') },
  { name: 'A finished cluster run', path: (s) => `/w/${s.ws}/clusters/${s.clusterRunId}`, ready: (page) => main(page).locator('.cluster').first() },
  { name: 'Trends', path: (s) => `/w/${s.ws}/trends`, ready: (page) => page.getByRole('region', { name: /^Highlights per/ }) },
  { name: 'Customers', path: (s) => `/w/${s.ws}/customers`, ready: (page, s) => main(page).getByRole('link', { name: s.customer.name }) },
  { name: 'A customer', path: (s) => `/w/${s.ws}/customers/${s.customer.id}`, ready: (page, s) => page.getByRole('heading', { level: 1, name: s.customer.name }) },
  { name: 'Companies', path: (s) => `/w/${s.ws}/companies`, ready: (page, s) => main(page).getByRole('link', { name: s.company.name }) },
  { name: 'A company', path: (s) => `/w/${s.ws}/companies/${s.company.id}`, ready: (page, s) => page.getByRole('heading', { level: 1, name: s.company.name }) },
  { name: 'Imports, the wizard and the history', path: (s) => `/w/${s.ws}/imports`, ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv') },
  {
    name: 'Imports, the preview and the column mapping',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    open: async (page) => {
      await page.getByRole('radio', { name: /Tickets \(CSV\)/ }).check();
      await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(TICKETS_CSV) });
      await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
    },
  },
  { name: 'An import’s report, with its scores', path: (s) => `/w/${s.ws}/imports/${s.surveyImportId}`, ready: (page) => page.getByRole('region', { name: 'Net Promoter Score' }) },
  { name: 'Settings, members', path: (s) => `/w/${s.ws}/settings/members`, ready: (page) => main(page).getByText(MEMBER.name) },
  { name: 'Settings, API tokens', path: (s) => `/w/${s.ws}/settings/tokens`, ready: (page) => main(page).getByText(TOKEN) },
  { name: 'Settings, the audit log', path: (s) => `/w/${s.ws}/settings/audit`, ready: (page) => main(page).getByRole('cell', { name: /^Loaded the sample data: / }) },
  { name: 'Settings, general', path: (s) => `/w/${s.ws}/settings/general`, ready: (page) => page.getByRole('region', { name: 'Name' }).getByLabel('Workspace name') },
  { name: 'Settings, your password', path: (s) => `/w/${s.ws}/settings/password`, ready: (page) => page.getByRole('region', { name: 'Your password' }).getByLabel('New password') },
  {
    name: 'The Ctrl-K palette',
    path: (s) => `/w/${s.ws}/inbox`,
    ready: inboxRows,
    open: async (page) => {
      await page.keyboard.press('Control+K');
      await page.getByRole('combobox', { name: 'Jump to' }).fill('car');
      await page.getByRole('option', { name: /Search what customers said/ }).waitFor();
    },
  },
  {
    name: 'The keyboard shortcuts',
    path: (s) => `/w/${s.ws}/inbox`,
    ready: inboxRows,
    open: async (page) => {
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
];

/** The screens a phone is most used for, and the open menu. */
const PHONE_SCREENS: Screen[] = [
  ...['Inbox', 'Reader, an interview with highlights', 'Triage', 'Search, results, facets and a selection', 'Highlights', 'Problems', 'A customer'].map((name) => SCREENS.find((screen) => screen.name === name)!),
  {
    name: 'Inbox, the menu open',
    path: (s) => `/w/${s.ws}/inbox`,
    ready: inboxRows,
    open: async (page) => {
      await page.getByRole('button', { name: /^Menu/ }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    },
  },
];

describe.skipIf(!browserAvailable)('accessibility of every screen (axe-core, WCAG 2 A and AA and best practices, both themes)', () => {
  const context = useServerAndBrowser();
  const seed = {} as Seed;
  beforeAll(() => loadAxeInto(context.page));

  async function show(screen: Screen, viewport: { width: number; height: number }) {
    const { page } = context;
    await page.setViewportSize(viewport);
    // Each screen from its address, as from a link or a reload: no dialog or selection of the last one stays.
    await page.goto(screen.path(seed));
    await screen.ready(page, seed).waitFor();
    await screen.open?.(page);
  }

  it('finds no breach on sign-up, with the errors of an empty form', async () => {
    const { page } = context;
    await page.setViewportSize(DESKTOP);
    await page.goto('/setup');
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await sweep(page, 'Sign-up')).toEqual([]);
  });

  describe('in a workspace with the sample data', () => {
    it('fills the workspace: the sample data, a finished cluster run, something in each trash, a member and a token', async () => {
      const { page } = context;
      await completeSetup(page);
      const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
      const list = async <T>(path: string) => (await api<{ items: T[] }>(page, 'GET', `/workspaces/${ws}${path}`)).items;
      await api(page, 'POST', `/workspaces/${ws}/sample-data`);
      // Tickets only, a few clusters: the run is over in moments.
      const run = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/cluster-runs`, { scope: { target: 'sources', kinds: ['ticket'] }, k: 4, seed: 1 });

      const [interview] = await list<{ id: string }>('/sources?kind=interview');
      const [ticketHighlight] = await list<{ sourceId: string }>('/highlights?sourceKind=ticket');
      const [problem] = await list<{ id: string; title: string }>('/insights?type=problem');
      const [backlogItem] = await list<{ id: string; title: string }>('/backlog-items');
      const [customer] = await list<{ id: string; name: string }>('/customers');
      const [company] = await list<{ id: string; name: string }>('/companies');
      const survey = (await list<{ id: string; fileName: string }>('/imports')).find((item) => item.fileName === 'nps-survey.csv')!;
      Object.assign(seed, {
        ws,
        interviewId: interview!.id,
        ticketId: ticketHighlight!.sourceId,
        problem: problem!,
        backlogItem: backlogItem!,
        customer: customer!,
        company: company!,
        surveyImportId: survey.id,
        clusterRunId: run.id,
      });

      const source = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/sources`, { kind: 'note', title: TRASHED.source, body: 'Nothing worth keeping.' });
      await api(page, 'DELETE', `/workspaces/${ws}/sources/${source.id}`);
      const trashedProblem = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/insights`, { type: 'problem', title: TRASHED.problem });
      await api(page, 'DELETE', `/workspaces/${ws}/insights/${trashedProblem.id}`);
      const trashedItem = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/backlog-items`, { title: TRASHED.backlogItem });
      await api(page, 'DELETE', `/workspaces/${ws}/backlog-items/${trashedItem.id}`);
      await api(page, 'POST', `/workspaces/${ws}/members`, MEMBER);
      await api(page, 'POST', `/workspaces/${ws}/tokens`, { name: TOKEN, role: 'contributor' });
      // The server's work, not the page's: a loaded machine may take longer than a page takes to draw.
      await expect.poll(async () => (await api<{ status: string }>(page, 'GET', `/workspaces/${ws}/cluster-runs/${run.id}`)).status, { timeout: 30_000 }).toBe('done');
    });

    for (const screen of SCREENS) {
      it(`finds no breach on ${screen.name}`, async () => {
        await show(screen, DESKTOP);
        expect(await sweep(context.page, screen.name)).toEqual([]);
      });
    }

    for (const screen of PHONE_SCREENS) {
      it(`finds no breach on ${screen.name}, on a phone`, async () => {
        await show(screen, PHONE);
        expect(await sweep(context.page, `${screen.name} (phone)`)).toEqual([]);
      });
    }

    it('finds no breach on sign-in, with the error of a wrong password', async () => {
      // A second browser context: no session, so the form shows.
      const page = await context.browser.newPage({ baseURL: context.baseUrl, viewport: DESKTOP });
      try {
        await loadAxeInto(page);
        await page.goto('/login');
        await page.getByLabel('Email').fill('owner@example.com');
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('.error-message').waitFor();
        expect(await sweep(page, 'Sign-in')).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
