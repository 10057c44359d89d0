const WHITESPACE_RUN = /\s+/g;
const TRAILING_ELLIPSIS = /…$/;

/**
 * Whether a source's title only repeats the start of a text of it (its body, a quote, a
 * preview): a ticket or survey answer without a subject is titled by its body, so printing both
 * would show the same words twice. Lists then name the source another way (its kind, its date).
 */
export function titleRepeatsText(title: string, text: string): boolean {
  const start = title.replace(TRAILING_ELLIPSIS, '').replace(WHITESPACE_RUN, ' ').trim();
  return !!start && text.replace(WHITESPACE_RUN, ' ').trim().startsWith(start);
}
