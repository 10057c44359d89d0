import type { ImportFormat } from '@cairn/shared';
import { FORMATS } from './formats';

/** Step 1: the format, as radio cards (arrow keys move between them). */
export function FormatPicker({ value, onChange }: { value: ImportFormat | null; onChange: (format: ImportFormat) => void }) {
  return (
    <fieldset className="format-picker">
      <legend className="visually-hidden">Format</legend>
      {FORMATS.map((info) => (
        <label key={info.format} className={`format-card${value === info.format ? ' selected' : ''}`}>
          <input type="radio" name="import-format" value={info.format} checked={value === info.format} onChange={() => onChange(info.format)} />
          <span className="format-card-title">{info.label}</span>
          <span className="format-card-accepts">{info.accepts}</span>
          <span className="format-card-description">{info.description}</span>
        </label>
      ))}
    </fieldset>
  );
}
