import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TagTrends } from '@cairn/shared';
import { tagLineColor } from '../../../lib/tag-colors';
import { bucketLabel, seriesColors } from '../lib/trends-params';

type TrendsChartProps = {
  trends: TagTrends;
  /** A point was clicked: that tag in that bucket. */
  onOpen: (tagId: string, bucketIndex: number) => void;
};

/** Recharts draws its tooltip in white with inline styles: the theme's surface instead. */
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius-sm)', color: 'var(--text)', boxShadow: 'var(--shadow-lg)' };

type PointProps = { cx?: number; cy?: number; index: number; dataKey?: unknown; stroke?: string };

/**
 * One line per tag over the buckets. Each point opens the highlights it counts; the chart is a
 * picture for screen readers (its figure names what it shows), whose numbers and links are in
 * the table beside it, so the chart's own keyboard layer is off.
 */
export function TrendsChart({ trends, onOpen }: TrendsChartProps) {
  const colors = seriesColors(trends.series.map((series) => series.tag)).map(tagLineColor);
  const rows = trends.buckets.map((bucket, i) => ({
    label: bucketLabel(bucket.start, trends.interval, 'short'),
    title: bucketLabel(bucket.start, trends.interval, 'long'),
    ...Object.fromEntries(trends.series.map((series) => [series.tag.id, series.highlights[i]])),
  }));
  const point = (active: boolean) =>
    function Point({ cx, cy, index, dataKey, stroke }: PointProps) {
      if (cx === undefined || cy === undefined) return null;
      const tagId = String(dataKey);
      const bucket = trends.buckets[index];
      return (
        <g
          key={`${tagId}-${index}`}
          className="trends-point"
          data-tag-id={tagId}
          data-bucket={bucket?.start.slice(0, 10)}
          onClick={() => onOpen(tagId, index)}
        >
          {/* A wider target than the dot, for a mouse. */}
          <circle cx={cx} cy={cy} r={10} fill="transparent" />
          <circle cx={cx} cy={cy} r={active ? 6 : 3.5} fill={active ? stroke : 'var(--surface)'} stroke={stroke} strokeWidth={2} />
        </g>
      );
    };
  return (
    <div className="trends-chart">
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} tickLine={false} axisLine={{ stroke: 'var(--border)' }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            cursor={{ stroke: 'var(--border)' }}
            labelFormatter={(_, payload) => (payload?.[0]?.payload as { title?: string } | undefined)?.title ?? ''}
          />
          <Legend iconType="plainline" itemSorter={null} />
          {trends.series.map((series, index) => (
            <Line
              key={series.tag.id}
              type="monotone"
              dataKey={series.tag.id}
              name={series.tag.name}
              stroke={colors[index]}
              strokeWidth={2}
              dot={point(false)}
              activeDot={point(true)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
