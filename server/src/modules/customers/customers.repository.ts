import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { CompanySort, CustomerSort } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { anyOf, jsonRows, rowsOf } from '../../lib/bulk-sql.js';
import {
  backlogHighlights,
  backlogInsights,
  backlogItems,
  companies,
  companyAliases,
  customers,
  deletedCompanyDomains,
  highlights,
  insightHighlights,
  insights,
  sources,
} from '../../db/schema/index.js';

export type CompanyRow = typeof companies.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

export type CompanyValues = { name: string; segment: string | null; plan: string | null; annualRevenue: number | null };
export type CustomerKeyRow = { id: string; email: string | null; externalId: string | null; name: string | null; companyId: string | null; companySetByHand: boolean };
/** A new customer, or (with null for "leave as is") the fields to fill in on an existing one. */
export type CustomerValues = { id: string; email: string | null; externalId: string | null; name: string | null; companyId: string | null };

/** A company alias of the workspace named `name` (any case), as SQL: the aliases' unique index finds it. */
const aliasNamed = (workspaceId: string, name: SQL) => sql`select a.company_id from ${companyAliases} a where a.workspace_id = ${workspaceId} and lower(a.name) = lower(${name})`;

/**
 * Creates the companies that do not exist (matched by case-insensitive name, or by an alias: a
 * name a company had before a rename or a merge leads to it, ADR 011) and fills in the fields
 * the input gives, except those a person set by hand (ADR 011: checked on the row as written, so a
 * hand edit that committed since wins); untouched companies are not written. Returns nothing:
 * callers re-read ids with `findCompanyIdsByNames`, which also sees companies another import created.
 * Two statements, not `on conflict do update`: that locks every company it meets, changed or
 * not, so two batches naming the same companies could not be written side by side. The update
 * runs on a fresh snapshot, so it also fills in a company another transaction just created.
 */
export async function upsertCompanies(executor: Executor, workspaceId: string, values: CompanyValues[]) {
  if (!values.length) return;
  const rows = sql`json_to_recordset(${jsonRows(values.map((v) => ({ name: v.name, segment: v.segment, plan: v.plan, annual_revenue: v.annualRevenue })))})
    as v(name text, segment text, plan text, annual_revenue bigint)`;
  await executor.execute(sql`
    insert into ${companies} (workspace_id, name, segment, plan, annual_revenue)
    select ${workspaceId}::uuid, v.name, v.segment, v.plan, v.annual_revenue from ${rows}
    where not exists (${aliasNamed(workspaceId, sql`v.name`)})
    on conflict (workspace_id, lower(name)) do nothing`);
  // Each name's company, by its own name or else by an alias, each a lookup on a unique index.
  await executor.execute(sql`
    with named as (
      select coalesce(own.id, (${aliasNamed(workspaceId, sql`v.name`)})) as id, v.segment, v.plan, v.annual_revenue
      from ${rows}
      left join ${companies} own on own.workspace_id = ${workspaceId} and lower(own.name) = lower(v.name)
    )
    update ${companies} c set
      segment = case when c.segment_set_by_hand then c.segment else coalesce(v.segment, c.segment) end,
      plan = case when c.plan_set_by_hand then c.plan else coalesce(v.plan, c.plan) end,
      annual_revenue = case when c.annual_revenue_set_by_hand then c.annual_revenue else coalesce(v.annual_revenue, c.annual_revenue) end,
      updated_at = now()
    from named v
    where c.workspace_id = ${workspaceId} and c.id = v.id
      and ((v.segment is not null and not c.segment_set_by_hand and v.segment is distinct from c.segment)
        or (v.plan is not null and not c.plan_set_by_hand and v.plan is distinct from c.plan)
        or (v.annual_revenue is not null and not c.annual_revenue_set_by_hand and v.annual_revenue is distinct from c.annual_revenue))`);
}

