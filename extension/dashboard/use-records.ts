import {
  listQuarantine,
  loadMembers,
  loadSessions,
  loadSettings,
  loadWithdrawals,
  migrateSession,
  readCurrentSessions,
  type DeskSettings,
  type Message,
  type QuarantinedRecord,
  type Session,
  type StorageAdapter,
  type TeamMember,
  type Withdrawal,
} from '../../sessions';
import { withSessionsLock } from '../sessions-db/lock';
import { useLiveRead } from '../sessions-db/use-live-read';

/**
 * The records behind the dashboard, read straight from IndexedDB (an extension page may open it)
 * and read again whenever any page or the background announces a change.
 */
export interface Records {
  sessions: Session[];
  /** Every record in quarantine (this load's and earlier ones): shown, never dropped. */
  quarantined: QuarantinedRecord[];
  /** Records upgraded from an older format during this load. */
  migrated: number;
  settings: DeskSettings | undefined;
  settingsError: Message | undefined;
  members: TeamMember[];
  /** Sessions withdrawn on this machine (ids only): imports refuse them, backups pass them on. */
  withdrawn: { ids: Set<string>; list: Withdrawal[] };
  /** When the records were read: "now" for retention and the default period. */
  loadedAt: number;
}

export type RecordsState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Records);

/** Lets the page paint and handle input between slices of a long parse. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readRecords(adapter: StorageAdapter, now: number): Promise<Records> {
  // Usually nothing needs a write: read without the lock (a desk change is never kept waiting).
  // Otherwise loadSessions writes migrated records: like every write to the sessions store, under the lock.
  const current = await readCurrentSessions(adapter, pause);
  const loaded = current ? { sessions: current, migrated: 0 } : await withSessionsLock(() => loadSessions(adapter, now));
  const [quarantined, settings, members, withdrawn] = await Promise.all([listQuarantine(adapter), loadSettings(adapter), loadMembers(adapter), loadWithdrawals(adapter)]);
  return {
    sessions: loaded.sessions,
    quarantined,
    migrated: loaded.migrated,
    settings: settings.ok ? settings.settings : undefined,
    settingsError: settings.ok ? undefined : settings.error,
    members: members.members,
    withdrawn: { ids: withdrawn.ids, list: withdrawn.list },
    loadedAt: now,
  };
}

/**
 * A change that names the session records it touched: those records are read again and put in place
 * of the old ones (or removed), everything else is kept. A record that needs a migration or fails
 * validation asks for a full read (null), which quarantines or upgrades it under the lock.
 */
export async function updateRecords(adapter: StorageAdapter, previous: Records, sessionIds: readonly string[], now: number): Promise<Records | null> {
  const sessions = previous.sessions.slice();
  for (const id of new Set(sessionIds)) {
    const raw = await adapter.get('sessions', id);
    const at = sessions.findIndex((s) => s.id === id);
    if (raw === undefined) {
      if (at >= 0) sessions.splice(at, 1);
      continue;
    }
    const migrated = migrateSession(raw);
    if (!migrated.ok || migrated.fromVersion < migrated.session.schemaVersion || migrated.session.id !== id) return null;
    if (at >= 0) sessions[at] = migrated.session;
    else sessions.push(migrated.session);
  }
  const withdrawn = await loadWithdrawals(adapter);
  return { ...previous, sessions, withdrawn: { ids: withdrawn.ids, list: withdrawn.list }, loadedAt: now };
}

export function useRecords(): { state: RecordsState; storage: () => Promise<StorageAdapter>; reload: () => Promise<void> } {
  const { value, storage, reload } = useLiveRead<RecordsState>(
    async (adapter) => ({ status: 'ready', ...(await readRecords(adapter, Date.now())) }),
    (error) => {
      // The page says it in Vietnamese; the technical detail is for the console.
      console.error('[Dẫn Bước] could not read the sessions database', error);
      return { status: 'error', message: error instanceof Error ? error.message : String(error) };
    },
    async (adapter, previous, ids) => {
      if (previous.status !== 'ready') return null;
      const next = await updateRecords(adapter, previous, ids, Date.now());
      return next && { status: 'ready', ...next };
    },
  );
  return { state: value ?? { status: 'loading' }, storage, reload };
}
