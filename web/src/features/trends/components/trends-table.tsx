import { useId } from 'react';
import { Link } from 'react-router';
import type { TagTrends } from '@cairn/shared';
import { bucketLabel, describeCount } from '../lib/trends-params';

type TrendsTableProps = {
  id: string;
  trends: TagTrends;
  /** The Highlights page filtered to one tag in one bucket. */
  linkTo: (tagId: string, bucketIndex: number) => string;
};

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The chart's numbers as a table, its text alternative: a row per bucket, a column per tag, each
 * count a link to its highlights. A column per tag is wider than a phone: there the table scrolls
 * sideways in its own region, which says so, each row's week or month staying at its left.
 */
export function TrendsTable({ id, trends, linkTo }: TrendsTableProps) {
  const unit = trends.interval === 'week' ? 'Week (from Monday, UTC)' : 'Month (UTC)';
  const cueId = useId();
  return (
    <>
      <p id={cueId} className="scroll-cue">
        Scroll the table sideways to see every tag <span aria-hidden="true">→</span>
      </p>
      <div className="table-wrap trends-table scroll-region" id={id} role="region" aria-label={`Highlights per ${trends.interval}, by tag`} aria-describedby={cueId} tabIndex={0}>
        <table className="table">
          <caption className="trends-table-caption">
            {/* A box of its own: on a phone it keeps to the region's width while the table scrolls under it. */}
            <span>
              Highlights per {trends.interval} for each tag, with the distinct customers behind them in brackets. “All tagged” counts each highlight with any tag once.
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>
                {unit}
              </th>
              {trends.series.map((series) => (
                <th key={series.tag.id} scope="col" style={{ textAlign: 'right' }}>
                  {series.tag.name}
                </th>
              ))}
              <th scope="col" style={{ textAlign: 'right' }}>
                All tagged
              </th>
            </tr>
          </thead>
          <tbody>
            {trends.buckets.map((bucket, i) => (
              <tr key={bucket.start}>
                <th scope="row">{sentenceCase(bucketLabel(bucket.start, trends.interval, 'long'))}</th>
                {trends.series.map((series, seriesIndex) => {
                  const count = series.highlights[i]!;
                  const customers = series.customers[i]!;
                  return (
                    <td key={series.tag.id} style={{ textAlign: 'right' }}>
                      {count ? (
                        <Link to={linkTo(series.tag.id, i)} aria-label={describeCount(trends, seriesIndex, i)}>
                          {count.toLocaleString()}
                        </Link>
                      ) : (
                        <span className="muted">0</span>
                      )}
                      {count > 0 && <span className="muted"> ({customers.toLocaleString()})</span>}
                    </td>
                  );
                })}
                <td style={{ textAlign: 'right' }}>{bucket.highlights.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
