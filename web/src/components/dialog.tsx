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

/**
 * Focus back where it was before the dialog opened: unmounted rather than closed, as most dialogs
 * are, it would be left on <body>. When that element is gone (a row saved away, a page left), or
 * focus was nowhere (a shortcut opened the dialog), the page's <main> takes it. Focus already
 * moved somewhere on purpose stays there.
 */
function restoreFocus(dialog: HTMLDialogElement, opener: Element | null) {
  const current = document.activeElement;
  if (current && current !== document.body && !dialog.contains(current)) return;
  if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
  else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
}

/** A modal on the native <dialog>: focus trapping, Escape and the backdrop come from the browser. */
export function Dialog({ open, title, onClose, children, footer }: { open: boolean; title: string; onClose: () => void; children: ReactNode; footer?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const disabledWhileFocused = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    focusInitialControl(dialog);
    return () => {
      if (dialog.open) dialog.close();
      restoreFocus(dialog, opener);
    };
  }, [open]);
  // A busy button is disabled, which drops its focus to <body>, out of the dialog: once it is
  // enabled again (the request failed, its error shows), focus goes back to it.
  useEffect(() => {
    const control = disabledWhileFocused.current;
    if (!control || control.matches(':disabled')) return;
    disabledWhileFocused.current = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (open && lost && control.isConnected) control.focus();
  });
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      onBlur={(event) => {
        if (event.target.matches(':disabled')) disabledWhileFocused.current = event.target;
      }}
    >
      {open && (
        <>
          {/* Not <header>/<footer>: outside a section those are the page's banner and contentinfo landmarks, misplaced in a dialog. */}
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          <div className="dialog-body">{children}</div>
          {footer && <div className="dialog-footer">{footer}</div>}
        </>
      )}
    </dialog>
  );
}
