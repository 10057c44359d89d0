import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditActorListSchema, AuditEventSchema, ListAuditEventsQuerySchema, WorkspaceParamsSchema, pageOf } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { listAuditActors, listAuditEvents } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces/:ws/audit',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags: ['audit'],
        summary: 'Who did what, newest first; filtered by person (actorId), action or group of actions, and date (from, to)',
        params: WorkspaceParamsSchema,
        querystring: ListAuditEventsQuerySchema,
        response: { 200: pageOf(AuditEventSchema) },
      },
    },
    async (request) => listAuditEvents(app.database.db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/audit/actors',
    {
      config: { access: { role: 'admin' } },
      schema: { tags: ['audit'], summary: 'Everyone and every API token with an event in the log', params: WorkspaceParamsSchema, response: { 200: AuditActorListSchema } },
    },
    async (request) => listAuditActors(app.database.db, workspaceActorOf(request)),
  );
};
