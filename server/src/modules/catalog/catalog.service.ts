import crypto from 'node:crypto';
import { z } from 'zod';
import { CatalogSchema, type Catalog } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { listTags } from '../tags/tags.service.js';
import * as catalogRepository from './catalog.repository.js';
import { matchesEtag } from '../../lib/etag.js';

/**
 * Bump when what a field holds changes without the contract changing (say, what usageCount
 * counts): the ETag sees the data, not the code, and a browser revalidating after an upgrade
 * must not be told 304. Changes to the contract itself are caught by its fingerprint below.
 */
const CATALOG_BUILD_REVISION = 1;
const CATALOG_CONTRACT = JSON.stringify(z.toJSONSchema(CatalogSchema));

const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('base64url');
const etagSalt = sha1(`${CATALOG_BUILD_REVISION}\n${CATALOG_CONTRACT}`);

/**
 * The workspace's names of things for the browser's instant search, with an ETag. The ETag
 * comes from one small query summarising every row the catalog is built from, so a browser
 * whose copy is current (the usual case: it revalidates on every visit) is answered without
 * building the catalog at all: `catalog` is then null and the caller answers 304.
 */
export async function getCatalog(db: Db, actor: WorkspaceActor, ifNoneMatch: string | undefined): Promise<{ etag: string; catalog: Catalog | null }> {
  // The version is read before the build: a change landing in between makes the next request
  // rebuild, rather than pairing new content with an old ETag that would then stay current.
  const version = await catalogRepository.findCatalogVersion(db, actor.workspaceId);
  const etag = `"${sha1(`${etagSalt}\n${actor.workspaceId}\n${version}`)}"`;
  if (matchesEtag(ifNoneMatch, etag)) return { etag, catalog: null };
  const [tags, customers, companies, insights, backlogItems] = await Promise.all([
    listTags(db, actor),
    catalogRepository.listCustomerNames(db, actor.workspaceId),
    catalogRepository.listCompanyNames(db, actor.workspaceId),
    catalogRepository.listInsightNames(db, actor.workspaceId),
    catalogRepository.listBacklogItemNames(db, actor.workspaceId),
  ]);
  return { etag, catalog: { tags, customers, companies, insights, backlogItems } };
}

