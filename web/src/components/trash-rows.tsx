import { useId, useLayoutEffect, useRef, type FocusEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { UseMutationResult } from '@tanstack/react-query';
import { formatDateTime } from '../lib/dates';
import { useWorkspace } from '../lib/workspace';
import { Button } from './button';
import { useToast } from './toast';

const RESTORE_REASON = 'Only researchers, admins and owners can restore from the trash.';

/** A row of a trash: what it is and when it went there. */
export type Trashed = { id: string; deletedAt?: string | null | undefined };

/**
 * What a page adds to a trash's rows from elsewhere (deleting for good): a note after when each
 * item was trashed (when it goes for good), and actions beside Restore, given the item's name.
 */
export type TrashExtras<T extends Trashed> = {
  note?: (item: T) => ReactNode;
  actions?: (item: T, title: string) => ReactNode;
};

type TrashRowsProps<T extends Trashed> = {
  items: T[];
  /** Accessible name of the list. */
  label: string;
  /** What restoring brings back, said above the list. */
  intro: ReactNode;
  /** The item's name in its buttons, toasts and dialogs. */
  titleOf: (item: T) => string;
  /** What the row shows of the item; its name by default. */
  show?: (item: T) => ReactNode;
  /** Type, status, counts, where it is from: what the item was, and what it comes back with. */
  describe: (item: T) => ReactNode;
  restore: UseMutationResult<unknown, Error, string>;
  /** The toast once restored: "Restored the problem “…”". */
  restoredMessage: (item: T) => string;
  /** Where the toast's Open goes: the item's own page, or its place in its source. */
  pageOf: (item: T) => string;
  /** Who may restore the item, as the server allows; researchers and up when absent. */
  mayRestore?: { item: (item: T) => boolean; reason: string };
  extras?: TrashExtras<T> | undefined;
};

/**
 * A trash's items, each with when it went and a Restore button (others see it disabled, with the
 * reason). Once restored, a toast opens it. The problems', backlog's and highlights' trashes.
 */
export function TrashRows<T extends Trashed>({ items, label, intro, titleOf, show, describe, restore, restoredMessage, pageOf, mayRestore, extras }: TrashRowsProps<T>) {
  const workspace = useWorkspace();
  const toast = useToast();
  const navigate = useNavigate();
  const reasonId = useId();
  const canRestore = mayRestore?.item ?? (() => workspace.can('researcher'));
  const reason = mayRestore?.reason ?? RESTORE_REASON;
  const list = useRef<HTMLUListElement>(null);
  // The row focus was last in, and its place: restored or deleted for good, it leaves with the button that had focus.
  const focusedRow = useRef<{ id: string; index: number } | null>(null);
  const noteFocusedRow = (event: FocusEvent) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.trash-row')?.dataset.id;
    if (id) focusedRow.current = { id, index: items.findIndex((item) => item.id === id) };
  };
  useLayoutEffect(() => {
    const gone = focusedRow.current;
    if (!gone || items.some((item) => item.id === gone.id)) return;
    focusedRow.current = null;
    // Focus fell to the page with the button: the row now in that place takes it (the last row at the end), so that the keyboard goes on from there.
    if (document.activeElement && document.activeElement !== document.body) return;
    const rows = list.current?.querySelectorAll<HTMLElement>('.trash-row') ?? [];
    rows[Math.min(gone.index, rows.length - 1)]?.querySelector('button')?.focus();
  }, [items]);

  const restoreItem = (item: T) =>
    restore.mutate(item.id, {
      onSuccess: () => toast.show(restoredMessage(item), 'success', { label: 'Open', onClick: () => navigate(pageOf(item)) }),
      onError: (error) => toast.show(error.message, 'error'),
    });

  return (
    <>
      <p className="muted trash-intro">
        {intro}
        {!items.every(canRestore) && (
          // aria-disabled buttons below point here: a disabled button cannot be focused, so its reason could not be read.
          <span id={reasonId}> {reason}</span>
        )}
      </p>
      <ul ref={list} className="trash-list card" aria-label={label} onFocus={noteFocusedRow}>
        {items.map((item) => {
          const title = titleOf(item);
          return (
            <li key={item.id} className="trash-row" data-id={item.id}>
              <div className="trash-row-main">
                {show ? show(item) : <span className="trash-row-title">{title}</span>}
                <span className="trash-row-meta">{describe(item)}</span>
              </div>
              {item.deletedAt && (
                <span className="muted small trash-row-when">
                  Trashed <time dateTime={item.deletedAt}>{formatDateTime(item.deletedAt)}</time>
                  {extras?.note?.(item)}
                </span>
              )}
              {canRestore(item) ? (
                <Button size="sm" busy={restore.isPending && restore.variables === item.id} onClick={() => restoreItem(item)} aria-label={`Restore “${title}”`}>
                  Restore
                </Button>
              ) : (
                <Button size="sm" aria-disabled="true" aria-describedby={reasonId} title={reason} aria-label={`Restore “${title}”`}>
                  Restore
                </Button>
              )}
              {extras?.actions?.(item, title)}
            </li>
          );
        })}
      </ul>
    </>
  );
}
