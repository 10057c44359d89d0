import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * One suite, two drivers: every database test runs on embedded PGlite, and again on
 * PostgreSQL when TEST_DATABASE_URL is set. In CI a missing PostgreSQL is an error, not a skip.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !postgresUrl) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite would be skipped');
}
const drivers = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
console.log(`Database drivers: ${drivers.join(', ')}${postgresUrl ? '' : ' (set TEST_DATABASE_URL to also run PostgreSQL)'}`);

const alias = { '@cairn/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) };
const databaseTests = ['server/src/modules/**/*.test.ts', 'server/test/**/*.test.ts'];

const databaseProject = (driver: string): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `db:${driver}`,
    include: databaseTests,
    environment: 'node',
    globalSetup: ['server/test/global-setup.ts'],
    env: { CAIRN_TEST_DRIVER: driver },
    // Each file builds its own app on its own database (useTestApp), so files share nothing a fresh
    // module graph would reset; loading the server's modules once per worker instead of once per
    // file halves the project's time (PGlite: 256 s → 138 s on a 2-core machine).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // idle while PostgreSQL answers. Two files at a time keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: [...databaseTests, '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      ...drivers.map(databaseProject),
    ],
  },
});
