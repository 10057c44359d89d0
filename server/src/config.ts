import path from 'node:path';
import { z } from 'zod';
import { TRASH_RETENTION_DAYS_DEFAULT, UPLOAD_MAX_BYTES_DEFAULT } from '@cairn/shared';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(UPLOAD_MAX_BYTES_DEFAULT),
  /** Cluster runs computing at once in this process; the engine shares the API's CPU, so the rest wait their turn. */
  CLUSTER_RUN_CONCURRENCY: z.coerce.number().int().positive().default(1),
  /** Days the trash keeps what is in it before deleting it for good; 0 keeps it until someone does (ADR 019). */
  TRASH_RETENTION_DAYS: z.coerce.number().int().min(0).default(TRASH_RETENTION_DAYS_DEFAULT),
  /** Where the built SPA lives; the server serves it at `/`. */
  WEB_DIST_DIR: z.string().optional(),
  /** Development and tests: fail any response that is not exactly what its schema describes. */
  CHECK_RESPONSES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Set when Cairn is served over https behind a proxy, so cookies get the Secure flag. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  uploadMaxBytes: number;
  clusterRunConcurrency: number;
  /** Null: the trash keeps everything until someone deletes it forever. */
  trashRetentionDays: number | null;
  webDistDir: string | undefined;
  trustProxy: boolean;
  checkResponses: boolean;
};

/** Parses the environment once; everything else takes the typed result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    clusterRunConcurrency: e.CLUSTER_RUN_CONCURRENCY,
    trashRetentionDays: e.TRASH_RETENTION_DAYS || null,
    webDistDir: e.WEB_DIST_DIR,
    trustProxy: e.TRUST_PROXY,
    checkResponses: e.CHECK_RESPONSES,
  };
}
