import { useId } from 'react';
import { useNavigate } from 'react-router';
import type { Membership } from '@cairn/shared';
import { paths } from '../../lib/paths';

export function WorkspaceSwitcher({ current, memberships }: { current: string; memberships: Membership[] }) {
  const navigate = useNavigate();
  const id = useId();
  return (
    <div className="workspace-switcher">
      <label htmlFor={id} className="visually-hidden">
        Workspace
      </label>
      <select id={id} className="input select" value={current} onChange={(event) => navigate(paths.inbox(event.target.value))}>
        {memberships.map(({ workspace }) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}
