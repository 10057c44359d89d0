import crypto from 'node:crypto';
import {
  COMPANY_BACKED_MAX,
  COMPANY_FIELDS,
  companyFieldsInWords,
  countOf,
  listOf,
  SOURCE_KINDS,
  type Company,
  type CompanyDetail,
  type CompanyField,
  type CompanyInput,
  type CompanyListItem,
  type CreateCustomerBody,
  type Customer,
  type CustomerDetail,
  type CustomerRef,
  type CustomerSort,
  type DeletedCompanyDomainList,
  type EvidenceCounts,
  type FillCompaniesFromEmailsBody,
  type FillCompaniesFromEmailsResult,
  type ListCompaniesQuery,
  type ListCustomersQuery,
  type Page,
  type UpdateCompanyBody,
  type UpdateCustomerBody,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { refuseForeignFilterIds } from '../../db/filter-ids.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import type { ImportedCustomer } from '../../importers/types.js';
import { decodeCursorOf, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import { companyDomainOf } from '../../lib/email-domains.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import * as customersRepository from './customers.repository.js';
import type { CompanyRow, CompanyValues, CustomerKeyRow, CustomerListRow, CustomerRow, CustomerValues, EvidenceOwner } from './customers.repository.js';

// ---------------------------------------------------------------------------------------------
// Matching: the one path that turns "who said it" into a customer id, for the API and imports.
// ---------------------------------------------------------------------------------------------

/** A customer as imports and the API describe it, trimmed and with the email lower-cased. */
type CustomerKeys = { email: string | null; externalId: string | null; name: string | null; company: CompanyValues | null };

const clean = (value: string | null | undefined) => value?.trim() || null;

function keysOf(input: ImportedCustomer | null): CustomerKeys | null {
  if (!input) return null;
  const keys = { email: clean(input.email)?.toLowerCase() ?? null, externalId: clean(input.externalId), name: clean(input.name) };
  if (!keys.email && !keys.externalId && !keys.name) return null;
  const companyName = clean(input.company?.name);
  const company = companyName
    ? { name: companyName, segment: clean(input.company?.segment), plan: clean(input.company?.plan), annualRevenue: input.company?.annualRevenue ?? null }
    : null;
  return { ...keys, company };
}

/**
 * What identifies a customer, strongest first. A name identifies only customers known by
 * nothing else: otherwise every re-import of a name-only ticket export would add a customer.
 */
function identitiesOf(keys: CustomerKeys): string[] {
  const identities: string[] = [];
  if (keys.email) identities.push(`e:${keys.email}`);
  if (keys.externalId) identities.push(`x:${keys.externalId}`);
  if (!identities.length && keys.name) identities.push(`n:${keys.name.toLowerCase()}`);
  return identities;
}

/** Inputs that share an email or an external id describe one customer (union-find over the batch). */
function groupInputs(keys: Array<CustomerKeys | null>): { groupOf: Array<number | null>; groups: CustomerKeys[] } {
  const parent = keys.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const firstWith = new Map<string, number>();
  keys.forEach((key, index) => {
    if (!key) return;
    for (const identity of identitiesOf(key)) {
      const other = firstWith.get(identity);
      if (other === undefined) firstWith.set(identity, index);
      else parent[root(index)] = root(other);
    }
  });
  const groupIndexOfRoot = new Map<number, number>();
  const groups: CustomerKeys[] = [];
  const groupOf = keys.map((key, index) => {
    if (!key) return null;
    const top = root(index);
    let group = groupIndexOfRoot.get(top);
    if (group === undefined) {
      group = groups.push({ email: null, externalId: null, name: null, company: null }) - 1;
      groupIndexOfRoot.set(top, group);
    }
    const merged = groups[group]!;
    // The first value of each field wins, except the company: the latest row knows best.
    merged.email ??= key.email;
    merged.externalId ??= key.externalId;
    merged.name ??= key.name;
    if (key.company) merged.company = combineCompanyValues(merged.company, key.company);
    return group;
  });
  return { groupOf, groups };
}

function combineCompanyValues(earlier: CompanyValues | null, later: CompanyValues): CompanyValues {
  if (!earlier || earlier.name.toLowerCase() !== later.name.toLowerCase()) return later;
  return {
    name: later.name,
    segment: later.segment ?? earlier.segment,
    plan: later.plan ?? earlier.plan,
    annualRevenue: later.annualRevenue ?? earlier.annualRevenue,
  };
}

/** Creates or updates these companies; `lower(name)` → id. */
async function resolveCompanies(tx: Executor, workspaceId: string, companies: Array<CompanyValues | null>): Promise<Map<string, string>> {
  const byName = new Map<string, CompanyValues>();
  for (const company of companies) {
    if (company) byName.set(company.name.toLowerCase(), combineCompanyValues(byName.get(company.name.toLowerCase()) ?? null, company));
  }
  // In one order, whatever the input's: two imports inserting the same new companies in opposite orders deadlocked on the unique index.
  const names = [...byName.keys()].sort();
  await customersRepository.upsertCompanies(tx, workspaceId, names.map((name) => byName.get(name)!));
  return customersRepository.findCompanyIdsByNames(tx, workspaceId, names);
}

/** The company a work email's domain stands for, named by that domain (`acme.co.uk`): the name is also how companies are matched. */
function companyFromEmail(email: string | null): CompanyValues | null {
  const domain = email ? companyDomainOf(email) : null;
  return domain ? { name: domain, segment: null, plan: null, annualRevenue: null } : null;
}

/** The names among these that a work email's domain could give a company (`acme.com`, not `Acme Ltd` nor `gmail.com`), lower-case. */
function emailDomainsAmong(names: string[]): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()).filter((name) => companyDomainOf(`someone@${name}`) === name))];
}

