import { SHARED_MODULES } from './shared';

/**
 * Parts of the widget that only some pages need come as separate files beside the main one, loaded
 * when first needed: the guide itself (when a tour starts or a run resumes), signature checking
 * (only with `data-public-key`) and read-aloud (only when the citizen asks for it).
 *
 * Still SRI-safe: the build bakes each chunk's sha384 into the main file, and the chunk is loaded by
 * a <script> element carrying that `integrity` (and the main tag's `crossorigin`), so the browser
 * refuses a chunk whose bytes differ; the host's own integrity hash on the main file covers the
 * chunk hashes inside it. A same-origin script file passes `script-src 'self'` (no eval, no inline
 * code). The chunk hands a factory to the element that loaded it (an event on
 * `document.currentScript`, written around the chunk by the build), so it adds no global; the
 * factory gets the engine modules the main file already carries (widget/shared.ts) and returns
 * the chunk's exports.
 */
export type ChunkName = 'guide' | 'signature' | 'speech';

declare const __WIDGET_CHUNKS__: Record<ChunkName, string>;
declare const __WIDGET_VERSION__: string;

/** The event a chunk dispatches on its own script element; the build writes it around the chunk. */
export const CHUNK_EVENT = 'danbuoc:chunk';
export type ChunkFactory<T> = (shared: readonly object[]) => T;

const loading = new Map<ChunkName, Promise<unknown>>();
let origin: { base: string; crossOrigin: string | null } | undefined;

/** Where the main file was loaded from: chunks are fetched from beside it. */
export function setChunkOrigin(base: string, crossOrigin: string | null): void {
  origin = { base, crossOrigin };
}

export function loadChunk<T>(name: ChunkName): Promise<T> {
  let promise = loading.get(name) as Promise<T> | undefined;
  if (!promise) {
    promise = new Promise<T>((resolve, reject) => {
      const file = `dan-buoc-widget-${__WIDGET_VERSION__}-${name}.js`;
      const script = document.createElement('script');
      script.src = new URL(file, origin?.base ?? document.baseURI).href;
      script.integrity = __WIDGET_CHUNKS__[name];
      if (origin?.crossOrigin != null) script.crossOrigin = origin.crossOrigin;
      script.addEventListener(CHUNK_EVENT, (event) => resolve((event as CustomEvent<ChunkFactory<T>>).detail(SHARED_MODULES)), { once: true });
      script.addEventListener('error', () => reject(new Error(`could not load ${file}`)), { once: true });
      // The element is only the loader: once the code has run it leaves the page again.
      script.addEventListener('load', () => script.remove(), { once: true });
      (document.head ?? document.documentElement).append(script);
    });
    promise.catch(() => loading.delete(name));
    loading.set(name, promise);
  }
  return promise;
}
