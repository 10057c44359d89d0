/** `1 highlight`, `3 highlights`, `1,200 companies`: counts in the words both the API's messages and the SPA use. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
