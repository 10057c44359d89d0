import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema, type SearchResponse } from '@cairn/shared';
import { companies } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { importStoredFile } from '../imports/imports.service.js';
import { SEARCH_WINDOW } from './search.service.js';

const context = useTestApp();
const silent = { error: () => {} };

/** Tickets with "wombat" in every sixth and "quarrel" in most: both more than a window holds, so both totals are estimates. */
const TICKETS = 1_800;
const WOMBATS = TICKETS / 6;
const QUARRELS = 1_400;
let workspace: TestWorkspace;

beforeAll(async () => {
  expect(WOMBATS).toBeGreaterThan(SEARCH_WINDOW);
  workspace = await createWorkspace(context);
  const lines = Array.from({ length: TICKETS }, (_, i) => {
    const words = [i % 6 === 0 ? 'my wombat payment' : 'my payment', i < QUARRELS ? 'a quarrel' : 'no fuss'].join(' ');
    // Each customer in one company; half the wombats in each.
    return `t${i},${words} ${i},customer${i % 12}@example.com,${i % 4 ? 'Corner Shop' : 'Globex'}`;
  });
  const filePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-counts-')), 'tickets.csv');
  fs.writeFileSync(filePath, `id,text,email,company\n${lines.join('\n')}\n`);
  const actor = { workspaceId: workspace.id, role: 'owner' as const, userId: workspace.owner.id, tokenId: null };
  const mapping = { externalId: 'id', body: 'text', requesterEmail: 'email', company: 'company' };
  const done = await importStoredFile(context.db, actor, { format: 'tickets-csv', fileName: 'tickets.csv', filePath, options: { mapping } }, silent);
  expect(done.counts.created).toBe(TICKETS);
  for (const [name, segment] of [['Globex', 'Enterprise'], ['Corner Shop', 'SMB']]) {
    await context.db.update(companies).set({ segment }).where(and(eq(companies.workspaceId, workspace.id), eq(companies.name, name!)));
  }
});

async function search(params: Record<string, string>): Promise<SearchResponse> {
  const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${new URLSearchParams(params)}`);
  expect(response.statusCode, response.body).toBe(200);
  return SearchResponseSchema.parse(response.json());
}

describe('search totals and facets after an import', () => {
  // Never analyzed, the planner guesses 0.5% of the rows for any word (9 of 1,800), and the
  // total would read "About 101", the window plus one. The import analyzes what it wrote.
  it.each([
    ['wombat', WOMBATS],
    ['quarrel', QUARRELS],
  ])('estimates "%s" from fresh statistics, and says the facets are a sample', async (word, matches) => {
    const result = await search({ q: word });
    expect(result.totalIsEstimate).toBe(true);
    expect(result.total).toBeGreaterThan(matches * 0.8);
    expect(result.total).toBeLessThan(matches * 1.2);
    expect(result.facets).toMatchObject({ exact: false, sampleSize: SEARCH_WINDOW, kind: { ticket: SEARCH_WINDOW } });
  });
});
