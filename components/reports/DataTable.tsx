import type { TableSpec } from './report-tables';
import { DASHBOARD_TEXT as T } from '../../extension/dashboard/strings';

export interface DataTableProps {
  table: TableSpec;
  /** Heading level: h3 on screen, h2 in the printed report. */
  level?: 2 | 3;
  /** Printed heading, when it differs from the table's title ("II. Theo việc"). */
  heading?: string;
  /** Prefix for element ids when the same table appears twice on the page (screen and print). */
  idPrefix?: string;
}

const cell = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('vi-VN') : v);

/** A body or total row: the first value labels the row, the rest are numbers. */
function RowCells({ values }: { values: readonly (string | number)[] }) {
  return values.map((v, i) =>
    i === 0 ? (
      <th key={i} scope="row">
        {cell(v)}
      </th>
    ) : (
      <td key={i} className="num">
        {cell(v)}
      </td>
    ),
  );
}

export function DataTable({ table, level = 3, heading, idPrefix = '' }: DataTableProps) {
  const headingId = `${idPrefix}table-${table.id}-heading`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="data-table" data-table={table.id}>
      <Heading id={headingId}>{heading ?? table.title}</Heading>
      {table.rows.length === 0 ? (
        <p className="note">{T.none}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                {table.headers.map((h, i) => (
                  <th key={h} scope="col" className={i ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={`${r}-${String(row[0])}`}>
                  <RowCells values={row} />
                </tr>
              ))}
            </tbody>
            {table.total && (
              <tfoot>
                <tr>
                  <RowCells values={table.total} />
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </div>
  );
}
