import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { JSON_BODY_MAX_BYTES, LOGIN_WINDOW_MS } from '@cairn/shared';
import type { Config } from './config.js';
import { migrateDatabase, openDatabase, type Database } from './db/client.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { LoginLimiter } from './modules/auth/login-limiter.js';
import { featureRoutes } from './modules/index.js';
import { authPlugin, type Access } from './plugins/auth.js';
import { dbPlugin } from './plugins/db.js';
import { errorsPlugin } from './plugins/errors.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { hasSpaBuild, spaPlugin } from './plugins/spa.js';
import { checkingSerializerCompiler, fastSerializerCompiler } from './plugins/serializers.js';
import { VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The settings the app was built with, for a module that must follow one (the upload limit). */
    config: Config;
  }
}

export type AppOptions = {
  config: Config;
  /** An open, migrated database (tests pass one per file); otherwise one is opened from config. */
  database?: Database;
  /** Failed sign-in window; tests shorten it. */
  loginWindowMs?: number;
};

export type App = FastifyInstance & { withTypeProvider<T extends ZodTypeProvider>(): FastifyInstance };

/** Adds each route's declared access to its OpenAPI operation (`x-cairn-access`), so clients and the access test can read it. */
const describeAccess: typeof jsonSchemaTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const access = (input.route.config as { access?: Access } | undefined)?.access;
  const label = access === undefined ? 'signed-in' : typeof access === 'string' ? access : `role:${access.role}`;
  return { ...result, schema: { ...result.schema, 'x-cairn-access': label } as typeof result.schema };
};

/** Opens the configured database (PGlite in DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ driver: 'postgres', url: config.databaseUrl })
    : await openDatabase({ driver: 'pglite', dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Builds the whole application without listening: infrastructure first, then features. */
export async function buildApp({ config, database, loginWindowMs = LOGIN_WINDOW_MS }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: JSON_BODY_MAX_BYTES,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(config.checkResponses ? checkingSerializerCompiler : fastSerializerCompiler);

  const spaRoot = config.webDistDir;
  await app.register(errorsPlugin, { spaFallback: hasSpaBuild(spaRoot) });
  await app.register(dbPlugin, { database: database ?? (await openConfiguredDatabase(config)), ownsDatabase: !database });
  // Responses of 1 KB and more go compressed to clients that ask (brotli at its fast quality 4,
  // or gzip): a catalog or a page of search results shrinks ~5×, which matters over a VPN.
  // Request bodies are never inflated: an upload's limits apply to the bytes as they arrive.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await app.register(fastifyCookie);
  await app.register(securityHeadersPlugin, {
    helmet: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
      frameguard: { action: 'deny' },
    },
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, fieldSize: JSON_BODY_MAX_BYTES },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cairn API', version: VERSION, description: 'The HTTP API of Cairn, the self-hosted customer-evidence hub.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cairn_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: describeAccess,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin);

  await app.register(authRoutes, { loginLimiter: new LoginLimiter(app.database.db, loginWindowMs) });
  for (const routes of featureRoutes) await app.register(routes);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (hasSpaBuild(spaRoot)) await app.register(spaPlugin, { root: spaRoot });
  return app;
}
