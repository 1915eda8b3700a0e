/**
 * One writer at a time across every extension context. The desk console, the background and the
 * reports dashboard are separate JavaScript contexts that read a session, change it and write it
 * back; two of them doing that at once would lose one change (a tour completing a task while the
 * team member marks another). The Web Locks API gives a lock shared by all contexts of the
 * extension's origin and releases it if the holder dies (a killed service worker never leaves the
 * lock held). Where it is missing (Node in unit tests) a per-context queue does the same job.
 *
 * Never take the lock inside the lock: it is not re-entrant.
 */
export const SESSIONS_LOCK = 'dan-buoc-sessions-write';

let localQueue: Promise<unknown> = Promise.resolve();
let localHeld = false;

function localLock<T>(work: () => Promise<T>): Promise<T> {
  const next = localQueue
    .catch(() => undefined)
    .then(async () => {
      localHeld = true;
      try {
        return await work();
      } finally {
        localHeld = false;
      }
    });
  localQueue = next.catch(() => undefined);
  return next;
}

/** Whether the in-process lock is held right now: lets unit tests prove every write happens under it. */
export function localLockHeld(): boolean {
  return localHeld;
}

export function withSessionsLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks) return localLock(work);
  return locks.request(SESSIONS_LOCK, { mode: 'exclusive' }, work) as Promise<T>;
}
