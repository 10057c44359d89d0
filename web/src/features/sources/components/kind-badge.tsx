import type { SourceKind } from '@cairn/shared';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';

export function KindBadge({ kind }: { kind: SourceKind }) {
  const label = SOURCE_KIND_LABELS[kind];
  return (
    <span className={`kind-badge kind-${kind}`}>
      <span aria-hidden="true">{label.icon}</span> {label.one}
    </span>
  );
}
