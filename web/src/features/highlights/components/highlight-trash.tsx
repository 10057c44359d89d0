import { useId, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { customerName, type HighlightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { useToast } from '../../../components/toast';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useWorkspace } from '../../../lib/workspace';
import { useRestoreHighlight } from '../api/restore-highlight';

/** How much of a quote names the highlight in buttons, toasts and the Delete forever dialog. */
const TITLE_LENGTH = 60;

const RESTORE_REASON = 'Contributors restore the highlights they made; researchers, admins and owners restore anyone’s.';

/** What the page adds to the trash from elsewhere (deleting for good). */
export type HighlightTrashExtras = {
  /** How long the trash keeps things: days, null while it keeps them until deleted forever, undefined until known. */
  retentionDays: number | null | undefined;
  /** After when each was trashed: when it goes for good. */
  note: (item: HighlightListItem) => ReactNode;
  /** Beside Restore (Delete forever), with the highlight's short title. */
  actions: (item: HighlightListItem, title: string) => ReactNode;
};

const titleOf = (item: HighlightListItem) => {
  const line = item.quote.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
};

/** "Highlights you move to the trash wait here for 30 days, then are deleted for good." */
function waitHere(retentionDays: number | null | undefined): string {
  if (retentionDays === undefined) return 'Highlights you move to the trash wait here until someone restores them or they are deleted for good.';
  if (retentionDays === null) return 'Highlights you move to the trash wait here until someone restores them or an admin deletes them forever.';
  return `Highlights you move to the trash wait here for ${countOf(retentionDays, 'day')}, then are deleted for good.`;
}

const COMES_BACK = 'Restoring one brings back its tags, note and evidence links. One trashed with its source is not here: it comes back with the source, from the Inbox’s trash.';

/** The trash's empty state: what waits here, for how long, and how things get here. */
export function HighlightTrashEmpty({ filtered, extras }: { filtered: boolean; extras: HighlightTrashExtras | undefined }) {
  if (filtered) {
    return (
      <EmptyState title="No highlight in the trash matches these filters" icon="🗑">
        Loosen a filter, or clear them all.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No highlights in the trash" icon="🗑">
      {waitHere(extras?.retentionDays)} Delete on a highlight in the reader’s side panel moves it here. {COMES_BACK}
    </EmptyState>
  );
}

/**
 * Highlights trashed on their own, most recently trashed first: each quote with its source and
 * customer, when it was trashed and when it goes for good, and Restore — for researchers and up,
 * and for contributors on their own highlights, as the server allows (others see it disabled, with
 * the reason). Once restored, a toast opens it in its source.
 */
export function HighlightTrashList({ ws, items, total, extras }: { ws: string; items: HighlightListItem[]; total: number; extras: HighlightTrashExtras | undefined }) {
  const workspace = useWorkspace();
  const restore = useRestoreHighlight(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const reasonId = useId();
  const canRestoreAny = workspace.can('researcher');
  const canRestore = (item: HighlightListItem) => canRestoreAny || (workspace.can('contributor') && item.createdBy?.id === workspace.userId);

  const restoreItem = (item: HighlightListItem, title: string) =>
    restore.mutate(item.id, {
      onSuccess: () => toast.show(`Restored “${title}”`, 'success', { label: 'Open', onClick: () => navigate(`${paths.source(ws, item.sourceId)}#h-${item.id}`) }),
      onError: (error) => toast.show(error.message, 'error'),
    });

  return (
    <div className="stack">
      <p className="muted trash-intro" aria-live="polite">
        {countOf(total, 'highlight')} in the trash. {waitHere(extras?.retentionDays)} {COMES_BACK}
        {!canRestoreAny && (
          // aria-disabled buttons below point here: a disabled button cannot be focused, so its reason could not be read.
          <span id={reasonId}> {RESTORE_REASON}</span>
        )}
      </p>
      <ul className="trash-list card" aria-label="Highlights in the trash">
        {items.map((item) => {
          const title = titleOf(item);
          const customer = item.customer && [customerName(item.customer), item.customer.company?.name].filter(Boolean).join(' · ');
          return (
            <li key={item.id} className="trash-row">
              <div className="trash-row-main">
                <blockquote className="highlight-quote">{item.quote}</blockquote>
                <span className="trash-row-meta muted small">
                  <Link to={paths.source(ws, item.sourceId)}>{item.source.title}</Link>
                  <span>
                    {SOURCE_KIND_LABELS[item.source.kind].one}
                    {customer && ` · ${customer}`} · {formatDate(item.source.occurredAt)}
                  </span>
                </span>
              </div>
              {item.deletedAt && (
                <span className="muted small trash-row-when">
                  Trashed <time dateTime={item.deletedAt}>{formatDateTime(item.deletedAt)}</time>
                  {extras?.note(item)}
                </span>
              )}
              {canRestore(item) ? (
                <Button size="sm" busy={restore.isPending && restore.variables === item.id} onClick={() => restoreItem(item, title)} aria-label={`Restore “${title}”`}>
                  Restore
                </Button>
              ) : (
                <Button size="sm" aria-disabled="true" aria-describedby={reasonId} title={RESTORE_REASON} aria-label={`Restore “${title}”`}>
                  Restore
                </Button>
              )}
              {extras?.actions(item, title)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