/** What an edit may change on a company: its name, its fields and which of them are set by hand. */
export type CompanyEdit = Partial<Omit<typeof companies.$inferInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

/** Sets a company's name or fields to exactly these values: an edit, where null clears a field (imports only fill them). The row, if the workspace has it. */
export async function updateCompany(executor: Executor, workspaceId: string, id: string, values: CompanyEdit): Promise<CompanyRow | undefined> {
  const [row] = await executor
    .update(companies)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
    .returning();
  return row;
}

/** `lower(name)` → id of the company with that name or, failing that, with that alias. */
export async function findCompanyIdsByNames(executor: Executor, workspaceId: string, lowerNames: string[]): Promise<Map<string, string>> {
  if (!lowerNames.length) return new Map();
  const rows = await rowsOf<{ key: string; id: string }>(
    executor,
    sql`
      select lower(a.name) as key, a.company_id as id, false as own from ${companyAliases} a
      where a.workspace_id = ${workspaceId} and lower(a.name) = any(${anyOf(lowerNames)})
      union all
      select lower(c.name), c.id, true from ${companies} c
      where c.workspace_id = ${workspaceId} and lower(c.name) = any(${anyOf(lowerNames)})
      -- A company's own name last, so that it wins: only a rename racing an import can make a name both.
      order by own`,
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Locks the companies for the rest of the transaction, in id order (two merges of a pair either way round wait rather than deadlock). */
export async function findCompaniesForUpdate(executor: Executor, workspaceId: string, ids: string[]): Promise<CompanyRow[]> {
  return executor
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, ids)))
    .orderBy(asc(companies.id))
    .for('update');
}

/** The company named `name`, ignoring case. */
export async function findCompanyByName(executor: Executor, workspaceId: string, name: string): Promise<CompanyRow | undefined> {
  const [row] = await executor
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), sql`lower(${companies.name}) = lower(${name})`));
  return row;
}

/** A company's aliases, A to Z. */
export async function listAliases(executor: Executor, workspaceId: string, companyId: string): Promise<string[]> {
  const rows = await executor
    .select({ name: companyAliases.name })
    .from(companyAliases)
    .where(and(eq(companyAliases.workspaceId, workspaceId), eq(companyAliases.companyId, companyId)))
    .orderBy(sql`lower(${companyAliases.name})`);
  return rows.map((row) => row.name);
}

/** Gives the company these aliases; one another company has already stays that company's. */
export async function insertAliases(executor: Executor, workspaceId: string, companyId: string, names: string[]) {
  if (!names.length) return;
  await executor
    .insert(companyAliases)
    .values(names.map((name) => ({ workspaceId, companyId, name })))
    .onConflictDoNothing();
}

/** Deletes the aliases with these names (any case), whichever company has them; returns what they were. */
export async function removeAliases(executor: Executor, workspaceId: string, names: string[]): Promise<Array<{ companyId: string; name: string }>> {
  if (!names.length) return [];
  return executor
    .delete(companyAliases)
    .where(and(eq(companyAliases.workspaceId, workspaceId), sql`lower(${companyAliases.name}) = any(${anyOf(names.map((name) => name.toLowerCase()))})`))
    .returning({ companyId: companyAliases.companyId, name: companyAliases.name });
}

/** Gives `intoId` every alias of `fromId`. */
export async function moveAliases(executor: Executor, workspaceId: string, fromId: string, intoId: string) {
  await executor
    .update(companyAliases)
    .set({ companyId: intoId, updatedAt: new Date() })
    .where(and(eq(companyAliases.workspaceId, workspaceId), eq(companyAliases.companyId, fromId)));
}

/** Puts every customer of `fromId` at `intoId`, each keeping whether their company was set by hand. Returns how many moved. */
export async function moveCustomersToCompany(executor: Executor, workspaceId: string, fromId: string, intoId: string): Promise<number> {
  const rows = await executor
    .update(customers)
    .set({ companyId: intoId, updatedAt: new Date() })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.companyId, fromId)))
    .returning({ id: customers.id });
  return rows.length;
}

