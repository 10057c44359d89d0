import { useState, type FormEvent } from 'react';
import { rolesGrantableBy, type CreatedApiToken, type Role } from '@cairn/shared';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { useCreateToken } from '../api/create-token';
import { curlExample } from '../curl-example';

/** Creates a token; its secret is shown here once, with a command that uses it. */
export function CreateTokenDialog({ workspace, open, onClose }: { workspace: CurrentWorkspace; open: boolean; onClose: () => void }) {
  const create = useCreateToken(workspace.id);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const fieldError = (field: string) => (create.error instanceof ApiError ? create.error.fieldError(field) : undefined);

  const close = () => {
    setName('');
    setRole('viewer');
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, role }, { onSuccess: setCreated });
  };

  if (created) {
    return (
      <Dialog open={open} title="Token created" onClose={close} footer={<Button variant="primary" onClick={close}>Done</Button>}>
        <div className="stack">
          <p className="notice notice-warning" role="alert">
            Copy this token now. Cairn stores only a hash of it and will never show it again.
          </p>
          <CopyField label="API token" value={created.token} />
          <CopyField label="Try it" value={curlExample(workspace.id, created.token)} multiline />
          <p className="muted">
            It acts as <strong>{created.role}</strong> in this workspace only. Revoke it here when the script no longer needs it.
          </p>
        </div>
      </Dialog>
    );
  }

  const otherError = create.error && !(create.error instanceof ApiError && create.error.issues.length) ? create.error : null;
  return (
    <Dialog open={open} title="Create an API token" onClose={close}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Token name" hint="What will use it, e.g. “Zendesk sync” or “Nightly export”." error={fieldError('name')}>
          {(props) => <TextInput {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />}
        </Field>
        <Field label="Role" hint="Give a script the least it needs: importing tickets needs contributor; reading needs viewer." error={fieldError('role')}>
          {(props) => (
            <Select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {rolesGrantableBy(workspace.role).map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {otherError && <ErrorMessage error={otherError} />}
        <div className="row row-end">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
