/**
 * Who may call which route, checked for every route of the OpenAPI document.
 *
 * ADDING A ROUTE? Add one line to ROUTE_ACCESS (workspace routes: the minimum role) or to
 * ACCOUNT_ROUTE_ACCESS (everything else), in the OpenAPI path form `'METHOD /api/…/{param}'`.
 * The first tests fail until the table and the routes agree; then every workspace route is
 * called as nobody (401), as a member of another workspace (404), as a member and as a
 * token one role too low (403), and with just enough role (not refused).
 *
 * ADDING A FILTER BY ID to a list or bulk action? Add a line to FILTER_IDS: an id of another
 * workspace's object is a 404 naming the filter, as if it did not exist, not an empty answer.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@cairn/shared';
import { companies, imports } from '../src/db/schema/index.js';
import { anonymous, type Caller, errorPaths, useTestApp } from './app.js';
import {
  createBacklogItem,
  createCustomer,
  createInsight,
  createMember,
  createSource,
  createTag,
  createTokenCaller,
  createUser,
  createWorkspace,
  type TestWorkspace,
} from './factories.js';

const ROUTE_ACCESS: Record<string, Role> = {
  // workspaces, members, tokens, audit
  'GET /api/workspaces/{ws}': 'viewer',
  'PATCH /api/workspaces/{ws}': 'admin',
  'GET /api/workspaces/{ws}/members': 'viewer',
  'POST /api/workspaces/{ws}/members': 'admin',
  'PATCH /api/workspaces/{ws}/members/{userId}': 'admin',
  'DELETE /api/workspaces/{ws}/members/{userId}': 'admin',
  'GET /api/workspaces/{ws}/tokens': 'admin',
  'POST /api/workspaces/{ws}/tokens': 'admin',
  'DELETE /api/workspaces/{ws}/tokens/{id}': 'admin',
  'GET /api/workspaces/{ws}/audit': 'admin',
  'GET /api/workspaces/{ws}/audit/actors': 'admin',
  // tags
  'GET /api/workspaces/{ws}/tags': 'viewer',
  'POST /api/workspaces/{ws}/tags': 'contributor',
  'PATCH /api/workspaces/{ws}/tags/{id}': 'researcher',
  'DELETE /api/workspaces/{ws}/tags/{id}': 'researcher',
  'POST /api/workspaces/{ws}/tags/{id}/merge': 'researcher',
  'GET /api/workspaces/{ws}/tags/trends': 'viewer',
  // highlights
  'POST /api/workspaces/{ws}/sources/{id}/highlights': 'contributor',
  'GET /api/workspaces/{ws}/sources/{id}/evidence-links': 'viewer',
  'GET /api/workspaces/{ws}/highlights': 'viewer',
  'GET /api/workspaces/{ws}/highlights.csv': 'viewer',
  'POST /api/workspaces/{ws}/highlights/bulk': 'contributor',
  'POST /api/workspaces/{ws}/highlights/passages': 'contributor',
  'PATCH /api/workspaces/{ws}/highlights/{id}': 'contributor',
  'DELETE /api/workspaces/{ws}/highlights/{id}': 'contributor',
  'POST /api/workspaces/{ws}/highlights/{id}/restore': 'contributor',
  // catalog
  'GET /api/workspaces/{ws}/catalog': 'viewer',
  // customers
  'GET /api/workspaces/{ws}/customers': 'viewer',
  'POST /api/workspaces/{ws}/customers': 'contributor',
  'GET /api/workspaces/{ws}/customers/{id}': 'viewer',
  'PATCH /api/workspaces/{ws}/customers/{id}': 'researcher',
  'POST /api/workspaces/{ws}/customers/companies-from-emails': 'admin',
  'GET /api/workspaces/{ws}/companies': 'viewer',
  'GET /api/workspaces/{ws}/companies/{id}': 'viewer',
  'PATCH /api/workspaces/{ws}/companies/{id}': 'researcher',
  'DELETE /api/workspaces/{ws}/companies/{id}': 'researcher',
  'POST /api/workspaces/{ws}/companies/{id}/merge': 'researcher',
  'GET /api/workspaces/{ws}/deleted-company-domains': 'viewer',
  'DELETE /api/workspaces/{ws}/deleted-company-domains/{id}': 'researcher',
  // sources
  'GET /api/workspaces/{ws}/sources': 'viewer',
  'POST /api/workspaces/{ws}/sources': 'contributor',
  'GET /api/workspaces/{ws}/sources/helpdesk-tags': 'viewer',
  'POST /api/workspaces/{ws}/sources/tag-whole': 'researcher',
  'POST /api/workspaces/{ws}/sources/tag-whole/undo': 'researcher',
  'GET /api/workspaces/{ws}/sources/{id}': 'viewer',
  'PATCH /api/workspaces/{ws}/sources/{id}': 'contributor',
  'DELETE /api/workspaces/{ws}/sources/{id}': 'contributor',
  'POST /api/workspaces/{ws}/sources/{id}/restore': 'contributor',
  // imports, the ticket webhook, sample data
  'GET /api/workspaces/{ws}/imports': 'viewer',
  'POST /api/workspaces/{ws}/imports': 'contributor',
  'POST /api/workspaces/{ws}/imports/preview': 'contributor',
  'GET /api/workspaces/{ws}/imports/{id}': 'viewer',
  'GET /api/workspaces/{ws}/imports/{id}/rejected.csv': 'viewer',
  'GET /api/workspaces/{ws}/imports/{id}/scores': 'viewer',
  'POST /api/workspaces/{ws}/integrations/tickets': 'contributor',
  'GET /api/workspaces/{ws}/sample-data': 'viewer',
  'POST /api/workspaces/{ws}/sample-data': 'admin',
  'DELETE /api/workspaces/{ws}/sample-data': 'admin',
  // search and saved searches
  'GET /api/workspaces/{ws}/search': 'viewer',
  'GET /api/workspaces/{ws}/search/count': 'viewer',
  'GET /api/workspaces/{ws}/saved-searches': 'viewer',
  'POST /api/workspaces/{ws}/saved-searches': 'contributor',
  'DELETE /api/workspaces/{ws}/saved-searches/{id}': 'contributor',
  'PUT /api/workspaces/{ws}/saved-searches/{id}/seen': 'viewer',
  // insights
  'GET /api/workspaces/{ws}/insights': 'viewer',
  'POST /api/workspaces/{ws}/insights': 'researcher',
  'GET /api/workspaces/{ws}/insights/{id}': 'viewer',
  'PATCH /api/workspaces/{ws}/insights/{id}': 'researcher',
  'DELETE /api/workspaces/{ws}/insights/{id}': 'researcher',
  'POST /api/workspaces/{ws}/insights/{id}/restore': 'researcher',
  'POST /api/workspaces/{ws}/insights/{id}/merge': 'researcher',
  'GET /api/workspaces/{ws}/insights/{id}/merge-preview': 'researcher',
  'POST /api/workspaces/{ws}/insights/{id}/evidence': 'contributor',
  'PATCH /api/workspaces/{ws}/insights/{id}/evidence': 'contributor',
  'DELETE /api/workspaces/{ws}/insights/{id}/evidence': 'contributor',
  // backlog items
  'GET /api/workspaces/{ws}/backlog-items': 'viewer',
  'POST /api/workspaces/{ws}/backlog-items': 'researcher',
  'GET /api/workspaces/{ws}/backlog-items/{id}': 'viewer',
  'PATCH /api/workspaces/{ws}/backlog-items/{id}': 'researcher',
  'DELETE /api/workspaces/{ws}/backlog-items/{id}': 'researcher',
  'POST /api/workspaces/{ws}/backlog-items/{id}/restore': 'researcher',
  'POST /api/workspaces/{ws}/backlog-items/{id}/evidence': 'contributor',
  'PATCH /api/workspaces/{ws}/backlog-items/{id}/evidence': 'contributor',
  'DELETE /api/workspaces/{ws}/backlog-items/{id}/evidence': 'contributor',
  'GET /api/workspaces/{ws}/backlog-items/{id}/evidence.md': 'viewer',
  // clusters
  'GET /api/workspaces/{ws}/cluster-runs': 'viewer',
  'POST /api/workspaces/{ws}/cluster-runs': 'researcher',
  'POST /api/workspaces/{ws}/cluster-runs/scope-count': 'researcher',
  'GET /api/workspaces/{ws}/cluster-runs/{id}': 'viewer',
  'DELETE /api/workspaces/{ws}/cluster-runs/{id}': 'researcher',
  'GET /api/workspaces/{ws}/clusters/{id}': 'viewer',
  'GET /api/workspaces/{ws}/clusters/{id}/members': 'viewer',
  'PATCH /api/workspaces/{ws}/clusters/{id}': 'researcher',
  'POST /api/workspaces/{ws}/clusters/{id}/promote': 'researcher',
  // deleting for good: the trash, its purges, erasing a customer
  'GET /api/workspaces/{ws}/trash': 'viewer',
  'POST /api/workspaces/{ws}/trash/empty': 'admin',
  'GET /api/workspaces/{ws}/purges/{id}': 'admin',
  'DELETE /api/workspaces/{ws}/trash/sources/{id}': 'admin',
  'DELETE /api/workspaces/{ws}/trash/highlights/{id}': 'admin',
  'DELETE /api/workspaces/{ws}/trash/insights/{id}': 'admin',
  'DELETE /api/workspaces/{ws}/trash/backlog-items/{id}': 'admin',
  'GET /api/workspaces/{ws}/customers/{id}/erasure': 'admin',
  'POST /api/workspaces/{ws}/customers/{id}/erasure': 'admin',
};

type Filtered = 'customer' | 'company' | 'import' | 'tag' | 'source' | 'insight' | 'backlogItem';

/** Lists and bulk actions filtered by an id: the route, where the id goes (`query.x`, `body.…`), and what it names. */
const FILTER_IDS: Array<[key: string, path: string, names: Filtered]> = [
  ['GET /api/workspaces/{ws}/sources', 'query.customerId', 'customer'],
  ['GET /api/workspaces/{ws}/sources', 'query.importId', 'import'],
  ['GET /api/workspaces/{ws}/sources', 'query.tagId', 'tag'],
  ['POST /api/workspaces/{ws}/sources/tag-whole', 'body.filters.customerId', 'customer'],
  ['POST /api/workspaces/{ws}/sources/tag-whole', 'body.filters.importId', 'import'],
  ['GET /api/workspaces/{ws}/highlights', 'query.tagId', 'tag'],
  ['GET /api/workspaces/{ws}/highlights', 'query.insightId', 'insight'],
  ['GET /api/workspaces/{ws}/highlights', 'query.backlogItemId', 'backlogItem'],
  ['GET /api/workspaces/{ws}/highlights', 'query.evidenceOfBacklogItemId', 'backlogItem'],
  ['GET /api/workspaces/{ws}/highlights', 'query.sourceId', 'source'],
  ['GET /api/workspaces/{ws}/highlights', 'query.customerId', 'customer'],
  ['GET /api/workspaces/{ws}/highlights', 'query.companyId', 'company'],
  ['GET /api/workspaces/{ws}/highlights.csv', 'query.customerId', 'customer'],
  ['GET /api/workspaces/{ws}/highlights.csv', 'query.companyId', 'company'],
  ['GET /api/workspaces/{ws}/customers', 'query.companyId', 'company'],
  ['GET /api/workspaces/{ws}/insights', 'query.parentId', 'insight'],
  ['GET /api/workspaces/{ws}/insights/{id}/merge-preview', 'query.intoInsightId', 'insight'],
  ['GET /api/workspaces/{ws}/search', 'query.customerId', 'customer'],
  ['GET /api/workspaces/{ws}/search', 'query.tagId', 'tag'],
  ['GET /api/workspaces/{ws}/search/count', 'query.customerId', 'customer'],
  ['GET /api/workspaces/{ws}/tags/trends', 'query.tagId', 'tag'],
  ['POST /api/workspaces/{ws}/cluster-runs/scope-count', 'body.scope.tagIds', 'tag'],
  ['POST /api/workspaces/{ws}/cluster-runs/scope-count', 'body.scope.importIds', 'import'],
];

