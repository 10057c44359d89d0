import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { withDatabase } from './global-setup.js';

export const testDriver = (process.env.CAIRN_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

/** A fresh, migrated database for one test file, on the driver of the current project. */
export async function openTestDatabase(): Promise<Database> {
  if (testDriver === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = inject('postgresTemplate');
    const name = `cairn_t${template.replace('cairn_template_', '')}_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ driver: 'postgres', url: withDatabase(url, name), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.end());
      },
    };
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ driver: 'pglite', loadDataDir: new Blob([snapshot]) });
}
