import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { formatDate } from '../../../lib/dates';

/** A problem's or backlog item's page that did not load (in the trash, a lost connection): why, and the way back to its list. */
export function NotLoaded({ error, back, children }: { error: Error | null; back: string; children: ReactNode }) {
  return (
    <div className="stack">
      <ErrorMessage error={error} />
      <p>
        <Link to={back}>{children}</Link>
      </p>
    </div>
  );
}

/** Who added a problem or backlog item, and when. */
export function AddedBy({ entity }: { entity: { createdBy: { name: string } | null; createdAt: string } }) {
  return (
    <span className="muted">
      {entity.createdBy ? `Added by ${entity.createdBy.name} on ` : 'Added on '}
      <time dateTime={entity.createdAt}>{formatDate(entity.createdAt)}</time>
    </span>
  );
}
