import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AuditEvent } from '@cairn/shared';
import { auditEvents } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { errorPaths } from '../../../test/app.js';
import { createHighlight, createMember, createSource, createTokenCaller, createUser, createWorkspace, signIn, TEST_PASSWORD, type TestWorkspace } from '../../../test/factories.js';
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
      recordAudit(tx, actor, ...Array.from({ length: 7 }, (_, i) => ({ action: 'saved_search.create' as const, objectType: 'saved_search', summary: `event ${i}` }))),
    );
    const all = (await auditOf(workspace, '?limit=100')).items;
    expect(all).toHaveLength(7);

    const first = await auditOf(workspace, '?limit=3');
    expect(first.items).toEqual(all.slice(0, 3));
    await recordAudit(context.db, actor, { action: 'saved_search.create', objectType: 'saved_search', summary: 'arrived meanwhile' });
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

describe('filtering the audit log', () => {
  /** Events of three kinds by two people on three days, written straight to the table with their times. */
  async function seedLog(workspace: TestWorkspace) {
    const other = await createMember(context, workspace, 'admin');
    const event = (actorUserId: string, action: string, day: string) => ({
      workspaceId: workspace.id,
      actorUserId,
      action,
      objectType: action.split('.')[0]!,
      summary: `${action} on ${day}`,
      createdAt: new Date(`${day}T12:00:00.000Z`),
    });
    await context.db.insert(auditEvents).values([
      event(workspace.owner.id, 'source.create', '2024-03-01'),
      event(workspace.owner.id, 'source.restore', '2024-03-02'),
      event(other.id, 'source.delete', '2024-03-02'),
      event(other.id, 'tag.create', '2024-03-03'),
      event(workspace.owner.id, 'tag.merge', '2024-03-03'),
    ]);
    return { other };
  }
  const summariesOf = async (workspace: TestWorkspace, query: string) => (await auditOf(workspace, query)).items.map((event) => event.summary);

  it('keeps the events of one person, one action, a group of actions or a date range, and combines them', async () => {
    const workspace = await createWorkspace(context);
    const { other } = await seedLog(workspace);
    expect(await summariesOf(workspace, `?actorId=${other.id}`)).toEqual(['tag.create on 2024-03-03', 'source.delete on 2024-03-02']);
    expect(await summariesOf(workspace, '?action=source.restore')).toEqual(['source.restore on 2024-03-02']);
    expect((await summariesOf(workspace, '?action=source')).sort()).toEqual(['source.create on 2024-03-01', 'source.delete on 2024-03-02', 'source.restore on 2024-03-02']);
    expect((await summariesOf(workspace, '?from=2024-03-02&to=2024-03-02')).sort()).toEqual(['source.delete on 2024-03-02', 'source.restore on 2024-03-02']);
    expect(await summariesOf(workspace, `?actorId=${workspace.owner.id}&action=tag&from=2024-03-02`)).toEqual(['tag.merge on 2024-03-03']);
  });

  it('pages a filtered log with a cursor, every match once', async () => {
    const workspace = await createWorkspace(context);
    await seedLog(workspace);
    const first = await auditOf(workspace, '?action=source&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await auditOf(workspace, `?action=source&limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ summary: 'source.create on 2024-03-01' }], nextCursor: null });
  });

  it('answers 400 naming the field for an action it does not know, a person id that is no id and a reversed range', async () => {
    const workspace = await createWorkspace(context);
    const base = `/api/workspaces/${workspace.id}/audit`;
    for (const [query, path] of [['?action=source.explode', 'query.action'], ['?actorId=someone', 'query.actorId'], ['?from=2024-03-02&to=2024-03-01', 'query.to']] as const) {
      const response = await workspace.owner.as.get(`${base}${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorPaths(response)).toEqual([path]);
    }
  });

  it('lists everyone and every token with an event, members or not any more, by name', async () => {
    const workspace = await createWorkspace(context);
    const leaver = await createMember(context, workspace, 'viewer');
    await signIn(context, leaver.email);
    const bot = await createTokenCaller(context, workspace, 'admin');
    await bot.patch(`/api/workspaces/${workspace.id}`, { name: 'Renamed by the bot' });
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/members/${leaver.id}`);
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit/actors`);
    expect(response.statusCode).toBe(200);
    const expected = [
      { type: 'user', id: leaver.id, name: leaver.name },
      { type: 'user', id: workspace.owner.id, name: workspace.owner.name },
      { type: 'token', name: 'admin token' },
    ];
    expect(response.json().items).toHaveLength(3);
    expect(response.json().items).toEqual(expect.arrayContaining(expected.map((actor) => expect.objectContaining(actor))));
  });
});

describe('what the log links to', () => {
  it('says whether the object is still there outside the trash, and the source of a highlight', async () => {
    const workspace = await createWorkspace(context);
    const kept = await createSource(context, workspace);
    const trashed = await createSource(context, workspace);
    const highlight = await createHighlight(context, workspace, kept);
    const base = `/api/workspaces/${workspace.id}`;
    await workspace.owner.as.patch(`${base}/sources/${kept.id}`, { title: 'Kept' });
    await workspace.owner.as.patch(`${base}/highlights/${highlight.id}`, { note: 'Noted' });
    await workspace.owner.as.delete(`${base}/sources/${trashed.id}`);

    const { items } = await auditOf(workspace);
    const byAction = (action: string) => items.find((event) => event.action === action);
    expect(byAction('source.update')).toMatchObject({ objectId: kept.id, objectExists: true, objectParentId: null });
    expect(byAction('highlight.update')).toMatchObject({ objectId: highlight.id, objectExists: true, objectParentId: kept.id });
    expect(byAction('source.delete')).toMatchObject({ objectId: trashed.id, objectExists: false });
  });
});

describe('account events', () => {
  it('records a failed sign-in with the email tried, never the password, in each workspace of that account', async () => {
    const user = await createUser(context);
    const workspaces = [await createWorkspace(context, { owner: user }), await createWorkspace(context, { owner: user })];
    const wrong = 'not the password at all';
    const response = await context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: wrong }, remoteAddress: '10.9.0.1' });
    expect(response.statusCode).toBe(401);
    for (const workspace of workspaces) {
      const { items } = await auditOf(workspace, '?action=auth.sign_in_failed');
      expect(items).toMatchObject([{ objectType: 'user', objectId: user.id, actor: null, summary: `Failed sign-in as ${user.email} from 10.9.0.1: wrong password` }]);
    }
    const rows = await context.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign_in_failed'));
    expect(rows.some((row) => row.summary.includes(wrong))).toBe(false);
  });

  it('records a failed sign-in for an email with no account nowhere', async () => {
    const email = 'nobody-here@example.com';
    const response = await context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress: '10.9.0.2' });
    expect(response.statusCode).toBe(401);
    const rows = await context.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign_in_failed'));
    expect(rows.filter((row) => row.summary.includes(email))).toEqual([]);
  });

  it('records a password change in each workspace of the person, by them', async () => {
    const user = await createUser(context);
    const workspaces = [await createWorkspace(context, { owner: user }), await createWorkspace(context, { owner: user })];
    const session = await signIn(context, user.email);
    expect((await session.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' })).statusCode).toBe(204);
    // The owner's other sessions ended with the change: the log is read with the session that made it.
    for (const workspace of workspaces) {
      const { items } = (await session.get(`/api/workspaces/${workspace.id}/audit?action=auth`)).json();
      expect(items[0]).toMatchObject({ action: 'auth.password_change', objectId: user.id, summary: `${user.name} changed their password`, actor: { type: 'user', id: user.id } });
    }
  });
});
