import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BacklogEvidenceBodySchema,
  BacklogItemDetailSchema,
  BacklogItemPageSchema,
  BacklogItemSchema,
  CreateBacklogItemBodySchema,
  EvidenceChangeSchema,
  EvidenceImportanceBodySchema,
  LinkBacklogEvidenceBodySchema,
  ListBacklogItemsQuerySchema,
  UpdateBacklogItemBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as backlogService from './backlog.service.js';

export const backlogRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['backlog'];

  app.get(
    '/api/workspaces/:ws/backlog-items',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Backlog items with their evidence score, newest first or (sort=evidence) highest score first; filter by status or words; trash=true lists the trash, most recently trashed first',
        params: WorkspaceParamsSchema,
        querystring: ListBacklogItemsQuerySchema,
        response: { 200: BacklogItemPageSchema },
      },
    },
    async (request) => backlogService.listBacklogItems(db, workspaceActorOf(request), request.query),
  );

  app.post(
    '/api/workspaces/:ws/backlog-items',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Create a backlog item, optionally linked to a tracker issue (externalKey is unique per workspace, ignoring case)',
        params: WorkspaceParamsSchema,
        body: CreateBacklogItemBodySchema,
        response: { 201: BacklogItemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await backlogService.createBacklogItem(db, workspaceActorOf(request), request.body)),
  );

  app.get(
    '/api/workspaces/:ws/backlog-items/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'One backlog item with its score and its parts, newest evidence, insights and the customers behind it',
        params: WorkspaceIdParamsSchema,
        response: { 200: BacklogItemDetailSchema },
      },
    },
    async (request) => backlogService.getBacklogItem(db, workspaceActorOf(request), request.params.id),
  );

  app.patch(
    '/api/workspaces/:ws/backlog-items/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: { tags, summary: 'Edit a backlog item', params: WorkspaceIdParamsSchema, body: UpdateBacklogItemBodySchema, response: { 200: BacklogItemSchema } },
    },
    async (request) => backlogService.updateBacklogItem(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/backlog-items/:id',
    { config: { access: { role: 'researcher' } }, schema: { tags, summary: 'Move a backlog item to the trash; its evidence links stay for a restore', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await backlogService.deleteBacklogItem(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/backlog-items/:id/restore',
    {
      config: { access: { role: 'researcher' } },
      schema: { tags, summary: 'Bring a backlog item back from the trash, with all its links', params: WorkspaceIdParamsSchema, response: { 200: BacklogItemSchema } },
    },
    async (request) => backlogService.restoreBacklogItem(db, workspaceActorOf(request), request.params.id),
  );

  app.post(
    '/api/workspaces/:ws/backlog-items/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Link highlights and insights to a backlog item as evidence, highlights `important` unless `importance` says otherwise; ones already linked count as unchanged (and keep their importance)',
        params: WorkspaceIdParamsSchema,
        body: LinkBacklogEvidenceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => backlogService.linkEvidence(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/workspaces/:ws/backlog-items/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Change how much highlights linked to a backlog item itself matter to it, which weighs its score (contributors: only links they made); ones that had it already count as unchanged',
        description: 'A highlight not linked to the item itself (one that reaches it only through an insight is changed on the insight), or of another workspace, is a 404 naming `highlightIds`, and nothing changes.',
        params: WorkspaceIdParamsSchema,
        body: EvidenceImportanceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => backlogService.changeEvidenceImportance(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/backlog-items/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Unlink highlights and insights from a backlog item (contributors: only links they made)',
        params: WorkspaceIdParamsSchema,
        body: BacklogEvidenceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => backlogService.unlinkEvidence(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/workspaces/:ws/backlog-items/:id/evidence.md',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'The evidence pack: the item, its score in words, its problems and the quotes by company and customer, as Markdown to paste into a tracker',
        description: 'text/markdown (UTF-8). Each quote links back to its place in Cairn’s reader, on the address the request came to.',
        produces: ['text/markdown'],
        params: WorkspaceIdParamsSchema,
      },
    },
    async (request, reply) => {
      const { fileName, markdown } = await backlogService.exportEvidencePack(db, workspaceActorOf(request), request.params.id, `${request.protocol}://${request.host}`);
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(markdown);
    },
  );
};
