import { csvField, type CsvCell, type CsvOptions } from './csv';
import { DAY_MS, formatDate } from './time';

/**
 * The CSV writer of large exports, writing UTF-8 bytes straight into a few large buffers: no string
 * per line, no text joined, no encoding pass at the end. The bytes are exactly those of the text
 * that csvField / csvLine write (sessions/csv.ts, the reference), encoded as UTF-8; a unit test
 * compares the two on tricky records. Every cell this writer does not pass through unchanged goes
 * to csvField itself, so quoting and the formula guard have one definition:
 *  - plain ASCII text with nothing to quote or guard (ids, numbers of a few digits) is copied as it
 *    is, char by char;
 *  - other text is csvField's output, encoded once and kept (labels, task titles and member ids
 *    repeat a few hundred distinct values across 100,000 sessions);
 *  - times (`wallClock`) come from a per-day "YYYY-MM-DD " prefix and two-digit hours and minutes.
 */
/** The size of each buffer (a part of the output). */
export const CHUNK = 1 << 20;
const CACHE_LIMIT = 10_000;
const CACHE_MAX_LENGTH = 256;
const BOM_BYTES = [0xef, 0xbb, 0xbf];

/** Per char code below 128: 1 when csvField may change text holding it anywhere (quote, split characters). */
const SPECIAL = new Uint8Array(128);
for (const c of '",;\t|\r\n') SPECIAL[c.charCodeAt(0)] = 1;
/** Per char code below 128: 1 when text starting with it gets the formula guard. */
const FORMULA_START = new Uint8Array(128);
for (const c of '=+-@\t\r') FORMULA_START[c.charCodeAt(0)] = 1;

export class CsvBytes {
  private readonly parts: Uint8Array<ArrayBuffer>[] = [];
  private buffer = new Uint8Array(CHUNK);
  private at = 0;
  private readonly encoder = new TextEncoder();
  private readonly encoded = new Map<string, Uint8Array>();
  private readonly days = new Map<number, Uint8Array>();
  private readonly separator: number;
  private readonly guard: boolean;
  private runBuffer: Uint8Array | null = null;
  private runStart = 0;
  // Stryker disable next-line UnaryOperator: before any run, again() finds no run buffer either
  private runEnd = -1;

  constructor(private readonly options: CsvOptions = {}) {
    this.separator = (options.delimiter ?? ',').charCodeAt(0);
    this.guard = options.neutraliseFormulas ?? true;
  }

  /** Room for `n` more bytes in the current buffer (a new buffer when they would not fit). */
  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    if (this.at) this.parts.push(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(Math.max(CHUNK, n));
    this.at = 0;
  }

  private bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Text that is ASCII by construction (numbers, dates), as it is. */
  private ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i += 1) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  bom(): void {
    this.room(3);
    for (const b of BOM_BYTES) this.buffer[this.at++] = b;
  }

  delimiter(): void {
    this.room(1);
    this.buffer[this.at++] = this.separator;
  }

  lineEnd(): void {
    this.room(2);
    this.buffer[this.at++] = 13;
    this.buffer[this.at++] = 10;
  }

  /** One cell, as csvField writes it. */
  cell(value: CsvCell): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') this.text(value);
    else this.ascii(csvField(value, this.options));
  }

  private text(value: string): void {
    const n = value.length;
    if (!n) return;
    this.room(n);
    const buffer = this.buffer;
    const start = this.at;
    let c = value.charCodeAt(0);
    if (c < 128 && !(this.guard && FORMULA_START[c]) && !SPECIAL[c]) {
      buffer[start] = c;
      let i = 1;
      for (; i < n; i += 1) {
        c = value.charCodeAt(i);
        if (c >= 128 || SPECIAL[c]) break;
        buffer[start + i] = c;
      }
      if (i === n) {
        this.at = start + n;
        return;
      }
    }
    // Not plain ASCII, or csvField may change it: its output, encoded (short texts once).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: cached or not, the bytes are csvField's
    if (n > CACHE_MAX_LENGTH) return this.bytes(this.encoder.encode(csvField(value, this.options)));
    let bytes = this.encoded.get(value);
    if (bytes === undefined) {
      bytes = this.encoder.encode(csvField(value, this.options));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the cap bounds memory only
      if (this.encoded.size < CACHE_LIMIT) this.encoded.set(value, bytes);
    }
    this.bytes(bytes);
  }

  /**
   * A local time as "YYYY-MM-DD HH:mm" (formatDateTime in sessions/time.ts): `localMs` is the
   * instant plus the zone's offset. It never needs quotes or the formula guard.
   */
  wallClock(localMs: number): void {
    const day = Math.floor(localMs / DAY_MS);
    let prefix = this.days.get(day);
    if (prefix === undefined) {
      prefix = this.encoder.encode(`${formatDate(day * DAY_MS, 'UTC')} `);
      this.days.set(day, prefix);
    }
    const minutes = Math.floor((localMs - day * DAY_MS) / 60_000);
    const hours = Math.floor(minutes / 60);
    const minute = minutes - hours * 60;
    this.room(prefix.length + 5);
    const buffer = this.buffer;
    buffer.set(prefix, this.at);
    let at = this.at + prefix.length;
    buffer[at++] = 48 + Math.floor(hours / 10);
    buffer[at++] = 48 + (hours % 10);
    buffer[at++] = 58;
    buffer[at++] = 48 + Math.floor(minute / 10);
    buffer[at++] = 48 + (minute % 10);
    this.at = at;
  }

  /** Starts a run of bytes that `again()` writes once more (a session's columns, repeated on each task's line). */
  startRun(): void {
    this.runBuffer = this.buffer;
    this.runStart = this.at;
    this.runEnd = -1;
  }

  endRun(): void {
    this.runEnd = this.buffer === this.runBuffer ? this.at : -1;
  }

  /** Writes the run again by copying its bytes; false when it spans two buffers (then write it anew). */
  again(): boolean {
    const source = this.runBuffer;
    if (this.runEnd < 0 || !source) return false;
    const n = this.runEnd - this.runStart;
    this.room(n);
    if (this.buffer === source) this.buffer.copyWithin(this.at, this.runStart, this.runEnd);
    else this.buffer.set(source.subarray(this.runStart, this.runEnd), this.at);
    this.at += n;
    return true;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.parts.reduce((n, p) => n + p.length, 0) + this.at;
  }

  /** Everything written, as Blob parts; the writer starts over empty. */
  take(): Uint8Array<ArrayBuffer>[] {
    const parts = this.parts.splice(0);
    if (this.at) parts.push(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(CHUNK);
    this.at = 0;
    return parts;
  }
}
