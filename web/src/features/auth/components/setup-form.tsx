import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { useSetup } from '../api/sign-in';

/** First run: the person installing Cairn becomes the owner of its first workspace. */
export function SetupForm({ onDone }: { onDone: (workspaceId: string) => void }) {
  const setup = useSetup();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const fieldError = (name: string) => (setup.error instanceof ApiError ? setup.error.fieldError(name) : undefined);
  const update = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(form, { onSuccess: (result) => onDone(result.workspace.id) });
  };

  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label="Your name" error={fieldError('name')}>
        {(props) => <TextInput {...props} autoComplete="name" value={form.name} onChange={update('name')} required autoFocus />}
      </Field>
      <Field label="Email" error={fieldError('email')}>
        {(props) => <TextInput {...props} type="email" autoComplete="email" value={form.email} onChange={update('email')} required />}
      </Field>
      <Field label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} error={fieldError('password')}>
        {(props) => <TextInput {...props} type="password" autoComplete="new-password" value={form.password} onChange={update('password')} required />}
      </Field>
      <Field label="Workspace name" hint="Usually your team or product, e.g. “Acme Product”." error={fieldError('workspaceName')}>
        {(props) => <TextInput {...props} value={form.workspaceName} onChange={update('workspaceName')} required />}
      </Field>
      {setup.error && !(setup.error instanceof ApiError && setup.error.issues.length) && <ErrorMessage error={setup.error} />}
      <Button type="submit" variant="primary" busy={setup.isPending}>
        Create owner account
      </Button>
    </form>
  );
}
