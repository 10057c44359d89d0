import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, browserAvailable, completeSetup, useServerAndBrowser } from './harness.js';

/**
 * The review's phone, 390 × 844: on Search the first result shows without scrolling, the filters
 * behind a Filters button; and no screen is wider than the window (a page that scrolls sideways
 * hides half of every row), what each is for is in reach, and its buttons are tall enough for a
 * finger. `PHONE_LAYOUT_SCREENSHOTS=/tmp/dir` saves each screen's picture there, to look at.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MEMBER = { email: 'rita@example.com', name: 'Rita Researcher', role: 'researcher', password: 'an initial password' };
const TOKEN = 'Zendesk sync';
/** WCAG's enhanced target size is 44 px; a phone's controls here are at least this tall. */
const MIN_TAP_HEIGHT = 40;

type Seed = {
  ws: string;
  companyId: string;
  customerId: string;
  interviewId: string;
  ticketId: string;
  problemId: string;
  backlogItemId: string;
  clusterRunId: string;
  surveyImportId: string;
  /** Two tags in use: Trends draws them as chips, each with its ×. */
  tagIds: [string, string];
};
type Screen = {
  name: string;
  path: (seed: Seed) => string;
  /** What shows once the page has its data. */
  ready: (page: Page) => Locator;
  /** A step on the page before it is measured: a dialog, a wizard's next step, an open cluster. */
  open?: (page: Page) => Promise<void>;
  /** What the screen is for, which a phone's user must be able to see and tap: in the window's width, not covered. */
  primary: (page: Page) => Locator;
};

const main = (page: Page) => page.getByRole('main');

/** A tickets export with more columns than a phone is wide, and a row the import rejects. */
const TICKETS_CSV = [
  'Ticket ID,Subject,Description,Requester email,Requester name,Company,Created at,Priority,Status,Channel,Tags',
  'T-1,Card declined,"My card was declined at the till, twice, and the app said nothing about why.",ana@example.com,Ana Lopez,Acme Retail,2024-03-01,high,open,email,"cards, declines"',
  'T-2,Export fails,The CSV export of a whole year never finishes.,not-an-email,Bo Chen,Globex,2024-03-02,normal,solved,chat,exports',
].join('\n');

/** A survey export with a long question for a column and dates that read both ways (the wizard asks how). */
const SURVEY_CSV = [
  'Response ID,Submitted,How likely are you to recommend Acme Bank to a friend or colleague? (0-10),What is the main reason for your score?',
  'R1,09/11/2026 16:58,3,A transaction on my card shows as pending.',
  'R2,06/01/2026 08:17,9,The app makes transfers easy.',
].join('\n');

/** A short interview, its format and date read from its name. */
const TRANSCRIPT_VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Maya Okafor>How did the first weeks with the new bank go?',
  '',
  '00:00:05.000 --> 00:00:12.000',
  '<v Elena Costa>Onboarding was the hard part: the identity check failed twice for one of our partners.',
].join('\n');

/** Opens the wizard's preview and column mapping for the tickets export above. */
async function previewTicketsCsv(page: Page) {
  await page.getByRole('radio', { name: /Tickets \(CSV\)/ }).check();
  await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'helpdesk-export.csv', mimeType: 'text/csv', buffer: Buffer.from(TICKETS_CSV) });
  await page.getByRole('heading', { name: /Check the preview/ }).waitFor();
}

