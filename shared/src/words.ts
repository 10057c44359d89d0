/** `1 highlight`, `3 highlights`, `1,200 companies`: counts in the words both the API's messages and the SPA use. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

const LIST_FORMAT = new Intl.ListFormat('en', { type: 'conjunction' });

/** `segment`, `segment and plan`, `segment, plan, and annual revenue`. */
export function listOf(words: string[]): string {
  return LIST_FORMAT.format(words);
}
