import type Browser from 'webextension-polyfill';
import { z } from 'zod';
import { checkPackBytes, PACK_LIMITS, type Pack } from '../../engine/pack';
import type { Tour } from '../../engine/schema';
import type { TourProvider } from '../tour-source';

/**
 * An unsigned pack an author loads from a file to try it before it is signed: author mode only.
 * Its tours run as drafts (every step says "Bản nháp — chưa kiểm duyệt"), and it goes through every
 * check of a signed pack but the signature. Stored in `storage.local` under `localPack` as its text,
 * checked again when read; with author mode off it is kept but never used.
 */
export const LOCAL_PACK_KEY = 'localPack';

const LocalPackRecord = z.strictObject({
  v: z.literal(1),
  text: z.string().max(PACK_LIMITS.maxBytes),
  fileName: z.string().max(200),
  loadedAt: z.number(),
});

export interface LocalPackInfo {
  fileName: string;
  loadedAt: number;
  packId: string;
  version: number;
  tours: number;
}

export type LocalPackRead = { ok: true; local: { pack: Pack; fileName: string; loadedAt: number } | null } | { ok: false; error: string; details?: string[] };

export type LoadLocalResult = { ok: true } | { ok: false; reason: 'author-mode-off' | 'invalid'; message?: string; details?: string[] };

const DAMAGED = 'Gói thử đã lưu bị hỏng nên đang không dùng. Chọn lại tệp gói. (The stored local pack is unreadable.)';

export function createLocalPackStore(area: Browser.Storage.StorageArea, authorModeOn: () => Promise<boolean>, now: () => number = Date.now) {
  async function read(): Promise<LocalPackRead> {
    const raw = (await area.get(LOCAL_PACK_KEY))[LOCAL_PACK_KEY];
    if (raw === undefined) return { ok: true, local: null };
    const record = LocalPackRecord.safeParse(raw);
    if (!record.success) return { ok: false, error: DAMAGED };
    const checked = checkPackBytes(new TextEncoder().encode(record.data.text));
    if (!checked.ok) return { ok: false, error: checked.message, ...(checked.details ? { details: checked.details.slice(0, 20) } : {}) };
    return { ok: true, local: { pack: checked.pack, fileName: record.data.fileName, loadedAt: record.data.loadedAt } };
  }

  return {
    read,
    /** Checks the file like a signed pack (signature aside) and keeps it only if it passes. */
    async load(fileName: string, text: string): Promise<LoadLocalResult> {
      if (!(await authorModeOn())) return { ok: false, reason: 'author-mode-off' };
      const checked = checkPackBytes(new TextEncoder().encode(text));
      if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.message, ...(checked.details ? { details: checked.details.slice(0, 20) } : {}) };
      await area.set({ [LOCAL_PACK_KEY]: { v: 1, text, fileName: fileName.slice(0, 200), loadedAt: now() } satisfies z.infer<typeof LocalPackRecord> });
      return { ok: true };
    },
    async remove(): Promise<void> {
      await area.remove(LOCAL_PACK_KEY);
    },
    /** Draft tours from the local pack, only while author mode is on. */
    provider(): TourProvider {
      return {
        name: 'packs',
        draft: true,
        tours: async (): Promise<readonly Tour[]> => {
          if (!(await authorModeOn())) return [];
          const local = await read();
          if (!local.ok) throw new Error(local.error);
          return local.local?.pack.tours ?? [];
        },
      };
    },
  };
}

export type LocalPackStore = ReturnType<typeof createLocalPackStore>;

export function localPackInfo(read: LocalPackRead): LocalPackInfo | null {
  if (!read.ok || !read.local) return null;
  const { pack, fileName, loadedAt } = read.local;
  return { fileName, loadedAt, packId: pack.packId, version: pack.version, tours: pack.tours.length };
}
