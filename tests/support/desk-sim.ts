import { CURRENT_CONSENT_VERSION, MemoryStorage, saveSettings, defaultSettings, withdrawalOps, loadWithdrawals, type Session, type TaskEntry } from '../../sessions';
import { SyncController, type SyncStatus } from '../../extension/sync/controller';
import type { PouchDb } from '../../extension/sync/pouch-types';
import { memoryDb, remoteDb } from './pouch-node';

/** A simulated desk: the real session store (in memory), a PouchDB mirror and the sync controller. */
export interface SimDesk {
  deskId: string;
  store: MemoryStorage;
  mirror: PouchDb;
  controller: SyncController;
  statuses: SyncStatus[];
  online: boolean;
  record(session: Session): Promise<void>;
  withdraw(sessionId: string, at: number): Promise<void>;
  sync(): Promise<void>;
}

export async function simDesk(options: { deskId: string; password: string; commune: string; serverDb: string }): Promise<SimDesk> {
  const store = new MemoryStorage();
  await saveSettings(store, { ...defaultSettings(options.deskId), commune: options.commune });
  const mirror = memoryDb(options.deskId);
  const remote = remoteDb(options.serverDb, { auth: { username: options.deskId, password: options.password } });
  const statuses: SyncStatus[] = [];
  const desk: SimDesk = {
    deskId: options.deskId,
    store,
    mirror,
    statuses,
    online: false,
    controller: new SyncController({
      adapter: store,
      mirror,
      remote,
      desk: async () => ({ deskId: options.deskId, commune: options.commune }),
      locked: (work) => work(),
      onStatus: (status) => statuses.push(status),
      online: () => desk.online,
      // Passes run only when the test asks: no timers.
      setTimer: () => undefined,
      clearTimer: () => undefined,
    }),
    async record(session) {
      await store.put('sessions', session.id, session);
    },
    async withdraw(sessionId, at) {
      const stored = await loadWithdrawals(store);
      await store.write([...withdrawalOps(stored, [{ id: sessionId, at }]), { type: 'delete', store: 'sessions', key: sessionId }]);
    },
    sync: () => desk.controller.trigger(),
  };
  return desk;
}

let n = 0;
export function uuidFor(i: number): string {
  n += 1;
  return `00000000-0000-4000-8000-${(i * 1000 + n).toString(16).padStart(12, '0')}`;
}

export function sharedSession(deskId: string, at: number, tasks: Array<[string, TaskEntry['outcome']]>, overrides: Partial<Session> = {}): Session {
  return {
    schemaVersion: 1,
    id: uuidFor(tasks.length),
    deskId,
    memberId: 'tv-hoa',
    startedAt: at,
    updatedAt: at,
    consent: { textVersion: CURRENT_CONSENT_VERSION, agreed: true, at },
    citizen: { ageBand: '60-74', gender: 'nu', firstTime: true, name: 'Trần Văn Bình', phone: '0912345678' },
    tasks: tasks.map(([taskId, outcome]) => ({ taskId, outcome, source: 'manual', at, ...(outcome === 'partial' || outcome === 'not-done' ? { reason: 'khac' as const } : {}) })),
    ...overrides,
  };
}
