import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { JSON_BODY_MAX_BYTES, SESSION_TTL_MS } from '@cairn/shared';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { sessions, sources, users, workspaces } from '../../db/schema/index.js';
import { sha256 } from '../../lib/crypto.js';
import { anonymous, Caller, errorPaths, type TestContext, useTestApp } from '../../../test/app.js';
import { openTestDatabase } from '../../../test/database.js';
import { createMember, createTokenCaller, createUser, createWorkspace, sessionCaller, signIn, TEST_PASSWORD } from '../../../test/factories.js';
import { SESSION_COOKIE } from './auth.service.js';

const OWNER = { email: 'Owner@Example.com', password: 'a long owner password', name: 'Olivia Owner', workspaceName: 'Acme Research' };
const HOUR_MS = 60 * 60 * 1000;

function sessionCookieOf(response: { cookies: Array<{ name: string; value: string; secure?: boolean }> }) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

/** A sign-in from a given client address, so each test has its own rate-limit keys. */
function postLogin(context: TestContext, body: { email: string; password: string }, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) {
  return context.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress, headers });
}

/** Signs in and keeps the hash of the session id, to look at the session's row. */
async function openSession(context: TestContext, email: string) {
  const response = await postLogin(context, { email, password: TEST_PASSWORD });
  return { as: await sessionCaller(context, response), idHash: sha256(sessionCookieOf(response)!.value) };
}

async function sessionRow(context: TestContext, idHash: string) {
  const [row] = await context.db.select().from(sessions).where(eq(sessions.idHash, idHash));
  return row;
}

