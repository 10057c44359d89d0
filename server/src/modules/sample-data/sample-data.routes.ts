import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SampleDataRemovalSchema, SampleDataResultSchema, SampleDataStatusSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { getSampleDataStatus, loadSampleData, removeSampleData } from './sample-data.service.js';

export const sampleDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces/:ws/sample-data',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags: ['imports'],
        summary: 'Whether the sample data is here: what loading it adds, what removing it would delete now, and what of it would stay',
        description:
          '`loaded` is true while anything removing it would delete is in the workspace. `kept` counts the sample’s tags, problems, backlog items, customers and companies that removing it leaves because the workspace’s own work uses them.',
        params: WorkspaceParamsSchema,
        response: { 200: SampleDataStatusSchema },
      },
    },
    async (request) => getSampleDataStatus(app.database.db, workspaceActorOf(request)),
  );

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

  app.delete(
    '/api/workspaces/:ws/sample-data',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags: ['imports'],
        summary: 'Remove the sample data for good, and nothing the workspace made itself; removing it again deletes nothing',
        description:
          'Deletes, in one transaction, the sample’s sources (known by the identity their import gave them, in the trash or not) with every highlight on them, its entries in the import history, and its customers, companies, tags, problems and backlog items unless the workspace’s own work uses them: a tag on a highlight of another source, a problem or backlog item with such evidence (or linked to the workspace’s own backlog item or problem, or a problem with an insight that stays under it), a customer with another source, a company with a customer that stays. Records one `sample.remove` audit event when it deleted something.',
        params: WorkspaceParamsSchema,
        response: { 200: SampleDataRemovalSchema },
      },
    },
    async (request) => removeSampleData(app.database.db, workspaceActorOf(request), app.log),
  );
};
