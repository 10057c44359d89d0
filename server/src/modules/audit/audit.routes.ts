import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventSchema, PageQuerySchema, WorkspaceParamsSchema, pageOf } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { listAuditEvents } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/workspaces/:ws/audit',
    {
      config: { access: { role: 'admin' } },
      schema: { tags: ['audit'], summary: 'Who did what, newest first', params: WorkspaceParamsSchema, querystring: PageQuerySchema, response: { 200: pageOf(AuditEventSchema) } },
    },
    async (request) => listAuditEvents(app.database.db, workspaceActorOf(request), request.query),
  );
};
