import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdbStorage } from '../../../extension/sessions-db/idb-storage';
import { aggregate } from '../../../sessions/aggregate';
import { migrateSession } from '../../../sessions/migrations';
import type { Session } from '../../../sessions/schema';
import { MemoryStorage, type StorageAdapter, type WriteOp } from '../../../sessions/storage';
import { recountTallies, reportFromTallies, tallyOfSession } from '../../../sessions/tallies';
import { dayStartMs, dayNumber } from '../../../sessions/time';
import { session, task, uuid, vn } from './helpers';

const KEYS = [1, 2, 3, 4, 5, 6].map(uuid);
const FIRST_DAY = dayNumber(vn(2026, 2, 26));

const arbSession = (id: string) =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 9 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      member: fc.constantFrom('tv-01', 'tv-02', 'tv-03'),
      desk: fc.constantFrom('ban-01', 'ban-02'),
      tasks: fc.uniqueArray(fc.record({ id: fc.constantFrom('cai-dat-vneid', 'tra-cuu-ho-so', 'dang-ky-khai-sinh'), outcome: fc.constantFrom('done' as const, 'partial' as const, 'not-done' as const, 'pending' as const), tour: fc.boolean() }), { selector: (t) => t.id, maxLength: 3 }),
      agreed: fc.boolean(),
      stars: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      minutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    })
    .map(({ day, minute, member, desk, tasks, agreed, stars, minutes }): Session => {
      const startedAt = dayStartMs(FIRST_DAY + day) + minute * 60_000;
      const s = session({ id, startedAt, memberId: member, deskId: desk, tasks: tasks.map((t) => task(t.id, t.outcome, startedAt, { source: t.tour ? 'tour' : 'manual' })) });
      if (minutes !== undefined) s.endedAt = startedAt + minutes * 60_000;
      if (!agreed) {
        s.consent = { ...s.consent, agreed: false };
        delete s.citizen;
      } else if (stars !== undefined) s.satisfaction = stars;
      return s;
    });

/** A write as the app makes them: a session saved, deleted, junk (quarantine), or a batch of those. */
const arbOp: fc.Arbitrary<WriteOp> = fc.constantFrom(...KEYS).chain((key) =>
  fc.oneof(
    { weight: 5, arbitrary: arbSession(key).map((value): WriteOp => ({ type: 'put', store: 'sessions', key, value })) },
    { weight: 2, arbitrary: fc.constant<WriteOp>({ type: 'delete', store: 'sessions', key }) },
    { weight: 1, arbitrary: fc.constant<WriteOp>({ type: 'put', store: 'sessions', key, value: { not: 'a session' } }) },
    { weight: 1, arbitrary: fc.constant<WriteOp>({ type: 'put', store: 'meta', key: 'x', value: 1 }) },
  ),
);
const arbWrites = fc.array(fc.array(arbOp, { minLength: 1, maxLength: 4 }), { maxLength: 12 });

async function readable(adapter: StorageAdapter): Promise<Session[]> {
  return (await adapter.list('sessions')).flatMap(({ value }) => {
    const migrated = migrateSession(value);
    return migrated.ok ? [migrated.session] : [];
  });
}

/** Checks the rows as the writes left them: checkTallies and the marker mean readTallies does not rebuild here. */
async function expectConsistent(adapter: StorageAdapter): Promise<void> {
  expect(await adapter.checkTallies()).toEqual([]);
  const sessions = await readable(adapter);
  const rows = await adapter.readTallies();
  expect(rows).toEqual([...recountTallies(sessions).values()].sort((a, b) => a.day - b.day));
  expect(await adapter.checkTallies()).toEqual([]);
  const period = { from: dayStartMs(FIRST_DAY + 2), to: dayStartMs(FIRST_DAY + 9) };
  for (const groupBy of ['day', 'week', 'month'] as const) {
    expect(reportFromTallies(rows, { ...period, groupBy })).toEqual(aggregate(sessions, { ...period, groupBy }));
  }
  expect(reportFromTallies(rows, { groupBy: 'day' })).toEqual(aggregate(sessions, { groupBy: 'day' }));
}

/** A database whose tallies were built (marker written), so later reads use the rows the writes kept. */
async function built(adapter: StorageAdapter): Promise<void> {
  const s = session({ id: uuid(99) });
  await adapter.put('sessions', s.id, s);
  await adapter.rebuildTallies();
}

describe('session tallies kept by every write', () => {
  it('equal a recount of the records after any sequence of writes (memory adapter)', async () => {
    await fc.assert(
      fc.asyncProperty(arbWrites, async (writes) => {
        const adapter = new MemoryStorage();
        await built(adapter);
        for (const ops of writes) await adapter.write(ops);
        await expectConsistent(adapter);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  let n = 0;
  it('equal a recount of the records after any sequence of writes (IndexedDB adapter, one transaction each)', async () => {
    await fc.assert(
      fc.asyncProperty(arbWrites, async (writes) => {
        const adapter = await IdbStorage.open(`tallies-${n++}`);
        await built(adapter);
        for (const ops of writes) await adapter.write(ops);
        await expectConsistent(adapter);
        adapter.close();
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('a failed write changes no tally', async () => {
    const adapter = await IdbStorage.open(`tallies-fail-${n++}`);
    const kept = session({ id: KEYS[0] });
    await adapter.put('sessions', kept.id, kept);
    const before = await adapter.readTallies();
    await expect(adapter.write([{ type: 'put', store: 'sessions', key: KEYS[1], value: session({ id: KEYS[1] }) }, { type: 'put', store: 'meta', key: 'k', value: { fn: () => 1 } }])).rejects.toThrow();
    expect(await adapter.readTallies()).toEqual(before);
    expect(await adapter.checkTallies()).toEqual([]);
  });

  it('hold counts only: no session id, no citizen field', () => {
    const s = session({ id: KEYS[0] });
    const text = JSON.stringify(tallyOfSession(s));
    expect(text).not.toContain(s.id);
    expect(text).not.toMatch(/ageBand|gender|60-74/);
  });

  it('records written around the adapter are reported as drift, and "Tính lại" recounts them', async () => {
    const adapter = new MemoryStorage();
    const first = session({ id: KEYS[0] });
    await adapter.put('sessions', first.id, first);
    expect(await adapter.readTallies()).toHaveLength(1);
    adapter.skipTallies = true;
    const second = session({ id: KEYS[1], startedAt: vn(2026, 3, 5, 9) });
    await adapter.put('sessions', second.id, second);
    adapter.skipTallies = false;
    expect(await adapter.checkTallies()).toEqual([dayNumber(second.startedAt)]);
    await adapter.rebuildTallies();
    await expectConsistent(adapter);
  });

  it('are built from the records the first time they are read (a database from before tallies), and "delete everything" leaves none', async () => {
    const name = `tallies-upgrade-${n++}`;
    // Version 1 of the database: the same stores, no tallies.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        for (const store of ['sessions', 'members', 'settings', 'quarantine', 'meta']) open.result.createObjectStore(store);
        const s = session({ id: KEYS[2] });
        open.transaction!.objectStore('sessions').put(s, s.id);
      };
      open.onsuccess = () => (open.result.close(), resolve());
      open.onerror = () => reject(open.error);
    });
    const adapter = await IdbStorage.open(name);
    expect((await adapter.readTallies()).map((r) => r.c[0])).toEqual([1]);
    await expectConsistent(adapter);
    await adapter.clear();
    expect(await adapter.readTallies()).toEqual([]);
    expect(await adapter.checkTallies()).toEqual([]);
    adapter.close();
  });
});
