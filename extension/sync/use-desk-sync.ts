import { useCallback, useEffect, useState } from 'react';
import { loadSettings, writeAll, type Message } from '../../sessions';
import { notifySessionsChanged, onSessionsChanged } from '../sessions-db/changes';
import { IdbStorage } from '../sessions-db/idb-storage';
import { withSessionsLock } from '../sessions-db/lock';
import { SyncController, type SyncStatus } from './controller';
import type { PouchDb } from './pouch-types';
import { checkSyncSettings, loadSyncSettings, SYNC_SETTINGS_KEY, type SyncSettings } from './settings';

/**
 * Replication from the desk console (the page that owns the records). PouchDB is loaded only once
 * the desk has turned replication on (a separate chunk), so a desk that never does downloads none of it.
 */
export const MIRROR_DB = 'dan-buoc-mirror';
/** Set only from the developer tools or by the end-to-end tests: allows http://127.0.0.1 servers. */
export const DEV_LOOPBACK_FLAG = 'dev:allowLoopbackSync';

export async function loopbackAllowed(): Promise<boolean> {
  try {
    const stored = await chrome.storage.local.get(DEV_LOOPBACK_FLAG);
    return stored[DEV_LOOPBACK_FLAG] === true;
  } catch {
    return false;
  }
}

export interface SyncInput {
  enabled: boolean;
  serverUrl: string;
  username: string;
  password: string;
}

export interface DeskSync {
  settings: SyncSettings | undefined;
  status: SyncStatus | undefined;
  save(input: SyncInput): Promise<{ ok: true } | { ok: false; error: Message; field?: string }>;
}

async function startReplication(settings: SyncSettings, adapter: IdbStorage, onStatus: (status: SyncStatus) => void): Promise<() => Promise<void>> {
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: new (name: string, options?: object) => PouchDb };
  const mirror = new PouchDB(MIRROR_DB);
  const remote = new PouchDB(settings.serverUrl.replace(/\/$/, ''), { auth: { username: settings.username, password: settings.password }, skip_setup: true });
  const controller = new SyncController({
    adapter,
    mirror,
    remote,
    desk: async () => {
      const loaded = await loadSettings(adapter);
      return loaded.ok && loaded.settings ? { deskId: loaded.settings.deskId, commune: loaded.settings.commune } : undefined;
    },
    locked: (work) => withSessionsLock(work),
    // Only a pulled withdrawal changes the store; announcing every pass would start the next one.
    onWithdrawn: () => notifySessionsChanged(),
    onStatus,
  });
  const stop = controller.start(window);
  // A session saved anywhere (this page, the background, the dashboard) is sent at once.
  const changes = new AbortController();
  onSessionsChanged(() => void controller.trigger(), changes.signal);
  return async () => {
    changes.abort();
    await stop();
    await mirror.close();
  };
}

export function useDeskSync(): DeskSync {
  const [settings, setSettings] = useState<SyncSettings>();
  const [status, setStatus] = useState<SyncStatus>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    void (async () => {
      const adapter = await IdbStorage.open();
      const stored = await loadSyncSettings(adapter);
      if (cancelled) return;
      setSettings(stored);
      setStatus(undefined);
      if (!stored?.enabled) return;
      stop = await startReplication(stored, adapter, (next) => !cancelled && setStatus(next));
      if (cancelled) await stop();
    })();
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, [generation]);

  const save = useCallback(async (input: SyncInput) => {
    const checked = checkSyncSettings(input, { allowLoopback: await loopbackAllowed() });
    if (!checked.ok) return checked;
    const adapter = await IdbStorage.open();
    const written = await withSessionsLock(() => writeAll(adapter, [{ type: 'put', store: 'meta', key: SYNC_SETTINGS_KEY, value: checked.settings }]));
    if (!written.ok) return written;
    setGeneration((g) => g + 1);
    return { ok: true } as const;
  }, []);

  return { settings, status, save };
}
