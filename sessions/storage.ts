import { applyTally, readDayTally, recountTallies, tallyChanges, tallyDrift, type DayTally } from './tallies';

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
 * - Per-day tallies of `sessions` (tallies.ts) live beside the stores, out of reach of `put`/`write`:
 *   every write that touches `sessions` updates them in the same atomic write, `clear` empties them.
 *   `readTallies` builds them from the records first when they were never built (a database from
 *   before tallies, records written around the adapter) — one atomic write, so an interrupted build
 *   is simply done again.
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
  /** Tally rows of the local days in [fromDay, toDay), oldest first. */
  readTallies(fromDay?: number, toDay?: number): Promise<DayTally[]>;
  /** Recounts every tally from the records in one atomic write ("Tính lại"). */
  rebuildTallies(): Promise<void>;
  /** Compares the stored tallies with a recount of the records read in the same transaction: the days that differ. */
  checkTallies(): Promise<number[]>;
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
  private tallies = new Map<number, DayTally>();
  private talliesBuilt = false;
  /** Test hook: turns off tally maintenance, to prove the consistency tests catch drift. */
  skipTallies = false;
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
    const rows = new Map<number, DayTally | null>();
    const current = new Map<string, unknown>();
    for (const op of staged) {
      if (op.store !== 'sessions' || this.skipTallies) continue;
      const before = current.has(op.key) ? current.get(op.key) : this.store('sessions').get(op.key);
      const after = op.type === 'put' ? op.value : undefined;
      current.set(op.key, after);
      for (const { tally, sign } of tallyChanges(before, after)) {
        if (!rows.has(tally.day)) rows.set(tally.day, structuredClone(this.tallies.get(tally.day) ?? null));
        applyTally(rows, tally, sign);
      }
    }
    for (const [day, row] of rows) {
      if (row) this.tallies.set(day, row);
      else this.tallies.delete(day);
    }
    for (const op of staged) {
      const store = this.store(op.store);
      if (op.type === 'put') store.set(op.key, op.value);
      else store.delete(op.key);
    }
    this.writes += 1;
  }

  async clear(): Promise<void> {
    for (const store of this.stores.values()) store.clear();
    this.tallies.clear();
    this.talliesBuilt = false;
    this.writes += 1;
  }

  async readTallies(fromDay = -Infinity, toDay = Infinity): Promise<DayTally[]> {
    if (!this.talliesBuilt) await this.rebuildTallies();
    return [...this.tallies.values()]
      .filter((row) => row.day >= fromDay && row.day < toDay)
      .sort((a, b) => a.day - b.day)
      .map((row) => structuredClone(row));
  }

  async rebuildTallies(): Promise<void> {
    this.tallies = recountTallies(this.store('sessions').values());
    // Like IdbStorage: an empty database keeps no marker, so "delete everything" leaves nothing.
    this.talliesBuilt = this.store('sessions').size > 0;
  }

  async checkTallies(): Promise<number[]> {
    return tallyDrift(this.tallies.values(), recountTallies(this.store('sessions').values()));
  }

  /** The tally rows as stored, for tests. */
  storedTallies(): DayTally[] {
    return [...this.tallies.values()].map((row) => readDayTally(structuredClone(row))).filter((row): row is DayTally => row !== null);
  }

  /** Everything stored, for "delete everything leaves no trace" tests. */
  dump(): Record<StoreName, Array<[string, unknown]>> {
    return Object.fromEntries(STORE_NAMES.map((name) => [name, [...this.store(name)]])) as Record<StoreName, Array<[string, unknown]>>;
  }
}
