import { backlogWorkspace } from './backlog.bench.js';
import type { Benchmark, BenchRow } from './lib/report.js';
import { onPostgresAndPglite, timedGetOf, timeRoutes, type SeededCairn } from './lib/seeded-cairn.js';

/**
 * Company pages on the backlog benchmark's workspace (3,000 companies, 20,000 customers,
 * 60,000 highlighted tickets, 300 problems and 500 backlog items with ~160,000 item–highlight
 * pairs), where most companies have a handful of customers and one, a large account, has 1,000:
 * what a company's page and highlights cost grows with. One client, one request at a time,
 * through the API: the list by name, by evidence (which counts every company's highlights) and
 * searched, then a small account's and the large account's page and highlights, and customers by
 * evidence: the large account's, counted customer by customer, and everyone's, in one pass.
 */
const WARM_UP = 5;
const SAMPLES = 40;
const LARGE_ACCOUNT = 'Company 1';
/** A company like most: a handful of customers. */
const SMALL_ACCOUNT = 'Company 7';

function loadStatements(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  return [
    ...backlogWorkspace(workspaceId),
    // Customers 1000–1999 move to the large account.
    `update customers set company_id = (select id from companies where workspace_id = ${ws} and name = '${LARGE_ACCOUNT}')
      where workspace_id = ${ws} and email like 'customer1___@%'`,
    `analyze customers`,
  ];
}

const LARGE_ACCOUNT_CUSTOMERS = `select count(*)::int from customers c join companies co on co.id = c.company_id where co.name = '${LARGE_ACCOUNT}'`;

async function timeCompanies(cairn: SeededCairn): Promise<BenchRow[]> {
  const get = timedGetOf(cairn);
  const named = async (name: string) => (await get<{ items: Array<{ id: string }> }>(`/companies?q=${encodeURIComponent(name)}&limit=1`)).body.items[0]!.id;
  const [large, small] = [await named(LARGE_ACCOUNT), await named(SMALL_ACCOUNT)];
  const routes: Array<[string, string]> = [
    ['by name, first page of 50', '/companies?limit=50'],
    ['by evidence, first page of 50', '/companies?sort=evidence&limit=50'],
    ["searched by the customers' email domain", '/companies?q=example.com&limit=50'],
    ['a small account', `/companies/${small}`],
    ["a small account's highlights, first page of 20", `/highlights?companyId=${small}&limit=20`],
    ['the large account', `/companies/${large}`],
    ["the large account's customers, first page of 50", `/customers?companyId=${large}&limit=50`],
    // Counted customer by customer, one lookup each in highlights_customer_live_idx, where the whole list counts in one pass over that index.
    ["the large account's customers by evidence, first page of 50", `/customers?companyId=${large}&sort=evidence&limit=50`],
    ['customers by evidence, first page of 50', '/customers?sort=evidence&limit=50'],
    ["the large account's highlights, first page of 20", `/highlights?companyId=${large}&limit=20`],
  ];
  return timeRoutes(get, routes, {
    benchmark: 'companies',
    driver: cairn.driver,
    what: 'GET companies',
    warmUp: WARM_UP,
    samples: SAMPLES,
    note: `3,000 companies, 60,000 highlights; the large account has ${cairn.tally.toLocaleString('en-US')} customers`,
  });
}

export const companiesBenchmark: Benchmark = {
  name: 'companies',
  description: "company pages on the backlog benchmark's workspace, one account of 1,000 customers among 3,000 companies, on PostgreSQL and PGlite, one client",
  run: () => onPostgresAndPglite({ name: 'companies', statements: loadStatements, tally: LARGE_ACCOUNT_CUSTOMERS }, timeCompanies),
};
