import { useId } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { useUntriagedHelpdeskTags } from '../api/list-helpdesk-tags';

type HelpdeskTagFilterProps = { ws: string; value: string | null; onChange: (helpdeskTag: string | null) => void };

/**
 * Narrows the queue to the tickets the helpdesk tagged one way, each tag listed with how many of
 * its tickets wait. Absent while no waiting ticket has a helpdesk tag.
 */
export function HelpdeskTagFilter({ ws, value, onChange }: HelpdeskTagFilterProps) {
  const id = useId();
  const counts = useUntriagedHelpdeskTags(ws);
  if (counts.error) return <ErrorMessage error={counts.error} />;
  const items = counts.data?.items ?? [];
  if (!items.length && value === null) return null;
  // The chosen tag stays an option when none of its tickets are left (tagged meanwhile), so that the select still says what the queue shows.
  const listed = value === null || items.some((item) => item.name === value) ? items : [...items, { name: value, count: 0 }];
  return (
    <div className="row triage-filter">
      <label htmlFor={id}>Helpdesk tag</label>
      <Select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
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
