import browser from 'webextension-polyfill';
import { Target } from '../../engine/schema';
import { getAt, type Json } from './editor-model';
import { EDITOR_TEXT as T } from './editor-strings';
import { INSPECTOR_GLOBAL } from './step-inspector';

/** Per alternative of a step's target, the visible elements it matches on the tab now, over all its frames. */
export type InspectResult = { ok: true; counts: number[] } | { ok: false; error: string };

/**
 * "Kiểm tra bước này": injects the small resolver script into every frame of the tab, then asks each
 * frame to count. Frames the extension may not read (other origins) are left out by the browser.
 */
export async function inspectStep(tabId: number, json: Json, step: number): Promise<InspectResult> {
  const raw = getAt(json, ['steps', step, 'target']);
  if (raw === undefined) return { ok: false, error: T.inspectNoTarget };
  const target = Target.safeParse(raw);
  if (!target.success) return { ok: false, error: T.inspectBadTarget };
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/inspect-step.js'] });
    const frames = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: (name: string, t: unknown) => {
        const inspect = (globalThis as Record<string, unknown>)[name];
        return typeof inspect === 'function' ? (inspect as (t: unknown) => number[])(t) : null;
      },
      args: [INSPECTOR_GLOBAL, target.data],
    });
    const counts = Array.isArray(target.data) ? target.data.map(() => 0) : [0];
    for (const frame of frames) {
      const result = frame.result as number[] | null | undefined;
      if (Array.isArray(result)) result.forEach((n, i) => (counts[i] += n));
    }
    return { ok: true, counts };
  } catch (error) {
    console.error(`[Dẫn Bước] could not check the step on tab ${tabId}: ${String(error)}`);
    return { ok: false, error: T.inspectFailed };
  }
}