const SCREENS: Screen[] = [
  {
    name: 'Inbox',
    path: (s) => `/w/${s.ws}/inbox`,
    ready: (page) => page.locator('.source-row').first(),
    primary: (page) => page.locator('.source-row-title').first(),
  },
  {
    name: 'Search',
    path: (s) => `/w/${s.ws}/search?q=card`,
    ready: (page) => page.locator('.search-result').first(),
    primary: (page) => page.locator('.search-result-title').first(),
  },
  {
    name: 'Highlights',
    path: (s) => `/w/${s.ws}/highlights`,
    ready: (page) => page.locator('.highlight-card').first(),
    primary: (page) => page.locator('.highlight-quote').first(),
  },
  {
    name: 'The reader, an interview',
    path: (s) => `/w/${s.ws}/sources/${s.interviewId}`,
    ready: (page) => page.locator('.reader-panel .panel-item').first(),
    primary: (page) => page.locator('.reader-text .turn').first(),
  },
  {
    name: 'The reader, a ticket',
    path: (s) => `/w/${s.ws}/sources/${s.ticketId}`,
    ready: (page) => page.locator('.reader-panel .panel-item').first(),
    primary: (page) => page.locator('.reader-text').first(),
  },
  {
    name: 'Triage',
    path: (s) => `/w/${s.ws}/triage`,
    ready: (page) => page.getByRole('button', { name: /Link to problem or backlog/ }),
    primary: (page) => page.getByRole('button', { name: /Link to problem or backlog/ }),
  },
  {
    name: 'Tags',
    path: (s) => `/w/${s.ws}/tags`,
    ready: (page) => page.locator('.tag-row').first(),
    primary: (page) => page.locator('.tag-row-name').first(),
  },
  {
    name: 'Problems',
    path: (s) => `/w/${s.ws}/problems`,
    ready: (page) => page.getByRole('treeitem').first(),
    primary: (page) => page.locator('.insight-row-title').first(),
  },
  {
    name: 'A problem, with its evidence',
    path: (s) => `/w/${s.ws}/problems/${s.problemId}`,
    ready: (page) => page.locator('.evidence-item').first(),
    primary: (page) => page.locator('.evidence-item').first(),
  },
  {
    name: 'Backlog',
    path: (s) => `/w/${s.ws}/backlog`,
    ready: (page) => page.locator('.backlog-table tbody tr').first(),
    primary: (page) => page.locator('.backlog-table tbody tr').first().getByRole('link').first(),
  },
  {
    name: 'A backlog item, with its evidence',
    path: (s) => `/w/${s.ws}/backlog/${s.backlogItemId}`,
    ready: (page) => page.locator('.evidence-item').first(),
    primary: (page) => page.locator('.evidence-item').first(),
  },
  {
    name: 'Clusters',
    path: (s) => `/w/${s.ws}/clusters`,
    ready: (page) => main(page).getByRole('table').getByText('Done'),
    primary: (page) => main(page).getByRole('button', { name: 'New cluster run' }),
  },
  {
    name: 'Clusters, a new run',
    path: (s) => `/w/${s.ws}/clusters`,
    ready: (page) => main(page).getByRole('table').getByText('Done'),
    open: async (page) => {
      await main(page).getByRole('button', { name: 'New cluster run' }).click();
      await page.getByRole('dialog', { name: 'New cluster run' }).locator('.scope-count-total').waitFor();
    },
    primary: (page) => page.getByRole('dialog', { name: 'New cluster run' }).getByRole('button', { name: 'Start clustering' }),
  },
  {
    name: 'A finished cluster run',
    path: (s) => `/w/${s.ws}/clusters/${s.clusterRunId}`,
    ready: (page) => main(page).locator('.cluster').first(),
    primary: (page) => main(page).locator('.cluster-toggle').first(),
  },
  {
    name: 'A finished cluster run, a cluster open with members chosen',
    path: (s) => `/w/${s.ws}/clusters/${s.clusterRunId}`,
    ready: (page) => main(page).locator('.cluster').first(),
    open: async (page) => {
      const cluster = main(page).locator('.cluster').first();
      await cluster.locator('.cluster-toggle').click();
      await cluster.locator('.cluster-member-check').first().check();
      await cluster.locator('.cluster-selection').waitFor();
    },
    primary: (page) => main(page).locator('.cluster-selection').getByRole('button', { name: 'Move', exact: true }),
  },
  {
    name: 'Trends, with the numbers shown',
    path: (s) => `/w/${s.ws}/trends`,
    ready: (page) => page.locator('.trends-chart .recharts-line').first(),
    open: async (page) => {
      await page.getByRole('button', { name: 'Show the numbers' }).click();
      await page.locator('.trends-table').waitFor();
    },
    primary: (page) => page.locator('.trends-chart .recharts-surface').first(),
  },
  {
    name: 'Trends, two tags chosen',
    path: (s) => `/w/${s.ws}/trends?${s.tagIds.map((id) => `tagId=${id}`).join('&')}`,
    ready: (page) => page.locator('.trends-chart .recharts-line').first(),
    primary: (page) => page.getByRole('list', { name: 'Tags drawn' }).getByRole('button', { name: /^Remove tag / }).first(),
  },
  {
    name: 'Customers',
    path: (s) => `/w/${s.ws}/customers`,
    ready: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first(),
    primary: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first().getByRole('link').first(),
  },
  {
    name: 'A customer',
    path: (s) => `/w/${s.ws}/customers/${s.customerId}`,
    ready: (page) => page.getByRole('heading', { level: 1 }),
    primary: (page) => page.locator('.customer-facts').first(),
  },
  {
    name: 'Companies',
    path: (s) => `/w/${s.ws}/companies`,
    ready: (page) => page.getByRole('table', { name: /^Companies/ }).locator('tbody tr').first(),
    primary: (page) => page.getByRole('table', { name: /^Companies/ }).locator('tbody tr').first().getByRole('link').first(),
  },
  {
    name: 'A company, with its customers',
    path: (s) => `/w/${s.ws}/companies/${s.companyId}`,
    ready: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first(),
    primary: (page) => page.getByRole('table', { name: 'Customers' }).locator('tbody tr').first().getByRole('link').first(),
  },
  {
    name: 'Imports, the wizard and the history',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    primary: (page) => page.locator('.file-drop-label'),
  },
  {
    name: 'Imports, the preview and the column mapping',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    open: previewTicketsCsv,
    primary: (page) => page.getByRole('button', { name: 'Start import' }),
  },
  {
    name: 'Imports, a survey’s preview, its question columns and how its dates read',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    open: async (page) => {
      await page.getByRole('radio', { name: /Survey answers \(CSV\)/ }).check();
      await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'nps-export.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY_CSV) });
      await page.getByRole('group', { name: 'Dates in “Submitted”' }).waitFor();
    },
    primary: (page) => page.getByRole('button', { name: 'Start import' }),
  },
  {
    name: 'Imports, a transcript’s preview and options',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    open: async (page) => {
      await page.getByLabel(/Drop the file here/).setInputFiles({ name: 'call-2024-05-02.vtt', mimeType: 'text/vtt', buffer: Buffer.from(TRANSCRIPT_VTT) });
      await page.getByLabel('Date of the interview').waitFor();
    },
    primary: (page) => page.getByRole('button', { name: 'Start import' }),
  },
  {
    name: 'Imports, the report of an import with a rejected row',
    path: (s) => `/w/${s.ws}/imports`,
    ready: (page) => page.getByRole('table', { name: 'Import history' }).getByText('support-tickets.csv'),
    open: async (page) => {
      await previewTicketsCsv(page);
      await page.getByRole('button', { name: 'Start import' }).click();
      await page.getByRole('heading', { name: /Import finished: helpdesk-export\.csv/ }).waitFor();
      await page.getByRole('table', { name: /Rejected rows/ }).waitFor();
    },
    primary: (page) => page.getByRole('button', { name: 'Import another file' }),
  },
  {
    name: 'An import’s report, with its scores',
    path: (s) => `/w/${s.ws}/imports/${s.surveyImportId}`,
    ready: (page) => page.getByRole('region', { name: 'Net Promoter Score' }),
    primary: (page) => page.getByRole('region', { name: 'Net Promoter Score' }),
  },
  {
    name: 'Settings, members',
    path: (s) => `/w/${s.ws}/settings/members`,
    ready: (page) => main(page).getByText(MEMBER.name),
    primary: (page) => main(page).getByRole('button', { name: 'Add member' }),
  },
  {
    name: 'Settings, API tokens',
    path: (s) => `/w/${s.ws}/settings/tokens`,
    ready: (page) => main(page).getByText(TOKEN),
    primary: (page) => main(page).getByRole('button', { name: /Create( a)? token/ }),
  },
  {
    name: 'Settings, the audit log',
    path: (s) => `/w/${s.ws}/settings/audit`,
    ready: (page) => main(page).getByRole('cell', { name: /^Loaded the sample data: / }),
    primary: (page) => main(page).getByRole('cell', { name: /^Loaded the sample data: / }),
  },
  {
    name: 'Settings, general',
    path: (s) => `/w/${s.ws}/settings/general`,
    ready: (page) => page.getByRole('region', { name: 'Name' }).getByLabel('Workspace name'),
    primary: (page) => page.getByRole('region', { name: 'Name' }).getByRole('button'),
  },
];

