import { Link } from 'react-router';
import { NPS_GROUPS, npsGroupOf, type Import } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useImportScores } from '../api/get-import-scores';

/** The NPS scale, every score shown even when nobody gave it. */
const NPS_SCORES = Array.from({ length: 11 }, (_, score) => score);

const formatNps = (nps: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(nps);

/**
 * A finished survey import's NPS, its promoters, passives and detractors (each a link to their
 * answers in the Inbox) and the respondents per score 0–10. Shown only when the server found the
 * scores to be an NPS; the bars are drawn for the eye, and every figure is also in words.
 */
export function ImportScores({ ws, item }: { ws: string; item: Import }) {
  const scores = useImportScores(ws, item.id, true);
  if (scores.error) return <ErrorMessage error={scores.error} />;
  if (!scores.data || scores.data.nps === null) return null;

  const { distribution, nps } = scores.data;
  const respondentsAt = (score: number) => distribution.find((entry) => entry.score === score)?.count ?? 0;
  const total = distribution.reduce((sum, entry) => sum + entry.count, 0);
  const tallest = Math.max(...NPS_SCORES.map(respondentsAt));
  const groups = [...NPS_GROUPS].reverse().map((group) => {
    const count = NPS_SCORES.filter((score) => score >= group.min && score <= group.max).reduce((sum, score) => sum + respondentsAt(score), 0);
    const inbox = `${paths.inbox(ws)}?${new URLSearchParams({ importId: item.id, scoreMin: String(group.min), scoreMax: String(group.max) })}`;
    return { ...group, count, inbox, percent: Math.round((count / total) * 100) };
  });

  return (
    <section className="nps stack" aria-labelledby={`nps-${item.id}`}>
      <h4 id={`nps-${item.id}`}>Net Promoter Score</h4>
      <p className="nps-summary">
        <span className="nps-value">{formatNps(nps)}</span>
        <span className="muted small">
          from {countOf(total, 'respondent')} who answered a question: % promoters minus % detractors, from −100 to 100
        </span>
      </p>
      {/* The same groups as the list below, for the eye and the mouse. */}
      <div className="nps-bar" aria-hidden="true">
        {groups
          .filter((group) => group.count > 0)
          .map((group) => (
            <Link key={group.key} to={group.inbox} tabIndex={-1} className={`nps-bar-part nps-${group.key}`} style={{ flexGrow: group.count }} />
          ))}
      </div>
      <ul className="nps-groups" aria-label="Respondents by group">
        {groups.map((group) => (
          <li key={group.key}>
            <span className={`nps-swatch nps-${group.key}`} aria-hidden="true" />
            <Link to={group.inbox}>
              {group.label} ({group.min}–{group.max})
            </Link>{' '}
            <span className="nps-group-figures">
              {countOf(group.count, 'respondent')} · {group.percent}%
            </span>
          </li>
        ))}
      </ul>
      <ol className="nps-chart" aria-label="Respondents by score">
        {NPS_SCORES.map((score) => {
          const count = respondentsAt(score);
          return (
            <li key={score} className={`nps-${npsGroupOf(score)!.key}`}>
              <span className="visually-hidden">
                Score {score}: {countOf(count, 'respondent')}
              </span>
              <span className="nps-chart-count" aria-hidden="true">
                {count}
              </span>
              <span className="nps-chart-track" aria-hidden="true">
                <span className="nps-chart-bar" style={{ height: `${tallest ? (count / tallest) * 100 : 0}%` }} />
              </span>
              <span className="nps-chart-score" aria-hidden="true">
                {score}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
