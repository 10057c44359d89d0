import { useState, type FormEvent } from 'react';
import { CreateSourceBodySchema, SOURCE_TITLE_MAX_LENGTH } from '@cairn/shared';
import { FormDialog } from '../../../components/form-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextArea, TextInput } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useFormErrors } from '../../../lib/form-errors';
import { useCreateSource } from '../api/create-source';

const NOTE_FIELDS = ['title', 'body'];

/** A note is customer voice heard outside any tool: a call, a conversation at a fair, a sales debrief. */
export function NewNoteDialog({ ws, open, onClose }: { ws: string; open: boolean; onClose: () => void }) {
  const create = useCreateSource(ws);
  const toast = useToast();
  const [form, setForm] = useState({ title: '', body: '' });
  const errors = useFormErrors(NOTE_FIELDS, create.error);

  const close = () => {
    setForm({ title: '', body: '' });
    errors.clear();
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(CreateSourceBodySchema.safeParse({ kind: 'note', ...form }), event.currentTarget);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (source) => {
        toast.show(`Added the note “${source.title}”`, 'success');
        close();
      },
    });
  };

  return (
    <FormDialog
      open={open}
      title="New note"
      submitLabel="Add note"
      busy={create.isPending}
      onSubmit={submit}
      onClose={close}
    >
      <Field label="Title" error={errors.field('title')}>
        {(props) => <TextInput {...props} value={form.title} maxLength={SOURCE_TITLE_MAX_LENGTH} onChange={(event) => setForm({ ...form, title: event.target.value })} />}
      </Field>
      <Field label="What the customer said" hint="Plain text. You can highlight and tag passages of it afterwards." error={errors.field('body')}>
        {(props) => <TextArea {...props} rows={8} value={form.body} onChange={(event) => setForm({ ...form, body: event.target.value })} />}
      </Field>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
