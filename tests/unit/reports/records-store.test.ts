import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byStart, readRecords, RecordsStore } from '../../../extension/dashboard/records-store';
import { backupJson, MemoryStorage, recountTallies, withdrawalCode } from '../../../sessions';
import { session, uuid, vn } from '../sessions/helpers';

/**
 * The records worker's store: loaded once, then a change that names its session records is applied
 * without reading everything again — the result must be exactly what a full read would give.
 */
const now = vn(2026, 3, 20, 12);

async function seeded() {
  const storage = new MemoryStorage();
  const [a, b, c] = [session({ startedAt: vn(2026, 3, 2, 9) }), session({ startedAt: vn(2026, 3, 5, 9) }), session({ id: 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b', startedAt: vn(2026, 2, 5, 9) })];
  for (const s of [a, b, c]) await storage.put('sessions', s.id, s);
  const store = new RecordsStore();
  await store.load(storage, now);
  return { storage, a, b, c, store };
}

const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id).sort();

describe('RecordsStore.apply', () => {
  it('replaces a changed record, removes a deleted one, adds a new one — as a full read would', async () => {
    const { storage, a, b, store } = await seeded();
    const changed = { ...a, updatedAt: a.updatedAt + 1000, satisfaction: 5 };
    const added = session();
    await storage.put('sessions', a.id, changed);
    await storage.delete('sessions', [b.id]);
    await storage.put('sessions', added.id, added);

    expect(await store.apply(storage, [a.id, b.id, added.id], now)).toBe(true);
    const full = await readRecords(storage, now);
    expect(ids(store.all())).toEqual(ids(full.sessions));
    expect(store.all().find((s) => s.id === a.id)).toEqual(changed);
    expect(store.all().find((s) => s.id === added.id)).toEqual(added);
    expect(store.info().count).toBe(full.sessions.length);
  });

  it('asks for a full read when a named record fails validation, and changes nothing', async () => {
    const { storage, a, b, store } = await seeded();
    await storage.delete('sessions', [b.id]);
    await storage.put('sessions', a.id, { ...a, tasks: 'not a list' });
    expect(await store.apply(storage, [b.id, a.id], now)).toBe(false);
    expect(store.info().count).toBe(3);
  });

  it('asks for a full read when a named record needs a migration', async () => {
    const { storage, store } = await seeded();
    const old = session();
    const v0: Record<string, unknown> = { ...old };
    delete v0.schemaVersion;
    await storage.put('sessions', old.id, v0);
    expect(await store.apply(storage, [old.id], now)).toBe(false);
  });

  it('a full load quarantines what cannot be read and upgrades what is old', async () => {
    const { storage, store } = await seeded();
    await storage.put('sessions', 'hong', { not: 'a session' });
    await store.load(storage, now);
    expect(store.info()).toMatchObject({ count: 3, quarantined: [{ key: 'hong' }] });
  });
});

describe('RecordsStore answers', () => {
  it('picks the period oldest first, counts expired records, finds a withdrawal code and checks tallies', async () => {
    const { a, b, c, store } = await seeded();
    expect(store.inPeriod(vn(2026, 3, 1, 0), vn(2026, 4, 1, 0)).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(store.retention(vn(2027, 2, 20, 12), 12).purgeCount).toBe(1);
    expect(store.withdrawalMatches(withdrawalCode(c.id))).toEqual([c.id]);
    const tallies = [...recountTallies(store.all()).values()];
    expect(store.drifted(tallies)).toBe(false);
    expect(store.drifted(tallies.slice(1))).toBe(true);
  });

  it('plans an import against the records it holds', async () => {
    const { a, store } = await seeded();
    const plan = store.planImport('x.json', backupJson([a, session()], { deskId: 'ban-02', exportedAt: now }), { settings: undefined, withdrawn: [] }, now);
    expect(plan.ok && plan.counts).toMatchObject({ added: 1 });
  });
});

describe('byStart: the session log order', () => {
  const byStartThenId = (a: { startedAt: number; id: string }, b: { startedAt: number; id: string }) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('orders by start time, then id, as a comparator sort would, over short and very long spans', () => {
    const base = vn(2026, 3, 1);
    // Offsets up to 2^45 ms (~1,100 years) force the comparator fallback; small ones share starts.
    const offset = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 40 * 86_400_000 }), fc.integer({ min: 0, max: 2 ** 45 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(offset, fc.integer({ min: 0, max: 50 })), { maxLength: 300 }), (rows) => {
        const sessions = rows.map(([t, n], i) => ({ ...session({ startedAt: base + t }), id: uuid(n * 1000 + i) }));
        const expected = [...sessions].sort(byStartThenId).map((s) => s.id);
        expect(byStart([...sessions]).map((s) => s.id)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
