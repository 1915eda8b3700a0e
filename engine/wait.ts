/**
 * Waits for `find` to return an element. It looks once at once, then again after DOM mutations,
 * at most once per animation frame: no polling loop, and a page that mutates continuously costs one
 * lookup per frame. A timeout of `undefined` waits until the signal aborts (citizen-side waits).
 */
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
    const immediate = find();
    if (immediate) return resolve(immediate);

    const win = doc.defaultView ?? window;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      if (!frame) frame = win.requestAnimationFrame(check);
    });
    const cleanup = () => {
      observer.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    function check() {
      frame = 0;
      const found = find();
      if (found) {
        cleanup();
        resolve(found);
      }
    }
    observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        cleanup();
        const last = find();
        if (last) resolve(last);
        else reject(new WaitTimeout(timeoutMs));
      }, timeoutMs);
    }
  });
}
