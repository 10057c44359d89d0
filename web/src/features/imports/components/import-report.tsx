import type { Ref } from 'react';
import type { Import } from '@cairn/shared';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { ProgressBar } from '../../../components/progress-bar';
import { Table } from '../../../components/table';
import { formatDateTime } from '../../../lib/dates';
import { countOf, describeCounts, importUnits, sampleCredit } from '../../../lib/import-words';
import { paths } from '../../../lib/paths';
import { isRunning, rejectedRowsUrl, useImport } from '../api/get-import';
import { formatLabel, isCsvFormat, positionLabel } from './formats';
import { ImportStatusBadge } from './import-status';
import { ImportScores } from './import-scores';

type ImportReportProps = {
  ws: string;
  importId: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** A finished survey's NPS and score chart: the import's own page has room for them, the wizard does not. */
  showScores?: boolean;
  /** 2 on the import's own page (under its h1), 3 in the wizard's step; the report's sections are a level below. */
  headingLevel?: 2 | 3;
};

/** Progress while an import runs (polled every half second), then its report. */
export function ImportReport({ ws, importId, headingRef, showScores = false, headingLevel = 3 }: ImportReportProps) {
  const query = useImport(ws, importId);
  if (query.isPending) return <Loading label="Starting the import…" />;
  if (query.error) return <ErrorMessage error={query.error} />;
  const item = query.data;
  const running = isRunning(item);
  const units = importUnits(item.format);
  const sources = capitalize(units.sources.many);
  const Heading = `h${headingLevel}` as const;
  const subLevel = headingLevel === 2 ? 3 : 4;
  // A transcript is one file, known by its text: imported whole or not at all, and never updated, so those counts could only say 0.
  const rowsApply = item.format !== 'transcript';
  return (
    <section className="import-report stack" aria-labelledby={`import-${item.id}-title`}>
      <div className="import-report-header">
        <Heading id={`import-${item.id}-title`} ref={headingRef} tabIndex={-1}>
          {running ? 'Importing' : item.status === 'done' ? 'Import finished' : 'Import failed'}: {item.fileName}
        </Heading>
        <ImportStatusBadge item={item} />
      </div>
      <p className="muted small">
        {formatLabel(item.format)} · started {formatDateTime(item.createdAt)}
        {item.sample ? ` · ${sampleCredit(item)}` : item.createdBy ? ` by ${item.createdBy.name}` : ''}
        {item.finishedAt ? ` · finished ${formatDateTime(item.finishedAt)}` : ''}
      </p>
      {running && <ProgressBar value={item.progress} label="Import progress" />}
      {item.failure && (
        <p className="error-message" role="alert">
          {item.failure}
        </p>
      )}
      {/* Said once, when the import ends: counts changing twice a second would be read out without end. */}
      <p className="visually-hidden" role="status">
        {running ? '' : `${item.status === 'done' ? 'Import finished' : 'Import failed'}: ${describeCounts(item.format, item.counts)}${item.skipped ? ` · ${item.skipped.toLocaleString()} ${item.skipped === 1 ? 'part' : 'parts'} skipped` : ''}`}
      </p>
      <dl className="import-counts">
        <Count label={`${sources} created`} value={item.counts.created} tone="success" />
        {(rowsApply || item.counts.updated > 0) && <Count label={`${sources} updated`} value={item.counts.updated} />}
        <Count label={`${sources} unchanged`} value={item.counts.unchanged} />
        {(rowsApply || item.counts.rejected > 0) && (
          <Count label={`${capitalize(units.rejected.many)} rejected`} value={item.counts.rejected} tone={item.counts.rejected ? 'danger' : undefined} />
        )}
        {item.skipped > 0 && <Count label="Parts skipped" value={item.skipped} tone="warning" />}
        {item.redactPii && <Count label="PII redacted" value={item.redacted} />}
      </dl>
      {item.format === 'survey-csv' && <p className="muted small">Each respondent’s row gives one answer per question they answered.</p>}
      {item.counts.unchanged > 0 && !running && <UnchangedSources ws={ws} item={item} />}
      {item.errorsTotal > 0 && <Rejections ws={ws} item={item} headingLevel={subLevel} />}
      {!running && item.counts.created + item.counts.updated > 0 && (
        <p>
          <Link to={`${paths.inbox(ws)}?importId=${item.id}`}>View imported sources</Link>
        </p>
      )}
      {showScores && item.format === 'survey-csv' && item.status === 'done' && <ImportScores ws={ws} item={item} headingLevel={subLevel} />}
    </section>
  );
}

/**
 * Where a re-import's unchanged sources are: they keep the import that last wrote them (this
 * import's own link would show none of them), which the server names (`unchangedFrom`).
 */
function UnchangedSources({ ws, item }: { ws: string; item: Import }) {
  const units = importUnits(item.format);
  return (
    <p className="muted small">
      Unchanged {units.sources.many} were already in Cairn exactly as in this file: importing a file again never duplicates them.
      {item.unchangedFrom.length > 0 && (
        <>
          {' '}
          They stay with the import that last wrote them:{' '}
          {item.unchangedFrom.map((other, index) => (
            <span key={other.id}>
              {index > 0 && ', '}
              <Link to={`${paths.inbox(ws)}?importId=${other.id}`}>
                {countOf(other.count, units.sources)} of {other.fileName}, imported {formatDateTime(other.finishedAt ?? other.createdAt)}
              </Link>
            </span>
          ))}
          .
        </>
      )}
    </p>
  );
}

/**
 * What was left out and what to do about it, which depends on the format: a CSV's rows come back
 * under the file's own header, to fix and import again; a vendor export's items are keyed by their
 * id, so the fixed export can be imported whole again; a transcript's skipped cues are lost from
 * this interview, and a corrected file is a second interview (a transcript is known by its text).
 */
function Rejections({ ws, item, headingLevel }: { ws: string; item: Import; headingLevel: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const units = importUnits(item.format);
  const title = item.counts.rejected ? `Rejected ${units.rejected.many}` : 'Skipped parts';
  const position = positionLabel(item.format);
  const [download, advice] =
    item.format === 'transcript'
      ? ['Download the skipped lines (CSV)', 'The rest of the interview was imported. A corrected file would be imported as a second interview: move this one to the trash first.']
      : isCsvFormat(item.format)
        ? ['Download rejected rows (CSV)', '— fix them and import that file: rows already imported will not be duplicated.']
        : [
            `Download rejected ${units.rejected.many} (CSV)`,
            `— each with its reason and the ${units.rejected.one} as the file has it. Importing the corrected file again does not duplicate the ${units.sources.many} already imported.`,
          ];
  return (
    <div className="stack import-errors">
      <Heading>
        {title} ({item.errorsTotal.toLocaleString()})
      </Heading>
      <Table
        caption={`${title}, by ${position.toLowerCase()}`}
        columns={[
          { key: 'line', header: position, cell: (error) => error.line, align: 'right', width: '80px' },
          { key: 'message', header: 'Reason', cell: (error) => error.message },
        ]}
        rows={item.errors}
        rowKey={(error) => `${error.line}-${error.message}`}
      />
      {item.errorsTotal > item.errors.length && <p className="muted small">The first {item.errors.length} are shown; the download has all of them.</p>}
      <p>
        <a href={rejectedRowsUrl(ws, item.id)} download>
          {download}
        </a>{' '}
        <span className="muted small">{advice}</span>
      </p>
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'warning' | 'danger' }) {
  return (
    <div className={`import-count${tone ? ` import-count-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
