import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { STORE_NAMES, StorageQuotaError, type StorageAdapter, type StoreName, type WriteOp } from '../../sessions/storage';
import { applyTally, readDayTally, recountTallies, tallyChanges, tallyDrift, TALLY_MARKER_KEY, TALLY_VERSION, type DayTally, type TallyMarker } from '../../sessions/tallies';

/**
 * The session domain's StorageAdapter over IndexedDB: one object store per StoreName, out-of-line
 * string keys. Every write transaction is opened with `durability: 'strict'` and every promise
 * settles on its `complete`, so a reply sent after it is on disk (Chromium's default, "relaxed",
 * reports completion before the data is flushed); a quota error aborts the whole transaction and
 * surfaces as StorageQuotaError.
 *
 * Version 2 adds the `tallies` store (sessions/tallies.ts): day rows under number keys and a marker
 * under "built". Each write that touches `sessions` reads the records it replaces and the touched
 * day rows, and writes the new rows, in its own transaction. The upgrade itself only creates the
 * store; the first `readTallies` builds the rows from the records in one transaction (no marker yet →
 * build; interrupted → no marker → built again next time).
 */
const DURABLE = { durability: 'strict' } as const;
export const DB_NAME = 'dan-buoc-sessions';
const DB_VERSION = 2;
const TALLIES = 'tallies';
type Tx = IDBPTransaction<unknown, string[], 'readwrite'>;

function isQuota(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

async function durably<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuota(error)) throw new StorageQuotaError();
    throw error;
  }
}

export class IdbStorage implements StorageAdapter {
  private constructor(private readonly db: IDBPDatabase) {}

  static async open(name = DB_NAME): Promise<IdbStorage> {
    const db: IDBPDatabase = await openDB(name, DB_VERSION, {
      upgrade(database) {
        for (const store of [...STORE_NAMES, TALLIES]) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
      },
      // A page of an older version still holding the database gives way (an update reloads it anyway).
      blocking() {
        db.close();
      },
    });
    return new IdbStorage(db);
  }

  async get(store: StoreName, key: string): Promise<unknown> {
    return this.db.get(store, key);
  }

  async list(store: StoreName): Promise<Array<{ key: string; value: unknown }>> {
    const tx = this.db.transaction(store, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return keys.map((key, i) => ({ key: String(key), value: values[i] }));
  }

  async put(store: StoreName, key: string, value: unknown): Promise<void> {
    await this.write([{ type: 'put', store, key, value }]);
  }

  async delete(store: StoreName, keys: readonly string[]): Promise<void> {
    await this.write(keys.map((key) => ({ type: 'delete', store, key }) as const));
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    if (!ops.length) return;
    const touchesSessions = ops.some((op) => op.store === 'sessions');
    const stores: string[] = [...new Set(ops.map((op) => op.store)), ...(touchesSessions ? [TALLIES] : [])];
    await durably(async () => {
      const tx = this.db.transaction(stores, 'readwrite', DURABLE) as unknown as Tx;
      // Read what the sessions ops replace before queuing them: the tallies subtract it.
      const tallyWork = touchesSessions ? await this.tallyRows(tx, ops) : null;
      try {
        // put() throws synchronously on a value it cannot clone; requests queued before it would
        // still commit unless the transaction is aborted.
        for (const op of ops) {
          const store = tx.objectStore(op.store);
          if (op.type === 'put') void store.put(op.value, op.key).catch(() => undefined);
          else void store.delete(op.key).catch(() => undefined);
        }
        if (tallyWork) {
          const tallies = tx.objectStore(TALLIES);
          for (const [day, row] of tallyWork) void (row ? tallies.put(row, day) : tallies.delete(day)).catch(() => undefined);
        }
      } catch (error) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
    });
  }

  /** The day rows after `ops`: read inside the write's transaction, so no other write can interleave. */
  private async tallyRows(tx: Tx, ops: readonly WriteOp[]): Promise<Map<number, DayTally | null>> {
    const sessions = tx.objectStore('sessions');
    const keys = [...new Set(ops.filter((op) => op.store === 'sessions').map((op) => op.key))];
    const stored = await Promise.all(keys.map((key) => sessions.get(key)));
    const current = new Map<string, unknown>(keys.map((key, i) => [key, stored[i]]));
    const changes = ops
      .filter((op) => op.store === 'sessions')
      .flatMap((op) => {
        const after = op.type === 'put' ? op.value : undefined;
        const before = current.get(op.key);
        current.set(op.key, after);
        return tallyChanges(before, after);
      });
    const days = [...new Set(changes.map((c) => c.tally.day))];
    const tallies = tx.objectStore(TALLIES);
    const rows = new Map<number, DayTally | null>();
    (await Promise.all(days.map((day) => tallies.get(day)))).forEach((row, i) => rows.set(days[i], readDayTally(row)));
    for (const { tally, sign } of changes) applyTally(rows, tally, sign);
    return rows;
  }

  async readTallies(fromDay = -Infinity, toDay = Infinity): Promise<DayTally[]> {
    const range = Number.isFinite(fromDay) || Number.isFinite(toDay) ? IDBKeyRange.bound(Number.isFinite(fromDay) ? fromDay : -Number.MAX_VALUE, Number.isFinite(toDay) ? toDay : Number.MAX_VALUE, false, true) : IDBKeyRange.upperBound(Number.MAX_VALUE);
    const tx = this.db.transaction([TALLIES, 'sessions'], 'readonly');
    const tallies = tx.objectStore(TALLIES);
    const [marker, rows, anySession] = await Promise.all([tallies.get(TALLY_MARKER_KEY), tallies.getAll(range), tx.objectStore('sessions').openKeyCursor(), tx.done]);
    const built = (marker as TallyMarker | undefined)?.v === TALLY_VERSION || (anySession === null && rows.length === 0);
    if (!built) {
      await this.rebuildTallies();
      return this.readTallies(fromDay, toDay);
    }
    return rows.map(readDayTally).filter((row): row is DayTally => row !== null);
  }

  async rebuildTallies(): Promise<void> {
    await durably(async () => {
      const tx = this.db.transaction(['sessions', TALLIES], 'readwrite', DURABLE);
      const values = await tx.objectStore('sessions').getAll();
      const tallies = tx.objectStore(TALLIES);
      await tallies.clear();
      const rows = recountTallies(values);
      for (const [day, row] of rows) void tallies.put(row, day);
      // An empty database keeps no marker: "delete everything" must leave nothing behind.
      if (values.length) void tallies.put({ v: TALLY_VERSION, builtAt: Date.now() } satisfies TallyMarker, TALLY_MARKER_KEY);
      await tx.done;
    });
  }

  async checkTallies(): Promise<number[]> {
    const tx = this.db.transaction(['sessions', TALLIES], 'readonly');
    const [values, rows] = await Promise.all([tx.objectStore('sessions').getAll(), tx.objectStore(TALLIES).getAll(IDBKeyRange.upperBound(Number.MAX_VALUE)), tx.done]);
    const stored = rows.map(readDayTally).filter((row): row is DayTally => row !== null);
    return tallyDrift(stored, recountTallies(values));
  }

  async clear(): Promise<void> {
    await durably(async () => {
      const names = [...STORE_NAMES, TALLIES];
      const tx = this.db.transaction(names, 'readwrite', DURABLE);
      await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
    });
  }

  close(): void {
    this.db.close();
  }
}
