import type { WorkspaceWithRole } from '@cairn/shared';
import { useCreateWorkspace } from '../api/create-workspace';
import { WorkspaceNameForm } from './workspace-name-form';

/** Anyone signed in may start a workspace; they become its owner. */
export function CreateWorkspaceForm({ onCreated }: { onCreated: (workspace: WorkspaceWithRole) => void }) {
  const create = useCreateWorkspace();
  return (
    <WorkspaceNameForm
      label="Workspace name"
      submitLabel="Create workspace"
      hint="A separate space with its own members, sources and evidence. You will be its owner."
      busy={create.isPending}
      error={create.error}
      onSubmit={(name) => create.mutate({ name }, { onSuccess: onCreated })}
    />
  );
}
