import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiTokenSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema, WorkspaceIdParamsSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as tokensService from './tokens.service.js';

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['tokens'];

  app.get(
    '/api/workspaces/:ws/tokens',
    { config: { access: { role: 'admin' } }, schema: { tags, summary: 'API tokens (secrets are never shown again)', params: WorkspaceParamsSchema, response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } },
    async (request) => ({ items: await tokensService.listApiTokens(db, workspaceActorOf(request)) }),
  );

  app.post(
    '/api/workspaces/:ws/tokens',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: 'Create an API token; the response is the only time the secret is shown', params: WorkspaceParamsSchema, body: CreateApiTokenBodySchema, response: { 201: CreatedApiTokenSchema } },
    },
    async (request, reply) => reply.code(201).send(await tokensService.createApiToken(db, workspaceActorOf(request), request.body)),
  );

  app.delete(
    '/api/workspaces/:ws/tokens/:id',
    { config: { access: { role: 'admin' } }, schema: { tags, summary: 'Revoke an API token', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await tokensService.revokeApiToken(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
