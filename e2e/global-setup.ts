import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCairn } from '../scripts/cairn-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    cairnDataTemplate: string;
  }
}

/**
 * Starts the built server once on an empty data directory and keeps what it made there: every
 * browser test file's server starts from a copy, without creating and migrating its own
 * embedded database (as the database tests start from one migrated snapshot).
 */
export default async function setup(project: TestProject) {
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-template-'));
  const server = await startCairn({ DATA_DIR: template });
  await server.stop();
  project.provide('cairnDataTemplate', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
