import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createMember, createUser, createWorkspace, signIn, TEST_PASSWORD } from '../../../test/factories.js';

const context = useTestApp();
const INITIAL_PASSWORD = 'initial password 123';


describe('workspaces', () => {
  it('lists only the workspaces I belong to, with my role in each', async () => {
    const mine = await createWorkspace(context);
    const other = await createWorkspace(context);
    const viewer = await createMember(context, other, 'viewer');
    expect((await viewer.as.get('/api/workspaces')).json().items).toEqual([expect.objectContaining({ id: other.id, role: 'viewer' })]);
    expect((await mine.owner.as.get('/api/workspaces')).json().items).toEqual([expect.objectContaining({ id: mine.id, role: 'owner' })]);
  });

  it('creates a workspace and makes its creator the owner', async () => {
    const user = await createUser(context);
    const response = await user.as.post('/api/workspaces', { name: '  Growth team  ' });
    expect(response.statusCode).toBe(201);
    const workspace = response.json();
    expect(workspace).toMatchObject({ name: 'Growth team', role: 'owner' });
    const members = await user.as.get(`/api/workspaces/${workspace.id}/members`);
    expect(members.json().items).toEqual([expect.objectContaining({ userId: user.id, role: 'owner' })]);
  });

  it('answers 400 naming the field when the name is empty', async () => {
    const user = await createUser(context);
    const response = await user.as.post('/api/workspaces', { name: '   ' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['body.name']);
  });

  it('shows one workspace with my role, and lets an admin rename it', async () => {
    const workspace = await createWorkspace(context);
    const admin = await createMember(context, workspace, 'admin');
    expect((await admin.as.get(`/api/workspaces/${workspace.id}`)).json()).toMatchObject({ id: workspace.id, role: 'admin' });
    const renamed = await admin.as.patch(`/api/workspaces/${workspace.id}`, { name: 'New name' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'New name', role: 'admin' });
  });

  it('does not let a researcher rename it (403)', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.patch(`/api/workspaces/${workspace.id}`, { name: 'Mine now' })).statusCode).toBe(403);
  });
});

