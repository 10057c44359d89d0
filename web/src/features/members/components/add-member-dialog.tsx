import { useState, type FormEvent } from 'react';
import { CreateMemberBodySchema, PASSWORD_MIN_LENGTH, rolesGrantableBy, type CreatedMember, type Role } from '@cairn/shared';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useFormErrors } from '../../../lib/form-errors';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { useAddMember } from '../api/add-member';
import { generatePassword, ROLE_DESCRIPTIONS } from '../roles';

const emptyForm = () => ({ name: '', email: '', role: 'viewer' as Role, password: generatePassword() });
const MEMBER_FIELDS = ['name', 'email', 'role', 'password'];

/** Adds a member; a new account gets an initial password, shown here once to hand over. */
export function AddMemberDialog({ workspace, open, onClose }: { workspace: CurrentWorkspace; open: boolean; onClose: () => void }) {
  const add = useAddMember(workspace.id);
  const [form, setForm] = useState(emptyForm);
  const [added, setAdded] = useState<{ member: CreatedMember; password: string } | null>(null);
  const errors = useFormErrors(MEMBER_FIELDS, add.error);
  const update = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  const close = () => {
    setForm(emptyForm());
    setAdded(null);
    errors.clear();
    add.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // What is missing is said beside each field, which takes the focus, before anything is sent.
    const body = errors.check(CreateMemberBodySchema.safeParse(form), event.currentTarget);
    if (body) add.mutate(body, { onSuccess: (member) => setAdded({ member, password: form.password }) });
  };

  if (added) {
    const { member, password } = added;
    return (
      <Dialog open={open} title="Member added" onClose={close} footer={<Button variant="primary" onClick={close}>Done</Button>}>
        <div className="stack">
          {member.accountCreated ? (
            <>
              <p>
                <strong>{member.name}</strong> can now sign in as <strong>{member.email}</strong> with this initial password. Hand it over in
                person or through a channel you trust; they will choose their own at first sign-in.
              </p>
              <CopyField label="Initial password" value={password} />
              <p className="notice notice-warning">This password is not shown again.</p>
            </>
          ) : (
            <p>
              <strong>{member.email}</strong> already has a Cairn account, so they sign in with their own password. They now see this workspace
              as <strong>{member.role}</strong>.
            </p>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog open={open} title="Add a member" submitLabel="Add member" busy={add.isPending} onSubmit={submit} onClose={close}>
      <Field label="Name" error={errors.field('name')}>
        {(props) => <TextInput {...props} value={form.name} onChange={update('name')} autoComplete="off" required />}
      </Field>
      <Field label="Email" error={errors.field('email')}>
        {(props) => <TextInput {...props} type="email" value={form.email} onChange={update('email')} autoComplete="off" required />}
      </Field>
      <Field label="Role" hint={ROLE_DESCRIPTIONS[form.role]} error={errors.field('role')}>
        {(props) => (
          <Select {...props} value={form.role} onChange={update('role')}>
            {rolesGrantableBy(workspace.role).map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Initial password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Used only if they have no Cairn account yet; they must change it at first sign-in.`}
        error={errors.field('password')}
      >
        {(props) => (
          <div className="copy-field-row">
            <TextInput {...props} value={form.password} onChange={update('password')} autoComplete="off" spellCheck={false} />
            <Button size="sm" onClick={() => setForm({ ...form, password: generatePassword() })}>
              Generate
            </Button>
          </div>
        )}
      </Field>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
