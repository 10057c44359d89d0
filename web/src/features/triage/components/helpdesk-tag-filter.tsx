import { useId } from 'react';
import type { DateRangeQuery } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { useUntriagedHelpdeskTags } from '../api/list-helpdesk-tags';

type HelpdeskTagFilterProps = {
  ws: string;
  value: string | null;
  /** The queue's dates: the counts are of the tickets waiting then. */
  range: DateRangeQuery;
  /** False while the range matches nothing (reversed): the last counts stay. */
  enabled: boolean;
  onChange: (helpdeskTag: string | null) => void;
};

/**
 * Narrows the queue to the tickets the helpdesk tagged one way, each tag listed with how many of
 * its tickets wait (in the queue's dates). Absent while no waiting ticket has a helpdesk tag.
 */
export function HelpdeskTagFilter({ ws, value, range, enabled, onChange }: HelpdeskTagFilterProps) {
  const id = useId();
  const counts = useUntriagedHelpdeskTags(ws, range, enabled);
  if (counts.error) return <ErrorMessage error={counts.error} />;
  if (!counts.data) return null;
  const { items } = counts.data;
  if (!items.length && value === null) return null;
  // A link may spell the tag its own way: the queue matches it ignoring case, and so does the select.
  const chosen = value === null ? null : (items.find((item) => item.name.toLowerCase() === value.toLowerCase())?.name ?? value);
  // The chosen tag stays an option when none of its tickets are left (tagged meanwhile, or none in these dates), so that the select still says what the queue shows.
  const listed = chosen === null || items.some((item) => item.name === chosen) ? items : [...items, { name: chosen, count: 0 }];
  return (
    <div className="row triage-filter">
      <label htmlFor={id}>Helpdesk tag</label>
      <Select id={id} value={chosen ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Any</option>
        {listed.map((item) => (
          <option key={item.name} value={item.name}>
            {item.name} ({item.count.toLocaleString('en')})
          </option>
        ))}
      </Select>
    </div>
  );
}