describe('members', () => {
  it('lists members with their roles to every member, viewers included', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get(`/api/workspaces/${workspace.id}/members`);
    expect(response.statusCode).toBe(200);
    const byId = Object.fromEntries(response.json().items.map((m: { userId: string; role: string }) => [m.userId, m.role]));
    expect(byId).toEqual({ [workspace.owner.id]: 'owner', [viewer.id]: 'viewer' });
  });

  it('adds a new person with an initial password that they must change at first sign-in', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/members`, {
      email: 'New.Person@Example.com',
      name: 'New Person',
      role: 'researcher',
      password: INITIAL_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email: 'new.person@example.com', role: 'researcher', mustChangePassword: true, accountCreated: true });

    const [row] = await context.db.select().from(users).where(eq(users.email, 'new.person@example.com'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(INITIAL_PASSWORD);

    const newcomer = await signIn(context, 'new.person@example.com', INITIAL_PASSWORD);
    expect((await newcomer.get('/api/me')).json().user.mustChangePassword).toBe(true);
    const beforeChange = await newcomer.get(`/api/workspaces/${workspace.id}/members`);
    expect(beforeChange.statusCode).toBe(403);
    expect(beforeChange.json().detail).toMatch(/password/);

    expect((await newcomer.post('/api/me/password', { currentPassword: INITIAL_PASSWORD, newPassword: 'my very own password' })).statusCode).toBe(204);
    expect((await newcomer.get('/api/me')).json().user.mustChangePassword).toBe(false);
    expect((await newcomer.get(`/api/workspaces/${workspace.id}/members`)).statusCode).toBe(200);
  });

  it('adds someone who already has an account without touching their password', async () => {
    const workspace = await createWorkspace(context);
    const existing = await createUser(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/members`, {
      email: existing.email,
      name: 'Ignored name',
      role: 'viewer',
      password: INITIAL_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ userId: existing.id, name: existing.name, accountCreated: false, mustChangePassword: false });
    const session = await signIn(context, existing.email, TEST_PASSWORD);
    expect((await session.get(`/api/workspaces/${workspace.id}`)).json().role).toBe('viewer');
  });

  it('asks for an initial password for someone without an account (400)', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/members`, { email: 'nopass@example.com', name: 'No Pass', role: 'viewer' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['body.password']);
  });

  it('answers 400 naming every bad field', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/members`, { email: 'nope', name: '', role: 'boss', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body.role', 'body.password']));
  });

  it('answers 409 when the person is already a member', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/members`, { email: viewer.email, name: viewer.name, role: 'admin' });
    expect(response.statusCode).toBe(409);
  });

  it("changes a member's role", async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/members/${viewer.id}`, { role: 'contributor' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: viewer.id, role: 'contributor' });
    expect((await viewer.as.get(`/api/workspaces/${workspace.id}`)).json().role).toBe('contributor');
  });

  it('answers 400 for an unknown role', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/members/${viewer.id}`, { role: 'superuser' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['body.role']);
  });

  it('removes a member, who then cannot see the workspace at all (404)', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/members/${researcher.id}`)).statusCode).toBe(204);
    const after = await researcher.as.get(`/api/workspaces/${workspace.id}`);
    expect(after.statusCode).toBe(404);
    expect((await researcher.as.get('/api/workspaces')).json().items).toEqual([]);
  });

  it('refuses to demote or remove the last owner (409)', async () => {
    const workspace = await createWorkspace(context);
    const demote = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/members/${workspace.owner.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/at least one owner/);
    const remove = await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/members/${workspace.owner.id}`);
    expect(remove.statusCode).toBe(409);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}`)).json().role).toBe('owner');
  });

  it('lets an owner step down once someone else is owner', async () => {
    const workspace = await createWorkspace(context);
    const second = await createMember(context, workspace, 'admin');
    expect((await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/members/${second.id}`, { role: 'owner' })).statusCode).toBe(200);
    const stepDown = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/members/${workspace.owner.id}`, { role: 'researcher' });
    expect(stepDown.statusCode).toBe(200);
    expect((await second.as.patch(`/api/workspaces/${workspace.id}/members/${second.id}`, { role: 'admin' })).statusCode).toBe(409);
  });

  it('does not let an admin grant the owner role or touch an owner (403)', async () => {
    const workspace = await createWorkspace(context);
    const admin = await createMember(context, workspace, 'admin');
    const viewer = await createMember(context, workspace, 'viewer');
    const base = `/api/workspaces/${workspace.id}/members`;
    expect((await admin.as.patch(`${base}/${viewer.id}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await admin.as.post(base, { email: 'boss@example.com', name: 'Boss', role: 'owner', password: INITIAL_PASSWORD })).statusCode).toBe(403);
    expect((await admin.as.patch(`${base}/${workspace.owner.id}`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await admin.as.delete(`${base}/${workspace.owner.id}`)).statusCode).toBe(403);
    expect((await admin.as.patch(`${base}/${viewer.id}`, { role: 'admin' })).statusCode).toBe(200);
  });

  it('does not let a researcher add members (403)', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const response = await researcher.as.post(`/api/workspaces/${workspace.id}/members`, { email: 'x@example.com', name: 'X', role: 'viewer', password: INITIAL_PASSWORD });
    expect(response.statusCode).toBe(403);
  });

  it('answers 404 for a member of another workspace, and leaves them alone', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const stranger = await createMember(context, other, 'viewer');
    const base = `/api/workspaces/${workspace.id}/members/${stranger.id}`;
    const change = await workspace.owner.as.patch(base, { role: 'admin' });
    expect(change.statusCode).toBe(404);
    expect(change.json().detail).toBe('Member not found');
    expect((await workspace.owner.as.delete(base)).statusCode).toBe(404);
    expect((await stranger.as.get(`/api/workspaces/${other.id}`)).json().role).toBe('viewer');
  });

  it('answers 404 when a member of another workspace calls this one', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const response = await other.owner.as.get(`/api/workspaces/${workspace.id}/members`);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Workspace not found');
  });
});
