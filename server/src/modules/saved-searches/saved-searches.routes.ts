import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateSavedSearchBodySchema, PageQuerySchema, SavedSearchPageSchema, SavedSearchSchema, WorkspaceIdParamsSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as savedSearchesService from './saved-searches.service.js';

export const savedSearchesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['search'];

  app.get(
    '/api/workspaces/:ws/saved-searches',
    { config: { access: { role: 'viewer' } }, schema: { tags, summary: 'Saved searches of the workspace, newest first, each with how many matches are new to you (`newMatches`)', params: WorkspaceParamsSchema, querystring: PageQuerySchema, response: { 200: SavedSearchPageSchema } } },
    async (request) => savedSearchesService.listSavedSearches(db, workspaceActorOf(request), request.query),
  );

  app.post(
    '/api/workspaces/:ws/saved-searches',
    {
      config: { access: { role: 'contributor' } },
      schema: { tags, summary: 'Save a search (name, query and filters) for the whole workspace', params: WorkspaceParamsSchema, body: CreateSavedSearchBodySchema, response: { 201: SavedSearchSchema } },
    },
    async (request, reply) => reply.code(201).send(await savedSearchesService.createSavedSearch(db, workspaceActorOf(request), request.body)),
  );

  app.put(
    '/api/workspaces/:ws/saved-searches/:id/seen',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'Mark a saved search opened by you now: its new matches start again from zero (signed-in members only)', params: WorkspaceIdParamsSchema },
    },
    async (request, reply) => {
      await savedSearchesService.markSavedSearchSeen(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/workspaces/:ws/saved-searches/:id',
    { config: { access: { role: 'contributor' } }, schema: { tags, summary: 'Delete a saved search (your own; researchers and up: any)', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await savedSearchesService.deleteSavedSearch(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
