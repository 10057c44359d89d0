import { describe, expect, it } from 'vitest';
import { pushToast, TOAST_LIMIT, type Toast } from './toast';

const toast = (id: number, tone: Toast['tone'] = 'success'): Toast => ({ id, message: `Toast ${id}`, tone });

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
});
