import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error';
/** One button on the toast: Undo, or Open what was just made. Pressing it dismisses the toast. */
export type ToastAction = { label: string; onClick: () => void };
/**
 * Two separate things: `replaces`, the group a newer toast takes the place of an older one in (see
 * `pushToast`); `key`, what `dismiss` takes the toast away by. The reader's "Highlighted as …"
 * toasts replace one another, yet the one whose Undo restores a highlight goes when that highlight
 * leaves the trash another way. `onGone` is told once the toast has gone, whichever way (its time
 * up, dismissed, replaced, its action pressed): what offers its action besides the button (the
 * reader's `u`) offers it no longer.
 */
export type ToastOptions = { replaces?: string; key?: string; onGone?: () => void };
export type Toast = { id: number; message: string; tone: Tone; action?: ToastAction } & ToastOptions;
type ToastApi = {
  show: (message: string, tone?: Tone, action?: ToastAction, options?: ToastOptions) => void;
  /** Takes away the toasts shown with this `key`: an Undo whose change was undone another way has nothing left to do. */
  dismiss: (key: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);
/** More than this and the stack covers the page it reports on; the oldest go first. */
export const TOAST_LIMIT = 3;
/** A success only confirms what the person just did; a hint takes longer to read; a failure stays until dismissed, as it may need acting on. */
const TOAST_MS: Record<Tone, number | null> = { success: 5000, info: 8000, error: null };
/** A toast with an action (Undo) stays long enough to reach for it. */
const ACTION_TOAST_MS = 10_000;
/** While the pointer or the focus is on the toasts, a toast whose time is up looks again this much later. */
const PAUSED_RECHECK_MS = 1_000;
let nextId = 1;

/** The group a toast replaces an older one in: the one it was given, else its words and tone (the same words twice tell nothing more). */
const groupOf = (toast: Toast) => toast.replaces ?? `${toast.tone}: ${toast.message}`;

/**
 * The stack with a new toast on top, in place of an older one of its group (`replaces` when given:
 * "Highlighted as …" after "Highlighted as …"), cut to the limit: the oldest toast without an action goes first, so that
 * a run of different changes does not take away the Undo of an earlier one.
 */
export function pushToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  const stack = [toast, ...toasts.filter((older) => groupOf(older) !== groupOf(toast))];
  while (stack.length > TOAST_LIMIT) {
    const plain = stack.findLastIndex((candidate) => !candidate.action);
    stack.splice(plain > 0 ? plain : stack.length - 1, 1);
  }
  return stack;
}

export function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  // "Undo" alone does not say what it undoes when two toasts offer it: the button is described by its message.
  const messageId = `toast-${toast.id}-message`;
  return (
    <div className={`toast toast-${toast.tone}`}>
      <span id={messageId}>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          aria-describedby={messageId}
          onClick={() => {
            toast.action!.onClick();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-dismiss" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** News is announced politely to screen readers, failures as alerts. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // The stack as last changed, ahead of the render that draws it: a toast that leaves it is told
  // (`onGone`) at once and once, even one replaced before it was ever drawn.
  const stack = useRef<Toast[]>([]);
  const change = useCallback((next: (current: Toast[]) => Toast[]) => {
    const before = stack.current;
    stack.current = next(before);
    setToasts(stack.current);
    for (const toast of before) if (!stack.current.includes(toast)) toast.onGone?.();
  }, []);
  const dismiss = useCallback((id: number) => change((current) => current.filter((t) => t.id !== id)), [change]);
  // No toast goes while someone is reading it or has tabbed to its Undo (WCAG 2.2.1, timing
  // adjustable). Asked when the time is up rather than tracked by events: a focused button that
  // disappears sends no blur.
  const region = useRef<HTMLDivElement>(null);
  const expire = useCallback(
    (id: number) => {
      if (region.current?.matches(':hover, :focus-within')) setTimeout(() => expire(id), PAUSED_RECHECK_MS);
      else dismiss(id);
    },
    [dismiss],
  );
  const show = useCallback(
    (message: string, tone: Tone = 'info', action?: ToastAction, options?: ToastOptions) => {
      const id = nextId++;
      change((current) => pushToast(current, { id, message, tone, action, ...options }));
      const ms = action && tone !== 'error' ? ACTION_TOAST_MS : TOAST_MS[tone];
      if (ms !== null) setTimeout(() => expire(id), ms);
    },
    [change, expire],
  );

  // The toasts cover the bottom of the window: what takes focus scrolls clear of them (the page's
  // scroll padding, `--toasts-height`), and what has focus when one lands on it scrolls up above it
  // (the turn just tagged by keyboard, say).
  useLayoutEffect(() => {
    const box = region.current?.getBoundingClientRect();
    const height = box && toasts.length ? Math.max(0, window.innerHeight - box.top) : 0;
    document.documentElement.style.setProperty('--toasts-height', `${height}px`);
    const focused = document.activeElement;
    if (!box || !height || !(focused instanceof HTMLElement) || focused === document.body || region.current!.contains(focused)) return;
    const rect = focused.getBoundingClientRect();
    if (rect.bottom > box.top && rect.top < box.bottom && rect.right > box.left && rect.left < box.right) focused.scrollIntoView({ block: 'nearest' });
  }, [toasts]);

  const dismissKey = useCallback((key: string) => change((current) => current.filter((toast) => toast.key !== key)), [change]);
  const api = useMemo(() => ({ show, dismiss: dismissKey }), [show, dismissKey]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" ref={region}>
        <div className="toast-stack" role="status" aria-live="polite">
          {toasts.map((toast) => toast.tone !== 'error' && <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />)}
        </div>
        {/* Failures interrupt: an alert region, always present so that what lands in it is announced. */}
        <div className="toast-stack" role="alert">
          {toasts.map((toast) => toast.tone === 'error' && <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />)}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider');
  return api;
}

/** The key of a toast whose Undo brings this item back from a trash (see `useDismissUndoOfLeaving`). */
export const restoreUndoKey = (id: string) => `restore ${id}`;

/**
 * Takes away the Undo of an item that left a trash another way (Restore, or deleted for good, in
 * the trash's list, given as `items` once loaded): it would restore what is back already, or
 * answer that nothing is there. `list` names what the list shows (its filters): an item that only
 * stops matching them has not left the trash. Called above the list, so that it sees the last
 * item go too (the trash's empty state then takes the list's place). `keyOf` names the toasts an
 * item leaving takes away: by default those restoring it; the reader's, those changing a
 * highlight of its source while it is live (trashed or deleted for good, it left them).
 */
export function useDismissUndoOfLeaving(items: ReadonlyArray<{ id: string }> | undefined, list = '', keyOf: (id: string) => string = restoreUndoKey) {
  const { dismiss } = useToast();
  const shown = useRef<{ list: string; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    if (!items) return;
    const ids = new Set(items.map((item) => item.id));
    if (shown.current?.list === list) for (const id of shown.current.ids) if (!ids.has(id)) dismiss(keyOf(id));
    shown.current = { list, ids };
  }, [items, list, keyOf, dismiss]);
}
