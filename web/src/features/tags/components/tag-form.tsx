import { useState, type FormEvent } from 'react';
import type { CreateTagBody, Tag } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextArea, TextInput } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';

const DEFAULT_COLOR = '#3d5a80';

type TagFormProps = {
  tag?: Tag;
  groups: string[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: CreateTagBody) => void;
  onCancel?: () => void;
};

/** Name, group, colour and description: creating a tag and editing one use the same form. */
export function TagForm({ tag, groups, submitLabel, busy, error, onSubmit, onCancel }: TagFormProps) {
  const [name, setName] = useState(tag?.name ?? '');
  const [group, setGroup] = useState(tag?.group ?? '');
  const [color, setColor] = useState(tag?.color ?? DEFAULT_COLOR);
  const [description, setDescription] = useState(tag?.description ?? '');
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name, group: group.trim() || null, color, description: description.trim() || null });
  };
  const listId = `tag-groups-${tag?.id ?? 'new'}`;
  return (
    <form className="form tag-form" onSubmit={submit}>
      <div className="form-row">
        {/* A new tag's form opens (and reopens after each tag) ready to type: a codebook is built by keyboard. */}
        <Field label="Name" error={fieldError('name')}>
          {(props) => <TextInput {...props} value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} autoFocus={!tag} />}
        </Field>
        <Field label="Group" hint="e.g. Feature area, Emotion">
          {(props) => <TextInput {...props} list={listId} value={group} onChange={(event) => setGroup(event.target.value)} maxLength={80} />}
        </Field>
        <datalist id={listId}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <Field label="Colour" error={fieldError('color')}>
          {(props) => <input {...props} type="color" className="input color-input" value={color} onChange={(event) => setColor(event.target.value)} />}
        </Field>
      </div>
      <Field label="Description" hint="When to use this tag, for everyone who codes evidence.">
        {(props) => <TextArea {...props} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      {!fieldError('name') && <ErrorMessage error={error} />}
      <div className="row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