/**
 * The email domains among these that were a deleted company's (ADR 011): a deleted company stays
 * deleted, so people writing from there get no company from their email.
 */
async function findDeletedDomains(tx: Executor, workspaceId: string, domains: string[]): Promise<Set<string>> {
  return new Set((await customersRepository.findDeletedCompanyDomains(tx, workspaceId, [...new Set(domains)])).keys());
}

/**
 * The companies a batch puts its groups at, less those guessed from a deleted company's domain.
 * A company the batch names itself is never dropped, and brings such a domain back for the
 * guesses of the same batch, as it would for a later one.
 */
async function withoutDeletedCompanyGuesses(tx: Executor, workspaceId: string, groups: CustomerKeys[], companyOf: Array<CompanyValues | null>) {
  const named = new Set<string>();
  const guessed: string[] = [];
  companyOf.forEach((company, position) => {
    if (company && groups[position]!.company) named.add(company.name.toLowerCase());
    else if (company) guessed.push(company.name);
  });
  const deleted = await findDeletedDomains(tx, workspaceId, guessed.filter((domain) => !named.has(domain)));
  return companyOf.map((company, position) => (company && !groups[position]!.company && deleted.has(company.name) ? null : company));
}

/**
 * The company a group puts its customer at: the one the input names; else, for a customer who
 * has no company yet, the one their email's domain stands for. A company the customer already
 * has is never replaced by a guess. A company a person set, changed or cleared by hand is kept
 * whatever the input says (ADR 011): an import re-sending a CRM's stale company must not undo
 * a correction, so the input's company is not even created for that customer.
 */
function companyOfGroup(group: CustomerKeys, existing: CustomerKeyRow | undefined): CompanyValues | null {
  if (existing?.companySetByHand) return null;
  return group.company ?? (existing?.companyId ? null : companyFromEmail(group.email));
}

function lookupKeys(groups: CustomerKeys[]) {
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  const names = new Set<string>();
  for (const group of groups) {
    if (group.email) emails.add(group.email);
    if (group.externalId) externalIds.add(group.externalId);
    if (!group.email && !group.externalId && group.name) names.add(group.name.toLowerCase());
  }
  return { emails: [...emails], externalIds: [...externalIds], names: [...names] };
}

type Index = { byEmail: Map<string, CustomerKeyRow>; byExternalId: Map<string, CustomerKeyRow>; byName: Map<string, CustomerKeyRow> };

function indexCustomers(rows: CustomerKeyRow[]): Index {
  const index: Index = { byEmail: new Map(), byExternalId: new Map(), byName: new Map() };
  for (const row of rows) {
    if (row.email) index.byEmail.set(row.email.toLowerCase(), row);
    if (row.externalId) index.byExternalId.set(row.externalId, row);
    if (!row.email && !row.externalId && row.name) index.byName.set(row.name.toLowerCase(), row);
  }
  return index;
}

/** By email first, then external id, then (for customers known by nothing else) name. */
function matchGroup(group: CustomerKeys, index: Index): CustomerKeyRow | undefined {
  return (
    (group.email ? index.byEmail.get(group.email) : undefined) ??
    (group.externalId ? index.byExternalId.get(group.externalId) : undefined) ??
    (!group.email && !group.externalId && group.name ? index.byName.get(group.name.toLowerCase()) : undefined)
  );
}

/** The fields an existing customer lacks and the input knows; a key another customer holds is left alone. */
function patchFor(row: CustomerKeyRow, group: CustomerKeys, companyId: string | null, index: Index): CustomerValues | null {
  const patch: CustomerValues = {
    id: row.id,
    email: !row.email && group.email && !index.byEmail.has(group.email) ? group.email : null,
    externalId: !row.externalId && group.externalId && !index.byExternalId.has(group.externalId) ? group.externalId : null,
    name: !row.name && group.name ? group.name : null,
    companyId: companyId && companyId !== row.companyId ? companyId : null,
  };
  return patch.email || patch.externalId || patch.name || patch.companyId ? patch : null;
}

/**
 * Matches or creates the customers (and their companies) of a batch: one lookup, one
 * multi-row insert and one multi-row update, whatever the batch size. Inputs that describe the
 * same person (same email or external id) resolve to the same customer; `null` in, `null` out.
 * Called inside the caller's transaction; a customer created concurrently by another import is
 * found again rather than duplicated (the unique indexes on email and external id decide).
 */
