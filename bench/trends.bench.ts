import type { Benchmark, BenchRow } from './lib/report.js';
import { numberRows, onPostgresAndPglite, seedCustomers, timedGetOf, timeRoutes, type SeededCairn } from './lib/seeded-cairn.js';

/**
 * Tag trends (ADR 015) on a workspace of 100,000 highlights with ~195,000 tag links (60 tags,
 * one to three per highlight, a few used far more than the rest) over 60,000 sources said in the
 * last two years, 2% of highlights and 1% of sources in the trash. One client, one request at a
 * time, through the API: the ranges the Trends page offers, and the longest weekly one. Loaded
 * with seeded SQL, so two runs hold the same rows (dated from the day of the run).
 */
const HIGHLIGHTS = 100_000;
const SOURCES = 60_000;
const CUSTOMERS = 20_000;
const COMPANIES = 3_000;
const TAGS = 60;
const WARM_UP = 5;
const SAMPLES = 30;

function loadStatements(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  return [
    `select setseed(0.42)`,
    `insert into companies (workspace_id, name, segment)
      select ${ws}, 'Company ' || i, (array['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3] from generate_series(1, ${COMPANIES}) i`,
    ...seedCustomers(ws, CUSTOMERS, COMPANIES),
    `insert into sources (workspace_id, kind, title, body, occurred_at, customer_id, deleted_at)
      select ${ws}, (array['ticket', 'interview', 'survey_response', 'review', 'note'])[1 + i % 5], 'Source ' || i,
        'The export keeps failing when I pick more than a year of data, and support could not say why. Source ' || i,
        now() - random() * interval '730 days', c.id, case when i % 100 = 0 then now() end
      from generate_series(1, ${SOURCES}) i join numbered_customers c on c.n = 1 + (i::int8 * 104729) % ${CUSTOMERS}`,
    numberRows(ws, 'sources'),
    `insert into tags (workspace_id, name) select ${ws}, 'Tag ' || i from generate_series(1, ${TAGS}) i`,
    numberRows(ws, 'tags'),
    // The source's kind, date, customer and trash are copied by the insert trigger (migration 0009).
    `insert into highlights (workspace_id, source_id, start, "end", quote, deleted_at)
      select ${ws}, s.id, 0, 60, 'The export keeps failing when I pick more than a year of data', case when i % 50 = 0 then now() end
      from generate_series(1, ${HIGHLIGHTS}) i join numbered_sources s on s.n = 1 + (i::int8 * 7) % ${SOURCES}`,
    numberRows(ws, 'highlights'),
    // One to three tags each, drawn with a skew: a few tags carry most of the evidence.
    `insert into highlight_tags (workspace_id, highlight_id, tag_id)
      select distinct ${ws}, p.id, t.id from (
        select h.id, 1 + floor(${TAGS} * power(random(), 2))::int as tag_n from numbered_highlights h cross join generate_series(1, 1 + (h.n % 3)::int) j
      ) p join numbered_tags t on t.n = p.tag_n`,
    `analyze`,
  ];
}

const LINKS = `select count(*)::int as links from highlight_tags`;

const day = (date: Date) => date.toISOString().slice(0, 10);
const monthsAgo = (months: number) => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return day(date);
};

async function timeTrends(cairn: SeededCairn): Promise<BenchRow[]> {
  const get = timedGetOf(cairn);
  const today = day(new Date());
  const top = (await get<{ series: Array<{ tag: { id: string } }> }>(`/tags/trends?from=${monthsAgo(6)}&to=${today}`)).body.series;
  const chosen = top.map((series) => `&tagId=${series.tag.id}`).join('');
  const routes: Array<[string, string]> = [
    ['last 3 months by week, top tags', `/tags/trends?from=${monthsAgo(3)}&to=${today}&interval=week`],
    ['last 6 months by week, 5 chosen tags', `/tags/trends?from=${monthsAgo(6)}&to=${today}&interval=week${chosen}`],
    ['last 12 months by month, top tags', `/tags/trends?from=${monthsAgo(12)}&to=${today}&interval=month`],
    ['last 12 months by month, one segment', `/tags/trends?from=${monthsAgo(12)}&to=${today}&interval=month&segment=Enterprise`],
    ['last 24 months by week (105 buckets), top tags', `/tags/trends?from=${monthsAgo(24)}&to=${today}&interval=week`],
  ];
  return timeRoutes(get, routes, {
    benchmark: 'trends',
    driver: cairn.driver,
    what: 'GET tags/trends',
    warmUp: WARM_UP,
    samples: SAMPLES,
    note: `${HIGHLIGHTS.toLocaleString('en-US')} highlights, ${cairn.tally.toLocaleString('en-US')} tag links`,
  });
}

export const trendsBenchmark: Benchmark = {
  name: 'trends',
  description: `tag trends over ${HIGHLIGHTS.toLocaleString('en-US')} highlights (~195,000 tag links), on PostgreSQL and PGlite, one client`,
  run: () => onPostgresAndPglite({ name: 'trends', statements: loadStatements, tally: LINKS }, timeTrends),
};
