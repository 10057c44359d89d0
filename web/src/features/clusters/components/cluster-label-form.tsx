import { useState, type FormEvent } from 'react';
import { UpdateClusterBodySchema } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { useFormErrors } from '../../../lib/form-errors';

type ClusterLabelFormProps = { label: string; busy: boolean; error: unknown; onSave: (label: string) => void; onCancel: () => void };

/** Renaming a cluster in place: Enter saves, Escape (or Cancel) leaves the label as it was. */
export function ClusterLabelForm({ label, busy, error, onSave, onCancel }: ClusterLabelFormProps) {
  const [value, setValue] = useState(label);
  const errors = useFormErrors(['label'], error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(UpdateClusterBodySchema.safeParse({ label: value }), event.currentTarget);
    if (!body?.label) return;
    if (body.label === label) onCancel();
    else onSave(body.label);
  };
  return (
    <form className="cluster-label-form" onSubmit={submit} noValidate>
      <Field label="Label" error={errors.field('label')}>
        {(props) => (
          <TextInput
            {...props}
            // Opened by the person's own Rename, so taking focus is what they expect.
            autoFocus
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              onCancel();
            }}
          />
        )}
      </Field>
      <div className="row">
        <Button type="submit" size="sm" variant="primary" busy={busy}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </form>
  );
}
