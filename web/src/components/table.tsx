import type { ReactNode } from 'react';

export type Column<Row> = { key: string; header: ReactNode; cell: (row: Row) => ReactNode; align?: 'left' | 'right'; width?: string };

/** A plain data table; rows are keyed by `rowKey`. */
/** `cards`: on a phone each row becomes a card, its figures named by `TableFigure` (styles.css), for tables wider than the screen. */
export function Table<Row>({ columns, rows, rowKey, caption, cards = false }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; caption?: string; cards?: boolean }) {
  return (
    <div className={cards ? 'table-wrap table-cards' : 'table-wrap'}>
      <table className="table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={{ textAlign: column.align ?? 'left', width: column.width }}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} style={{ textAlign: column.align ?? 'left' }}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A figure in a cell, with its name for narrow screens, where the table's header is hidden; the header names it for screen readers. */
export function TableFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <span className="cell-label" aria-hidden="true">
        {label}{' '}
      </span>
      {children}
    </>
  );
}
