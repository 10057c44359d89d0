import type { BacklogStatus, InsightStatus, InsightType } from '@cairn/shared';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { BACKLOG_STATUS_LABELS, INSIGHT_STATUS_LABELS } from '../lib/labels';

export function InsightTypeBadge({ type, id }: { type: InsightType; id?: string }) {
  const label = INSIGHT_TYPE_LABELS[type];
  return (
    <span id={id} className={`badge insight-type insight-type-${type}`}>
      <span aria-hidden="true">{label.icon}</span> {label.one}
    </span>
  );
}

export function InsightStatusBadge({ status, id }: { status: InsightStatus; id?: string }) {
  return <span id={id} className={`badge status-badge status-${status}`}>{INSIGHT_STATUS_LABELS[status]}</span>;
}

export function BacklogStatusBadge({ status }: { status: BacklogStatus }) {
  return <span className={`badge status-badge status-${status}`}>{BACKLOG_STATUS_LABELS[status]}</span>;
}
