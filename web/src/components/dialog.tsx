import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * Where focus starts, first match wins. Left to itself, showModal() focuses the header's ×, so
 * typing went nowhere and Enter closed the dialog. Read-only fields hold values to copy, not to
 * type into. Without a field, the footer's primary action; else its first button, which is Cancel
 * where the action is destructive (a danger button, never primary), so Enter cannot delete.
 */
const INITIAL_FOCUS = [
  '.dialog-body :is(input:not([type="hidden"]), select, textarea):not(:disabled, [readonly])',
  '.dialog-footer .btn-primary:not(:disabled)',
  '.dialog-footer button:not(:disabled)',
];

function focusInitialControl(dialog: HTMLDialogElement) {
  const control = INITIAL_FOCUS.map((selector) => dialog.querySelector<HTMLElement>(selector)).find((found) => found !== null);
  control?.focus();
}

/** A modal on the native <dialog>: focus trapping, Escape and the backdrop come from the browser. */
export function Dialog({ open, title, onClose, children, footer }: { open: boolean; title: string; onClose: () => void; children: ReactNode; footer?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      focusInitialControl(dialog);
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
