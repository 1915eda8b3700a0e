import { DESK_FILTER_NAME, deskPushCount } from './pending';
import { applyPulledWithdrawals, pushToMirror, resolveConflicts, type MirrorDesk } from './mirror';
import type { PouchDb } from './pouch-types';
import type { StorageAdapter } from '../../sessions';

/**
 * Replication while the desk console is open: a pass pushes the store into the mirror, pulls from
 * the province (this desk's sessions and every withdrawal), applies pulled withdrawals, settles
 * conflicts by the merge rule and pushes the mirror up. Passes run on start, when the store changes,
 * when the browser comes back online and every `pollMs`; a failed pass is retried after an
 * exponential backoff (1 s, 2 s, 4 s … capped at `maxBackoffMs`); nothing runs while offline.
 */
export type SyncState = 'offline' | 'syncing' | 'ok' | 'error' | 'denied';

export interface SyncStatus {
  state: SyncState;
  /** When the last pass finished without error. */
  lastSyncAt?: number;
  /** This desk's records in the mirror not yet on the server. */
  pending: number;
  /** When the next attempt after an error is due. */
  retryAt?: number;
}

export interface SyncDeps {
  adapter: StorageAdapter;
  mirror: PouchDb;
  remote: PouchDb;
  desk: () => Promise<MirrorDesk | undefined>;
  /** Runs store writes under the cross-context lock and announces them (withSessionsLock + notify). */
  locked: <T>(work: () => Promise<T>) => Promise<T>;
  onWithdrawn?: (ids: string[]) => void;
  onStatus: (status: SyncStatus) => void;
  now?: () => number;
  online?: () => boolean;
  pollMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function backoffMs(failures: number, base: number, cap: number): number {
  return Math.min(cap, base * 2 ** Math.max(0, failures - 1));
}

function isDenied(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === 401 || status === 403;
}

export class SyncController {
  private failures = 0;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private status: SyncStatus = { state: 'ok', pending: 0 };

  constructor(private readonly deps: SyncDeps) {}

  private get now() {
    return this.deps.now ?? Date.now;
  }

  private online(): boolean {
    return this.deps.online ? this.deps.online() : globalThis.navigator?.onLine !== false;
  }

  private emit(next: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...next };
    this.deps.onStatus(this.status);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = (this.deps.setTimer ?? setTimeout)(() => {
      this.timer = undefined;
      void this.trigger();
    }, ms);
  }

  /** Runs a pass now (or right after the one running). Resolves when the pass is over. */
  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.trigger();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const desk = await this.deps.desk();
    if (!desk) return;
    try {
      // The mirror is filled even offline, so the status line can count what waits.
      await pushToMirror(this.deps.adapter, this.deps.mirror, desk);
      if (!this.online()) {
        this.emit({ state: 'offline', pending: await deskPushCount(this.deps.mirror, desk.deskId), retryAt: undefined });
        return;
      }
      this.emit({ state: 'syncing', pending: await deskPushCount(this.deps.mirror, desk.deskId) });
      await this.deps.mirror.replicate.from(this.deps.remote, { filter: DESK_FILTER_NAME, query_params: { desk: desk.deskId } });
      const withdrawn = await this.deps.locked(() => applyPulledWithdrawals(this.deps.adapter, this.deps.mirror));
      if (withdrawn.length) this.deps.onWithdrawn?.(withdrawn);
      await resolveConflicts(this.deps.mirror, desk.deskId);
      await pushToMirror(this.deps.adapter, this.deps.mirror, desk);
      const pushed = await this.deps.mirror.replicate.to(this.deps.remote);
      if (pushed.doc_write_failures > 0) throw Object.assign(new Error('the server refused some records'), { status: 403 });
      await markPushed(this.deps.mirror);
      this.failures = 0;
      this.emit({ state: 'ok', lastSyncAt: this.now(), pending: await deskPushCount(this.deps.mirror, desk.deskId), retryAt: undefined });
      this.schedule(this.deps.pollMs ?? 60_000);
    } catch (error) {
      this.failures += 1;
      const wait = backoffMs(this.failures, this.deps.baseBackoffMs ?? 1000, this.deps.maxBackoffMs ?? 5 * 60_000);
      this.emit({ state: isDenied(error) ? 'denied' : 'error', retryAt: this.now() + wait, pending: await deskPushCount(this.deps.mirror, desk.deskId).catch(() => this.status.pending) });
      this.schedule(wait);
    }
  }

  /** Starts passes and listens to online/offline. Returns stop(). */
  start(events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined = globalThis.window): () => Promise<void> {
    const online = () => {
      this.failures = 0;
      void this.trigger();
    };
    const offline = () => void this.trigger();
    events?.addEventListener('online', online);
    events?.addEventListener('offline', offline);
    void this.trigger();
    return async () => {
      this.stopped = true;
      events?.removeEventListener('online', online);
      events?.removeEventListener('offline', offline);
      if (this.timer !== undefined) (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
      await this.running?.catch(() => undefined);
    };
  }
}

const PUSHED_DOC = '_local/dan-buoc-pushed';

/** Remembers the mirror's sequence that is on the server, for the "chờ gửi" count. */
async function markPushed(mirror: PouchDb): Promise<void> {
  const { update_seq } = await mirror.info();
  let rev: string | undefined;
  try {
    rev = (await mirror.get(PUSHED_DOC))._rev;
  } catch {
    rev = undefined;
  }
  await mirror.put({ _id: PUSHED_DOC, ...(rev ? { _rev: rev } : {}), seq: update_seq });
}
