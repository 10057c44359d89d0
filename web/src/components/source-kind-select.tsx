import { SOURCE_KINDS, type SourceKind } from '@cairn/shared';
import { SOURCE_KIND_LABELS } from '../lib/source-kinds';
import { Field, Select } from './field';

type SourceKindSelectProps = {
  label?: string;
  /** The chosen kind, or several comma-separated as the sources and highlights APIs take them; none for all kinds. */
  value: string | undefined;
  onChange: (kind: SourceKind | undefined) => void;
};

const kindOf = (value: string) => SOURCE_KINDS.find((kind) => kind === value);
/** A kind's name; a link may carry a kind this version does not know, shown as it is. */
const nameOf = (value: string) => {
  const kind = kindOf(value);
  return kind ? SOURCE_KIND_LABELS[kind].many : value;
};

/**
 * A filter by kind of source: all kinds, or one. A link may carry several kinds
 * (`?kind=ticket,survey_response` in the Inbox): they show as one more option naming them all, so
 * the select says which filter is in force. That option is there only while chosen, so picking
 * another drops it and `onChange` only ever hands back one kind or none.
 */
export function SourceKindSelect({ label = 'Source kind', value, onChange }: SourceKindSelectProps) {
  const kinds = value?.split(',') ?? [];
  return (
    <Field label={label}>
      {(props) => (
        <Select {...props} value={value ?? ''} onChange={(event) => onChange(kindOf(event.target.value))}>
          <option value="">All kinds</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SOURCE_KIND_LABELS[kind].many}
            </option>
          ))}
          {kinds.length > 1 && <option value={value}>{kinds.map(nameOf).join(' + ')}</option>}
        </Select>
      )}
    </Field>
  );
}
