import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { toWorkbook } from '../../../extension/dashboard/xlsx';
import { xlsxBlob, XLSX_TYPE } from '../../../extension/dashboard/xlsx-writer';
import { aggregate, xlsxSheets, type Sheet } from '../../../sessions';
import { DEFAULT_CATALOGUE } from '../../../sessions/tasks';
import { session, task, vn } from '../sessions/helpers';

/**
 * The dashboard's own XLSX writer (xlsx-writer.ts) against write-excel-file, the reference: every
 * part of the workbook, uncompressed, is the same text; the ZIP around them is valid (sizes and
 * CRC-32 checked here against Node's zlib).
 */
interface Entry {
  text: string;
  crc: number;
  size: number;
}

function entries(zip: Buffer): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    const raw = zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data;
    out.set(name, { text: raw.toString('utf8'), crc: zip.readUInt32LE(at + 16), size: zip.readUInt32LE(at + 24) });
    expect(crc32(raw), name).toBe(zip.readUInt32LE(at + 16));
    expect(raw.length, name).toBe(zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

async function expectSameAsReference(sheets: Sheet[]): Promise<Map<string, Entry>> {
  const reference = entries(await writeXlsxFile(toWorkbook<never>(sheets)).toBuffer());
  const blob = await xlsxBlob(sheets);
  expect(blob.type).toBe(XLSX_TYPE);
  const ours = entries(Buffer.from(await blob.arrayBuffer()));
  expect([...ours.keys()]).toEqual([...reference.keys()]);
  for (const [name, { text }] of reference) expect(ours.get(name)?.text, name).toBe(text);
  return ours;
}

const at = vn(2026, 3, 2, 8, 5);
const tricky = ['Bà cụ, "cần" đọc to & <chậm>', " khoảng trắng đầu", "cuối ", "=HYPERLINK('x')", 'x\u0001y\uFFFEz\uD800w\u0085', 'ổ'.normalize('NFD')];

describe('the XLSX writer', () => {
  it('writes what write-excel-file writes, part for part, for a session log with tricky text', async () => {
    const catalogue = { ...DEFAULT_CATALOGUE, tasks: DEFAULT_CATALOGUE.tasks.map((t, i) => (i < tricky.length ? { ...t, title: { ...t.title, vi: tricky[i] } } : t)) };
    const sessions = tricky.map((_, i) =>
      session({ startedAt: at + i * 3_600_000, endedAt: i % 2 ? at + i * 3_600_000 + 1_234_567 : undefined, satisfaction: i % 3 ? 4 : undefined, tasks: i % 4 !== 3 ? [task(DEFAULT_CATALOGUE.tasks[i].id, 'done', at + i * 3_600_000 + 61_000)] : [] }),
    );
    const report = aggregate(sessions, { groupBy: 'day' });
    const members = [{ schemaVersion: 1 as const, id: 'tv-01', displayName: tricky[0], team: 'Tổ 3', commune: 'Xã Tân Phú', createdAt: vn(2026, 1, 1) }];
    await expectSameAsReference(xlsxSheets(report, sessions, { catalogue, members }));
  });

  it('an empty period, empty rows, empty header cells, NaN and negative numbers', async () => {
    const report = aggregate([], { groupBy: 'week', from: vn(2026, 3, 1), to: vn(2026, 3, 8) });
    await expectSameAsReference(xlsxSheets(report, []));
    await expectSameAsReference([
      { name: 'A & <b> "c"', rows: [['h1', '', null, 'h"4'], [], [' lead', 'a&b', 1.5, Number.NaN, new Date(Date.UTC(2026, 2, 2, 8, 5))], [null, '', -3, 0], tricky] },
      { name: 'B', rows: [['only']] },
    ]);
  });

  it('spreads a large sheet over several buffers and still writes the same parts', async () => {
    const sessions = Array.from({ length: 4_000 }, (_, i) => session({ startedAt: at + i * 60_000, tasks: [task('cai-dat-vneid', 'done', at + i * 60_000), task('tra-cuu-ho-so', 'partial', at + i * 60_000)] }));
    const ours = await expectSameAsReference(xlsxSheets(aggregate(sessions, { groupBy: 'day' }), sessions));
    expect(ours.get('xl/worksheets/sheet4.xml')!.size).toBeGreaterThan(1 << 20);
  });
});
