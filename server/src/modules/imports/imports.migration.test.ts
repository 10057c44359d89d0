import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, type Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/database.js';

/** Both drivers answer `execute` with `{ rows }`. */
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

describe('0023: unchanged sources counted in a table', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("moves the counts from the imports' options to import_unchanged_from, leaving out deleted imports and what is not a count", async () => {
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

    const migration = fs.readFileSync(path.join(MIGRATIONS_DIR, '0023_unchanged_from_and_customer_evidence.sql'), 'utf8');
    await database.db.transaction(async (tx) => {
      for (const statement of migration.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
    });

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
