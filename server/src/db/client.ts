import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseDriver } from '@cairn/shared';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type services and repositories see, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  driver: DatabaseDriver;
  close: () => Promise<void>;
  /** PostgreSQL only: the pool, for work drizzle does not cover (advisory locks, COPY). */
  pool?: pg.Pool;
};

/** Any constant works; it only has to be the same for every Cairn process. */
const MIGRATION_LOCK_KEY = 727_245_001;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

export type DatabaseOptions =
  | { driver: 'postgres'; url: string; poolSize?: number }
  | { driver: 'pglite'; dataDir?: string; loadDataDir?: Blob };

/** PGlite with the extensions our migrations create. `dataDir` undefined = in memory. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
}

/**
 * Session settings of every connection Cairn opens. Its statements are short, and:
 * - JIT compiles any statement planned above 100,000 cost units (a search over a million
 *   sources, its estimate): 1–2 ms a statement, ~60 ms on a connection's first compile, where
 *   the statements take a few ms (ADR 005);
 * - parallel plans return rows out of table order, which search windows rely on, and on a
 *   server shared by many requests their workers take cores from the other requests.
 */
const CONNECTION_SETTINGS = 'SET jit = off; SET max_parallel_workers_per_gather = 0';

/** For `pg.Pool`'s `onConnect`: a new connection is handed out once its settings are in place. */
export async function applyConnectionSettings(client: pg.ClientBase): Promise<void> {
  await client.query(CONNECTION_SETTINGS);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, onConnect: applyConnectionSettings });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    return { db, driver: 'postgres', close: () => pool.end(), pool };
  }
  const client = await openPglite({ dataDir: options.dataDir && path.join(options.dataDir, 'pglite'), loadDataDir: options.loadDataDir });
  await client.exec(CONNECTION_SETTINGS);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return { db, driver: 'pglite', close: () => client.close() };
}

/**
 * Applies every pending migration in one transaction: a failing migration leaves the
 * database as it was and the error names the migration that failed.
 */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  try {
    if (database.pool) {
      // Several API processes may start together: one migrates, the others wait for it.
      const lock = await database.pool.connect();
      try {
        await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(database.db as never, { migrationsFolder });
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        lock.release();
      }
    } else {
      await migratePglite(database.db as never, { migrationsFolder });
    }
  } catch (error) {
    throw new Error(`Database migration failed; the database was left unchanged. ${describeError(error)}`, { cause: error });
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
