import { Link } from 'react-router';
import { describeScoreScale, NPS_GROUPS, NPS_SCALE, scaleBoundsOf, scoreGroupOf, scoreGroupsOf, type Import, type ImportScores as ImportScoresData, type ScoreScale } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { isCsatScale, scoreRangeText } from '../../../lib/score-scales';
import { useImportScores } from '../api/get-import-scores';

/** A scale whose every score gets a bar even when nobody gave it; on a wider one (a 0–100 slider) only the scores given do. */
const EVERY_SCORE_CHART_MAX = 11;

const formatNps = (nps: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(nps);
const formatNumber = (value: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);

/** The scores' heading: a level below the report's (`ImportReport`'s `headingLevel`). */
type ScoresHeading = 'h3' | 'h4';
type ScoresProps = { ws: string; item: Import; scores: ImportScoresData; Heading: ScoresHeading };

/**
 * A finished survey import's scores, read on its question's scale: an NPS question's NPS and
 * promoters, passives and detractors; a rating's CSAT (its high third: 4–5 of a 1–5) and
 * average; plain numbers' average. Each group links to its answers in the Inbox, and the
 * respondents per score are charted. The bars are drawn for the eye; every figure is also in words.
 */
export function ImportScores({ ws, item, headingLevel }: { ws: string; item: Import; headingLevel: 3 | 4 }) {
  const Heading: ScoresHeading = `h${headingLevel}`;
  const scores = useImportScores(ws, item.id, true);
  if (scores.error) return <ErrorMessage error={scores.error} />;
  if (!scores.data) return null;
  const { nps, scale, distribution } = scores.data;
  // An import from before scales were kept is an NPS only when the server found its scores to be one.
  if (nps !== null) return <NpsScores ws={ws} item={item} scores={{ ...scores.data, nps }} Heading={Heading} />;
  if (scale?.kind === 'rating' && distribution.length > 0) return <RatingScores ws={ws} item={item} scores={scores.data} scale={scale} Heading={Heading} />;
  if (scale?.kind === 'number' && distribution.length > 0) return <NumberScores item={item} scores={scores.data} Heading={Heading} />;
  return null;
}

const totalOf = (distribution: ImportScoresData['distribution']) => distribution.reduce((sum, entry) => sum + entry.count, 0);

/** A group's Inbox link: the import's answers in the group's range (and, for NPS, on an NPS scale, as the Inbox's preset asks). */
function inboxLink(ws: string, item: Import, group: { min: number; max: number }, scoreScale?: 'nps') {
  const query = new URLSearchParams({ importId: item.id, scoreMin: String(group.min), scoreMax: String(group.max), ...(scoreScale && { scoreScale }) });
  return `${paths.inbox(ws)}?${query}`;
}

type GroupFigures = { key: string; label: string; inbox: string; count: number; percent: number };

/** The groups as a stacked bar (for the eye and the mouse) and as a list of links with their figures. */
function ScoreGroups({ groups }: { groups: GroupFigures[] }) {
  return (
    <>
      <div className="nps-bar" aria-hidden="true">
        {groups
          .filter((group) => group.count > 0)
          .map((group) => (
            <Link key={group.key} to={group.inbox} tabIndex={-1} className={`nps-bar-part score-${group.key}`} style={{ flexGrow: group.count }} />
          ))}
      </div>
      <ul className="nps-groups" aria-label="Respondents by group">
        {groups.map((group) => (
          <li key={group.key}>
            <span className={`nps-swatch score-${group.key}`} aria-hidden="true" />
            <Link to={group.inbox}>{group.label}</Link>{' '}
            <span className="nps-group-figures">
              {countOf(group.count, 'respondent')} · {group.percent}%
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Respondents per score, one bar each: every score of a narrow scale, else the scores given. */
function ScoreChart({ scores, scale }: { scores: ImportScoresData; scale: ScoreScale }) {
  const { distribution } = scores;
  const bounds = scaleBoundsOf(scale);
  const points =
    bounds && bounds.max - bounds.min < EVERY_SCORE_CHART_MAX ? Array.from({ length: bounds.max - bounds.min + 1 }, (_, index) => bounds.min + index) : distribution.map((entry) => entry.score);
  const respondentsAt = (score: number) => distribution.find((entry) => entry.score === score)?.count ?? 0;
  const tallest = Math.max(...points.map(respondentsAt));
  return (
    <ol className="nps-chart" aria-label="Respondents by score" style={{ gridTemplateColumns: `repeat(${points.length}, minmax(18px, 36px))` }}>
      {points.map((score) => {
        const count = respondentsAt(score);
        const group = scoreGroupOf(score, scale);
        return (
          <li key={score} className={`score-${group ?? 'plain'}`}>
            <span className="visually-hidden">
              Score {formatNumber(score)}: {countOf(count, 'respondent')}
            </span>
            <span className="nps-chart-count" aria-hidden="true">
              {count}
            </span>
            <span className="nps-chart-track" aria-hidden="true">
              <span className="nps-chart-bar" style={{ height: `${tallest ? (count / tallest) * 100 : 0}%` }} />
            </span>
            <span className="nps-chart-score" aria-hidden="true">
              {formatNumber(score)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Respondents who answered with a label ("Very satisfied"): not on the scale, so not in its figures. */
function Labelled({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="muted small">
      {countOf(count, 'respondent')} gave a label instead of a number and {count === 1 ? 'is' : 'are'} not counted here.
    </p>
  );
}

function NpsScores({ ws, item, scores, Heading }: ScoresProps & { scores: { nps: number } }) {
  const { distribution, nps } = scores;
  const respondentsIn = (group: { min: number; max: number }) => distribution.reduce((sum, entry) => (entry.score >= group.min && entry.score <= group.max ? sum + entry.count : sum), 0);
  const total = NPS_GROUPS.reduce((sum, group) => sum + respondentsIn(group), 0);
  const groups = [...NPS_GROUPS].reverse().map((group) => {
    const count = respondentsIn(group);
    return { key: group.key, label: `${group.label} (${group.min}–${group.max})`, count, inbox: inboxLink(ws, item, group, 'nps'), percent: Math.round((count / total) * 100) };
  });

  return (
    <section className="nps stack" aria-labelledby={`scores-${item.id}`}>
      <Heading id={`scores-${item.id}`}>Net Promoter Score</Heading>
      <p className="nps-summary">
        <span className="nps-value">{formatNps(nps)}</span>
        <span className="muted small">
          from {countOf(total, 'respondent')} who answered a question: % promoters minus % detractors, from −100 to 100
        </span>
      </p>
      <ScoreGroups groups={groups} />
      <ScoreChart scores={scores} scale={NPS_SCALE} />
      <Labelled count={scores.labelled} />
    </section>
  );
}

function RatingScores({ ws, item, scores, scale, Heading }: ScoresProps & { scale: Extract<ScoreScale, { kind: 'rating' }> }) {
  const { distribution, csat, average } = scores;
  const scaleGroups = scoreGroupsOf(scale);
  const total = totalOf(distribution.filter((entry) => scoreGroupOf(entry.score, scale) !== null));
  const high = scaleGroups.find((group) => group.key === 'high');
  const groups = [...scaleGroups].reverse().map((group) => {
    const count = totalOf(distribution.filter((entry) => scoreGroupOf(entry.score, scale) === group.key));
    return { key: group.key, label: `${group.label} (${scoreRangeText(group)})`, count, inbox: inboxLink(ws, item, group), percent: total ? Math.round((count / total) * 100) : 0 };
  });
  const csatQuestion = isCsatScale(scale);

  return (
    <section className="nps stack" aria-labelledby={`scores-${item.id}`}>
      <Heading id={`scores-${item.id}`}>{csatQuestion ? 'Customer satisfaction (CSAT)' : `Scores on a ${describeScoreScale(scale)} scale`}</Heading>
      {csat !== null && high && (
        <p className="nps-summary">
          <span className="nps-value">{formatNumber(csat)}%</span>
          <span className="muted small">
            of {countOf(total, 'respondent')} who answered a question scored {scoreRangeText(high)}
            {csatQuestion ? ' (satisfied or very satisfied)' : `, the top third of ${describeScoreScale(scale)}`}
          </span>
        </p>
      )}
      {average !== null && (
        <p className="score-average">
          Average <strong>{formatNumber(average)}</strong> of {scale.max}
        </p>
      )}
      <ScoreGroups groups={groups} />
      <ScoreChart scores={scores} scale={scale} />
      <Labelled count={scores.labelled} />
    </section>
  );
}

function NumberScores({ item, scores, Heading }: Omit<ScoresProps, 'ws'>) {
  return (
    <section className="nps stack" aria-labelledby={`scores-${item.id}`}>
      <Heading id={`scores-${item.id}`}>Scores</Heading>
      {scores.average !== null && (
        <p className="score-average">
          Average <strong>{formatNumber(scores.average)}</strong> from {countOf(totalOf(scores.distribution), 'respondent')} who answered a question; the scores are on no fixed scale
        </p>
      )}
      <ScoreChart scores={scores} scale={{ kind: 'number' }} />
      <Labelled count={scores.labelled} />
    </section>
  );
}