export async function resolveCustomers(tx: Executor, workspaceId: string, inputs: Array<ImportedCustomer | null>): Promise<Array<string | null>> {
  return (await matchOrCreateCustomers(tx, workspaceId, inputs)).ids;
}

async function matchOrCreateCustomers(tx: Executor, workspaceId: string, inputs: Array<ImportedCustomer | null>) {
  const { groupOf, groups } = groupInputs(inputs.map(keysOf));
  const created = new Set<string>();
  if (!groups.length) return { ids: inputs.map(() => null), created };

  let index = indexCustomers(await customersRepository.findCustomersByKeys(tx, workspaceId, lookupKeys(groups)));
  const existingOf = groups.map((group) => matchGroup(group, index));
  const companyOf = await withoutDeletedCompanyGuesses(tx, workspaceId, groups, groups.map((group, position) => companyOfGroup(group, existingOf[position])));
  const companyIds = await resolveCompanies(tx, workspaceId, companyOf);
  const companyIdOf = (position: number) => {
    const company = companyOf[position];
    return company ? (companyIds.get(company.name.toLowerCase()) ?? null) : null;
  };

  const idOfGroup = new Array<string | null>(groups.length).fill(null);
  const patches: CustomerValues[] = [];
  const fresh: Array<{ group: number; id: string }> = [];
  groups.forEach((group, position) => {
    const existing = existingOf[position];
    if (existing) {
      idOfGroup[position] = existing.id;
      const patch = patchFor(existing, group, companyIdOf(position), index);
      if (patch) patches.push(patch);
    } else {
      fresh.push({ group: position, id: crypto.randomUUID() });
    }
  });
  await customersRepository.patchCustomers(tx, workspaceId, patches);

  const landed = await customersRepository.insertCustomers(
    tx,
    workspaceId,
    fresh.map(({ group, id }) => ({ id, email: groups[group]!.email, externalId: groups[group]!.externalId, name: groups[group]!.name, companyId: companyIdOf(group) })),
  );
  const raced = fresh.filter(({ id }) => !landed.has(id));
  for (const { group, id } of fresh) {
    if (!landed.has(id)) continue;
    idOfGroup[group] = id;
    created.add(id);
  }
  if (raced.length) {
    index = indexCustomers(await customersRepository.findCustomersByKeys(tx, workspaceId, lookupKeys(raced.map(({ group }) => groups[group]!))));
    for (const { group } of raced) {
      const match = matchGroup(groups[group]!, index);
      if (!match) throw new Error('A customer insert was skipped as a duplicate, yet no matching customer exists');
      idOfGroup[group] = match.id;
    }
  }
  return { ids: groupOf.map((group) => (group === null ? null : idOfGroup[group]!)), created };
}

// ---------------------------------------------------------------------------------------------
// The customers API.
// ---------------------------------------------------------------------------------------------

/** The column that marks each company field as set by hand. */
const SET_BY_HAND = { segment: 'segmentSetByHand', plan: 'planSetByHand', annualRevenue: 'annualRevenueSetByHand' } as const satisfies Record<CompanyField, keyof CompanyRow>;

function presentCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    segment: row.segment,
    plan: row.plan,
    annualRevenue: row.annualRevenue,
    fieldsSetByHand: COMPANY_FIELDS.filter((field) => row[SET_BY_HAND[field]]),
    createdAt: iso(row.createdAt),
  };
}

function presentCustomer(customer: CustomerRow, company: CompanyRow | null): Customer {
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name,
    externalId: customer.externalId,
    company: company && presentCompany(company),
    companySetByHand: customer.companySetByHand,
    createdAt: iso(customer.createdAt),
  };
}

/** The short form sources carry. */
export function presentCustomerRef(
  customer: Pick<CustomerRow, 'id' | 'name' | 'email' | 'externalId'> | null,
  company: Pick<CompanyRow, 'id' | 'name' | 'segment'> | null,
): CustomerRef | null {
  if (!customer) return null;
  return { id: customer.id, name: customer.name, email: customer.email, externalId: customer.externalId, company: company ? { id: company.id, name: company.name, segment: company.segment } : null };
}

function emptyCounts(): EvidenceCounts {
  return { sources: 0, highlights: 0, sourcesByKind: Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, 0])) as EvidenceCounts['sourcesByKind'] };
}

/** Evidence counts of each customer, or each company (what its customers said), by id. */
async function loadEvidenceCounts(executor: Executor, workspaceId: string, owner: EvidenceOwner, ids: string[]): Promise<Map<string, EvidenceCounts>> {
  const counts = new Map(ids.map((id) => [id, emptyCounts()]));
  for (const row of await customersRepository.countEvidence(executor, workspaceId, owner, ids)) {
    const entry = counts.get(row.ownerId)!;
    entry.sources += row.sources;
    entry.highlights += row.highlights;
    entry.sourcesByKind[row.kind] += row.sources;
  }
  return counts;
}

