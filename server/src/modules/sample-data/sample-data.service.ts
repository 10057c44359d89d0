import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompanyInputSchema, ImportFormatSchema, ImportOptionsSchema, type SampleDataResult } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveCustomers } from '../customers/customers.service.js';
import type { ImportLogger } from '../imports/imports.runner.js';
import { importStoredFile } from '../imports/imports.service.js';
import * as sampleDataRepository from './sample-data.repository.js';

/** server/src/sample in the source tree, server/dist/sample in a build (the build script copies it). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** sample.json: the customers and companies first, then each file with the options it is imported with. */
const ManifestSchema = z.object({
  customers: z.array(z.object({ email: z.email(), name: z.string(), company: CompanyInputSchema })),
  files: z.array(z.object({ file: z.string(), format: ImportFormatSchema, options: ImportOptionsSchema })),
});

function readManifest() {
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')));
}

/**
 * Loads the sample workspace content through the same importers and batch writes as an upload,
 * so a newcomer sees Cairn working in one click. Idempotent: loading it again creates nothing
 * (every sample row has a stable identity), it only adds an entry per file to the import history.
 */
export async function loadSampleData(db: Db, actor: WorkspaceActor, log: ImportLogger): Promise<SampleDataResult> {
  const manifest = readManifest();
  // Companies carry segment, plan and revenue, which ticket rows cannot: they are written first.
  await db.transaction((tx) => resolveCustomers(tx, actor.workspaceId, manifest.customers));
  const imports = [];
  for (const entry of manifest.files) {
    imports.push(await importStoredFile(db, actor, { format: entry.format, fileName: entry.file, filePath: path.join(SAMPLE_DIR, entry.file), options: entry.options }, log));
  }
  const sources = imports.reduce(
    (sum, item) => ({ created: sum.created + item.counts.created, updated: sum.updated + item.counts.updated, unchanged: sum.unchanged + item.counts.unchanged }),
    { created: 0, updated: 0, unchanged: 0 },
  );
  await recordAudit(db, actor, {
    action: 'sample.load',
    objectType: 'workspace',
    objectId: actor.workspaceId,
    summary: `Loaded the sample data: ${sources.created} sources created, ${sources.updated} updated, ${sources.unchanged} unchanged`,
  });
  return { imports, sources };
}

export const SAMPLE_WORKSPACE_NAME = 'Sample workspace';

/**
 * For `npm run seed:sample`: the first workspace someone owns, or a new "Sample workspace" on a
 * database nobody has set up yet. Seeding acts as the system (no user), like a migration would.
 */
export async function findOrCreateSeedWorkspace(db: Db): Promise<{ actor: WorkspaceActor; name: string; created: boolean; hasOwner: boolean }> {
  const existing = await sampleDataRepository.findFirstWorkspace(db);
  const workspace = existing?.workspace ?? (await sampleDataRepository.insertWorkspace(db, SAMPLE_WORKSPACE_NAME));
  return { actor: { workspaceId: workspace.id, role: 'owner', userId: null, tokenId: null }, name: workspace.name, created: !existing, hasOwner: existing?.hasOwner ?? false };
}
