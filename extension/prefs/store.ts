import type Browser from 'webextension-polyfill';
import { z } from 'zod';
import { DEFAULT_PREFS, PREFS_VERSION, TEXT_SIZES, type GuidePrefs } from '../../engine/prefs';

/**
 * The citizen's display and reading choices in `storage.local` under `prefs`, shape
 * `{v:1, textSize, contrast, lang, alwaysRead, rate}`. Parsed with zod on every read: a record that
 * is damaged or from another version is reported (the pages offer "Đặt lại mặc định"), never
 * silently replaced — the defaults are only used for display until the citizen resets.
 */
export const PREFS_KEY = 'prefs';

export const GuidePrefsSchema = z.strictObject({
  v: z.literal(PREFS_VERSION),
  textSize: z.union([z.literal(TEXT_SIZES[0]), z.literal(TEXT_SIZES[1]), z.literal(TEXT_SIZES[2])]),
  contrast: z.enum(['normal', 'high']),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "vi" or "en"'),
  alwaysRead: z.boolean(),
  rate: z.enum(['slow', 'normal']),
}) satisfies z.ZodType<GuidePrefs>;

export interface PrefsProblem {
  kind: 'corrupt' | 'unknown-version';
  /** Vietnamese for the screen; the English detail goes to the console only. */
  vi: string;
  en: string;
}

export type PrefsRead = { ok: true; prefs: GuidePrefs } | { ok: false; prefs: GuidePrefs; problem: PrefsProblem };

/** What a stored value means: absent = defaults; a record that fails the schema is a problem to show. */
export function parsePrefs(raw: unknown): PrefsRead {
  if (raw === undefined) return { ok: true, prefs: DEFAULT_PREFS };
  const version = raw !== null && typeof raw === 'object' ? (raw as { v?: unknown }).v : undefined;
  if (version !== PREFS_VERSION && typeof version === 'number') {
    return {
      ok: false,
      prefs: DEFAULT_PREFS,
      problem: {
        kind: 'unknown-version',
        vi: 'Cài đặt hiển thị đã lưu là của một phiên bản Dẫn Bước khác nên chưa dùng được. Đang dùng cài đặt mặc định.',
        en: `stored prefs have version ${version}, this build reads version ${PREFS_VERSION}`,
      },
    };
  }
  const parsed = GuidePrefsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, prefs: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    prefs: DEFAULT_PREFS,
    problem: {
      kind: 'corrupt',
      vi: 'Cài đặt hiển thị đã lưu bị hỏng nên chưa dùng được. Đang dùng cài đặt mặc định.',
      en: `stored prefs are invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
    },
  };
}

export function createPrefsStore(area: Browser.Storage.StorageArea) {
  return {
    async read(): Promise<PrefsRead> {
      return parsePrefs((await area.get(PREFS_KEY))[PREFS_KEY]);
    },
    /** Writes a complete, validated record (a change never merges into a damaged one). */
    async write(prefs: GuidePrefs): Promise<void> {
      await area.set({ [PREFS_KEY]: GuidePrefsSchema.parse(prefs) });
    },
    async reset(): Promise<void> {
      await area.set({ [PREFS_KEY]: DEFAULT_PREFS });
    },
  };
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;

/** True when a storage.onChanged event touches the prefs. */
export function prefsChanged(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && PREFS_KEY in changes;
}
