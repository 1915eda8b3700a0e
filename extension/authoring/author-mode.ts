import type Browser from 'webextension-polyfill';

/**
 * Author mode: off by default, turned on in options by a tour author. Only in author mode do
 * drafts and unsigned local packs run, the picker and the recorder exist, and the editor opens.
 * Stored in `storage.local` under `authorMode` as `{v:1, on:boolean}`; anything else reads as off
 * and is reported, so a damaged record can never turn unreviewed tours on.
 */
export const AUTHOR_MODE_KEY = 'authorMode';

export type AuthorModeRead = { on: boolean; problem?: string };

export function parseAuthorMode(raw: unknown): AuthorModeRead {
  if (raw === undefined) return { on: false };
  if (raw !== null && typeof raw === 'object' && (raw as { v?: unknown }).v === 1 && typeof (raw as { on?: unknown }).on === 'boolean') {
    return { on: (raw as { on: boolean }).on };
  }
  return { on: false, problem: 'Cài đặt "Chế độ soạn hướng dẫn" đã lưu bị hỏng nên đang tắt. Bật lại trong trang Cài đặt nếu cần.' };
}

export function createAuthorModeStore(area: Browser.Storage.StorageArea) {
  return {
    async read(): Promise<AuthorModeRead> {
      return parseAuthorMode((await area.get(AUTHOR_MODE_KEY))[AUTHOR_MODE_KEY]);
    },
    async set(on: boolean): Promise<void> {
      await area.set({ [AUTHOR_MODE_KEY]: { v: 1, on } });
    },
  };
}

export function authorModeChanged(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && AUTHOR_MODE_KEY in changes;
}