/** Routes on one object of the workspace, and what their `{id}` names: filtered with an own one of that kind (a merge preview merges one own insight into another). */
const PATH_OBJECTS: Record<string, Filtered> = { 'GET /api/workspaces/{ws}/insights/{id}/merge-preview': 'insight' };

/** What a route needs besides the filter: search a query, a bulk tagging the tags to give. */
const QUERY_EXTRAS: Record<string, string> = { 'GET /api/workspaces/{ws}/search': 'q=refund', 'GET /api/workspaces/{ws}/search/count': 'q=refund' };

/** The route called with only the filter at `path` set to `id` (and what it needs besides). */
function filteredRequest(key: string, path: string, id: string, workspace: { id: string; tagId: string; objectId?: string }) {
  const { method, url } = requestFor(key, workspace.id, workspace.objectId);
  const name = path.split('.').at(-1)!;
  if (path.startsWith('query.')) return { method, url: `${url}?${[QUERY_EXTRAS[key], `${name}=${id}`].filter(Boolean).join('&')}` };
  if (path.startsWith('body.filters.')) return { method, url, payload: { tagIds: [workspace.tagId], filters: { [name]: id } } };
  return { method, url, payload: { scope: { target: 'highlights', [name]: [id] } } };
}

const ACCOUNT_ROUTE_ACCESS: Record<string, 'public' | 'signed-in'> = {
  'GET /api/health': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/csrf': 'signed-in',
  'GET /api/me': 'signed-in',
  'POST /api/me/password': 'signed-in',
  'GET /api/workspaces': 'signed-in',
  'POST /api/workspaces': 'signed-in',
};

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const WORKSPACE_PREFIX = '/api/workspaces/{ws}';

