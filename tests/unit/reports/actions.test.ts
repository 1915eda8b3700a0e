import { describe, expect, it } from 'vitest';
import {
  applyImport,
  eraseEverything,
  expiredSessions,
  isDeleteConfirmation,
  planChangesSomething,
  planImport,
  purge,
  saveRetention,
} from '../../../extension/dashboard/actions';
import { readRecords } from '../../../extension/dashboard/records-store';
import { backupJson, defaultSettings, loadSessions, loadSettings, MemoryStorage, type Session } from '../../../sessions';
import { planned } from './import-helpers';
import { session, vn } from '../sessions/helpers';

const now = vn(2026, 3, 20, 12);

async function stored(sessions: Session[]): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  await storage.write(sessions.map((s) => ({ type: 'put' as const, store: 'sessions' as const, key: s.id, value: s })));
  return storage;
}

const local = (sessions: readonly Session[]) => ({ sessions, settings: defaultSettings('ban-01'), withdrawn: new Set<string>() });

describe('dashboard actions over the storage adapter', () => {
  const desk = [session({ startedAt: vn(2026, 3, 2, 8) }), session({ startedAt: vn(2026, 3, 3, 8) })];
  const other = [session({ startedAt: vn(2026, 3, 4, 8), deskId: 'ban-02' }), session({ startedAt: vn(2026, 3, 5, 8), deskId: 'ban-02' })];
  const file = backupJson([...desk, ...other], { deskId: 'ban-02', exportedAt: now });

  it('plans an import without writing, then applies it; the same file again is all duplicates', async () => {
    const storage = await stored(desk);
    const writes = storage.writes;
    const plan = planned(planImport('may-2.json', file, local(desk), now));
    expect(plan.counts).toMatchObject({ added: 2, duplicates: 2, conflicts: 0, replaced: 0 });
    expect(planChangesSomething(plan)).toBe(true);
    expect(storage.writes).toBe(writes);

    const applied = await applyImport(storage, plan, now);
    expect(applied.ok).toBe(true);
    expect(applied.counts).toEqual(plan.counts);
    const after = (await loadSessions(storage, now)).sessions;
    expect(after).toHaveLength(4);

    const again = planned(planImport('may-2.json', file, local(after), now));
    expect(again.counts).toMatchObject({ added: 0, duplicates: 4, conflicts: 0, replaced: 0 });
    expect(planChangesSomething(again)).toBe(false);
  });

  it('re-merges against what is stored at apply time, not what the preview saw', async () => {
    const storage = await stored(desk);
    const plan = planned(planImport('may-2.json', file, local([]), now));
    expect(plan.counts.added).toBe(4);
    const applied = await applyImport(storage, plan, now);
    expect(applied.ok).toBe(true);
    expect(applied.counts).toMatchObject({ added: 2, duplicates: 2, conflicts: 0, replaced: 0 });
  });

  it('refuses malformed and foreign files with a bilingual message', () => {
    for (const [text, vi] of [
      ['{"format":', 'không phải JSON hợp lệ'],
      ['{"format":"danh-ba","version":1}', 'không phải tệp sao lưu phiên hỗ trợ'],
      ['[]', 'không phải tệp sao lưu của Dẫn Bước'],
      ['', 'Tệp trống'],
    ] as const) {
      const plan = planImport('x.json', text, local(desk), now);
      expect(plan.ok, text).toBe(false);
      if (!plan.ok) {
        expect(plan.error.vi).toContain(vi);
        expect(plan.error.en).not.toBe('');
        expect(plan.fileName).toBe('x.json');
      }
    }
  });

  it('purges exactly the expired records', async () => {
    const old = session({ startedAt: vn(2025, 1, 5, 8) });
    const storage = await stored([...desk, old]);
    const { purge: expired, cutoff } = await expiredSessions(storage, now, 12);
    expect(expired.map((s) => s.id)).toEqual([old.id]);
    expect(cutoff).toBe(vn(2025, 3, 20, 12));
    expect(await purge(storage, expired)).toEqual({ ok: true });
    expect((await loadSessions(storage, now)).sessions.map((s) => s.id).sort()).toEqual(desk.map((s) => s.id).sort());
  });

  it('saves the retention period into the stored desk settings, keeping the rest; refuses nonsense', async () => {
    const storage = new MemoryStorage();
    expect((await saveRetention(storage, 6)).ok).toBe(false);
    await storage.put('settings', 'desk', { ...defaultSettings('ban-01'), commune: 'xã Tân Phú' });
    expect(await saveRetention(storage, 6)).toEqual({ ok: true });
    const loaded = await loadSettings(storage);
    expect(loaded.ok).toBe(true);
    expect(loaded.ok ? loaded.settings : undefined).toMatchObject({ deskId: 'ban-01', commune: 'xã Tân Phú', retentionMonths: 6 });
    for (const bad of [0, 121, 1.5, Number.NaN]) expect((await saveRetention(storage, bad)).ok, String(bad)).toBe(false);
  });

  it('"delete everything" leaves every store empty, also after the page reads again', async () => {
    const storage = await stored(desk);
    await storage.put('quarantine', 'x', { key: 'x', record: { bad: true } });
    await storage.put('settings', 'desk', defaultSettings('ban-01'));
    await readRecords(storage, now);
    expect(await eraseEverything(storage)).toEqual({ ok: true });
    const records = await readRecords(storage, now);
    expect(records.sessions).toEqual([]);
    expect(records.quarantined).toEqual([]);
    expect(Object.values(storage.dump()).every((entries) => entries.length === 0)).toBe(true);
  });

  it('reads quarantined records from earlier loads too, so they are never silently dropped', async () => {
    const storage = await stored(desk);
    await storage.put('sessions', 'hong', { not: 'a session' });
    const first = await readRecords(storage, now);
    expect(first.quarantined.map((q) => q.key)).toEqual(['hong']);
    const second = await readRecords(storage, now);
    expect(second.quarantined.map((q) => q.key)).toEqual(['hong']);
    expect(second.sessions).toHaveLength(2);
  });

  it('accepts the typed confirmation with or without tone marks', () => {
    for (const typed of ['XOÁ', 'XÓA', 'xoá', ' xoa ', 'XOA']) expect(isDeleteConfirmation(typed, 'XOÁ'), typed).toBe(true);
    for (const typed of ['', ' ', 'XO', 'XOÁ HẾT', 'delete']) expect(isDeleteConfirmation(typed, 'XOÁ'), typed).toBe(false);
  });
});
