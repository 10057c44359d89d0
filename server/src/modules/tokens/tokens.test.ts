import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiTokens } from '../../db/schema/index.js';
import { TOKEN_CACHE_TTL_MS } from './tokens.service.js';
import { Caller, errorPaths, useTestApp } from '../../../test/app.js';
import { createMember, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const bearer = (secret: string) => new Caller(() => context.app, { authorization: `Bearer ${secret}` });

async function createToken(workspace: TestWorkspace, body: { name: string; role: string }) {
  const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tokens`, body);
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; token: string; prefix: string }>();
}

describe('API tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the secret once at creation, and afterwards only its prefix', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tokens`, { name: 'Zendesk sync', role: 'contributor' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ name: 'Zendesk sync', role: 'contributor', lastUsedAt: null, createdBy: { id: workspace.owner.id, name: workspace.owner.name } });
    expect(created.token).toMatch(/^cairn_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length / 3);

    const list = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/tokens`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      { id: created.id, name: 'Zendesk sync', role: 'contributor', prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null, createdBy: { id: workspace.owner.id, name: workspace.owner.name } },
    ]);
    expect(list.body).not.toContain(created.token);
  });

  it('stores only a hash of the secret', async () => {
    const workspace = await createWorkspace(context);
    const created = await createToken(workspace, { name: 'hash check', role: 'viewer' });
    const [row] = await context.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("authenticates bearer calls with the token's role, in its own workspace", async () => {
    const workspace = await createWorkspace(context);
    const { token } = await createToken(workspace, { name: 'reader', role: 'viewer' });
    const reader = bearer(token);
    expect((await reader.get(`/api/workspaces/${workspace.id}`)).json()).toMatchObject({ id: workspace.id, role: 'viewer' });
    const write = await reader.post(`/api/workspaces/${workspace.id}/members`, { email: 'x@example.com', name: 'X', role: 'viewer', password: 'a password 123' });
    expect(write.statusCode).toBe(403);
  });

  it('opens no other workspace (404)', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const { token } = await createToken(workspace, { name: 'admin script', role: 'admin' });
    const response = await bearer(token).get(`/api/workspaces/${other.id}/members`);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Workspace not found');
  });

  it('cannot call account routes such as /api/me or create workspaces (403)', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'owner');
    expect((await token.get('/api/me')).statusCode).toBe(403);
    expect((await token.post('/api/workspaces', { name: 'From a script' })).statusCode).toBe(403);
  });

  it("refuses a role above the creator's (403), and allows up to it", async () => {
    const workspace = await createWorkspace(context);
    const admin = await createMember(context, workspace, 'admin');
    const base = `/api/workspaces/${workspace.id}/tokens`;
    const tooHigh = await admin.as.post(base, { name: 'owner token', role: 'owner' });
    expect(tooHigh.statusCode).toBe(403);
    expect((await admin.as.post(base, { name: 'admin token', role: 'admin' })).statusCode).toBe(201);
    expect((await workspace.owner.as.post(base, { name: 'owner token', role: 'owner' })).statusCode).toBe(201);
  });

  it('does not let a token mint a token above its own role', async () => {
    const workspace = await createWorkspace(context);
    const adminToken = await createTokenCaller(context, workspace, 'admin');
    expect((await adminToken.post(`/api/workspaces/${workspace.id}/tokens`, { name: 'escalate', role: 'owner' })).statusCode).toBe(403);
  });

  it('answers 400 naming every bad field', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tokens`, { name: ' ', role: 'god' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.name', 'body.role']));
  });

  it('revokes a token: it then answers 401 and leaves the list', async () => {
    const workspace = await createWorkspace(context);
    const created = await createToken(workspace, { name: 'short-lived', role: 'viewer' });
    expect((await bearer(created.token).get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(200);

    const revoke = await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/tokens/${created.id}`);
    expect(revoke.statusCode).toBe(204);
    const after = await bearer(created.token).get(`/api/workspaces/${workspace.id}`);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/tokens`)).json().items).toEqual([]);
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/tokens/${created.id}`)).statusCode).toBe(404);
  });

  it("keeps a member's tokens within the member's role: lowered with a demotion, revoked when they leave", async () => {
    const workspace = await createWorkspace(context);
    const admin = await createMember(context, workspace, 'admin');
    const mint = async (name: string, role: string) => (await admin.as.post(`/api/workspaces/${workspace.id}/tokens`, { name, role })).json<{ id: string; token: string }>();
    const [sync, reader] = [await mint('sync', 'admin'), await mint('reader', 'viewer')];
    const members = `/api/workspaces/${workspace.id}/members/${admin.id}`;
    const tokens = async () => (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/tokens`)).json().items.map((t: { name: string; role: string }) => `${t.name}:${t.role}`).sort();
    expect((await bearer(sync.token).get(`/api/workspaces/${workspace.id}/tokens`)).statusCode).toBe(200);

    expect((await workspace.owner.as.patch(members, { role: 'contributor' })).statusCode).toBe(200);
    expect(await tokens()).toEqual(['reader:viewer', 'sync:contributor']);
    expect((await bearer(sync.token).get(`/api/workspaces/${workspace.id}/tokens`)).statusCode).toBe(403);
    expect((await bearer(sync.token).post(`/api/workspaces/${workspace.id}/tags`, { name: 'still works' })).statusCode).toBe(201);

    expect((await workspace.owner.as.delete(members)).statusCode).toBe(204);
    expect(await tokens()).toEqual([]);
    for (const { token } of [sync, reader]) expect((await bearer(token).get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(401);
    const audit = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit`)).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['token.role_change', 'token.revoke', 'member.remove']));
  });

  it('refuses a token revoked by another process once the cached lookup expires', async () => {
    const workspace = await createWorkspace(context);
    const created = await createToken(workspace, { name: 'elsewhere', role: 'viewer' });
    expect((await bearer(created.token).get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(200);
    // Another API process revokes it: this one has not heard and trusts its lookup a little longer.
    await context.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, created.id));
    expect((await bearer(created.token).get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + TOKEN_CACHE_TTL_MS + 1 });
    expect((await bearer(created.token).get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(401);
  });

  it("answers 404 when revoking another workspace's token, which keeps working", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createToken(other, { name: 'theirs', role: 'viewer' });
    const response = await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/tokens/${theirs.id}`);
    expect(response.statusCode).toBe(404);
    expect((await bearer(theirs.token).get(`/api/workspaces/${other.id}`)).statusCode).toBe(200);
  });

  it('answers 401 to an unknown or malformed bearer token, even with a valid session cookie beside it', async () => {
    const workspace = await createWorkspace(context);
    expect((await bearer('cairn_not-a-real-token').get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(401);
    expect((await bearer('something-else').get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(401);
    const mixed = await workspace.owner.as.request('GET', `/api/workspaces/${workspace.id}`, undefined, { authorization: 'Bearer cairn_forged' });
    expect(mixed.statusCode).toBe(401);
  });

  it('records when a token was last used', async () => {
    const workspace = await createWorkspace(context);
    const created = await createToken(workspace, { name: 'usage', role: 'viewer' });
    const lastUsed = async () => (await context.db.select().from(apiTokens).where(eq(apiTokens.id, created.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();

    await bearer(created.token).get(`/api/workspaces/${workspace.id}`);
    const first = await lastUsed();
    expect(first).not.toBeNull();

    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await context.db.update(apiTokens).set({ lastUsedAt: anHourAgo }).where(eq(apiTokens.id, created.id));
    // The process trusts its cached lookup for a while; past that it reads the row again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + TOKEN_CACHE_TTL_MS + 1 });
    await bearer(created.token).get(`/api/workspaces/${workspace.id}`);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(anHourAgo.getTime());
    const listed = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/tokens`)).json().items[0];
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('lists and manages tokens for admins only (403 for a researcher)', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.get(`/api/workspaces/${workspace.id}/tokens`)).statusCode).toBe(403);
    expect((await researcher.as.post(`/api/workspaces/${workspace.id}/tokens`, { name: 'mine', role: 'viewer' })).statusCode).toBe(403);
  });
});