/**
 * Leaves every customer of the company without one, as cleared by hand (ADR 011): imports and
 * the fill from email domains then give them none. Returns how many there were.
 */
export async function clearCompanyOfCustomers(executor: Executor, workspaceId: string, companyId: string): Promise<number> {
  const rows = await executor
    .update(customers)
    .set({ companyId: null, companySetByHand: true, updatedAt: new Date() })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.companyId, companyId)))
    .returning({ id: customers.id });
  return rows.length;
}

/**
 * Remembers the email domains of a company being deleted (ADR 011), under its name. A domain
 * remembered already, from a company deleted before, now names this one.
 */
export async function insertDeletedCompanyDomains(executor: Executor, workspaceId: string, companyName: string, domains: string[]) {
  if (!domains.length) return;
  await executor
    .insert(deletedCompanyDomains)
    .values(domains.map((domain) => ({ workspaceId, domain, companyName })))
    .onConflictDoUpdate({ target: [deletedCompanyDomains.workspaceId, deletedCompanyDomains.domain], set: { companyName, updatedAt: new Date() } });
}

/**
 * The deleted companies' domains among these (lower-case), each with the name of the company
 * deleted: those email domains give no company. Not one a company goes by again (its own name or
 * an alias, however it came back): people at that domain lead to that company as before.
 */
export async function findDeletedCompanyDomains(executor: Executor, workspaceId: string, domains: string[]): Promise<Map<string, string>> {
  if (!domains.length) return new Map();
  const rows = await rowsOf<{ domain: string; companyName: string }>(
    executor,
    sql`
      select d.domain, d.company_name as "companyName" from ${deletedCompanyDomains} d
      where d.workspace_id = ${workspaceId} and d.domain = any(${anyOf(domains)})
        and not exists (select 1 from ${companies} c where c.workspace_id = ${workspaceId} and lower(c.name) = d.domain)
        and not exists (${aliasNamed(workspaceId, sql`d.domain`)})`,
  );
  return new Map(rows.map((row) => [row.domain, row.companyName]));
}

/**
 * Every remembered domain of the workspace, most recently deleted first, each with the company
 * that goes by it again, if one does (its name, else an alias: the two unique indexes on lower(name)).
 */
export async function listDeletedCompanyDomains(executor: Executor, workspaceId: string) {
  return rowsOf<{ id: string; domain: string; companyName: string; deletedAt: Date | string; heldById: string | null; heldByName: string | null }>(
    executor,
    sql`
      select d.id, d.domain, d.company_name as "companyName", d.updated_at as "deletedAt", held.id as "heldById", held.name as "heldByName"
      from ${deletedCompanyDomains} d
      left join lateral (
        (select c.id, c.name from ${companies} c where c.workspace_id = d.workspace_id and lower(c.name) = d.domain)
        union all
        (select c.id, c.name from ${companyAliases} a join ${companies} c on c.id = a.company_id where a.workspace_id = d.workspace_id and lower(a.name) = d.domain)
        limit 1
      ) held on true
      where d.workspace_id = ${workspaceId}
      order by d.updated_at desc, d.domain`,
  );
}

/** Forgets one remembered domain by its id; returns it, or undefined when the workspace has no such one. */
export async function removeDeletedCompanyDomain(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .delete(deletedCompanyDomains)
    .where(and(eq(deletedCompanyDomains.workspaceId, workspaceId), eq(deletedCompanyDomains.id, id)))
    .returning({ domain: deletedCompanyDomains.domain, companyName: deletedCompanyDomains.companyName });
  return row;
}

/** Forgets these domains (lower-case) of deleted companies; returns those it knew. */
export async function removeDeletedCompanyDomains(executor: Executor, workspaceId: string, domains: string[]): Promise<string[]> {
  if (!domains.length) return [];
  const rows = await executor
    .delete(deletedCompanyDomains)
    .where(and(eq(deletedCompanyDomains.workspaceId, workspaceId), inArray(deletedCompanyDomains.domain, domains)))
    .returning({ domain: deletedCompanyDomains.domain });
  return rows.map((row) => row.domain);
}

