import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvLineEncoder, toCsv } from '../../../sessions/csv';
import { parseCsv } from './helpers';

const BOM = '\uFEFF';

describe('CSV writer (RFC 4180, Excel-friendly)', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv([['a', 'b'], ['c', 'd']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\nc,d\r\n`);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Hà Nội, Việt Nam')).toBe('"Hà Nội, Việt Nam"');
    expect(csvField('ông "Ba"')).toBe('"ông ""Ba"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('không cần')).toBe('không cần');
  });

  it('keeps Vietnamese text intact (NFC and NFD alike)', () => {
    const nfc = 'Kích hoạt tài khoản định danh điện tử mức 2';
    const nfd = nfc.normalize('NFD');
    const text = toCsv([[nfc, nfd, 'Đồng ý']]);
    expect(parseCsv(text.slice(1))).toEqual([[nfc, nfd, 'Đồng ý']]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text))).toBe(text);
  });

  it('writes numbers, booleans, empties and wall-clock dates', () => {
    expect(toCsv([[1, 2.5, -3, null, undefined, true, new Date(Date.UTC(2026, 2, 2, 8, 5))]], { bom: false })).toBe('1,2.5,-3,,,TRUE,2026-03-02 08:05\r\n');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('neutralises spreadsheet formulas in text, not in numbers', () => {
    expect(csvField('=HYPERLINK("http://x","bấm")')).toBe('"\'=HYPERLINK(""http://x"",""bấm"")"');
    expect(csvField('+84912345678')).toBe("'+84912345678");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('=1+1', { neutraliseFormulas: false })).toBe('=1+1');
  });

  it('semicolon mode for Excel in Vietnamese regional format: ";" separates, "," is the decimal mark', () => {
    expect(toCsv([['a;b', 4.25, 'c,d']], { delimiter: ';', bom: false })).toBe('"a;b";"4,25";"c,d"\r\n');
    expect(parseCsv(toCsv([['a;b', 4.25, 'c,d']], { delimiter: ';', bom: false }), ';')).toEqual([['a;b', '4,25', 'c,d']]);
  });

  it('quotes every character any Excel may split on, whatever the delimiter (a file made for "," opened with ";")', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      for (const splitter of [',', ';', '\t', '|']) {
        const line = toCsv([[`a${splitter}b`]], { delimiter, bom: false, neutraliseFormulas: false });
        expect(line, `${JSON.stringify(delimiter)} / ${JSON.stringify(splitter)}`).toBe(`"a${splitter}b"\r\n`);
      }
      // A number written with a decimal comma is one cell on every machine.
      expect(toCsv([[4.25]], { delimiter, bom: false })).toBe(delimiter === ';' ? '"4,25"\r\n' : '4.25\r\n');
    }
  });

  it('neutralises a formula after any split character, not only at the start (a;=1+1)', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      for (const splitter of [',', ';', '\t', '|', '\n', '\r']) {
        for (const start of ['=', '+', '-', '@', '\t', '\r']) {
          const cell = `a${splitter}${start}1+1`;
          const [[parsed]] = parseCsv(toCsv([[cell]], { delimiter, bom: false }), delimiter);
          // Every piece a spreadsheet could make of the cell starts with something other than a formula.
          for (const piece of parsed.split(/[,;\t|\r\n]/).slice(1)) expect(piece, JSON.stringify({ delimiter, cell })).not.toMatch(/^[=+\-@]/);
          expect(parsed.startsWith('a')).toBe(true);
        }
      }
      expect(toCsv([['=HYPERLINK("x")']], { delimiter, bom: false })).toBe(`"'=HYPERLINK(""x"")"\r\n`);
    }
  });

  it('round-trips any text through an independent RFC 4180 parser', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ế', 'Đ', ',', '"', '\r', '\n', ' ', ';', '=', '\u0301', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        for (const delimiter of [',', ';'] as const) {
          const text = toCsv(rows, { delimiter, neutraliseFormulas: false });
          expect(text.startsWith(BOM)).toBe(true);
          // A row with one empty cell is an empty line; RFC 4180 readers treat it as [""].
          expect(parseCsv(text.slice(1), delimiter)).toEqual(rows);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the caching line encoder writes exactly what csvLine writes', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ờ', ',', '"', '\n', '=', ';') }), fc.integer(), fc.constant(null));
    for (const delimiter of [',', ';'] as const) {
      const encode = csvLineEncoder({ delimiter });
      fc.assert(
        fc.property(fc.array(cell, { maxLength: 8 }), (row) => {
          expect(encode(row)).toBe(csvLine(row, { delimiter }));
        }),
      );
    }
  });
});

describe('CSV cells at the edges', () => {
  it('pads two-digit date parts only below 10', () => {
    expect(csvField(new Date(Date.UTC(2026, 9, 10, 10, 10)))).toBe('2026-10-10 10:10');
    expect(csvField(new Date(Date.UTC(2026, 10, 9, 9, 9)))).toBe('2026-11-09 09:09');
    expect(csvField(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe('2026-12-31 23:59');
  });

  it('writes false as FALSE and infinities as empty cells', () => {
    expect(csvLine([true, false])).toBe('TRUE,FALSE');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('writes decimals with a point unless the delimiter is ";" (tab files keep the point, unquoted)', () => {
    expect(csvField(4.25, { delimiter: '\t' })).toBe('4.25');
    expect(csvField(4.25, { delimiter: ',' })).toBe('4.25');
    expect(csvField(4.25, { delimiter: ';' })).toBe('"4,25"');
    expect(csvField(4, { delimiter: ';' })).toBe('4');
  });

  it('neutralises a cell starting with TAB or CR and leaves inner formula characters alone', () => {
    expect(csvField('\t1')).toBe('"\'\t1"');
    expect(csvField('\r1')).toBe('"\'\r1"');
    expect(csvField('Nguyễn-Văn')).toBe('Nguyễn-Văn');
    expect(csvField('a=b+c@d')).toBe('a=b+c@d');
    expect(csvField('-')).toBe("'-");
    expect(csvField('a;=1+1')).toBe(`"a;'=1+1"`);
    expect(csvField('a|@x')).toBe(`"a|'@x"`);
  });

  it('quotes a lone CR or LF, not only a CRLF pair', () => {
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a|b')).toBe('"a|b"');
    expect(csvField('"')).toBe('""""');
  });

  it('an empty table is only the BOM; an empty row is an empty line', () => {
    expect(toCsv([])).toBe(BOM);
    expect(toCsv([], { bom: false })).toBe('');
    expect(toCsv([[]], { bom: false })).toBe('\r\n');
    expect(toCsv([['a']], { bom: true })).toBe(`${BOM}a\r\n`);
    expect(csvLine([])).toBe('');
  });

  it('the line encoder separates with the chosen delimiter and handles empty and long rows', () => {
    const encode = csvLineEncoder({ delimiter: ';' });
    expect(encode([])).toBe('');
    expect(encode(['a', 'b', 'c'])).toBe('a;b;c');
    expect(csvLineEncoder()(['a', 2, null, true])).toBe('a,2,,TRUE');
    const long = `=${'x'.repeat(100)}`;
    // Long texts bypass the cache and repeated short texts come from it: both are encoded alike.
    expect(encode([long, long, '=1', '=1'])).toBe(`'${long};'${long};'=1;'=1`);
  });
});