type OpenApiDocument = { paths: Record<string, Record<string, { 'x-cairn-access'?: string }>> };

/** `'METHOD path'` → the access the operation publishes, for every operation of the document. */
function operationsOf(document: OpenApiDocument): Map<string, string | undefined> {
  const operations = new Map<string, string | undefined>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (HTTP_METHODS.has(method)) operations.set(`${method.toUpperCase()} ${path}`, operation['x-cairn-access']);
    }
  }
  return operations;
}

const isWorkspaceRoute = (key: string) => key.split(' ')[1]!.startsWith(WORKSPACE_PREFIX);
const roleBelow = (role: Role): Role | undefined => ROLES[ROLES.indexOf(role) + 1];

/** Splits a table key into the method and a concrete URL: `{ws}` is the given workspace, `{id}` the given object or, like other params, a random id. */
function requestFor(key: string, workspaceId: string, objectId?: string) {
  const [method, template] = key.split(' ') as [string, string];
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'ws' ? workspaceId : name === 'id' && objectId ? objectId : crypto.randomUUID()));
  return { method: method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url };
}

async function call(caller: Caller, key: string, workspaceId: string) {
  const { method, url } = requestFor(key, workspaceId);
  return caller.request(method, url);
}

/** Let through means: not refused for who the caller is (any other answer, e.g. 400 or "Source not found", is fine). */
function expectLetThrough(response: { statusCode: number; body: string }) {
  expect([401, 403], response.body).not.toContain(response.statusCode);
  if (response.statusCode === 404) expect(JSON.parse(response.body).detail).not.toBe('Workspace not found');
}