type DeletedCompanyDomain = NonNullable<CustomerDetail['deletedCompanyDomain']>;

/**
 * For customers without a company whose email is at a deleted company's domain (ADR 011), by id:
 * that domain and the company, which say why they have none. One lookup however many customers.
 */
async function loadDeletedCompanyDomains(executor: Executor, workspaceId: string, rows: CustomerRow[]): Promise<Map<string, DeletedCompanyDomain>> {
  const domainOf = new Map<string, string>();
  for (const row of rows) {
    const domain = !row.companyId && row.email ? companyDomainOf(row.email) : null;
    if (domain) domainOf.set(row.id, domain);
  }
  const deleted = await customersRepository.findDeletedCompanyDomains(executor, workspaceId, [...new Set(domainOf.values())]);
  const found = new Map<string, DeletedCompanyDomain>();
  for (const [id, domain] of domainOf) {
    const companyName = deleted.get(domain);
    if (companyName !== undefined) found.set(id, { domain, companyName });
  }
  return found;
}

/** Customers as the list and the profile show them: with their evidence counted and, without a company, why. */
async function presentCustomerDetails(executor: Executor, workspaceId: string, rows: Array<{ customer: CustomerRow; company: CompanyRow | null }>): Promise<CustomerDetail[]> {
  const customers = rows.map((row) => row.customer);
  const [counts, deletedDomains] = await Promise.all([
    loadEvidenceCounts(executor, workspaceId, 'customer', customers.map((customer) => customer.id)),
    loadDeletedCompanyDomains(executor, workspaceId, customers),
  ]);
  return rows.map((row) => ({
    ...presentCustomer(row.customer, row.company),
    evidence: counts.get(row.customer.id)!,
    deletedCompanyDomain: deletedDomains.get(row.customer.id) ?? null,
  }));
}

/** Where the next page of customers starts, in each order: what the repository's keyset compares. */
const CUSTOMER_CURSORS = {
  name: { parts: ['text', 'uuid'], of: (row) => [row.sortKey, row.customer.id] },
  evidence: { parts: ['integer', 'text', 'uuid'], of: (row) => [row.rank ?? 0, row.sortKey, row.customer.id] },
  recent: { parts: ['timestamp', 'text', 'uuid'], of: (row) => [row.latest ?? null, row.sortKey, row.customer.id] },
} satisfies Record<CustomerSort, { parts: Parameters<typeof decodeCursorOf>[1]; of: (row: CustomerListRow) => Array<string | number | null> }>;

export async function listCustomers(db: Db, actor: WorkspaceActor, query: ListCustomersQuery): Promise<Page<CustomerDetail>> {
  const cursor = CUSTOMER_CURSORS[query.sort];
  const after = decodeCursorOf(query.cursor, cursor.parts);
  const rows = await customersRepository.list(db, actor.workspaceId, { q: query.q || undefined, companyId: query.companyId }, query.sort, query.limit, after);
  if (!rows.length) await refuseForeignFilterIds(db, actor.workspaceId, [{ path: 'query.companyId', names: 'company', id: query.companyId }]);
  const page = pageFrom(rows, query.limit, (row) => row, cursor.of);
  return { items: await presentCustomerDetails(db, actor.workspaceId, page.items), nextCursor: page.nextCursor };
}

async function loadCustomer(executor: Executor, workspaceId: string, id: string): Promise<CustomerDetail> {
  const row = await customersRepository.findById(executor, workspaceId, id);
  if (!row) throw notFound('Customer');
  const [customer] = await presentCustomerDetails(executor, workspaceId, [row]);
  return customer!;
}

export function getCustomer(db: Db, actor: WorkspaceActor, id: string): Promise<CustomerDetail> {
  return loadCustomer(db, actor.workspaceId, id);
}

function describeCustomer(customer: Pick<Customer, 'name' | 'email' | 'externalId'>): string {
  return customer.name ?? customer.email ?? customer.externalId ?? 'a customer';
}

/** Matches (200) or creates (201) a customer, by the same rules imports use. */
export async function createCustomer(db: Db, actor: WorkspaceActor, body: CreateCustomerBody): Promise<{ customer: CustomerDetail; created: boolean }> {
  return db.transaction(async (tx) => {
    const { ids, created } = await matchOrCreateCustomers(tx, actor.workspaceId, [body]);
    const customer = await loadCustomer(tx, actor.workspaceId, ids[0]!);
    if (created.has(customer.id)) {
      await recordAudit(tx, actor, { action: 'customer.create', objectType: 'customer', objectId: customer.id, summary: `Added customer ${describeCustomer(customer)}` });
    }
    return { customer, created: created.has(customer.id) };
  });
}

/**
 * The company an edit names, created when new. Its fields become what the edit says: unlike an
 * import, which only fills fields in, an edit that empties the segment (null) clears it. Each
 * field the edit gives, cleared or not, is set by hand from then on: imports leave it alone.
 * A person naming a company by a deleted company's domain wants people there grouped again
 * (ADR 011): the domain is forgotten, and returned as `regrouped`.
 */
