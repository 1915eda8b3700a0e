import type Browser from 'webextension-polyfill';
import { z } from 'zod';
import { Tour } from '../../engine/schema';

/**
 * Draft tours of author mode (recorded, loaded from a file, or being edited), in `storage.local`
 * under `drafts`, shape `{v:1, tours: {[id]: {tour: <tour JSON>, savedAt: ms}}}`. A draft may be
 * incomplete, so it is stored as plain JSON and validated with the tour schema when read: each
 * entry says whether it can run now (`tour`) or what is wrong (`problems`). A damaged store is
 * reported, never overwritten: `put` refuses to write over it.
 */
export const DRAFTS_KEY = 'drafts';

const DraftStore = z.strictObject({
  v: z.literal(1),
  tours: z.record(z.string(), z.strictObject({ tour: z.unknown(), savedAt: z.number() })),
});
type DraftStore = z.infer<typeof DraftStore>;

export interface Draft {
  id: string;
  json: unknown;
  savedAt: number;
  /** the parsed tour when it passes the schema; drafts that do not cannot be previewed */
  tour?: Tour;
  problems: string[];
}

export type DraftsRead = { ok: true; drafts: Draft[] } | { ok: false; error: string };

function toDraft(id: string, entry: DraftStore['tours'][string]): Draft {
  const parsed = Tour.safeParse(entry.tour);
  return parsed.success
    ? { id, json: entry.tour, savedAt: entry.savedAt, tour: parsed.data, problems: [] }
    : { id, json: entry.tour, savedAt: entry.savedAt, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

export function parseDrafts(raw: unknown): DraftsRead {
  if (raw === undefined) return { ok: true, drafts: [] };
  const parsed = DraftStore.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: 'Danh sách bản nháp đã lưu bị hỏng nên chưa mở được (stored drafts are unreadable). Chưa có gì bị xoá.' };
  }
  return { ok: true, drafts: Object.entries(parsed.data.tours).map(([id, entry]) => toDraft(id, entry)) };
}

export function createDraftStore(area: Browser.Storage.StorageArea, now: () => number = Date.now) {
  async function readRaw() {
    return (await area.get(DRAFTS_KEY))[DRAFTS_KEY];
  }
  async function write(change: (tours: DraftStore['tours']) => void): Promise<void> {
    const raw = await readRaw();
    let tours: DraftStore['tours'] = {};
    if (raw !== undefined) {
      const parsed = DraftStore.safeParse(raw);
      if (!parsed.success) throw new Error('Danh sách bản nháp bị hỏng; không ghi đè (stored drafts are unreadable; not overwritten).');
      tours = { ...parsed.data.tours };
    }
    change(tours);
    await area.set({ [DRAFTS_KEY]: { v: 1, tours } });
  }
  return {
    async list(): Promise<DraftsRead> {
      return parseDrafts(await readRaw());
    },
    /** drafts that pass the schema, for the tour source (author mode only) */
    async runnable(): Promise<Tour[]> {
      const read = parseDrafts(await readRaw());
      if (!read.ok) throw new Error(read.error);
      return read.drafts.flatMap((d) => (d.tour ? [d.tour] : []));
    },
    put(id: string, json: unknown): Promise<void> {
      return write((tours) => {
        tours[id] = { tour: json, savedAt: now() };
      });
    },
    remove(id: string): Promise<void> {
      return write((tours) => {
        delete tours[id];
      });
    },
  };
}
