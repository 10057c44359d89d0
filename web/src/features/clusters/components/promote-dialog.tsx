import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { EVIDENCE_LINKS_MAX, INSIGHT_PARENT_TYPE, INSIGHT_TYPES, PromoteClusterBodySchema, type Cluster, type InsightType } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextInput } from '../../../components/field';
import { FormDialog } from '../../../components/form-dialog';
import { useToast } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { useFormErrors } from '../../../lib/form-errors';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { usePromoteCluster } from '../api/promote-cluster';

const PROMOTE_FIELDS = ['title', 'type', 'parentId'] as const;

type PromoteDialogProps = { ws: string; runId: string; cluster: Cluster; onClose: () => void; onPromoted: () => void };

/**
 * Promotes a cluster: a new problem (or opportunity, or solution) titled after its label, with
 * its best members as evidence. The toast opens it; the cluster links to it from then on.
 */
export function PromoteDialog({ ws, runId, cluster, onClose, onPromoted }: PromoteDialogProps) {
  const promote = usePromoteCluster(ws, runId);
  const catalog = useCatalog(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const [title, setTitle] = useState(cluster.label);
  const [type, setType] = useState<InsightType>('problem');
  const [parentId, setParentId] = useState('');
  const errors = useFormErrors(PROMOTE_FIELDS, promote.error);
  const parentType = INSIGHT_PARENT_TYPE[type];
  const parents = catalog.data?.insights.filter((insight) => insight.type === parentType) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = errors.check(PromoteClusterBodySchema.safeParse({ title, type, ...(parentType && parentId ? { parentId } : {}) }));
    if (!body) return;
    promote.mutate(
      { id: cluster.id, body },
      {
        onSuccess: (insight) => {
          const open = { label: 'Open', onClick: () => navigate(paths.problem(ws, insight.id)) };
          toast.show(`Promoted “${cluster.label}” to the ${INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase()} “${insight.title}”`, 'success', open);
          onPromoted();
        },
      },
    );
  };

  const evidence = cluster.size > EVIDENCE_LINKS_MAX ? `The best ${EVIDENCE_LINKS_MAX.toLocaleString()} of its ${cluster.size.toLocaleString()} members` : `Its ${countOf(cluster.size, 'member')}`;
  return (
    <FormDialog title={`Promote “${cluster.label}”`} submitLabel={`Promote to ${INSIGHT_TYPE_LABELS[type].one.toLowerCase()}`} busy={promote.isPending} onSubmit={submit} onClose={onClose}>
      <p className="muted">{evidence} {cluster.size === 1 ? 'becomes its evidence, and counts' : 'become its evidence, and count'} among its customers.</p>
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
      {errors.other ? <ErrorMessage error={errors.other} /> : null}
    </FormDialog>
  );
}
