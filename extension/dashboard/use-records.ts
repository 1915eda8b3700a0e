import {
  listQuarantine,
  loadMembers,
  loadSessions,
  loadSettings,
  loadWithdrawals,
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

export async function readRecords(adapter: StorageAdapter, now: number): Promise<Records> {
  // loadSessions writes migrated records: like every write to the sessions store, under the lock.
  const loaded = await withSessionsLock(() => loadSessions(adapter, now));
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

export function useRecords(): { state: RecordsState; storage: () => Promise<StorageAdapter>; reload: () => Promise<void> } {
  const { value, storage, reload } = useLiveRead<RecordsState>(
    async (adapter) => ({ status: 'ready', ...(await readRecords(adapter, Date.now())) }),
    (error) => {
      // The page says it in Vietnamese; the technical detail is for the console.
      console.error('[Dẫn Bước] could not read the sessions database', error);
      return { status: 'error', message: error instanceof Error ? error.message : String(error) };
    },
  );
  return { state: value ?? { status: 'loading' }, storage, reload };
}