/**
 * What scrolls sideways: the page, when the document is wider than the window (with the outermost
 * elements past the window's right edge, to say what to fix), and any box in it, such as a table's
 * wrapper, whose content is wider than itself — half of each row hidden either way. A region made
 * to scroll sideways (a file's columns, a table of numbers per tag) is the exception, when it says
 * so: a `.scroll-region` that keyboards can reach (focusable, named) and whose cue (its
 * description) shows.
 */
function measureSidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
    const edge = window.innerWidth;
    const pastEdge = (element: Element | null) => !!element && element.getBoundingClientRect().right > edge + 0.5;
    const scrollWidth = document.documentElement.scrollWidth;
    const all = Array.from(document.body.querySelectorAll('*'));
    const pastTheEdge =
      scrollWidth <= edge
        ? []
        : all
            .filter((element) => pastEdge(element) && !pastEdge(element.parentElement))
            .slice(0, 10)
            .map((element) => `${describe(element)} (right ${Math.round(element.getBoundingClientRect().right)} px)`);
    const scrolling = all.filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth + 1);
    const isRegion = (element: Element) => element.matches('.scroll-region');
    const scrollingBoxes = scrolling.filter((element) => !isRegion(element)).map((element) => `${describe(element)} (${element.scrollWidth} px in ${element.clientWidth} px)`);
    const shown = (element: Element | null) => !!element && element.getBoundingClientRect().width > 0 && getComputedStyle(element).visibility !== 'hidden';
    const regionsWithoutCue = scrolling.filter(isRegion).flatMap((element) => {
      const cue = document.getElementById(element.getAttribute('aria-describedby') ?? '');
      const problems = [
        element.getAttribute('role') === 'region' && (element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby')) ? '' : 'not a named region',
        element.getAttribute('tabindex') === '0' ? '' : 'not focusable',
        shown(cue) ? '' : 'no cue shown',
      ].filter(Boolean);
      return problems.length ? [`${describe(element)}: ${problems.join(', ')}`] : [];
    });
    return { scrollWidth, innerWidth: edge, pastTheEdge, scrollingBoxes, regionsWithoutCue };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, pastTheEdge, scrollingBoxes, regionsWithoutCue } = await measureSidewaysScroll(page);
  expect(scrollWidth, `past the right edge: ${pastTheEdge.join(', ')}`).toBeLessThanOrEqual(innerWidth);
  expect(scrollingBoxes).toEqual([]);
  expect(regionsWithoutCue).toEqual([]);
}

