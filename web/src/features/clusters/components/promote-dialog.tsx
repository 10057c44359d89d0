import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { EVIDENCE_LINKS_MAX, INSIGHT_PARENT_TYPE, INSIGHT_TYPES, PromoteClusterBodySchema, type Cluster, type InsightType } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { Segmented } from '../../../components/segmented';
import { useToast } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/form-errors';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { usePromoteCluster } from '../api/promote-cluster';

const PROMOTE_FIELDS = ['title', 'type', 'parentId', 'insightId'] as const;

export type InsightChoice = { id: string; title: string };

/** A picker of the insights that exist, which the page provides (features do not import each other). */
export type RenderInsightPicker = (picker: { label: string; busy: boolean; onChoose: (insight: InsightChoice) => void; onEscape: () => void }) => ReactNode;

type PromoteDialogProps = { ws: string; runId: string; cluster: Cluster; renderInsightPicker?: RenderInsightPicker; onClose: () => void; onPromoted: () => void };

/**
 * Promotes a cluster: a new problem (or opportunity, or solution) titled after its label, or an
 * insight that exists (chosen by name), with its best members as evidence. The toast opens it;
 * the cluster links to it from then on.
 */
export function PromoteDialog({ ws, runId, cluster, renderInsightPicker, onClose, onPromoted }: PromoteDialogProps) {
  const promote = usePromoteCluster(ws, runId);
  const catalog = useCatalog(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const [existing, setExisting] = useState(false);
  const [title, setTitle] = useState(cluster.label);
  const [type, setType] = useState<InsightType>('problem');
  const [parentId, setParentId] = useState('');
  const [target, setTarget] = useState<InsightChoice | null>(null);
  const [targetMissing, setTargetMissing] = useState(false);
  const targetField = useRef<HTMLDivElement>(null);
  const errors = useFormErrors(PROMOTE_FIELDS, promote.error);
  const parentType = INSIGHT_PARENT_TYPE[type];
  const parents = catalog.data?.insights.filter((insight) => insight.type === parentType) ?? [];

  // The picker and the choice take each other's place: once chosen (Enter), the next Enter adds to it from
  // the dialog's submit button; on Change, typing goes back into the picker.
  useEffect(() => {
    const field = targetField.current;
    if (target) field?.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer .btn-primary')?.focus();
    else field?.querySelector('input')?.focus();
  }, [target]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (existing && !target) {
      setTargetMissing(true);
      // Like a field's error (useFormErrors), the focus goes where the choice is made.
      targetField.current?.querySelector('input')?.focus();
      return;
    }
    const fields = existing && target ? { insightId: target.id } : { title, type, ...(parentType && parentId ? { parentId } : {}) };
    const body = errors.check(PromoteClusterBodySchema.safeParse(fields), event.currentTarget);
    if (!body) return;
    promote.mutate(
      { id: cluster.id, body },
      {
        onSuccess: (insight) => {
          const open = { label: 'Open', onClick: () => navigate(paths.problem(ws, insight.id)) };
          const kind = INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase();
          toast.show(existing ? `Added “${cluster.label}” to the ${kind} “${insight.title}”` : `Promoted “${cluster.label}” to the ${kind} “${insight.title}”`, 'success', open);
          onPromoted();
        },
      },
    );
  };

  const evidence = cluster.size > EVIDENCE_LINKS_MAX ? `The best ${EVIDENCE_LINKS_MAX.toLocaleString()} of its ${cluster.size.toLocaleString()} members` : `Its ${countOf(cluster.size, 'member')}`;
  const targetError = errors.field('insightId') ?? (targetMissing && !target ? 'Choose the problem to add the cluster to' : undefined);
  return (
    <FormDialog
      title={`Promote “${cluster.label}”`}
      submitLabel={existing ? 'Add as evidence' : `Promote to ${INSIGHT_TYPE_LABELS[type].one.toLowerCase()}`}
      busy={promote.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <p className="muted">
        {evidence} {cluster.size === 1 ? 'becomes its evidence, and counts' : 'become its evidence, and count'} among its customers
        {existing && '; what it has already counts once'}.
      </p>
      {renderInsightPicker && (
        <Segmented
          legend="Promote to"
          name="promote-to"
          options={[
            [false, 'New problem'],
            [true, 'Add to existing…'],
          ]}
          value={existing}
          onChange={setExisting}
        />
      )}
      {existing && renderInsightPicker ? (
        <div ref={targetField} className={`field${targetError ? ' field-invalid' : ''}`}>
          {target ? (
            <p className="row">
              <span>
                Adding to <strong>{target.title}</strong>
              </span>
              <Button size="sm" variant="ghost" onClick={() => setTarget(null)}>
                Change
              </Button>
            </p>
          ) : (
            renderInsightPicker({ label: 'Problem to add to', busy: promote.isPending, onChoose: setTarget, onEscape: onClose })
          )}
          {targetError && (
            <p className="field-error" role="alert">
              {targetError}
            </p>
          )}
        </div>
      ) : (
        <>
          <Field label="Title" hint="Say what customers struggle with; the cluster's label is only where to start." error={errors.field('title')}>
            {(props) => <TextInput {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
          </Field>
          <div className="form-columns">
            <Field label="Type" error={errors.field('type')}>
              {(props) => (
                <Select {...props} value={type} onChange={(event) => setType(event.target.value as InsightType)}>
                  {INSIGHT_TYPES.map((option) => (
                    <option key={option} value={option}>
                      {INSIGHT_TYPE_LABELS[option].one}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {parentType && (
              <Field label={`Under which ${INSIGHT_TYPE_LABELS[parentType].one.toLowerCase()}`} error={errors.field('parentId')}>
                {(props) => (
                  <Select {...props} value={parentId} onChange={(event) => setParentId(event.target.value)}>
                    <option value="">None (a branch of its own)</option>
                    {parents.map((parent) => (
                      <option key={parent.id} value={parent.id}>
                        {parent.title}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            )}
          </div>
        </>
      )}
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
