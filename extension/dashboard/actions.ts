import { fold } from '../../engine/text';
import {
  applyMerge,
  deleteEverything,
  deleteSessions,
  loadSessions,
  loadSettings,
  mergeSessions,
  parseBackup,
  partitionForRetention,
  saveSettings,
  type MergeResult,
  type Message,
  type ParseOk,
  type Session,
  type StorageAdapter,
  type WriteResult,
} from '../../sessions';
import { withSessionsLock } from '../sessions-db/lock';

/**
 * What the dashboard's buttons do to the stored records, over the StorageAdapter so the same code
 * runs on IndexedDB in the page and on MemoryStorage in unit tests. Every write holds the
 * cross-context sessions lock (the desk console and the background write too) and reads what it
 * changes inside the lock. The caller announces every successful write with notifySessionsChanged().
 */
export type ImportPlan =
  | { ok: true; fileName: string; deskId: string; exportedAt: number; incoming: Session[]; warnings: ParseOk['warnings']; counts: MergeResult['counts'] }
  | { ok: false; fileName: string; error: Message };

/** Reads a backup and says what importing it would do. Writes nothing. */
export function planImport(fileName: string, text: string, existing: readonly Session[]): ImportPlan {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, fileName, error: parsed.error };
  const { counts } = mergeSessions(existing, parsed.sessions);
  return { ok: true, fileName, deskId: parsed.deskId, exportedAt: parsed.exportedAt, incoming: parsed.sessions, warnings: parsed.warnings, counts };
}

/** True when importing the plan would write something. */
export function planChangesSomething(plan: Extract<ImportPlan, { ok: true }>): boolean {
  return plan.counts.added > 0 || plan.counts.replaced > 0;
}

/**
 * Imports a planned file: merges against what is stored *now* (another page may have written
 * since the preview), then writes all changed records in one atomic transaction.
 */
export async function applyImport(adapter: StorageAdapter, incoming: readonly Session[], now: number): Promise<WriteResult & { counts?: MergeResult['counts'] }> {
  return withSessionsLock(async () => {
    const current = await loadSessions(adapter, now);
    const merge = mergeSessions(current.sessions, incoming);
    const written = await applyMerge(adapter, merge);
    return written.ok ? { ok: true, counts: merge.counts } : written;
  });
}

/** The records past the retention period right now (recomputed at click time, not from the screen). */
export async function expiredSessions(adapter: StorageAdapter, now: number, months: number): Promise<{ purge: Session[]; cutoff: number }> {
  const { sessions } = await loadSessions(adapter, now);
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
