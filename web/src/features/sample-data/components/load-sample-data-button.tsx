import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { useWorkspace } from '../../../lib/workspace';
import { useLoadSampleData } from '../api/load-sample-data';

/**
 * "Load sample data" for empty workspaces (the Inbox and Imports empty states): interviews,
 * support tickets and survey answers of a made-up bank, so a newcomer sees Cairn at work.
 * Admins only; loading it twice adds nothing.
 */
export function LoadSampleDataButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const workspace = useWorkspace();
  const load = useLoadSampleData(workspace.id);
  const toast = useToast();
  if (!workspace.can('admin')) return null;
  return (
    <Button
      variant={variant}
      busy={load.isPending}
      // Awaited rather than given callbacks: loading fills the empty state this button sits in,
      // which unmounts it, and `mutate` drops the callbacks of an unmounted caller.
      onClick={async () => {
        try {
          const { sources } = await load.mutateAsync();
          toast.show(sources.created ? `Loaded ${sources.created} sample sources` : 'The sample data is already here', 'success');
        } catch (error) {
          toast.show(error instanceof Error ? error.message : String(error), 'error');
        }
      }}
    >
      Load sample data
    </Button>
  );
}
