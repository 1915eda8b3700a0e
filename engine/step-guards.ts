import { siteOrigins, urlMatches } from './match';
import { observeDeep } from './observe';
import { findEvery, resolveTarget } from './resolve';
import type { Condition, ErrorWatch, Step, Tour } from './schema';
import { fold } from './text';
import { isRendered } from './visibility';

/** Everything a step watches while it is on screen. Each watcher ends with the step's AbortSignal. */

export function conditionHolds(condition: Condition, tour: Tour, pageUrl: string, doc: Document = document): boolean {
  if (condition.url) return urlMatches(condition.url, pageUrl, siteOrigins(tour.sites));
  if (condition.present) return resolveTarget(condition.present, doc).element !== null;
  if (condition.absent) return resolveTarget(condition.absent, doc).element === null;
  return false;
}

/** `skipIf` may become true while the step waits (a user menu that renders late); `onlyIf` is judged when the step is ready. */
export function conditionsFor(step: Step, tour: Tour, pageUrl: () => string) {
  return {
    skipNow: () => Boolean(step.skipIf && conditionHolds(step.skipIf, tour, pageUrl())),
    allowed: () => !step.onlyIf || conditionHolds(step.onlyIf, tour, pageUrl()),
  };
}

/** Runs `check` at most once per animation frame after DOM mutations, until the signal aborts. */
export function onDomChange(check: () => void, signal: AbortSignal, doc: Document = document): void {
  let frame = 0;
  const win = doc.defaultView ?? window;
  const run = () => {
    frame = 0;
    if (!signal.aborted) check();
  };
  observeDeep(doc, () => {
    if (!frame) frame = win.requestAnimationFrame(run);
  }, signal);
  signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });
}

/**
 * Watches for the page's error signals (toasts, [role=alert], field messages). A toast may vanish
 * after three seconds; the explanation stays with the step until the citizen moves on.
 */
export function watchErrors(
  watches: readonly ErrorWatch[],
  signal: AbortSignal,
  onError: (watch: ErrorWatch, pageText: string) => void,
  doc: Document = document,
): void {
  if (!watches.length) return;
  const seen = new WeakSet<Element>();
  // Every element a watch matches counts: the page may show an unrelated alert before the error.
  const check = () => {
    for (const watch of watches) {
      for (const el of findEvery(watch.target, doc, isRendered)) {
        // Our own popover shows the error in a role="alert" paragraph: never read it back as the page's.
        if (seen.has(el) || el.closest('.danbuoc-popover')) continue;
        const pageText = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (watch.text && !fold(pageText).includes(fold(watch.text))) continue;
        seen.add(el);
        onError(watch, pageText);
      }
    }
  };
  check();
  onDomChange(check, signal, doc);
}

/** A single-page app may re-render the highlighted element: calls `onGone` once it is no longer shown. */
export function watchRemoval(element: Element, signal: AbortSignal, onGone: () => void): void {
  let gone = false;
  onDomChange(() => {
    if (gone || (element.isConnected && isRendered(element))) return;
    gone = true;
    onGone();
  }, signal, element.ownerDocument);
}

/** Listens on the capture phase so a page that stops propagation cannot hide the citizen's action. */
export function onTrusted(element: Element, type: string, handler: (event: Event) => void, signal: AbortSignal): void {
  element.ownerDocument.addEventListener(
    type,
    (event) => {
      if (event.isTrusted && event.composedPath().includes(element)) handler(event);
    },
    { capture: true, signal },
  );
}
