import { hasRole, type CreateMemberBody, type CreatedMember, type Member, type Membership, type Role, type Workspace, type WorkspaceWithRole } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrCreateUser } from '../auth/auth.service.js';
import { forgetCachedTokens, limitTokensOfMember } from '../tokens/tokens.service.js';
import * as workspacesRepository from './workspaces.repository.js';

type WorkspaceRow = Awaited<ReturnType<typeof workspacesRepository.insertWorkspace>>;
type MemberRow = NonNullable<Awaited<ReturnType<typeof workspacesRepository.findMember>>>;

function presentWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt) };
}

function presentMember(row: MemberRow): Member {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    mustChangePassword: row.user.mustChangePassword,
    joinedAt: iso(row.joinedAt),
  };
}

export function findMemberRole(executor: Executor, workspaceId: string, userId: string): Promise<Role | null> {
  return workspacesRepository.findRole(executor, workspaceId, userId);
}

export async function listMembershipsOfUser(executor: Executor, userId: string): Promise<Membership[]> {
  const rows = await workspacesRepository.listForUser(executor, userId);
  return rows.map((row) => ({ workspace: presentWorkspace(row.workspace), role: row.role }));
}

export async function createWorkspaceWithOwner(executor: Executor, userId: string, name: string): Promise<Workspace> {
  const workspace = await workspacesRepository.insertWorkspace(executor, name);
  await workspacesRepository.insertMembership(executor, workspace.id, userId, 'owner');
  await recordAudit(executor, { workspaceId: workspace.id, userId, tokenId: null }, {
    action: 'workspace.create',
    objectType: 'workspace',
    objectId: workspace.id,
    summary: `Created workspace “${name}”`,
  });
  return presentWorkspace(workspace);
}

/**
 * First-run setup: the owner takes over a workspace nobody belongs to yet (one that
 * `npm run seed:sample` filled before anyone signed up), renamed as they chose; otherwise
 * a new one is created.
 */
export async function claimOrCreateFirstWorkspace(executor: Executor, userId: string, name: string): Promise<Workspace> {
  const unclaimed = await workspacesRepository.findOldestWithoutMembers(executor);
  if (!unclaimed) return createWorkspaceWithOwner(executor, userId, name);
  const workspace = (await workspacesRepository.updateWorkspace(executor, unclaimed.id, name))!;
  await workspacesRepository.insertMembership(executor, workspace.id, userId, 'owner');
  await recordAudit(executor, { workspaceId: workspace.id, userId, tokenId: null }, {
    action: 'workspace.claim',
    objectType: 'workspace',
    objectId: workspace.id,
    summary: `Took ownership of the prepared workspace and named it “${name}”`,
  });
  return presentWorkspace(workspace);
}

export async function createWorkspace(db: Db, userId: string, name: string): Promise<WorkspaceWithRole> {
  const workspace = await db.transaction((tx) => createWorkspaceWithOwner(tx, userId, name));
  return { ...workspace, role: 'owner' };
}

export async function listWorkspaces(db: Db, userId: string): Promise<WorkspaceWithRole[]> {
  const memberships = await listMembershipsOfUser(db, userId);
  return memberships.map(({ workspace, role }) => ({ ...workspace, role }));
}

export async function getWorkspace(db: Db, actor: WorkspaceActor): Promise<WorkspaceWithRole> {
  const row = await workspacesRepository.findWorkspace(db, actor.workspaceId);
  if (!row) throw notFound('Workspace');
  return { ...presentWorkspace(row), role: actor.role };
}

export async function renameWorkspace(db: Db, actor: WorkspaceActor, name: string): Promise<WorkspaceWithRole> {
  return db.transaction(async (tx) => {
    const row = await workspacesRepository.updateWorkspace(tx, actor.workspaceId, name);
    if (!row) throw notFound('Workspace');
    await recordAudit(tx, actor, { action: 'workspace.rename', objectType: 'workspace', objectId: row.id, summary: `Renamed the workspace to “${name}”` });
    return { ...presentWorkspace(row), role: actor.role };
  });
}

