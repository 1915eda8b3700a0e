/**
 * Events for the host's own counting. Nothing leaves the page: a listener the host adds is the only
 * reader. Details carry ids only, never page content or what the citizen typed.
 */
export const WIDGET_EVENTS = ['tour:start', 'step:show', 'tour:complete', 'step:missing'] as const;
export type WidgetEventName = (typeof WIDGET_EVENTS)[number];

export interface WidgetEventDetail {
  tourId: string;
  stepId?: string;
  /** 1-based, as the citizen sees it ("Bước 2/5") */
  step?: number;
  steps?: number;
}

type Listener = (detail: WidgetEventDetail) => void;

export function createEmitter(target: () => EventTarget | null) {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(name: WidgetEventName, fn: Listener): void {
      if (!(WIDGET_EVENTS as readonly string[]).includes(name) || typeof fn !== 'function') return;
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(fn);
    },
    off(name: WidgetEventName, fn: Listener): void {
      listeners.get(name)?.delete(fn);
    },
    emit(name: WidgetEventName, detail: WidgetEventDetail): void {
      for (const fn of listeners.get(name) ?? []) {
        try {
          fn({ ...detail });
        } catch (error) {
          console.error(error);
        }
      }
      // Also a bubbling CustomEvent from the script tag, so a host can listen on `document` before we load.
      target()?.dispatchEvent(new CustomEvent(`danbuoc:${name}`, { detail: { ...detail }, bubbles: true }));
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
