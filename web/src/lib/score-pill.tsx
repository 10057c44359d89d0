import { npsGroupOf, readingScaleOf, scoreGroupOf, type ScoreScale, type SourceScore } from '@cairn/shared';

/**
 * A survey answer's score, small enough for a list row, read on its question's scale (the
 * Inbox's rows and the reader show the same pill). An NPS score is tinted by its group and the
 * hidden words name it; a rating shows "4 / 5" (read as "Score 4 of 5"), tinted by the third of
 * the scale it is in; anything else stays neutral. The tint repeats what the words say.
 * Answers imported before scales were kept have none: a whole number 0–10 is then read as NPS,
 * as it always was (`readingScaleOf`).
 */
export function ScorePill({ score, scale }: { score: SourceScore; scale: ScoreScale | null }) {
  const text = typeof score === 'number' ? score.toLocaleString() : score;
  const reading = readingScaleOf(score, scale);
  if (reading?.kind === 'rating') {
    const band = scoreGroupOf(score, reading);
    const words = `Score ${text} of ${reading.max.toLocaleString()}`;
    return (
      <span className={`score-pill${band ? ` score-pill-${band}` : ''}`} title={words}>
        <span aria-hidden="true">
          {text} / {reading.max.toLocaleString()}
        </span>
        <span className="visually-hidden">{words}</span>
      </span>
    );
  }
  const group = reading?.kind === 'nps' ? npsGroupOf(score) : null;
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
