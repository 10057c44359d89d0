import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { CLUSTER_K_MAX, CLUSTER_K_MIN, CLUSTER_TARGETS, type ClusterTarget, type SourceKind } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useFormErrors } from '../../../lib/form-errors';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useStartClusterRun } from '../api/start-cluster-run';
import { checkRunForm, countableScope, offeredKinds, RUN_FORM_FIELDS, runFormValues, toCreateClusterRunBody, type RunFormValues } from '../lib/run-form';
import { TARGET_LABELS } from '../lib/run-words';
import { ScopeCount } from './scope-count';
import { TagScopePicker } from './tag-scope-picker';

const TARGET_HINTS: Record<ClusterTarget, string> = {
  highlights: 'The passages your team marked, from every kind of source: themes across what you already know.',
  sources: 'Short tickets, survey answers, reviews and notes, each as a whole: to triage feedback nobody has read yet.',
};

/** A group of radios or checkboxes with its legend, and the error of the field they fill. */
function Choices({ legend, error, className = '', children }: { legend: string; error?: string; className?: string; children: ReactNode }) {
  const errorId = useId();
  return (
    <fieldset className={`form-fieldset ${className}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * "New cluster run": which texts (target, kinds, tags, dates, segment, untriaged sources), with
 * how many the scope holds as it changes, how many clusters, and optionally the seed. Starting it
 * opens the run's page, where it shows its progress.
 */
export function NewRunDialog({ ws, onClose }: { ws: string; onClose: () => void }) {
  const start = useStartClusterRun(ws);
  const navigate = useNavigate();
  const [values, setValues] = useState(runFormValues);
  const [advanced, setAdvanced] = useState(false);
  const errors = useFormErrors(RUN_FORM_FIELDS, start.error);
  const set = (change: Partial<RunFormValues>) => setValues((current) => ({ ...current, ...change }));
  const toggleKind = (kind: SourceKind, checked: boolean) => set({ kinds: checked ? [...values.kinds, kind] : values.kinds.filter((k) => k !== kind) });
  const asked = toCreateClusterRunBody(values);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(checkRunForm(values), event.currentTarget);
    if (body) start.mutate(body, { onSuccess: ({ id }) => navigate(paths.clusterRun(ws, id)) });
  };

  return (
    <FormDialog title="New cluster run" submitLabel="Start clustering" busy={start.isPending} onSubmit={submit} onClose={onClose}>
      <Choices legend="What to group" className="cluster-targets" error={errors.field('scope.target')}>
        {CLUSTER_TARGETS.map((target) => (
          <label key={target} className="checkbox-row cluster-choice">
            <input type="radio" name="target" value={target} checked={values.target === target} onChange={() => set({ target })} />
            <span>
              <strong>{TARGET_LABELS[target]}</strong>
              <span className="field-hint">{TARGET_HINTS[target]}</span>
            </span>
          </label>
        ))}
      </Choices>
      <Choices legend="Kinds of source" className="cluster-kinds" error={errors.field('scope.kinds')}>
        <div className="row">
          {offeredKinds(values.target).map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                // Marked like a field's control, so that the first box takes the focus when none is ticked.
                aria-invalid={errors.field('scope.kinds') ? true : undefined}
                checked={values.kinds.includes(kind)}
                onChange={(event) => toggleKind(kind, event.target.checked)}
              />{' '}
              {SOURCE_KIND_LABELS[kind].many}
            </label>
          ))}
        </div>
        {values.target === 'sources' && <p className="field-hint">Interviews are too long to group whole: cluster their highlights.</p>}
      </Choices>
      <TagScopePicker
        ws={ws}
        tagIds={values.tagIds}
        onChange={(tagIds) => set({ tagIds })}
        hint={values.target === 'sources' ? 'Sources with a highlight carrying any of these tags.' : 'Highlights carrying any of these tags.'}
        error={errors.field('scope.tagIds')}
      />
      <div className="form-columns">
        <Field label="Said from" error={errors.field('scope.from')}>
          {(props) => <TextInput {...props} type="date" value={values.from} onChange={(event) => set({ from: event.target.value })} />}
        </Field>
        <Field label="to" error={errors.field('scope.to')}>
          {(props) => <TextInput {...props} type="date" value={values.to} onChange={(event) => set({ to: event.target.value })} />}
        </Field>
        <Field label="Segment" hint="The customer's company segment." error={errors.field('scope.segment')}>
          {(props) => <TextInput {...props} placeholder="e.g. Enterprise" value={values.segment} onChange={(event) => set({ segment: event.target.value })} />}
        </Field>
      </div>
      {values.target === 'sources' && (
        <label className="checkbox-row cluster-choice">
          <input type="checkbox" checked={values.untriaged} onChange={(event) => set({ untriaged: event.target.checked })} />
          <span>
            Only sources nobody has triaged yet
            <span className="field-hint">What the triage queue still holds: sources with a tagged highlight, or one linked to a problem or backlog item, are left out.</span>
          </span>
        </label>
      )}
      <ScopeCount ws={ws} scope={countableScope(asked)} k={asked.k ?? 'auto'} />
      <Choices legend="Number of clusters" className="cluster-k" error={errors.field('k')}>
        <label className="checkbox">
          <input type="radio" name="k" checked={values.kMode === 'auto'} onChange={() => set({ kMode: 'auto' })} /> Auto: the number whose clusters stand furthest apart
        </label>
        <div className="row">
          <label className="checkbox">
            <input type="radio" name="k" checked={values.kMode === 'exact'} onChange={() => set({ kMode: 'exact' })} /> Exactly
          </label>
          <input
            className="input cluster-k-input"
            type="number"
            min={CLUSTER_K_MIN}
            max={CLUSTER_K_MAX}
            step={1}
            aria-label="Number of clusters"
            aria-invalid={errors.field('k') ? true : undefined}
            value={values.k}
            onChange={(event) => set({ k: event.target.value, kMode: 'exact' })}
          />
        </div>
      </Choices>
      <details className="cluster-advanced" open={advanced || !!errors.field('seed')} onToggle={(event) => setAdvanced(event.currentTarget.open)}>
        <summary>Advanced</summary>
        <Field label="Seed" hint="The same texts, number of clusters and seed always give the same clusters. Left empty, Cairn picks one and keeps it with the run." error={errors.field('seed')}>
          {(props) => <TextInput {...props} type="number" min={0} step={1} value={values.seed} onChange={(event) => set({ seed: event.target.value })} />}
        </Field>
      </details>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
