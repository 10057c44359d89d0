import { useState, type FormEvent } from 'react';
import { BACKLOG_STATUSES, CreateBacklogItemBodySchema, UpdateBacklogItemBodySchema, type BacklogItem, type BacklogStatus } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextArea, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useToast } from '../../../components/toast';
import { useFormErrors } from '../../../lib/form-errors';
import { useCreateBacklogItem } from '../api/create-backlog-item';
import { useUpdateBacklogItem } from '../api/update-backlog-item';
import { BACKLOG_FIELDS, backlogFormValues, toCreateBacklogBody, toUpdateBacklogBody, type BacklogFormValues } from '../lib/form-values';
import { BACKLOG_STATUS_LABELS } from '../lib/labels';

type BacklogFormDialogProps = {
  ws: string;
  /** The item to edit; without one, the dialog adds one. Mount it when opening, so that it starts from the latest data. */
  item?: BacklogItem;
  onClose: () => void;
  onSaved: (item: BacklogItem) => void;
};

/** Adds or edits a backlog item: what might be built, and where it is tracked (a Jira or GitHub issue). */
export function BacklogFormDialog({ ws, item, onClose, onSaved }: BacklogFormDialogProps) {
  const create = useCreateBacklogItem(ws);
  const update = useUpdateBacklogItem(ws);
  const mutation = item ? update : create;
  const toast = useToast();
  const [initial] = useState(() => backlogFormValues(item));
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(BACKLOG_FIELDS, mutation.error);
  const input = (key: keyof BacklogFormValues) => ({ value: values[key], onChange: (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: (saved: BacklogItem) => {
        toast.show(`${item ? 'Saved' : 'Added'} “${saved.title}”`, 'success');
        onSaved(saved);
      },
    };
    if (item) {
      const body = errors.check(UpdateBacklogItemBodySchema.safeParse(toUpdateBacklogBody(values, initial)), event.currentTarget);
      if (body && !Object.keys(body).length) onClose();
      else if (body) update.mutate({ id: item.id, body }, done);
    } else {
      const body = errors.check(CreateBacklogItemBodySchema.safeParse(toCreateBacklogBody(values)), event.currentTarget);
      if (body) create.mutate(body, done);
    }
  };

  return (
    <FormDialog title={item ? 'Edit the backlog item' : 'New backlog item'} submitLabel={item ? 'Save' : 'Add backlog item'} busy={mutation.isPending} onSubmit={submit} onClose={onClose}>
      <Field label="Title" error={errors.field('title')}>
        {(props) => <TextInput {...props} {...input('title')} placeholder="e.g. Background exports with an email when ready" />}
      </Field>
      <Field label="Status" error={errors.field('status')}>
        {(props) => (
          <Select {...props} value={values.status} onChange={(event) => setValues({ ...values, status: event.target.value as BacklogStatus })}>
            {BACKLOG_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BACKLOG_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Description" hint="What would be built, and for whom." error={errors.field('description')}>
        {(props) => <TextArea {...props} rows={4} {...input('description')} />}
      </Field>
      <fieldset className="form-fieldset">
        <legend>In your tracker</legend>
        <div className="form-columns">
          <Field label="Issue key" hint="e.g. PROJ-12 or #482" error={errors.field('externalKey')}>
            {(props) => <TextInput {...props} {...input('externalKey')} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="Issue address" error={errors.field('externalUrl')}>
            {(props) => <TextInput {...props} {...input('externalUrl')} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://…" />}
          </Field>
        </div>
      </fieldset>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
