import { hasRole, type ApiToken, type CreateApiTokenBody, type CreatedApiToken, type Role } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { iso } from '../../lib/dates.js';
import type { Actor, WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import * as tokensRepository from './tokens.repository.js';
import { presentPerson } from '../../lib/people.js';

const TOKEN_PREFIX = 'cairn_';
/** Enough of the secret to recognise a token in a list; far too little to use it. */
const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** Writing last_used_at on every call would turn reads into writes; once a minute is enough. */
const LAST_USED_PRECISION_MS = 60_000;
/**
 * How long this process trusts a token it has looked up without asking the database again:
 * a bearer request then makes one round trip fewer (measured: a third of a source read).
 * Revoking clears the revoking process's cache at once; other API processes may accept the
 * token for up to this long (ADR 004).
 */
export const TOKEN_CACHE_TTL_MS = 10_000;
/** Enough for every integration of a busy server; beyond it the oldest entries go first. */
const TOKEN_CACHE_SIZE = 1_000;

type CachedToken = { actor: Extract<Actor, { type: 'token' }>; lastUsedAt: number; expiresAt: number };
/** Per database handle, like prepared statements: each app (and each test's app) has its own. */
const tokenCaches = new WeakMap<Db, Map<string, CachedToken>>();

function tokenCacheOf(db: Db): Map<string, CachedToken> {
  let cache = tokenCaches.get(db);
  if (!cache) tokenCaches.set(db, (cache = new Map()));
  return cache;
}

type TokenRow = Awaited<ReturnType<typeof tokensRepository.insert>>;

function presentToken(row: TokenRow, creatorName: string | null): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: iso(row.createdAt),
    lastUsedAt: iso(row.lastUsedAt),
    createdBy: presentPerson(row.createdBy, creatorName),
  };
}

export async function resolveApiToken(db: Db, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256(secret);
  const cache = tokenCacheOf(db);
  const now = Date.now();
  let cached = cache.get(hash);
  if (!cached || cached.expiresAt <= now) {
    cache.delete(hash);
    const row = await tokensRepository.findLiveByHash(db, hash);
    if (!row) return null;
    cached = { actor: { type: 'token', tokenId: row.id, workspaceId: row.workspaceId, role: row.role }, lastUsedAt: row.lastUsedAt?.getTime() ?? 0, expiresAt: now + TOKEN_CACHE_TTL_MS };
    if (cache.size >= TOKEN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(hash, cached);
  }
  if (now - cached.lastUsedAt > LAST_USED_PRECISION_MS) {
    cached.lastUsedAt = now;
    await tokensRepository.markUsed(db, cached.actor.tokenId);
  }
  return cached.actor;
}

/** Drops this process's cached lookups of the tokens; other processes drop theirs within TOKEN_CACHE_TTL_MS. */
export function forgetCachedTokens(db: Db, tokenIds: string[]) {
  const cache = tokenCacheOf(db);
  for (const [hash, cached] of cache) if (tokenIds.includes(cached.actor.tokenId)) cache.delete(hash);
}

/**
 * Keeps a member's tokens within the member's rights, once their role changed (`role`) or they
 * left the workspace (`null`): a token above the new role is lowered to it (its integration keeps
 * what the member may still do), and every token of a member who left is revoked. Returns the
 * tokens changed, for `forgetCachedTokens` once the transaction has committed.
 */
export async function limitTokensOfMember(tx: Executor, actor: WorkspaceActor, member: { id: string; email: string }, role: Role | null): Promise<string[]> {
  const tokens = await tokensRepository.listLiveByCreator(tx, actor.workspaceId, member.id);
  const affected = role === null ? tokens : tokens.filter((token) => !hasRole(role, token.role));
  const ids = affected.map((token) => token.id);
  if (role === null) await tokensRepository.revokeMany(tx, actor.workspaceId, ids);
  else await tokensRepository.setRole(tx, actor.workspaceId, ids, role);
  for (const token of affected) {
    await recordAudit(tx, actor, {
      action: role === null ? 'token.revoke' : 'token.role_change',
      objectType: 'api_token',
      objectId: token.id,
      summary: role === null ? `Revoked API token “${token.name}”: ${member.email} left the workspace` : `Lowered API token “${token.name}” from ${token.role} to ${role}, the role of ${member.email}`,
    });
  }
  return ids;
}

export async function listApiTokens(db: Db, actor: WorkspaceActor): Promise<ApiToken[]> {
  const rows = await tokensRepository.listLive(db, actor.workspaceId);
  return rows.map(({ token, creatorName }) => presentToken(token, creatorName));
}

export async function createApiToken(db: Db, actor: WorkspaceActor, body: CreateApiTokenBody): Promise<CreatedApiToken> {
  if (!hasRole(actor.role, body.role)) {
    throw new AppError('forbidden', `A token cannot have a higher role than its creator (${actor.role})`);
  }
  const secret = `${TOKEN_PREFIX}${randomToken()}`;
  return db.transaction(async (tx) => {
    const row = await tokensRepository.insert(tx, {
      workspaceId: actor.workspaceId,
      name: body.name,
      role: body.role,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'token.create', objectType: 'api_token', objectId: row.id, summary: `Created API token “${body.name}” (${body.role})` });
    const { token, creatorName } = (await tokensRepository.findWithCreator(tx, actor.workspaceId, row.id))!;
    return { ...presentToken(token, creatorName), token: secret };
  });
}

export async function revokeApiToken(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tokensRepository.revoke(tx, actor.workspaceId, id);
    if (!row) throw notFound('API token');
    await recordAudit(tx, actor, { action: 'token.revoke', objectType: 'api_token', objectId: id, summary: `Revoked API token “${row.name}”` });
  });
  forgetCachedTokens(db, [id]);
}