async function saveEditedCompany(tx: Executor, workspaceId: string, company: CompanyInput): Promise<{ id: string; regrouped: string[] }> {
  // Created bare when new (nothing to fill in), then given exactly the fields the edit names.
  await customersRepository.upsertCompanies(tx, workspaceId, [{ name: company.name, segment: null, plan: null, annualRevenue: null }]);
  const ids = await customersRepository.findCompanyIdsByNames(tx, workspaceId, [company.name.toLowerCase()]);
  const id = ids.get(company.name.toLowerCase())!;
  const given = COMPANY_FIELDS.filter((field) => company[field] !== undefined);
  if (given.length) {
    await customersRepository.updateCompany(tx, workspaceId, id, Object.fromEntries(given.flatMap((field) => [[field, company[field]], [SET_BY_HAND[field], true]])));
  }
  return { id, regrouped: await customersRepository.removeDeletedCompanyDomains(tx, workspaceId, [company.name.toLowerCase()]) };
}

/** The audit's words for a deleted company's domain that a person's naming lets group people again. */
const regroupedInWords = (domains: string[], company: string) => (domains.length ? `; new people at ${listOf(domains)} are put at “${company}” again` : '');

/**
 * Edits a customer; an email or external id another customer has is a 409 (the unique indexes
 * say so). A body naming the company (even the same one, or null) marks it as set by hand,
 * unless it says `companySetByHand`, which sets or clears the mark as it says.
 */
export async function updateCustomer(db: Db, actor: WorkspaceActor, id: string, body: UpdateCustomerBody): Promise<CustomerDetail> {
  return db.transaction(async (tx) => {
    const current = await customersRepository.findById(tx, actor.workspaceId, id);
    if (!current) throw notFound('Customer');
    const next = {
      email: body.email === undefined ? current.customer.email : body.email,
      name: body.name === undefined ? current.customer.name : body.name,
      externalId: body.externalId === undefined ? current.customer.externalId : body.externalId,
    };
    if (!next.email && !next.name && !next.externalId) throw invalidField('body.email', 'A customer keeps at least an email, a name or an external id');
    const edited = body.company ? await saveEditedCompany(tx, actor.workspaceId, body.company) : undefined;
    const companyId = body.company === undefined ? current.customer.companyId : (edited?.id ?? null);
    const taken = await customersRepository.findCustomersByKeys(tx, actor.workspaceId, {
      emails: next.email ? [next.email] : [],
      externalIds: next.externalId ? [next.externalId] : [],
      names: [],
    });
    const clash = taken.find((row) => row.id !== id);
    if (clash) throw new AppError('conflict', `Another customer already has this ${clash.email && clash.email.toLowerCase() === next.email ? 'email' : 'external id'}`);
    // Naming the company here, or clearing it, is a person's decision: imports and the fill keep it from now on.
    const companySetByHand = body.companySetByHand ?? (body.company === undefined ? current.customer.companySetByHand : true);
    await customersRepository.update(tx, actor.workspaceId, id, { ...next, companyId, companySetByHand });
    const customer = await loadCustomer(tx, actor.workspaceId, id);
    await recordAudit(tx, actor, {
      action: 'customer.update',
      objectType: 'customer',
      objectId: id,
      summary: `Edited customer ${describeCustomer(customer)}` + (edited ? regroupedInWords(edited.regrouped, customer.company!.name) : ''),
    });
    return customer;
  });
}

/** “Acme”, “Acme Inc” and “acme.com”. */
const quotedList = (names: string[]) => listOf(names.map((name) => `“${name}”`));

/**
 * Lets go of the aliases of a company the edit leaves out (`aliases` lists those it keeps): imports
 * naming one create a company of that name again. Only aliases it has can stay: this does not add any.
 */
async function keepAliases(tx: Executor, actor: WorkspaceActor, company: CompanyRow, keep: string[]) {
  const aliases = await customersRepository.listAliases(tx, actor.workspaceId, company.id);
  const has = new Set(aliases.map((name) => name.toLowerCase()));
  const unknown = keep.find((name) => !has.has(name.toLowerCase()));
  if (unknown !== undefined) {
    const message = `“${unknown}” is not an alias of “${company.name}”: an edit only lets aliases go`;
    throw new AppError('unprocessable', message, [{ path: 'body.aliases', message }]);
  }
  const kept = new Set(keep.map((name) => name.toLowerCase()));
  const forgotten = aliases.filter((name) => !kept.has(name.toLowerCase()));
  if (!forgotten.length) return;
  await customersRepository.removeAliases(tx, actor.workspaceId, forgotten);
  await recordAudit(tx, actor, {
    action: 'company.update',
    objectType: 'company',
    objectId: company.id,
    summary: `Let go of ${quotedList(forgotten)} as ${forgotten.length === 1 ? 'an alias' : 'aliases'} of company ${company.name}: imports naming ${forgotten.length === 1 ? 'it create that company' : 'them create those companies'} again`,
  });
}

