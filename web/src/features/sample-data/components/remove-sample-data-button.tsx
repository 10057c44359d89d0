import { useState } from 'react';
import { countOf, describeSampleCounts, type SampleDataStatus } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { useWorkspace } from '../../../lib/workspace';
import { useRemoveSampleData } from '../api/remove-sample-data';

const anyKept = (status: Pick<SampleDataStatus, 'kept'>) => Object.values(status.kept).some(Boolean);

/**
 * "Remove sample data…" (admins), wherever the sample shows: a confirmation names what goes for
 * good and what of the sample stays because the workspace's own work uses it.
 */
export function RemoveSampleDataButton({ status }: { status: SampleDataStatus }) {
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const remove = useRemoveSampleData(workspace.id);
  const toast = useToast();
  if (!workspace.can('admin')) return null;

  const close = () => {
    setOpen(false);
    remove.reset();
  };
  // Awaited rather than given callbacks: once the sample is gone, the section holding this button goes too (ADR 018).
  const confirm = () =>
    remove.mutateAsync().then(
      (removal) => {
        setOpen(false);
        const kept = anyKept(removal) ? `; kept ${describeSampleCounts(removal.kept)} that your own work uses` : '';
        toast.show(`Removed the sample data${kept}`, 'success');
      },
      // The error shows in the dialog, which stays open.
      () => {},
    );

  const { removable } = status;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Remove sample data…
      </Button>
      <ConfirmDialog open={open} title="Remove the sample data?" confirmLabel="Remove sample data" busy={remove.isPending} error={remove.error} onConfirm={() => void confirm()} onClose={close}>
        <div className="stack">
          <p>
            Deletes {describeSampleCounts(removable)} for good, in the trash or not
            {removable.imports ? `, and the sample's ${countOf(removable.imports, 'entry', 'entries')} in the import history` : ''}. Highlights made on the sample's
            interviews, tickets and survey answers go with them.
          </p>
          {anyKept(status) && <p>Stays, because your own work uses it: {describeSampleCounts(status.kept)}.</p>}
          <p>Nothing else you added is touched. This cannot be undone; you can load the sample again.</p>
        </div>
      </ConfirmDialog>
    </>
  );
}
