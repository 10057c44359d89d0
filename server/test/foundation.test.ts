import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '@cairn/shared';
import { anonymous, testDriver, useTestApp } from './app.js';
import { createWorkspace } from './factories.js';

const context = useTestApp();

describe('foundation', () => {
  it('reports health with the database driver in use', async () => {
    const response = await anonymous(context).get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: testDriver });
  });

  it('answers an unknown API route with a problem+json 404', async () => {
    const response = await anonymous(context).get('/api/does-not-exist');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(response.json())).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await anonymous(context).request('POST', '/api/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it('lists every schema violation with the field it concerns', async () => {
    const response = await anonymous(context).post('/api/setup', { email: 'not-an-email', password: 'short' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.name', 'body.workspaceName']));
  });

  it('refuses a JSON body above the limit with 413', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post('/api/workspaces', { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('publishes an OpenAPI 3.1 document listing the routes', async () => {
    const response = await anonymous(context).get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/setup', '/api/workspaces/{ws}/members']));
  });

  it('sends security headers, on errors too', async () => {
    for (const path of ['/api/health', '/api/does-not-exist']) {
      const response = await anonymous(context).get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    }
  });
});