export async function listMembers(db: Db, actor: WorkspaceActor): Promise<Member[]> {
  const rows = await workspacesRepository.listMembers(db, actor.workspaceId);
  return rows.map(presentMember);
}

/** Nobody hands out a role above their own (an admin cannot create owners). */
function assertCanGrant(actor: WorkspaceActor, role: Role) {
  if (!hasRole(actor.role, role)) throw new AppError('forbidden', `Only an ${role} or higher can grant the ${role} role`);
}

export async function addMember(db: Db, actor: WorkspaceActor, body: CreateMemberBody): Promise<CreatedMember> {
  assertCanGrant(actor, body.role);
  return db.transaction(async (tx) => {
    const { user, created } = await findOrCreateUser(tx, body);
    if (await workspacesRepository.findRole(tx, actor.workspaceId, user.id)) {
      throw new AppError('conflict', `${body.email} is already a member of this workspace`);
    }
    await workspacesRepository.insertMembership(tx, actor.workspaceId, user.id, body.role);
    await recordAudit(tx, actor, { action: 'member.add', objectType: 'user', objectId: user.id, summary: `Added ${user.email} as ${body.role}` });
    return { ...presentMember((await workspacesRepository.findMember(tx, actor.workspaceId, user.id))!), accountCreated: created };
  });
}

/** The last owner can be neither demoted nor removed: a workspace always has someone in charge. */
async function assertNotLastOwner(tx: Executor, workspaceId: string, member: MemberRow) {
  if (member.role === 'owner' && (await workspacesRepository.countOwnersForUpdate(tx, workspaceId)) <= 1) {
    throw new AppError('conflict', 'A workspace needs at least one owner; make someone else owner first');
  }
}

async function loadMemberForChange(tx: Executor, actor: WorkspaceActor, userId: string) {
  const member = await workspacesRepository.findMember(tx, actor.workspaceId, userId);
  if (!member) throw notFound('Member');
  // An admin may not change an owner; only owners manage owners.
  assertCanGrant(actor, member.role);
  return member;
}

/** A member's API tokens never do more than the member: a lower role lowers them too (`limitTokensOfMember`). */
export async function changeMemberRole(db: Db, actor: WorkspaceActor, userId: string, role: Role): Promise<Member> {
  assertCanGrant(actor, role);
  const { member, changedTokens } = await db.transaction(async (tx) => {
    const member = await loadMemberForChange(tx, actor, userId);
    if (member.role === role) return { member, changedTokens: [] };
    if (role !== 'owner') await assertNotLastOwner(tx, actor.workspaceId, member);
    await workspacesRepository.updateRole(tx, actor.workspaceId, userId, role);
    await recordAudit(tx, actor, {
      action: 'member.role_change',
      objectType: 'user',
      objectId: userId,
      summary: `Changed ${member.user.email} from ${member.role} to ${role}`,
    });
    return { member, changedTokens: await limitTokensOfMember(tx, actor, { id: userId, email: member.user.email }, role) };
  });
  forgetCachedTokens(db, changedTokens);
  return presentMember({ ...member, role });
}

/** A member who leaves takes their API tokens with them: they are revoked. */
export async function removeMember(db: Db, actor: WorkspaceActor, userId: string): Promise<void> {
  const revokedTokens = await db.transaction(async (tx) => {
    const member = await loadMemberForChange(tx, actor, userId);
    await assertNotLastOwner(tx, actor.workspaceId, member);
    await workspacesRepository.removeMembership(tx, actor.workspaceId, userId);
    await recordAudit(tx, actor, { action: 'member.remove', objectType: 'user', objectId: userId, summary: `Removed ${member.user.email}` });
    return limitTokensOfMember(tx, actor, { id: userId, email: member.user.email }, null);
  });
  forgetCachedTokens(db, revokedTokens);
}
