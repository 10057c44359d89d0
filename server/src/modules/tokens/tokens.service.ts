import { hasRole, type ApiToken, type CreateApiTokenBody, type CreatedApiToken } from '@cairn/shared';
import type { Db } from '../../db/client.js';
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
  const row = await tokensRepository.findLiveByHash(db, sha256(secret));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await tokensRepository.markUsed(db, row.id);
  }
  return { type: 'token', tokenId: row.id, workspaceId: row.workspaceId, role: row.role };
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
}
