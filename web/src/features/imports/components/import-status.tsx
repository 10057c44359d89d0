import type { ImportStatus } from '@cairn/shared';

const LABELS: Record<ImportStatus, string> = { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed' };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <span className={`badge import-status import-status-${status}`}>{LABELS[status]}</span>;
}
