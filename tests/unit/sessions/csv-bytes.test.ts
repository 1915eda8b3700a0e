import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionLogCsvParts } from '../../../extension/dashboard/csv-chunks';
import { CHUNK, CsvBytes } from '../../../sessions/csv-bytes';
import { csvLine, type CsvCell, type CsvOptions } from '../../../sessions/csv';
import { sessionLogCsv, sessionLogCsvWriter, type ExportOptions } from '../../../sessions/export';
import type { Session } from '../../../sessions/schema';
import { DEFAULT_CATALOGUE } from '../../../sessions/tasks';
import { parseCsv, session, task, uuid, vn } from './helpers';

/**
 * The byte writer behind the dashboard's CSV (sessions/csv-bytes.ts) against the reference, the
 * text that sessions/csv.ts writes, encoded as UTF-8: the same bytes, always.
 */
const utf8 = (text: string) => new TextEncoder().encode(text);

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Where two byte strings first differ, with the text around it (null: none); toEqual on MBs of bytes is very slow. */
function difference(got: Uint8Array, want: Uint8Array): string | null {
  const n = Math.min(got.length, want.length);
  let i = 0;
  while (i < n && got[i] === want[i]) i += 1;
  if (i === n && got.length === want.length) return null;
  const around = (b: Uint8Array) => new TextDecoder().decode(b.subarray(Math.max(0, i - 40), i + 40));
  return `byte ${i} of ${got.length}/${want.length}: ${JSON.stringify(around(got))} vs ${JSON.stringify(around(want))}`;
}

function fast(sessions: readonly Session[], options: ExportOptions & CsvOptions = {}): Uint8Array {
  const writer = sessionLogCsvWriter(options);
  writer.header();
  // Two calls, as the dashboard writes slices.
  writer.sessions(sessions.slice(0, 2));
  writer.sessions(sessions.slice(2));
  return joined(writer.take());
}

const at = vn(2026, 3, 2, 8, 5);
/** What a desk can type into the personal fields, and a tampered catalogue or record can carry. */
const TRICKY = [
  'Bà cụ, "cần" đọc to, chậm',
  '=HYPERLINK("http://x","bấm")',
  '+84912345678',
  '-1',
  '@SUM(A1)',
  '\tTAB đầu',
  '\rCR đầu',
  'dòng 1\r\ndòng 2\nba',
  'a;=1+1',
  'a|@x',
  'Nguyễn-Văn=An',
  'Kích hoạt tài khoản định danh điện tử mức 2'.normalize('NFD'),
  '"',
  'x'.repeat(300),
  `=${'ố'.repeat(100)}`,
  'emoji 👍 và \uD800 lẻ',
];

function trickySessions(): Session[] {
  return [
    ...TRICKY.map((text, i) =>
      session({
        id: uuid(500 + i),
        startedAt: at + i * 61_000,
        endedAt: i % 3 ? at + i * 61_000 + 3_600_000 : undefined,
        deskId: i % 2 ? '=ban' : 'ban-01',
        memberId: i % 4 ? 'tv-01' : '@tv',
        satisfaction: i % 5 ? ((i % 5) as 1 | 2 | 3 | 4) : undefined,
        citizen: i % 7 ? { ageBand: '60-74', gender: 'nu', firstTime: i % 2 === 0, name: text, phone: '0912345678', note: text } : undefined,
        tasks: i % 6 ? [task('cai-dat-vneid', 'done', at + i * 61_000 + 60_000), task(`viec-${i}`, 'not-done', at + 23 * 3_600_000 + 59 * 60_000, { reason: 'loi-he-thong' })] : [],
      }),
    ),
    // Before 1970 and in another century: the date parts as formatDateTime writes them.
    session({ id: uuid(900), startedAt: Date.UTC(1969, 11, 31, 23, 59), tasks: [] }),
    session({ id: uuid(901), startedAt: Date.UTC(2100, 1, 28, 16, 59), tasks: [task('tra-cuu-ho-so', 'partial', Date.UTC(2100, 1, 28, 17, 0))] }),
  ];
}

/** The default catalogue with titles a tampered catalogue file could carry. */
const catalogue = {
  ...DEFAULT_CATALOGUE,
  tasks: [
    ...DEFAULT_CATALOGUE.tasks,
    ...TRICKY.map((text, i) => ({ ...DEFAULT_CATALOGUE.tasks[0], id: `viec-${i}`, title: { vi: text, en: text } })),
  ],
};

