import { useNavigate } from 'react-router';
import { SampleDataSection } from '../../features/sample-data/components/sample-data-section';
import { CreateWorkspaceForm } from '../../features/workspaces/components/create-workspace-form';
import { RenameWorkspaceForm } from '../../features/workspaces/components/rename-workspace-form';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';
import { AdminOnly } from './settings-layout';

export function SettingsGeneralRoute() {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  return (
    <AdminOnly what="general settings">
      <div className="stack settings-sections">
        <section className="card stack" aria-labelledby="rename-heading">
          <h2 id="rename-heading">Name</h2>
          <RenameWorkspaceForm key={workspace.id} workspace={workspace} />
        </section>
        <section className="card stack" aria-labelledby="new-workspace-heading">
          <div>
            <h2 id="new-workspace-heading">Another workspace</h2>
            <p className="muted">For a separate team or product whose evidence should not mix with this one.</p>
          </div>
          <CreateWorkspaceForm onCreated={(created) => navigate(paths.inbox(created.id))} />
        </section>
        <SampleDataSection offerLoad />
      </div>
    </AdminOnly>
  );
}
