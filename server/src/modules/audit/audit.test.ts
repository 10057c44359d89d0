import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AuditEvent } from '@cairn/shared';
import { auditEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createMember, createTokenCaller, createUser, createWorkspace, signIn, type TestWorkspace } from '../../../test/factories.js';
import { recordAudit } from './audit.service.js';

const context = useTestApp();

async function auditOf(workspace: TestWorkspace, query = ''): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('audit log', () => {
  it('records sign-ins with the person who signed in', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    await signIn(context, viewer.email);
    const { items } = await auditOf(workspace);
    expect(items[0]).toMatchObject({ action: 'auth.sign_in', objectType: 'user', objectId: viewer.id, actor: { type: 'user', id: viewer.id, name: viewer.name } });
  });

  it('records one sign-in event in each workspace of someone with several memberships', async () => {
    const user = await createUser(context);
    const workspaces = [await createWorkspace(context, { owner: user }), await createWorkspace(context, { owner: user }), await createWorkspace(context, { owner: user })];
    await signIn(context, user.email);
    const rows = await context.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'auth.sign_in')));
    expect(rows.map((row) => row.workspaceId).sort()).toEqual(workspaces.map((workspace) => workspace.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ actorTokenId: null, objectType: 'user', objectId: user.id, summary: `${user.name} signed in` });
    }
    for (const workspace of workspaces) {
      const { items } = await auditOf(workspace);
      expect(items.filter((event) => event.action === 'auth.sign_in')).toMatchObject([{ objectId: user.id, actor: { type: 'user', id: user.id, name: user.name } }]);
    }
  });

  it('records member additions, role changes and removals with who did them', async () => {
    const workspace = await createWorkspace(context);
    const base = `/api/workspaces/${workspace.id}/members`;
    const added = (await workspace.owner.as.post(base, { email: 'audited@example.com', name: 'Audited', role: 'viewer', password: 'initial password 1' })).json();
    await workspace.owner.as.patch(`${base}/${added.userId}`, { role: 'researcher' });
    await workspace.owner.as.delete(`${base}/${added.userId}`);

    const { items } = await auditOf(workspace);
    const byOwner = { type: 'user', id: workspace.owner.id, name: workspace.owner.name };
    expect(items.slice(0, 3)).toMatchObject([
      { action: 'member.remove', objectId: added.userId, summary: 'Removed audited@example.com', actor: byOwner },
      { action: 'member.role_change', objectId: added.userId, summary: 'Changed audited@example.com from viewer to researcher', actor: byOwner },
      { action: 'member.add', objectId: added.userId, summary: 'Added audited@example.com as viewer', actor: byOwner },
    ]);
  });

  it('records token creation and revocation, and names the token as the actor of what it does', async () => {
    const workspace = await createWorkspace(context);
    const created = (await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tokens`, { name: 'CI bot', role: 'admin' })).json();
    const bot = await createTokenCaller(context, workspace, 'admin');
    await bot.patch(`/api/workspaces/${workspace.id}`, { name: 'Renamed by the bot' });
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/tokens/${created.id}`);

    const { items } = await auditOf(workspace);
    expect(items.slice(0, 3)).toMatchObject([
      { action: 'token.revoke', objectType: 'api_token', objectId: created.id, summary: 'Revoked API token “CI bot”', actor: { type: 'user', id: workspace.owner.id } },
      { action: 'workspace.rename', actor: { type: 'token', name: 'admin token' } },
      { action: 'token.create', objectType: 'api_token', objectId: created.id, summary: 'Created API token “CI bot” (admin)', actor: { type: 'user', id: workspace.owner.id } },
    ]);
  });

  it('records the creation of a workspace', async () => {
    const workspace = await createWorkspace(context);
    const created = (await workspace.owner.as.post('/api/workspaces', { name: 'Second' })).json();
    const response = await workspace.owner.as.get(`/api/workspaces/${created.id}/audit`);
    expect(response.json().items).toMatchObject([{ action: 'workspace.create', objectId: created.id, actor: { id: workspace.owner.id } }]);
  });

  it('is for admins and owners only (403 below)', async () => {
    const workspace = await createWorkspace(context);
    const admin = await createMember(context, workspace, 'admin');
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await admin.as.get(`/api/workspaces/${workspace.id}/audit`)).statusCode).toBe(200);
    expect((await researcher.as.get(`/api/workspaces/${workspace.id}/audit`)).statusCode).toBe(403);
  });

  it("never shows another workspace's events", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    await other.owner.as.patch(`/api/workspaces/${other.id}`, { name: 'Secret rename' });
    const { items } = await auditOf(workspace);
    expect(items.some((event) => event.summary.includes('Secret rename'))).toBe(false);
    expect((await workspace.owner.as.get(`/api/workspaces/${other.id}/audit`)).statusCode).toBe(404);
  });

  it('pages newest first with a cursor that stays stable while new events arrive', async () => {
    const workspace = await createWorkspace(context);
    const actor = { workspaceId: workspace.id, userId: workspace.owner.id, tokenId: null };
    // Several events in one transaction share a timestamp: the id breaks the tie.
    await context.db.transaction((tx) =>
      recordAudit(tx, actor, ...Array.from({ length: 7 }, (_, i) => ({ action: 'test.event', objectType: 'test', summary: `event ${i}` }))),
    );
    const all = (await auditOf(workspace, '?limit=100')).items;
    expect(all).toHaveLength(7);

    const first = await auditOf(workspace, '?limit=3');
    expect(first.items).toEqual(all.slice(0, 3));
    await recordAudit(context.db, actor, { action: 'test.event', objectType: 'test', summary: 'arrived meanwhile' });
    const second = await auditOf(workspace, `?limit=3&cursor=${first.nextCursor}`);
    const third = await auditOf(workspace, `?limit=3&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items]).toEqual(all.slice(3));
    expect(third.nextCursor).toBeNull();
  });

  it('answers 400 for a cursor it did not hand out and a limit out of range', async () => {
    const workspace = await createWorkspace(context);
    const badCursor = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit?cursor=nonsense`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('query.cursor');
    const badLimit = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit?limit=100000`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors[0].path).toBe('query.limit');
  });
});
