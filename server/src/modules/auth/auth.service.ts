import type { FastifyReply } from 'fastify';
// Brings in @fastify/cookie's reply.setCookie types wherever this module is compiled (also outside app.ts's graph).
import type {} from '@fastify/cookie';
import { sql } from 'drizzle-orm';
import { SESSION_TTL_MS, type ChangePasswordBody, type CreateSetupBody, type LoginBody, type Me, type User } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { iso } from '../../lib/dates.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../lib/passwords.js';
import type { Actor } from '../../plugins/auth.js';
import { recordAccountAudit } from '../audit/audit.service.js';
import { claimOrCreateFirstWorkspace, listMembershipsOfUser } from '../workspaces/workspaces.service.js';
import * as authRepository from './auth.repository.js';
import type { LoginLimiter } from './login-limiter.js';

export const SESSION_COOKIE = 'cairn_session';
/** Renew a session's expiry at most this often, so reads do not write on every request. */
const SESSION_RENEW_AFTER_MS = 60 * 60 * 1000;

export type CookieOptions = { secure: boolean };

export function presentUser(row: authRepository.UserRow): User {
  return { id: row.id, email: row.email, name: row.name, mustChangePassword: row.mustChangePassword, createdAt: iso(row.createdAt) };
}

function setSessionCookie(reply: FastifyReply, value: string, options: CookieOptions) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** A fresh session id on every sign-in: a session fixed before sign-in is never promoted. */
async function startSession(executor: Executor, reply: FastifyReply, userId: string, options: CookieOptions) {
  const value = randomToken();
  await authRepository.insertSession(executor, {
    idHash: sha256(value),
    userId,
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  setSessionCookie(reply, value, options);
}

export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await authRepository.countUsers(db)) === 0;
}

export async function runSetup(db: Db, body: CreateSetupBody, reply: FastifyReply, options: CookieOptions) {
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    // Serializes concurrent setup attempts: exactly one becomes the owner.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cairn:setup'))`);
    if ((await authRepository.countUsers(tx)) > 0) throw new AppError('conflict', 'Cairn is already set up; sign in instead');
    const user = await authRepository.insertUser(tx, { email: body.email, name: body.name, passwordHash });
    const workspace = await claimOrCreateFirstWorkspace(tx, user.id, body.workspaceName);
    await startSession(tx, reply, user.id, options);
    return { user: presentUser(user), workspace };
  });
}

/** Who is signing in: their address (rate limiting) and the session they may already have. */
export type LoginClient = { ip: string; previous: Actor | null; cookie: CookieOptions };

export async function login(db: Db, limiter: LoginLimiter, body: LoginBody, client: LoginClient, reply: FastifyReply) {
  await limiter.reserveAttempt(body.email, client.ip);
  const user = await authRepository.findUserByEmail(db, body.email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, body.password);
  if (!user || !valid) {
    // The email as typed, never the password. The same statement runs for an unknown email
    // (and writes nothing), so the time taken does not tell which addresses have accounts.
    await recordAccountAudit(db, user?.id ?? null, null, {
      action: 'auth.sign_in_failed',
      objectType: 'user',
      objectId: user?.id ?? null,
      summary: `Failed sign-in as ${body.email} from ${client.ip}: wrong password`,
    });
    throw new AppError('unauthenticated', 'Wrong email or password');
  }
  await limiter.releaseAttempt(body.email, client.ip);
  await db.transaction(async (tx) => {
    // The session this browser had (perhaps someone else's) ends; expired ones are swept
    // here rather than by a timer, so no process needs a scheduler.
    if (client.previous?.type === 'user') await authRepository.removeSession(tx, client.previous.sessionIdHash);
    await authRepository.removeExpiredSessions(tx);
    await startSession(tx, reply, user.id, client.cookie);
    await recordAccountAudit(tx, user.id, user.id, { action: 'auth.sign_in', objectType: 'user', objectId: user.id, summary: `${user.name} signed in` });
  });
  return { user: presentUser(user) };
}

export async function logout(db: Db, actor: Actor | null, reply: FastifyReply) {
  if (actor?.type === 'user') await authRepository.removeSession(db, actor.sessionIdHash);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves a session cookie to its user, renewing the expiry now and then (sliding). */
export async function resolveSession(db: Db, cookie: string, reply: FastifyReply): Promise<Actor | null> {
  const idHash = sha256(cookie);
  const found = await authRepository.findLiveSession(db, idHash);
  if (!found) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  const { session, mustChangePassword } = found;
  if (Date.now() - session.lastSeenAt.getTime() > SESSION_RENEW_AFTER_MS) {
    await authRepository.extendSession(db, idHash, new Date(Date.now() + SESSION_TTL_MS));
    setSessionCookie(reply, cookie, { secure: reply.request.protocol === 'https' });
  }
  return { type: 'user', userId: session.userId, sessionIdHash: idHash, csrfToken: session.csrfToken, mustChangePassword };
}

export function csrfTokenOf(actor: Actor | null): string {
  if (actor?.type !== 'user') throw new AppError('unauthenticated', 'Sign in first; the CSRF token belongs to a session');
  return actor.csrfToken;
}

export async function getMe(db: Db, userId: string): Promise<Me> {
  const user = await authRepository.findUserById(db, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  return { user: presentUser(user), memberships: await listMembershipsOfUser(db, userId) };
}

/** Changing the password ends every other session of that user. */
export async function changePassword(db: Db, actor: Actor, body: ChangePasswordBody) {
  if (actor.type !== 'user') throw new AppError('unauthenticated', 'Sign in first');
  const user = await authRepository.findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is wrong', [{ path: 'body.currentPassword', message: 'Wrong password' }]);
  }
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await authRepository.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await authRepository.removeSessionsOfUser(tx, user.id, actor.sessionIdHash);
    await recordAccountAudit(tx, user.id, user.id, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
      summary: user.mustChangePassword ? `${user.name} replaced the initial password with their own` : `${user.name} changed their password`,
    });
  });
}

/** The account for an email, created with an initial password (to change at first sign-in) if there is none. */
export async function findOrCreateUser(executor: Executor, values: { email: string; name: string; password?: string | undefined }) {
  const existing = await authRepository.findUserByEmail(executor, values.email);
  if (existing) return { user: existing, created: false };
  if (!values.password) {
    throw new AppError('validation_failed', 'A new member needs an initial password', [
      { path: 'body.password', message: 'Required for someone who has no Cairn account yet' },
    ]);
  }
  const user = await authRepository.insertUser(executor, {
    email: values.email,
    name: values.name,
    passwordHash: await hashPassword(values.password),
    mustChangePassword: true,
  });
  return { user, created: true };
}
