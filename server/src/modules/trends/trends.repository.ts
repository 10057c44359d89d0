import { sql, type SQL } from 'drizzle-orm';
import type { TrendInterval } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../lib/bulk-sql.js';

export type TrendFilters = {
  interval: TrendInterval;
  from: Date;
  /** Exclusive; none at the end of time. */
  before?: Date;
  kinds?: string[];
  segment?: string;
};

/**
 * Whose customers to count: the tags asked for, in that order, or the `top` most used of the
 * range. Counting distinct customers is the costly part of the statement, so it is done for
 * the tags drawn, not for every tag.
 */
export type ShownTags = { tagIds: string[] } | { top: number };

/**
 * One row per tag and bucket with highlights (`tagId` set), and one per bucket with the number
 * of its highlights that carry any tag (`tagId` null). `rank` orders the shown tags (1 first);
 * `customers` is counted for them only.
 */
export type TrendRow = {
  tagId: string | null;
  name: string | null;
  color: string | null;
  group: string | null;
  /** The bucket's start, in ms since the epoch (UTC). */
  bucketMs: number;
  highlights: number;
  customers: number | null;
  rank: number | null;
};

function shownTagsOf(shown: ShownTags): SQL {
  if ('tagIds' in shown) return sql`select tag_id, rank::int from unnest(${sql.param(shown.tagIds)}::uuid[]) with ordinality as s(tag_id, rank)`;
  return sql`select p.tag_id, (row_number() over (order by sum(p.highlights) desc, lower(t.name), p.tag_id))::int as rank
    from per_tag p join tags t on t.id = p.tag_id
    group by p.tag_id, t.name
    order by rank limit ${shown.top}`;
}

/**
 * Counts the live highlights of live sources per tag and per bucket of their source's date, in
 * one statement. The links of the range are read once (the highlights of the range by
 * `highlights_workspace_source_occurred_idx`, or a scan when the range is most of the workspace,
 * hash-joined to the workspace's tag links) into a materialized CTE that three aggregates read:
 * per tag and bucket, tagged highlights per bucket (a highlight with three tags is one
 * highlight), and distinct customers of the shown tags. Buckets are UTC calendar weeks or months
 * (`date_trunc` on the date as UTC, cheaper than its three-argument form). Measured on 100,000
 * highlights: see docs/decisions/015-trends.md.
 */
export async function countByTagAndBucket(executor: Executor, workspaceId: string, filters: TrendFilters, shown: ShownTags): Promise<TrendRow[]> {
  const conditions = [
    sql`h.workspace_id = ${workspaceId}`,
    sql`h.deleted_at is null`,
    sql`h.source_deleted_at is null`,
    sql`h.source_occurred_at >= ${filters.from.toISOString()}::timestamptz`,
    filters.before ? sql`h.source_occurred_at < ${filters.before.toISOString()}::timestamptz` : undefined,
    filters.kinds?.length ? sql`h.source_kind = any(${sql.param(filters.kinds)}::text[])` : undefined,
    filters.segment
      ? sql`exists (select 1 from customers c join companies co on co.id = c.company_id
          where c.workspace_id = ${workspaceId} and c.id = h.source_customer_id and lower(co.segment) = lower(${filters.segment}))`
      : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  return rowsOf<TrendRow>(
    executor,
    sql`with links as materialized (
        select ht.tag_id, h.id, h.source_customer_id as customer,
          date_trunc(${filters.interval}::text, h.source_occurred_at at time zone 'UTC') as bucket
        from highlights h
        join highlight_tags ht on ht.highlight_id = h.id and ht.workspace_id = ${workspaceId}
        where ${sql.join(conditions, sql` and `)}
      ),
      per_tag as (select tag_id, bucket, count(*)::int as highlights from links group by tag_id, bucket),
      per_bucket as (select bucket, count(*)::int as highlights from (select distinct bucket, id from links) d group by bucket),
      shown as (${shownTagsOf(shown)}),
      shown_customers as (
        select tag_id, bucket, count(*)::int as customers
        from (select distinct tag_id, bucket, customer from links where customer is not null and tag_id in (select tag_id from shown)) d
        group by tag_id, bucket
      )
      select p.tag_id as "tagId", t.name, t.color, t.group_name as "group", extract(epoch from p.bucket)::float8 * 1000 as "bucketMs",
        p.highlights, coalesce(c.customers, 0) as customers, s.rank
      from per_tag p
      join tags t on t.id = p.tag_id and t.workspace_id = ${workspaceId}
      left join shown s on s.tag_id = p.tag_id
      left join shown_customers c on c.tag_id = p.tag_id and c.bucket = p.bucket
      union all
      select null, null, null, null, extract(epoch from bucket)::float8 * 1000, highlights, null, null from per_bucket`,
  );
}
