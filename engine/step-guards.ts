import { siteOrigins, urlMatches } from './match';
import { observeDeep } from './observe';
import { mayMatterFor, removalMayMatter, selectorMayMatter } from './relevance';
import { findEvery, resolveTarget } from './resolve';
import type { Condition, ErrorWatch, Step, Tour } from './schema';
import { fold } from './text';
import { isRendered } from './visibility';
import { safetyPace } from './wait';

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

type Relevance = (records: readonly MutationRecord[]) => boolean;

/**
 * Runs `check` at most once per animation frame after DOM mutations that `mayMatter` accepts (all of
 * them without it), until the signal aborts. A batch that cannot matter runs nothing, except a
 * safety look now and then while the page changes (SAFETY_MS, engine/wait.ts). Every watcher on a document shares one deep
 * observer (engine/observe.ts). `afterPaint`: a watcher that can wait a frame (the portal's own
 * "not found" while the target is awaited) runs once that frame is painted, so it never lengthens
 * the frame that must carry a highlight.
 */
export function onDomChange(check: () => void, signal: AbortSignal, doc: Document = document, mayMatter?: Relevance, afterPaint = false): void {
  const win = doc.defaultView ?? window;
  let frame = 0;
  let timer: number | undefined;
  const safety = safetyPace(() => win.performance.now());
  let asked = false;
  const run = () => {
    frame = 0;
    timer = undefined;
    safety.looked(asked);
    asked = false;
    if (!signal.aborted) check();
  };
  observeDeep(
    doc,
    (records) => {
      // A watcher already due is not asked again: on a busy page that spares a relevance test a frame.
      if (frame) return;
      if (!mayMatter || mayMatter(records)) asked = true;
      else if (!safety.due()) return;
      frame = win.requestAnimationFrame(() => (afterPaint ? (timer = win.setTimeout(run)) : run()));
    },
    signal,
  );
  signal.addEventListener(
    'abort',
    () => {
      win.cancelAnimationFrame(frame);
      win.clearTimeout(timer);
    },
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once
    { once: true },
  );
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
  onDomChange(check, signal, doc, mayMatterFor(...watches.map((w) => w.target)));
}

/** A single-page app may re-render the highlighted element: calls `onGone` once it is no longer shown. */
export function watchRemoval(element: Element, signal: AbortSignal, onGone: () => void): void {
  let gone = false;
  onDomChange(
    () => {
      if (gone || (element.isConnected && isRendered(element))) return;
      gone = true;
      onGone();
    },
    signal,
    element.ownerDocument,
    removalMayMatter(element),
  );
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

const PORTAL_MESSAGES = '[role=alert], [role=status], p[id$="-form-item-message"], .text-destructive, h1, h2';
/** Which mutation batches could bring a portal message: changes at, in or around one. */
export const portalMessageMayMatter = selectorMayMatter(PORTAL_MESSAGES);
const FIELD_ERRORS = '[role=alert], p[id$="-form-item-message"], .text-destructive';
const NOT_FOUND = ['khong tim thay', 'khong ton tai', 'khong co ket qua'];
const OURS = '.danbuoc-popover, .danbuoc-live';

export interface PortalMessage {
  element: Element;
  text: string;
  kind: 'not-found' | 'error';
}

/**
 * The portal's own word that what a step waits for will not come: a "not found" heading or status,
 * or an error message. Our own popover and live region are never read as the page's.
 */
export function findPortalMessage(doc: Document = document): PortalMessage | null {
  let error: PortalMessage | null = null;
  // Layout is read only for the few elements whose words make them a message.
  for (const element of doc.querySelectorAll(PORTAL_MESSAGES)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 200) continue;
    const folded = fold(text);
    const notFound = NOT_FOUND.some((words) => folded.includes(words));
    if (!notFound && (error || !(element.matches(FIELD_ERRORS) || /(^|\s)lỗi(\s|$|:)/iu.test(text)))) continue;
    if (element.closest(OURS) || !isRendered(element)) continue;
    if (notFound) return { element, text, kind: 'not-found' };
    error = { element, text, kind: 'error' };
  }
  return error;
}

/** True when the step after `index` is on this page and its target (if any) is already there. */
export function nextStepReachable(tour: Tour, index: number, pageUrl: string, stepHere: (i: number, url: string) => boolean, doc: Document = document): boolean {
  const next = tour.steps[index + 1];
  if (!next || next.frame || !stepHere(index + 1, pageUrl)) return false;
  return !next.target || resolveTarget(next.target, doc).element !== null;
}

const CHOICES = 'a[href], button, input, select, label, summary, li, [role=option], [role=button], [role=link], [role=menuitem], [role=radio], [role=tab]';

/** A choice step ends on a click on something interactive inside the region, not on its blank space. */
export function isChoiceIn(region: Element, hit: EventTarget | undefined): boolean {
  if (!(hit instanceof Element)) return false;
  const item = hit.closest(CHOICES);
  return Boolean(item && item !== region && region.contains(item));
}
