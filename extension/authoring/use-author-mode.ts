import { useCallback, useEffect, useMemo, useState } from 'react';
import browser from 'webextension-polyfill';
import { AUTHOR_MODE_KEY, authorModeChanged, createAuthorModeStore, parseAuthorMode, type AuthorModeRead } from './author-mode';

export interface AuthorModeModel {
  /** undefined until the first read */
  mode: AuthorModeRead | undefined;
  saveFailed: boolean;
  set(on: boolean): void;
}

/** Author mode as stored, kept current when another page (or the background) changes it. */
export function useAuthorMode(): AuthorModeModel {
  const store = useMemo(() => createAuthorModeStore(browser.storage.local), []);
  const [mode, setMode] = useState<AuthorModeRead>();
  const [saveFailed, setSaveFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void store.read().then((read) => live && setMode(read));
    const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      if (authorModeChanged(changes, areaName)) setMode(parseAuthorMode(changes[AUTHOR_MODE_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [store]);
  const set = useCallback(
    (on: boolean) => {
      setMode({ on });
      store.set(on).then(() => setSaveFailed(false), () => setSaveFailed(true));
    },
    [store],
  );
  return { mode, saveFailed, set };
}
