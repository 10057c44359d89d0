import { useState } from 'react';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { ClusterRunHistory } from '../../features/clusters/components/cluster-run-history';
import { ClustersEmptyState } from '../../features/clusters/components/clusters-empty-state';
import { NewRunDialog } from '../../features/clusters/components/new-run-dialog';
import { isTypingTarget, useDocumentKeyDown } from '../../lib/keyboard';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/clusters`: every cluster run, newest first; researchers start one here (`n`). */
export function ClustersRoute() {
  const workspace = useWorkspace();
  const [creating, setCreating] = useState(false);
  const canRun = workspace.can('researcher');

  useDocumentKeyDown((event) => {
    if (!canRun || event.key !== 'n' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    setCreating(true);
  });

  const newRun = (
    <Button variant="primary" onClick={() => setCreating(true)} aria-keyshortcuts="n">
      New cluster run
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Themes in what customers say: Cairn groups highlights, or short tickets and answers, that use the same words, so that hundreds read at a glance and a theme can become a problem."
        actions={canRun && newRun}
      />
      <ClusterRunHistory ws={workspace.id} empty={<ClustersEmptyState action={canRun ? newRun : undefined} />} />
      {creating && <NewRunDialog ws={workspace.id} onClose={() => setCreating(false)} />}
    </>
  );
}
