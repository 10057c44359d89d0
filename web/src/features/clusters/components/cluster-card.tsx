import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Cluster, UpdateClusterBody } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Select } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useUpdateCluster } from '../api/update-cluster';
import { distinctMembers } from '../lib/members';
import { ClusterLabelForm } from './cluster-label-form';
import { ClusterMembers } from './cluster-members';

/** Members a closed cluster shows, enough to tell what it is about. */
const PREVIEW_MEMBERS = 3;

type ClusterCardProps = {
  ws: string;
  runId: string;
  cluster: Cluster;
  /** The run's other clusters, where selected members can move. */
  others: Cluster[];
  expanded: boolean;
  onToggle: () => void;
  /** Open, whether it lists every member rather than the best ones. */
  showsAll: boolean;
  onShowAll: () => void;
  /** Researchers and up: viewers see no write controls. */
  canEdit: boolean;
  onPromote: () => void;
};

/**
 * One cluster: its label (a toggle that opens its members, renamed in place by researchers),
 * the words that set it apart, its size and how many customers and segments it comes from, what it was promoted to; open, its members, which
 * can be selected to move to another cluster or take out of this one (with Undo).
 */
export function ClusterCard({ ws, runId, cluster, others, expanded, onToggle, showsAll, onShowAll, canEdit, onPromote }: ClusterCardProps) {
  const update = useUpdateCluster(ws, runId);
  const rename = useUpdateCluster(ws, runId);
  const toast = useToast();
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState('');
  const [editing, setEditing] = useState(false);
  const cardRef = useRef<HTMLLIElement>(null);
  const focusAfterRename = useRef(false);
  const opening = useRef(false);
  const bodyId = `cluster-${cluster.id}-members`;

  // Opened low in the window, its members would start below the fold: the cluster moves up to be read.
  // Only when opened here: open already, as on the way back from the reader, it stays where the page was.
  useEffect(() => {
    if (!expanded || !opening.current) return;
    opening.current = false;
    const card = cardRef.current;
    if (card && card.getBoundingClientRect().top > window.innerHeight / 2) card.scrollIntoView({ block: 'start' });
  }, [expanded]);

  // Renamed or not, focus goes back to Rename, where the person was.
  useEffect(() => {
    if (editing || !focusAfterRename.current) return;
    focusAfterRename.current = false;
    cardRef.current?.querySelector<HTMLElement>('.cluster-rename')?.focus();
  }, [editing]);
  const stopEditing = () => {
    focusAfterRename.current = true;
    rename.reset();
    setEditing(false);
  };
  const save = (label: string) =>
    rename.mutate(
      { id: cluster.id, body: { label } },
      {
        onSuccess: (saved) => {
          toast.show(`Renamed to “${saved.label}”`, 'success');
          stopEditing();
        },
      },
    );

  /** Moves or takes out the selection; Undo puts the same members back in this cluster. */
  const change = (id: string, body: UpdateClusterBody, message: string) => {
    const ids = selected;
    update.mutate(
      { id, body },
      {
        onSuccess: () => {
          setSelected([]);
          setTarget('');
          // The selection bar and the members chosen are gone: focus goes to the cluster itself.
          cardRef.current?.querySelector<HTMLElement>('.cluster-toggle')?.focus();
          toast.show(message, 'success', {
            label: 'Undo',
            onClick: () => void update.mutateAsync({ id: cluster.id, body: { addMemberIds: ids } }).catch((error: Error) => toast.show(`Could not undo: ${error.message}`, 'error')),
          });
        },
        onError: (error) => toast.show(error.message, 'error'),
      },
    );
  };
  const targetCluster = others.find((other) => other.id === target);
  const move = () => targetCluster && change(targetCluster.id, { addMemberIds: selected }, `Moved ${countOf(selected.length, 'member')} to “${targetCluster.label}”`);
  const takeOut = () => change(cluster.id, { removeMemberIds: selected }, `Took ${countOf(selected.length, 'member')} out of “${cluster.label}”`);

  return (
    <li ref={cardRef} className={`card cluster${expanded ? ' expanded' : ''}`} id={`cluster-${cluster.id}`}>
      <div className="cluster-header">
        {editing ? (
          <ClusterLabelForm label={cluster.label} busy={rename.isPending} error={rename.error} onSave={save} onCancel={stopEditing} />
        ) : (
          <h3 className="cluster-title">
            <button
              type="button"
              className="cluster-toggle"
              aria-expanded={expanded}
              aria-controls={expanded ? bodyId : undefined}
              onClick={() => {
                opening.current = !expanded;
                onToggle();
              }}
            >
              <span className="cluster-caret" aria-hidden="true">
                {expanded ? '▾' : '▸'}
              </span>
              {cluster.label}
            </button>
          </h3>
        )}
        <span className="cluster-size">{countOf(cluster.size, 'member')}</span>
        <span className="cluster-breadth">
          {countOf(cluster.customerCount, 'customer')}
          {cluster.segmentCount > 0 && ` · ${countOf(cluster.segmentCount, 'segment')}`}
        </span>
        <span className="cluster-actions">
          {canEdit && !editing && (
            <Button size="sm" variant="ghost" className="cluster-rename" onClick={() => setEditing(true)} aria-label={`Rename “${cluster.label}”`}>
              Rename
            </Button>
          )}
          {cluster.promotedTo ? (
            <span className="cluster-promoted">
              <span aria-hidden="true">✓ </span>Promoted to <Link to={paths.problem(ws, cluster.promotedTo.id)}>{cluster.promotedTo.title}</Link>
            </span>
          ) : (
            canEdit && (
              <Button size="sm" onClick={onPromote} aria-keyshortcuts="p">
                Promote to problem
              </Button>
            )
          )}
        </span>
      </div>
      {cluster.terms.length > 0 && (
        <ul className="cluster-terms" aria-label={`Words that set “${cluster.label}” apart`}>
          {cluster.terms.map((term) => (
            <li key={term} className="term-chip">
              {term}
            </li>
          ))}
        </ul>
      )}
      {expanded ? (
        <div id={bodyId} className="stack cluster-body">
          {selected.length > 0 && (
            <div className="cluster-selection" role="region" aria-label={`Change the selected members of “${cluster.label}”`}>
              <strong>{selected.length} selected</strong>
              {others.length > 0 && (
                <>
                  <Select aria-label="Move to cluster" value={target} onChange={(event) => setTarget(event.target.value)}>
                    <option value="">Move to…</option>
                    {others.map((other) => (
                      <option key={other.id} value={other.id}>
                        {other.label} ({other.size.toLocaleString()})
                      </option>
                    ))}
                  </Select>
                  <Button size="sm" onClick={move} disabled={!targetCluster} busy={update.isPending && update.variables?.id !== cluster.id}>
                    Move
                  </Button>
                </>
              )}
              <Button size="sm" onClick={takeOut} busy={update.isPending && update.variables?.id === cluster.id}>
                Remove from cluster
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setSelected([])}>
                Clear selection
              </Button>
            </div>
          )}
          <ClusterMembers
            ws={ws}
            runId={runId}
            cluster={cluster}
            showAll={showsAll}
            onShowAll={onShowAll}
            selected={selected}
            onSelect={canEdit ? setSelected : undefined}
          />
        </div>
      ) : (
        cluster.members.length > 0 && (
          <ul className="cluster-preview" aria-label={`Most typical members of “${cluster.label}”`}>
            {distinctMembers(cluster.members, PREVIEW_MEMBERS).map((member) => (
              <li key={member.id}>{member.text}</li>
            ))}
          </ul>
        )
      )}
    </li>
  );
}
