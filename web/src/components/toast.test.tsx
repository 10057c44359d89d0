// @vitest-environment happy-dom
import { act, createElement, useEffect } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, mountRoot } from '../testing/mount';
import { toastTexts } from '../testing/react-dom';
import { pushToast, restoreUndoKey, TOAST_LIMIT, ToastItem, useDismissUndoOfLeaving, useToast, type Toast, type ToastOptions } from './toast';

const toast = (id: number, tone: Toast['tone'] = 'success', action?: Toast['action']): Toast => ({ id, message: `Toast ${id}`, tone, action });

describe('pushToast', () => {
  it('puts the newest toast first', () => {
    expect(pushToast([toast(1)], toast(2)).map((t) => t.id)).toEqual([2, 1]);
  });

  it('drops the oldest toasts past the limit, whatever their tone', () => {
    let stack: Toast[] = [];
    const last = TOAST_LIMIT + 2;
    for (let id = 1; id <= last; id++) stack = pushToast(stack, toast(id, id === 1 ? 'error' : 'success'));
    expect(stack.map((t) => t.id)).toEqual(Array.from({ length: TOAST_LIMIT }, (_, index) => last - index));
  });

  it('keeps a toast with an action (Undo) over older plain ones', () => {
    let stack: Toast[] = [];
    stack = pushToast(stack, toast(1, 'success', { label: 'Undo', onClick: () => {} }));
    for (let id = 2; id <= TOAST_LIMIT + 2; id++) stack = pushToast(stack, toast(id));
    expect(stack.map((t) => t.id)).toContain(1);
    expect(stack).toHaveLength(TOAST_LIMIT);
  });

  it('replaces an older toast of the same group with the newer, on top, and keeps the others', () => {
    const undo = { label: 'Undo', onClick: () => {} };
    let stack: Toast[] = [];
    stack = pushToast(stack, { ...toast(1, 'success', undo), message: 'Highlighted as Cards', replaces: 'highlighted' });
    stack = pushToast(stack, toast(2, 'info'));
    stack = pushToast(stack, { ...toast(3, 'success', undo), message: 'Highlighted as Fees', replaces: 'highlighted' });
    expect(stack.map((t) => [t.id, t.message])).toEqual([
      [3, 'Highlighted as Fees'],
      [2, 'Toast 2'],
    ]);
  });

  it('replaces by group, not by key: toasts with one key and no group stay side by side', () => {
    const stack = pushToast([{ ...toast(1), key: 'restore a' }], { ...toast(2), key: 'restore a' });
    expect(stack.map((t) => t.id)).toEqual([2, 1]);
  });

  it('takes the same words in the same tone for one group, so a hint asked for twice shows once', () => {
    const hint = (id: number, tone: Toast['tone'] = 'info'): Toast => ({ id, message: 'Select a passage first', tone });
    expect(pushToast([hint(1)], hint(2)).map((t) => t.id)).toEqual([2]);
    expect(pushToast([hint(1, 'error')], hint(2)).map((t) => t.id)).toEqual([2, 1]);
  });
});

describe('ToastItem', () => {
  it('describes its action by its message, so that an Undo says what it undoes', () => {
    const html = renderToStaticMarkup(createElement(ToastItem, { toast: toast(7, 'success', { label: 'Undo', onClick: () => {} }), onDismiss: () => {} }));
    const describedBy = /<button[^>]*aria-describedby="([^"]+)"[^>]*>Undo<\/button>/.exec(html)?.[1];
    expect(describedBy).toBeDefined();
    expect(new RegExp(`id="${describedBy}"[^>]*>([^<]*)<`).exec(html)?.[1]).toBe('Toast 7');
  });

  it('has no action button without an action', () => {
    const html = renderToStaticMarkup(createElement(ToastItem, { toast: toast(8), onDismiss: () => {} }));
    expect(html).not.toContain('toast-action');
    expect(html).toContain('aria-label="Dismiss"');
  });
});


