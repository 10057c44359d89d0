import { RECENT_EVIDENCE_DAYS, type EvidenceScore } from '@cairn/shared';
import { describeScore, describeWeights, formatScore, scoreParts } from '../lib/score';

/** How the score is made, in words, under every place it is shown: the server's formula (server/src/db/evidence-score.ts), examples worked out. */
export const SCORE_RULE = `Each distinct customer adds 1 point, each company 2, and each highlight from the last ${RECENT_EVIDENCE_DAYS} days half a point. Their companies' yearly revenue adds 3 × log10(1 + revenue ÷ 10K): 0.9 for 10K, 3.1 for 100K, 6.0 for 1M, about 3 more for each tenfold. Ten quotes from one customer count as one customer.`;

/** The score as a bar of its parts (customers, companies, revenue, recency) scaled to `max`; the parts show on hover and focus. */
export function ScoreBar({ score, max }: { score: EvidenceScore; max: number }) {
  const parts = scoreParts(score);
  return (
    <span className="score" tabIndex={0} role="img" aria-label={`Score ${formatScore(score.total)}: ${parts.map((part) => part.label).join('; ')}`}>
      <span className="score-bar" aria-hidden="true">
        {parts.map((part) => (
          <span key={part.key} className={`score-part score-${part.key}`} style={{ width: `${max > 0 ? (part.points / max) * 100 : 0}%` }} />
        ))}
      </span>
      <span className="score-total" aria-hidden="true">
        {formatScore(score.total)}
      </span>
      <span className="score-tip" aria-hidden="true">
        {parts.map((part) => (
          <span key={part.key} className="score-tip-row">
            <span className={`score-swatch score-${part.key}`} />
            <span>{part.label}</span>
            <span className="score-points">+{formatScore(part.points)}</span>
          </span>
        ))}
      </span>
    </span>
  );
}

/** The score of one item explained: its parts with their points, what importance weighed, and the rule. */
export function ScoreExplained({ score }: { score: EvidenceScore }) {
  const weights = describeWeights(score);
  return (
    <div className="stack score-explained">
      <p className="score-headline">
        <span className="score-big">{formatScore(score.total)}</span> <span className="muted">evidence score</span>
      </p>
      <ScoreBar score={score} max={score.total} />
      <p>{describeScore(score)}</p>
      <dl className="score-parts">
        {scoreParts(score).map((part) => (
          <div key={part.key} className="score-part-row">
            <dt>
              <span className={`score-swatch score-${part.key}`} aria-hidden="true" /> {part.label}
            </dt>
            <dd>+{formatScore(part.points)}</dd>
          </div>
        ))}
      </dl>
      {weights && <p className="small score-weights">{weights}</p>}
      <p className="muted small">{SCORE_RULE}</p>
    </div>
  );
}
