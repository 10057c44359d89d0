import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordBodySchema,
  CreateSetupBodySchema,
  CsrfTokenSchema,
  LoginBodySchema,
  LoginResultSchema,
  MeSchema,
  SetupResultSchema,
  SetupStatusSchema,
} from '@cairn/shared';
import { userIdOf } from '../../plugins/auth.js';
import * as authService from './auth.service.js';
import type { LoginLimiter } from './login-limiter.js';

export const authRoutes: FastifyPluginAsyncZod<{ loginLimiter: LoginLimiter }> = async (app, { loginLimiter }) => {
  const db = app.database.db;
  const cookieOptions = (protocol: string) => ({ secure: protocol === 'https' });

  app.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Whether the first-run setup is still needed', response: { 200: SetupStatusSchema } } },
    async () => ({ needed: await authService.isSetupNeeded(db) }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Create the owner account and first workspace', body: CreateSetupBodySchema, response: { 201: SetupResultSchema } },
    },
    async (request, reply) => reply.code(201).send(await authService.runSetup(db, request.body, reply, cookieOptions(request.protocol))),
  );

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign in', body: LoginBodySchema, response: { 200: LoginResultSchema } } },
    async (request, reply) =>
      authService.login(db, loginLimiter, request.body, { ip: request.ip, previous: request.actor, cookie: cookieOptions(request.protocol) }, reply),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out (ends the session)' } },
    async (request, reply) => {
      await authService.logout(db, request.actor, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['auth'], summary: 'The CSRF token to send as x-csrf-token on writes', response: { 200: CsrfTokenSchema } } },
    async (request) => ({ token: authService.csrfTokenOf(request.actor) }),
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and their workspaces', response: { 200: MeSchema } } },
    async (request) => authService.getMe(db, userIdOf(request)),
  );

  app.post(
    '/api/me/password',
    { schema: { tags: ['auth'], summary: 'Change my password (ends my other sessions)', body: ChangePasswordBodySchema } },
    async (request, reply) => {
      await authService.changePassword(db, request.actor!, request.body);
      return reply.code(204).send();
    },
  );
};
