import { useState, type FormEvent } from 'react';
import { SOURCE_TITLE_MAX_LENGTH, UpdateSourceBodySchema, type Source } from '@cairn/shared';
import { FormDialog } from '../../../components/form-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextArea, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { useFormErrors } from '../../../lib/form-errors';
import { useUpdateSource } from '../api/update-source';
import { SOURCE_FIELDS, sourceFormValues, toUpdateSourceBody, type SourceFormValues } from '../lib/source-form-values';


/**
 * Edits a source's title, date, customer and text. Mount it when opening, so that it starts from
 * the source as it is now. The text is fixed once highlights point into it: the server answers
 * 409, shown at the text, and everything typed stays for another try.
 */
export function SourceEditDialog({ ws, source, onClose, onSaved }: { ws: string; source: Source; onClose: () => void; onSaved: (source: Source) => void }) {
  const update = useUpdateSource(ws);
  const [initial] = useState(() => sourceFormValues(source));
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(SOURCE_FIELDS, update.error);
  const conflict = update.error instanceof ApiError && update.error.code === 'conflict' ? update.error.message : undefined;
  const input = (key: keyof SourceFormValues) => ({ value: values[key], onChange: (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value }) });
  const highlighted = source.highlights.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(UpdateSourceBodySchema.safeParse(toUpdateSourceBody(values, initial)), event.currentTarget);
    if (!body) return;
    if (!Object.keys(body).length) return onClose();
    update.mutate({ id: source.id, body }, { onSuccess: onSaved });
  };

  const textHint = [
    highlighted ? `${highlighted} highlight${highlighted === 1 ? ' points' : 's point'} into this text: it can change only once they are deleted.` : null,
    source.segments?.length ? 'A new text replaces the speaker turns with plain text.' : null,
  ].filter(Boolean);

  return (
    <FormDialog
      title="Edit source"
      submitLabel="Save changes"
      busy={update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label="Title" error={errors.field('title')}>
        {(props) => <TextInput {...props} {...input('title')} maxLength={SOURCE_TITLE_MAX_LENGTH} autoFocus />}
      </Field>
      <Field label="Said on" hint="When the customer said it, in your time zone." error={errors.field('occurredAt')}>
        {(props) => <TextInput {...props} {...input('occurredAt')} type="datetime-local" />}
      </Field>
      <fieldset className="form-fieldset">
        <legend>Customer</legend>
        <div className="form-columns">
          <Field label="Customer name" error={errors.field('customer.name')}>
            {(props) => <TextInput {...props} {...input('customerName')} autoComplete="off" />}
          </Field>
          <Field label="Customer email" error={errors.field('customer.email')}>
            {(props) => <TextInput {...props} {...input('customerEmail')} type="email" autoComplete="off" />}
          </Field>
        </div>
        <p className="field-hint">Matched by email, then by name; someone new is added as a customer. Empty both to detach the customer. Edit a customer's own details on their profile.</p>
      </fieldset>
      <Field label="Text" hint={textHint.length ? textHint.join(' ') : undefined} error={errors.field('body') ?? conflict}>
        {(props) => <TextArea {...props} {...input('body')} rows={10} />}
      </Field>
      {errors.other && !conflict ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
