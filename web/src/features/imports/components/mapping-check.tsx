import type { ImportFormat, ImportPreviewSource, ImportRowCheck, MappingCheck } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { Table, type Column } from '../../../components/table';
import { formatDate } from '../../../lib/dates';
import { importUnits } from '../../../lib/import-words';

const rowsWord = (count: number) => (count === 1 ? 'row' : 'rows');

/** `3 of the first 20 rows would be rejected: Created at "ana@example.com" (column "Email") is not a date…`, by the first rejected row (the table lists each). */
export function summarizeMappingCheck(format: ImportFormat, rows: ImportRowCheck[]): { rejected: number; text: string } {
  const rejected = rows.filter((row) => row.error !== null);
  const first = `the first ${rows.length} ${rowsWord(rows.length)}`;
  if (rejected.length === 0) {
    const created = rows.reduce((sum, row) => sum + row.sources.length, 0);
    const { sources } = importUnits(format);
    return { rejected: 0, text: `All of ${first} would import, as ${created} ${created === 1 ? sources.one : sources.many}.` };
  }
  const how = rejected.length === rows.length ? `All of ${first} would be rejected` : `${rejected.length} of ${first} would be rejected`;
  return { rejected: rejected.length, text: `${how}: ${rejected[0]!.error}` };
}

function describeSource(source: ImportPreviewSource): string {
  const customer = source.customer?.email ?? source.customer?.name;
  return [source.occurredAt && formatDate(source.occurredAt), customer].filter(Boolean).join(' · ');
}

function Outcome({ row }: { row: ImportRowCheck }) {
  if (row.error !== null) return <span className="field-error">Rejected: {row.error}</span>;
  if (row.sources.length === 0) return <span className="muted">Nothing to import: no question column answered</span>;
  return (
    <ul className="panel-list">
      {row.sources.map((source, index) => (
        <li key={index}>
          {source.kind === 'survey_response' ? `${source.title}: ${source.body}` : source.title}
          {describeSource(source) && <span className="muted small"> · {describeSource(source)}</span>}
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: Array<Column<ImportRowCheck>> = [
  { key: 'line', header: 'Line', cell: (row) => row.line, align: 'right', width: '4rem' },
  { key: 'outcome', header: 'Would import as', cell: (row) => <Outcome row={row} /> },
];

type MappingCheckProps = { format: ImportFormat; check: MappingCheck | null | undefined; checking: boolean; error: Error | null };

/**
 * The first rows as the import would take them under the chosen columns, so that a wrong column
 * (an email chosen as "Created at") shows before the import instead of in its report. A warning,
 * not a stop: the import can start anyway. The rejection summary is an alert, said as it changes.
 */
export function MappingCheckReport({ format, check, checking, error }: MappingCheckProps) {
  if (error) return <ErrorMessage error={error} />;
  if (checking) return <Loading label="Checking the first rows with these columns…" />;
  if (!check || check.rows.length === 0) return null;
  const summary = summarizeMappingCheck(format, check.rows);
  return (
    <div className="stack mapping-check">
      {summary.rejected > 0 ? (
        <p className="notice notice-warning" role="alert">
          {summary.text}
        </p>
      ) : (
        <p className="muted small" role="status">
          {summary.text}
        </p>
      )}
      <details open={summary.rejected > 0}>
        <summary>What each of the first rows would become</summary>
        <Table caption="The first rows as the import would take them" columns={COLUMNS} rows={check.rows} rowKey={(row) => String(row.line)} />
      </details>
    </div>
  );
}
