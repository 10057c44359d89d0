import { useCallback, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { importOptionsSchemaFor, type DateOrder, type ImportFormat, type ImportOptions, type ImportPreview, type ScoreScale } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { ApiError } from '../../../lib/api-client';
import { useMappingCheck, type MappingCheckOptions } from '../api/check-mapping';
import { usePreviewImport } from '../api/preview-import';
import { useStartImport } from '../api/start-import';
import { FileDrop } from './file-drop';
import { FormatPicker } from './format-picker';
import { FORMATS, formatLabel, isCsvFormat, positionLabel } from './formats';
import { dateOrderInFile, dateOrderToSend } from '../lib/date-order';
import { inferFileFormat } from '../lib/infer-format';
import { documentDateOf, guessInterviewDate, type InterviewDateGuess } from '../lib/interview-date';
import { importUnits } from '../../../lib/import-words';
import { scoreScaleInFile, scoreScaleToSend } from '../lib/score-scale-choice';
import { CommonOptions, DateOrderChoice, EMPTY_TRANSCRIPT_DRAFT, ScoreScaleChoice, TranscriptOptions, type TranscriptDraft } from './import-options';
import { ImportReport } from './import-report';
import { RunningImports } from './running-imports';
import { MappingCheckReport } from './mapping-check';
import { KeptFields, SurveyMappingEditor, surveyDraftOf, TicketsMappingEditor, ticketsDraftOf, type SurveyDraft, type TicketsDraft } from './mapping-editor';
import { PreviewSources } from './preview-sources';
import { PreviewTable } from './preview-table';

const compact = <T extends Record<string, unknown>>(values: T) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;

type Drafts = {
  tickets: TicketsDraft;
  survey: SurveyDraft;
  transcript: TranscriptDraft;
  occurredAt: string;
  redactPii: boolean;
  dateOrder: DateOrder | null;
  /** The scale chosen for the survey's score column; null: the one the preview found. */
  scoreScale: ScoreScale | null;
};

const EMPTY_DRAFTS: Drafts = { tickets: {}, survey: { questions: [] }, transcript: EMPTY_TRANSCRIPT_DRAFT, occurredAt: '', redactPii: false, dateOrder: null, scoreScale: null };

/** Every extension some format takes: before a format is chosen, any of them may be dropped. */
const ANY_FORMAT_ACCEPT = [...new Set(FORMATS.flatMap((info) => info.accept.split(',')))].join(',');

/** A mapping carried over to the next file when that file has every column it names; else the preview's suggestion. */
function keepMapping<Draft extends Record<string, string | string[] | undefined>>(previous: Draft, suggested: Draft, columns: string[]): Draft {
  const named = Object.values(previous).flat().filter((column): column is string => typeof column === 'string');
  return named.length > 0 && named.every((column) => columns.includes(column)) ? previous : suggested;
}

/**
 * The options for the next file of a round: what was chosen for the last one (interviewer,
 * customer, redaction, mapping…) stays, except what belongs to one file, its title and, for a
 * transcript, its date (this file's own guess).
 */
function draftsForFile(previous: Drafts, preview: ImportPreview, format: ImportFormat, dateGuess: InterviewDateGuess | null): Drafts {
  const tickets = keepMapping(previous.tickets, ticketsDraftOf(preview), preview.columns);
  const survey = keepMapping(previous.survey, surveyDraftOf(preview), preview.columns);
  // How dates read and the score's scale were chosen for the old columns: with new ones, the file's own again.
  const sameColumns = format === 'tickets-csv' ? tickets === previous.tickets : survey === previous.survey;
  return {
    ...previous,
    tickets,
    survey,
    transcript: { ...previous.transcript, title: '' },
    occurredAt: format === 'transcript' ? (dateGuess?.date ?? '') : previous.occurredAt,
    dateOrder: sameColumns ? previous.dateOrder : null,
    scoreScale: sameColumns ? previous.scoreScale : null,
  };
}

/** The column mapped to the format's one date field. */
function dateColumnOf(format: ImportFormat, drafts: Drafts): string | undefined {
  if (format === 'tickets-csv') return drafts.tickets.createdAt;
  if (format === 'survey-csv') return drafts.survey.submittedAt;
  return undefined;
}

/** What is wrong with the options, by the path of the field at fault (`mapping.body`, `customer.email`), in the words of the field. */
type OptionProblems = Record<string, string>;

/** Required columns left unchosen: said as what to do, not as the schema's "expected string". */
const UNCHOSEN_COLUMN: Record<string, string> = {
  'mapping.body': 'Choose the column that holds the ticket text',
  'mapping.questions': 'Choose at least one question column',
};

/** The upload options for the format, checked with the schema the server uses. */
function buildOptions(format: ImportFormat, drafts: Drafts, dateOrder: DateOrder | undefined, scoreScale: ScoreScale | undefined): { options: ImportOptions } | { problems: OptionProblems } {
  const raw: Record<string, unknown> = { redactPii: drafts.redactPii || undefined, occurredAt: drafts.occurredAt || undefined, dateOrder };
  if (format === 'tickets-csv') raw.mapping = compact(drafts.tickets);
  if (format === 'survey-csv') Object.assign(raw, { mapping: compact(drafts.survey), scoreScale });
  if (format === 'transcript') {
    const { title, interviewer, customerEmail, customerName, customerCompany } = drafts.transcript;
    const customer = compact({ email: customerEmail.trim(), name: customerName.trim(), company: customerCompany.trim() });
    Object.assign(raw, { title: title.trim() || undefined, interviewer: interviewer.trim() || undefined, customer: Object.keys(customer).length ? customer : undefined });
  }
  const parsed = importOptionsSchemaFor(format).safeParse(compact(raw));
  if (parsed.success) return { options: parsed.data };
  const problems: OptionProblems = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    problems[path] ??= UNCHOSEN_COLUMN[path] ?? issue.message;
  }
  return { problems };
}

