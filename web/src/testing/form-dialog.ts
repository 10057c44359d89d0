import { act } from 'react';

/** The control a Field labels, and what its error says. */
export function field(label: string) {
  const control = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === label)!.control as HTMLInputElement;
  return { control, error: () => control.closest('.field')!.querySelector('.field-error')?.textContent };
}

/** Clicks an open dialog's button as a pointer does, which moves the focus to it first. */
export const clickDialogButton = (name: string) =>
  act(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((candidate) => candidate.textContent === name)!;
    button.focus();
    button.click();
  });
