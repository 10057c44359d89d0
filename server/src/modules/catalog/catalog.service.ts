import crypto from 'node:crypto';
import type { Catalog } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { listTags } from '../tags/tags.service.js';
import * as catalogRepository from './catalog.repository.js';

/**
 * The workspace's names of things for the browser's instant search, with an ETag over the
 * content. Hashing what we send (rather than tracking versions of every table) cannot miss a
 * change — a rename, a merge, a usage count — and a 304 still spares the network and, above
 * all, the browser's re-indexing.
 */
export async function getCatalog(db: Db, actor: WorkspaceActor): Promise<{ catalog: Catalog; etag: string }> {
  const [tags, customers] = await Promise.all([listTags(db, actor), catalogRepository.listCustomerNames(db, actor.workspaceId)]);
  // Insights and backlog items join the catalog when those features land.
  const catalog: Catalog = { tags, customers, insights: [], backlogItems: [] };
  const etag = `"${crypto.createHash('sha1').update(JSON.stringify(catalog)).digest('base64url')}"`;
  return { catalog, etag };
}

/** Whether an If-None-Match header names this ETag (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}
