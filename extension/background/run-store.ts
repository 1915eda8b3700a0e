import type Browser from 'webextension-polyfill';
import { RunStateSchema } from '../../engine/run-state';
import type { RunState } from '../../engine/runner';

/**
 * Tour runs, one per tab, in `storage.session`: it survives service-worker restarts and page loads,
 * is only readable by extension pages (not content scripts), and is gone when the browser closes.
 */
export type StoredRun = { ok: true; run: RunState | null } | { ok: false; error: string };

const keyOf = (tabId: number) => `run:${tabId}`;

export function createRunStore(area: Browser.Storage.StorageArea) {
  return {
    async get(tabId: number): Promise<StoredRun> {
      const key = keyOf(tabId);
      const raw = (await area.get(key))[key];
      if (raw === undefined) return { ok: true, run: null };
      const parsed = RunStateSchema.safeParse(raw);
      if (parsed.success) return { ok: true, run: parsed.data };
      return { ok: false, error: `stored run for tab ${tabId} is invalid: ${parsed.error.issues[0]?.message}` };
    },
    async set(tabId: number, run: RunState): Promise<void> {
      await area.set({ [keyOf(tabId)]: run });
    },
    async remove(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
