import { useCallback, useEffect, useMemo, useState } from 'react';
import browser from 'webextension-polyfill';
import type { GuidePrefs } from '../../engine/prefs';
import { createPrefsStore, parsePrefs, PREFS_KEY, prefsChanged, type PrefsProblem } from './store';
import { applyPrefsToDocument } from './theme';

export interface PrefsModel {
  /** undefined until the first read */
  prefs: GuidePrefs | undefined;
  problem: PrefsProblem | undefined;
  /** true when the last save failed */
  saveFailed: boolean;
  change(patch: Partial<Omit<GuidePrefs, 'v'>>): void;
  reset(): void;
}

/**
 * The prefs as stored, kept current through storage.onChanged (another page or the popup may
 * change them), and applied to this page's <html>.
 */
export function usePrefs(): PrefsModel {
  const store = useMemo(() => createPrefsStore(browser.storage.local), []);
  const [prefs, setPrefs] = useState<GuidePrefs>();
  const [problem, setProblem] = useState<PrefsProblem>();
  const [saveFailed, setSaveFailed] = useState(false);

  const take = useCallback((raw: unknown) => {
    const read = parsePrefs(raw);
    setPrefs(read.prefs);
    setProblem(read.ok ? undefined : read.problem);
    if (!read.ok) console.warn(`[Dẫn Bước] ${read.problem.en}`);
  }, []);

  useEffect(() => {
    let live = true;
    void browser.storage.local.get(PREFS_KEY).then((all) => live && take(all[PREFS_KEY]));
    const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      if (prefsChanged(changes, areaName)) take(changes[PREFS_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [take]);

  useEffect(() => {
    if (prefs) applyPrefsToDocument(document, prefs);
  }, [prefs]);

  const save = useCallback(
    (next: GuidePrefs) => {
      setPrefs(next);
      setProblem(undefined);
      store.write(next).then(
        () => setSaveFailed(false),
        (error: unknown) => {
          console.error(`[Dẫn Bước] could not save prefs: ${String(error)}`);
          setSaveFailed(true);
        },
      );
    },
    [store],
  );

  return {
    prefs,
    problem,
    saveFailed,
    // A damaged record is never merged into: a change while one is shown starts from the defaults on screen.
    change: (patch) => prefs && save({ ...prefs, ...patch }),
    reset: () => {
      store.reset().then(
        () => setSaveFailed(false),
        () => setSaveFailed(true),
      );
    },
  };
}
