import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { companies, customers } from '../../db/schema/index.js';

export async function listCustomerNames(executor: Executor, workspaceId: string) {
  return executor
    .select({ id: customers.id, name: customers.name, email: customers.email, company: companies.name })
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.workspaceId, workspaceId))
    .orderBy(asc(customers.id));
}