/** Deletes the company, and its aliases with it; customers still at it are left without one (`on delete set null`). */
export async function removeCompany(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
}

/**
 * Customers with any of these emails (case-insensitive) or external ids, and customers known
 * only by one of these names (neither email nor external id), in one query.
 */
export async function findCustomersByKeys(
  executor: Executor,
  workspaceId: string,
  keys: { emails: string[]; externalIds: string[]; names: string[] },
): Promise<CustomerKeyRow[]> {
  const matches: SQL[] = [];
  if (keys.emails.length) matches.push(sql`lower(${customers.email}) = any(${anyOf(keys.emails)})`);
  if (keys.externalIds.length) matches.push(sql`${customers.externalId} = any(${anyOf(keys.externalIds)})`);
  if (keys.names.length) {
    matches.push(sql`(${customers.email} is null and ${customers.externalId} is null and lower(${customers.name}) = any(${anyOf(keys.names)}))`);
  }
  if (!matches.length) return [];
  return executor
    .select({
      id: customers.id,
      email: customers.email,
      externalId: customers.externalId,
      name: customers.name,
      companyId: customers.companyId,
      companySetByHand: customers.companySetByHand,
    })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), sql`(${sql.join(matches, sql` or `)})`));
}

/** Inserts new customers; a row that collides with one a concurrent import just created is skipped (returned ids say which landed). */
/**
 * Rows in the order of the keys their writes lock (new rows: the unique email and external id;
 * updates: the row's id): two imports writing the same people in opposite orders would
 * otherwise each wait for the other's rows, a deadlock.
 */
function sortedBy(values: CustomerValues[], key: (value: CustomerValues) => string): CustomerValues[] {
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function insertCustomers(executor: Executor, workspaceId: string, values: CustomerValues[]): Promise<Set<string>> {
  if (!values.length) return new Set();
  const rows = await rowsOf<{ id: string }>(
    executor,
    sql`
      insert into ${customers} (id, workspace_id, company_id, email, name, external_id)
      select v.id, ${workspaceId}::uuid, v.company_id, v.email, v.name, v.external_id
      from json_to_recordset(${jsonRows(sortedBy(values, (v) => `${v.email ?? ''}\u0000${v.externalId ?? ''}`).map((v) => ({ id: v.id, company_id: v.companyId, email: v.email, name: v.name, external_id: v.externalId })))})
        as v(id uuid, company_id uuid, email text, name text, external_id text)
      on conflict do nothing
      returning id`,
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Fills in fields of existing customers, all in one statement. A company a person set (or
 * cleared) by hand is kept even when the edit landed after the customer was read: the row is
 * re-read when the update waits for that edit.
 */
export async function patchCustomers(executor: Executor, workspaceId: string, patches: CustomerValues[]) {
  if (!patches.length) return;
  await executor.execute(sql`
    update ${customers} set
      email = coalesce(v.email, customers.email),
      external_id = coalesce(v.external_id, customers.external_id),
      name = coalesce(v.name, customers.name),
      company_id = case when customers.company_set_by_hand then customers.company_id else coalesce(v.company_id, customers.company_id) end,
      updated_at = now()
    from json_to_recordset(${jsonRows(sortedBy(patches, (p) => p.id).map((p) => ({ id: p.id, email: p.email, external_id: p.externalId, name: p.name, company_id: p.companyId })))})
      as v(id uuid, email text, external_id text, name text, company_id uuid)
    where customers.workspace_id = ${workspaceId} and customers.id = v.id`);
}

/**
 * Customers who have an email and no company: those a company could be found for by their
 * email's domain. Not those whose company a person cleared by hand.
 */
export async function listEmailsWithoutCompany(executor: Executor, workspaceId: string): Promise<Array<{ id: string; email: string }>> {
  return executor
    .select({ id: customers.id, email: sql<string>`${customers.email}` })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), isNull(customers.companyId), eq(customers.companySetByHand, false), isNotNull(customers.email)));
}

