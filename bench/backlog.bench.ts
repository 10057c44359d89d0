import type { Benchmark, BenchRow } from './lib/report.js';
import { numberRows, onPostgresAndPglite, seedCustomers, timedGetOf, timeRoutes, type SeededCairn } from './lib/seeded-cairn.js';

/**
 * The backlog ranked by evidence (ADR 009), on a densely linked workspace: 500 backlog items
 * with ~160,000 item–highlight pairs (250 highlights linked to each item directly, and two
 * problems of 40 highlights each), over 60,000 tickets of 20,000 customers in 3,000
 * companies. One client, one request at a time, through the API: the first page ranked by
 * evidence, the first page newest first, and the best-supported item's page. Loaded with
 * seeded SQL, so two runs hold the same rows.
 */
const ITEMS = 500;
const DIRECT_LINKS_PER_ITEM = 250;
const INSIGHTS = 300;
const HIGHLIGHTS_PER_INSIGHT = 40;
const INSIGHTS_PER_ITEM = 2;
const SOURCES = 60_000;
const CUSTOMERS = 20_000;
const COMPANIES = 3_000;
const WARM_UP = 5;
const SAMPLES = 40;

/**
 * The workspace's evidence, in statements that run alike on PostgreSQL and PGlite. Each
 * `random()` follows the seed set first, in one session. The companies benchmark loads it too.
 */
export function backlogWorkspace(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  return [
    `select setseed(0.42)`,
    `insert into companies (workspace_id, name, segment, annual_revenue)
      select ${ws}, 'Company ' || i, (array['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3], (10000 * exp(random() * 7))::bigint
      from generate_series(1, ${COMPANIES}) i`,
    ...seedCustomers(ws, CUSTOMERS, COMPANIES),
    `insert into sources (workspace_id, kind, title, body, occurred_at, customer_id)
      select ${ws}, 'ticket', 'Ticket ' || i, 'The export keeps failing when I pick more than a year of data, ticket ' || i,
        now() - random() * interval '730 days', c.id
      from generate_series(1, ${SOURCES}) i join numbered_customers c on c.n = 1 + (i::int8 * 104729) % ${CUSTOMERS}`,
    `insert into highlights (workspace_id, source_id, start, "end", quote, source_kind, source_occurred_at, source_customer_id)
      select workspace_id, id, 0, length(body), body, kind, occurred_at, customer_id from sources where workspace_id = ${ws}`,
    numberRows(ws, 'highlights'),
    `insert into insights (workspace_id, type, title) select ${ws}, 'problem', 'Problem ' || i from generate_series(1, ${INSIGHTS}) i`,
    numberRows(ws, 'insights'),
    `insert into backlog_items (workspace_id, title, status, created_at)
      select ${ws}, 'Backlog item ' || i, 'idea', now() - i * interval '1 hour' from generate_series(1, ${ITEMS}) i`,
    numberRows(ws, 'backlog_items'),
    // Each item's evidence leans on its own stretch of the highlights, some spread wider than others.
    `insert into backlog_highlights (workspace_id, backlog_item_id, highlight_id)
      select distinct ${ws}, b.id, h.id from numbered_backlog_items b
      cross join generate_series(1, ${DIRECT_LINKS_PER_ITEM}) j
      join numbered_highlights h on h.n = 1 + (b.n * 997 + j * (1 + b.n % 13) * 31) % ${SOURCES}`,
    `insert into insight_highlights (workspace_id, insight_id, highlight_id)
      select distinct ${ws}, i.id, h.id from numbered_insights i
      cross join generate_series(1, ${HIGHLIGHTS_PER_INSIGHT}) j
      join numbered_highlights h on h.n = 1 + (i.n * 4021 + j * 577) % ${SOURCES}`,
    `insert into backlog_insights (workspace_id, backlog_item_id, insight_id)
      select distinct ${ws}, b.id, i.id from numbered_backlog_items b
      cross join generate_series(1, ${INSIGHTS_PER_ITEM}) j
      join numbered_insights i on i.n = 1 + (b.n * 3 + j * 151) % ${INSIGHTS}`,
    `analyze`,
  ];
}

/** The pairs the score reads: each item's own highlights and its problems' highlights. */
const PAIRS = `select count(*)::int as pairs from (
  select backlog_item_id, highlight_id from backlog_highlights
  union select bi.backlog_item_id, ih.highlight_id from backlog_insights bi join insight_highlights ih using (insight_id)) p`;

async function timeBacklog(cairn: SeededCairn): Promise<BenchRow[]> {
  const get = timedGetOf(cairn);
  const best = (await get<{ items: Array<{ id: string }> }>('/backlog-items?sort=evidence&limit=1')).body.items[0]!;
  const routes: Array<[string, string]> = [
    ['ranked by evidence, first page of 50', '/backlog-items?sort=evidence&limit=50'],
    ['newest first, first page of 50', '/backlog-items?limit=50'],
    ['the best-supported item', `/backlog-items/${best.id}`],
  ];
  return timeRoutes(get, routes, {
    benchmark: 'backlog',
    driver: cairn.driver,
    what: 'GET backlog',
    warmUp: WARM_UP,
    samples: SAMPLES,
    note: `${ITEMS} items, ${cairn.tally.toLocaleString('en-US')} item–highlight pairs`,
  });
}

export const backlogBenchmark: Benchmark = {
  name: 'backlog',
  description: `the backlog ranked by evidence: ${ITEMS} items, ~160,000 item–highlight pairs, on PostgreSQL and PGlite, one client`,
  run: () => onPostgresAndPglite({ name: 'backlog', statements: backlogWorkspace, tally: PAIRS }, timeBacklog),
};
