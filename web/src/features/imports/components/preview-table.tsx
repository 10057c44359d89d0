import { useId } from 'react';
import type { ImportPreview } from '@cairn/shared';
import { Table, type Column } from '../../../components/table';

const CELL_LENGTH = 120;
// Rows are keyed by position under a name no column can have (column names never hold a NUL).
const KEY = '\u0000row';

/**
 * The first rows of a CSV as the file has them, so the mapping can be checked against real values.
 * An export has more columns than a phone is wide: the rows scroll sideways in their own region
 * (focusable, so that arrow keys scroll it too), which says so on a phone.
 */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const cueId = useId();
  const columns: Array<Column<Record<string, string>>> = preview.columns.map((column, index) => ({
    key: `${index}`,
    header: (
      <span className="preview-column">
        {column}
        {preview.labels[index] && preview.labels[index] !== column && <span className="preview-column-label">{preview.labels[index]}</span>}
      </span>
    ),
    cell: (row) => {
      const value = row[column] ?? '';
      return value.length > CELL_LENGTH ? <span title={value}>{value.slice(0, CELL_LENGTH)}…</span> : value;
    },
  }));
  const rows = preview.rows.map((row, index) => ({ ...row, [KEY]: String(index) }));
  return (
    <>
      <p id={cueId} className="scroll-cue">
        Scroll the rows sideways to see every column <span aria-hidden="true">→</span>
      </p>
      <div className="preview-table scroll-region" role="region" aria-label="The first rows of the file" aria-describedby={cueId} tabIndex={0}>
        <Table caption="The first rows of the file" columns={columns} rows={rows} rowKey={(row) => row[KEY]!} />
      </div>
    </>
  );
}
