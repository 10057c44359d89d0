import { useCallback } from 'react';
import { useToast } from '../../../components/toast';

/**
 * Says what was just done, with Undo. `undo` returns a promise (`mutateAsync`), not callbacks:
 * the page that did it may be gone by the time Undo is pressed, and its callbacks with it.
 */
export function useUndoToast() {
  const toast = useToast();
  return useCallback(
    (message: string, undo: () => Promise<unknown>) =>
      toast.show(message, 'success', { label: 'Undo', onClick: () => void undo().catch((error: Error) => toast.show(`Could not undo: ${error.message}`, 'error')) }),
    [toast],
  );
}