/**
 * Brought into view as a tap would need: inside the window's width, on top where its middle is (no
 * sticky bar or other box over it), and a control at least MIN_TAP_HEIGHT tall.
 */
async function expectInReach(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const reach = await target.evaluate((element, minHeight) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height, window.innerHeight) / 2);
    const control = element.matches('button, select, input, textarea, .btn');
    return {
      left: box.left,
      right: box.right,
      innerWidth: window.innerWidth,
      onTop: !!hit && (element.contains(hit) || hit.contains(element)),
      covered: hit ? `${hit.tagName.toLowerCase()}.${Array.from(hit.classList).join('.')}` : 'nothing',
      tallEnough: !control || box.height >= minHeight,
      height: box.height,
    };
  }, MIN_TAP_HEIGHT);
  expect(reach.left).toBeGreaterThanOrEqual(0);
  expect(reach.right).toBeLessThanOrEqual(reach.innerWidth);
  expect(reach.onTop, `covered by ${reach.covered}`).toBe(true);
  expect(reach.tallEnough, `${reach.height} px tall`).toBe(true);
}

/**
 * The buttons a finger taps, drawn small or not: the page's and an open dialog's, a tree's toggles,
 * a chip's ×, a dialog's Close; and those that read as text: the sizes chart's cluster names, the
 * reader's quotes, a disclosure's summary.
 */
