import { fold } from '../../engine/text';
import {
  defaultSettings,
  deleteEverything,
  deleteSessions,
  loadSessions,
  loadSettings,
  loadWithdrawals,
  mergeSessions,
  parseBackup,
  partitionForRetention,
  pruneWithdrawalOps,
  saveSettings,
  screenImport,
  withdrawalOps,
  writeAll,
  type DeskSettings,
  type ImportScreen,
  type MergeResult,
  type Message,
  type ParseOk,
  type Session,
  type StorageAdapter,
  type Withdrawal,
  type WriteOp,
  type WriteResult,
} from '../../sessions';
import { withSessionsLock } from '../sessions-db/lock';

/**
 * What the dashboard's buttons do to the stored records, over the StorageAdapter so the same code
 * runs on IndexedDB in the page and on MemoryStorage in unit tests. Every write holds the
 * cross-context sessions lock (the desk console and the background write too) and reads what it
 * changes inside the lock. The caller announces every successful write with notifySessionsChanged().
 */
export interface ImportCounts extends Readonly<MergeResult['counts']> {
  refused: ImportScreen['refused'];
  dropped: ImportScreen['dropped'];
  /** Sessions stored here that the file's desk says were withdrawn: deleted by the import. */
  withdrawnDeleted: number;
  /** Withdrawals in the file not yet known here: remembered by the import. */
  withdrawnLearned: number;
}

export type ImportPlan =
  | {
      ok: true;
      fileName: string;
      deskId: string;
      exportedAt: number;
      incoming: Session[];
      withdrawn: Withdrawal[];
      warnings: ParseOk['warnings'];
      counts: ImportCounts;
    }
  | { ok: false; fileName: string; error: Message };

/** What the machine holds that an import is judged against. */
export interface LocalRecords {
  sessions: readonly Session[];
  /** undefined before the desk is set up: the safe defaults apply (no personal field, 12 months). */
  settings: DeskSettings | undefined;
  withdrawn: ReadonlySet<string>;
}

interface Decision {
  counts: ImportCounts;
  ops: WriteOp[];
}

/**
 * The single decision behind both the preview and the write, so what the preview says is exactly
 * what is written: refusals and dropped fields (screenImport), then the merge, then the withdrawals.
 */
function decideImport(incoming: readonly Session[], withdrawn: readonly Withdrawal[], local: LocalRecords, now: number): Decision {
  const fileWithdrawn = new Set(withdrawn.map((w) => w.id));
  const screen = screenImport(incoming, {
    settings: local.settings ?? defaultSettings('chua-luu'),
    withdrawn: new Set([...local.withdrawn, ...fileWithdrawn]),
    now,
  });
  const toDelete = local.sessions.filter((s) => fileWithdrawn.has(s.id));
  const merge = mergeSessions(local.sessions, screen.accepted);
  const learned = withdrawalOps({ ids: new Set(local.withdrawn), list: [], unreadable: [] }, withdrawn);
  const ops: WriteOp[] = [
    ...merge.changed.map((s): WriteOp => ({ type: 'put', store: 'sessions', key: s.id, value: s })),
    ...[...new Set(toDelete.map((s) => s.id))].map((key): WriteOp => ({ type: 'delete', store: 'sessions', key })),
    ...learned,
  ];
  return {
    counts: { ...merge.counts, refused: screen.refused, dropped: screen.dropped, withdrawnDeleted: new Set(toDelete.map((s) => s.id)).size, withdrawnLearned: learned.length },
    ops,
  };
}

/** Reads a backup and says what importing it would do. Writes nothing. */
export function planImport(fileName: string, text: string, local: LocalRecords, now: number): ImportPlan {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, fileName, error: parsed.error };
  const { counts } = decideImport(parsed.sessions, parsed.withdrawn, local, now);
  return {
    ok: true,
    fileName,
    deskId: parsed.deskId,
    exportedAt: parsed.exportedAt,
    incoming: parsed.sessions,
    withdrawn: parsed.withdrawn,
    warnings: parsed.warnings,
    counts,
  };
}