const context = useTestApp();
const cast = {} as {
  workspace: TestWorkspace;
  members: Record<Role, Caller>;
  tokens: Record<Role, Caller>;
  outsider: Caller;
  outsiderToken: Caller;
  document: OpenApiDocument;
};

beforeAll(async () => {
  cast.workspace = await createWorkspace(context);
  cast.members = { owner: cast.workspace.owner.as } as Record<Role, Caller>;
  cast.tokens = {} as Record<Role, Caller>;
  for (const role of ROLES) {
    if (role !== 'owner') cast.members[role] = (await createMember(context, cast.workspace, role)).as;
    cast.tokens[role] = await createTokenCaller(context, cast.workspace, role);
  }
  const elsewhere = await createWorkspace(context);
  cast.outsider = elsewhere.owner.as;
  cast.outsiderToken = await createTokenCaller(context, elsewhere, 'owner');
  cast.document = (await anonymous(context).get('/api/openapi.json')).json();
});

describe('the access tables', () => {
  it('list every workspace route of the OpenAPI document, and only those', () => {
    const documented = [...operationsOf(cast.document).keys()].filter(isWorkspaceRoute);
    const listed = Object.keys(ROUTE_ACCESS);
    expect({
      missingFromTable: documented.filter((key) => !listed.includes(key)),
      notInDocument: listed.filter((key) => !documented.includes(key)),
    }).toEqual({ missingFromTable: [], notInDocument: [] });
  });

  it('list every other API route of the OpenAPI document, and only those', () => {
    const documented = [...operationsOf(cast.document).keys()].filter((key) => !isWorkspaceRoute(key));
    const listed = Object.keys(ACCOUNT_ROUTE_ACCESS);
    expect({
      missingFromTable: documented.filter((key) => !listed.includes(key)),
      notInDocument: listed.filter((key) => !documented.includes(key)),
    }).toEqual({ missingFromTable: [], notInDocument: [] });
  });

  it('agree with the access each operation publishes (x-cairn-access)', () => {
    const expected = new Map<string, string>([
      ...Object.entries(ROUTE_ACCESS).map(([key, role]): [string, string] => [key, `role:${role}`]),
      ...Object.entries(ACCOUNT_ROUTE_ACCESS),
    ]);
    const published = operationsOf(cast.document);
    const disagreements = [...expected].filter(([key, access]) => published.has(key) && published.get(key) !== access);
    expect(disagreements.map(([key, access]) => `${key}: table ${access}, route ${published.get(key)}`)).toEqual([]);
  });
});

