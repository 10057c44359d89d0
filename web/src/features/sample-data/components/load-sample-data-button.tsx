import { useState } from 'react';
import { describeSampleCounts } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { useWorkspace } from '../../../lib/workspace';
import { useSampleData } from '../api/get-sample-data';
import { useLoadSampleData } from '../api/load-sample-data';

/**
 * "Load sample data…" for empty workspaces (the Inbox and Imports empty states, Settings →
 * General): interviews, support tickets and survey answers of a made-up bank, so a newcomer sees
 * Cairn at work. A dialog first says what it adds (counted by the server from the sample's files)
 * and that it can be removed later. Admins only; loading it twice adds nothing.
 */
export function LoadSampleDataButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const status = useSampleData(workspace.id, { enabled: open });
  const load = useLoadSampleData(workspace.id);
  const toast = useToast();
  if (!workspace.can('admin')) return null;

  const close = () => {
    setOpen(false);
    load.reset();
  };
  // Awaited rather than given callbacks: loading fills the empty state this button sits in,
  // which unmounts it, and `mutate` drops the callbacks of an unmounted caller (ADR 018).
  const confirm = () =>
    load.mutateAsync().then(
      ({ sources }) => {
        setOpen(false);
        toast.show(sources.created ? `Loaded ${sources.created} sample sources. Remove them any time from Imports or Settings.` : 'The sample data is already here', 'success');
      },
      // The error shows in the dialog, which stays open.
      () => {},
    );

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        Load sample data…
      </Button>
      <Dialog
        open={open}
        title="Load the sample data?"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" busy={load.isPending} disabled={!status.data} onClick={() => void confirm()}>
              Load sample data
            </Button>
          </>
        }
      >
        {status.isPending ? (
          <Loading label="Counting what the sample holds…" />
        ) : status.error ? (
          <ErrorMessage error={status.error} />
        ) : (
          <div className="stack">
            <p>
              Adds the customer voice of Ledgerline, a made-up bank, to try Cairn on: {describeSampleCounts(status.data.contents)}, with {status.data.contents.imports}{' '}
              entries in the import history marked “Sample data”.
            </p>
            <p>You can remove it later from Imports or Settings → General; what you add yourself stays.</p>
            <ErrorMessage error={load.error} />
          </div>
        )}
      </Dialog>
    </>
  );
}
