/**
 * The storage adapter the session domain needs. The extension implements it over IndexedDB (one
 * object store per StoreName, out-of-line string keys); tests use MemoryStorage below.
 *
 * Contract
 * - Values are plain JSON-compatible data, stored as structured clones: later changes to the
 *   caller's object never reach storage, and `get`/`list` return copies.
 * - `write` is atomic: either every op is applied or none (one IndexedDB transaction over the
 *   stores involved). A quota error rejects the promise and leaves no half-written record.
 * - Every promise settles only after the data is durable (IndexedDB: transaction `complete`).
 * - `clear` empties every store, the meta store included: "delete everything" leaves no trace.
 * - Stored values are untrusted on the way out: the repository parses them (migrations.ts).
 */
export const STORE_NAMES = ['sessions', 'members', 'settings', 'quarantine', 'meta'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Version of the database layout (stores and keys), kept in `meta` under this key. */
export const DATA_VERSION_KEY = 'dataVersion';
export const DATA_VERSION = 1;

export type WriteOp =
  | { type: 'put'; store: StoreName; key: string; value: unknown }
  | { type: 'delete'; store: StoreName; key: string };

export interface StorageAdapter {
  get(store: StoreName, key: string): Promise<unknown>;
  list(store: StoreName): Promise<Array<{ key: string; value: unknown }>>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, keys: readonly string[]): Promise<void>;
  /** Atomic batch across stores. */
  write(ops: readonly WriteOp[]): Promise<void>;
  clear(): Promise<void>;
}

/** Thrown by adapters when the browser refuses more data; the UI shows QUOTA_MESSAGE. */
export class StorageQuotaError extends Error {
  constructor(message = 'storage quota exceeded') {
    super(message);
    this.name = 'StorageQuotaError';
  }
}

export const QUOTA_MESSAGE = {
  vi: 'Máy hết chỗ lưu dữ liệu: phiên chưa được lưu. Hãy xuất và xóa các phiên cũ rồi thử lại.',
  en: 'The browser is out of storage space: the session was not saved. Export and purge old sessions, then try again.',
} as const;

export interface MemoryStorageOptions {
  /** Called before every write; return an Error to make that write fail atomically (tests). */
  failWrite?: (ops: readonly WriteOp[]) => Error | undefined;
}

/** In-memory adapter with the same contract, for unit tests and the bench. */
export class MemoryStorage implements StorageAdapter {
  private readonly stores = new Map<StoreName, Map<string, unknown>>(STORE_NAMES.map((name) => [name, new Map()]));
  /** Number of committed writes: lets a test count round trips. */
  writes = 0;

  constructor(private readonly options: MemoryStorageOptions = {}) {}

  private store(name: StoreName): Map<string, unknown> {
    const store = this.stores.get(name);
    if (!store) throw new Error(`unknown store "${String(name)}"`);
    return store;
  }

  async get(store: StoreName, key: string): Promise<unknown> {
    const value = this.store(store).get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async list(store: StoreName): Promise<Array<{ key: string; value: unknown }>> {
    return [...this.store(store)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value: structuredClone(value) }));
  }

  async put(store: StoreName, key: string, value: unknown): Promise<void> {
    await this.write([{ type: 'put', store, key, value }]);
  }

  async delete(store: StoreName, keys: readonly string[]): Promise<void> {
    await this.write(keys.map((key) => ({ type: 'delete', store, key })));
  }

  async write(ops: readonly WriteOp[]): Promise<void> {
    const failure = this.options.failWrite?.(ops);
    if (failure) throw failure;
    // Clone everything first: a value that cannot be cloned fails the batch before any change.
    const staged = ops.map((op) => (op.type === 'put' ? { ...op, value: structuredClone(op.value) } : op));
    for (const op of staged) {
      const store = this.store(op.store);
      if (op.type === 'put') store.set(op.key, op.value);
      else store.delete(op.key);
    }
    this.writes += 1;
  }

  async clear(): Promise<void> {
    for (const store of this.stores.values()) store.clear();
    this.writes += 1;
  }

  /** Everything stored, for "delete everything leaves no trace" tests. */
  dump(): Record<StoreName, Array<[string, unknown]>> {
    return Object.fromEntries(STORE_NAMES.map((name) => [name, [...this.store(name)]])) as Record<StoreName, Array<[string, unknown]>>;
  }
}
