import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { useLogin } from '../api/sign-in';

export function LoginForm({ onDone }: { onDone: () => void }) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="form">
      <Field label="Email">
        {(props) => <TextInput {...props} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />}
      </Field>
      <Field label="Password">
        {(props) => <TextInput {...props} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
      </Field>
      <ErrorMessage error={login.error} />
      <Button type="submit" variant="primary" busy={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
