import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IntegrationTicketsBodySchema, IntegrationTicketsResultSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { receiveTickets } from './integrations.service.js';

export const integrationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/workspaces/:ws/integrations/tickets',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags: ['integrations'],
        summary: 'Webhook for helpdesks: one ticket or { tickets: [...] }; idempotent by externalId',
        description: 'Authenticate with an API token (`Authorization: Bearer cairn_…`, contributor or higher). Every ticket is validated first; one invalid ticket refuses the whole call with 400 naming it (`tickets.3.requester.email`).',
        params: WorkspaceParamsSchema,
        body: IntegrationTicketsBodySchema,
        response: { 202: IntegrationTicketsResultSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await receiveTickets(app.database.db, workspaceActorOf(request), request.body)),
  );
};
