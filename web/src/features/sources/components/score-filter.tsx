import { useState, type KeyboardEvent } from 'react';
import { NPS_GROUPS, ScoreBoundSchema } from '@cairn/shared';
import { Field, Select, TextInput } from '../../../components/field';
import type { SourceFilterChange } from '../api/list-sources';

const CUSTOM = 'custom';

type ScoreFilterProps = { scoreMin: string | undefined; scoreMax: string | undefined; onChange: (change: SourceFilterChange) => void };

/** The NPS group whose range the URL holds exactly, `custom` for any other range, '' for none. */
function presetOf(scoreMin: string | undefined, scoreMax: string | undefined): string {
  if (scoreMin === undefined && scoreMax === undefined) return '';
  return NPS_GROUPS.find((group) => String(group.min) === scoreMin && String(group.max) === scoreMax)?.key ?? CUSTOM;
}

/** Promoters, passives, detractors or a custom range of numeric scores; a survey's text scores never match a range. */
export function ScoreFilter({ scoreMin, scoreMax, onChange }: ScoreFilterProps) {
  const preset = presetOf(scoreMin, scoreMax);
  // Custom can be chosen before any bound is typed: the URL cannot say so yet.
  const [customChosen, setCustomChosen] = useState(false);
  const [shown, setShown] = useState({ scoreMin, scoreMax });
  if (shown.scoreMin !== scoreMin || shown.scoreMax !== scoreMax) {
    setShown({ scoreMin, scoreMax });
    // The range was emptied (Clear filters, or both bounds cleared): back to any score.
    if (preset === '') setCustomChosen(false);
  }
  const choose = (value: string) => {
    setCustomChosen(value === CUSTOM);
    if (value === CUSTOM) return;
    const group = NPS_GROUPS.find((candidate) => candidate.key === value);
    onChange({ scoreMin: group && String(group.min), scoreMax: group && String(group.max) });
  };
  const custom = customChosen || preset === CUSTOM;

  return (
    <>
      <Field label="Score">
        {(props) => (
          <Select {...props} value={custom ? CUSTOM : preset} onChange={(event) => choose(event.target.value)}>
            <option value="">Any score</option>
            {[...NPS_GROUPS].reverse().map((group) => (
              <option key={group.key} value={group.key}>
                {group.label} ({group.min}–{group.max})
              </option>
            ))}
            <option value={CUSTOM}>Custom range…</option>
          </Select>
        )}
      </Field>
      {custom && <ScoreRange scoreMin={scoreMin} scoreMax={scoreMax} onChange={onChange} />}
    </>
  );
}

type RangeError = { field: 'min' | 'max'; message: string };

/** Two bounds, applied together on Enter or when focus leaves a bound, so a half-typed range never reaches the URL. */
function ScoreRange({ scoreMin, scoreMax, onChange }: ScoreFilterProps) {
  const [draft, setDraft] = useState({ min: scoreMin ?? '', max: scoreMax ?? '' });
  const [error, setError] = useState<RangeError | null>(null);
  const [shown, setShown] = useState({ scoreMin, scoreMax });
  // A bound the URL changed (a preset, Clear filters, this range applied) is shown; the other keeps what is being typed in it.
  if (shown.scoreMin !== scoreMin || shown.scoreMax !== scoreMax) {
    setShown({ scoreMin, scoreMax });
    setDraft({ min: shown.scoreMin !== scoreMin ? (scoreMin ?? '') : draft.min, max: shown.scoreMax !== scoreMax ? (scoreMax ?? '') : draft.max });
    setError(null);
  }

  const problemOf = (): RangeError | null => {
    if (draft.min && !ScoreBoundSchema.safeParse(draft.min).success) return { field: 'min', message: 'Enter a number, such as 7 or 4.5' };
    if (draft.max && !ScoreBoundSchema.safeParse(draft.max).success) return { field: 'max', message: 'Enter a number, such as 7 or 4.5' };
    if (draft.min && draft.max && Number(draft.min) > Number(draft.max)) return { field: 'max', message: 'The highest score is below the lowest' };
    return null;
  };
  const apply = () => {
    const problem = problemOf();
    setError(problem);
    if (problem || (draft.min === (scoreMin ?? '') && draft.max === (scoreMax ?? ''))) return;
    onChange({ scoreMin: draft.min || undefined, scoreMax: draft.max || undefined });
  };
  const applyOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') apply();
  };

  return (
    <>
      <Field label="Lowest score" error={error?.field === 'min' ? error.message : undefined}>
        {(props) => (
          <TextInput {...props} className="input score-bound" inputMode="decimal" value={draft.min} onChange={(event) => setDraft({ ...draft, min: event.target.value.trim() })} onBlur={apply} onKeyDown={applyOnEnter} />
        )}
      </Field>
      <Field label="Highest score" error={error?.field === 'max' ? error.message : undefined}>
        {(props) => (
          <TextInput {...props} className="input score-bound" inputMode="decimal" value={draft.max} onChange={(event) => setDraft({ ...draft, max: event.target.value.trim() })} onBlur={apply} onKeyDown={applyOnEnter} />
        )}
      </Field>
    </>
  );
}
