import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CreateInsightBodySchema, INSIGHT_PARENT_TYPE, INSIGHT_STATUSES, INSIGHT_TYPES, UpdateInsightBodySchema, type Insight, type InsightStatus, type InsightType } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextArea, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useToast } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/form-errors';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { paths } from '../../../lib/paths';
import { useCreateInsight } from '../api/create-insight';
import { useUpdateInsight } from '../api/update-insight';
import { INSIGHT_FIELDS, insightFormValues, toCreateInsightBody, toUpdateInsightBody, type InsightFormValues } from '../lib/form-values';
import { INSIGHT_STATUS_LABELS } from '../lib/labels';

const STATEMENT_HINTS: Record<InsightType, string> = {
  problem: 'One paragraph: who struggles, with what, and why it matters to them.',
  opportunity: 'What would change for customers if this problem were solved.',
  solution: 'What we could build or change, and how it answers the opportunity.',
};

type InsightFormDialogProps = {
  ws: string;
  /** The insight to edit; without one, the dialog adds one. Mount it when opening, so that it starts from the latest data. */
  insight?: Insight;
  /** A new insight's type and parent ("Add opportunity" under a problem): added where its parent is, its toast offers to open it. */
  preset?: { type: InsightType; parent: { id: string; title: string } };
  onClose: () => void;
  onSaved: (insight: Insight) => void;
};

/**
 * Adds or edits a problem, opportunity or solution. The parent picker offers only what the
 * opportunity-solution tree allows: problems for an opportunity, opportunities for a solution.
 */
export function InsightFormDialog({ ws, insight, preset, onClose, onSaved }: InsightFormDialogProps) {
  const create = useCreateInsight(ws);
  const update = useUpdateInsight(ws);
  const mutation = insight ? update : create;
  const catalog = useCatalog(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const [initial] = useState(() => insightFormValues(insight, preset && { type: preset.type, parentId: preset.parent.id }));
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(INSIGHT_FIELDS, mutation.error);
  const set = (change: Partial<InsightFormValues>) => setValues((current) => ({ ...current, ...change }));

  const parentType = INSIGHT_PARENT_TYPE[values.type];
  // The preset parent may be newer than the catalog, which is fetched again after each write.
  const known = [...(catalog.data?.insights ?? []), ...(preset && !catalog.data?.insights.some((candidate) => candidate.id === preset.parent.id) ? [{ ...preset.parent, type: INSIGHT_PARENT_TYPE[preset.type]! }] : [])];
  const parents = known.filter((candidate) => candidate.type === parentType && candidate.id !== insight?.id);
  const changeType = (type: InsightType) =>
    // A parent of the wrong type for the new type is dropped rather than sent to be refused.
    set({ type, parentId: known.some((candidate) => candidate.id === values.parentId && candidate.type === INSIGHT_PARENT_TYPE[type]) ? values.parentId : '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: (saved: Insight) => {
        const open = preset ? { label: 'Open', onClick: () => navigate(paths.problem(ws, saved.id)) } : undefined;
        toast.show(`${insight ? 'Saved' : 'Added'} the ${INSIGHT_TYPE_LABELS[saved.type].one.toLowerCase()} “${saved.title}”`, 'success', open);
        onSaved(saved);
      },
    };
    if (insight) {
      const body = errors.check(UpdateInsightBodySchema.safeParse(toUpdateInsightBody(values, initial)), event.currentTarget);
      if (body && !Object.keys(body).length) onClose();
      else if (body) update.mutate({ id: insight.id, body }, done);
    } else {
      const body = errors.check(CreateInsightBodySchema.safeParse(toCreateInsightBody(values)), event.currentTarget);
      if (body) create.mutate(body, done);
    }
  };

  const label = INSIGHT_TYPE_LABELS[values.type].one.toLowerCase();
  return (
    <FormDialog title={insight ? `Edit the ${label}` : `New ${label}`} submitLabel={insight ? 'Save' : `Add ${label}`} busy={mutation.isPending} onSubmit={submit} onClose={onClose}>
      <Field label="Title" error={errors.field('title')}>
        {(props) => <TextInput {...props} value={values.title} onChange={(event) => set({ title: event.target.value })} placeholder="e.g. Exports fail on large workspaces" />}
      </Field>
      <div className="form-columns">
        <Field label="Type" error={errors.field('type')}>
          {(props) => (
            <Select {...props} value={values.type} onChange={(event) => changeType(event.target.value as InsightType)}>
              {INSIGHT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {INSIGHT_TYPE_LABELS[type].one}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Status" error={errors.field('status')}>
          {(props) => (
            <Select {...props} value={values.status} onChange={(event) => set({ status: event.target.value as InsightStatus })}>
              {INSIGHT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {INSIGHT_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {parentType ? (
        <Field
          label={`Under which ${INSIGHT_TYPE_LABELS[parentType].one.toLowerCase()}`}
          hint={parents.length ? undefined : `No ${INSIGHT_TYPE_LABELS[parentType].many.toLowerCase()} yet: this one starts a branch of its own.`}
          error={errors.field('parentId')}
        >
          {(props) => (
            <Select {...props} value={values.parentId} onChange={(event) => set({ parentId: event.target.value })}>
              <option value="">None (a branch of its own)</option>
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {parent.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <p className="field-hint">A problem is a root of the opportunity-solution tree: opportunities go under it, and solutions under those.</p>
      )}
      <Field label="Statement" hint={STATEMENT_HINTS[values.type]} error={errors.field('statement')}>
        {(props) => <TextArea {...props} rows={5} value={values.statement} onChange={(event) => set({ statement: event.target.value })} />}
      </Field>
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
