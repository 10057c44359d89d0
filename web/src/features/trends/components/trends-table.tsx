import { Link } from 'react-router';
import type { TagTrends } from '@cairn/shared';
import { countOf } from '../../../lib/numbers';
import { bucketLabel } from '../lib/trends-params';

type TrendsTableProps = {
  id: string;
  trends: TagTrends;
  /** The Highlights page filtered to one tag in one bucket. */
  linkTo: (tagId: string, bucketIndex: number) => string;
};

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The chart's numbers as a table, its text alternative: a row per bucket, a column per tag, each count a link to its highlights. */
export function TrendsTable({ id, trends, linkTo }: TrendsTableProps) {
  const unit = trends.interval === 'week' ? 'Week (from Monday, UTC)' : 'Month (UTC)';
  return (
    <div className="table-wrap trends-table" id={id}>
      <table className="table">
        <caption className="trends-table-caption">
          Highlights per {trends.interval} for each tag, with the distinct customers behind them in brackets. “All tagged” counts each highlight with any tag once.
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
              {trends.series.map((series) => {
                const count = series.highlights[i]!;
                const customers = series.customers[i]!;
                return (
                  <td key={series.tag.id} style={{ textAlign: 'right' }}>
                    {count ? (
                      <Link to={linkTo(series.tag.id, i)} aria-label={`${countOf(count, 'highlight')} tagged ${series.tag.name}, ${bucketLabel(bucket.start, trends.interval, 'long')}`}>
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
  );
}
