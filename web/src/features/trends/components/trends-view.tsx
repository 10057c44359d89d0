import { useId, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { TRENDS_TAGS_MAX, type TagTrends, type TrendInterval } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select, TextInput } from '../../../components/field';
import { SourceKindSelect } from '../../../components/source-kind-select';
import { Loading } from '../../../components/spinner';
import { COARSE_POINTER, useMediaQuery } from '../../../lib/media-query';
import { useWorkspace } from '../../../lib/workspace';
import { useTagTrends } from '../api/get-tag-trends';
import { bucketLabel, highlightsLink, RANGE_PRESETS, readTrendsSettings, seriesColors, trendsRequest, writeTrendsSettings, type RangePreset, type TrendsSettings } from '../lib/trends-params';
import { RisingTags } from './rising-tags';
import { TrendsChart } from './trends-chart';
import { TrendsEmptyState } from './trends-empty-state';
import { TrendsTable } from './trends-table';
import { TrendsTagPicker } from './trends-tag-picker';
import { useUrlParams } from '../../../lib/use-url-params';

/** What the chart shows, in words: the figure's text for screen readers and its caption. */
function describeChart(trends: TagTrends): string {
  const names = trends.series.map((series) => series.tag.name);
  const first = bucketLabel(trends.buckets[0]!.start, trends.interval, 'long');
  const last = bucketLabel(trends.buckets[trends.buckets.length - 1]!.start, trends.interval, 'long');
  const which = trends.selection === 'top' ? `the ${names.length} most used tags (${names.join(', ')})` : names.join(', ');
  const the = trends.interval === 'week' ? 'the ' : '';
  return `Line chart of highlights per ${trends.interval} for ${which}, from ${the}${first} to ${the}${last}. The table of its numbers is under “Show the numbers”.`;
}

/**
 * Trends: how often tags come up over time, a line per tag, the numbers as a table, and the tags
 * rising. `emptyAction`: a way to start the page may offer while nothing is tagged (the sample data, for admins).
 */
export function TrendsView({ emptyAction }: { emptyAction?: ReactNode }) {
  const ws = useWorkspace().id;
  const [params, setParams] = useUrlParams();
  const navigate = useNavigate();
  const settings = readTrendsSettings(params);
  // "Today" is fixed while the page is open, so that the query key, and the answer, stay put.
  const [now] = useState(() => new Date());
  const trends = useTagTrends(ws, trendsRequest(settings, now));
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();

  const change = (next: Partial<TrendsSettings>) => setParams(writeTrendsSettings({ ...settings, ...next }), { replace: true });
  const linkTo = (data: TagTrends) => (tagId: string, bucketIndex: number) => highlightsLink(ws, tagId, data.buckets[bucketIndex]!, settings);
  // A finger cannot focus a point and press Enter; a mouse, and the keyboard beside it, can.
  const coarse = useMediaQuery(COARSE_POINTER);

  return (
    <div className="stack">
      <form className="card trends-filters" role="search" aria-label="Choose what the chart shows" onSubmit={(event) => event.preventDefault()}>
        <TrendsTagPicker ws={ws} tagIds={settings.tagIds} onChange={(tagIds) => change({ tagIds })} />
        <Field label="Range">
          {(props) => (
            <Select {...props} value={settings.range} onChange={(event) => change({ range: event.target.value as RangePreset })}>
              {RANGE_PRESETS.map((preset) => (
                <option key={preset.value} value={preset.value}>
                  {preset.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Count by">
          {(props) => (
            <Select {...props} value={settings.interval} onChange={(event) => change({ interval: event.target.value as TrendInterval })}>
              <option value="week">Week</option>
              <option value="month">Month</option>
            </Select>
          )}
        </Field>
        <SourceKindSelect value={settings.kind} onChange={(kind) => change({ kind })} />
        <Field label="Segment">
          {(props) => (
            <TextInput
              {...props}
              // A new segment from elsewhere (Back) shows; typing changes nothing until the field is left or Enter pressed.
              key={settings.segment ?? ''}
              placeholder="e.g. Enterprise"
              defaultValue={settings.segment ?? ''}
              onBlur={(event) => change({ segment: event.target.value.trim() || undefined })}
              onKeyDown={(event) => event.key === 'Enter' && change({ segment: event.currentTarget.value.trim() || undefined })}
            />
          )}
        </Field>
      </form>

      {trends.isPending ? (
        <Loading />
      ) : !trends.data ? (
        <ErrorMessage error={trends.error} />
      ) : trends.data.buckets.every((bucket) => bucket.highlights === 0) ? (
        <TrendsEmptyState ws={ws} settings={settings} extraAction={emptyAction} />
      ) : (
        <>
          <section className="card trends-card" aria-labelledby="trends-chart-title" aria-busy={trends.isPlaceholderData || undefined}>
            <div className="row trends-card-header">
              <h2 id="trends-chart-title">Highlights per {trends.data.interval}</h2>
              <Button size="sm" variant="ghost" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((shown) => !shown)}>
                {showTable ? 'Hide the numbers' : 'Show the numbers'}
              </Button>
            </div>
            <p className="muted">
              Dated by when the customer said it, in {trends.data.interval === 'week' ? 'weeks from Monday' : 'calendar months'} (UTC).{' '}
              {trends.data.selection === 'top'
                ? `The ${trends.data.series.length} most used tags of the range: choose tags above to compare others.`
                : `Up to ${TRENDS_TAGS_MAX} tags.`}{' '}
              {coarse ? 'Tap a point to read its highlights.' : 'Click a point to read its highlights, or Tab to the chart, move with the arrow keys and press Enter.'}
            </p>
            <div role="figure" aria-label={describeChart(trends.data)}>
              <TrendsChart trends={trends.data} onOpen={(tagId, index) => navigate(linkTo(trends.data)(tagId, index))} />
            </div>
            <div hidden={!showTable}>
              <TrendsTable id={tableId} trends={trends.data} linkTo={linkTo(trends.data)} />
            </div>
          </section>
          <RisingTags
            interval={trends.data.interval}
            rising={trends.data.rising}
            shownTagIds={trends.data.series.map((series) => series.tag.id)}
            chosen={trends.data.selection === 'chosen'}
            onShow={(tagId) => change({ tagIds: [...trends.data.series.map((series) => series.tag.id), tagId].slice(0, TRENDS_TAGS_MAX) })}
            latestLink={(tagId) => linkTo(trends.data)(tagId, trends.data.buckets.length - 1)}
            colorOf={(tag) => {
              const index = trends.data.series.findIndex((series) => series.tag.id === tag.id);
              return index >= 0 ? seriesColors(trends.data.series.map((series) => series.tag))[index] : (tag.color ?? undefined);
            }}
          />
        </>
      )}
    </div>
  );
}
