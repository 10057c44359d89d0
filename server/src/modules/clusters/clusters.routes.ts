import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ClusterMemberPageSchema,
  ClusterRunPageSchema,
  ClusterRunSchema,
  ClusterRunStartedSchema,
  ClusterSchema,
  ClusterScopeCountSchema,
  CountClusterScopeBodySchema,
  CreateClusterRunBodySchema,
  InsightSchema,
  ListClusterMembersQuerySchema,
  PageQuerySchema,
  PromoteClusterBodySchema,
  UpdateClusterBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { createClusterRunScheduler } from './clusters.runner.js';
import * as clustersService from './clusters.service.js';

export const clustersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['clusters'];
  const scheduler = createClusterRunScheduler(db, app.log, app.config.clusterRunConcurrency);
  // Runs a previous process left unfinished are failed at start-up, not left spinning.
  app.addHook('onReady', scheduler.sweep);
  app.addHook('onClose', scheduler.close);

  app.post(
    '/api/workspaces/:ws/cluster-runs',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Cluster the highlights or short sources of a scope; runs in the background (poll the run for progress)',
        description: 'The same scope, k and seed give the same clusters. `k: "auto"` chooses the number of clusters by silhouette.',
        params: WorkspaceParamsSchema,
        body: CreateClusterRunBodySchema,
        response: { 202: ClusterRunStartedSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await clustersService.startClusterRun(db, scheduler, workspaceActorOf(request), request.body)),
  );

  // A POST because a scope (kinds, tags, imports, dates) is the JSON of a run's body, checked by the same schema; it changes nothing.
  app.post(
    '/api/workspaces/:ws/cluster-runs/scope-count',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'How many texts a run of this scope would cluster, checked as starting one would be; starts nothing',
        description: 'For the form that asks for a run: the scope rules answer the same 4xx as `POST /cluster-runs`, and a scope past the per-run limit says so.',
        params: WorkspaceParamsSchema,
        body: CountClusterScopeBodySchema,
        response: { 200: ClusterScopeCountSchema },
      },
    },
    async (request) => clustersService.countClusterScope(db, workspaceActorOf(request), request.body),
  );

  app.get(
    '/api/workspaces/:ws/cluster-runs',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'Cluster runs, newest first', params: WorkspaceParamsSchema, querystring: PageQuerySchema, response: { 200: ClusterRunPageSchema } },
    },
    async (request) => clustersService.listClusterRuns(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/cluster-runs/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'One run: status and progress, its parameters, and once done its clusters with their best members',
        params: WorkspaceIdParamsSchema,
        response: { 200: ClusterRunSchema },
      },
    },
    async (request) => clustersService.getClusterRun(db, workspaceActorOf(request), request.params.id),
  );

  app.delete(
    '/api/workspaces/:ws/cluster-runs/:id',
    { config: { access: { role: 'researcher' } }, schema: { tags, summary: 'Delete a run and its clusters; a run still working is stopped', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await clustersService.deleteClusterRun(db, scheduler, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/workspaces/:ws/clusters/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'One cluster with its best members', params: WorkspaceIdParamsSchema, response: { 200: ClusterSchema } },
    },
    async (request) => clustersService.getCluster(db, workspaceActorOf(request), request.params.id),
  );

  app.get(
    '/api/workspaces/:ws/clusters/:id/members',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Every member of a cluster, best first (members placed by hand last)',
        params: WorkspaceIdParamsSchema,
        querystring: ListClusterMembersQuerySchema,
        response: { 200: ClusterMemberPageSchema },
      },
    },
    async (request) => clustersService.listClusterMembers(db, workspaceActorOf(request), request.params.id, request.query),
  );

  app.patch(
    '/api/workspaces/:ws/clusters/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Rename a cluster, move texts into it from the rest of its run, or take members out',
        params: WorkspaceIdParamsSchema,
        body: UpdateClusterBodySchema,
        response: { 200: ClusterSchema },
      },
    },
    async (request) => clustersService.updateCluster(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/workspaces/:ws/clusters/:id/promote',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Make a problem (or another insight) of a cluster, or add it to an existing one (`insightId`), with its best members as evidence',
        description: 'A new insight answers 201; an existing one 200, its evidence already there kept once. 422 naming `insightId` for one in the trash.',
        params: WorkspaceIdParamsSchema,
        body: PromoteClusterBodySchema,
        response: { 200: InsightSchema, 201: InsightSchema },
      },
    },
    async (request, reply) => {
      const insight = await clustersService.promoteCluster(db, workspaceActorOf(request), request.params.id, request.body);
      return reply.code(request.body.insightId ? 200 : 201).send(insight);
    },
  );
};
