import { describe, expect, it } from 'vitest';
import { pushToast, TOAST_LIMIT, type Toast } from './toast';

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
});
