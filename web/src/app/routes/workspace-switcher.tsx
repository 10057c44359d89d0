import { useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Membership } from '@cairn/shared';
import { CreateWorkspaceDialog } from '../../features/workspaces/components/create-workspace-dialog';
import { paths } from '../../lib/paths';
import { navItemAt } from './nav-items';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The same kind of page in another workspace: Settings → Members stays Settings → Members.
 * A page about one object (a source, a customer) cannot follow, since the object belongs to
 * the old workspace: that becomes its section's list, or the inbox when it has none.
 */
export function samePageIn(pathname: string, from: string, to: string): string {
  const base = paths.workspace(from);
  const rest = pathname.startsWith(`${base}/`) ? pathname.slice(base.length + 1) : '';
  const segments = rest.split('/').filter(Boolean);
  const firstId = segments.findIndex((segment) => UUID.test(segment));
  const kept = firstId === -1 ? segments : segments.slice(0, firstId);
  const target = `${paths.workspace(to)}/${kept.join('/')}`;
  return navItemAt(target, to) ? target : paths.inbox(to);
}

export function WorkspaceSwitcher({ current, memberships }: { current: string; memberships: Membership[] }) {
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const [creating, setCreating] = useState(false);
  return (
    <div className="workspace-switcher">
      <label htmlFor={id} className="visually-hidden">
        Workspace
      </label>
      <select id={id} className="input select" value={current} onChange={(event) => navigate(samePageIn(location.pathname, current, event.target.value))}>
        {memberships.map(({ workspace }) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <button type="button" className="workspace-create" onClick={() => setCreating(true)}>
        + Create workspace…
      </button>
      <CreateWorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(workspace) => {
          setCreating(false);
          navigate(paths.inbox(workspace.id));
        }}
      />
    </div>
  );
}
