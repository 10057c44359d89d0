import { useToast } from '../../../components/toast';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { useRenameWorkspace } from '../api/rename-workspace';
import { WorkspaceNameForm } from './workspace-name-form';

export function RenameWorkspaceForm({ workspace }: { workspace: CurrentWorkspace }) {
  const rename = useRenameWorkspace(workspace.id);
  const toast = useToast();
  return (
    <WorkspaceNameForm
      label="Workspace name"
      submitLabel="Save name"
      initialName={workspace.name}
      busy={rename.isPending}
      error={rename.error}
      onSubmit={(name) => rename.mutate({ name }, { onSuccess: (renamed) => toast.show(`Renamed to “${renamed.name}”`, 'success') })}
    />
  );
}
