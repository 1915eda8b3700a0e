import { describe, expect, it } from 'vitest';
import { sessionLogCsvParts, CSV_SLICE } from '../../../extension/dashboard/csv-chunks';
import { sessionLogCsv } from '../../../sessions/export';
import type { Session } from '../../../sessions/schema';
import { DEFAULT_CATALOGUE } from '../../../sessions/tasks';
import { session, task, uuid, vn } from '../sessions/helpers';

/** The parts (UTF-8 bytes) as text, the BOM kept. */
const text = (parts: readonly Uint8Array[]) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(Buffer.concat(parts)));

function many(n: number): Session[] {
  return Array.from({ length: n }, (_, i) => {
    const at = vn(2026, 3, 2, 8) + i * 60_000;
    return session({ id: uuid(10_000 + i), startedAt: at, memberId: i % 2 ? 'tv-01' : 'tv-02', tasks: [task('cai-dat-vneid', 'done', at), task('tra-cuu-ho-so', 'partial', at)] });
  });
}

describe('the session log CSV built in slices', () => {
  it('is the one-piece CSV as UTF-8, with the header and BOM once, and reports progress up to 100 %', async () => {
    const sessions = many(CSV_SLICE * 2 + 7);
    const progress: number[] = [];
    let pauses = 0;
    const parts = await sessionLogCsvParts(sessions, {}, (f) => progress.push(f), async () => void (pauses += 1));
    expect(text(parts)).toBe(sessionLogCsv(sessions));
    expect(progress).toEqual([CSV_SLICE / sessions.length, (2 * CSV_SLICE) / sessions.length, 1]);
    expect(pauses).toBe(3);
  });

  it('keeps the formula guard in every slice', async () => {
    // A catalogue whose task title is a formula (a tampered catalogue file).
    const catalogue = { ...DEFAULT_CATALOGUE, tasks: DEFAULT_CATALOGUE.tasks.map((t) => (t.id === 'cai-dat-vneid' ? { ...t, title: { ...t.title, vi: '=HYPERLINK("http://x")' } } : t)) };
    const parts = await sessionLogCsvParts(many(CSV_SLICE + 1), { catalogue }, () => undefined, async () => undefined);
    const csv = text(parts);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/(^|[,;\r\n"])=HYPERLINK/);
  });

  it('an empty period still gets the header', async () => {
    expect(text(await sessionLogCsvParts([], {}, () => undefined, async () => undefined))).toBe(sessionLogCsv([]));
  });
});