describe.each(Object.entries(ROUTE_ACCESS))('%s (%s and up)', (key, role) => {
  const below = roleBelow(role);

  it('answers 401 without credentials', async () => {
    const response = await call(anonymous(context), key, cast.workspace.id);
    expect(response.statusCode).toBe(401);
  });

  it('answers 404 to a member of another workspace, as if the workspace did not exist', async () => {
    const response = await call(cast.outsider, key, cast.workspace.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Workspace not found');
  });

  it('answers 404 to a token of another workspace', async () => {
    const response = await call(cast.outsiderToken, key, cast.workspace.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Workspace not found');
  });

  // Viewer routes have no role below them: those checks do not exist rather than being skipped.
  if (below) {
    it('answers 403 to a member one role below', async () => {
      const response = await call(cast.members[below], key, cast.workspace.id);
      expect(response.statusCode).toBe(403);
    });

    it('answers 403 to a token one role below', async () => {
      const response = await call(cast.tokens[below], key, cast.workspace.id);
      expect(response.statusCode).toBe(403);
    });
  }

  it('lets a member with that role through', async () => {
    expectLetThrough(await call(cast.members[role], key, cast.workspace.id));
  });

  it('lets a token with that role through', async () => {
    expectLetThrough(await call(cast.tokens[role], key, cast.workspace.id));
  });
});

describe('filters by id', () => {
  const owned = {} as Record<'own' | 'foreign', Record<Filtered, string>>;
  const pathObjects = {} as Partial<Record<Filtered, string>>;

  beforeAll(async () => {
    const foreign = await createWorkspace(context);
    for (const [side, workspace] of [['own', cast.workspace], ['foreign', foreign]] as const) {
      const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: `Company of ${workspace.name}` }).returning();
      const [upload] = await context.db.insert(imports).values({ workspaceId: workspace.id, format: 'tickets-csv', fileName: 'tickets.csv' }).returning();
      owned[side] = {
        customer: (await createCustomer(context, workspace)).id,
        company: company!.id,
        import: upload!.id,
        tag: (await createTag(context, workspace)).id,
        source: (await createSource(context, workspace)).id,
        insight: (await createInsight(context, workspace)).id,
        backlogItem: (await createBacklogItem(context, workspace)).id,
      };
    }
    pathObjects.insight = (await createInsight(context, cast.workspace)).id;
  });

  const callWith = (key: string, path: string, id: string) => {
    const objectKind = PATH_OBJECTS[key];
    const { method, url, payload } = filteredRequest(key, path, id, { id: cast.workspace.id, tagId: owned.own.tag, objectId: objectKind && pathObjects[objectKind] });
    return cast.members.owner.request(method, url, payload);
  };

  it.each(FILTER_IDS)("%s answers 404 naming %s when it is another workspace's %s", async (key, path, names) => {
    const response = await callWith(key, path, owned.foreign[names]);
    expect(response.statusCode, response.body).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorPaths(response)).toEqual([path]);
  });

  it.each(FILTER_IDS)('%s answers 404 naming %s when it names no %s at all', async (key, path) => {
    const response = await callWith(key, path, crypto.randomUUID());
    expect(response.statusCode, response.body).toBe(404);
    expect(errorPaths(response)).toEqual([path]);
  });

  it.each(FILTER_IDS)("%s takes %s of the workspace's own %s that nothing matches", async (key, path, names) => {
    const response = await callWith(key, path, owned.own[names]);
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe.each(Object.entries(ACCOUNT_ROUTE_ACCESS))('%s (%s)', (key, access) => {
  if (access === 'public') {
    it('is open to anyone', async () => {
      expectLetThrough(await call(anonymous(context), key, ''));
    });
    return;
  }

  it('answers 401 without credentials', async () => {
    expect((await call(anonymous(context), key, '')).statusCode).toBe(401);
  });

  it('answers 403 to an API token', async () => {
    expect((await call(cast.tokens.owner, key, '')).statusCode).toBe(403);
  });

  it('lets a signed-in person through', async () => {
    // A fresh user each time: sign-out ends the session it is called with.
    const user = await createUser(context);
    expectLetThrough(await call(user.as, key, ''));
  });
});
