import { z } from 'zod';
import { EpochMs, Uuid } from './schema';
import type { StorageAdapter, WriteOp } from './storage';
import { subtractMonths } from './time';

/**
 * Withdrawal tombstones: when a citizen withdraws consent their records are deleted, and the bare
 * session id is remembered so that an older backup cannot bring the record back. A tombstone holds
 * the session id (a random UUID) and when the withdrawal happened — nothing about the citizen.
 *
 * Each tombstone is its own `meta` record keyed `withdrawn:<session id>`, so the key alone is the
 * tombstone: a damaged value still blocks the id (fail closed) and no write ever reads, changes and
 * rewrites a shared list.
 *
 * How long: a backup can only be imported while its records are within retention (import refuses
 * older ones), retention is at most MAX_RETENTION_MONTHS, and a session is always older than its
 * withdrawal. So a tombstone kept for MAX_RETENTION_MONTHS after the withdrawal outlives every
 * backup copy that could still be imported; after that it is pruned.
 */
export const WITHDRAWAL_PREFIX = 'withdrawn:';
export const WITHDRAWAL_VERSION = 1;
/** The longest retention a desk can set (schema.ts DeskSettings.retentionMonths). */
export const MAX_RETENTION_MONTHS = 120;

export const WithdrawalRecord = z.strictObject({ v: z.literal(WITHDRAWAL_VERSION), at: EpochMs });
export type WithdrawalRecord = z.infer<typeof WithdrawalRecord>;

/** A tombstone as it travels in a backup file. */
export const Withdrawal = z.strictObject({ id: Uuid, at: EpochMs });
export type Withdrawal = z.infer<typeof Withdrawal>;

export const withdrawalKey = (sessionId: string) => `${WITHDRAWAL_PREFIX}${sessionId}`;

export interface StoredWithdrawals {
  /** Every withdrawn id on this machine, damaged records included. */
  ids: Set<string>;
  /** Readable tombstones, for exports. */
  list: Withdrawal[];
  /** Keys whose value could not be read: still honoured, never pruned. */
  unreadable: string[];
}

export async function loadWithdrawals(adapter: StorageAdapter): Promise<StoredWithdrawals> {
  const result: StoredWithdrawals = { ids: new Set(), list: [], unreadable: [] };
  for (const { key, value } of await adapter.list('meta')) {
    if (!key.startsWith(WITHDRAWAL_PREFIX)) continue;
    const id = key.slice(WITHDRAWAL_PREFIX.length);
    result.ids.add(id);
    const parsed = WithdrawalRecord.safeParse(value);
    if (parsed.success && Uuid.safeParse(id).success) result.list.push({ id, at: parsed.data.at });
    else result.unreadable.push(key);
  }
  return result;
}

/** Puts for the tombstones not yet stored (the earliest withdrawal time is kept). */
export function withdrawalOps(stored: StoredWithdrawals, add: readonly Withdrawal[]): WriteOp[] {
  const ops: WriteOp[] = [];
  const seen = new Set(stored.ids);
  for (const { id, at } of add) {
    if (seen.has(id)) continue;
    seen.add(id);
    ops.push({ type: 'put', store: 'meta', key: withdrawalKey(id), value: { v: WITHDRAWAL_VERSION, at } satisfies WithdrawalRecord });
  }
  return ops;
}

/** Deletes for readable tombstones older than the longest possible retention. */
export function pruneWithdrawalOps(stored: StoredWithdrawals, now: number): WriteOp[] {
  const cutoff = subtractMonths(now, MAX_RETENTION_MONTHS);
  return stored.list.filter((w) => w.at < cutoff).map((w) => ({ type: 'delete', store: 'meta', key: withdrawalKey(w.id) }));
}