/** The problems of the fields under `prefix` (`mapping`), keyed by the rest of their path. */
function problemsUnder(problems: OptionProblems, prefix: string): OptionProblems {
  return Object.fromEntries(Object.entries(problems).flatMap(([path, message]) => (path.startsWith(`${prefix}.`) ? [[path.slice(prefix.length + 1), message]] : [])));
}

/** Problems the wizard shows at a field of its own; any other is said under the form. */
const AT_A_FIELD = /^(mapping\.|customer\.|title$|interviewer$|occurredAt$)/;

/** A mapping compared by its fields, whatever order they were set in. */
const mappingKey = (mapping: object | undefined) => JSON.stringify(Object.entries(mapping ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/**
 * What the rows are checked with: the options' mapping and how dates and scores read. The
 * preview already checked its suggestion with the file's own date order and scale, so that
 * check stands until the person changes one of them (null: ask nothing more).
 */
function mappingCheckOptions(preview: ImportPreview, drafts: Drafts, options: ImportOptions): MappingCheckOptions | null {
  const checked = preview.mappingCheck;
  if (checked && mappingKey(checked.mapping) === mappingKey(options.mapping) && drafts.dateOrder === null && drafts.scoreScale === null) return null;
  return compact({ mapping: options.mapping, dateOrder: options.dateOrder, scoreScale: options.scoreScale });
}

function speakersOf(preview: ImportPreview): string[] {
  return [...new Set(preview.sources.flatMap((source) => source.speakers))];
}

/** What became of a file of the round that is behind us. */
type Outcome = 'imported' | 'skipped';

/**
 * Choose the format (or let the files' names tell it), drop one file or a round of them, check
 * the preview and the column mapping, start — then watch the progress and read the report, all
 * on one page, each step opening the next. Several files go one after the other, each with its
 * own preview and report; the format and the options chosen stay for the next file.
 */
export function ImportWizard({ ws }: { ws: string }) {
  const [format, setFormat] = useState<ImportFormat | null>(null);
  /** Chosen by the person (it then holds for every file), rather than read from a file's name. */
  const [formatChosen, setFormatChosen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [position, setPosition] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [dateGuess, setDateGuess] = useState<InterviewDateGuess | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY_DRAFTS);
  /** Whether Start was pressed: from then on the options' problems show at their fields, and go as they are fixed. */
  const [checked, setChecked] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const preview = usePreviewImport(ws);
  const start = useStartImport(ws);
  // Reading a file's format takes a moment: only the last file opened may use its answer.
  const opening = useRef(0);
  const form = useRef<HTMLFormElement>(null);
  // A step that opens takes the focus (stable callback refs run once, when its heading appears),
  // so keyboard and screen reader users follow along.
  const focusOnAppear = useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);
  const file = files[position] ?? null;
  const nextFile = files[position + 1] ?? null;

  const previewFile = (chosen: File, as: ImportFormat) => {
    setDateGuess(null);
    // Without options, so that a transcript's date in the preview is the file's own (documentDateOf).
    preview.mutate(
      { format: as, file: chosen, options: {} },
      {
        onSuccess: (result) => {
          const guess = as === 'transcript' ? guessInterviewDate(chosen, documentDateOf(result)) : null;
          setDateGuess(guess);
          setDrafts((previous) => draftsForFile(previous, result, as, guess));
        },
      },
    );
  };

  /** Shows the file at `index` of the round, in the chosen format or the one its name tells. */
  const openFile = async (round: File[], index: number) => {
    const chosen = round[index];
    const ticket = ++opening.current;
    setPosition(index);
    setImportId(null);
    setChecked(false);
    preview.reset();
    start.reset();
    if (!chosen) return;
    const as = formatChosen ? format : await inferFileFormat(chosen);
    if (ticket !== opening.current) return;
    setFormat(as);
    if (as) previewFile(chosen, as);
  };

  const chooseFiles = (chosen: File[]) => {
    setFiles(chosen);
    setOutcomes([]);
    void openFile(chosen, 0);
  };

  const moveOn = (outcome: Outcome) => {
    setOutcomes((previous) => {
      const next = [...previous];
      next[position] = outcome;
      return next;
    });
    void openFile(files, position + 1);
  };

  /** Another file (or round) with the same format and options. */
  const chooseAnotherFile = () => {
    opening.current++;
    setFiles([]);
    setOutcomes([]);
    setPosition(0);
    setImportId(null);
    setChecked(false);
    preview.reset();
    start.reset();
  };

  const chooseFormat = (next: ImportFormat) => {
    setFormat(next);
    setFormatChosen(true);
    // The file on screen is read again in the new format. After a report, the next file of the
    // round will be; without one, the wizard asks for the file to read in it.
    if (file && !importId) {
      setChecked(false);
      previewFile(file, next);
    } else if (importId && !nextFile) chooseAnotherFile();
  };

  const dateColumn = format ? dateColumnOf(format, drafts) : undefined;
  const datesInFile = preview.data ? dateOrderInFile(preview.data, dateColumn) : null;
  const dateOrder = dateOrderToSend(datesInFile, drafts.dateOrder);
  const scoreColumn = format === 'survey-csv' ? drafts.survey.score : undefined;
  const scaleInFile = preview.data ? scoreScaleInFile(preview.data, scoreColumn) : null;
  const scoreScale = scoreScaleToSend(scoreColumn, scaleInFile, drafts.scoreScale);

  const built = format ? buildOptions(format, drafts, dateOrder, scoreScale) : null;
  const problems: OptionProblems = checked && built && 'problems' in built ? built.problems : {};
  // Only a complete mapping can be checked; an incomplete one is said at its field on Start.
  const checkable = format && isCsvFormat(format) && file && preview.data && built && 'options' in built ? { format, file, options: built.options, preview: preview.data } : null;
  const checkOptions = checkable && mappingCheckOptions(checkable.preview, drafts, checkable.options);
  const mappingCheck = useMappingCheck(ws, checkable && checkOptions ? { format: checkable.format, file: checkable.file, options: checkOptions } : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!format || !file || !built) return;
    if ('problems' in built) {
      // Drawn at once, so that the first field at fault can take the focus (and scroll into view).
      flushSync(() => setChecked(true));
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    start.mutate({ format, file, options: built.options }, { onSuccess: (started) => setImportId(started.id) });
  };

  const info = FORMATS.find((candidate) => candidate.format === format);
  const startError = start.error instanceof ApiError && start.error.issues.length ? start.error.issues.map((issue) => `${issue.path.replace(/^body\./, '')}: ${issue.message}`).join('; ') : null;
  // A file the preview found nothing in (another format's file, an empty export) has nothing to start.
  const readNothing = preview.data !== undefined && (isCsvFormat(preview.data.format) ? preview.data.rows.length === 0 : preview.data.sources.length === 0);

  return (
    <div className="import-wizard stack">
      <RunningImports ws={ws} except={importId} />
      <section className="wizard-step card" aria-labelledby="step-format">
        <h2 id="step-format">1. Choose the format</h2>
        <p className="muted small">Or drop the files below: their names tell the format (.vtt, .srt, .docx and .txt are transcripts), and it can be changed here.</p>
        <FormatPicker value={format} onChange={chooseFormat} />
      </section>

      {!importId && (
        <section className="wizard-step card stack" aria-labelledby="step-file">
          <h2 id="step-file">2. Choose the file</h2>
          <FileDrop accept={formatChosen && info ? info.accept : ANY_FORMAT_ACCEPT} file={file} onFiles={chooseFiles} />
          {files.length > 1 && <FileRound files={files} position={position} outcomes={outcomes} />}
          {file && !format && (
            <p className="notice notice-warning" role="status">
              The name of {file.name} does not tell its format: choose it above.
            </p>
          )}
          {preview.isPending && <Loading label="Reading the first rows…" />}
          {preview.error && <ErrorMessage error={preview.error} />}
          {nextFile && (
            <div className="row">
              <Button variant="ghost" onClick={() => moveOn('skipped')}>
                Skip {file?.name} and go to the next file
              </Button>
            </div>
          )}
        </section>
      )}

      {format && file && preview.data && !importId && (
        <form ref={form} className="wizard-step card stack" aria-labelledby="step-preview" onSubmit={submit} noValidate>
          <h2 id="step-preview" ref={focusOnAppear} tabIndex={-1}>
            3. Check the preview{isCsvFormat(format) ? ' and the columns' : ''}
          </h2>
          {isCsvFormat(format) ? (
            <>
              <p className="muted small">
                {preview.data.rows.length === 1 ? 'The first row' : `The first ${preview.data.rows.length} rows`} · {preview.data.columns.length} columns · delimiter {describeDelimiter(preview.data.delimiter)} · {preview.data.encoding?.toUpperCase()}
              </p>
              <PreviewTable preview={preview.data} />
              <h3>Which column is what</h3>
              {format === 'tickets-csv' ? (
                <TicketsMappingEditor preview={preview.data} draft={drafts.tickets} problems={problemsUnder(problems, 'mapping')} onChange={(tickets) => setDrafts({ ...drafts, tickets })} />
              ) : (
                <SurveyMappingEditor
                  preview={preview.data}
                  draft={drafts.survey}
                  problems={problemsUnder(problems, 'mapping')}
                  // Another score column has its own scale: the one found for it, until another is chosen.
                  onChange={(survey) => setDrafts({ ...drafts, survey, scoreScale: survey.score === drafts.survey.score ? drafts.scoreScale : null })}
                />
              )}
              <KeptFields preview={preview.data} draft={format === 'tickets-csv' ? drafts.tickets : drafts.survey} />
              {checkable && (
                <MappingCheckReport
                  format={format}
                  check={checkOptions ? mappingCheck.data : preview.data.mappingCheck}
                  checking={checkOptions ? mappingCheck.checking : false}
                  error={checkOptions ? mappingCheck.error : null}
                />
              )}
            </>
          ) : (
            <PreviewSources preview={preview.data} />
          )}
          {preview.data.errors.length > 0 && (
            <div className="notice notice-warning">
              <p>These parts of the first items will be skipped or rejected:</p>
              <ul>
                {preview.data.errors.map((error, index) => (
                  <li key={index}>
                    {positionLabel(format)} {error.line}: {error.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {readNothing ? (
            <p className="notice notice-warning" role="status">
              Nothing to import: the first items of {file.name} gave no {importUnits(format).sources.many} as {formatLabel(format)}. Choose the format the file is in, or another file.
            </p>
          ) : (
            <>
              <h3>Options</h3>
              {format === 'transcript' && (
                <TranscriptOptions
                  draft={drafts.transcript}
                  onChange={(transcript) => setDrafts({ ...drafts, transcript })}
                  suggestedTitle={preview.data.sources[0]?.title ?? file.name}
                  speakers={speakersOf(preview.data)}
                  problems={problems}
                />
              )}
              {dateColumn && datesInFile && (
                <DateOrderChoice column={dateColumn} inFile={datesInFile} value={dateOrder} onChange={(order) => setDrafts({ ...drafts, dateOrder: order })} />
              )}
              {scoreColumn && <ScoreScaleChoice column={scoreColumn} inFile={scaleInFile} value={scoreScale} onChange={(scale) => setDrafts({ ...drafts, scoreScale: scale })} />}
              <CommonOptions
                occurredAt={drafts.occurredAt}
                onOccurredAt={(occurredAt) => setDrafts({ ...drafts, occurredAt })}
                redactPii={drafts.redactPii}
                onRedactPii={(redactPii) => setDrafts({ ...drafts, redactPii })}
                isTranscript={format === 'transcript'}
                interviewDateGuess={dateGuess}
                documentDate={documentDateOf(preview.data)}
                problem={problems.occurredAt}
              />
            </>
          )}
          {Object.entries(problems).map(([path, message]) =>
            AT_A_FIELD.test(path) ? null : (
              <p key={path} className="error-message" role="alert">
                {path ? `${path}: ${message}` : message}
              </p>
            ),
          )}
          {start.error && (startError ? <p className="error-message" role="alert">{startError}</p> : <ErrorMessage error={start.error} />)}
          <div className="row">
            {!readNothing && (
              <Button type="submit" variant="primary" busy={start.isPending}>
                {start.isPending ? 'Uploading…' : 'Start import'}
              </Button>
            )}
            <Button variant="ghost" onClick={chooseAnotherFile}>
              Choose another file
            </Button>
          </div>
        </form>
      )}

      {importId && (
        <section className="wizard-step card stack" aria-label="4. Progress and report">
          <ImportReport ws={ws} importId={importId} headingRef={focusOnAppear} />
          {files.length > 1 && !nextFile && <p className="muted small">That was the last of the {files.length} files: the history below has each one’s result.</p>}
          <div className="row">
            {nextFile && (
              <Button variant="primary" onClick={() => moveOn('imported')}>
                Import the next file: {nextFile.name}
              </Button>
            )}
            <Button onClick={chooseAnotherFile}>Import another file</Button>
          </div>
        </section>
      )}
    </div>
  );
}

/** The files dropped together, and where the wizard is among them. */
function FileRound({ files, position, outcomes }: { files: File[]; position: number; outcomes: Outcome[] }) {
  const stateOf = (index: number) => (index === position ? 'this one' : (outcomes[index] ?? 'waiting'));
  return (
    <div className="stack">
      <p className="small">
        File {position + 1} of {files.length}
      </p>
      <ol className="file-round small">
        {files.map((queued, index) => (
          <li key={`${index}-${queued.name}`} aria-current={index === position ? 'step' : undefined}>
            {index === position ? <strong>{queued.name}</strong> : queued.name} <span className="muted">· {stateOf(index)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function describeDelimiter(delimiter: string | null): string {
  if (delimiter === '\t') return 'tab';
  if (delimiter === ';') return 'semicolon';
  return 'comma';
}
