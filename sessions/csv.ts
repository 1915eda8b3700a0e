/**
 * RFC 4180 CSV writer that Excel opens correctly with Vietnamese text: UTF-8 with a byte-order
 * mark, CRLF line ends, a field quoted when it holds the delimiter, a quote, CR or LF (quotes
 * doubled). Spreadsheet formula injection is neutralised by default: a text cell starting with
 * = + - @ TAB or CR gets a leading apostrophe, so "=HYPERLINK(…)" stays text.
 *
 * Excel set to Vietnamese regional format uses ";" as its list separator and "," as its decimal
 * mark: pass `delimiter: ';'` for those machines (decimals are then written with a comma).
 */
export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvRow = readonly CsvCell[];

export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Start with U+FEFF so Excel reads UTF-8 (default true). */
  bom?: boolean;
  /** Prefix risky text cells with an apostrophe (default true). */
  neutraliseFormulas?: boolean;
}

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES_COMMA = /[",\r\n]/;
const NEEDS_QUOTES_SEMICOLON = /[";\r\n]/;
const NEEDS_QUOTES_TAB = /["\t\r\n]/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A wall-clock Date (UTC fields = local time, see time.ts) as "YYYY-MM-DD HH:mm". */
function formatWallClock(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

export function csvField(value: CsvCell, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let text: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = String(value);
    if (delimiter === ';') text = text.replace('.', ',');
    return text.includes(delimiter) ? `"${text}"` : text;
  }
  if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (value instanceof Date) text = formatWallClock(value);
  else {
    text = value;
    if ((options.neutraliseFormulas ?? true) && FORMULA_START.test(text)) text = `'${text}`;
  }
  if ((delimiter === ',' ? NEEDS_QUOTES_COMMA : delimiter === ';' ? NEEDS_QUOTES_SEMICOLON : NEEDS_QUOTES_TAB).test(text)) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** One CSV line without its line end. */
export function csvLine(row: CsvRow, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let line = '';
  for (let i = 0; i < row.length; i += 1) {
    if (i) line += delimiter;
    line += csvField(row[i], options);
  }
  return line;
}

/**
 * A line encoder that remembers how it encoded short repeated texts (labels, task and member
 * ids): large exports repeat a few hundred distinct values hundreds of thousands of times.
 */
export function csvLineEncoder(options: CsvOptions = {}): (row: CsvRow) => string {
  const delimiter = options.delimiter ?? ',';
  const cache = new Map<string, string>();
  const field = (value: CsvCell): string => {
    if (typeof value !== 'string' || value.length > 64) return csvField(value, options);
    let encoded = cache.get(value);
    if (encoded === undefined) {
      encoded = csvField(value, options);
      if (cache.size < 10_000) cache.set(value, encoded);
    }
    return encoded;
  };
  return (row) => {
    let line = row.length ? field(row[0]) : '';
    for (let i = 1; i < row.length; i += 1) line += delimiter + field(row[i]);
    return line;
  };
}

/** The whole file: BOM (unless turned off), one CRLF-terminated line per row. */
export function toCsv(rows: Iterable<CsvRow>, options: CsvOptions = {}): string {
  const parts: string[] = [];
  for (const row of rows) parts.push(csvLine(row, options));
  return (options.bom ?? true ? BOM : '') + (parts.length ? `${parts.join('\r\n')}\r\n` : '');
}