/**
 * Puts customers at companies, in one statement, but only those still without one and not
 * cleared by hand: an import or an edit may have changed them since they were read. Returns
 * how many were set.
 */
export async function setMissingCompanies(executor: Executor, workspaceId: string, values: Array<{ id: string; companyId: string }>): Promise<number> {
  if (!values.length) return 0;
  const rows = await rowsOf<{ id: string }>(
    executor,
    sql`
      update ${customers} set company_id = v.company_id, updated_at = now()
      from json_to_recordset(${jsonRows(values.map((v) => ({ id: v.id, company_id: v.companyId })))}) as v(id uuid, company_id uuid)
      where customers.workspace_id = ${workspaceId} and customers.id = v.id and customers.company_id is null and not customers.company_set_by_hand
      returning customers.id`,
  );
  return rows.length;
}

const customerColumns = { customer: customers, company: companies };

export async function findById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select(customerColumns)
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row;
}

/** What the list sorts by: the name a person would recognise the customer by. */
const displayKey = sql<string>`lower(coalesce(${customers.name}, ${customers.email}, ${customers.externalId}, ''))`;

export type CustomerFilter = { q?: string | undefined; companyId?: string | undefined };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Live highlights said by each customer, as `customer_highlights(customer_id, highlights)`: one
 * grouped pass over `highlights_customer_live_idx` (migration 0023), on the copies of their
 * source's customer and trash time, so the count agrees with the list's Highlights column. The
 * index alone answers it where its pages are all-visible (PostgreSQL's autovacuum sees to that;
 * ADR 011): a twentieth of the table's pages.
 */
function highlightsPerCustomer(workspaceId: string): SQL {
  return sql`(
    select h.source_customer_id as customer_id, count(*)::int as highlights
    from ${highlights} h
    where h.workspace_id = ${workspaceId} and h.deleted_at is null and h.source_deleted_at is null and h.source_customer_id is not null
    group by h.source_customer_id
  ) customer_highlights`;
}

/**
 * The live highlights of the customer in the enclosing query, as `customer_highlights(highlights)`,
 * counted as `highlightsPerCustomer` counts them, by one lookup in the same index: what the
 * customer said, not a pass over the workspace. For a company's customers, whose share of the
 * workspace is small; for every customer, 20,000 lookups cost more than the grouped pass (ADR 011).
 */
const highlightsOfCustomer = (workspaceId: string) => sql`lateral (
    select count(*)::int as highlights
    from ${highlights} h
    where h.workspace_id = ${workspaceId} and h.source_customer_id = ${customers.id} and h.deleted_at is null and h.source_deleted_at is null
  ) customer_highlights`;

/**
 * When each customer's latest live source occurred, as `customer_latest(occurred_at)`: the first
 * entry of each customer in `sources_customer_occurred_idx` (its live sources newest first, in
 * the index's `desc nulls last`), so the list costs a lookup per customer it ranks, not a pass
 * over the workspace's sources (18,000 customers, 200,000 sources: 0.9–2 s without the index).
 */
const latestSourcePerCustomer = (workspaceId: string) => sql`lateral (
    select s.occurred_at from ${sources} s
    where s.workspace_id = ${workspaceId} and s.customer_id = ${customers.id} and s.deleted_at is null
    order by s.occurred_at desc nulls last limit 1
  ) customer_latest`;

/** `-infinity` for a customer without a live source: last newest first, and comparable in a row, where null is not. */
const latestKey = sql<string>`coalesce(customer_latest.occurred_at, '-infinity'::timestamptz)`;

