import type { Cell, Sheet as WorkbookSheet } from 'write-excel-file/browser';
import type { Sheet } from '../../sessions';

/**
 * The domain's export sheets (sessions/export.ts `xlsxSheets`) as write-excel-file sheets: header
 * row in bold and frozen, columns sized to their text, times shown as Vietnamese date-times
 * (the cells are wall-clock Dates, see sessions/time.ts). Pure, so it is unit-tested. The records
 * worker writes the file with xlsx-writer.ts, whose parts are tested to be exactly what
 * write-excel-file makes of `toWorkbook(sheets)`: this is the reference it is held to.
 */
export const XLSX_DATE_FORMAT = 'dd/mm/yyyy hh:mm';
const SAMPLE_ROWS = 300;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function textWidth(cell: unknown): number {
  if (cell === null || cell === undefined) return 0;
  if (cell instanceof Date) return XLSX_DATE_FORMAT.length;
  return String(cell).length;
}

export function columnWidths(rows: readonly (readonly unknown[])[]): Array<{ width: number }> {
  const widths: number[] = [];
  for (const row of rows.slice(0, SAMPLE_ROWS)) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, Math.min(MAX_WIDTH, textWidth(cell) + 2));
    });
  }
  return Array.from(widths, (w) => ({ width: w ?? MIN_WIDTH }));
}

/** Generic over the writer's file-content type (browser or Node entry): these sheets carry no images. */
export function toWorkbook<FileContent = File | Blob | ArrayBuffer>(sheets: readonly Sheet[]): WorkbookSheet<FileContent>[] {
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row, r) => row.map((cell): Cell => (r === 0 && cell !== null ? { value: cell, fontWeight: 'bold' } : cell))),
    columns: columnWidths(sheet.rows),
    stickyRowsCount: 1,
    dateFormat: XLSX_DATE_FORMAT,
  }));
}
