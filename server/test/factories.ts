import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@cairn/shared';
import { backlogItems, customers, highlightTags, highlights, insights, sources, tags } from '../src/db/schema/index.js';
import { hashPassword } from '../src/lib/passwords.js';
import { randomToken, sha256 } from '../src/lib/crypto.js';
import { SESSION_COOKIE } from '../src/modules/auth/auth.service.js';
import { highlightTagCopies } from '../src/modules/tags/tags.service.js';
import * as authRepository from '../src/modules/auth/auth.repository.js';
import * as workspacesRepository from '../src/modules/workspaces/workspaces.repository.js';
import * as tokensRepository from '../src/modules/tokens/tokens.repository.js';
import { Caller, type TestContext } from './app.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** Hashing is deliberately slow; one hash serves every factory user of a file. */
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export type TestUser = { id: string; email: string; name: string; as: Caller };
export type TestWorkspace = { id: string; name: string; owner: TestUser };

const unique = () => crypto.randomBytes(4).toString('hex');

/** A user with a live session; `as` calls the API as them (cookie + CSRF header). */
export async function createUser(context: TestContext, overrides: { email?: string; name?: string } = {}): Promise<TestUser> {
  const suffix = unique();
  const user = await authRepository.insertUser(context.db, {
    email: overrides.email ?? `user-${suffix}@example.com`,
    name: overrides.name ?? `User ${suffix}`,
    passwordHash: await testPasswordHash(),
  });
  const cookie = randomToken();
  const csrfToken = randomToken();
  await authRepository.insertSession(context.db, {
    idHash: sha256(cookie),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  const as = new Caller(() => context.app, { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrfToken });
  return { id: user.id, email: user.email, name: user.name, as };
}

/** A workspace with an owner (created unless given). */
export async function createWorkspace(context: TestContext, overrides: { name?: string; owner?: TestUser } = {}): Promise<TestWorkspace> {
  const owner = overrides.owner ?? (await createUser(context));
  const workspace = await workspacesRepository.insertWorkspace(context.db, overrides.name ?? `Workspace ${unique()}`);
  await workspacesRepository.insertMembership(context.db, workspace.id, owner.id, 'owner');
  return { id: workspace.id, name: workspace.name, owner };
}

/** A new user who is a member of the workspace with the given role. */
export async function createMember(context: TestContext, workspace: TestWorkspace, role: Role): Promise<TestUser> {
  const user = await createUser(context, { name: `${role} ${unique()}` });
  await workspacesRepository.insertMembership(context.db, workspace.id, user.id, role);
  return user;
}

/** A bearer-token caller with the given role in the workspace. */
export async function createTokenCaller(context: TestContext, workspace: TestWorkspace, role: Role): Promise<Caller> {
  const secret = `cairn_${randomToken()}`;
  await tokensRepository.insert(context.db, {
    workspaceId: workspace.id,
    name: `${role} token`,
    role,
    tokenHash: sha256(secret),
    prefix: secret.slice(0, 12),
    createdBy: workspace.owner.id,
  });
  return new Caller(() => context.app, { authorization: `Bearer ${secret}` });
}

type SourceOverrides = Partial<typeof sources.$inferInsert>;

/** A source row written straight to the database (the API's rules are tested through the API). */
export async function createSource(context: TestContext, workspace: TestWorkspace, overrides: SourceOverrides = {}) {
  const [row] = await context.db
    .insert(sources)
    .values({
      workspaceId: workspace.id,
      kind: 'ticket',
      title: `Source ${unique()}`,
      body: 'The export to CSV keeps failing when I pick more than a year of data.',
      createdBy: workspace.owner.id,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createCustomer(context: TestContext, workspace: TestWorkspace, overrides: Partial<typeof customers.$inferInsert> = {}) {
  const suffix = unique();
  const [row] = await context.db
    .insert(customers)
    .values({ workspaceId: workspace.id, email: `customer-${suffix}@example.org`, name: `Customer ${suffix}`, ...overrides })
    .returning();
  return row!;
}

export async function createTag(context: TestContext, workspace: TestWorkspace, overrides: Partial<typeof tags.$inferInsert> = {}) {
  const [row] = await context.db
    .insert(tags)
    .values({ workspaceId: workspace.id, name: `tag-${unique()}`, ...overrides })
    .returning();
  return row!;
}

/** A highlight over `[start, end)` of the source (the whole body by default), with tags. */
export async function createHighlight(
  context: TestContext,
  workspace: TestWorkspace,
  source: { id: string; body: string },
  overrides: { start?: number; end?: number; note?: string; tagIds?: string[] } = {},
) {
  const start = overrides.start ?? 0;
  const end = overrides.end ?? source.body.length;
  const tagRows = overrides.tagIds?.length ? await context.db.select().from(tags).where(inArray(tags.id, overrides.tagIds)) : [];
  const [row] = await context.db
    .insert(highlights)
    .values({
      workspaceId: workspace.id,
      sourceId: source.id,
      start,
      end,
      quote: source.body.slice(start, end),
      note: overrides.note ?? null,
      ...highlightTagCopies(tagRows),
      createdBy: workspace.owner.id,
    })
    .returning();
  if (tagRows.length) {
    await context.db.insert(highlightTags).values(tagRows.map((tag) => ({ workspaceId: workspace.id, highlightId: row!.id, tagId: tag.id })));
  }
  return row!;
}

/** An insight row written straight to the database (a problem unless told otherwise). */
export async function createInsight(context: TestContext, workspace: TestWorkspace, overrides: Partial<typeof insights.$inferInsert> = {}) {
  const [row] = await context.db
    .insert(insights)
    .values({ workspaceId: workspace.id, type: 'problem', title: `Problem ${unique()}`, createdBy: workspace.owner.id, ...overrides })
    .returning();
  return row!;
}

export async function createBacklogItem(context: TestContext, workspace: TestWorkspace, overrides: Partial<typeof backlogItems.$inferInsert> = {}) {
  const [row] = await context.db
    .insert(backlogItems)
    .values({ workspaceId: workspace.id, title: `Backlog item ${unique()}`, createdBy: workspace.owner.id, ...overrides })
    .returning();
  return row!;
}

/** Signs in through the API as a browser would: the session cookie it sets, plus its CSRF token. */
export async function signIn(context: TestContext, email: string, password = TEST_PASSWORD): Promise<Caller> {
  const response = await context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${response.statusCode}: ${response.body}`);
  return sessionCaller(context, response);
}

/** A caller holding the session cookie a response set (sign-in, setup), with that session's CSRF token. */
export async function sessionCaller(context: TestContext, response: LightMyRequestResponse): Promise<Caller> {
  const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (!session) throw new Error('the response set no session cookie');
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const csrf = await context.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } });
  return new Caller(() => context.app, { cookie, 'x-csrf-token': csrf.json<{ token: string }>().token });
}
