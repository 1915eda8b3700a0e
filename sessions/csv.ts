/**
 * RFC 4180 CSV writer that Excel opens correctly with Vietnamese text: UTF-8 with a byte-order
 * mark, CRLF line ends, quotes doubled. A field is quoted when it holds a quote, CR, LF or ANY
 * character some Excel may split on (`,` `;` TAB `|`), whatever delimiter this file uses: the
 * machine that opens it may use another list separator (Vietnamese regional format uses ";").
 * Spreadsheet formula injection is neutralised by default: a text cell starting with = + - @ TAB
 * or CR gets a leading apostrophe, and so does every piece after a split character inside it
 * ("a;=1+1" → "a;'=1+1"), so "=HYPERLINK(…)" stays text even if a spreadsheet splits the cell.
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
/** A formula character right after a character a spreadsheet may split a cell on. */
const FORMULA_AFTER_SPLIT = /([,;\t|\r\n])(?=[=+\-@\t\r])/g;
const NEEDS_QUOTES = /[",;\t|\r\n]/;
/** Text that csvField may change (formula start, split or quote characters): anything else passes as it is. */
const RISKY = /^[=+\-@\t\r]|[",;\t|\r\n]/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A wall-clock Date (UTC fields = local time, see time.ts) as "YYYY-MM-DD HH:mm". */
function formatWallClock(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

export function csvField(value: CsvCell, options: CsvOptions = {}): string {
  // Stryker disable next-line StringLiteral: csvField only asks whether the delimiter is ";"
  const delimiter = options.delimiter ?? ',';
  let text: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = String(value);
    if (delimiter === ';') text = text.replace('.', ',');
    return NEEDS_QUOTES.test(text) ? `"${text}"` : text;
  }
  if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (value instanceof Date) text = formatWallClock(value);
  else {
    text = value;
    if (options.neutraliseFormulas ?? true) {
      text = text.replace(FORMULA_AFTER_SPLIT, "$1'");
      if (FORMULA_START.test(text)) text = `'${text}`;
    }
  }
  if (NEEDS_QUOTES.test(text)) {
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
    // Stryker disable next-line ConditionalExpression: a shortcut only; csvField returns such text unchanged
    if (typeof value === 'string' && !RISKY.test(value)) return value;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: the cache only saves work; encoding without it gives the same text
    if (typeof value !== 'string' || value.length > 64) return csvField(value, options);
    let encoded = cache.get(value);
    // Stryker disable next-line ConditionalExpression: encoding again gives the same text as the cached one
    if (encoded === undefined) {
      encoded = csvField(value, options);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the size cap bounds memory only; output is the same
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
