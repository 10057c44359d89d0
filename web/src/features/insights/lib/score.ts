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
