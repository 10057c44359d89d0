import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CatalogSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as catalogService from './catalog.service.js';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces/:ws/catalog',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags: ['catalog'],
        summary: 'Names of tags, customers, companies, insights and backlog items for instant search in the browser (ETag; 304 when unchanged)',
        params: WorkspaceParamsSchema,
        response: { 200: CatalogSchema, 304: z.null().describe('Not modified: the If-None-Match ETag is current') },
      },
    },
    async (request, reply) => {
      const { catalog, etag } = await catalogService.getCatalog(app.database.db, workspaceActorOf(request), request.headers['if-none-match']);
      // Private: the catalog is per member; no-cache: always revalidated, which a 304 makes cheap.
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (!catalog) return reply.code(304).send(null);
      return catalog;
    },
  );
};
