import { useState, type FormEvent } from 'react';
import { CreateSourceBodySchema, SOURCE_TITLE_MAX_LENGTH } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextArea, TextInput } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { ApiError } from '../../../lib/api-client';
import { useCreateSource } from '../api/create-source';

const FORM_ID = 'new-note-form';

/** A note is customer voice heard outside any tool: a call, a conversation at a fair, a sales debrief. */
export function NewNoteDialog({ ws, open, onClose }: { ws: string; open: boolean; onClose: () => void }) {
  const create = useCreateSource(ws);
  const toast = useToast();
  const [form, setForm] = useState({ title: '', body: '' });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const fieldError = (name: 'title' | 'body') => issues[name] ?? (create.error instanceof ApiError ? create.error.fieldError(name) : undefined);

  const close = () => {
    setForm({ title: '', body: '' });
    setIssues({});
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateSourceBodySchema.safeParse({ kind: 'note', ...form });
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setIssues({});
    create.mutate(parsed.data, {
      onSuccess: (source) => {
        toast.show(`Added the note “${source.title}”`, 'success');
        close();
      },
    });
  };

  return (
    <Dialog
      open={open}
      title="New note"
      onClose={close}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form={FORM_ID} variant="primary" busy={create.isPending}>
            Add note
          </Button>
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={submit} noValidate>
        <Field label="Title" error={fieldError('title')}>
          {(props) => <TextInput {...props} value={form.title} maxLength={SOURCE_TITLE_MAX_LENGTH} onChange={(event) => setForm({ ...form, title: event.target.value })} autoFocus />}
        </Field>
        <Field label="What the customer said" hint="Plain text. You can highlight and tag passages of it afterwards." error={fieldError('body')}>
          {(props) => <TextArea {...props} rows={8} value={form.body} onChange={(event) => setForm({ ...form, body: event.target.value })} />}
        </Field>
        {create.error && !(create.error instanceof ApiError && create.error.issues.length) && <ErrorMessage error={create.error} />}
      </form>
    </Dialog>
  );
}
