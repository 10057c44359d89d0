import type { Role } from '@cairn/shared';

/**
 * First-run setup through the API, as a person would, then an API token of `role` so the
 * load can use bearer auth (no cookie, no CSRF).
 */
export async function setUpOwnerWithToken(baseUrl: string, role: Role = 'owner', workspaceName = 'Bench'): Promise<{ workspaceId: string; token: string }> {
  const setup = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'a long benchmark password', name: 'Bench Owner', workspaceName }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  const workspaceId = ((await setup.json()) as { workspace: { id: string } }).workspace.id;
  const cookie = setup.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const csrf = ((await (await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } })).json()) as { token: string }).token;
  const created = await fetch(`${baseUrl}/api/workspaces/${workspaceId}/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', role }),
  });
  if (created.status !== 201) throw new Error(`token creation answered ${created.status}: ${await created.text()}`);
  return { workspaceId, token: ((await created.json()) as { token: string }).token };
}
