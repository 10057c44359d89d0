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

/** The messages of the toasts showing, oldest first. */
export const toastTexts = () => [...document.querySelectorAll('.toast')].map((toast) => toast.querySelector('span')?.textContent);

/** The button a person would pick by its name: its aria-label, else its text. */
export const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name);

/** Clicks the button named `name` and lets React render what follows. */
export const clickButton = (name: string) => act(async () => buttonNamed(name)!.click());
