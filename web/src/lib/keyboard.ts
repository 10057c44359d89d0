/**
 * Whether a key press belongs to what is being typed (a field, an editable element) or to an
 * open dialog, rather than to a page's single-key shortcuts.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target instanceof HTMLElement ? target : null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || !!element.closest('dialog[open]'));
}
