import { observeDeep } from './observe';

/**
 * Waits for `find` to return an element. It looks once at once, then again after DOM mutations
 * (open shadow roots included), at most once per animation frame: no polling loop. On a page that
 * mutates all the time, lookups are also spaced so they use at most LOOKUP_BUDGET of the main
 * thread: after a lookup that took c ms the next waits (1/budget − 1)·c ms. Cheap lookups still run
 * every frame. A timeout of `undefined` waits until the signal aborts (citizen-side waits).
 */
export const LOOKUP_BUDGET = 0.02;

export class WaitTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`target not found within ${timeoutMs} ms`);
    this.name = 'WaitTimeout';
  }
}

export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs?: number;
  /** the document to observe; defaults to the global one */
  doc?: Document;
}

export function waitForElement<T>(find: () => T | null, { signal, timeoutMs, doc = document }: WaitOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const win = doc.defaultView ?? window;
    const now = () => win.performance.now();
    let start = now();
    const immediate = find();
    if (immediate) return resolve(immediate);
    let nextAllowed = now() + (now() - start) * (1 / LOOKUP_BUDGET - 1);

    const scope = new AbortController();
    let frame = 0;
    let spacing: ReturnType<typeof setTimeout> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      scope.abort();
      if (frame) win.cancelAnimationFrame(frame);
      clearTimeout(spacing);
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    function check() {
      frame = 0;
      start = now();
      const found = find();
      const cost = now() - start;
      nextAllowed = now() + cost * (1 / LOOKUP_BUDGET - 1);
      if (found) finish(() => resolve(found));
    }
    function schedule() {
      if (frame || spacing !== undefined) return;
      const wait = nextAllowed - now();
      if (wait <= 0) {
        frame = win.requestAnimationFrame(check);
        return;
      }
      spacing = setTimeout(() => {
        spacing = undefined;
        frame = win.requestAnimationFrame(check);
      }, wait);
    }
    observeDeep(doc, schedule, scope.signal);
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        const last = find();
        finish(() => (last ? resolve(last) : reject(new WaitTimeout(timeoutMs))));
      }, timeoutMs);
    }
  });
}