/**
 * Renames a company. Its old name becomes an alias, so that an import still naming it (a CRM
 * export, a help desk's domain) keeps putting people here rather than creating the old company
 * again (ADR 011). A name another company has is a 409: the two are one company, to merge. A name
 * that is another company's alias becomes this one's own name, and leads here from then on; one
 * that was a deleted company's domain is forgotten as such, so people writing from there come here.
 */
async function renameCompany(tx: Executor, actor: WorkspaceActor, company: CompanyRow, name: string): Promise<CompanyRow> {
  const newKey = name.toLowerCase() !== company.name.toLowerCase();
  let takenFrom: CompanyRow | undefined;
  if (newKey) {
    const holder = await customersRepository.findCompanyByName(tx, actor.workspaceId, name);
    if (holder) {
      const message = `A company named “${holder.name}” already exists: merge “${company.name}” into it instead`;
      throw new AppError('conflict', message, [{ path: 'body.name', message }]);
    }
    const [released] = await customersRepository.removeAliases(tx, actor.workspaceId, [name]);
    if (released && released.companyId !== company.id) takenFrom = await customersRepository.findCompanyById(tx, actor.workspaceId, released.companyId);
    await customersRepository.insertAliases(tx, actor.workspaceId, company.id, [company.name]);
  }
  const regrouped = newKey ? await customersRepository.removeDeletedCompanyDomains(tx, actor.workspaceId, [name.toLowerCase()]) : [];
  const row = (await customersRepository.updateCompany(tx, actor.workspaceId, company.id, { name }))!;
  await recordAudit(tx, actor, {
    action: 'company.rename',
    objectType: 'company',
    objectId: company.id,
    summary:
      `Renamed company “${company.name}” to “${row.name}”` +
      (newKey ? `; imports naming “${company.name}” still lead to it` : '') +
      (takenFrom ? `, and those naming “${row.name}” no longer lead to ${takenFrom.name}` : '') +
      regroupedInWords(regrouped, row.name),
  });
  return row;
}

/**
 * Edits a company (ADR 011): lets aliases go, renames it, and sets which of its fields imports
 * leave alone (fewer than before lets an import naming the company fill the others in again; the
 * fields keep their values until one does). In that order: the old name a rename keeps as an
 * alias is not let go by the same edit.
 */
export async function updateCompany(db: Db, actor: WorkspaceActor, id: string, body: UpdateCompanyBody): Promise<Company> {
  return db.transaction(async (tx) => {
    let [row] = await customersRepository.findCompaniesForUpdate(tx, actor.workspaceId, [id]);
    if (!row) throw notFound('Company');
    if (body.aliases) await keepAliases(tx, actor, row, body.aliases);
    if (body.name !== undefined && body.name !== row.name) row = await renameCompany(tx, actor, row, body.name);
    if (body.fieldsSetByHand) {
      const marks = Object.fromEntries(COMPANY_FIELDS.map((field) => [SET_BY_HAND[field], body.fieldsSetByHand!.includes(field)]));
      row = (await customersRepository.updateCompany(tx, actor.workspaceId, id, marks))!;
      const kept = companyFieldsInWords(presentCompany(row).fieldsSetByHand);
      await recordAudit(tx, actor, {
        action: 'company.update',
        objectType: 'company',
        objectId: id,
        summary: kept ? `Kept the ${kept} of company ${row.name} as set by hand; imports fill in the rest` : `Let imports fill in every field of company ${row.name} again`,
      });
    }
    return presentCompany(row);
  });
}

/**
 * The fields a merge gives the company kept: those it has empty, and not emptied by hand, that
 * the merged one has, each with whether it was set by hand there. A field the kept one has, or
 * that a person emptied on purpose, stays as it is.
 */
function fieldsTakenInMerge(kept: CompanyRow, merged: CompanyRow): CompanyField[] {
  return COMPANY_FIELDS.filter((field) => kept[field] === null && !kept[SET_BY_HAND[field]] && merged[field] !== null);
}

/**
 * Merges a company into another, the one kept (one company imported twice: "Acme" and "Acme Inc",
 * or a CRM's name and an email domain's): every customer moves there, with what they said and
 * whether their company was set by hand; the kept company fills its empty fields from the merged
 * one (`fieldsTakenInMerge`); the merged one's name and aliases become the kept one's aliases, so
 * that imports naming them put people there; and the merged company is deleted (companies have no
 * trash). One transaction, both companies locked.
 */
