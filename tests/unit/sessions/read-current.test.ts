import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSessions, readCurrentSessions } from '../../../sessions/repository';
import { DATA_VERSION, DATA_VERSION_KEY, MemoryStorage } from '../../../sessions/storage';
import { session, uuid } from './helpers';

const v0 = JSON.parse(readFileSync(new URL('../../fixtures/sessions/v0.json', import.meta.url), 'utf8')) as Array<{ id: string }>;

describe('readCurrentSessions: the dashboard reads without the write lock only when nothing needs a write', () => {
  it('returns every session of a current database, pausing as it goes, and writes nothing', async () => {
    const storage = new MemoryStorage();
    const sessions = Array.from({ length: 1200 }, (_, i) => session({ id: uuid(50_000 + i) }));
    for (const s of sessions) await storage.put('sessions', s.id, s);
    await storage.put('meta', DATA_VERSION_KEY, DATA_VERSION);
    const writes = storage.writes;
    let pauses = 0;
    const read = await readCurrentSessions(storage, async () => void (pauses += 1));
    expect(read?.map((s) => s.id).sort()).toEqual(sessions.map((s) => s.id).sort());
    expect(pauses).toBe(2);
    expect(storage.writes).toBe(writes);
  });

  it('gives way (null) to loadSessions under the lock when a record must be upgraded, re-keyed or quarantined, or the layout marker is missing', async () => {
    const old = new MemoryStorage();
    await old.put('meta', DATA_VERSION_KEY, DATA_VERSION);
    await old.put('sessions', v0[0].id, v0[0]);
    expect(await readCurrentSessions(old)).toBeNull();

    const junk = new MemoryStorage();
    await junk.put('meta', DATA_VERSION_KEY, DATA_VERSION);
    await junk.put('sessions', 'hong', { tasks: 'no' });
    expect(await readCurrentSessions(junk)).toBeNull();

    const unmarked = new MemoryStorage();
    const s = session({ id: uuid(60_000) });
    await unmarked.put('sessions', s.id, s);
    expect(await readCurrentSessions(unmarked)).toBeNull();
    await loadSessions(unmarked, Date.now());
    expect(await readCurrentSessions(unmarked)).toEqual([s]);
  });
});
