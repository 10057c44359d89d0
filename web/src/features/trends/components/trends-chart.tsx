import { useRef, type KeyboardEvent } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TagTrends } from '@cairn/shared';
import { tagLineColor } from '../../../lib/tag-colors';
import { bucketLabel, describeCount, movePoint, seriesColors, type ChartPoint } from '../lib/trends-params';

type TrendsChartProps = {
  trends: TagTrends;
  /** A point was clicked, or Enter pressed on it: that tag in that bucket. */
  onOpen: (tagId: string, bucketIndex: number) => void;
};

/** Recharts draws its tooltip in white with inline styles: the theme's surface instead. */
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius-sm)', color: 'var(--text)', boxShadow: 'var(--shadow-lg)' };

type PointProps = { cx?: number; cy?: number; index: number; dataKey?: unknown; stroke?: string };

/**
 * One line per tag over the buckets. Each point opens the highlights it counts, clicked or, the
 * chart being one Tab stop whose arrow keys move between its points (movePoint), with Enter.
 * Recharts' own keyboard layer, which moves its tooltip but opens nothing, is off. The figure
 * around the chart names what it shows; the table beside it holds every number and link.
 */
export function TrendsChart({ trends, onOpen }: TrendsChartProps) {
  const colors = seriesColors(trends.series.map((series) => series.tag)).map(tagLineColor);
  const chartRef = useRef<HTMLDivElement>(null);
  const size = { series: trends.series.length, buckets: trends.buckets.length };
  const rows = trends.buckets.map((bucket, i) => ({
    label: bucketLabel(bucket.start, trends.interval, 'short'),
    title: bucketLabel(bucket.start, trends.interval, 'long'),
    ...Object.fromEntries(trends.series.map((series) => [series.tag.id, series.highlights[i]])),
  }));
  const bucketKey = (index: number) => trends.buckets[index]?.start.slice(0, 10);
  // The Tab stop moves in the page and in a ref, not in state: rendering the chart again draws its
  // dots anew, which took focus off the one just focused. The ref keeps the Tab stop where the
  // arrows left it when the chart is drawn again (the numbers shown, say), the first point when
  // the lines it was on are gone.
  const tabStop = useRef<ChartPoint>({ series: 0, bucket: 0 });
  if (tabStop.current.series >= size.series || tabStop.current.bucket >= size.buckets) tabStop.current = { series: 0, bucket: 0 };
  const moveFocus = (from: SVGGElement, to: ChartPoint) => {
    const target = chartRef.current?.querySelector<SVGGElement>(`.trends-point[tabindex][data-tag-id="${trends.series[to.series]!.tag.id}"][data-bucket="${bucketKey(to.bucket)}"]`);
    if (!target || target === from) return;
    from.tabIndex = -1;
    target.tabIndex = 0;
    tabStop.current = to;
    target.focus();
  };
  const point = (active: boolean) =>
    function Point({ cx, cy, index, dataKey, stroke }: PointProps) {
      if (cx === undefined || cy === undefined) return null;
      const tagId = String(dataKey);
      const at = { series: trends.series.findIndex((series) => series.tag.id === tagId), bucket: index };
      // The dot drawn over a hovered point is for the mouse: the keyboard moves among the points under it.
      const keyboard = active
        ? {}
        : {
            tabIndex: at.series === tabStop.current.series && at.bucket === tabStop.current.bucket ? 0 : -1,
            role: 'link',
            'aria-label': describeCount(trends, at.series, at.bucket),
            onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onOpen(tagId, index);
                return;
              }
              const next = movePoint(at, event.key, size);
              if (!next) return;
              event.preventDefault();
              moveFocus(event.currentTarget, next);
            },
          };
      return (
        <g key={`${tagId}-${index}`} className="trends-point" data-tag-id={tagId} data-bucket={bucketKey(index)} onClick={() => onOpen(tagId, index)} {...keyboard}>
          {/* A wider target than the dot, for a mouse; its ring shows keyboard focus. */}
          <circle className="trends-point-target" cx={cx} cy={cy} r={10} fill="transparent" />
          <circle cx={cx} cy={cy} r={active ? 6 : 3.5} fill={active ? stroke : 'var(--surface)'} stroke={stroke} strokeWidth={2} />
        </g>
      );
    };
  return (
    <div className="trends-chart" ref={chartRef}>
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
