import { useId } from 'react';
import type { ImportPreview, SurveyCsvMapping, TicketsCsvField } from '@cairn/shared';
import { Field, Select } from '../../../components/field';

export type TicketsDraft = Partial<Record<TicketsCsvField, string>>;
export type SurveyDraft = Partial<Record<Exclude<keyof SurveyCsvMapping, 'questions'>, string>> & { questions: string[] };

const TICKET_FIELDS: Array<{ field: TicketsCsvField; label: string; hint?: string }> = [
  { field: 'body', label: 'Ticket text', hint: 'Required: what the customer wrote.' },
  { field: 'subject', label: 'Subject', hint: 'Without one, the title is the start of the text.' },
  { field: 'externalId', label: 'Ticket ID', hint: 'Lets a re-import update tickets instead of adding them again.' },
  { field: 'requesterEmail', label: 'Requester email', hint: 'Finds or creates the customer.' },
  { field: 'requesterName', label: 'Requester name' },
  { field: 'company', label: 'Company' },
  { field: 'createdAt', label: 'Created at' },
  { field: 'priority', label: 'Priority' },
  { field: 'status', label: 'Status' },
  { field: 'channel', label: 'Channel', hint: 'Email, chat, phone…' },
  {
    field: 'tags',
    label: 'Helpdesk tags',
    hint: 'Names separated by commas or semicolons. Shown on each ticket in the reader; your codebook tags are not changed.',
  },
];

const SURVEY_FIELDS: Array<{ field: Exclude<keyof SurveyCsvMapping, 'questions'>; label: string; hint?: string }> = [
  { field: 'respondentId', label: 'Respondent ID', hint: 'Lets a re-import update answers instead of adding them again.' },
  { field: 'respondentEmail', label: 'Respondent email', hint: 'Finds or creates the customer.' },
  { field: 'submittedAt', label: 'Submitted at' },
  { field: 'score', label: 'Score (NPS, CSAT…)' },
];

const NOT_MAPPED = '';

/** What is wrong with the mapping, by field (`body`, `questions`), once Start was pressed. */
type MappingProblems = Partial<Record<string, string>>;

/**
 * The columns a field can take, by their index in the file. A column without a name (the empty
 * one after a trailing comma, as Qualtrics' legacy export has) cannot be named in a mapping.
 */
function mappableColumns(preview: ImportPreview): number[] {
  return preview.columns.flatMap((column, index) => (column.trim() === '' ? [] : [index]));
}

/** A column as people recognise it: its name, and the question text when the export has one. */
function columnLabel(preview: ImportPreview, index: number): string {
  const column = preview.columns[index] ?? '';
  const label = preview.labels[index];
  return label && label !== column ? `${column} — ${label}` : column;
}

type ColumnSelectProps = { preview: ImportPreview; label: string; hint?: string | undefined; error?: string | undefined; value: string | undefined; onChange: (value: string) => void };

