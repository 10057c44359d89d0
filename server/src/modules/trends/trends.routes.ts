import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  RISING_MIN_HIGHLIGHTS,
  TagTrendsQuerySchema,
  TagTrendsSchema,
  TRENDS_BUCKETS_DEFAULT,
  TRENDS_BUCKETS_MAX,
  TRENDS_TAGS_MAX,
  TRENDS_TOP_TAGS,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as trendsService from './trends.service.js';

export const trendsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/workspaces/:ws/tags/trends',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags: ['tags'],
        summary: 'How often tags come up per UTC week or month, dated by when the customer said it (the source’s occurredAt), and the tags rising in the latest one',
        description:
          `Counts highlights outside the trash of sources outside the trash. \`from\`/\`to\` widen to whole buckets (weeks start on Monday 00:00 UTC, months on the 1st), at most ${TRENDS_BUCKETS_MAX} of them (400 naming \`query.from\`); ` +
          `without \`from\`, the ${TRENDS_BUCKETS_DEFAULT} buckets up to \`to\` (or today). \`tagId\` (repeat it, up to ${TRENDS_TAGS_MAX}) chooses the series; without it, the ${TRENDS_TOP_TAGS} most used tags of the range. ` +
          `\`rising\` lists tags whose share of the tagged highlights grew from the bucket before the latest to the latest, with at least ${RISING_MIN_HIGHLIGHTS} highlights in the latest.`,
        params: WorkspaceParamsSchema,
        querystring: TagTrendsQuerySchema,
        response: { 200: TagTrendsSchema },
      },
    },
    async (request) => trendsService.getTagTrends(db, workspaceActorOf(request), request.query),
  );
};
