import { useState, type FormEvent } from 'react';
import { CreateSetupBodySchema, PASSWORD_MIN_LENGTH } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { useFormErrors } from '../../../lib/form-errors';
import { useSetup } from '../api/sign-in';

const SETUP_FIELDS = ['name', 'email', 'password', 'workspaceName'];

/** First run: the person installing Cairn becomes the owner of its first workspace. */
export function SetupForm({ onDone }: { onDone: (workspaceId: string) => void }) {
  const setup = useSetup();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const errors = useFormErrors(SETUP_FIELDS, setup.error);
  const update = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // What is missing is said beside each field, which takes the focus, before anything is sent.
    const body = errors.check(CreateSetupBodySchema.safeParse(form), event.currentTarget);
    if (body) setup.mutate(body, { onSuccess: (result) => onDone(result.workspace.id) });
  };

  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label="Your name" error={errors.field('name')}>
        {(props) => <TextInput {...props} autoComplete="name" value={form.name} onChange={update('name')} required autoFocus />}
      </Field>
      <Field label="Email" error={errors.field('email')}>
        {(props) => <TextInput {...props} type="email" autoComplete="email" value={form.email} onChange={update('email')} required />}
      </Field>
      <Field label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} error={errors.field('password')}>
        {(props) => <TextInput {...props} type="password" autoComplete="new-password" value={form.password} onChange={update('password')} required />}
      </Field>
      <Field label="Workspace name" hint="Usually your team or product, e.g. “Acme Product”." error={errors.field('workspaceName')}>
        {(props) => <TextInput {...props} value={form.workspaceName} onChange={update('workspaceName')} required />}
      </Field>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
      <Button type="submit" variant="primary" busy={setup.isPending}>
        Create owner account
      </Button>
    </form>
  );
}
