import { describe, expect, it } from 'vitest';
import { readRecords, updateRecords } from '../../../extension/dashboard/use-records';
import { MemoryStorage } from '../../../sessions';
import { session, vn } from '../sessions/helpers';

/**
 * The dashboard applies a change that names its session records without reading everything again:
 * the result must be exactly what a full read would give.
 */
const now = vn(2026, 3, 20, 12);

async function seeded() {
  const storage = new MemoryStorage();
  const [a, b, c] = [session(), session(), session()];
  for (const s of [a, b, c]) await storage.put('sessions', s.id, s);
  return { storage, a, b, c, records: await readRecords(storage, now) };
}

const ids = (sessions: { id: string }[]) => sessions.map((s) => s.id).sort();

describe('updateRecords', () => {
  it('replaces a changed record, removes a deleted one, adds a new one — as a full read would', async () => {
    const { storage, a, b, records } = await seeded();
    const changed = { ...a, updatedAt: a.updatedAt + 1000, satisfaction: 5 };
    const added = session();
    await storage.put('sessions', a.id, changed);
    await storage.delete('sessions', [b.id]);
    await storage.put('sessions', added.id, added);

    const updated = await updateRecords(storage, records, [a.id, b.id, added.id], now);
    const full = await readRecords(storage, now);
    expect(updated).not.toBeNull();
    expect(ids(updated!.sessions)).toEqual(ids(full.sessions));
    expect(updated!.sessions.find((s) => s.id === a.id)).toEqual(changed);
    expect(updated!.sessions.find((s) => s.id === added.id)).toEqual(added);
  });

  it('leaves the previous records untouched (a new array) and reads withdrawals again', async () => {
    const { storage, a, records } = await seeded();
    await storage.delete('sessions', [a.id]);
    const before = records.sessions.length;
    const updated = await updateRecords(storage, records, [a.id], now);
    expect(records.sessions).toHaveLength(before);
    expect(updated!.sessions).toHaveLength(before - 1);
  });

  it('asks for a full read when a named record fails validation, so it is quarantined there', async () => {
    const { storage, a, records } = await seeded();
    await storage.put('sessions', a.id, { ...a, tasks: 'not a list' });
    expect(await updateRecords(storage, records, [a.id], now)).toBeNull();
  });

  it('asks for a full read when a named record needs a migration', async () => {
    const { storage, records } = await seeded();
    const old = session();
    const v0: Record<string, unknown> = { ...old };
    delete v0.schemaVersion;
    await storage.put('sessions', old.id, v0);
    expect(await updateRecords(storage, records, [old.id], now)).toBeNull();
  });
});