function ColumnSelect({ preview, label, hint, error, value, onChange }: ColumnSelectProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <Select {...props} value={value ?? NOT_MAPPED} onChange={(event) => onChange(event.target.value)}>
          <option value={NOT_MAPPED}>— not in this file —</option>
          {mappableColumns(preview).map((index) => (
            <option key={index} value={preview.columns[index]}>
              {columnLabel(preview, index)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** One column select per field of a format, in a grid; choosing "not in this file" leaves the field out. */
function ColumnSelects<Field extends string, Draft extends Partial<Record<Field, string>>>({
  fields,
  preview,
  draft,
  problems,
  onChange,
}: {
  fields: Array<{ field: Field; label: string; hint?: string }>;
  preview: ImportPreview;
  draft: Draft;
  problems: MappingProblems;
  onChange: (draft: Draft) => void;
}) {
  return (
    <div className="mapping-grid">
      {fields.map(({ field, label, hint }) => (
        <ColumnSelect
          key={field}
          preview={preview}
          label={label}
          hint={hint}
          error={problems[field]}
          value={draft[field]}
          onChange={(column) => onChange({ ...draft, [field]: column || undefined })}
        />
      ))}
    </div>
  );
}

/** Which column holds each of Cairn's ticket fields; prefilled with the suggestion. */
export function TicketsMappingEditor({ preview, draft, problems = {}, onChange }: { preview: ImportPreview; draft: TicketsDraft; problems?: MappingProblems; onChange: (draft: TicketsDraft) => void }) {
  return (
    <ColumnSelects fields={TICKET_FIELDS} preview={preview} draft={draft} problems={problems} onChange={onChange} />
  );
}

/** The respondent's fields as selects, and the question columns as checkboxes. */
export function SurveyMappingEditor({ preview, draft, problems = {}, onChange }: { preview: ImportPreview; draft: SurveyDraft; problems?: MappingProblems; onChange: (draft: SurveyDraft) => void }) {
  const questionsErrorId = useId();
  const questionsError = problems.questions;
  const used = new Set(SURVEY_FIELDS.map(({ field }) => draft[field]).filter(Boolean));
  const toggle = (column: string, checked: boolean) =>
    onChange({ ...draft, questions: checked ? [...draft.questions, column] : draft.questions.filter((question) => question !== column) });
  return (
    <div className="stack">
      <ColumnSelects fields={SURVEY_FIELDS} preview={preview} draft={draft} problems={problems} onChange={onChange} />
      <fieldset className={`question-picker${questionsError ? ' field-invalid' : ''}`}>
        <legend>Question columns</legend>
        <p className="field-hint">Each non-empty answer in these columns becomes one survey response, titled by its question.</p>
        {questionsError && (
          <p id={questionsErrorId} className="field-error" role="alert">
            {questionsError}
          </p>
        )}
        {mappableColumns(preview).map((index) => {
          const column = preview.columns[index]!;
          return used.has(column) ? null : (
            <label key={index} className="checkbox-row">
              <input
                type="checkbox"
                checked={draft.questions.includes(column)}
                onChange={(event) => toggle(column, event.target.checked)}
                aria-invalid={questionsError ? true : undefined}
                aria-describedby={questionsError ? questionsErrorId : undefined}
              />
              {columnLabel(preview, index)}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}

/** Fields a row keeps at most (the server's ROW_FIELDS_MAX): past it, the wizard says so. */
const ROW_FIELDS_MAX = 50;

/**
 * The columns no field or question takes, named as the import names the fields it keeps of
 * them: by the question text where the export has one, else the column; a column without a name
 * is "Column 7", listed only when the preview's rows have a value in it (a trailing comma's
 * column never has).
 */
export function keptColumns(preview: ImportPreview, draft: TicketsDraft | SurveyDraft): string[] {
  const used = new Set(Object.values(draft).flat().filter((column): column is string => typeof column === 'string'));
  return preview.columns.flatMap((column, index) => {
    if (column.trim() === '') return preview.rows.some((row) => row[column]?.trim()) ? [`Column ${index + 1}`] : [];
    return used.has(column) ? [] : [preview.labels[index] || column];
  });
}

/** Says which columns are not lost though no field takes them: each row keeps their values as fields of its source. */
export function KeptFields({ preview, draft }: { preview: ImportPreview; draft: TicketsDraft | SurveyDraft }) {
  const kept = keptColumns(preview, draft);
  if (kept.length === 0) return <p className="muted small">Every column is used.</p>;
  return (
    <p className="muted small">
      Kept as fields: {kept.join(', ')}. Each {preview.format === 'survey-csv' ? 'answer' : 'ticket'} keeps the values its row has in them
      {kept.length > ROW_FIELDS_MAX ? ` (the first ${ROW_FIELDS_MAX} with a value)` : ''}, shown in the reader.
    </p>
  );
}

/** The suggested mapping, as editable drafts. */
export function ticketsDraftOf(preview: ImportPreview): TicketsDraft {
  const suggested = (preview.suggestedMapping ?? {}) as Record<string, unknown>;
  return Object.fromEntries(TICKET_FIELDS.flatMap(({ field }) => (typeof suggested[field] === 'string' ? [[field, suggested[field]]] : [])));
}

export function surveyDraftOf(preview: ImportPreview): SurveyDraft {
  const suggested = (preview.suggestedMapping ?? {}) as Record<string, unknown>;
  const fields = Object.fromEntries(SURVEY_FIELDS.flatMap(({ field }) => (typeof suggested[field] === 'string' ? [[field, suggested[field]]] : [])));
  const questions = Array.isArray(suggested.questions) ? suggested.questions.filter((question): question is string => typeof question === 'string') : [];
  return { ...fields, questions };
}
