import { observeDeep } from './observe';

/**
 * Waits for `find` to return an element. It looks once at once, then again after DOM mutations
 * (open shadow roots included), at most once per animation frame: no polling loop. Lookups spend
 * from a token bucket: it holds BURST_MS of main-thread time and refills at LOOKUP_BUDGET of wall
 * time, so a page that changes now and then gets an answer in the next frame, and a page that
 * mutates all the time sees lookups spaced out to stay under the budget. Only lookups that a batch
 * asked for spend from the bucket: the first look and the safety looks (see SAFETY_MS)
 * have their own bound, and charging them would make the look that matters wait behind them.
 * A timeout of `undefined` waits until the signal aborts (citizen-side waits).
 */
export const LOOKUP_BUDGET = 0.016;
export const BURST_MS = 6;

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
  /**
   * Whether a batch of mutations could have made `find` succeed (see engine/relevance.ts). Batches it
   * rejects trigger no lookup, except that a lookup still runs at least every SAFETY_MS while the
   * page changes (a stylesheet rule or a late upgrade may show the element without a telling record).
   */
  mayMatter?: (records: MutationRecord[]) => boolean;
}

/**
 * A page that changes every frame gets one safety look per watcher SAFETY_MS after its last look,
 * then twice as long after each safety look, up to MAX_SAFETY_MS; a look a relevant batch asked for
 * starts the spacing again. What a safety look catches (a change with no telling record: a media
 * query, a transition ending, a shadow root attached late) is rare, and each look costs a full
 * lookup (20–30 ms of a 10,000-element page): three watchers of a waiting step looking once a
 * second took 1.5–2.5 % of the main thread, every 3 s about 1 %.
 */
export const SAFETY_MS = 3000;
export const MAX_SAFETY_MS = 12_000;

/** When a watcher's next safety look is due (see SAFETY_MS). */
export function safetyPace(now: () => number) {
  let lookedAt = now();
  let spacing = SAFETY_MS;
  return {
    due: () => now() - lookedAt >= spacing,
    /** `asked`: a batch that may matter asked for this look (or it is the first); else a safety look */
    looked(asked: boolean) {
      lookedAt = now();
      spacing = asked ? SAFETY_MS : Math.min(spacing * 2, MAX_SAFETY_MS);
    },
  };
}

export function waitForElement<T>(find: () => T | null, { signal, timeoutMs, doc = document, mayMatter }: WaitOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const win = doc.defaultView ?? window;
    const now = () => win.performance.now();
    let tokens = BURST_MS;
    let refilledAt = now();
    const refill = () => {
      const t = now();
      tokens = Math.min(BURST_MS, tokens + (t - refilledAt) * LOOKUP_BUDGET);
      refilledAt = t;
    };
    const safety = safetyPace(now);
    /** whether a batch that may matter asked for the next look (else it is a safety look) */
    let asked = false;
    const look = (first = false) => {
      const charged = asked;
      asked = false;
      safety.looked(charged || first);
      refill();
      const start = now();
      const found = find();
      if (charged) tokens -= now() - start;
      return found;
    };
    const immediate = look(true);
    if (immediate) return resolve(immediate);

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
      const found = look();
      if (found) finish(() => resolve(found));
    }
    function schedule() {
      if (frame || spacing !== undefined) return;
      refill();
      const wait = -tokens / LOOKUP_BUDGET; // ≤ 0 while the bucket holds tokens
      if (wait <= 0) {
        frame = win.requestAnimationFrame(check);
        return;
      }
      spacing = setTimeout(() => {
        spacing = undefined;
        frame = win.requestAnimationFrame(check);
      }, wait);
    }
    observeDeep(
      doc,
      (records) => {
        if (!mayMatter || mayMatter(records)) {
          asked = true;
          schedule();
        } else if (safety.due()) schedule();
      },
      scope.signal,
    );
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once, and finish() removes the listener
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        const last = find();
        finish(() => (last ? resolve(last) : reject(new WaitTimeout(timeoutMs))));
      }, timeoutMs);
    }
  });
}
