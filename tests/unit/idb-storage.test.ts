import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { IdbStorage } from '../../extension/sessions-db/idb-storage';

let n = 0;
const fresh = () => IdbStorage.open(`test-db-${n++}`);

describe('IdbStorage', () => {
  it('puts, gets and lists values as copies', async () => {
    const db = await fresh();
    const value = { a: 1 };
    await db.put('sessions', 'b', value);
    await db.put('sessions', 'a', { a: 2 });
    value.a = 99;
    expect(await db.get('sessions', 'b')).toEqual({ a: 1 });
    expect((await db.list('sessions')).map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('applies a batch across stores atomically: a failing op leaves nothing half-written', async () => {
    const db = await fresh();
    await db.put('meta', 'k', 1);
    const uncloneable = { fn: () => 1 };
    await expect(
      db.write([
        { type: 'put', store: 'sessions', key: 's1', value: { ok: true } },
        { type: 'put', store: 'meta', key: 'k', value: uncloneable },
      ]),
    ).rejects.toThrow();
    expect(await db.get('sessions', 's1')).toBeUndefined();
    expect(await db.get('meta', 'k')).toBe(1);
  });

  it('deletes keys and clears every store', async () => {
    const db = await fresh();
    await db.write([
      { type: 'put', store: 'sessions', key: 's1', value: 1 },
      { type: 'put', store: 'members', key: 'm1', value: 2 },
      { type: 'put', store: 'meta', key: 'x', value: 3 },
    ]);
    await db.delete('sessions', ['s1']);
    expect(await db.get('sessions', 's1')).toBeUndefined();
    await db.clear();
    for (const store of ['sessions', 'members', 'settings', 'quarantine', 'meta'] as const) expect(await db.list(store)).toEqual([]);
  });

  it('opens every write transaction with durability "strict" (the docs call session writes durable)', async () => {
    const db = await fresh();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      await db.put('sessions', 'a', 1);
      await db.write([{ type: 'delete', store: 'sessions', key: 'a' }]);
      await db.clear();
      const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
      expect(writes).toHaveLength(3);
      for (const [, , options] of writes) expect(options).toEqual({ durability: 'strict' });
    } finally {
      spy.mockRestore();
    }
  });
});
