import { useRef } from 'react';
import type { DateRangeQuery } from '@cairn/shared';
import { isReversedRange } from '../lib/dates';
import { Button } from './button';
import { Field, TextInput } from './field';

type DateRangeFieldsProps = {
  range: DateRangeQuery;
  /** Both bounds at once, an absent one cleared: a page writes them in one URL update. */
  onChange: (range: DateRangeQuery) => void;
  /** What the dates are of, for the group's name: "Tickets from", say. */
  label: string;
  /** The bounds' own labels, where a page words them its way ("Said from", "to"). */
  boundLabels?: { from: string; to: string };
};

const BOUND_LABELS = { from: 'From', to: 'To' };

/**
 * The app's From/To pair (ADR 008: days go to the API as they are), with a way back to every
 * date. A reversed range says so on To, the bound that ends it, as the server would.
 */
export function DateRangeFields({ range, onChange, label, boundLabels = BOUND_LABELS }: DateRangeFieldsProps) {
  const group = useRef<HTMLDivElement>(null);
  const set = (bound: keyof DateRangeQuery, value: string) => onChange({ ...range, [bound]: value || undefined });
  return (
    <div className="date-range" role="group" aria-label={label} ref={group}>
      {/* A link may carry an instant; the input shows its day. */}
      <Field label={boundLabels.from}>{(props) => <TextInput {...props} type="date" value={range.from?.slice(0, 10) ?? ''} onChange={(event) => set('from', event.target.value)} />}</Field>
      <Field label={boundLabels.to} error={isReversedRange(range) ? 'The end date comes before the start date' : undefined}>
        {(props) => <TextInput {...props} type="date" value={range.to?.slice(0, 10) ?? ''} onChange={(event) => set('to', event.target.value)} />}
      </Field>
      {(range.from || range.to) && (
        // The button goes with the dates: focus goes to the first of them, not to the page.
        <Button size="sm" variant="ghost" onClick={() => (onChange({}), group.current?.querySelector('input')?.focus())}>
          Any date
        </Button>
      )}
    </div>
  );
}

/**
 * What a list shows instead of its items while its range is reversed: it is not fetched, since it
 * would match nothing and the server's 400 would repeat what To already says. A calm line, not an error.
 */
export function ReversedRangeNote() {
  return <p className="muted">Nothing is shown while the dates are the wrong way round: change one of them.</p>;
}
