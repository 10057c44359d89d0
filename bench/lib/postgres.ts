import pg from 'pg';

/** The PostgreSQL server benchmarks create their scratch databases on. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the benchmark server. */
export function benchDatabaseUrl(name: string): string {
  const parsed = new URL(BENCH_SERVER_URL);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** One statement on the benchmark server's maintenance database (CREATE/DROP DATABASE …). */
export async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
