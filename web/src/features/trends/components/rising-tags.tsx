import { Link } from 'react-router';
import { Line, LineChart } from 'recharts';
import { RISING_MIN_HIGHLIGHTS, TRENDS_TAGS_MAX, type RisingTag, type TrendInterval } from '@cairn/shared';
import { Button } from '../../../components/button';
import { TagDot } from '../../../components/tag-chip';
import { countOf } from '../../../lib/numbers';
import { tagLineColor } from '../../../lib/tag-colors';
import { formatChange } from '../lib/trends-params';

type RisingTagsProps = {
  interval: TrendInterval;
  rising: RisingTag[];
  /** Tags drawn now: those cannot be added again. */
  shownTagIds: string[];
  /** Whether the chart draws chosen tags (adding one keeps those) or the most used (adding one starts a choice). */
  chosen: boolean;
  onShow: (tagId: string) => void;
  /** The Highlights page for the tag in the latest bucket. */
  latestLink: (tagId: string) => string;
  /** Its line's colour for a tag on the chart; the codebook's (or none) for the rest. */
  colorOf: (tag: RisingTag['tag']) => string | undefined;
};

/** The tag's counts over the range, as a line small enough for a list row; a picture, its numbers said in words beside it. */
function Sparkline({ highlights, color }: { highlights: number[]; color: string }) {
  return (
    <LineChart width={96} height={28} data={highlights.map((count) => ({ count }))} accessibilityLayer={false} aria-hidden="true">
      <Line type="monotone" dataKey="count" stroke={color} strokeWidth={1.5} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}

/** Tags whose share of the tagged highlights grew into the latest week or month. */
export function RisingTags({ interval, rising, shownTagIds, chosen, onShow, latestLink, colorOf }: RisingTagsProps) {
  return (
    <section className="card trends-rising" aria-labelledby="trends-rising-title">
      <h2 id="trends-rising-title">Rising this {interval}</h2>
      <p className="muted">
        Tags whose share of the tagged highlights grew since the {interval} before, with at least {RISING_MIN_HIGHLIGHTS} highlights this {interval}. A {interval} still
        running counts by its share, so it compares fairly with a whole one.
      </p>
      {!rising.length ? (
        <p>
          Nothing is rising: no tag has {RISING_MIN_HIGHLIGHTS} highlights or more this {interval} with a larger share than the {interval} before.
        </p>
      ) : (
        <ol className="trends-rising-list">
          {rising.map((item) => {
            const color = colorOf(item.tag);
            const full = chosen && shownTagIds.length >= TRENDS_TAGS_MAX;
            return (
              <li key={item.tag.id} className="trends-rising-row">
                <TagDot color={color} />
                <Link className="trends-rising-name" to={latestLink(item.tag.id)}>
                  {item.tag.name}
                </Link>
                <strong className="trends-rising-change">{formatChange(item.change)}</strong>
                <span className="muted trends-rising-counts">
                  {item.previous.toLocaleString()} → {countOf(item.current, 'highlight')} ({Math.round(item.currentShare * 100)}% of this {interval}’s)
                </span>
                <Sparkline highlights={item.highlights} color={color ? tagLineColor(color) : 'var(--text-muted)'} />
                <Button size="sm" variant="ghost" disabled={shownTagIds.includes(item.tag.id) || full} onClick={() => onShow(item.tag.id)}>
                  {shownTagIds.includes(item.tag.id) ? 'On the chart' : 'Show on chart'}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
