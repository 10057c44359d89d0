import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Database, Db } from '../src/db/client.js';
import { openTestDatabase, testDriver } from './database.js';

export { testDriver };

export type TestContext = {
  app: FastifyInstance;
  db: Db;
  database: Database;
};

/** Builds the app on a fresh database for this test file; closes both after the file. `config` overrides settings (e.g. a small upload limit). */
export function useTestApp({ config, ...options }: Omit<AppOptions, 'config' | 'database'> & { config?: Partial<Config> } = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.database = await openTestDatabase();
    context.db = context.database.db;
    context.app = await buildApp({ ...options, config: { ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', CHECK_RESPONSES: 'true' }), ...config }, database: context.database });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}

type Body = InjectOptions['payload'];

/** Someone calling the API: a signed-in browser session (cookie + CSRF) or a bearer token. */
export class Caller {
  constructor(
    private readonly app: () => FastifyInstance,
    private readonly headers: Record<string, string>,
  ) {}

  request(method: InjectOptions['method'], url: string, payload?: Body, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app().inject({ method, url, payload, headers: { ...this.headers, ...headers } });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: Body) {
    return this.request('POST', url, payload);
  }
  patch(url: string, payload?: Body) {
    return this.request('PATCH', url, payload);
  }
  put(url: string, payload?: Body) {
    return this.request('PUT', url, payload);
  }
  delete(url: string, payload?: Body) {
    return this.request('DELETE', url, payload);
  }
}

export const anonymous = (context: TestContext) => new Caller(() => context.app, {});

/** The field paths a problem+json response names (`body.email`, `query.limit`), in order. */
export function errorPaths(response: LightMyRequestResponse): string[] {
  return ((response.json() as { errors?: Array<{ path: string }> }).errors ?? []).map((issue) => issue.path);
}