export async function mergeCompany(db: Db, actor: WorkspaceActor, id: string, intoCompanyId: string): Promise<CompanyListItem> {
  if (id === intoCompanyId) throw invalidField('body.intoCompanyId', 'A company cannot be merged into itself');
  return db.transaction(async (tx) => {
    const locked = await customersRepository.findCompaniesForUpdate(tx, actor.workspaceId, [id, intoCompanyId]);
    const merged = locked.find((row) => row.id === id);
    if (!merged) throw notFound('Company');
    const kept = locked.find((row) => row.id === intoCompanyId);
    if (!kept) {
      const message = 'The company to merge into does not exist in this workspace';
      throw new AppError('not_found', message, [{ path: 'body.intoCompanyId', message }]);
    }
    const customersBefore = await customersRepository.countCustomersOfCompanies(tx, actor.workspaceId, [id, intoCompanyId]);
    const aliases = await customersRepository.listAliases(tx, actor.workspaceId, id);
    const taken = fieldsTakenInMerge(kept, merged);

    const moved = await customersRepository.moveCustomersToCompany(tx, actor.workspaceId, id, intoCompanyId);
    await customersRepository.moveAliases(tx, actor.workspaceId, id, intoCompanyId);
    await customersRepository.removeCompany(tx, actor.workspaceId, id);
    await customersRepository.insertAliases(tx, actor.workspaceId, intoCompanyId, [merged.name]);
    // Stamped even when no field changes: the catalog names the kept company with its customers counted.
    const row = (await customersRepository.updateCompany(
      tx,
      actor.workspaceId,
      intoCompanyId,
      Object.fromEntries(taken.flatMap((field) => [[field, merged[field]], [SET_BY_HAND[field], merged[SET_BY_HAND[field]]]])),
    ))!;

    const customersOf = (companyId: string) => countOf(customersBefore.get(companyId) ?? 0, 'customer');
    await recordAudit(tx, actor, {
      action: 'company.merge',
      objectType: 'company',
      objectId: intoCompanyId,
      summary:
        `Merged company “${merged.name}” (${customersOf(id)}) into “${kept.name}” (${customersOf(intoCompanyId)}): ${countOf(moved, 'customer')} moved` +
        (taken.length ? `, and “${kept.name}” took its ${companyFieldsInWords(taken)}` : '') +
        `; imports naming ${quotedList([merged.name, ...aliases])} now lead to “${kept.name}”`,
    });
    const [company] = await presentCompanies(tx, actor.workspaceId, [row]);
    return company!;
  });
}

/**
 * Deletes a company (companies have no trash). Its customers stay, without a company, and as
 * cleared by hand (ADR 011), as if a person had emptied each one's company: imports naming it
 * and their email's domain do not put them back at a company of that name. What they said stays
 * theirs. Its names that are email domains are remembered, so that new people writing from
 * there do not create it again either.
 */
export async function deleteCompany(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [company] = await customersRepository.findCompaniesForUpdate(tx, actor.workspaceId, [id]);
    if (!company) throw notFound('Company');
    const domains = emailDomainsAmong([company.name, ...(await customersRepository.listAliases(tx, actor.workspaceId, id))]);
    const cleared = await customersRepository.clearCompanyOfCustomers(tx, actor.workspaceId, id);
    await customersRepository.removeCompany(tx, actor.workspaceId, id);
    await customersRepository.insertDeletedCompanyDomains(tx, actor.workspaceId, company.name, domains);
    await recordAudit(tx, actor, {
      action: 'company.delete',
      objectType: 'company',
      objectId: id,
      summary:
        (cleared
          ? `Deleted company “${company.name}”; its ${countOf(cleared, 'customer')} stay without a company, which imports and email domains leave empty`
          : `Deleted company “${company.name}”, which had no customers`) +
        (domains.length ? `; new people at ${listOf(domains)} get no company from their email` : ''),
    });
  });
}

/** The email domains deleted companies left (ADR 011), most recently deleted first, each with the company that goes by it again, if any. */
export async function listDeletedCompanyDomains(db: Db, actor: WorkspaceActor): Promise<DeletedCompanyDomainList> {
  const rows = await customersRepository.listDeletedCompanyDomains(db, actor.workspaceId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      domain: row.domain,
      companyName: row.companyName,
      deletedAt: new Date(row.deletedAt).toISOString(),
      heldBy: row.heldById ? { id: row.heldById, name: row.heldByName! } : null,
    })),
  };
}

/**
 * Forgets a deleted company's email domain (ADR 011), as naming a company so by hand does, without
 * naming one: new people writing from there are put at the company of that name again, created if
 * need be, by imports, new customers and the fill. Those at the company when it was deleted stay
 * without one (cleared by hand), as the delete left them. Another workspace's domain is a 404.
 */
