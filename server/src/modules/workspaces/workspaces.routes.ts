import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMemberBodySchema,
  CreatedMemberSchema,
  CreateWorkspaceBodySchema,
  MemberParamsSchema,
  MemberSchema,
  UpdateMemberBodySchema,
  UpdateWorkspaceBodySchema,
  WorkspaceParamsSchema,
  WorkspaceWithRoleSchema,
} from '@cairn/shared';
import { userIdOf, workspaceActorOf } from '../../plugins/auth.js';
import * as workspacesService from './workspaces.service.js';

export const workspacesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['workspaces'];

  app.get(
    '/api/workspaces',
    { schema: { tags, summary: 'My workspaces', response: { 200: z.object({ items: z.array(WorkspaceWithRoleSchema) }) } } },
    async (request) => ({ items: await workspacesService.listWorkspaces(db, userIdOf(request)) }),
  );

  app.post(
    '/api/workspaces',
    { schema: { tags, summary: 'Create a workspace (I become its owner)', body: CreateWorkspaceBodySchema, response: { 201: WorkspaceWithRoleSchema } } },
    async (request, reply) => reply.code(201).send(await workspacesService.createWorkspace(db, userIdOf(request), request.body.name)),
  );

  app.get(
    '/api/workspaces/:ws',
    { config: { access: { role: 'viewer' } }, schema: { tags, summary: 'One workspace', params: WorkspaceParamsSchema, response: { 200: WorkspaceWithRoleSchema } } },
    async (request) => workspacesService.getWorkspace(db, workspaceActorOf(request)),
  );

  app.patch(
    '/api/workspaces/:ws',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: 'Rename a workspace', params: WorkspaceParamsSchema, body: UpdateWorkspaceBodySchema, response: { 200: WorkspaceWithRoleSchema } },
    },
    async (request) => workspacesService.renameWorkspace(db, workspaceActorOf(request), request.body.name),
  );

  app.get(
    '/api/workspaces/:ws/members',
    { config: { access: { role: 'viewer' } }, schema: { tags, summary: 'Members and their roles', params: WorkspaceParamsSchema, response: { 200: z.object({ items: z.array(MemberSchema) }) } } },
    async (request) => ({ items: await workspacesService.listMembers(db, workspaceActorOf(request)) }),
  );

  app.post(
    '/api/workspaces/:ws/members',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: 'Add a member (new users get an initial password to change)', params: WorkspaceParamsSchema, body: CreateMemberBodySchema, response: { 201: CreatedMemberSchema } },
    },
    async (request, reply) => reply.code(201).send(await workspacesService.addMember(db, workspaceActorOf(request), request.body)),
  );

  app.patch(
    '/api/workspaces/:ws/members/:userId',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: "Change a member's role", params: MemberParamsSchema, body: UpdateMemberBodySchema, response: { 200: MemberSchema } },
    },
    async (request) => workspacesService.changeMemberRole(db, workspaceActorOf(request), request.params.userId, request.body.role),
  );

  app.delete(
    '/api/workspaces/:ws/members/:userId',
    { config: { access: { role: 'admin' } }, schema: { tags, summary: 'Remove a member', params: MemberParamsSchema } },
    async (request, reply) => {
      await workspacesService.removeMember(db, workspaceActorOf(request), request.params.userId);
      return reply.code(204).send();
    },
  );
};
