import { AuditLog } from '../../features/audit/components/audit-log';
import { useWorkspace } from '../../lib/workspace';
import { AdminOnly } from './settings-layout';

export function SettingsAuditRoute() {
  const workspace = useWorkspace();
  return (
    <AdminOnly what="the audit log">
      <section className="stack" aria-labelledby="audit-heading">
        <div>
          <h2 id="audit-heading">Audit log</h2>
          <p className="muted">Who did what in this workspace, newest first.</p>
        </div>
        <AuditLog ws={workspace.id} />
      </section>
    </AdminOnly>
  );
}