export async function forgetDeletedCompanyDomain(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const forgotten = await customersRepository.removeDeletedCompanyDomain(tx, actor.workspaceId, id);
    if (!forgotten) throw notFound('Deleted company domain');
    await recordAudit(tx, actor, {
      action: 'company.forget_domain',
      objectType: 'company',
      summary: `Forgot ${forgotten.domain} as the email domain of deleted company “${forgotten.companyName}”${regroupedInWords([forgotten.domain], forgotten.domain)}`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Company pages: a company, what its customers said, and what that evidence backs.
// ---------------------------------------------------------------------------------------------

/** Companies as lists show them: with their customers counted and what those said summed, in two grouped queries however many companies. */
async function presentCompanies(executor: Executor, workspaceId: string, rows: CompanyRow[]): Promise<CompanyListItem[]> {
  const ids = rows.map((row) => row.id);
  const [customerCounts, evidence] = await Promise.all([
    customersRepository.countCustomersOfCompanies(executor, workspaceId, ids),
    loadEvidenceCounts(executor, workspaceId, 'company', ids),
  ]);
  return rows.map((row) => ({ ...presentCompany(row), customers: customerCounts.get(row.id) ?? 0, evidence: evidence.get(row.id)! }));
}

export async function listCompanies(db: Db, actor: WorkspaceActor, query: ListCompaniesQuery): Promise<Page<CompanyListItem>> {
  // Where the next page starts: (name key, id), or (−highlights, name key, id).
  const after = decodeCursorOf(query.cursor, query.sort === 'evidence' ? ['integer', 'text', 'uuid'] : ['text', 'uuid']);
  const filter = { q: query.q || undefined };
  const rows = await customersRepository.listCompanies(db, actor.workspaceId, filter, query.sort, query.limit, after);
  const page = pageFrom(rows, query.limit, (row) => row.company, (row) => (query.sort === 'evidence' ? [row.rank ?? 0, row.sortKey, row.company.id] : [row.sortKey, row.company.id]));
  const items = await presentCompanies(db, actor.workspaceId, page.items);
  // The total costs a count over the whole filter: only the first page carries it.
  return after ? { ...page, items } : { ...page, items, total: await customersRepository.countCompanies(db, actor.workspaceId, filter) };
}

/** The rows a company page lists, without the total each carries. */
function backed<Row extends { total: number }>(rows: Row[]): { items: Array<Omit<Row, 'total'>>; total: number } {
  return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
}

/** A company with its counts and the insights and backlog items its customers' evidence backs most. */
export async function getCompany(db: Db, actor: WorkspaceActor, id: string): Promise<CompanyDetail> {
  const row = await customersRepository.findCompanyById(db, actor.workspaceId, id);
  if (!row) throw notFound('Company');
  const [[company], insights, backlogItems, aliases] = await Promise.all([
    presentCompanies(db, actor.workspaceId, [row]),
    customersRepository.listInsightsBackedByCompany(db, actor.workspaceId, id, COMPANY_BACKED_MAX).then(backed),
    customersRepository.listBacklogItemsBackedByCompany(db, actor.workspaceId, id, COMPANY_BACKED_MAX).then(backed),
    customersRepository.listAliases(db, actor.workspaceId, id),
  ]);
  return { ...company!, aliases, emailDomains: emailDomainsAmong([row.name, ...aliases]), insights: insights.items, insightTotal: insights.total, backlogItems: backlogItems.items, backlogItemTotal: backlogItems.total };
}

/** Customers per statement when filling in companies: each statement stays small whatever the workspace's size. */
const FILL_BATCH_SIZE = 5_000;


/**
 * Gives every customer with a work email and no company the company of their email's domain,
 * as imports do for the customers they match: for customers imported before they did. A dry
 * run only counts. A company set by hand is never replaced: only customers without one, and
 * not cleared by hand, are touched, checked again as they are written. A deleted company's
 * domain gives none. One audit event for the whole fill.
 */
export async function fillCompaniesFromEmails(db: Db, actor: WorkspaceActor, body: FillCompaniesFromEmailsBody): Promise<FillCompaniesFromEmailsResult> {
  return db.transaction(async (tx) => {
    const guesses = (await customersRepository.listEmailsWithoutCompany(tx, actor.workspaceId)).flatMap(({ id, email }) => {
      const company = companyFromEmail(email);
      return company ? [{ id, company }] : [];
    });
    const deleted = await findDeletedDomains(tx, actor.workspaceId, guesses.map(({ company }) => company.name));
    const fills = guesses.filter(({ company }) => !deleted.has(company.name));
    const names = [...new Set(fills.map(({ company }) => company.name))];
    const known = await customersRepository.findCompanyIdsByNames(tx, actor.workspaceId, names);
    const plan = { customers: fills.length, companies: names.length, newCompanies: names.filter((name) => !known.has(name)).length };
    if (body.dryRun || !fills.length) return { dryRun: body.dryRun, ...plan };

    const companyIds = await resolveCompanies(tx, actor.workspaceId, fills.map(({ company }) => company));
    let filled = 0;
    for (let start = 0; start < fills.length; start += FILL_BATCH_SIZE) {
      const batch = fills.slice(start, start + FILL_BATCH_SIZE);
      filled += await customersRepository.setMissingCompanies(tx, actor.workspaceId, batch.map(({ id, company }) => ({ id, companyId: companyIds.get(company.name)! })));
    }
    if (filled) {
      await recordAudit(tx, actor, {
        action: 'customer.companies_from_emails',
        objectType: 'customer',
        summary: `Filled in the company of ${countOf(filled, 'customer')} from their email domains, at ${countOf(plan.companies, 'company', 'companies')} (${plan.newCompanies} new)`,
      });
    }
    return { dryRun: false, ...plan, customers: filled };
  });
}
