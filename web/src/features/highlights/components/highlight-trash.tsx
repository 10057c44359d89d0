import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { customerName, type HighlightListItem } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { TrashRows, type TrashExtras } from '../../../components/trash-rows';
import { formatDate } from '../../../lib/dates';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useWorkspace } from '../../../lib/workspace';
import { useRestoreHighlight } from '../../reader/api/restore-highlight';

/** How much of a quote names the highlight in buttons, toasts and the Delete forever dialog. */
const TITLE_LENGTH = 60;

const RESTORE_REASON = 'Contributors restore the highlights they made; researchers, admins and owners restore anyone’s.';

/** What the page adds to the trash from elsewhere (deleting for good): `bar` above it (how long it keeps things, Empty trash), and to its rows. */
export type HighlightTrashExtras = TrashExtras<HighlightListItem> & { bar?: ReactNode };

const titleOf = (item: HighlightListItem) => {
  const line = item.quote.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
};

const COMES_BACK = 'Restoring one brings back its tags, note and evidence links. One trashed with its source is not here: it comes back with the source, from the Inbox’s trash.';

/** The trash's empty state: what waits here and how things get here (the bar above says for how long). */
export function HighlightTrashEmpty({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState title="No highlight in the trash matches these filters" icon="🗑">
        Loosen a filter, or clear them all.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No highlights in the trash" icon="🗑">
      Highlights you move to the trash wait here until someone restores them or they are deleted for good. Delete on a highlight in the reader’s side panel moves it here. {COMES_BACK}
    </EmptyState>
  );
}

/**
 * Highlights trashed on their own, most recently trashed first: each quote with its source and
 * customer, when it was trashed and when it goes for good, and Restore — for researchers and up,
 * and for contributors on their own highlights, as the server allows. Once restored, a toast opens
 * it in its source.
 */
export function HighlightTrashList({ ws, items, total, extras }: { ws: string; items: HighlightListItem[]; total: number; extras: HighlightTrashExtras | undefined }) {
  const workspace = useWorkspace();
  const restore = useRestoreHighlight(ws);
  const mayRestore = (item: HighlightListItem) => workspace.can('researcher') || (workspace.can('contributor') && item.createdBy?.id === workspace.userId);
  return (
    <div className="stack">
      <TrashRows
        items={items}
        label="Highlights in the trash"
        intro={`${countOf(total, 'highlight')} in the trash. ${COMES_BACK}`}
        titleOf={titleOf}
        show={(item) => <blockquote className="highlight-quote">{item.quote}</blockquote>}
        describe={(item) => {
          const customer = item.customer && [customerName(item.customer), item.customer.company?.name].filter(Boolean).join(' · ');
          return (
            <>
              <Link to={paths.source(ws, item.sourceId)} className="small">
                {item.source.title}
              </Link>
              <span className="muted small">
                {SOURCE_KIND_LABELS[item.source.kind].one}
                {customer && ` · ${customer}`} · {formatDate(item.source.occurredAt)}
              </span>
            </>
          );
        }}
        restore={restore}
        restoredMessage={(item) => `Restored “${titleOf(item)}”`}
        pageOf={(item) => `${paths.source(ws, item.sourceId)}#h-${item.id}`}
        mayRestore={{ item: mayRestore, reason: RESTORE_REASON }}
        extras={extras}
      />
    </div>
  );
}
