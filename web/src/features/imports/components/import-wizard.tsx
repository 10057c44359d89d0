import { useCallback, useState, type FormEvent } from 'react';
import { importOptionsSchemaFor, type DateOrder, type ImportFormat, type ImportOptions, type ImportPreview, type ScoreScale } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { ApiError } from '../../../lib/api-client';
import { usePreviewImport } from '../api/preview-import';
import { useStartImport } from '../api/start-import';
import { FileDrop } from './file-drop';
import { FormatPicker } from './format-picker';
import { FORMATS, isCsvFormat } from './formats';
import { dateOrderInFile, dateOrderToSend } from '../lib/date-order';
import { scoreScaleInFile, scoreScaleToSend } from '../lib/score-scale-choice';
import { CommonOptions, DateOrderChoice, EMPTY_TRANSCRIPT_DRAFT, ScoreScaleChoice, TranscriptOptions, type TranscriptDraft } from './import-options';
import { ImportReport } from './import-report';
import { SurveyMappingEditor, surveyDraftOf, TicketsMappingEditor, ticketsDraftOf, type SurveyDraft, type TicketsDraft } from './mapping-editor';
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

/** The column mapped to the format's one date field. */
function dateColumnOf(format: ImportFormat, drafts: Drafts): string | undefined {
  if (format === 'tickets-csv') return drafts.tickets.createdAt;
  if (format === 'survey-csv') return drafts.survey.submittedAt;
  return undefined;
}

/** The upload options for the format, checked with the schema the server uses. */
function buildOptions(format: ImportFormat, drafts: Drafts, dateOrder: DateOrder | undefined, scoreScale: ScoreScale | undefined): { options: ImportOptions } | { problem: string } {
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
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join(' › ').replace('mapping › body', 'Ticket text').replace('mapping › questions', 'Question columns');
  return { problem: where ? `${where}: ${issue.message}` : issue.message };
}

function speakersOf(preview: ImportPreview): string[] {
  return [...new Set(preview.sources.flatMap((source) => source.turns.map((turn) => turn.speaker)))].filter((speaker) => speaker !== '');
}

/**
 * Choose the format, drop the file, check the preview and the column mapping, start — then
 * watch the progress and read the report, all on one page, each step opening the next.
 */
export function ImportWizard({ ws }: { ws: string }) {
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(EMPTY_DRAFTS);
  const [problem, setProblem] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const preview = usePreviewImport(ws);
  const start = useStartImport(ws);
  // A step that opens takes the focus (stable callback refs run once, when its heading appears),
  // so keyboard and screen reader users follow along.
  const focusOnAppear = useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);

  const reset = () => {
    setFile(null);
    setDrafts(EMPTY_DRAFTS);
    setProblem(null);
    setImportId(null);
    preview.reset();
    start.reset();
  };

  const chooseFormat = (next: ImportFormat) => {
    reset();
    setFormat(next);
  };

  const chooseFile = (chosen: File) => {
    if (!format) return;
    setFile(chosen);
    setProblem(null);
    preview.mutate(
      { format, file: chosen, options: {} },
      { onSuccess: (result) => setDrafts({ ...EMPTY_DRAFTS, tickets: ticketsDraftOf(result), survey: surveyDraftOf(result) }) },
    );
  };

  const dateColumn = format ? dateColumnOf(format, drafts) : undefined;
  const datesInFile = preview.data ? dateOrderInFile(preview.data, dateColumn) : null;
  const dateOrder = dateOrderToSend(datesInFile, drafts.dateOrder);
  const scoreColumn = format === 'survey-csv' ? drafts.survey.score : undefined;
  const scaleInFile = preview.data ? scoreScaleInFile(preview.data, scoreColumn) : null;
  const scoreScale = scoreScaleToSend(scoreColumn, scaleInFile, drafts.scoreScale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!format || !file) return;
    const built = buildOptions(format, drafts, dateOrder, scoreScale);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    start.mutate({ format, file, options: built.options }, { onSuccess: (started) => setImportId(started.id) });
  };

  const info = FORMATS.find((candidate) => candidate.format === format);
  const startError = start.error instanceof ApiError && start.error.issues.length ? start.error.issues.map((issue) => `${issue.path.replace(/^body\./, '')}: ${issue.message}`).join('; ') : null;

  return (
    <div className="import-wizard stack">
      <section className="wizard-step card" aria-labelledby="step-format">
        <h2 id="step-format">1. Choose the format</h2>
        <FormatPicker value={format} onChange={chooseFormat} />
      </section>

      {format && info && !importId && (
        <section className="wizard-step card" aria-labelledby="step-file">
          <h2 id="step-file">2. Choose the file</h2>
          <FileDrop accept={info.accept} file={file} onFile={chooseFile} />
          {preview.isPending && <Loading label="Reading the first rows…" />}
          {preview.error && <ErrorMessage error={preview.error} />}
        </section>
      )}

      {format && file && preview.data && !importId && (
        <form className="wizard-step card stack" aria-labelledby="step-preview" onSubmit={submit} noValidate>
          <h2 id="step-preview" ref={focusOnAppear} tabIndex={-1}>
            3. Check the preview{isCsvFormat(format) ? ' and the columns' : ''}
          </h2>
          {isCsvFormat(format) ? (
            <>
              <p className="muted small">
                The first {preview.data.rows.length} rows · {preview.data.columns.length} columns · delimiter {describeDelimiter(preview.data.delimiter)} · {preview.data.encoding?.toUpperCase()}
              </p>
              <PreviewTable preview={preview.data} />
              <h3>Which column is what</h3>
              {format === 'tickets-csv' ? (
                <TicketsMappingEditor preview={preview.data} draft={drafts.tickets} onChange={(tickets) => setDrafts({ ...drafts, tickets })} />
              ) : (
                <SurveyMappingEditor
                  preview={preview.data}
                  draft={drafts.survey}
                  // Another score column has its own scale: the one found for it, until another is chosen.
                  onChange={(survey) => setDrafts({ ...drafts, survey, scoreScale: survey.score === drafts.survey.score ? drafts.scoreScale : null })}
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
                    Line {error.line}: {error.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3>Options</h3>
          {format === 'transcript' && (
            <TranscriptOptions
              draft={drafts.transcript}
              onChange={(transcript) => setDrafts({ ...drafts, transcript })}
              suggestedTitle={preview.data.sources[0]?.title ?? file.name}
              speakers={speakersOf(preview.data)}
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
          />
          {problem && (
            <p className="error-message" role="alert">
              {problem}
            </p>
          )}
          {start.error && (startError ? <p className="error-message" role="alert">{startError}</p> : <ErrorMessage error={start.error} />)}
          <div className="row">
            <Button type="submit" variant="primary" busy={start.isPending}>
              {start.isPending ? 'Uploading…' : 'Start import'}
            </Button>
            <Button variant="ghost" onClick={() => chooseFormat(format)}>
              Choose another file
            </Button>
          </div>
        </form>
      )}

      {importId && (
        <section className="wizard-step card stack" aria-label="4. Progress and report">
          <ImportReport ws={ws} importId={importId} headingRef={focusOnAppear} />
          <div className="row">
            <Button onClick={reset}>Import another file</Button>
          </div>
        </section>
      )}
    </div>
  );
}

function describeDelimiter(delimiter: string | null): string {
  if (delimiter === '\t') return 'tab';
  if (delimiter === ';') return 'semicolon';
  return 'comma';
}
