import fp from 'fastify-plugin';
import type { Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

/** Exposes the already-open database to routes' services; closes it with the app. */
export const dbPlugin = fp<{ database: Database; ownsDatabase: boolean }>(async (app, { database, ownsDatabase }) => {
  app.decorate('database', database);
  if (ownsDatabase) app.addHook('onClose', async () => database.close());
});