const TAPPED = ['.btn', 'button.tree-toggle', '.chip-remove', '.size-label', '.panel-quote', 'summary'].flatMap((selector) => [`main ${selector}`, `dialog[open] ${selector}`]).concat('dialog[open] .dialog-header button');

/** The page's buttons (and those of an open dialog) narrower or shorter than a finger needs. */
function buttonsTooSmallToTap(page: Page) {
  return page.evaluate(
    ({ selectors, minSize }) => {
      const buttons = Array.from(document.querySelectorAll(selectors.join(', ')));
      return buttons
        .filter((button) => {
          const box = button.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && Math.min(box.width, box.height) < minSize - 0.5;
        })
        .map((button) => {
          const box = button.getBoundingClientRect();
          const name = button.getAttribute('aria-label') ?? (button.textContent ?? '').trim().slice(0, 40);
          return `“${name}” (${Math.round(box.width)} × ${Math.round(box.height)} px)`;
        });
    },
    { selectors: TAPPED, minSize: MIN_TAP_HEIGHT },
  );
}

/** The bar on top names the page beside Menu, and shows the brand's stones beside its name. */
async function expectBarNamesThePage(page: Page) {
  expect(await page.locator('.nav-menu-button').getAttribute('aria-label')).toMatch(/^Menu: \S/);
  expect(await page.locator('.nav-menu-page').isVisible()).toBe(true);
  const logo = await page.locator('.sidebar .brand .cairn-logo').boundingBox();
  expect(logo?.width).toBeGreaterThan(0);
}

/** Set to a folder, every screen's picture is saved there, to look at what a phone shows. */
const SCREENSHOTS = process.env.PHONE_LAYOUT_SCREENSHOTS;

/** Until nothing is loading: a list that is still arriving could widen the page after it is measured. */
async function settle(page: Page) {
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
}

