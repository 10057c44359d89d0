import type { WorkspaceWithRole } from '@cairn/shared';
import { Dialog } from '../../../components/dialog';
import { CreateWorkspaceForm } from './create-workspace-form';

export function CreateWorkspaceDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (workspace: WorkspaceWithRole) => void }) {
  return (
    <Dialog open={open} title="Create a workspace" onClose={onClose}>
      <CreateWorkspaceForm onCreated={onCreated} />
    </Dialog>
  );
}
