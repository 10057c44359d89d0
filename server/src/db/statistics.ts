import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../lib/bulk-sql.js';
import type { Db, Executor } from './client.js';

/**
 * The tables whose planner statistics search reads: the estimate of a total is the planner's
 * row count for a tsquery (ADR 005), made from the `search` columns' most common lexemes.
 * Never analyzed, the planner guesses 0.5% of the rows for any word (3,000 tickets: "About 101"
 * for a word in 495 of them). The source list's total past its cap is the planner's too (`estimateRowCount`).
 */
export type SearchTable = 'sources' | 'highlights';

/** Autovacuum's defaults: a table is analyzed once 50 rows plus 10% of it have changed since the last time. */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;
/** How often PGlite, which has no autovacuum, looks for tables to analyze. */
const CHECK_INTERVAL_MS = 60_000;

/**
 * ANALYZEs the search tables that changed enough since their last ANALYZE (or were never
 * analyzed), as autovacuum would: PGlite has none, and PostgreSQL's comes up to a minute after
 * a bulk import. `written`: rows a caller just wrote, which the statistics may not count yet
 * (each connection reports its changes up to a second after its transaction ends).
 * Returns the tables analyzed.
 */
export async function analyzeChangedTables(db: Db, written: Partial<Record<SearchTable, number>> = {}): Promise<SearchTable[]> {
  const stale = await rowsOf<{ name: SearchTable }>(
    db,
    sql`select c.relname as name
        from (values ('sources', ${written.sources ?? 0}::int), ('highlights', ${written.highlights ?? 0}::int)) w(name, rows)
        join pg_class c on c.oid = w.name::regclass
        left join pg_stat_user_tables st on st.relid = c.oid
        where c.reltuples < 0 or greatest(coalesce(st.n_mod_since_analyze, 0), w.rows) > ${ANALYZE_THRESHOLD} + ${ANALYZE_SCALE_FACTOR} * c.reltuples`,
  );
  // Table names from the list above, not from input.
  if (stale.length) await db.execute(sql.raw(`analyze ${stale.map((table) => table.name).join(', ')}`));
  return stale.map((table) => table.name);
}

/**
 * For PGlite: analyzes the changed search tables now and every minute after, in the background:
 * a first ANALYZE at 100,000 sources takes seconds, which start-up should not wait for. Returns
 * the function that stops it, once the pass under way (if any) has ended, so that the database
 * is not closed under it.
 */
export function keepAnalyzing(db: Db, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = analyzeChangedTables(db).catch(onError);
  };
  pass();
  const timer = setInterval(pass, CHECK_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * The rows the planner expects `statement` to return, from these statistics: what a plan costs,
 * not what a count reads. Rough for correlated filters; callers say it is an estimate.
 */
export async function estimateRowCount(executor: Executor, statement: SQL): Promise<number> {
  const [row] = await rowsOf<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(executor, sql`explain (format json) ${statement}`);
  return Math.round(row!['QUERY PLAN'][0]!.Plan['Plan Rows']);
}
