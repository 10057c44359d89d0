import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
config.webDistDir ??= fileURLToPath(new URL('../../web/dist', import.meta.url));

let app;
try {
  app = await buildApp({ config });
} catch (error) {
  console.error(`Cairn could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const server = app;
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    // Finish in-flight requests, then close the database; force-exit if that hangs.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await server.listen({ port: config.port, host: config.host });
server.log.info(`Cairn is ready on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${server.database.driver}${server.database.driver === 'pglite' ? `, data in ${path.relative(process.cwd(), config.dataDir) || '.'}` : ''})`);
