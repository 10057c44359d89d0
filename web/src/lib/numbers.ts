/** Money as a person scans it in a list or a profile: `250K`, `1.2M` (the workspace's own currency, which Cairn does not know). */
export function formatRevenue(value: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export { countOf } from '@cairn/shared';
