import { act } from 'react';

/** Types into a controlled input or text area as a person would: React listens to the input event, not to the value. */
export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets React render, requests answer and timers (a typing pause) pass, 10 ms at a time, until `check` stops throwing (at most ~1 s). */
export async function until(check: () => void) {
  for (let turn = 0; ; turn++) {
    try {
      check();
      return;
    } catch (error) {
      if (turn >= 100) throw error;
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}
