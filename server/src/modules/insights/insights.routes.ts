import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateInsightBodySchema,
  EvidenceChangeSchema,
  EvidenceImportanceBodySchema,
  InsightDetailSchema,
  InsightEvidenceBodySchema,
  InsightPageSchema,
  InsightSchema,
  LinkInsightEvidenceBodySchema,
  ListInsightsQuerySchema,
  MergeInsightBodySchema,
  MergeInsightPreviewQuerySchema,
  MergeInsightPreviewSchema,
  UpdateInsightBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as insightsService from './insights.service.js';

export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['insights'];

  app.get(
    '/api/workspaces/:ws/insights',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Problems, opportunities and solutions, newest first, with evidence and customer counts and how many backlog items each is on; filter by type, status, parent or words; trash=true lists the trash, most recently trashed first',
        params: WorkspaceParamsSchema,
        querystring: ListInsightsQuerySchema,
        response: { 200: InsightPageSchema },
      },
    },
    async (request) => insightsService.listInsights(db, workspaceActorOf(request), request.query),
  );

  app.post(
    '/api/workspaces/:ws/insights',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Create a problem, an opportunity (under a problem) or a solution (under an opportunity)',
        params: WorkspaceParamsSchema,
        body: CreateInsightBodySchema,
        response: { 201: InsightSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await insightsService.createInsight(db, workspaceActorOf(request), request.body)),
  );

  app.get(
    '/api/workspaces/:ws/insights/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'One insight with its parent and children, newest evidence, linked backlog items and the customers behind it',
        params: WorkspaceIdParamsSchema,
        response: { 200: InsightDetailSchema },
      },
    },
    async (request) => insightsService.getInsight(db, workspaceActorOf(request), request.params.id),
  );

  app.patch(
    '/api/workspaces/:ws/insights/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Edit an insight: title, statement, status, type or parent (the tree rules are checked, 422)',
        params: WorkspaceIdParamsSchema,
        body: UpdateInsightBodySchema,
        response: { 200: InsightSchema },
      },
    },
    async (request) => insightsService.updateInsight(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/insights/:id',
    { config: { access: { role: 'researcher' } }, schema: { tags, summary: 'Move an insight to the trash; its evidence, children and backlog links stay for a restore', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await insightsService.deleteInsight(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/insights/:id/restore',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Bring an insight back from the trash, with all its links; one that was merged takes back what it gave the survivor',
        description:
          'Undoing a merge: the links it moved come back (with who made each and when) if the survivor still has them, links the survivor had already stay there too, and children and promoted clusters come back if still under or pointing at the survivor. 409 while the survivor is in the trash because it was merged in turn: restore that one first.',
        params: WorkspaceIdParamsSchema,
        response: { 200: InsightSchema },
      },
    },
    async (request) => insightsService.restoreInsight(db, workspaceActorOf(request), request.params.id),
  );

  app.get(
    '/api/workspaces/:ws/insights/:id/merge-preview',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'What merging this insight into another would move, and how much of it the other has already; nothing is written',
        description: 'Refuses as the merge does: 422 naming `intoInsightId` for an insight in the trash, of another type, or below this one in the tree.',
        params: WorkspaceIdParamsSchema,
        querystring: MergeInsightPreviewQuerySchema,
        response: { 200: MergeInsightPreviewSchema },
      },
    },
    async (request) => insightsService.previewMerge(db, workspaceActorOf(request), request.params.id, request.query.intoInsightId),
  );

  app.post(
    '/api/workspaces/:ws/insights/:id/merge',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Merge this insight into another of its type: evidence, backlog links and children move to the survivor (deduplicated), this one goes to the trash, and restoring it undoes the merge',
        description: 'The survivor keeps its title and statement. 422 naming `intoInsightId` for an insight in the trash, of another type, or below this one in the tree.',
        params: WorkspaceIdParamsSchema,
        body: MergeInsightBodySchema,
        response: { 200: InsightSchema },
      },
    },
    async (request) => insightsService.mergeInsight(db, workspaceActorOf(request), request.params.id, request.body.intoInsightId),
  );

  app.post(
    '/api/workspaces/:ws/insights/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Link highlights to an insight as evidence, `important` unless `importance` says otherwise; ones already linked count as unchanged (and keep their importance)',
        params: WorkspaceIdParamsSchema,
        body: LinkInsightEvidenceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => insightsService.linkEvidence(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/workspaces/:ws/insights/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Change how much linked highlights matter to an insight (nice_to_have, important, critical; contributors: only links they made); ones that had it already count as unchanged',
        description: 'A highlight not linked to the insight (or of another workspace) is a 404 naming `highlightIds`, and nothing changes.',
        params: WorkspaceIdParamsSchema,
        body: EvidenceImportanceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => insightsService.changeEvidenceImportance(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/insights/:id/evidence',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Unlink highlights from an insight (contributors: only links they made)',
        params: WorkspaceIdParamsSchema,
        body: InsightEvidenceBodySchema,
        response: { 200: EvidenceChangeSchema },
      },
    },
    async (request) => insightsService.unlinkEvidence(db, workspaceActorOf(request), request.params.id, request.body),
  );
};
