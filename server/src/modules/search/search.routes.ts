import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuerySchema, SearchResponseSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { keepAnalyzing } from '../../db/statistics.js';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as searchService from './search.service.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // PGlite has no autovacuum: without this, the estimate of a total works from no statistics.
  if (app.database.driver === 'pglite') {
    let stop = async () => {};
    app.addHook('onReady', async () => {
      stop = keepAnalyzing(db, (error) => app.log.error({ err: error }, 'could not analyze the search tables'));
    });
    app.addHook('onClose', async () => stop());
  }

  app.get(
    '/api/workspaces/:ws/search',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags: ['search'],
        summary: 'Search sources and highlights: words, "phrases", OR, -exclusions, with filters, snippets, facets and "did you mean"',
        params: WorkspaceParamsSchema,
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema },
      },
    },
    async (request) => searchService.searchEvidence(db, workspaceActorOf(request), request.query),
  );
};
