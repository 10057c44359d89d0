import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateDatabase, type Database } from '../src/db/client.js';
import { openTestDatabase } from './database.js';

type Journal = { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };

/** The real migrations plus two new ones: a good one, then one that fails half-way. */
function migrationsWithBrokenTail(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-migrations-'));
  fs.cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  const last = journal.entries[journal.entries.length - 1]!;
  const added = [
    { tag: '9998_good', sql: 'CREATE TABLE migration_probe_good (id int);' },
    { tag: '9999_broken', sql: 'CREATE TABLE migration_probe_broken (id int);\n--> statement-breakpoint\nSELECT * FROM table_that_does_not_exist;' },
  ];
  added.forEach((migration, i) => {
    fs.writeFileSync(path.join(folder, `${migration.tag}.sql`), migration.sql);
    journal.entries.push({ ...last, idx: last.idx + 1 + i, when: last.when + 1 + i, tag: migration.tag });
  });
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** Both drivers answer `execute` with `{ rows }`. */
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

async function tableExists(database: Database, name: string): Promise<boolean> {
  return rowsOf<{ found: boolean }>(await database.db.execute(sql`select to_regclass(${name}) is not null as found`))[0]!.found;
}

describe('migrations at start-up', () => {
  let database: Database;
  let folder: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    folder = migrationsWithBrokenTail();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('stops with a clear message when a migration fails, and leaves the database unchanged', async () => {
    await expect(migrateDatabase(database, folder)).rejects.toThrow(/Database migration failed; the database was left unchanged/);
    // All pending migrations run in one transaction: the good one before the failure is undone too.
    expect(await tableExists(database, 'migration_probe_good')).toBe(false);
    expect(await tableExists(database, 'migration_probe_broken')).toBe(false);
    expect(await tableExists(database, 'sources')).toBe(true);
  });

  it('applies nothing twice: migrating an up-to-date database is a no-op', async () => {
    const applied = async () => rowsOf<{ count: number }>(await database.db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`))[0]!.count;
    const before = await applied();
    expect(before).toBeGreaterThan(0);
    await migrateDatabase(database);
    expect(await applied()).toBe(before);
  });
});

/** A migrated database of the block's own, closed after it: a migration's test undoes part of it and runs that migration again. */
function useOwnDatabase(): () => Database {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => database;
}

/** Runs one committed migration again, its statements in one transaction as start-up runs them. */
async function rerunMigration(database: Database, file: string) {
  const migration = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  await database.db.transaction(async (tx) => {
    for (const statement of migration.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
  });
}

describe('0006: one customer per name-only identity', () => {
  const databaseOf = useOwnDatabase();

  it('merges customers known only by the same name (any case) into the oldest, moving their sources, before the unique index', async () => {
    const database = databaseOf();
    const run = (query: string) => database.db.execute(sql.raw(query));
    await run('DROP INDEX customers_name_only_key');
    const [workspace] = rowsOf<{ id: string }>(await run(`INSERT INTO workspaces (name) VALUES ('Duplicates') RETURNING id`));
    const ws = workspace!.id;
    const ids = rowsOf<{ id: string }>(
      await run(`INSERT INTO customers (workspace_id, name, created_at) VALUES
        ('${ws}', 'Dana Scully', now() - interval '2 days'), ('${ws}', 'dana scully', now() - interval '1 day'), ('${ws}', 'Fox Mulder', now()),
        ('${ws}', 'Dana Scully', now()) RETURNING id`),
    ).map((row) => row.id);
    await run(`UPDATE customers SET email = 'dana@fbi.test' WHERE id = '${ids[3]}'`); // has an email: not a name-only duplicate
    for (const id of ids) await run(`INSERT INTO sources (workspace_id, kind, title, body, customer_id) VALUES ('${ws}', 'note', 'n', 'text', '${id}')`);

    await rerunMigration(database, '0006_customers_name_only_key.sql');

    const left = rowsOf<{ id: string }>(await run(`SELECT id FROM customers WHERE workspace_id = '${ws}' ORDER BY created_at`)).map((row) => row.id);
    expect(left).toEqual([ids[0], ids[2], ids[3]]);
    const owners = rowsOf<{ customer_id: string; count: number }>(await run(`SELECT customer_id, count(*)::int AS count FROM sources WHERE workspace_id = '${ws}' GROUP BY 1`));
    expect(Object.fromEntries(owners.map((row) => [row.customer_id, row.count]))).toEqual({ [ids[0]!]: 2, [ids[2]!]: 1, [ids[3]!]: 1 });
    expect(await tableExists(database, 'customers_name_only_key')).toBe(true);
  });
});

describe('0023: unchanged sources counted in a table', () => {
  const databaseOf = useOwnDatabase();

  it("moves the counts from the imports' options to import_unchanged_from, leaving out deleted imports and what is not a count", async () => {
    const database = databaseOf();
    const run = async <Row>(query: string) => rowsOf<Row>(await database.db.execute(sql.raw(query)));
    // Back to before 0023: the table and the index it adds are gone.
    await run('DROP TABLE import_unchanged_from');
    await run('DROP INDEX highlights_customer_live_idx');
    const [workspace] = await run<{ id: string }>(`INSERT INTO workspaces (name) VALUES ('Imports') RETURNING id`);
    const [other] = await run<{ id: string }>(`INSERT INTO workspaces (name) VALUES ('Another') RETURNING id`);
    const insertImport = async (workspaceId: string, options: unknown) =>
      (await run<{ id: string }>(`INSERT INTO imports (workspace_id, format, file_name, options) VALUES ('${workspaceId}', 'tickets-csv', 'f.csv', '${JSON.stringify(options)}') RETURNING id`))[0]!.id;
    const first = await insertImport(workspace!.id, { redactPii: true });
    const second = await insertImport(workspace!.id, { unchangedFrom: { [first]: 2 } });
    const elsewhere = await insertImport(other!.id, {});
    const deleted = '00000000-0000-4000-8000-000000000000';
    const third = await insertImport(workspace!.id, {
      redactPii: false,
      unchangedFrom: { [first]: 3, [second]: 1, [deleted]: 4, [elsewhere]: 5, 'not-an-id': 6 },
    });
    const odd = await insertImport(workspace!.id, { unchangedFrom: { [first]: 'two', [second]: 1.5 } });
    const broken = await insertImport(workspace!.id, { unchangedFrom: [first] });

    await rerunMigration(database, '0023_unchanged_from_and_customer_evidence.sql');

    const counts = await run<{ import_id: string; earlier_import_id: string; count: number; workspace_id: string }>(
      `SELECT import_id, earlier_import_id, count, workspace_id FROM import_unchanged_from ORDER BY count`,
    );
    expect(counts).toEqual([
      { import_id: third, earlier_import_id: second, count: 1, workspace_id: workspace!.id },
      { import_id: second, earlier_import_id: first, count: 2, workspace_id: workspace!.id },
      { import_id: third, earlier_import_id: first, count: 3, workspace_id: workspace!.id },
    ]);
    const options = await run<{ id: string; options: Record<string, unknown> }>(`SELECT id, options FROM imports WHERE workspace_id = '${workspace!.id}'`);
    expect(Object.fromEntries(options.map((row) => [row.id, row.options]))).toEqual({
      [first]: { redactPii: true },
      [second]: {},
      [third]: { redactPii: false },
      [odd]: {},
      [broken]: {},
    });
  });
});