describe('ToastProvider', () => {
  const root = mountRoot();

  /** Shows what each button says, and dismisses by key. */
  function Shows({ toasts }: { toasts: Array<{ message: string; replaces?: string; key?: string }> }) {
    const { show, dismiss } = useToast();
    return (
      <>
        {toasts.map(({ message, replaces, key }) => (
          <button key={message} type="button" onClick={() => show(message, 'success', { label: 'Undo', onClick: () => {} }, { replaces, key })}>
            Show {message}
          </button>
        ))}
        {['restore a', 'restore b'].map((key) => (
          <button key={key} type="button" onClick={() => dismiss(key)}>
            Dismiss {key}
          </button>
        ))}
      </>
    );
  }
  const press = (name: string) => act(async () => [...document.querySelectorAll('button')].find((button) => button.textContent === name)!.click());

  it('dismisses a toast by its key though it took the place of another in its group, and leaves the rest', async () => {
    await root.render(
      <AppProviders router={false}>
        <Shows
          toasts={[
            { message: 'Highlighted', replaces: 'highlighted' },
            { message: 'Moved a to the trash', replaces: 'highlighted', key: 'restore a' },
            { message: 'Moved b to the trash', key: 'restore b' },
          ]}
        />
      </AppProviders>,
    );
    await press('Show Highlighted');
    await press('Show Moved a to the trash');
    await press('Show Moved b to the trash');
    expect(toastTexts()).toEqual(['Moved b to the trash', 'Moved a to the trash']);
    await press('Dismiss restore a');
    expect(toastTexts()).toEqual(['Moved b to the trash']);
    await press('Dismiss restore a');
    expect(toastTexts()).toEqual(['Moved b to the trash']);
  });

  it('takes away the Undo of an item once it leaves the list, unless the list itself changed', async () => {
    /** A trash listing `ids` as filtered by `list`, beside the Undo toasts of a and b. */
    function Trash({ ids, list }: { ids: string[]; list: string }) {
      const { show } = useToast();
      // Once: `show` stays the same.
      useEffect(() => {
        for (const id of ['a', 'b']) show(`Moved ${id} to the trash`, 'success', { label: 'Undo', onClick: () => {} }, { key: restoreUndoKey(id) });
      }, [show]);
      useDismissUndoOfLeaving(ids.map((id) => ({ id })), list);
      return null;
    }
    const draw = (ids: string[], list = '') =>
      root.render(
        <AppProviders router={false}>
          <Trash ids={ids} list={list} />
        </AppProviders>,
      );
    await draw(['a', 'b']);
    expect(toastTexts()).toEqual(['Moved b to the trash', 'Moved a to the trash']);
    // Filtered so that a no longer shows: it is still in the trash.
    await draw(['b'], 'q=b');
    expect(toastTexts()).toEqual(['Moved b to the trash', 'Moved a to the trash']);
    // Restored, or deleted for good: gone from the same list.
    await draw([], 'q=b');
    expect(toastTexts()).toEqual(['Moved a to the trash']);
  });

  it('tells each toast once it has gone, whichever way: replaced before it was drawn, dismissed by key or by hand, its time up', async () => {
    vi.useFakeTimers();
    try {
      const gone: string[] = [];
      /** Shows four toasts and dismisses one at once, all before the toasts are drawn. */
      function Shows() {
        const { show, dismiss } = useToast();
        useEffect(() => {
          const showTold = (message: string, options: ToastOptions) => show(message, 'success', { label: 'Undo', onClick: () => {} }, { ...options, onGone: () => gone.push(message) });
          showTold('Highlighted a', { replaces: 'highlighted' });
          showTold('Highlighted b', { replaces: 'highlighted' });
          showTold('Moved c to the trash', { key: 'restore c' });
          showTold('Moved d to the trash', {});
          dismiss('restore c');
        }, [show, dismiss]);
        return null;
      }
      await root.render(
        <AppProviders router={false}>
          <Shows />
        </AppProviders>,
      );
      expect(toastTexts()).toEqual(['Moved d to the trash', 'Highlighted b']);
      expect(gone).toEqual(['Highlighted a', 'Moved c to the trash']);
      await act(async () => document.querySelector<HTMLButtonElement>('.toast-dismiss')!.click());
      expect(gone).toEqual(['Highlighted a', 'Moved c to the trash', 'Moved d to the trash']);
      await act(async () => vi.advanceTimersByTime(10_000));
      expect(toastTexts()).toEqual([]);
      expect(gone).toEqual(['Highlighted a', 'Moved c to the trash', 'Moved d to the trash', 'Highlighted b']);
    } finally {
      vi.useRealTimers();
    }
  });
});

