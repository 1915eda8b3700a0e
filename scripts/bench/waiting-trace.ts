import type { CDPSession, Page } from '@playwright/test';
import { OBSERVE_OPTIONS } from '../../engine/observe';
import { call } from './browser-harness';
import { startPaintTrace, stopPaintTrace, type TraceEvent } from './paint-trace';

/**
 * Where a waiting step's main-thread cost goes, read from Chromium's trace of the page's renderer
 * main thread over one window: the time spent in calls into the extension's own scripts (its content
 * script's MutationObserver callback, frame callbacks and timers), and the page's own script time
 * (its per-frame changes, which cost more once an observer asks for records of them).
 */
export interface ScriptShare {
  /** ms per second of wall time in calls into chrome-extension:// scripts */
  extensionMsPerS: number;
  /** ms per second in calls into the page's own scripts */
  pageMsPerS: number;
}

export function scriptShare(events: TraceEvent[], seconds: number): ScriptShare {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const calls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && mainThreads.has(`${e.pid}:${e.tid}`));
  const sum = (test: (url: string) => boolean) => calls.filter((e) => test(e.args?.data?.url ?? '')).reduce((total, e) => total + (e.dur ?? 0) / 1000, 0) / seconds;
  return {
    extensionMsPerS: sum((url) => url.startsWith('chrome-extension://')),
    pageMsPerS: sum((url) => url.startsWith('https://')),
  };
}

/**
 * Traces `seconds` of the page changing without a pause, in back-to-back windows of `windowSeconds`
 * (one trace of a busy page for 20 s would hold hundreds of MB of events), then stops its changes.
 * The first window holds the step's first safety look after the page starts changing; later ones
 * show the steady state of a long wait (an SMS code, a slow page).
 */
export async function tracedWindows(page: Page, cdp: CDPSession, seconds: number, windowSeconds: number): Promise<ScriptShare & { windows: ScriptShare[] }> {
  await call(page, 'startMutator');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const windows: ScriptShare[] = [];
  try {
    for (let traced = 0; traced < seconds; traced += windowSeconds) {
      await startPaintTrace(cdp);
      await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
      windows.push(scriptShare(await stopPaintTrace(cdp), windowSeconds));
    }
  } finally {
    await call(page, 'stopMutator');
  }
  const mean = (key: keyof ScriptShare) => windows.reduce((sum, w) => sum + w[key], 0) / windows.length;
  return { extensionMsPerS: mean('extensionMsPerS'), pageMsPerS: mean('pageMsPerS'), windows };
}

/** The page observed as engine/observe.ts observes it, by a callback that does nothing: the floor of any observer. */
export async function observeWithNoOp(page: Page): Promise<void> {
  await page.evaluate((options) => new MutationObserver(() => undefined).observe(document, options), OBSERVE_OPTIONS);
}
