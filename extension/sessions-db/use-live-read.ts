import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorageAdapter } from '../../sessions';
import { onSessionsChanged, type SessionsChange } from './changes';
import { IdbStorage } from './idb-storage';

/**
 * Reads from the sessions database now and again whenever any page or the background announces a
 * change. With `update`, a change that names the session records it touched is applied to the value
 * already shown (re-reading just those records) instead of reading everything again; `update` may
 * return null to ask for a full read. Reads run one after another, so each starts from the latest
 * value. `failed` turns a thrown error into a value of the same type.
 */
export type LiveUpdate<T> = (adapter: StorageAdapter, previous: T, sessionIds: readonly string[]) => Promise<T | null>;

export function useLiveRead<T>(read: (adapter: StorageAdapter) => Promise<T>, failed: (error: unknown) => T, update?: LiveUpdate<T>) {
  const opened = useRef<Promise<IdbStorage> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef<{ value: T; complete: boolean } | null>(null);
  const [value, setValue] = useState<T>();

  const storage = useCallback((): Promise<StorageAdapter> => {
    opened.current ??= IdbStorage.open();
    return opened.current;
  }, []);

  const readRef = useRef(read);
  const failedRef = useRef(failed);
  const updateRef = useRef(update);
  readRef.current = read;
  failedRef.current = failed;
  updateRef.current = update;

  const run = useCallback(
    (change: SessionsChange = {}): Promise<void> => {
      const step = async () => {
        let next: T;
        let complete = true;
        try {
          const adapter = await storage();
          const base = latest.current;
          const partial = change.sessionIds && base?.complete && updateRef.current ? await updateRef.current(adapter, base.value, change.sessionIds) : null;
          next = partial ?? (await readRef.current(adapter));
        } catch (error) {
          next = failedRef.current(error);
          complete = false;
        }
        latest.current = { value: next, complete };
        setValue(next);
      };
      queue.current = queue.current.then(step, step);
      return queue.current;
    },
    [storage],
  );

  const reload = useCallback(() => run(), [run]);

  useEffect(() => {
    const controller = new AbortController();
    onSessionsChanged((change) => void run(change), controller.signal);
    void run();
    return () => controller.abort();
  }, [run]);

  return { value, storage, reload };
}