/** What the list sorts by besides the name key and id: −highlights for `evidence`, the latest source's time (as PostgreSQL writes it) for `recent`. */
export type CustomerListRow = { customer: CustomerRow; company: CompanyRow | null; sortKey: string; rank?: number; latest?: string };

/**
 * Customers by name, by evidence (most highlights first) or by their latest source (newest
 * first, those without one last), ties by name then id; one page plus one row to know whether
 * another follows. Keyset on (name key, id), (−highlights, name key, id) — ascending throughout,
 * as companies page — or (latest, name key, id), the time descending and the rest ascending.
 */
export async function list(
  executor: Executor,
  workspaceId: string,
  filter: CustomerFilter,
  sort: CustomerSort,
  limit: number,
  after?: Array<string | number | null>,
): Promise<CustomerListRow[]> {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
  const conditions = and(
    eq(customers.workspaceId, workspaceId),
    filter.companyId ? eq(customers.companyId, filter.companyId) : undefined,
    pattern
      ? sql`(${customers.name} ilike ${pattern} or ${customers.email} ilike ${pattern} or ${customers.externalId} ilike ${pattern} or ${companies.name} ilike ${pattern})`
      : undefined,
  );
  if (sort === 'evidence') {
    const rank = sql<number>`-coalesce(customer_highlights.highlights, 0)`;
    // A company's customers one by one, by index; the whole workspace's (or a search's, which may match most of it) in one pass.
    const counted = filter.companyId
      ? { highlights: highlightsOfCustomer(workspaceId), on: sql`true` }
      : { highlights: highlightsPerCustomer(workspaceId), on: sql`customer_highlights.customer_id = ${customers.id}` };
    return executor
      .select({ ...customerColumns, sortKey: displayKey, rank })
      .from(customers)
      .leftJoin(companies, eq(companies.id, customers.companyId))
      .leftJoin(counted.highlights, counted.on)
      .where(and(conditions, after ? sql`(${rank}, ${displayKey}, ${customers.id}) > (${after[0]}::int, ${after[1]}, ${after[2]}::uuid)` : undefined))
      .orderBy(rank, displayKey, asc(customers.id))
      .limit(limit + 1);
  }
  if (sort === 'recent') {
    return executor
      .select({ ...customerColumns, sortKey: displayKey, latest: sql<string>`${latestKey}::text` })
      .from(customers)
      .leftJoin(companies, eq(companies.id, customers.companyId))
      .leftJoin(latestSourcePerCustomer(workspaceId), sql`true`)
      .where(
        and(
          conditions,
          after
            ? sql`(${latestKey} < ${after[0]}::timestamptz or (${latestKey} = ${after[0]}::timestamptz and (${displayKey}, ${customers.id}) > (${after[1]}, ${after[2]}::uuid)))`
            : undefined,
        ),
      )
      .orderBy(sql`${latestKey} desc`, displayKey, asc(customers.id))
      .limit(limit + 1);
  }
  return executor
    .select({ ...customerColumns, sortKey: displayKey })
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(and(conditions, after ? sql`(${displayKey}, ${customers.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
    .orderBy(displayKey, asc(customers.id))
    .limit(limit + 1);
}

/** Whose evidence to count: customers, or companies (everything their customers said). */
export type EvidenceOwner = 'customer' | 'company';

/** Sources and their highlights (both outside the trash) per customer, or per company, and kind. */
export async function countEvidence(executor: Executor, workspaceId: string, owner: EvidenceOwner, ownerIds: string[]) {
  if (!ownerIds.length) return [];
  const key = owner === 'customer' ? customers.id : customers.companyId;
  return executor
    .select({
      ownerId: sql<string>`${key}`,
      kind: sources.kind,
      sources: sql<number>`count(distinct ${sources.id})::int`,
      highlights: sql<number>`count(${highlights.id})::int`,
    })
    .from(sources)
    .innerJoin(customers, and(eq(customers.workspaceId, sources.workspaceId), eq(customers.id, sources.customerId)))
    .leftJoin(highlights, and(eq(highlights.workspaceId, sources.workspaceId), eq(highlights.sourceId, sources.id), sql`${highlights.deletedAt} is null`))
    .where(and(eq(sources.workspaceId, workspaceId), inArray(key, ownerIds), sql`${sources.deletedAt} is null`))
    .groupBy(key, sources.kind);
}

// ---------------------------------------------------------------------------------------------
// Company pages.
// ---------------------------------------------------------------------------------------------

/** What the company list sorts by, by name, and on a tie by id. */
const companyNameKey = sql<string>`lower(${companies.name})`;

/**
 * Live highlights said by each company's customers, as `company_highlights(company_id,
 * highlights)`: what ranking every company by evidence needs, in one grouped pass over the
 * workspace's highlights. It reads the source's customer and trash time each highlight carries
 * (migration 0009): joining the sources for them took 5–10× as long (3,000 companies, 60,000
 * highlights).
 */
function highlightsPerCompany(workspaceId: string): SQL {
  return sql`(
    select c.company_id, count(*)::int as highlights
    from ${highlights} h
    join ${customers} c on c.workspace_id = h.workspace_id and c.id = h.source_customer_id
    where h.workspace_id = ${workspaceId} and h.deleted_at is null and h.source_deleted_at is null and c.company_id is not null
    group by c.company_id
  ) company_highlights`;
}

export type CompanyListFilter = { q?: string | undefined };

/**
 * Part of the name or of an alias (a company is found by the name it had before a rename or a
 * merge), or of the email domain of a customer at the company (a company named by a CRM is also
 * found by its domain).
 */
function companyConditions(workspaceId: string, filter: CompanyListFilter): SQL | undefined {
  const text = filter.q ? escapeLike(filter.q) : undefined;
  return and(
    eq(companies.workspaceId, workspaceId),
    text
      ? sql`(${companies.name} ilike ${`%${text}%`} or exists (
          select 1 from ${companyAliases} a where a.workspace_id = ${workspaceId} and a.company_id = ${companies.id} and a.name ilike ${`%${text}%`}
        ) or exists (
          select 1 from ${customers} c where c.workspace_id = ${workspaceId} and c.company_id = ${companies.id} and c.email ilike ${`%@%${text}%`}))`
      : undefined,
  );
}

/** `rank` (−highlights) only when sorted by evidence. */
export type CompanyListRow = { company: CompanyRow; sortKey: string; rank?: number };

/**
 * Companies by name, or by evidence (most highlights first, then by name), one page plus one row
 * to know whether another follows. Keyset on (name key, id), or (−highlights, name key, id):
 * ascending throughout, so one row comparison continues either order.
 */
export async function listCompanies(
  executor: Executor,
  workspaceId: string,
  filter: CompanyListFilter,
  sort: CompanySort,
  limit: number,
  after?: Array<string | number | null>,
): Promise<CompanyListRow[]> {
  const conditions = companyConditions(workspaceId, filter);
  if (sort === 'name') {
    return executor
      .select({ company: companies, sortKey: companyNameKey })
      .from(companies)
      .where(and(conditions, after ? sql`(${companyNameKey}, ${companies.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
      .orderBy(companyNameKey, asc(companies.id))
      .limit(limit + 1);
  }
  const rank = sql<number>`-coalesce(company_highlights.highlights, 0)`;
  return executor
    .select({ company: companies, sortKey: companyNameKey, rank })
    .from(companies)
    .leftJoin(highlightsPerCompany(workspaceId), sql`company_highlights.company_id = ${companies.id}`)
    .where(and(conditions, after ? sql`(${rank}, ${companyNameKey}, ${companies.id}) > (${after[0]}::int, ${after[1]}, ${after[2]}::uuid)` : undefined))
    .orderBy(rank, companyNameKey, asc(companies.id))
    .limit(limit + 1);
}

export async function countCompanies(executor: Executor, workspaceId: string, filter: CompanyListFilter): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(companies).where(companyConditions(workspaceId, filter));
  return row?.count ?? 0;
}

export async function findCompanyById(executor: Executor, workspaceId: string, id: string): Promise<CompanyRow | undefined> {
  const [row] = await executor
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
  return row;
}

/** company id → how many customers are at it. */
export async function countCustomersOfCompanies(executor: Executor, workspaceId: string, companyIds: string[]): Promise<Map<string, number>> {
  if (!companyIds.length) return new Map();
  const rows = await executor
    .select({ companyId: sql<string>`${customers.companyId}`, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.companyId, companyIds)))
    .groupBy(customers.companyId);
  return new Map(rows.map((row) => [row.companyId, row.count]));
}

/**
 * The company's live highlights (outside the trash, of sources outside it), as a subquery: from
 * its customers to their sources to their highlights, each step by index, so a company's page
 * costs what its customers said, not the workspace's size.
 */
function companyHighlightIds(workspaceId: string, companyId: string): SQL {
  return sql`select h.id from ${customers} c
    join ${sources} s on s.workspace_id = c.workspace_id and s.customer_id = c.id and s.deleted_at is null
    join ${highlights} h on h.workspace_id = s.workspace_id and h.source_id = s.id and h.deleted_at is null
    where c.workspace_id = ${workspaceId} and c.company_id = ${companyId}`;
}

type Backed = { highlights: number; total: number };

/** Insights outside the trash the company's highlights are evidence of, with how many: most first, at most `limit`. */
export async function listInsightsBackedByCompany(executor: Executor, workspaceId: string, companyId: string, limit: number) {
  return rowsOf<Pick<typeof insights.$inferSelect, 'id' | 'type' | 'title' | 'status'> & Backed>(
    executor,
    sql`
      select i.id, i.type, i.title, i.status, count(*)::int as highlights, (count(*) over ())::int as total
      from ${insightHighlights} ih
      join ${insights} i on i.id = ih.insight_id and i.deleted_at is null
      where ih.workspace_id = ${workspaceId} and ih.highlight_id in (${companyHighlightIds(workspaceId, companyId)})
      group by i.id
      order by highlights desc, lower(i.title), i.id
      limit ${limit}`,
  );
}

/**
 * Backlog items outside the trash the company's highlights back, linked to the item itself or to
 * one of its insights outside the trash (the evidence the item's score counts), each highlight
 * once: most first, at most `limit`.
 */
export async function listBacklogItemsBackedByCompany(executor: Executor, workspaceId: string, companyId: string, limit: number) {
  return rowsOf<{ id: string; title: string; status: (typeof backlogItems.$inferSelect)['status']; externalKey: string | null } & Backed>(
    executor,
    sql`
      with company_highlights as (${companyHighlightIds(workspaceId, companyId)}),
      links as (
        select bh.backlog_item_id as item_id, bh.highlight_id from ${backlogHighlights} bh
        where bh.workspace_id = ${workspaceId} and bh.highlight_id in (select id from company_highlights)
        union
        select bi.backlog_item_id, ih.highlight_id from ${insightHighlights} ih
          join ${insights} i on i.id = ih.insight_id and i.deleted_at is null
          join ${backlogInsights} bi on bi.workspace_id = ih.workspace_id and bi.insight_id = ih.insight_id
        where ih.workspace_id = ${workspaceId} and ih.highlight_id in (select id from company_highlights)
      )
      select b.id, b.title, b.status, b.external_key as "externalKey", count(*)::int as highlights, (count(*) over ())::int as total
      from links
      join ${backlogItems} b on b.id = links.item_id and b.deleted_at is null
      group by b.id
      order by highlights desc, lower(b.title), b.id
      limit ${limit}`,
  );
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<typeof customers.$inferInsert>) {
  const [row] = await executor
    .update(customers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    .returning({ id: customers.id });
  return row;
}