describe('first-run setup', () => {
  const context = useTestApp();

  it('says setup is needed while nobody has an account', async () => {
    const response = await anonymous(context).get('/api/setup');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ needed: true });
  });

  it('creates the owner, the first workspace and a signed-in session', async () => {
    const response = await anonymous(context).post('/api/setup', OWNER);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'owner@example.com', name: OWNER.name, mustChangePassword: false });
    expect(body.workspace).toMatchObject({ name: OWNER.workspaceName });

    const cookie = sessionCookieOf(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const owner = await sessionCaller(context, response);
    const me = await owner.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().memberships).toEqual([{ workspace: body.workspace, role: 'owner' }]);
  });

  it('answers 409 to a second setup, and says setup is no longer needed', async () => {
    const again = await anonymous(context).post('/api/setup', { ...OWNER, email: 'intruder@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect((await anonymous(context).get('/api/setup')).json()).toEqual({ needed: false });
  });

  it('stores the password as an argon2id hash, never the password itself', async () => {
    const [row] = await context.db.select().from(users).where(eq(users.email, 'owner@example.com'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row!.passwordHash).not.toContain(OWNER.password);
  });
});

describe('first-run setup after `npm run seed:sample`', () => {
  const context = useTestApp();

  it('gives the owner the workspace the sample was loaded into, named as they chose', async () => {
    const [seeded] = await context.db.insert(workspaces).values({ name: 'Sample workspace' }).returning();
    await context.db.insert(sources).values({ workspaceId: seeded!.id, kind: 'note', title: 'Seeded', body: 'Loaded before anyone signed up.' });

    const response = await anonymous(context).post('/api/setup', OWNER);
    expect(response.statusCode).toBe(201);
    expect(response.json().workspace).toMatchObject({ id: seeded!.id, name: OWNER.workspaceName });
    const owner = await sessionCaller(context, response);
    const list = await owner.get(`/api/workspaces/${seeded!.id}/sources`);
    expect(list.json().items.map((item: { title: string }) => item.title)).toEqual(['Seeded']);
  });
});

describe('sign-in and sessions', () => {
  const context = useTestApp();

  it('signs in with the right password and starts a new session', async () => {
    const user = await createUser(context);
    const response = await postLogin(context, { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, email: user.email });
    expect(sessionCookieOf(response)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('gives a new session id on every sign-in and ends the session the browser had before', async () => {
    const user = await createUser(context);
    const first = await postLogin(context, { email: user.email, password: TEST_PASSWORD });
    const oldCookie = `${SESSION_COOKIE}=${sessionCookieOf(first)!.value}`;
    // A browser that is still signed in signs in again, without a CSRF header: sign-in acts on no session.
    const second = await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '127.0.0.1', { cookie: oldCookie });
    expect(second.statusCode).toBe(200);
    expect(sessionCookieOf(second)!.value).not.toBe(sessionCookieOf(first)!.value);
    expect((await new Caller(() => context.app, { cookie: oldCookie }).get('/api/me')).statusCode).toBe(401);
    expect((await (await sessionCaller(context, second)).get('/api/me')).statusCode).toBe(200);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const user = await createUser(context);
    const wrongPassword = await postLogin(context, { email: user.email, password: 'not the password' }, '10.0.0.1');
    const unknownEmail = await postLogin(context, { email: 'nobody@example.com', password: 'not the password' }, '10.0.0.2');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json().detail).toBe(unknownEmail.json().detail);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });

  it('answers 400 naming the fields of a malformed sign-in', async () => {
    const response = await postLogin(context, { email: 'not-an-email', password: '' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('refuses a sign-in body above the JSON limit with 413, before reading the password', async () => {
    const response = await postLogin(context, { email: 'big@example.com', password: 'x'.repeat(JSON_BODY_MAX_BYTES + 1) });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('ends the session on sign-out: the row is deleted and the cookie cleared', async () => {
    const user = await createUser(context);
    const session = await openSession(context, user.email);
    expect(await sessionRow(context, session.idHash)).toBeDefined();
    const response = await session.as.post('/api/auth/logout');
    expect(response.statusCode).toBe(204);
    expect(sessionCookieOf(response)).toMatchObject({ value: '' });
    expect(await sessionRow(context, session.idHash)).toBeUndefined();
    expect((await session.as.get('/api/me')).statusCode).toBe(401);
  });

  it('answers 401 to sign-out without a session', async () => {
    expect((await anonymous(context).post('/api/auth/logout')).statusCode).toBe(401);
  });

  it('renews a session in use (sliding expiry) and sends the cookie again', async () => {
    const user = await createUser(context);
    const session = await openSession(context, user.email);
    await context.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 2 * HOUR_MS), expiresAt: new Date(Date.now() + HOUR_MS) })
      .where(eq(sessions.idHash, session.idHash));

    const response = await session.as.get('/api/me');
    expect(response.statusCode).toBe(200);
    expect(sessionCookieOf(response)).toMatchObject({ maxAge: SESSION_TTL_MS / 1000, httpOnly: true });
    const renewed = (await sessionRow(context, session.idHash))!;
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_TTL_MS - HOUR_MS);
  });

  it('does not write the session on every request', async () => {
    const user = await createUser(context);
    const session = await signIn(context, user.email);
    const response = await session.get('/api/me');
    expect(response.statusCode).toBe(200);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('treats an expired session as signed out and sweeps expired sessions at the next sign-in', async () => {
    const user = await createUser(context);
    const session = await openSession(context, user.email);
    await context.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.idHash, session.idHash));

    const response = await session.as.get('/api/me');
    expect(response.statusCode).toBe(401);
    expect(sessionCookieOf(response)).toMatchObject({ value: '' });
    expect(await sessionRow(context, session.idHash)).toBeDefined();

    await signIn(context, (await createUser(context)).email);
    expect(await sessionRow(context, session.idHash)).toBeUndefined();
  });

  it('lists the workspaces of the signed-in user on /api/me', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get('/api/me');
    expect(response.json()).toMatchObject({
      user: { id: viewer.id, mustChangePassword: false },
      memberships: [{ workspace: { id: workspace.id, name: workspace.name }, role: 'viewer' }],
    });
  });
});

describe('password change', () => {
  const context = useTestApp();

  it('changes the password, keeps this session and ends the others', async () => {
    const user = await createUser(context);
    const here = await signIn(context, user.email);
    const elsewhere = await signIn(context, user.email);
    const response = await here.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' });
    expect(response.statusCode).toBe(204);
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    expect((await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.1.0.1')).statusCode).toBe(401);
    expect((await postLogin(context, { email: user.email, password: 'a brand new password' })).statusCode).toBe(200);
    const [row] = await context.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers 400 naming the field when the current password is wrong or the new one too short', async () => {
    const user = await createUser(context);
    const wrong = await user.as.post('/api/me/password', { currentPassword: 'nope', newPassword: 'a brand new password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'body.currentPassword', message: 'Wrong password' }]);
    const short = await user.as.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');
  });

  it('answers 400 naming the new password when it is the current one, keeping the initial password to change', async () => {
    const user = await createUser(context);
    await context.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const same = await user.as.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([{ path: 'body.newPassword', message: 'Choose a password other than the current one' }]);
    const [row] = await context.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(true);
  });
});

describe('CSRF protection', () => {
  const context = useTestApp();

  it('refuses a cookie-authenticated write without the x-csrf-token header', async () => {
    const user = await createUser(context);
    const session = await signIn(context, user.email);
    const response = await session.request('POST', '/api/workspaces', { name: 'Sneaky' }, { 'x-csrf-token': '' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    expect((await session.get('/api/workspaces')).json().items).toEqual([]);
  });

  it('refuses a token that belongs to another session', async () => {
    const user = await createUser(context);
    const mine = await signIn(context, user.email);
    const other = await signIn(context, (await createUser(context)).email);
    const otherToken = (await other.get('/api/auth/csrf')).json().token;
    expect((await mine.request('POST', '/api/workspaces', { name: 'Sneaky' }, { 'x-csrf-token': otherToken })).statusCode).toBe(403);
  });

  it('accepts the write with the token from GET /api/auth/csrf', async () => {
    const user = await createUser(context);
    const session = await signIn(context, user.email);
    const response = await session.post('/api/workspaces', { name: 'Allowed' });
    expect(response.statusCode).toBe(201);
  });

  it('asks for it on sign-out too', async () => {
    const user = await createUser(context);
    const session = await signIn(context, user.email);
    expect((await session.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await session.get('/api/me')).statusCode).toBe(200);
  });

  it('needs no CSRF token for writes with a bearer token', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'admin');
    const response = await token.patch(`/api/workspaces/${workspace.id}`, { name: 'Renamed by a script' });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe('Renamed by a script');
  });

  it('answers 401 to GET /api/auth/csrf without a session', async () => {
    expect((await anonymous(context).get('/api/auth/csrf')).statusCode).toBe(401);
  });
});

describe('sign-in rate limiting', () => {
  const context = useTestApp();

  it('answers 429 with Retry-After after repeated failures for one email, even to the right password', async () => {
    const user = await createUser(context);
    // From different addresses, so only the email's count can block.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await postLogin(context, { email: user.email, password: `guess ${attempt}` }, `10.2.0.${attempt}`);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.2.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(sessionCookieOf(blocked)).toBeUndefined();
  });

  it('limits failures from one address across emails', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await postLogin(context, { email: `guess-${attempt}@example.com`, password: 'guess' }, '10.3.0.1');
      expect(response.statusCode).toBe(401);
    }
    const user = await createUser(context);
    expect((await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.3.0.1')).statusCode).toBe(429);
    expect((await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.3.0.2')).statusCode).toBe(200);
  });

  it('counts parallel guesses before checking them, so a burst cannot exceed the limit', async () => {
    const user = await createUser(context);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, attempt) => postLogin(context, { email: user.email, password: `burst ${attempt}` }, `10.4.0.${attempt}`)),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('counts failures across API processes that share the database', async () => {
    const user = await createUser(context);
    // A second process on the same database, as behind a load balancer.
    const other = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' }), database: context.database });
    try {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const app = attempt % 2 ? context.app : other;
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `guess ${attempt}` }, remoteAddress: `10.7.0.${attempt}` });
        expect(response.statusCode).toBe(401);
      }
      const blocked = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.7.0.99' });
      expect(blocked.statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('does not count successful sign-ins', async () => {
    const user = await createUser(context);
    for (let attempt = 1; attempt <= 7; attempt++) {
      expect((await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.5.0.1')).statusCode).toBe(200);
    }
  });
});

describe('sign-in rate limiting, once the window passes', () => {
  // Long enough for five argon2 verifies on a loaded 2-core machine to fit inside it.
  const WINDOW_MS = 5000;
  const context = useTestApp({ loginWindowMs: WINDOW_MS });

  it('lets the right password in again', async () => {
    // Each failure is an argon2 verify: on a machine busy enough for five of them (in parallel)
    // and the blocked try to outlast the short window, the try proves nothing, so it is made
    // again with another account; a try that stayed inside the window must be blocked.
    let user: Awaited<ReturnType<typeof createUser>>;
    let blocked: Awaited<ReturnType<typeof postLogin>>;
    for (let round = 1; ; round++) {
      user = await createUser(context);
      const started = Date.now();
      const failures = await Promise.all(
        Array.from({ length: 5 }, (_, attempt) => postLogin(context, { email: user.email, password: `guess ${attempt}` }, `10.6.${round}.${attempt}`)),
      );
      expect(failures.map((response) => response.statusCode)).toEqual([401, 401, 401, 401, 401]);
      blocked = await postLogin(context, { email: user.email, password: TEST_PASSWORD }, `10.6.${round}.99`);
      if (Date.now() - started < WINDOW_MS || round === 5) break;
    }
    expect(blocked.statusCode).toBe(429);
    const retryAfterSeconds = Number(blocked.headers['retry-after']);
    expect(retryAfterSeconds).toBeLessThanOrEqual(WINDOW_MS / 1000);

    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1000 + 250));
    expect((await postLogin(context, { email: user.email, password: TEST_PASSWORD }, '10.6.9.99')).statusCode).toBe(200);
  });
});

describe('cookies behind an https proxy', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const database = await openTestDatabase();
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', TRUST_PROXY: 'true' }), database });
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  afterAll(() => close?.());

  it('marks the session cookie Secure when the proxy says the request came over https', async () => {
    const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: OWNER, headers: { 'x-forwarded-proto': 'https' } });
    expect(setup.statusCode).toBe(201);
    expect(sessionCookieOf(setup)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it('leaves it off for plain http', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: OWNER.email, password: OWNER.password } });
    expect(login.statusCode).toBe(200);
    expect(sessionCookieOf(login)!.secure).toBeFalsy();
  });
});
