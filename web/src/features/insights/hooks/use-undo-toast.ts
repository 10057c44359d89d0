import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { UseMutationResult } from '@tanstack/react-query';
import { restoreUndoKey, useToast } from '../../../components/toast';

/**
 * Says what was just done, with Undo. `undo` returns a promise (`mutateAsync`), not callbacks:
 * the page that did it may be gone by the time Undo is pressed, and its callbacks with it.
 * `key` names the toast for `dismiss`.
 */
export function useUndoToast() {
  const toast = useToast();
  return useCallback(
    (message: string, undo: () => Promise<unknown>, key?: string) =>
      toast.show(message, 'success', { label: 'Undo', onClick: () => void undo().catch((error: Error) => toast.show(`Could not undo: ${error.message}`, 'error')) }, { key }),
    [toast],
  );
}

/**
 * Moves a problem or backlog item to the trash (`remove`) and leaves its page for `list`; Undo
 * restores it (`restore`) and opens its `page` again.
 */
export function useTrashWithUndo<D, R>(remove: UseMutationResult<D, Error, string>, restore: UseMutationResult<R, Error, string>) {
  const toast = useToast();
  const undoable = useUndoToast();
  const navigate = useNavigate();
  return (id: string, message: string, { list, page }: { list: string; page: string }) =>
    remove.mutate(id, {
      onSuccess: () => {
        undoable(message, () => restore.mutateAsync(id).then(() => navigate(page)), restoreUndoKey(id));
        navigate(list);
      },
      onError: (error) => toast.show(error.message, 'error'),
    });
}

type EvidenceMutation<D, B> = UseMutationResult<D, Error, { id: string; body: B }>;

/** Takes evidence off a problem or backlog item (`unlink`), with an Undo that links it again (`link`). */
export function useUnlinkWithUndo<D, B>(unlink: EvidenceMutation<D, B>, link: EvidenceMutation<D, B>) {
  const toast = useToast();
  const undoable = useUndoToast();
  return (id: string, body: B, message: string) =>
    unlink.mutate({ id, body }, { onSuccess: () => undoable(message, () => link.mutateAsync({ id, body })), onError: (error) => toast.show(error.message, 'error') });
}
