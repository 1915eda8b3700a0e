import type { PlayerEvent, PlayerHost, Snapshot } from '../engine/player';
import type { GuidePrefs } from '../engine/prefs';
import { effectivePage, reduce, startRun, type RunState, type Transition } from '../engine/runner';
import type { Tour } from '../engine/schema';
import type { SpeakResult, SpeechRate } from '../engine/prefs';
import type { SpeechChunk } from './chunk-speech';
import { loadChunk } from './chunks';
import type { Emitter } from './emitter';
import { readRun, writeRun } from './stores';
import { WIDGET_TEXT } from './strings';

/**
 * The page-local host the player talks to, in place of the extension's background: the pure runner
 * decides, the run lives in this tab's sessionStorage, so a reload or a full page load on the same
 * site resumes at the right step. A step on another site (the VNeID login, a payment gateway) leaves
 * the run 'away' until the citizen comes back to a page of this site.
 */
export interface RunView {
  tour: Tour;
  run: RunState;
  /** where the next step is when it is not on this page: another site's origin, or '' for this site */
  elsewhere?: string;
}

type WidgetSnapshot = Snapshot & { prefs: GuidePrefs };

export interface SessionHostOptions {
  packId: string;
  tours: readonly Tour[];
  prefs: () => GuidePrefs;
  emit: Emitter['emit'];
  /** the run changed (undefined: no run any more) */
  onChange: (view: RunView | undefined) => void;
}

function elsewhereOf(tour: Tour, run: RunState): string | undefined {
  if (run.status !== 'away') return undefined;
  const page = effectivePage(tour, run.stepIndex);
  try {
    const origin = page && !page.startsWith('/') ? new URL(page.replace(/\*/g, 'x')).origin : location.origin;
    return origin === location.origin ? '' : origin;
  } catch {
    return '';
  }
}

export function createSessionHost(options: SessionHostOptions) {
  const { packId, tours, prefs, emit, onChange } = options;
  // Read-aloud is fetched the first time a step is read; a file that does not load means no voice.
  let speaker: Promise<ReturnType<SpeechChunk['createPageSpeaker']>> | undefined;
  const speech = () => (speaker ??= loadChunk<SpeechChunk>('speech').then((chunk) => chunk.createPageSpeaker()));
  const speak = (text: string, rate: SpeechRate): Promise<SpeakResult> =>
    speech().then((s) => s.speak(text, rate), () => ({ ok: false, reason: 'no-voice' }));
  const stopSpeaking = () => void speaker?.then((s) => s.stop(), () => undefined);

  function stored(): { tour: Tour; run: RunState } | undefined {
    const saved = readRun();
    const tour = saved?.packId === packId ? tours.find((t) => t.id === saved.run.tourId) : undefined;
    return tour && saved && saved.run.stepIndex < tour.steps.length ? { tour, run: saved.run } : undefined;
  }

  /** `before`: the stored run this transition started from; the same step after a reload is not shown "again". */
  function apply(tour: Tour, { state, effects }: Transition, before?: RunState): WidgetSnapshot | null {
    const live = state.status === 'active' || state.status === 'away';
    writeRun(live ? { packId, run: state } : undefined);
    const ids = { tourId: tour.id, steps: tour.steps.length };
    const sameStep = before?.status === 'active' && before.stepIndex === state.stepIndex && before.startedAt === state.startedAt;
    if (state.status === 'active' && !sameStep) emit('step:show', { ...ids, stepId: tour.steps[state.stepIndex].id, step: state.stepIndex + 1 });
    if (effects.some((e) => e.type === 'finished')) emit('tour:complete', ids);
    onChange(live ? { tour, run: state, elsewhere: elsewhereOf(tour, state) } : undefined);
    return { tour, run: state, prefs: prefs() };
  }

  const host: PlayerHost & { speak: typeof speak; stopSpeaking: () => void } = {
    async send(event: PlayerEvent) {
      const current = stored();
      if (!current) return null;
      return apply(current.tour, reduce(current.tour, current.run, { ...event, at: Date.now() }), current.run);
    },
    report(report) {
      emit('step:missing', { tourId: report.tourId, stepId: report.stepId });
    },
    speak,
    stopSpeaking,
    reopenHint: WIDGET_TEXT.reopenHint,
  };

  return {
    host,
    start(tour: Tour): WidgetSnapshot | null {
      emit('tour:start', { tourId: tour.id, steps: tour.steps.length });
      return apply(tour, startRun(tour, location.href, Date.now()));
    },
    /** The run this tab had before a reload or a page load, settled on this page. */
    resume(): WidgetSnapshot | null {
      const current = stored();
      if (!current) return null;
      return apply(current.tour, reduce(current.tour, current.run, { type: 'resume', url: location.href, at: Date.now() }), current.run);
    },
    stop(): void {
      const current = stored();
      if (current) apply(current.tour, reduce(current.tour, current.run, { type: 'close', at: Date.now() }), current.run);
      stopSpeaking();
    },
    /** The same run drawn again with new display choices. */
    snapshot(): WidgetSnapshot | null {
      const current = stored();
      return current ? { ...current, prefs: prefs() } : null;
    },
  };
}

export type SessionHost = ReturnType<typeof createSessionHost>;
