import { openDB, type IDBPDatabase } from 'idb';
import { STORE_NAMES, StorageQuotaError, type StorageAdapter, type StoreName, type WriteOp } from '../../sessions/storage';

/**
 * The session domain's StorageAdapter over IndexedDB: one object store per StoreName, out-of-line
 * string keys. Every write transaction is opened with `durability: 'strict'` and every promise
 * settles on its `complete`, so a reply sent after it is on disk (Chromium's default, "relaxed",
 * reports completion before the data is flushed); a quota error aborts the whole transaction and
 * surfaces as StorageQuotaError.
 */
const DURABLE = { durability: 'strict' } as const;
export const DB_NAME = 'dan-buoc-sessions';
const DB_VERSION = 1;

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
    const db = await openDB(name, DB_VERSION, {
      upgrade(database) {
        for (const store of STORE_NAMES) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
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
    const stores = [...new Set(ops.map((op) => op.store))];
    await durably(async () => {
      const tx = this.db.transaction(stores, 'readwrite', DURABLE);
      try {
        // put() throws synchronously on a value it cannot clone; requests queued before it would
        // still commit unless the transaction is aborted.
        for (const op of ops) {
          const store = tx.objectStore(op.store);
          if (op.type === 'put') void store.put(op.value, op.key).catch(() => undefined);
          else void store.delete(op.key).catch(() => undefined);
        }
      } catch (error) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
    });
  }

  async clear(): Promise<void> {
    await durably(async () => {
      const tx = this.db.transaction([...STORE_NAMES], 'readwrite', DURABLE);
      await Promise.all([...STORE_NAMES.map((name) => tx.objectStore(name).clear()), tx.done]);
    });
  }

  close(): void {
    this.db.close();
  }
}
