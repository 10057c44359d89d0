import { describe, expect, it } from 'vitest';
import { CatalogSchema } from '@cairn/shared';
import { companies } from '../../db/schema/index.js';
import { anonymous, useTestApp } from '../../../test/app.js';
import { createCustomer, createMember, createTag, createWorkspace } from '../../../test/factories.js';

const context = useTestApp();
const catalogUrl = (ws: string) => `/api/workspaces/${ws}/catalog`;

describe('GET /catalog', () => {
  it('lists the names of tags and customers (with their company) for instant search', async () => {
    const workspace = await createWorkspace(context);
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Globex' }).returning();
    const customer = await createCustomer(context, workspace, { name: 'Hank Scorpio', email: 'hank@globex.test', companyId: company!.id });
    const tag = await createTag(context, workspace, { name: 'pricing', groupName: 'Feature area' });
    await createTag(context, await createWorkspace(context), { name: 'elsewhere' });
    const response = await workspace.owner.as.get(catalogUrl(workspace.id));
    expect(response.statusCode).toBe(200);
    const catalog = CatalogSchema.parse(response.json());
    expect(catalog.tags).toMatchObject([{ id: tag.id, name: 'pricing', group: 'Feature area', usageCount: 0 }]);
    expect(catalog.customers).toEqual([{ id: customer.id, name: 'Hank Scorpio', email: 'hank@globex.test', company: 'Globex' }]);
    expect(catalog).toMatchObject({ insights: [], backlogItems: [] });
  });

  it('answers 304 to a matching If-None-Match, and 200 with a new ETag once something changed', async () => {
    const workspace = await createWorkspace(context);
    const first = await workspace.owner.as.get(catalogUrl(workspace.id));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    await createTag(context, workspace, { name: 'new' });
    const changed = await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('is open to viewers, closed to anonymous callers (401) and to members of other workspaces (404)', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.get(catalogUrl(workspace.id))).statusCode).toBe(200);
    expect((await anonymous(context).get(catalogUrl(workspace.id))).statusCode).toBe(401);
    expect((await other.owner.as.get(catalogUrl(workspace.id))).statusCode).toBe(404);
  });
});
