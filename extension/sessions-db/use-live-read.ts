import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorageAdapter } from '../../sessions';
import { onSessionsChanged } from './changes';
import { IdbStorage } from './idb-storage';

/**
 * Reads from the sessions database now and again whenever any page or the background announces a
 * change. Reads can overlap (a change announced while one runs): only the latest one is kept.
 * `failed` turns a thrown error into a value of the same type.
 */
export function useLiveRead<T>(read: (adapter: StorageAdapter) => Promise<T>, failed: (error: unknown) => T) {
  const opened = useRef<Promise<IdbStorage> | null>(null);
  const generation = useRef(0);
  const [value, setValue] = useState<T>();

  const storage = useCallback((): Promise<StorageAdapter> => {
    opened.current ??= IdbStorage.open();
    return opened.current;
  }, []);

  const readRef = useRef(read);
  const failedRef = useRef(failed);
  readRef.current = read;
  failedRef.current = failed;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    let next: T;
    try {
      next = await readRef.current(await storage());
    } catch (error) {
      next = failedRef.current(error);
    }
    if (mine === generation.current) setValue(next);
  }, [storage]);

  useEffect(() => {
    const controller = new AbortController();
    onSessionsChanged(() => void reload(), controller.signal);
    void reload();
    return () => controller.abort();
  }, [reload]);

  return { value, storage, reload };
}