/** True when importing the plan would write something. */
export function planChangesSomething(plan: Extract<ImportPlan, { ok: true }>): boolean {
  const c = plan.counts;
  return c.added > 0 || c.replaced > 0 || c.withdrawnDeleted > 0 || c.withdrawnLearned > 0;
}

export const SETTINGS_DAMAGED: Message = {
  vi: 'Cài đặt của bàn này bị hỏng nên chưa biết bàn được lưu những gì: chưa nhập tệp. Hãy mở “Cài đặt của bàn” và lưu lại.',
  en: 'This desk’s settings are damaged, so what it may store is unknown: nothing was imported.',
};

/**
 * Imports a planned file: decides again against what is stored *now* (another page may have
 * written since the preview), then writes every change — new and updated sessions, sessions
 * withdrawn elsewhere, tombstones learned, expired tombstones — in one atomic transaction.
 */
export async function applyImport(
  adapter: StorageAdapter,
  plan: Pick<Extract<ImportPlan, { ok: true }>, 'incoming' | 'withdrawn'>,
  now: number,
): Promise<WriteResult & { counts?: ImportCounts }> {
  return withSessionsLock(async () => {
    const settings = await loadSettings(adapter);
    if (!settings.ok) return { ok: false, error: SETTINGS_DAMAGED };
    const current = await loadSessions(adapter, now);
    const stored = await loadWithdrawals(adapter);
    const decision = decideImport(plan.incoming, plan.withdrawn, { sessions: current.sessions, settings: settings.settings, withdrawn: stored.ids }, now);
    const written = await writeAll(adapter, [...decision.ops, ...pruneWithdrawalOps(stored, now)]);
    return written.ok ? { ok: true, counts: decision.counts } : written;
  });
}

/** The records past the retention period right now (recomputed at click time, not from the screen). */
export async function expiredSessions(adapter: StorageAdapter, now: number, months: number): Promise<{ purge: Session[]; cutoff: number }> {
  // loadSessions writes migrated records: like every write to the sessions store, under the lock.
  const { sessions } = await withSessionsLock(() => loadSessions(adapter, now));
  const { purge, cutoff } = partitionForRetention(sessions, now, months);
  return { purge, cutoff };
}

/**
 * Deletes the given expired records — those exported, nothing else. A record changed since it was
 * read (a correction made at the desk meanwhile) is still deleted: its age is its start time.
 */
export async function purge(adapter: StorageAdapter, sessions: readonly Session[]): Promise<WriteResult> {
  return withSessionsLock(() =>
    deleteSessions(
      adapter,
      sessions.map((s) => s.id),
    ),
  );
}

const NO_SETTINGS = { vi: 'Máy này chưa có cài đặt điểm hỗ trợ.', en: 'This desk has no settings yet.' };

/** Changes only `retentionMonths`, on the settings as stored now (the desk may have saved others meanwhile). */
export async function saveRetention(adapter: StorageAdapter, months: number): Promise<WriteResult> {
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    return { ok: false, error: { vi: 'Thời hạn lưu là số tháng từ 1 đến 120.', en: 'Retention is a whole number of months from 1 to 120.' } };
  }
  return withSessionsLock(async () => {
    const current = await loadSettings(adapter);
    if (!current.ok) return current;
    if (!current.settings) return { ok: false, error: NO_SETTINGS };
    return saveSettings(adapter, { ...current.settings, retentionMonths: months });
  });
}

export async function eraseEverything(adapter: StorageAdapter): Promise<WriteResult> {
  return withSessionsLock(() => deleteEverything(adapter));
}

/** "XOÁ", "XÓA", "xoa": the typed confirmation, compared after Vietnamese folding. */
export function isDeleteConfirmation(typed: string, word: string): boolean {
  return fold(typed) !== '' && fold(typed) === fold(word);
}
