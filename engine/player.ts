import { urlMatches, siteOrigins } from './match';
import { createOverlay, type OverlayView } from './overlay';
import { watchUrl } from './page-watch';
import { resolveTarget, strategiesOf } from './resolve';
import { stepMatchesUrl, type RunState } from './runner';
import type { Step, Tour } from './schema';
import { OVERLAY_TEXT as T } from './strings';
import { isRendered } from './visibility';
import { waitForElement, WaitTimeout } from './wait';

/**
 * Draws the current step of a run on this page and reports what the citizen does. It never decides
 * the next step itself: it sends events to its host (the background, or the widget's local store),
 * which runs the pure runner and answers with the new snapshot.
 */
export type PlayerEvent =
  | { type: 'page'; url: string }
  | { type: 'advance'; stepId: string; url: string }
  | { type: 'skip'; stepId: string; url: string }
  | { type: 'back'; stepId: string }
  | { type: 'close' };

export interface Snapshot {
  tour: Tour;
  run: RunState;
}

export interface PlayerHost {
  send(event: PlayerEvent): Promise<Snapshot | null>;
}

export const DEFAULT_TIMEOUT_MS = 15000;

export function describeTarget(step: Step): string {
  if (!step.target) return T.somewhere;
  for (const s of strategiesOf(step.target)) {
    const words = s.name ?? s.label ?? s.text;
    if (words) return words;
  }
  return T.somewhere;
}

/** Non-empty check that never copies what the citizen typed: a boolean leaves, the text does not. */
function isFilled(el: Element): boolean {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return el.placeholder ? !el.matches(':placeholder-shown') : el.value.length > 0;
  }
  if (el instanceof HTMLSelectElement) return el.selectedIndex > 0;
  return (el.textContent ?? '').trim().length > 0;
}

