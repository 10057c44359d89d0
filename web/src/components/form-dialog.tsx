import { useId, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

type FormDialogProps = {
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  open?: boolean;
  /** The submit button is off until there is something to submit (a picker with nothing picked). */
  submitDisabled?: boolean;
  /** Keys within the form: a list in it moved through by keyboard. */
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  children: ReactNode;
};

/** A dialog holding one form: its fields in the body, Cancel and the submit button in the footer. */
export function FormDialog({ title, submitLabel, busy, onSubmit, onClose, open = true, submitDisabled, onKeyDown, children }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {/* The shared schemas check the fields, and say so at each; the browser's own bubbles would only get in the way. */}
      <form id={formId} className="form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        {children}
      </form>
    </Dialog>
  );
}
