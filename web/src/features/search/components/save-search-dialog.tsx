import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { ApiError } from '../../../lib/api-client';
import { useCreateSavedSearch } from '../api/create-saved-search';
import { filtersOf, type SearchState } from '../search-params';

export function SaveSearchDialog({ ws, state, open, onClose }: { ws: string; state: SearchState; open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const create = useCreateSavedSearch(ws);
  const toast = useToast();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, query: state.q, filters: filtersOf(state) },
      {
        onSuccess: () => {
          toast.show(`Saved “${name}” in the sidebar`, 'success');
          setName('');
          onClose();
        },
      },
    );
  };
  const fieldError = create.error instanceof ApiError ? create.error.fieldError('name') : undefined;
  return (
    <Dialog open={open} title="Save this search" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p className="muted">
          Everyone in the workspace sees saved searches in the sidebar. This one looks for <code>{state.q}</code>
          {Object.keys(filtersOf(state)).length ? ' with its filters' : ''}.
        </p>
        <Field label="Name" error={fieldError}>
          {(props) => <TextInput {...props} value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {!fieldError && <ErrorMessage error={create.error} />}
        <div className="row">
          <Button type="submit" variant="primary" busy={create.isPending}>
            Save search
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
