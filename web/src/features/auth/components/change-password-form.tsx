import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const fieldError = (name: string) => (change.error instanceof ApiError ? change.error.fieldError(name) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label="Current password" error={fieldError('currentPassword')}>
        {(props) => <TextInput {...props} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} autoFocus />}
      </Field>
      <Field label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} error={fieldError('newPassword')}>
        {(props) => <TextInput {...props} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />}
      </Field>
      {change.error instanceof ApiError && !change.error.issues.length && <ErrorMessage error={change.error} />}
      <Button type="submit" variant="primary" busy={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
