import { checkConfig, configFromScript } from './config';
import { reportConfigProblem, reportError } from './console-error';
import { setChunkOrigin } from './chunks';
import { createEmitter, type WidgetEventDetail, type WidgetEventName } from './emitter';
import { startWidget } from './start';

/**
 * The widget's one entry and its one global, `DanBuoc` (IIFE build) — or these exports (ESM build).
 * With a `data-pack` attribute on its script tag it starts by itself; otherwise the host calls
 * `DanBuoc.init({ pack, publicKey?, signature? })`. No call ever throws into the host page.
 */
declare const __WIDGET_VERSION__: string;

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const emitter = createEmitter(() => script);
// A module script has no currentScript: the ES build finds its chunks beside import.meta.url.
setChunkOrigin(script?.src || import.meta.url, script ? script.getAttribute('crossorigin') : null);
let started: Promise<boolean> | undefined;

export const version = __WIDGET_VERSION__;

function unexpected(error: unknown): boolean {
  reportError('Tiện ích hướng dẫn gặp lỗi nên đã tắt.', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  return false;
}

const domReady = () =>
  new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });

export function init(options: unknown): Promise<boolean> {
  try {
    if (started) return started;
    const checked = checkConfig(options);
    if (!checked.ok) {
      reportConfigProblem(checked.problem);
      return Promise.resolve(false);
    }
    started = domReady().then(() => startWidget(checked.config, emitter)).catch(unexpected);
    return started;
  } catch (error) {
    return Promise.resolve(unexpected(error));
  }
}

/** Listen to `tour:start`, `step:show`, `tour:complete`, `step:missing` (ids only, nothing leaves the page). */
export function on(name: WidgetEventName, listener: (detail: WidgetEventDetail) => void): void {
  emitter.on(name, listener);
}

export function off(name: WidgetEventName, listener: (detail: WidgetEventDetail) => void): void {
  emitter.off(name, listener);
}

if (script?.dataset.pack !== undefined) void init(configFromScript(script));
