import { sql, type SQL } from 'drizzle-orm';
import { RECENT_EVIDENCE_DAYS, type EvidenceScore } from '@cairn/shared';
import { iso } from '../lib/dates.js';
import { importanceWeight } from './importance.js';
import { highlights } from './schema/index.js';

/*
 * The evidence score (docs/decisions/009-insights-and-backlog.md) of backlog items and of
 * insights: one computation, read by each through its own links. A list joins `scoresOf(…)` and
 * selects `scoreColumns`; `presentScore` turns them into the API's `EvidenceScore`.
 */

/**
 * The evidence score's parts of the scored things, as the derived table `score`, one row per
 * `item_id` with any evidence, in one sorted pass over all their links: hash joins over the
 * links, where a join per item looked each link's highlight and customer up by index, ~3.7×
 * slower on a densely linked backlog (`npm run bench -- backlog`).
 *
 * `pairs` links each scored thing to its highlights, as (item_id, highlight_id, importance,
 * direct) rows; a highlight may be listed more than once for an item (a backlog item reaches it
 * itself and through its insights), and counts once. Evidence is a highlight outside the trash
 * whose source is outside the trash; its customer is the source's (the copy each highlight
 * carries). Counts are plain; the `*_weight` parts and `weighted_revenue` weigh each customer
 * and company by its highest weight, each recent highlight by its own.
 *
 * Four groupings nest, each on a prefix of the keys of the one below, so the links are sorted
 * once and every level aggregates rows in the order they arrive (the per-item arrays this
 * replaced, unnested per item with their revenue looked up by index, doubled the cost of plain
 * counts; ADR 009 has the figures):
 * - per item and highlight, sorted by item, company, customer, highlight: its weight, its
 *   `direct` link's importance, else the highest of its other links' (as `backlogImportanceOf`
 *   says it on each row). It groups by `pairs.highlight_id`, not `h.id`: PostgreSQL drops a
 *   grouped column that a grouped primary key determines (the customer under `h.id`), and the
 *   sort would then no longer serve the level above;
 * - per item and customer: the customer's weight is the highest of their highlights' (quoted as
 *   critical once, critical however often else), and the highlights' counts and sums carry up;
 * - per item and company: likewise the highest of its customers', with its revenue;
 * - per item. Highlights without a customer, and customers without a company, group under a null
 *   key that the counts and weights of the customers and companies leave out.
 */
export function scoresOf(workspaceId: string, pairs: SQL): SQL {
  const recent = sql`ev.occurred_at >= now() - ${RECENT_EVIDENCE_DAYS}::int * interval '1 day'`;
  const weight = importanceWeight(sql`pairs.importance`);
  return sql`(
    select item_id,
      sum(highlights)::int as highlights,
      sum(customers)::int as customers,
      count(company_id)::int as companies,
      coalesce(sum(revenue), 0)::float8 as revenue,
      sum(customer_weight) as customer_weight,
      coalesce(sum(weight) filter (where company_id is not null), 0) as company_weight,
      coalesce(sum(revenue * weight), 0)::float8 as weighted_revenue,
      sum(recent_highlights)::int as recent_highlights,
      sum(recent_weight) as recent_weight,
      max(last_evidence_at) as last_evidence_at
    from (
      select item_id, company_id, max(revenue) as revenue, max(weight) as weight,
        count(customer_id) as customers, coalesce(sum(weight) filter (where customer_id is not null), 0) as customer_weight,
        sum(highlights) as highlights, sum(recent_highlights) as recent_highlights, sum(recent_weight) as recent_weight, max(last_evidence_at) as last_evidence_at
      from (
        select ev.item_id, ev.company_id, ev.customer_id, max(ev.revenue) as revenue, max(ev.weight) as weight,
          count(*) as highlights, count(*) filter (where ${recent}) as recent_highlights,
          coalesce(sum(ev.weight) filter (where ${recent}), 0) as recent_weight, max(ev.occurred_at) as last_evidence_at
        from (
          select pairs.item_id, c.company_id, h.source_customer_id as customer_id, max(co.annual_revenue) as revenue, max(h.source_occurred_at) as occurred_at,
            coalesce(max(${weight}) filter (where pairs.direct), max(${weight})) as weight
          from (${pairs}) pairs
          join highlights h on h.id = pairs.highlight_id
          left join customers c on c.id = h.source_customer_id
          left join companies co on co.id = c.company_id
          where h.workspace_id = ${workspaceId} and h.deleted_at is null and h.source_deleted_at is null
          group by pairs.item_id, c.company_id, h.source_customer_id, pairs.highlight_id
        ) ev
        group by ev.item_id, ev.company_id, ev.customer_id
      ) by_customer
      group by item_id, company_id
    ) by_company
    group by item_id
  ) score`;
}

/** A part of the score; an item without evidence has no score row, and every part is 0. */
const part = (column: string) => sql.raw(`coalesce(score.${column}, 0)`);

/**
 * The evidence score (docs/decisions/009-insights-and-backlog.md):
 *   customers + 2 × companies + 3 × log10(1 + revenue / 10,000) + recent highlights / 2,
 * rounded to one decimal, each customer, company (and its revenue) and recent highlight weighed
 * by its importance (EVIDENCE_IMPORTANCE_WEIGHTS; `important` is 1). Breadth first: a person
 * counts once however often they are quoted, a company twice; revenue counts with diminishing
 * returns, so one large account cannot outweigh many; more quotes from the same customer add
 * only their half point of recency.
 */
const points = {
  customers: sql<number>`${part('customer_weight')}::float8`,
  companies: sql<number>`2 * ${part('company_weight')}::float8`,
  revenue: sql<number>`3 * log(1 + ${part('weighted_revenue')} / 10000)`,
  recency: sql<number>`${part('recent_weight')} / 2.0::float8`,
};
const total = sql<number>`round((${points.customers} + ${points.companies} + ${points.revenue} + ${points.recency})::numeric, 1)::float8`;

/** What a list selects of the `score` it joins: the total, the plain counts and the points of each part. */
export const scoreColumns = {
  total,
  customers: sql<number>`${part('customers')}`,
  companies: sql<number>`${part('companies')}`,
  revenue: sql<number>`${part('revenue')}`,
  highlights: sql<number>`${part('highlights')}`,
  recentHighlights: sql<number>`${part('recent_highlights')}`,
  lastEvidenceAt: sql`score.last_evidence_at`.mapWith(highlights.sourceOccurredAt) as SQL<Date | null>,
  customerPoints: points.customers,
  companyPoints: points.companies,
  revenuePoints: points.revenue,
  recencyPoints: points.recency,
};

type ScoreRow = { [K in keyof typeof scoreColumns]: (typeof scoreColumns)[K] extends SQL<infer T> ? T : never };

/** The score as the API gives it (`EvidenceScoreSchema`), from a row that selected `scoreColumns`. */
export function presentScore(row: ScoreRow): EvidenceScore {
  return {
    total: row.total,
    customers: row.customers,
    companies: row.companies,
    revenue: row.revenue,
    highlights: row.highlights,
    recentHighlights: row.recentHighlights,
    lastEvidenceAt: iso(row.lastEvidenceAt),
    points: { customers: row.customerPoints, companies: row.companyPoints, revenue: row.revenuePoints, recency: row.recencyPoints },
  };
}
