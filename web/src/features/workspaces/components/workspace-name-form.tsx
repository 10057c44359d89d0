import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';

type Props = {
  label: string;
  submitLabel: string;
  initialName?: string;
  hint?: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
};

/** One field, one button: naming a new workspace and renaming one look and behave alike. */
export function WorkspaceNameForm({ label, submitLabel, initialName = '', hint, busy, error, onSubmit }: Props) {
  const [name, setName] = useState(initialName);
  const fieldError = error instanceof ApiError ? error.fieldError('name') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field label={label} hint={hint} error={fieldError}>
        {(props) => <TextInput {...props} value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      {error != null && !fieldError && <ErrorMessage error={error} />}
      <div className="row">
        <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
