// One table shell for the lists of the staff area and the patient's account: a caption for screen
// readers, column headers with scope, one row a record. Pages bring the rows; this file reads nothing.
import type { Key, ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';

type DataAttributes = { [name: `data-${string}`]: string };

export interface DataColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes after `p-2` on the cell, e.g. `whitespace-nowrap`. */
  className?: string;
  /** The cell names its row: a `<th scope="row">` instead of a `<td>`. */
  rowHeader?: boolean;
  cellData?: (row: Row) => DataAttributes;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: ReadonlyArray<DataColumn<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row, index: number) => Key;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  /** The wrapper's classes; the default frames the table as a card. */
  className?: string;
  /**
   * The wrapper scrolls sideways on a narrow screen (a wide table at 360 px): it is then a
   * focusable region named by the caption, so keyboard users can scroll it too (WCAG 2.1.1).
   */
  scrollable?: boolean;
  rowClassName?: (row: Row) => string;
  rowData?: (row: Row) => DataAttributes;
}

/** The column of when a record was created, on one line. */
export function createdAtColumn<Row extends { createdAt: Date }>(header: string): DataColumn<Row> {
  return { header, className: 'whitespace-nowrap', cell: (row) => formatDateTime(row.createdAt) };
}

const framed = 'overflow-x-auto rounded-lg border border-slate-200 bg-white';

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  className = framed,
  scrollable = false,
  rowClassName,
  rowData,
}: DataTableProps<Row>) {
  if (empty !== undefined && rows.length === 0) return <p role="status">{empty}</p>;
  return (
    <div className={className} {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className="p-2">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={rowKey(row, index)}
              {...rowData?.(row)}
              className={rowClassName ? `border-t border-slate-200 ${rowClassName(row)}` : 'border-t border-slate-200'}
            >
              {columns.map((column, i) => {
                const className = column.className ? `p-2 ${column.className}` : 'p-2';
                return column.rowHeader ? (
                  <th key={i} scope="row" className={className} {...column.cellData?.(row)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={className} {...column.cellData?.(row)}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
