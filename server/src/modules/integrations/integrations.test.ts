import { describe, expect, it } from 'vitest';
import { INTEGRATION_TICKETS_MAX } from '@cairn/shared';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createMember, createTokenCaller, createWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const ticket = (n: number, overrides: Record<string, unknown> = {}) => ({
  externalId: `HD-${n}`,
  subject: `Export fails #${n}`,
  body: `The CSV export fails when I pick a whole year (ticket ${n}).`,
  requester: { email: `requester-${n % 3}@example.com`, name: `Requester ${n % 3}` },
  createdAt: '2024-03-25T14:30:00Z',
  priority: 'high',
  status: 'open',
  tags: ['export'],
  ...overrides,
});

const url = (ws: string) => `/api/workspaces/${ws}/integrations/tickets`;

describe('POST /integrations/tickets', () => {
  it('stores one ticket sent with an API token, with its requester as a customer', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const response = await token.post(url(workspace.id), ticket(1));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, created: 1, updated: 0, unchanged: 0 });
    const sources = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources`);
    expect(sources.json().items).toEqual([
      expect.objectContaining({ kind: 'ticket', title: 'Export fails #1', externalId: 'HD-1', customer: expect.objectContaining({ email: 'requester-1@example.com' }) }),
    ]);
  });

  it('is idempotent by externalId: re-sent tickets change nothing, edited ones are updated', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const batch = { tickets: [ticket(1), ticket(2), ticket(3)] };
    expect((await token.post(url(workspace.id), batch)).json()).toEqual({ accepted: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await token.post(url(workspace.id), batch)).json()).toEqual({ accepted: 3, created: 0, updated: 0, unchanged: 3 });
    const edited = { tickets: [ticket(1), ticket(2, { status: 'solved' }), ticket(4)] };
    expect((await token.post(url(workspace.id), edited)).json()).toEqual({ accepted: 3, created: 1, updated: 1, unchanged: 1 });
    const sources = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources`);
    expect(sources.json().items).toHaveLength(4);
    const customers = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers`);
    expect(customers.json().items).toHaveLength(3);
  });

  it('refuses the whole call with 400 naming every invalid ticket field, storing nothing', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const tickets = [ticket(1), ticket(2), ticket(3), ticket(4, { requester: { email: 'not-an-email' } }), ticket(5, { body: '  \n ', createdAt: 'yesterday' })];
    const response = await token.post(url(workspace.id), { tickets });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(
      expect.arrayContaining(['body.tickets.3.requester.email', 'body.tickets.4.body', 'body.tickets.4.createdAt']),
    );
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources`)).json().items).toEqual([]);
  });

  it(`answers 400 for an empty list and for more than ${INTEGRATION_TICKETS_MAX} tickets`, async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    expect((await token.post(url(workspace.id), { tickets: [] })).json().errors[0].path).toBe('body.tickets');
    const tooMany = Array.from({ length: INTEGRATION_TICKETS_MAX + 1 }, (_, i) => ({ externalId: `T${i}`, subject: '', body: 'x', requester: { email: 'a@b.co' }, createdAt: '2024-01-01T00:00:00Z' }));
    const response = await token.post(url(workspace.id), { tickets: tooMany });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.tickets');
  });

  it('accepts a signed-in contributor and records an audit event', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(url(workspace.id), ticket(9))).statusCode).toBe(202);
    const audit = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit`);
    expect(audit.json().items).toContainEqual(expect.objectContaining({ action: 'integration.tickets', summary: expect.stringContaining('1 created') }));
  });

  it('refuses a viewer token (403), another workspace’s token (404) and no token (401)', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createTokenCaller(context, workspace, 'viewer');
    const other = await createWorkspace(context);
    const otherToken = await createTokenCaller(context, other, 'owner');
    expect((await viewer.post(url(workspace.id), ticket(1))).statusCode).toBe(403);
    expect((await otherToken.post(url(workspace.id), ticket(1))).statusCode).toBe(404);
    expect((await anonymous(context).post(url(workspace.id), ticket(1))).statusCode).toBe(401);
  });
});