describe('the session log written as bytes', () => {
  it('is byte for byte the reference CSV for tricky records, with every option', () => {
    const sessions = trickySessions();
    for (const delimiter of [',', ';', '\t'] as const) {
      for (const options of [{}, { personal: 'include' as const }, { bom: false }, { neutraliseFormulas: false, personal: 'include' as const }, { timeZone: 'UTC' as const }]) {
        const all = { ...options, delimiter, catalogue };
        expect(difference(fast(sessions, all), utf8(sessionLogCsv(sessions, all))), JSON.stringify(all)).toBeNull();
      }
    }
  });

  it('keeps the formula guard: no cell or split piece of a cell starts a formula', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(fast(trickySessions(), { personal: 'include', catalogue }));
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(text).toContain(`,'=ban,`);
    expect(text).toContain(`,'@tv,`);
    for (const row of parseCsv(text.slice(1))) {
      for (const cell of row) for (const piece of cell.split(/[,;\t|\r\n]/)) expect(piece, JSON.stringify(cell)).not.toMatch(/^[=+\-@]/);
    }
  });

  it('the dashboard slices come out as the same bytes', async () => {
    const sessions = Array.from({ length: 12_007 }, (_, i) => session({ id: uuid(20_000 + i), startedAt: at + i * 60_000, tasks: [task('cai-dat-vneid', 'done', at + i * 60_000), task('tra-cuu-ho-so', 'partial', at + i * 60_000)] }));
    const parts = await sessionLogCsvParts(sessions, { catalogue }, () => undefined, async () => undefined);
    expect(difference(joined(parts), utf8(sessionLogCsv(sessions, { catalogue })))).toBeNull();
  });

  it('any cell, any delimiter: the bytes of csvLine', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ế', 'Đ', ',', '"', '\r', '\n', ' ', ';', '|', '\t', '=', '+', '-', '@', '\u0301', '😀', '\uDC00', 'x') });
    const cell = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (rows, delimiter, guard) => {
        const options = { delimiter, neutraliseFormulas: guard } as const;
        const out = new CsvBytes(options);
        let reference = '';
        for (const row of rows as CsvCell[][]) {
          row.forEach((value, i) => {
            if (i) out.delimiter();
            out.cell(value);
          });
          out.lineEnd();
          reference += `${csvLine(row, options)}\r\n`;
        }
        expect(difference(joined(out.take()), utf8(reference))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('spreads large outputs over several buffers, a session repeated across them unchanged', () => {
    const long = 'ghi chú '.repeat(60);
    const sessions = Array.from({ length: 3_000 }, (_, i) =>
      session({ id: uuid(40_000 + i), startedAt: at + i * 60_000, citizen: { ageBand: '60-74', note: `${long}${i}` }, tasks: [1, 2, 3].map((k) => task('cai-dat-vneid', 'done', at + k)) }),
    );
    const writer = sessionLogCsvWriter({ personal: 'include' });
    writer.header();
    writer.sessions(sessions);
    const parts = writer.take();
    expect(parts.length).toBeGreaterThan(1);
    expect(difference(joined(parts), utf8(sessionLogCsv(sessions, { personal: 'include' })))).toBeNull();
  });
});

describe('CsvBytes, part by part', () => {
  const text = (out: CsvBytes) => new TextDecoder().decode(joined(out.take()));

  it('U+0080 and above are encoded, at the start of a cell or inside it', () => {
    const out = new CsvBytes();
    out.cell('\u0080a');
    out.delimiter();
    out.cell('a\u0080');
    expect(difference(joined(out.take()), utf8(csvLine(['\u0080a', 'a\u0080'])))).toBeNull();
  });

  it('a time written at any place near the end of a buffer is whole', () => {
    const time = Date.UTC(2026, 2, 2, 8, 5);
    for (let left = 1; left <= 20; left += 1) {
      const out = new CsvBytes();
      out.cell('x'.repeat(CHUNK - left));
      out.wallClock(time);
      expect(text(out).slice(CHUNK - left)).toBe('2026-03-02 08:05');
    }
  });

  it('counts its bytes across buffers, and gives no empty part', () => {
    const out = new CsvBytes();
    expect(out.take()).toEqual([]);
    out.cell('x'.repeat(CHUNK + 1));
    out.cell('abc');
    expect(out.size).toBe(CHUNK + 4);
    const parts = out.take();
    expect(parts.map((p) => p.length)).toEqual([CHUNK + 1, 3]);
  });

  it('writes an ended run once more, and says it did; a run not ended is not repeated', () => {
    const out = new CsvBytes();
    out.cell('id');
    out.startRun();
    out.cell('ab');
    out.delimiter();
    out.endRun();
    expect(out.again()).toBe(true);
    out.cell('c');
    expect(text(out)).toBe('idab,ab,c');
    out.startRun();
    out.cell('d');
    expect(out.again()).toBe(false);
  });
});
