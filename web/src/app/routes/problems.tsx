import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Insight } from '@cairn/shared';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { TrashBar } from '../../features/erasure/components/trash-bar';
import { DeleteForeverButton, PurgeNote } from '../../features/erasure/components/trash-row-actions';
import { InsightFormDialog } from '../../features/insights/components/insight-form-dialog';
import { ProblemTree } from '../../features/insights/components/problem-tree';
import { InsightTrash, TrashTabs, useTrashView } from '../../features/insights/components/trash';
import { childTypeOf } from '../../features/insights/lib/labels';
import { isTypingTarget, useDocumentKeyDown } from '../../lib/keyboard';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** What the "New …" dialog adds: a problem, or a child under a row of the tree. */
type Creating = { parent: Insight | null } | null;

/**
 * `/w/:ws/problems`: the opportunity-solution tree, or its trash (`?view=trash`); `n` adds a problem,
 * which then opens, ready for its evidence. A child added from a row stays in the tree, under its
 * parent, for the next one: the tree is where a branch is built.
 */
export function ProblemsRoute() {
  const workspace = useWorkspace();
  const inTrash = useTrashView();
  const [creating, setCreating] = useState<Creating>(null);
  const navigate = useNavigate();
  const canEdit = workspace.can('researcher');
  const newProblem = canEdit ? () => setCreating({ parent: null }) : undefined;

  useDocumentKeyDown((event) => {
    if (!canEdit || event.key !== 'n' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    setCreating({ parent: null });
  });

  const parent = creating?.parent;
  const childType = parent ? childTypeOf(parent.type) : null;
  return (
    <>
      <PageHeader
        title="Problems"
        description="The problems customers have, the opportunities each opens and the solutions to them, each backed by the quotes and customers behind it."
        actions={
          newProblem && (
            <Button variant="primary" onClick={newProblem} aria-keyshortcuts="n">
              New problem
            </Button>
          )
        }
      />
      <TrashTabs page="Problems" main={{ label: 'Tree', to: paths.problems(workspace.id) }} trashTo={paths.problemsTrash(workspace.id)} />
      {inTrash ? (
        <div className="stack">
          <TrashBar ws={workspace.id} list="insights" />
          <InsightTrash
            ws={workspace.id}
            extras={{
              note: (item) => <PurgeNote ws={workspace.id} deletedAt={item.deletedAt} />,
              actions: (item) => <DeleteForeverButton ws={workspace.id} kind="insights" id={item.id} title={item.title} />,
            }}
          />
        </div>
      ) : (
        <ProblemTree ws={workspace.id} onAddChild={canEdit ? (insight) => setCreating({ parent: insight }) : undefined} onNewProblem={newProblem} />
      )}
      {creating && (
        <InsightFormDialog
          ws={workspace.id}
          preset={parent && childType ? { type: childType, parent } : undefined}
          onClose={() => setCreating(null)}
          onSaved={(saved) => (parent ? setCreating(null) : navigate(paths.problem(workspace.id, saved.id)))}
        />
      )}
    </>
  );
}
