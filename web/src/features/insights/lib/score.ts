import { EVIDENCE_IMPORTANCES, EVIDENCE_IMPORTANCE_WEIGHTS, RECENT_EVIDENCE_DAYS, type EvidenceScore } from '@cairn/shared';
import { formatDate } from '../../../lib/dates';
import { formatRevenue } from '../../../lib/numbers';
import { countOf } from '../../../lib/numbers';
import { importanceInWords } from './labels';

export type ScorePartKey = 'customers' | 'companies' | 'revenue' | 'recency';

/**
 * One term of the evidence score: what it counts, in words, and how many points it adds;
 * `weighed` when the importance of its evidence moved the points off what the plain count gives.
 */
export type ScorePart = { key: ScorePartKey; label: string; points: number; weighed: boolean };

/**
 * What each part adds when every link is `important` (weight 1): the score's formula (ADR 009,
 * as SCORE_RULE states it) on the plain counts the score carries. The server's points differ from
 * these only where importance weighed them.
 */
function plainPoints(score: EvidenceScore): Record<ScorePartKey, number> {
  return { customers: score.customers, companies: 2 * score.companies, revenue: 3 * Math.log10(1 + score.revenue / 10_000), recency: score.recentHighlights / 2 };
}

/** Float noise between the server's arithmetic and ours; a weight moves a part by far more. */
const SAME_POINTS = 1e-6;

const WEIGHED = ', weighed by importance';

/** The parts of the score, with the points the server says each adds (it applies the weights), each saying whether importance weighed it. */
export function scoreParts(score: EvidenceScore): ScorePart[] {
  const plain = plainPoints(score);
  const part = (key: ScorePartKey, counted: string): ScorePart => {
    const weighed = Math.abs(score.points[key] - plain[key]) > SAME_POINTS;
    return { key, label: weighed ? `${counted}${WEIGHED}` : counted, points: score.points[key], weighed };
  };
  return [
    part('customers', countOf(score.customers, 'customer')),
    part('companies', countOf(score.companies, 'company', 'companies')),
    part('revenue', `${formatRevenue(score.revenue)} yearly revenue`),
    part('recency', `${countOf(score.recentHighlights, 'highlight')} in the last ${RECENT_EVIDENCE_DAYS} days`),
  ];
}

/** "twice", "half": how much more or less than an important quote one of this weight counts. */
function timesInWords(weight: number): string {
  if (weight === 2) return 'twice';
  if (weight === 0.5) return 'half';
  return `${weight} times`;
}

/**
 * Why some parts are not their plain counts, when importance weighed any: each customer and
 * company counts at the most important of their evidence, each recent highlight at its own.
 * Null when nothing was weighed (every link `important`, say), so the explanation says nothing of it.
 */
export function describeWeights(score: EvidenceScore): string | null {
  if (!scoreParts(score).some((part) => part.weighed)) return null;
  const weights = EVIDENCE_IMPORTANCES.filter((importance) => EVIDENCE_IMPORTANCE_WEIGHTS[importance] !== 1)
    .sort((a, b) => EVIDENCE_IMPORTANCE_WEIGHTS[b] - EVIDENCE_IMPORTANCE_WEIGHTS[a])
    .map((importance, index) => {
      const times = timesInWords(EVIDENCE_IMPORTANCE_WEIGHTS[importance]);
      const name = importanceInWords(importance);
      return index === 0 ? `${name} evidence counts ${times} as much as important` : `${name} ${times} as much`;
    });
  return `Weighed by importance: ${weights.join(', ')}. Each customer and company counts at their most important evidence, each recent highlight at its own.`;
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
