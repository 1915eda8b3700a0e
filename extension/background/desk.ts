import type { RunEffect } from '../../engine/runner';
import type { Tour } from '../../engine/schema';
import { isAllowedOrigin } from '../../engine/sites';
import type { StorageAdapter } from '../../sessions';
import { clearVisited, completeTaskFromTour, flagHelp, recordVisit, visitedForSignOut } from '../desk/session-store';
import type { SignOutReply } from '../messages';

/**
 * The background's half of the desk console: tour effects land in the open assisted session,
 * portal origins the citizen reaches are remembered for the sign-out offer, and the sign-out
 * itself. Every write is awaited before the router replies, so a killed worker loses nothing
 * it acknowledged. Nothing here ever sends personal data to a content script.
 */
export type BrowserFlavor = 'chrome' | 'firefox';

export interface Removal {
  options: { origins?: string[]; hostnames?: string[] };
  dataToRemove: Record<string, boolean>;
}

/**
 * What `browsingData.remove` gets for a sign-out. Chrome takes origins and clears cookies for the
 * whole registrable domain; Firefox takes bare host names (subdomains are not included) and
 * supports them for cookies, localStorage, IndexedDB and service workers only.
 */
export function signOutRemoval(origins: readonly string[], flavor: BrowserFlavor): Removal {
  const allowed = origins.filter(isAllowedOrigin);
  if (flavor === 'firefox') {
    return {
      options: { hostnames: allowed.map((o) => new URL(o).hostname) },
      dataToRemove: { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true },
    };
  }
  return {
    options: { origins: [...allowed] },
    dataToRemove: { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true },
  };
}

export interface DeskDeps {
  storage(): Promise<StorageAdapter>;
  flavor: BrowserFlavor;
  removeBrowsingData(removal: Removal): Promise<void>;
  /** Closes the tabs showing these origins (their sessionStorage and what is on screen go with them); returns how many. */
  closeTabs(origins: readonly string[]): Promise<number>;
}

export function createDesk(deps: DeskDeps) {
  return {
    async onEffects(_tabId: number, _tour: Tour, effects: RunEffect[]): Promise<void> {
      for (const effect of effects) {
        if (effect.type !== 'completeTask') continue;
        const result = await completeTaskFromTour(await deps.storage(), effect.task, effect.at);
        if (!result.ok) console.error(`[Dẫn Bước] could not record task "${effect.task}": ${result.error.en}`);
      }
    },

    /** "Nhờ cán bộ giúp" in a tour: the open session's task for that tour is flagged in the console. */
    async onHelp(tour: Tour, stepId: string, at: number): Promise<void> {
      const taskIds = [tour.task, ...tour.steps.map((s) => s.completes)].filter((id): id is string => Boolean(id));
      try {
        const result = await flagHelp(await deps.storage(), { taskIds, tourId: tour.id, stepId, at });
        if (!result.ok) console.error(`[Dẫn Bước] could not flag a help request: ${result.error.en}`);
      } catch (error) {
        console.error(`[Dẫn Bước] could not flag a help request: ${String(error)}`);
      }
    },

    async onVisit(origin: string): Promise<void> {
      try {
        await recordVisit(await deps.storage(), origin);
      } catch (error) {
        // Never let bookkeeping break the tour: the page still gets its step.
        console.error(`[Dẫn Bước] could not record a visited origin: ${String(error)}`);
      }
    },

    async signOut(sessionId: string, closeTabs: boolean): Promise<SignOutReply> {
      const storage = await deps.storage();
      const visited = await visitedForSignOut(storage, sessionId);
      if (!visited.ok) return visited;
      const origins = visited.value;
      if (!origins.length) return { ok: true, origins: [], closedTabs: 0 };
      try {
        await deps.removeBrowsingData(signOutRemoval(origins, deps.flavor));
      } catch (error) {
        return { ok: false, error: { vi: 'Trình duyệt không xoá được dữ liệu đăng nhập. Hãy thử lại.', en: `browsingData.remove failed: ${String(error)}` } };
      }
      const closedTabs = closeTabs ? await deps.closeTabs(origins).catch(() => 0) : 0;
      await clearVisited(storage, sessionId);
      return { ok: true, origins, closedTabs };
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
