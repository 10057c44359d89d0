import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DateRangeQuery } from '@cairn/shared';
import { DateRangeFields } from './date-range-fields';

const render = (range: DateRangeQuery, boundLabels?: { from: string; to: string }) =>
  renderToStaticMarkup(<DateRangeFields label="Date" range={range} onChange={() => {}} boundLabels={boundLabels} />);
const labels = (html: string) => [...html.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map((match) => match[1]);

describe('DateRangeFields', () => {
  it('names its group, labels the bounds From and To or as the page words them, and shows the day of an instant', () => {
    const html = render({ from: '2024-01-02T10:00:00.000Z' });
    expect(html).toContain('role="group" aria-label="Date"');
    expect(labels(html)).toEqual(['From', 'To']);
    expect(html).toContain('value="2024-01-02"');
    expect(labels(render({}, { from: 'Said from', to: 'to' }))).toEqual(['Said from', 'to']);
  });

  it('offers Any date only while a date is set', () => {
    expect(render({})).not.toContain('Any date');
    expect(render({ to: '2024-01-31' })).toContain('Any date');
  });

  it('says a reversed range is wrong on To, the bound that ends it', () => {
    const html = render({ from: '2024-02-01', to: '2024-01-31' });
    expect(html).toMatch(/<label[^>]*>To<\/label><input[^>]*aria-invalid="true"/);
    expect(html).toContain('The end date comes before the start date');
    expect(render({ from: '2024-01-31', to: '2024-01-31' })).not.toContain('aria-invalid');
  });
});
