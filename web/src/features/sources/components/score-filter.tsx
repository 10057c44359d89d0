import { useState, type KeyboardEvent } from 'react';
import { NPS_GROUPS, ScoreBoundSchema, scoreGroupsOf, type ScoreScale, type ScoreScaleKind } from '@cairn/shared';
import { Field, Select, TextInput } from '../../../components/field';
import { scoreRangeText } from '../../../lib/score-scales';
import type { SourceFilterChange } from '../api/list-sources';

const CUSTOM = 'custom';

/** A named score range: an NPS group (kept to NPS answers, so a CSAT's 1–5 is no detractor) or a third of the chosen import's rating scale. */
type ScorePreset = { key: string; label: string; min: number; max: number; scoreScale: ScoreScaleKind | undefined };

const NPS_PRESETS: ScorePreset[] = [...NPS_GROUPS].reverse().map((group) => ({ ...group, label: `${group.label} (${group.min}–${group.max})`, scoreScale: 'nps' }));

/**
 * The presets that mean something for the sources shown: the thirds of the chosen import's
 * rating scale, none for its plain numbers, else the NPS groups (any import, an NPS one, or
 * one from before scales were kept).
 */
function presetsFor(importScale: ScoreScale | null | undefined): ScorePreset[] {
  if (importScale?.kind === 'number') return [];
  if (importScale?.kind !== 'rating') return NPS_PRESETS;
  return scoreGroupsOf(importScale)
    .reverse()
    .map((group) => ({ key: group.key, label: `${group.label} (${scoreRangeText(group)})`, min: group.min, max: group.max, scoreScale: undefined }));
}

type ScoreFilterProps = {
  scoreMin: string | undefined;
  scoreMax: string | undefined;
  scoreScale: string | undefined;
  /** The scale of the import the Inbox is filtered by; undefined without one (or when it is not known). */
  importScale?: ScoreScale | null | undefined;
  onChange: (change: SourceFilterChange) => void;
};

/** The preset whose range (and scale) the URL holds exactly, `custom` for any other range, '' for none. */
function presetOf(presets: ScorePreset[], { scoreMin, scoreMax, scoreScale }: Pick<ScoreFilterProps, 'scoreMin' | 'scoreMax' | 'scoreScale'>): ScorePreset | typeof CUSTOM | null {
  if (scoreMin === undefined && scoreMax === undefined && scoreScale === undefined) return null;
  return presets.find((preset) => String(preset.min) === scoreMin && String(preset.max) === scoreMax && preset.scoreScale === scoreScale) ?? CUSTOM;
}

/** Named ranges for the sources' scale or a custom range of numeric scores; a survey's text scores never match a range. */
export function ScoreFilter({ scoreMin, scoreMax, scoreScale, importScale, onChange }: ScoreFilterProps) {
  const offered = presetsFor(importScale);
  // An NPS preset in the URL (a link from an import's page, another import chosen since) stays named, though not offered.
  const current = presetOf([...offered, ...NPS_PRESETS], { scoreMin, scoreMax, scoreScale });
  const shownPresets = current && current !== CUSTOM && !offered.includes(current) ? [...offered, current] : offered;
  const preset = current === null ? '' : current === CUSTOM ? CUSTOM : current.key;
  // Custom can be chosen before any bound is typed: the URL cannot say so yet.
  const [customChosen, setCustomChosen] = useState(false);
  const [shown, setShown] = useState({ scoreMin, scoreMax, scoreScale });
  if (shown.scoreMin !== scoreMin || shown.scoreMax !== scoreMax || shown.scoreScale !== scoreScale) {
    setShown({ scoreMin, scoreMax, scoreScale });
    // The range was emptied (Clear filters, or both bounds cleared): back to any score.
    if (preset === '') setCustomChosen(false);
  }
  const choose = (value: string) => {
    setCustomChosen(value === CUSTOM);
    // A custom range is over every scale.
    if (value === CUSTOM) {
      if (scoreScale !== undefined) onChange({ scoreScale: undefined });
      return;
    }
    const chosen = shownPresets.find((candidate) => candidate.key === value);
    onChange({ scoreMin: chosen && String(chosen.min), scoreMax: chosen && String(chosen.max), scoreScale: chosen?.scoreScale });
  };
  const custom = customChosen || preset === CUSTOM;

  return (
    <>
      <Field label="Score">
        {(props) => (
          <Select {...props} value={custom ? CUSTOM : preset} onChange={(event) => choose(event.target.value)}>
            <option value="">Any score</option>
            {shownPresets.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
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
function ScoreRange({ scoreMin, scoreMax, onChange }: Pick<ScoreFilterProps, 'scoreMin' | 'scoreMax' | 'onChange'>) {
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
    onChange({ scoreMin: draft.min || undefined, scoreMax: draft.max || undefined, scoreScale: undefined });
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
