import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pushToast, TOAST_LIMIT, ToastItem, type Toast } from './toast';

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

  it('replaces an older toast of the same kind with the newer, on top, and keeps the others', () => {
    const undo = { label: 'Undo', onClick: () => {} };
    let stack: Toast[] = [];
    stack = pushToast(stack, { ...toast(1, 'success', undo), message: 'Highlighted as Cards', kind: 'highlighted' });
    stack = pushToast(stack, toast(2, 'info'));
    stack = pushToast(stack, { ...toast(3, 'success', undo), message: 'Highlighted as Fees', kind: 'highlighted' });
    expect(stack.map((t) => [t.id, t.message])).toEqual([
      [3, 'Highlighted as Fees'],
      [2, 'Toast 2'],
    ]);
  });

  it('takes the same words in the same tone for one kind, so a hint asked for twice shows once', () => {
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
