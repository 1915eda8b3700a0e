import type Browser from 'webextension-polyfill';
import { z } from 'zod';
import type { MissingReport } from '../messages';

/**
 * Broken-step reports: a tour step whose target did not appear. Ids, the URL path and which strategy
 * kinds failed — never page content, query strings or what the citizen typed. Kept in
 * `storage.local`, versioned, capped; a corrupt record is moved aside and reported, never dropped.
 */
export const REPORTS_KEY = 'broken-steps';
const MAX_REPORTS = 200;

export const BrokenStepReport = z.strictObject({
  tourId: z.string().max(80),
  stepId: z.string().max(80),
  path: z.string().max(300),
  failed: z.array(z.string().max(60)).max(6),
  count: z.number().int().positive(),
  firstAt: z.number().int().nonnegative(),
  lastAt: z.number().int().nonnegative(),
  version: z.string().max(20),
});

const StoredReports = z.strictObject({ v: z.literal(1), items: z.array(BrokenStepReport).max(MAX_REPORTS) });

export type BrokenStepReport = z.infer<typeof BrokenStepReport>;
export type ReportList = { ok: true; items: BrokenStepReport[]; quarantined: string[] } | { ok: false; error: string };

export function createReportStore(area: Browser.Storage.StorageArea, version: string) {
  async function quarantined(): Promise<string[]> {
    return Object.keys(await area.get(null)).filter((k) => k.startsWith(`${REPORTS_KEY}:corrupt:`));
  }

  async function read(): Promise<{ ok: true; items: BrokenStepReport[] } | { ok: false; raw: unknown; error: string }> {
    const raw = (await area.get(REPORTS_KEY))[REPORTS_KEY];
    if (raw === undefined) return { ok: true, items: [] };
    const parsed = StoredReports.safeParse(raw);
    return parsed.success ? { ok: true, items: parsed.data.items } : { ok: false, raw, error: parsed.error.issues[0]?.message ?? 'invalid' };
  }

  return {
    async add(report: MissingReport, path: string, at: number): Promise<void> {
      const current = await read();
      let items: BrokenStepReport[] = [];
      if (current.ok) items = current.items;
      else await area.set({ [`${REPORTS_KEY}:corrupt:${at}`]: current.raw });
      const same = items.find((r) => r.tourId === report.tourId && r.stepId === report.stepId && r.path === path);
      if (same) {
        Object.assign(same, { count: same.count + 1, lastAt: at, failed: report.failed });
      } else {
        items.unshift({ ...report, path, count: 1, firstAt: at, lastAt: at, version });
      }
      await area.set({ [REPORTS_KEY]: { v: 1, items: items.slice(0, MAX_REPORTS) } });
    },
    async list(): Promise<ReportList> {
      const current = await read();
      if (!current.ok) return { ok: false, error: `stored reports are invalid: ${current.error}` };
      return { ok: true, items: current.items, quarantined: await quarantined() };
    },
    async clear(): Promise<void> {
      await area.remove([REPORTS_KEY, ...(await quarantined())]);
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
