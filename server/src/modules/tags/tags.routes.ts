import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateTagBodySchema,
  DeleteTagQuerySchema,
  MergeTagBodySchema,
  TagListSchema,
  TagSchema,
  UpdateTagBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as tagsService from './tags.service.js';

export const tagsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['tags'];

  app.get(
    '/api/workspaces/:ws/tags',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'The tag codebook with usage counts, by group then name', params: WorkspaceParamsSchema, response: { 200: TagListSchema } },
    },
    async (request) => ({ items: await tagsService.listTags(db, workspaceActorOf(request)) }),
  );

  app.post(
    '/api/workspaces/:ws/tags',
    {
      config: { access: { role: 'contributor' } },
      schema: { tags, summary: 'Create a tag (names are unique per workspace, ignoring case)', params: WorkspaceParamsSchema, body: CreateTagBodySchema, response: { 201: TagSchema } },
    },
    async (request, reply) => reply.code(201).send(await tagsService.createTag(db, workspaceActorOf(request), request.body)),
  );

  app.patch(
    '/api/workspaces/:ws/tags/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: { tags, summary: 'Rename, regroup, recolour or describe a tag', params: WorkspaceIdParamsSchema, body: UpdateTagBodySchema, response: { 200: TagSchema } },
    },
    async (request) => tagsService.updateTag(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/tags/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: { tags, summary: 'Delete a tag (409 while in use unless ?force=true)', params: WorkspaceIdParamsSchema, querystring: DeleteTagQuerySchema },
    },
    async (request, reply) => {
      await tagsService.deleteTag(db, workspaceActorOf(request), request.params.id, request.query.force ?? false);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/tags/:id/merge',
    {
      config: { access: { role: 'researcher' } },
      schema: { tags, summary: 'Merge this tag into another: every link moves to the survivor', params: WorkspaceIdParamsSchema, body: MergeTagBodySchema, response: { 200: TagSchema } },
    },
    async (request) => tagsService.mergeTag(db, workspaceActorOf(request), request.params.id, request.body.intoTagId),
  );
};
