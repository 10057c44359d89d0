import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';
import { ErrorMessage } from './error-message';

/**
 * "Merge into…", one dialog in two steps: `choose` (a picker) finds what to keep, then
 * `confirm` says what moves to it, with Back to choose again (`onBack`, after the merge's error
 * is cleared). `survivorName` is the one chosen, null while choosing.
 */
export function MergeDialog({
  name,
  survivorName,
  merge,
  onMerge,
  onBack,
  onClose,
  choose,
  confirm,
}: {
  name: string;
  survivorName: string | null;
  merge: { isPending: boolean; error: unknown; reset: () => void };
  onMerge: () => void;
  onBack: () => void;
  onClose: () => void;
  choose: ReactNode;
  confirm: ReactNode;
}) {
  const body = useRef<HTMLDivElement>(null);
  const chosen = survivorName !== null;

  // Each step replaces the other under the cursor: the picker takes typing again, and the
  // confirmation starts on Back, as a destructive dialog starts on Cancel, so Enter cannot merge.
  useEffect(() => {
    if (chosen) body.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer button')?.focus();
    else body.current?.querySelector('input')?.focus();
  }, [chosen]);

  return (
    <Dialog
      open
      title={chosen ? `Merge into “${survivorName}”?` : `Merge “${name}” into…`}
      onClose={onClose}
      footer={
        chosen ? (
          <>
            <Button
              onClick={() => {
                merge.reset();
                onBack();
              }}
            >
              Back
            </Button>
            <Button variant="danger" busy={merge.isPending} onClick={onMerge}>
              Merge
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        )
      }
    >
      <div ref={body} className="stack target-dialog">
        {chosen ? (
          <>
            {confirm}
            <ErrorMessage error={merge.error} />
          </>
        ) : (
          <>
            {choose}
            <p className="popover-hint muted keyboard-hint">
              <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> next · <kbd>Esc</kbd> close
            </p>
          </>
        )}
      </div>
    </Dialog>
  );
}
