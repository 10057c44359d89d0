import type { ImportSummary } from '@cairn/shared';
import { describeStatus } from '../../../lib/import-words';

export function ImportStatusBadge({ item }: { item: Pick<ImportSummary, 'status' | 'format' | 'counts' | 'skipped'> }) {
  const { label, warning } = describeStatus(item);
  return <span className={`badge import-status import-status-${warning ? 'warning' : item.status}`}>{label}</span>;
}
