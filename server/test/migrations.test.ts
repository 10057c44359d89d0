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

describe('0006: one customer per name-only identity', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('merges customers known only by the same name (any case) into the oldest, moving their sources, before the unique index', async () => {
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

    const migration = fs.readFileSync(path.join(MIGRATIONS_DIR, '0006_customers_name_only_key.sql'), 'utf8');
    await database.db.transaction(async (tx) => {
      for (const statement of migration.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
    });

    const left = rowsOf<{ id: string }>(await run(`SELECT id FROM customers WHERE workspace_id = '${ws}' ORDER BY created_at`)).map((row) => row.id);
    expect(left).toEqual([ids[0], ids[2], ids[3]]);
    const owners = rowsOf<{ customer_id: string; count: number }>(await run(`SELECT customer_id, count(*)::int AS count FROM sources WHERE workspace_id = '${ws}' GROUP BY 1`));
    expect(Object.fromEntries(owners.map((row) => [row.customer_id, row.count]))).toEqual({ [ids[0]!]: 2, [ids[2]!]: 1, [ids[3]!]: 1 });
    expect(await tableExists(database, 'customers_name_only_key')).toBe(true);
  });
});
