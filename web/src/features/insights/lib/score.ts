import { RECENT_EVIDENCE_DAYS, type EvidenceScore } from '@cairn/shared';
import { formatDate } from '../../../lib/dates';
import { formatRevenue } from '../../../lib/numbers';
import { countOf } from '../../../lib/numbers';

export type ScorePartKey = 'customers' | 'companies' | 'revenue' | 'recency';

/** One term of the evidence score: what it counts, in words, and how many points it adds. */
export type ScorePart = { key: ScorePartKey; label: string; points: number };

/** The parts of the score, with the points the server says each adds (it alone knows the weights). */
export function scoreParts(score: EvidenceScore): ScorePart[] {
  return [
    { key: 'customers', label: countOf(score.customers, 'customer'), points: score.points.customers },
    { key: 'companies', label: countOf(score.companies, 'company', 'companies'), points: score.points.companies },
    { key: 'revenue', label: `${formatRevenue(score.revenue)} yearly revenue`, points: score.points.revenue },
    { key: 'recency', label: `${countOf(score.recentHighlights, 'highlight')} in the last ${RECENT_EVIDENCE_DAYS} days`, points: score.points.recency },
  ];
}

const scoreFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The score as the backlog ranks by it: one decimal. */
export function formatScore(total: number): string {
  return scoreFormat.format(total);
}

/** The score in a sentence: who is behind the item, what they are worth, how fresh it is. */
export function describeScore(score: EvidenceScore): string {
  if (!score.highlights) return 'No evidence yet: link highlights or problems to rank this item.';
  // No company known behind them: "at 0 companies" would read as a fact about the customers.
  const who = countOf(score.customers, 'customer') + (score.companies ? ` at ${countOf(score.companies, 'company', 'companies')}` : '');
  const worth = score.revenue > 0 ? `, ${formatRevenue(score.revenue)} yearly revenue` : '';
  const fresh = `${countOf(score.highlights, 'highlight')} (${score.recentHighlights.toLocaleString()} in the last ${RECENT_EVIDENCE_DAYS} days)`;
  const last = score.lastEvidenceAt ? `; the newest said on ${formatDate(score.lastEvidenceAt)}` : '';
  return `${who}${worth}, ${fresh}${last}.`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Larger units first: an age is told in the largest unit it fills at least once. */
const AGE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365],
  ['month', 30],
  ['week', 7],
  ['day', 1],
];
// In English, as the words around it are: the reader's locale would mix two languages in one line.
const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** How long ago evidence was said, in whole days or a larger unit: `today`, `3 days ago`, `2 weeks ago`. */
export function formatEvidenceAge(at: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(at)) / DAY_MS);
  // Today, and a source dated ahead (a clock off, a scheduled call), alike.
  if (days < 1) return 'today';
  const [unit, size] = AGE_UNITS.find(([, size]) => days >= size)!;
  return relativeTime.format(-Math.floor(days / size), unit);
}
