import { EVIDENCE_IMPORTANCES, type EvidenceImportance } from '@cairn/shared';
import { Select } from '../../../components/field';
import { EVIDENCE_IMPORTANCE_LABELS } from '../lib/labels';

type EvidenceImportanceProps = {
  importance: EvidenceImportance;
  /** What the select is named by (an aria-label, so the quote is not on the page twice): the quote it is of. */
  quote: string;
  /** Changes it; absent where the member may not (or where it is set elsewhere: a quote that comes through a problem), which shows it as text. */
  onChange?: (importance: EvidenceImportance) => void;
  busy?: boolean;
};

/**
 * How much a quote matters where it is linked (it weighs the backlog score): a native select, so
 * the keyboard (Tab, then ↑/↓ or the first letter) and the mouse both change it. Never disabled
 * while saving: that would take the focus away from someone changing it by keyboard.
 */
export function EvidenceImportanceControl({ importance, quote, onChange, busy = false }: EvidenceImportanceProps) {
  if (!onChange) return <span className={`evidence-importance importance-${importance}`}>{EVIDENCE_IMPORTANCE_LABELS[importance]}</span>;
  return (
    <span className="evidence-importance">
      <Select aria-label={`Importance of “${quote}”`} value={importance} aria-busy={busy} onChange={(event) => onChange(event.target.value as EvidenceImportance)}>
        {EVIDENCE_IMPORTANCES.map((option) => (
          <option key={option} value={option}>
            {EVIDENCE_IMPORTANCE_LABELS[option]}
          </option>
        ))}
      </Select>
    </span>
  );
}
