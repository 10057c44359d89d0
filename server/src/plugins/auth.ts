import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Role } from '@cairn/shared';
import { AppError } from '../errors.js';
// app.database's type comes with the db plugin; this module uses it wherever it is compiled.
import type {} from './db.js';
import { safeEqual } from '../lib/crypto.js';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { resolveApiToken } from '../modules/tokens/tokens.service.js';
import { findMemberRole } from '../modules/workspaces/workspaces.service.js';

/**
 * Who may call a route. Every route declares it in `config.access`:
 * - `public`: anyone (health, setup, sign-in); they act on no session, so need no CSRF token;
 * - `signed-in`: a signed-in person (not an API token): /api/me, sign-out, creating workspaces;
 * - `{ role }`: a workspace route (`:ws` in the path) needing at least that role.
 * An API route that declares nothing is treated as `signed-in`; the SPA's files and the
 * API docs (registered by plugins) are public.
 */
export type Access = 'public' | 'signed-in' | { role: Role };

export type Actor =
  | { type: 'user'; userId: string; sessionIdHash: string; csrfToken: string; mustChangePassword: boolean }
  | { type: 'token'; tokenId: string; workspaceId: string; role: Role };

/** The caller inside one workspace: what services use for permission checks and audit. */
export type WorkspaceActor = {
  workspaceId: string;
  role: Role;
  userId: string | null;
  tokenId: string | null;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    workspaceActor: WorkspaceActor | null;
  }
}

function defaultAccess(url: string): Access {
  const isApi = url.startsWith('/api/') && !url.startsWith('/api/docs');
  return isApi ? 'signed-in' : 'public';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : null;
}

/** The workspace actor, for handlers of routes whose access is `{ role }`. */
export function workspaceActorOf(request: FastifyRequest): WorkspaceActor {
  if (!request.workspaceActor) throw new Error(`route ${request.routeOptions.url} reads a workspace actor but does not declare a role`);
  return request.workspaceActor;
}

/** The signed-in user's id, for handlers of `signed-in` routes. */
export function userIdOf(request: FastifyRequest): string {
  if (request.actor?.type !== 'user') throw new AppError('unauthenticated', 'Sign in first');
  return request.actor.userId;
}

export const authPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('workspaceActor', null);

  // Who is calling, and CSRF for cookie-authenticated writes. Runs before body parsing,
  // so a refused request never uploads its file.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return; // the not-found handler answers the same to everyone
    const access = request.routeOptions.config.access ?? defaultAccess(request.routeOptions.url ?? '');
    const bearer = bearerToken(request);
    if (bearer) {
      request.actor = await resolveApiToken(app.database.db, bearer);
      if (!request.actor) throw new AppError('unauthenticated', 'The API token is invalid or revoked');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      request.actor = cookie ? await resolveSession(app.database.db, cookie, reply) : null;
    }
    // Public writes (sign-in, setup) authenticate by password, not by the cookie, so a stale
    // session must not block them; every write the session authorizes needs the CSRF token.
    if (access === 'public') return;
    if (request.actor?.type === 'user' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, request.actor.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong x-csrf-token header (GET /api/auth/csrf hands one out)');
      }
    }
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in or send an API token');
    if (access === 'signed-in' && request.actor.type !== 'user') {
      throw new AppError('forbidden', 'API tokens can only call workspace routes');
    }
  });

  // Workspace membership and role, before the body is validated: a caller without the
  // role learns nothing about what the route accepts.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (!access || typeof access === 'string') return;
    const workspaceId = (request.params as { ws?: string }).ws;
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated', 'Sign in or send an API token');
    if (!workspaceId || !UUID.test(workspaceId)) throw new AppError('not_found', 'Workspace not found');
    const role =
      actor.type === 'token'
        ? actor.workspaceId === workspaceId
          ? actor.role
          : null
        : await findMemberRole(app.database.db, workspaceId, actor.userId);
    // Not a member: the workspace does not exist as far as this caller can tell.
    if (!role) throw new AppError('not_found', 'Workspace not found');
    // An admin chose the initial password and still knows it: it opens no workspace data.
    if (actor.type === 'user' && actor.mustChangePassword) {
      throw new AppError('forbidden', 'Choose your own password first (POST /api/me/password)');
    }
    if (!hasRole(role, access.role)) throw new AppError('forbidden', `This needs the ${access.role} role or higher; you are ${role}`);
    request.workspaceActor = {
      workspaceId,
      role,
      userId: actor.type === 'user' ? actor.userId : null,
      tokenId: actor.type === 'token' ? actor.tokenId : null,
    };
  });
});
