import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { columnWidths, toWorkbook, XLSX_DATE_FORMAT } from '../../../extension/dashboard/xlsx';
import { aggregate, xlsxSheets } from '../../../sessions';
import { session, vn } from '../sessions/helpers';

function entry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      return zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data).toString('utf8') : data.toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name}`);
}

describe('XLSX workbook from the export sheets', () => {
  const sessions = [session({ startedAt: vn(2026, 3, 2, 8) }), session({ startedAt: vn(2026, 3, 2, 9), memberId: 'tv-02' })];
  const report = aggregate(sessions, { groupBy: 'day' });
  const workbook = toWorkbook(xlsxSheets(report, sessions));

  it('keeps the four sheets, bolds and freezes the header row, formats times', () => {
    expect(workbook.map((s) => s.sheet)).toEqual(['Tổng hợp', 'Theo việc', 'Theo thành viên', 'Nhật ký phiên']);
    for (const sheet of workbook) {
      expect(sheet.stickyRowsCount).toBe(1);
      expect(sheet.dateFormat).toBe(XLSX_DATE_FORMAT);
      expect(sheet.data[0].every((cell) => cell === null || (typeof cell === 'object' && 'fontWeight' in cell && cell.fontWeight === 'bold'))).toBe(true);
    }
    const log = workbook[3].data;
    expect(log[1].some((cell) => cell instanceof Date)).toBe(true);
  });

  it('sizes columns to their text within bounds', () => {
    expect(columnWidths([['a', 'một cột rất dài '.repeat(10)], [null, 3]])).toEqual([{ width: 8 }, { width: 60 }]);
    expect(columnWidths([[new Date(0)]])).toEqual([{ width: XLSX_DATE_FORMAT.length + 2 }]);
  });

  it('write-excel-file turns it into a valid .xlsx with the Vietnamese sheet names', async () => {
    // never: the sheets carry no images, so the Node entry's file-content type does not matter.
    const bytes = await writeXlsxFile(toWorkbook<never>(xlsxSheets(report, sessions))).toBuffer();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = entry(bytes, 'xl/workbook.xml');
    for (const name of ['Tổng hợp', 'Theo việc', 'Theo thành viên', 'Nhật ký phiên']) expect(book).toContain(`name="${name}"`);
    expect(entry(bytes, 'xl/sharedStrings.xml')).toContain('Cài đặt ứng dụng VNeID');
  });
});
