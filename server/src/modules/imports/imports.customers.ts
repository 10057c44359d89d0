import type { Executor } from '../../db/client.js';
import type { ImportedCustomer } from '../../importers/index.js';
import { resolveCustomers } from '../customers/customers.service.js';

/**
 * The customers an import has matched so far, by the exact description rows gave of them. A
 * ticket export names the same requesters again and again (the bench: 100,000 tickets, 8,000
 * requesters), and matching them again costs a third of a batch's database time while
 * changing nothing: a row described exactly like one matched before takes that customer.
 * Customers are never deleted, so a remembered id stays valid for the whole import.
 *
 * Matching again is not always a no-op, and then the memo forgets: when a customer is matched
 * under another description (the latest row's company wins, so a later row naming the first
 * company again must be matched again), and when a company's fields change (the memo is cleared).
 */
export type CustomerMemo = {
  idOf: Map<string, string>;
  /** The description each remembered customer was last matched under. */
  descriptionOf: Map<string, string>;
  /** Segment, plan and revenue each company was last given, by lower-cased name. */
  companyFieldsOf: Map<string, string>;
};

export const createCustomerMemo = (): CustomerMemo => ({ idOf: new Map(), descriptionOf: new Map(), companyFieldsOf: new Map() });

const describeCustomer = (customer: ImportedCustomer) => {
  const company = customer.company;
  return [customer.email, customer.externalId, customer.name, company?.name, company?.segment, company?.plan, company?.annualRevenue].join('\u0000');
};

const companyFields = (company: NonNullable<ImportedCustomer['company']>) => [company.segment, company.plan, company.annualRevenue].join('\u0000');

/**
 * Customer ids for `inputs` (null in, null out), matching or creating only those the memo does
 * not know. Rows that turn out to share a customer with a remembered one are matched all
 * together again, as resolveCustomers would have matched the batch without the memo.
 */
export async function matchCustomers(tx: Executor, workspaceId: string, inputs: Array<ImportedCustomer | null>, memo: CustomerMemo): Promise<Array<string | null>> {
  const descriptions = inputs.map((input) => (input ? describeCustomer(input) : null));
  const ids = descriptions.map((description) => (description === null ? null : (memo.idOf.get(description) ?? null)));
  const unknown = inputs.flatMap((input, index) => (input && ids[index] === null ? [index] : []));
  if (!unknown.length) return ids;
  const found = await resolveCustomers(tx, workspaceId, unknown.map((index) => inputs[index]!));
  const remembered = new Set(ids.filter((id) => id !== null));
  if (found.some((id) => id !== null && remembered.has(id))) return resolveCustomers(tx, workspaceId, inputs);
  unknown.forEach((index, position) => (ids[index] = found[position] ?? null));
  return ids;
}

/** Remembers what a committed batch matched: call only once its customers transaction committed. */
export function rememberCustomers(memo: CustomerMemo, inputs: Array<ImportedCustomer | null>, ids: Array<string | null>): void {
  inputs.forEach((input, index) => {
    const id = ids[index];
    if (!input || !id) return;
    const company = input.company;
    if (company) {
      const name = company.name.trim().toLowerCase();
      const fields = companyFields(company);
      const before = memo.companyFieldsOf.get(name);
      if (before !== undefined && before !== fields) {
        memo.idOf.clear();
        memo.descriptionOf.clear();
      }
      memo.companyFieldsOf.set(name, fields);
    }
    const description = describeCustomer(input);
    const previous = memo.descriptionOf.get(id);
    if (previous !== undefined && previous !== description) memo.idOf.delete(previous);
    memo.descriptionOf.set(id, description);
    memo.idOf.set(description, id);
  });
}
