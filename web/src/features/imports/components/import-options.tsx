import { useId } from 'react';
import { describeScoreScale, type DateOrder, type ScoreScale } from '@cairn/shared';
import { Field, Select, TextInput } from '../../../components/field';
import type { InterviewDateGuess } from '../lib/interview-date';
import { scoreScaleChoices, scoreScaleKey } from '../lib/score-scale-choice';

export type TranscriptDraft = { title: string; customerEmail: string; customerName: string; customerCompany: string; interviewer: string };
export const EMPTY_TRANSCRIPT_DRAFT: TranscriptDraft = { title: '', customerEmail: '', customerName: '', customerCompany: '', interviewer: '' };

/** Who the interview was with and who asked the questions; the speakers of the file are offered. */
type TranscriptOptionsProps = {
  draft: TranscriptDraft;
  onChange: (draft: TranscriptDraft) => void;
  suggestedTitle: string;
  speakers: string[];
  /** What is wrong with the options, by their path (`title`, `customer.email`). */
  problems?: Partial<Record<string, string>>;
};

export function TranscriptOptions({ draft, onChange, suggestedTitle, speakers, problems = {} }: TranscriptOptionsProps) {
  const speakersId = useId();
  const set = (key: keyof TranscriptDraft) => (event: { target: { value: string } }) => onChange({ ...draft, [key]: event.target.value });
  return (
    <div className="mapping-grid">
      <Field label="Title" hint="Defaults to the file name." error={problems.title}>
        {(props) => <TextInput {...props} value={draft.title} placeholder={suggestedTitle} onChange={set('title')} />}
      </Field>
      <Field label="Interviewer" hint="Their turns are kept but set apart from what the customer said." error={problems.interviewer}>
        {(props) => (
          <>
            <TextInput {...props} list={speakersId} value={draft.interviewer} onChange={set('interviewer')} />
            <datalist id={speakersId}>
              {speakers.map((speaker) => (
                <option key={speaker} value={speaker} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Customer email" hint="Finds the customer, or creates them." error={problems['customer.email']}>
        {(props) => <TextInput {...props} type="email" value={draft.customerEmail} onChange={set('customerEmail')} />}
      </Field>
      <Field label="Customer name" error={problems['customer.name']}>
        {(props) => <TextInput {...props} value={draft.customerName} onChange={set('customerName')} />}</Field>
      <Field label="Customer’s company" error={problems['customer.company']}>
        {(props) => <TextInput {...props} value={draft.customerCompany} onChange={set('customerCompany')} />}</Field>
    </div>
  );
}

const GUESS_HINTS: Record<InterviewDateGuess['from'], string> = {
  'file-name': 'Read from the file name: confirm it is the day of the interview.',
  'document-properties': 'From the document’s properties: the day it was written. Confirm it, or enter the day of the interview.',
  'last-modified': 'A guess: the day the file was last saved. Confirm it, or enter the day of the interview.',
};

/**
 * What the interview date field says about its value: a transcript without a date is dated at
 * the import (a .docx, by its own properties), which makes an old interview count as recent
 * evidence, so that is spelt out.
 */
function interviewDateHint(occurredAt: string, guess: InterviewDateGuess | null, documentDate: string | null): string {
  if (!occurredAt && documentDate) return `Empty: the interview will be dated ${documentDate}, the day in the document’s properties.`;
  if (!occurredAt) return 'Empty: the interview will be dated today, the import date, and its highlights will count as recent in the evidence score and in Trends.';
  return occurredAt === guess?.date ? GUESS_HINTS[guess.from] : 'The day the interview took place.';
}

type CommonOptionsProps = {
  occurredAt: string;
  onOccurredAt: (value: string) => void;
  redactPii: boolean;
  onRedactPii: (value: boolean) => void;
  isTranscript: boolean;
  /** A transcript's date as the wizard guessed it, prefilled until the person changes it. */
  interviewDateGuess: InterviewDateGuess | null;
  /** A .docx transcript's own date, which the server gives it when the field is left empty. */
  documentDate: string | null;
  /** What is wrong with the date, once Start was pressed. */
  problem?: string | undefined;
};

/** Options every format has: a date for what carries none, and PII redaction. */
export function CommonOptions({ occurredAt, onOccurredAt, redactPii, onRedactPii, isTranscript, interviewDateGuess, documentDate, problem }: CommonOptionsProps) {
  const redactHintId = useId();
  return (
    <div className="stack">
      <div className="mapping-grid">
        <Field label={isTranscript ? 'Date of the interview' : 'Date for rows without one'} hint={isTranscript ? interviewDateHint(occurredAt, interviewDateGuess, documentDate) : 'Rows with a date of their own keep it.'}
          error={problem}
        >
          {(props) => <TextInput {...props} type="date" value={occurredAt} onChange={(event) => onOccurredAt(event.target.value)} />}
        </Field>
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={redactPii} onChange={(event) => onRedactPii(event.target.checked)} aria-describedby={redactHintId} />
        Redact personal data before storing
      </label>
      <p id={redactHintId} className="field-hint redact-hint">
        Email addresses, phone numbers, payment card numbers, IBANs and IP addresses in the text and fields are replaced by <code>[email]</code>, <code>[phone]</code>,{' '}
        <code>[card]</code>, <code>[iban]</code> and <code>[ip]</code>, and latitude and longitude columns by <code>[location]</code>. The originals are never stored; the
        report counts the replacements. Requester emails used to match customers are kept.
      </p>
    </div>
  );
}

const DATE_ORDER_CHOICES: Array<{ order: DateOrder; label: string }> = [
  { order: 'month-first', label: 'Month first: 03/04/2026 is March 4 (US)' },
  { order: 'day-first', label: 'Day first: 03/04/2026 is 3 April' },
];

/**
 * How the date column's slashed dates read, shown whenever it has some: the order its first
 * rows prove, preselected, or a choice to make when they all read both ways.
 */
export function DateOrderChoice({ column, inFile, value, onChange }: { column: string; inFile: DateOrder | 'unknown'; value: DateOrder | undefined; onChange: (order: DateOrder) => void }) {
  const hintId = useId();
  return (
    <fieldset className="date-order stack" aria-describedby={hintId}>
      <legend>Dates in “{column}”</legend>
      {DATE_ORDER_CHOICES.map(({ order, label }) => (
        <label key={order} className="checkbox-row">
          <input type="radio" name="date-order" value={order} checked={value === order} onChange={() => onChange(order)} />
          {label}
        </label>
      ))}
      <p id={hintId} className="field-hint">
        {inFile === 'unknown'
          ? 'The first rows do not tell: each of their dates reads both ways. Choose, or rows with such dates are rejected.'
          : `The first rows show dates written ${inFile === 'month-first' ? 'month first' : 'day first'}.`}
      </p>
    </fieldset>
  );
}

/**
 * The scale of the score column, so that a CSAT's 4 of 5 is not read as an NPS detractor: the
 * one the question and the first rows show, preselected, or a choice when they have no number.
 */
export function ScoreScaleChoice({ column, inFile, value, onChange }: { column: string; inFile: ScoreScale | null; value: ScoreScale | undefined; onChange: (scale: ScoreScale) => void }) {
  const choices = scoreScaleChoices(inFile);
  const hint = inFile
    ? `From the question and its first rows: ${describeScoreScale(inFile)}. A score off the scale rejects its row.`
    : 'The first rows have no number to tell the scale from; without a choice, scores are kept without one.';
  return (
    <div className="mapping-grid">
      <Field label={`Scale of “${column}”`} hint={hint}>
        {(props) => (
          <Select {...props} value={value ? scoreScaleKey(value) : ''} onChange={(event) => onChange(choices.find((choice) => choice.key === event.target.value)!.scale)}>
            {!value && <option value="">— choose a scale —</option>}
            {choices.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {choice.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
