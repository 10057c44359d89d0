import { createContext, useContext, type ReactNode } from 'react';
import { hasRole, type Role, type Workspace } from '@cairn/shared';

export type CurrentWorkspace = Workspace & {
  role: Role;
  /** The signed-in member, for "only your own" rules (contributors edit their own work). */
  userId: string;
  /** Whether the signed-in member has at least `role` here; UIs hide what they cannot do. */
  can: (role: Role) => boolean;
};

const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

export function WorkspaceProvider({ workspace, role, userId, children }: { workspace: Workspace; role: Role; userId: string; children: ReactNode }) {
  const value: CurrentWorkspace = { ...workspace, role, userId, can: (needed) => hasRole(role, needed) };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The workspace of the current page (inside `/w/:ws`). */
export function useWorkspace(): CurrentWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace is only available inside a workspace page');
  return workspace;
}
