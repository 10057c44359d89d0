/** Money as a person scans it in a list or a profile: `250K`, `1.2M` (the workspace's own currency, which Cairn does not know). */
export function formatRevenue(value: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** `1 highlight`, `3 highlights`. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
