import { npsGroupOf, type SourceScore } from '@cairn/shared';

/**
 * A survey answer's score, small enough for a list row. A whole number 0–10 is tinted by its
 * NPS group; the tint repeats what the number says, and the hidden words name the group.
 */
export function ScorePill({ score }: { score: SourceScore }) {
  const group = npsGroupOf(score);
  const text = typeof score === 'number' ? score.toLocaleString() : score;
  // Read as `Score 9 (promoter)`.
  const words = group ? ` (${group.key})` : '';
  return (
    <span className={`score-pill${group ? ` score-pill-${group.key}` : ''}`} title={`Score ${text}${words}`}>
      <span className="visually-hidden">Score </span>
      {text}
      {words && <span className="visually-hidden">{words}</span>}
    </span>
  );
}