describe.skipIf(!browserAvailable)('the layout on a phone (390 × 844)', () => {
  const context = useServerAndBrowser();
  const seed = {} as Seed;
  const filtersButton = () => context.page.getByRole('complementary', { name: 'Filters' }).getByRole('button', { name: /^Filters/ });
  const results = () => context.page.locator('.search-result');

  it('fits the empty Inbox a new owner lands on, each way to start in reach', async () => {
    const { page } = context;
    await page.setViewportSize(PHONE);
    await completeSetup(page);
    const empty = page.getByRole('region', { name: 'No evidence yet' });
    await empty.waitFor();
    await expectNoSidewaysScroll(page);
    await expectInReach(empty.getByRole('link', { name: 'Import files' }));
    await expectInReach(empty.getByRole('button', { name: 'New note' }));
    await expectInReach(empty.getByRole('button', { name: /^Load sample data/ }));
  });

  it('fills a workspace with the sample data, a member, a token and a finished cluster run', async () => {
    const { page } = context;
    const ws = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const list = async <T>(path: string) => (await api<{ items: T[] }>(page, 'GET', `/workspaces/${ws}${path}`)).items;
    await api(page, 'POST', `/workspaces/${ws}/sample-data`);
    await api(page, 'POST', `/workspaces/${ws}/members`, MEMBER);
    await api(page, 'POST', `/workspaces/${ws}/tokens`, { name: TOKEN, role: 'contributor' });
    // Tickets only, a few clusters: the run is over in moments.
    const run = await api<{ id: string }>(page, 'POST', `/workspaces/${ws}/cluster-runs`, { scope: { target: 'sources', kinds: ['ticket'] }, k: 4, seed: 1 });
    // The company with the most customers: its page lists them.
    const companies = await list<{ id: string; customers: number }>('/companies?sort=evidence');
    const [company] = [...companies].sort((a, b) => b.customers - a.customers);
    const [interview] = await list<{ id: string }>('/sources?kind=interview');
    const [ticketHighlight] = await list<{ sourceId: string }>('/highlights?sourceKind=ticket');
    const [problem] = await list<{ id: string }>('/insights?type=problem');
    const [backlogItem] = await list<{ id: string }>('/backlog-items');
    const [customer] = await list<{ id: string }>('/customers');
    const survey = (await list<{ id: string; fileName: string }>('/imports')).find((item) => item.fileName === 'nps-survey.csv')!;
    const tags = (await list<{ id: string; usageCount: number }>('/tags')).filter((tag) => tag.usageCount > 0);
    Object.assign(seed, {
      ws,
      companyId: company!.id,
      customerId: customer!.id,
      interviewId: interview!.id,
      ticketId: ticketHighlight!.sourceId,
      problemId: problem!.id,
      backlogItemId: backlogItem!.id,
      clusterRunId: run.id,
      surveyImportId: survey.id,
      tagIds: [tags[0]!.id, tags[1]!.id],
    } satisfies Seed);
    await expect.poll(async () => (await api<{ status: string }>(page, 'GET', `/workspaces/${ws}/cluster-runs/${run.id}`)).status, { timeout: 30_000 }).toBe('done');
    await page.setViewportSize(PHONE);
  });

  it('shows the first search result without scrolling, the filters closed behind a Filters button', async () => {
    const { page } = context;
    await page.goto(`/w/${seed.ws}/search?q=card`);
    await results().first().waitFor();
    await settle(page);
    const box = await results()
      .first()
      .evaluate((result) => {
        const { top, bottom } = result.getBoundingClientRect();
        return { top, bottom, scrollY: window.scrollY };
      });
    expect(box.scrollY).toBe(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(PHONE.height);

    expect(await filtersButton().textContent()).toMatch(/^.?Filters$/);
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('false');
    const panel = page.locator(`[id="${await filtersButton().getAttribute('aria-controls')}"]`);
    expect(await panel.isVisible()).toBe(false);
    // After the count and sort, so that the results' header stays where it was.
    const sortBottom = await page.getByRole('combobox', { name: 'Sort' }).evaluate((select) => select.getBoundingClientRect().bottom);
    expect((await filtersButton().boundingBox())!.y).toBeGreaterThanOrEqual(sortBottom);
  });

  it('opens the filters from the button; a filter chosen there filters the results and is counted on the button', async () => {
    const { page } = context;
    await filtersButton().click();
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[id="${await filtersButton().getAttribute('aria-controls')}"]`);
    expect(await panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: /^Highlights/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('highlight');
    await expect.poll(() => filtersButton().textContent()).toMatch(/Filters · 1/);
    // Each result's badge: highlights only, where tickets and interviews were listed too.
    await expect.poll(async () => [...new Set(await page.locator('.search-type').allTextContents())]).toEqual(['Highlight']);
    expect(await panel.getByRole('button', { name: /^Highlights/ }).getAttribute('aria-pressed')).toBe('true');
    // No wider than the window, open.
    await expectNoSidewaysScroll(page);

    await filtersButton().click();
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
  });

  it('keeps the filters open in their column on a wide screen, with no Filters button', async () => {
    const { page } = context;
    await page.setViewportSize(DESKTOP);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('heading', { name: 'Show' }).waitFor();
    expect(await filters.getByRole('button', { name: /^Filters/ }).count()).toBe(0);
    const filtersRight = (await filters.boundingBox())!;
    const resultsLeft = (await page.getByRole('region', { name: 'Results' }).boundingBox())!;
    expect(filtersRight.x + filtersRight.width).toBeLessThanOrEqual(resultsLeft.x);
    await page.setViewportSize(PHONE);
  });

  it('folds the Inbox filters behind a Filters button that counts those set, the first sources in the first screen', async () => {
    const { page } = context;
    await page.goto(`/w/${seed.ws}/inbox?kind=ticket&from=2000-01-01&to=2099-12-31`);
    await page.locator('.source-row').first().waitFor();
    const bar = page.getByRole('search', { name: 'Filter sources' });
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('false');
    expect(await bar.isVisible()).toBe(false);
    // The kind and the dates: a range is one filter.
    expect(await filtersButton().textContent()).toMatch(/Filters · 2 active$/);
    const firstRow = (await page.locator('.source-row').first().boundingBox())!;
    expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(PHONE.height);

    await filtersButton().click();
    expect(await filtersButton().getAttribute('aria-expanded')).toBe('true');
    await bar.getByLabel('Kind').selectOption('');
    await expect.poll(() => filtersButton().textContent()).toMatch(/Filters · 1 active$/);
    await expectNoSidewaysScroll(page);
    await filtersButton().click();
    expect(await bar.isVisible()).toBe(false);
  });

  it('folds the Triage filters behind a Filters button, the item’s actions in the first screen', async () => {
    const { page } = context;
    await page.goto(`/w/${seed.ws}/triage`);
    const link = page.getByRole('button', { name: /Link to problem or backlog/ });
    await link.waitFor();
    const show = page.getByLabel('Show', { exact: true });
    expect(await show.isVisible()).toBe(false);
    expect(await filtersButton().textContent()).toMatch(/^.?Filters$/);
    const actions = (await link.boundingBox())!;
    expect(actions.y + actions.height).toBeLessThanOrEqual(PHONE.height);

    await filtersButton().click();
    await show.selectOption('ticket');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('ticket');
    await expect.poll(() => filtersButton().textContent()).toMatch(/Filters · 1 active$/);
    await expectNoSidewaysScroll(page);
  });

  it('keeps the Inbox and Triage filters open on a wide screen, with no Filters button, the Inbox’s labels in line', async () => {
    const { page } = context;
    await page.setViewportSize(DESKTOP);
    // Each kind of control the bar can hold: selects, a chosen customer, dates, a score range's bounds.
    await page.goto(`/w/${seed.ws}/inbox?customerId=${seed.customerId}&scoreMin=1&scoreMax=3`);
    const bar = page.getByRole('search', { name: 'Filter sources' });
    await bar.getByLabel('Lowest score').waitFor();
    await bar.getByRole('button', { name: 'Clear the customer filter' }).waitFor();
    expect(await page.getByRole('button', { name: /^.?Filters/ }).count()).toBe(0);
    // The fields of one line (labels a few pixels apart) have their labels, and their controls' bottoms, exactly in line.
    const fields = await bar.locator('.field').evaluateAll((elements) =>
      elements.map((field) => ({ label: field.children[0]!.getBoundingClientRect().top, bottom: field.children[1]!.getBoundingClientRect().bottom })),
    );
    const sameLine = fields.flatMap((a, i) => fields.slice(i + 1).filter((b) => Math.abs(a.label - b.label) < 12).map((b) => [a, b] as const));
    expect(sameLine.length).toBeGreaterThan(2);
    for (const [a, b] of sameLine) {
      expect(Math.abs(a.label - b.label)).toBeLessThan(0.5);
      expect(Math.abs(a.bottom - b.bottom)).toBeLessThan(0.5);
    }
    await page.goto(`/w/${seed.ws}/triage`);
    await page.getByLabel('Show', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^.?Filters/ }).count()).toBe(0);
    await page.setViewportSize(PHONE);
  });

  it('gives each name in the Ctrl-K palette the row beside its group, its detail under it, rather than cut it to a word', async () => {
    const { page } = context;
    await page.goto(`/w/${seed.ws}/inbox`);
    await page.locator('.source-row').first().waitFor();
    await page.getByRole('button', { name: /Jump to/ }).click();
    // Problems and a backlog item, whose details ("problem · validated") took half of each row.
    await page.getByRole('combobox', { name: 'Jump to' }).fill('card');
    await page.getByRole('option').nth(2).waitFor();
    const rows = await page.getByRole('option').evaluateAll((options) =>
      options.map((option) => {
        const [group, name] = [option.querySelector('.palette-group')!, option.querySelector('.combobox-name')!].map((part) => part.getBoundingClientRect());
        const row = option.getBoundingClientRect();
        return { name: option.querySelector('.combobox-name')!.textContent, room: Math.round(row.right - group!.right - name!.width) };
      }),
    );
    // What is left of the row beside the group and the name: the gap and the option's padding, no more.
    expect(rows.filter((row) => row.room > 24)).toEqual([]);
  });

  it('hides the hints for a physical keyboard on a touch screen, and keeps them for a mouse at the same width', async () => {
    const { page, browser, baseUrl } = context;
    const touch = await browser.newContext({ baseURL: baseUrl, viewport: PHONE, hasTouch: true, isMobile: true, storageState: await page.context().storageState() });
    try {
      const phone = await touch.newPage();
      expect(await phone.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
      for (const current of [phone, page]) {
        await current.goto(`/w/${seed.ws}/inbox`);
        await current.locator('.source-row').first().waitFor();
      }
      expect(await phone.locator('.source-list-keys').isVisible()).toBe(false);
      expect(await page.locator('.source-list-keys').isVisible()).toBe(true);

      // Search keeps its syntax help, only the keys go.
      await phone.goto(`/w/${seed.ws}/search?q=card`);
      await phone.locator('.search-result').first().waitFor();
      expect(await phone.locator('#search-hint').isVisible()).toBe(true);
      expect(await phone.locator('#search-hint').getByText(/^Keys:/).isVisible()).toBe(false);

      // Triage's buttons keep their words, not their keys.
      await phone.goto(`/w/${seed.ws}/triage`);
      const link = phone.getByRole('button', { name: /Link to problem or backlog/ });
      await link.waitFor();
      expect(await link.locator('kbd').isVisible()).toBe(false);
      expect(await phone.locator('.page-header kbd').first().isVisible()).toBe(false);
    } finally {
      await touch.close();
    }
  });

  for (const screen of SCREENS) {
    it(`fits ${screen.name} in the window's width, what it is for in reach and tall enough to tap`, async () => {
      const { page } = context;
      // Each screen from its address, as from a link or a reload: no dialog or selection of the last one stays.
      await page.goto(screen.path(seed));
      await screen.ready(page).waitFor();
      await screen.open?.(page);
      await settle(page);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${screen.name.replace(/[^\w]+/g, '-')}.png`, fullPage: true });
      await expectNoSidewaysScroll(page);
      await expectInReach(screen.primary(page));
      expect(await buttonsTooSmallToTap(page)).toEqual([]);
      await expectBarNamesThePage(page);
    });
  }
});