export function createPlayer(host: PlayerHost, lifetime: AbortSignal) {
  const overlay = createOverlay();
  let current: Snapshot | null = null;
  let stepScope: AbortController | undefined;
  lifetime.addEventListener('abort', () => {
    stepScope?.abort();
    overlay.hide();
  });

  const keyOf = (s: Snapshot | null) => (s ? `${s.tour.id}:${s.run.stepIndex}:${s.run.status}` : '');

  const send = async (event: PlayerEvent) => {
    const snapshot = await host.send(event);
    // A route change inside the same step keeps the step on screen (it redraws if its element goes).
    if (event.type === 'page' && keyOf(snapshot) === keyOf(current) && overlay.isShowing()) {
      current = snapshot;
      return;
    }
    render(snapshot, event.type !== 'page');
  };

  watchUrl((url) => {
    if (current) void send({ type: 'page', url });
  }, lifetime);

  function render(snapshot: Snapshot | null, fromOwnAction = false) {
    stepScope?.abort();
    stepScope = new AbortController();
    current = snapshot;
    if (!snapshot) return overlay.hide();
    const { run, tour } = snapshot;
    if (run.status === 'finished' && fromOwnAction) return showFinished();
    if (run.status !== 'active') return overlay.hide();
    if (!stepMatchesUrl(tour, run.stepIndex, location.href)) {
      overlay.hide();
      void send({ type: 'page', url: location.href });
      return;
    }
    void playStep(tour, run, stepScope.signal);
  }

  function showFinished() {
    overlay.show({
      title: T.finishedTitle,
      text: T.finished,
      primary: { label: T.done, onClick: () => overlay.hide() },
      onClose: () => overlay.hide(),
      focus: 'primary',
    });
  }

  function baseView(tour: Tour, run: RunState, step: Step): OverlayView {
    const previousHere = run.stepIndex > 0 && stepMatchesUrl(tour, run.stepIndex - 1, location.href);
    return {
      title: step.title?.vi ?? tour.title.vi,
      text: step.say.vi,
      progress: T.progress(run.stepIndex + 1, tour.steps.length),
      secondary: previousHere ? { label: T.back, onClick: () => void send({ type: 'back', stepId: step.id }) } : undefined,
      onClose: () => void send({ type: 'close' }),
    };
  }

  async function playStep(tour: Tour, run: RunState, signal: AbortSignal) {
    const step = tour.steps[run.stepIndex];
    const isLast = run.stepIndex === tour.steps.length - 1;
    const view = baseView(tour, run, step);
    const advance = () => void send({ type: 'advance', stepId: step.id, url: location.href });
    const nextButton = { label: isLast ? T.done : T.next, onClick: advance };

    if (step.advance === 'navigate' && step.to) {
      const origins = siteOrigins(tour.sites);
      watchUrl((url) => urlMatches(step.to!, url, origins) && void send({ type: 'advance', stepId: step.id, url }), signal);
    }
    if (!step.target) {
      overlay.show({ ...view, primary: step.advance === 'next' ? nextButton : undefined, focus: 'primary' });
      return;
    }

    const target = step.target;
    const find = () => resolveTarget(target, document).element;
    const waiting = step.advance === 'wait' || step.advance === 'visible';
    let element = find();
    if (!element) {
      overlay.show({ ...view, hint: waiting ? T.waitHint : T.loadingHint });
      try {
        element = await waitForElement(find, { signal, timeoutMs: waiting ? undefined : (step.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
      } catch (error) {
        if (!(error instanceof WaitTimeout)) return;
        showMissing(step, view, signal);
        element = await waitForElement(find, { signal }).catch(() => null);
        if (!element) return;
      }
    }
    if (signal.aborted) return;
    if (waiting) return advance();

    if (step.advance === 'click') {
      onTrusted(element, 'click', advance, signal);
      overlay.show({ ...view, element, hint: T.clickHint, focus: 'element' });
    } else if (step.advance === 'input') {
      showInput(element, view, nextButton, signal);
    } else {
      overlay.show({ ...view, element, primary: step.advance === 'next' ? nextButton : undefined, focus: 'primary' });
    }
    watchRemoval(element, signal);
  }

  function showInput(element: Element, view: OverlayView, nextButton: { label: string; onClick: () => void }, signal: AbortSignal) {
    const viewFor = (filled: boolean): OverlayView => ({
      ...view,
      element,
      hint: T.inputHint,
      primary: filled ? nextButton : undefined,
      focus: 'element',
    });
    let filled = isFilled(element);
    // Typing only toggles the "Tiếp" button in place: re-highlighting would move focus out of the
    // field and fire the page's blur and change handlers mid-word.
    onTrusted(element, 'input', () => {
      if (isFilled(element) === filled) return;
      filled = !filled;
      overlay.update(viewFor(filled));
    }, signal);
    onTrusted(element, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter' && isFilled(element)) nextButton.onClick();
    }, signal);
    overlay.show(viewFor(filled));
  }

  function showMissing(step: Step, view: OverlayView, signal: AbortSignal) {
    if (signal.aborted) return;
    overlay.show({
      ...view,
      title: T.missingTitle,
      text: T.missing(describeTarget(step)),
      hint: step.say.vi,
      primary: { label: T.skip, onClick: () => void send({ type: 'skip', stepId: step.id, url: location.href }) },
      secondary: { label: T.stop, onClick: () => void send({ type: 'close' }) },
      focus: 'primary',
    });
  }

  // A single-page app may re-render the highlighted element: find it again and redraw.
  function watchRemoval(element: Element, signal: AbortSignal) {
    let frame = 0;
    const check = () => {
      frame = 0;
      if (signal.aborted || (element.isConnected && isRendered(element))) return;
      observer.disconnect();
      render(current);
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(check);
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    }, { once: true });
  }

  return { render: (snapshot: Snapshot | null) => render(snapshot) };
}

/** Listens on the capture phase so a page that stops propagation cannot hide the citizen's action. */
function onTrusted(element: Element, type: string, handler: (event: Event) => void, signal: AbortSignal) {
  element.ownerDocument.addEventListener(
    type,
    (event) => {
      if (!event.isTrusted) return;
      const path = event.composedPath();
      if (path.includes(element)) handler(event);
    },
    { capture: true, signal },
  );
}
