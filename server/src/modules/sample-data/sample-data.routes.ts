import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SampleDataResultSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { loadSampleData } from './sample-data.service.js';

export const sampleDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/workspaces/:ws/sample-data',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags: ['imports'],
        summary: 'Load the sample data (interviews, support tickets, survey answers, customers); loading it again creates nothing new',
        params: WorkspaceParamsSchema,
        response: { 201: SampleDataResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await loadSampleData(app.database.db, workspaceActorOf(request), app.log)),
  );
};
