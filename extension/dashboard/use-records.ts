import { useCallback, useEffect, useRef, useState } from 'react';
import {
  listQuarantine,
  loadMembers,
  loadSessions,
  loadSettings,
  type DeskSettings,
  type Message,
  type QuarantinedRecord,
  type Session,
  type StorageAdapter,
  type TeamMember,
} from '../../sessions';
import { onSessionsChanged } from '../sessions-db/changes';
import { IdbStorage } from '../sessions-db/idb-storage';

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
  /** When the records were read: "now" for retention and the default period. */
  loadedAt: number;
}

export type RecordsState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Records);

export async function readRecords(adapter: StorageAdapter, now: number): Promise<Records> {
  const loaded = await loadSessions(adapter, now);
  const [quarantined, settings, members] = await Promise.all([listQuarantine(adapter), loadSettings(adapter), loadMembers(adapter)]);
  return {
    sessions: loaded.sessions,
    quarantined,
    migrated: loaded.migrated,
    settings: settings.ok ? settings.settings : undefined,
    settingsError: settings.ok ? undefined : settings.error,
    members: members.members,
    loadedAt: now,
  };
}

export function useRecords(): { state: RecordsState; storage: () => Promise<StorageAdapter>; reload: () => Promise<void> } {
  const [state, setState] = useState<RecordsState>({ status: 'loading' });
  const opened = useRef<Promise<IdbStorage> | null>(null);
  // Loads can overlap (a change announced while a load runs): only the latest one is shown.
  const generation = useRef(0);

  const storage = useCallback(() => {
    opened.current ??= IdbStorage.open();
    return opened.current;
  }, []);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const records = await readRecords(await storage(), Date.now());
      if (mine === generation.current) setState({ status: 'ready', ...records });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [storage]);

  useEffect(() => {
    const controller = new AbortController();
    onSessionsChanged(() => void reload(), controller.signal);
    void reload();
    return () => controller.abort();
  }, [reload]);

  return { state, storage, reload };
}
