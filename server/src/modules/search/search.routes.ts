import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SEARCH_COUNT_MAX, SEARCH_FILTER_VALUES_MAX, SearchCountQuerySchema, SearchCountSchema, SearchQuerySchema, SearchResponseSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { keepAnalyzing } from '../../db/statistics.js';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as searchService from './search.service.js';

/** How the facet filters read, for both endpoints' descriptions. */
const FILTERS_DESCRIPTION = `\`kind\`, \`segment\` and \`tagId\` take one value or several, repeated (\`kind=ticket&kind=review\`): a match has any of a filter's values, and passes every filter given (OR within a filter, AND across filters). At most ${SEARCH_FILTER_VALUES_MAX} values a filter; an unknown kind is a 400 naming \`query.kind\`, a tag of another workspace a 404 naming \`query.tagId\`. \`facets\` count what every filter lets through. With \`facetsWithout=true\` the answer also has \`facetsWithout\`: for each of these filters in use, that facet's values counted with every other filter but not its own (what ticking one more value would add), each with its own \`sampleSize\` and \`exact\`; it costs one more statement, so leave it out unless facets are shown.`;

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
        description: `${FILTERS_DESCRIPTION} \`facets\` and \`facetsWithout\` come with the first page only, counted on first windows (of the search, and of the search without each facet's filter). A cursor keeps the filters it was made with, in any order of their values.`,
        params: WorkspaceParamsSchema,
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema },
      },
    },
    async (request) => searchService.searchEvidence(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/search/count',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags: ['search'],
        summary: `The exact number of matches of a search (its query and filters) and its facets counted on every match, for a first page whose total is an estimate: { total, capped, facets }, counted up to ${SEARCH_COUNT_MAX.toLocaleString('en')} of each type (then capped: true, or facets.exact: false), or { total: null, capped: false } when counting takes too long`,
        description: `The same matches as \`GET /search\` with the same parameters (sort, limit and cursor change nothing and are ignored), and the same 400 and 404 answers. \`facets\` has the shape of the search's, counted on the matches counted instead of the first window (\`sampleSize\`: how many). Counting reads every match, so ask for it after the page; it gives up after ${searchService.SEARCH_COUNT_TIMEOUT_MS / 1000} s. ${FILTERS_DESCRIPTION}`,
        params: WorkspaceParamsSchema,
        querystring: SearchCountQuerySchema,
        response: { 200: SearchCountSchema },
      },
    },
    async (request) => searchService.countEvidence(db, workspaceActorOf(request), request.query),
  );
};
