import { pickOptional, pickText } from './i18n';
import { siteOrigins, urlMatches } from './match';
import { createOverlay, type OverlayButton, type OverlayView } from './overlay';
import { DEFAULT_PREFS, type GuidePrefs, type SpeakResult, type SpeechRate } from './prefs';
import { watchUrl } from './page-watch';
import { conditionMayMatter, mayMatterFor } from './relevance';
import { resolveTarget, strategiesOf } from './resolve';
import { stepMatchesUrl, tourAppliesTo, type RunState } from './runner';
import type { Condition, Step, Target, Tour } from './schema';
import {
  conditionHolds,
  conditionsFor,
  findPortalMessage,
  isChoiceIn,
  nextStepReachable,
  onDomChange,
  onTrusted,
  portalMessageMayMatter,
  watchErrors,
  watchRemoval,
  type PortalMessage,
} from './step-guards';
import { OVERLAY_TEXT as T } from './strings';
import { waitForElement, WaitTimeout } from './wait';

/**
 * Draws the current step of a run in this frame and reports what the citizen does. It never decides
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
  /** the tab's top-level URL, for players inside iframes that cannot read it themselves */
  topUrl?: string;
  /** the citizen's display and reading choices (absent = DEFAULT_PREFS) */
  prefs?: GuidePrefs;
  /** an unreviewed tour (author mode: a draft or an unsigned local pack); every step says so */
  draft?: boolean;
}

/** A step whose target never appeared: ids and strategy kinds only, never page content or input. */
export interface MissingReport {
  tourId: string;
  stepId: string;
  failed: string[];
}

export interface PlayerHost {
  send(event: PlayerEvent): Promise<Snapshot | null>;
  report?(report: MissingReport): void;
  /** read this display text aloud; the host turns it into spoken form */
  speak?(text: string, rate: SpeechRate): Promise<SpeakResult>;
  stopSpeaking?(): void;
  /** how the citizen opens the guide again, said when they ask to stop (the widget: its own button) */
  reopenHint?: string;
  /** "Nhờ cán bộ giúp": in an assisted session the desk console flags the task */
  askForHelp?(info: { tourId: string; stepId: string }): void;
}

export const DEFAULT_TIMEOUT_MS = 8000;
/** After the citizen acts, how long a step may wait for the page's answer before the page is released. */
export const ANSWER_MS = 5000;
const SKIPPED = Symbol('skipped');
/** A run finished this recently, by the page load that brought this page, still gets its "Hoàn thành". */
const FRESH_MS = 5000;

const wordsOf = (target?: Target) => (target ? strategiesOf(target).map((s) => s.name ?? s.label ?? s.text).find(Boolean) : undefined);

export const describeTarget = (step: Step): string => wordsOf(step.target) ?? T.somewhere;

/** What a step waits for after the citizen acted, from its `doneWhen`. */
export const describeAnswer = (done: Condition): string => {
  const words = wordsOf(done.present);
  return words ? T.waitShow(words) : T.loadingHint;
};

function strategyKind(s: ReturnType<typeof strategiesOf>[number]): string {
  const kind = s.role ? `role:${s.role}` : s.label !== undefined ? 'label' : s.text !== undefined ? 'text' : 'css';
  return s.within ? `${kind} within` : kind;
}

/** Non-empty check that never copies what the citizen typed: a boolean leaves, the text does not. */
function isFilled(el: Element): boolean {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return el.placeholder ? !el.matches(':placeholder-shown') : el.value.length > 0;
  }
  if (el instanceof HTMLSelectElement) return el.selectedIndex > 0;
  return (el.textContent ?? '').trim().length > 0;
}

export function createPlayer(host: PlayerHost, lifetime: AbortSignal, win: Window = window) {
  const overlay = createOverlay(host);
  let lang = DEFAULT_PREFS.lang;
  const isTop = win === win.top;
  let current: Snapshot | null = null;
  let drawnKey = '';
  let stepScope: AbortController | undefined;
  lifetime.addEventListener('abort', () => {
    stepScope?.abort();
    overlay.hide();
  });

  const keyOf = (s: Snapshot | null) => (s ? `${s.tour.id}:${s.run.stepIndex}:${s.run.status}:${s.run.startedAt}` : '');
  const pageUrl = () => (isTop ? location.href : (current?.topUrl ?? ''));

  const send = async (event: PlayerEvent) => {
    const snapshot = await host.send(event);
    render(snapshot, event.type !== 'page');
  };

  if (isTop) {
    watchUrl((url) => {
      if (current) void send({ type: 'page', url });
    }, lifetime);
  }

  function render(snapshot: Snapshot | null, fromOwnAction = false) {
    // The same step arriving again (a broadcast, a route change inside the step) keeps what is drawn.
    if (snapshot && keyOf(snapshot) === drawnKey && stepScope && !stepScope.signal.aborted) {
      current = snapshot;
      return;
    }
    stepScope?.abort();
    stepScope = new AbortController();
    current = snapshot;
    drawnKey = keyOf(snapshot);
    if (!snapshot) return overlay.hide();
    const prefs = snapshot.prefs ?? DEFAULT_PREFS;
    lang = prefs.lang;
    overlay.setPrefs(prefs);
    const { run, tour } = snapshot;
    // A last step passed by a page load finishes the run as the new page opens: say so there too.
    if (run.status === 'finished' && (fromOwnAction || (isTop && Date.now() - run.updatedAt < FRESH_MS))) return showFinished();
    const signal = stepScope.signal;
    if (run.status !== 'active') {
      overlay.hide();
      // The run waits for a page the tour expects: on one of its sites, say so rather than nothing at all.
      if (isTop && run.status === 'away' && tourAppliesTo(tour, location.href)) {
        const step = tour.steps[run.stepIndex];
        setTimeout(() => signal.aborted || showMissing(tour, run, step, baseView(tour, run, step), null, signal), step.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      }
      return;
    }
    if (!stepMatchesUrl(tour, run.stepIndex, pageUrl())) {
      overlay.hide();
      if (isTop) void send({ type: 'page', url: location.href });
      return;
    }
    const step = tour.steps[run.stepIndex];
    if (!isHere(tour, step)) {
      overlay.hide();
      if (isTop && step.frame) revealFrame(tour, run, step, signal);
      return;
    }
    void playStep(tour, run, step, signal);
  }

  /** Top-frame steps are drawn by the top frame; a step with `frame` by the iframe whose URL matches. */
  function isHere(tour: Tour, step: Step): boolean {
    if (!step.frame) return isTop;
    return !isTop && urlMatches(step.frame, location.href, siteOrigins(tour.sites));
  }

  /**
   * The iframe draws the step; the top frame brings that iframe into view. No iframe at the tour's
   * address: the top frame says so, until one comes. A slow iframe is there: no message.
   */
  function revealFrame(tour: Tour, run: RunState, step: Step, signal: AbortSignal) {
    const origins = siteOrigins(tour.sites);
    const find = () => [...document.querySelectorAll('iframe')].find((f) => urlMatches(step.frame!, f.src, origins)) ?? null;
    const reveal = (frame: HTMLIFrameElement) => {
      overlay.hide();
      frame.scrollIntoView({ block: 'center', behavior: 'instant' });
    };
    void waitForElement(find, { signal, timeoutMs: step.timeoutMs ?? DEFAULT_TIMEOUT_MS })
      .then(reveal, (error) => {
        if (!(error instanceof WaitTimeout)) return;
        showMissing(tour, run, step, baseView(tour, run, step), null, signal, T.inFrame);
        return waitForElement(find, { signal }).then(reveal);
      })
      .catch(() => undefined);
  }

  function showFinished() {
    overlay.show({
      title: T.finishedTitle,
      text: T.finished,
      actions: [{ label: T.done, onClick: () => overlay.hide() }],
      onClose: () => overlay.hide(),
      closeAtOnce: true,
    });
  }

  function baseView(tour: Tour, run: RunState, step: Step): OverlayView {
    const previousHere = run.stepIndex > 0 && stepMatchesUrl(tour, run.stepIndex - 1, pageUrl());
    return {
      title: pickOptional(step.title, lang) ?? pickText(tour.title, lang),
      text: pickText(step.say, lang),
      badge: current?.draft ? T.draftBadge : undefined,
      progress: T.progress(run.stepIndex + 1, tour.steps.length),
      actions: previousHere ? [{ label: T.back, onClick: () => void send({ type: 'back', stepId: step.id }) }] : [],
      onClose: () => void send({ type: 'close' }),
    };
  }

  async function playStep(tour: Tour, run: RunState, step: Step, signal: AbortSignal) {
    const isLast = run.stepIndex === tour.steps.length - 1;
    const view = baseView(tour, run, step);
    const back = view.actions ?? [];
    const withMain = (main?: OverlayButton) => (main ? [main, ...back] : back);
    let advanced = false;
    const advance = () => {
      if (advanced || signal.aborted) return;
      advanced = true;
      void send({ type: 'advance', stepId: step.id, url: pageUrl() });
    };
    // With doneWhen, the page decides when the step is over (a toast may refuse the submit).
    const done = () => Boolean(step.doneWhen && conditionHolds(step.doneWhen, tour, pageUrl()));
    if (step.doneWhen) {
      onDomChange(() => done() && advance(), signal, document, conditionMayMatter(step.doneWhen));
      // A ticked box or a chosen option changes no DOM: the citizen's own change is the moment to look.
      onTrusted(document.documentElement, 'change', () => done() && advance(), signal);
    }
    // After each act: the page's refusal is explained at once; no answer within ANSWER_MS releases the page.
    let acts = 0;
    let highlighted: Element | undefined;
    const explain = (alert: string) => {
      view.alert = alert;
      view.passive = true;
      const shown = overlay.current();
      if (shown && !signal.aborted) overlay.update({ ...shown, alert, passive: true });
    };
    const waitForAnswer = () => {
      // A refusal already explained left the page usable: nothing more to say.
      if (signal.aborted || done() || view.alert) return;
      showStuck(tour, run, step, { ...view, element: highlighted?.isConnected ? highlighted : undefined, text: describeAnswer(step.doneWhen!), hint: T.waitHint, focus: 'element' });
    };
    const act = step.doneWhen
      ? () => {
          const n = ++acts;
          if (n === 1) {
            const before = findPortalMessage()?.element;
            onDomChange(() => {
              const message = findPortalMessage();
              if (message && message.element !== before && !view.alert) explain(T.pageSaid(message.text));
            }, signal, document, portalMessageMayMatter);
          }
          setTimeout(() => n === acts && waitForAnswer(), ANSWER_MS);
        }
      : advance;
    const skip = () => void send({ type: 'skip', stepId: step.id, url: pageUrl() });
    const nextButton = { label: isLast ? T.done : T.next, onClick: advance };
    const enterButton = { label: nextButton.label, onClick: act };
    const conditions = conditionsFor(step, tour, pageUrl);

    // The page's error, explained, stays on this step's popover until the citizen moves on, and the
    // page becomes usable again (no dimming) so they can fix what the page complained about.
    watchErrors([...(step.errors ?? []), ...(tour.errors ?? [])], signal, (watch, pageText) => explain(pickOptional(watch.explain, lang) ?? T.pageSaid(pageText)));
    if (step.advance === 'navigate' && step.to && isTop) {
      const origins = siteOrigins(tour.sites);
      watchUrl((url) => urlMatches(step.to!, url, origins) && void send({ type: 'advance', stepId: step.id, url }), signal);
    }
    if (!step.target) {
      if (conditions.skipNow() || !conditions.allowed()) return skip();
      overlay.show({ ...view, actions: withMain(step.advance === 'next' ? nextButton : undefined), focus: 'heading' });
      return;
    }

    const target = step.target;
    const find = () => (conditions.skipNow() ? SKIPPED : resolveTarget(target, document).element);
    // Lookups run only for mutation batches that could make the target (or a skipIf) appear.
    const targetMatters = mayMatterFor(target);
    const skipMatters = step.skipIf ? conditionMayMatter(step.skipIf) : undefined;
    const mayMatter = (records: readonly MutationRecord[]) => targetMatters(records) || Boolean(skipMatters?.(records));
    const waiting = step.advance === 'wait' || step.advance === 'visible';
    // An address that rules the step out will not change while the step waits for its target.
    if (step.onlyIf?.url && !conditions.allowed()) return skip();
    let found = find();
    if (!found) {
      overlay.show({ ...view, passive: true, hint: waiting ? T.waitHint : T.loadingHint, focus: 'heading' });
      // The page may say at once that what we wait for will not come ("Không tìm thấy thủ tục").
      const missing = new AbortController();
      signal.addEventListener('abort', () => missing.abort(), { once: true });
      let told = false;
      const tell = (message: PortalMessage | null) => {
        if (told || signal.aborted) return;
        told = true;
        missing.abort();
        showMissing(tour, run, step, view, message, signal);
      };
      if (!waiting) {
        const lookForMessage = () => {
          const message = findPortalMessage();
          if (message) tell(message);
        };
        lookForMessage();
        onDomChange(lookForMessage, missing.signal, document, portalMessageMayMatter, true);
      }
      try {
        found = await waitForElement(find, { signal, timeoutMs: waiting ? undefined : (step.timeoutMs ?? DEFAULT_TIMEOUT_MS), mayMatter });
      } catch (error) {
        if (!(error instanceof WaitTimeout)) return;
        // The branch not taken: its target never comes, and that is no fault of the page.
        if (!conditions.allowed()) return skip();
        tell(findPortalMessage());
        found = await waitForElement(find, { signal, mayMatter }).catch(() => null);
      }
      missing.abort();
    }
    if (!found || signal.aborted) return;
    if (found === SKIPPED || !conditions.allowed()) return skip();
    const element = (highlighted = found);
    if (waiting) return advance();

    if (done()) return advance();
    if (step.advance === 'click') {
      onTrusted(element, 'click', act, signal);
      overlay.show({ ...view, element, hint: T.clickHint, focus: 'element' });
    } else if (step.advance === 'choose') {
      // The whole region stays usable; the step ends on a click on one of its items.
      onTrusted(element, 'click', (event) => isChoiceIn(element, event.composedPath()[0]) && act(), signal);
      overlay.show({ ...view, element, hint: T.chooseHint, focus: 'heading' });
    } else if (step.advance === 'input') {
      showInput(element, view, withMain(nextButton), back, enterButton, signal);
    } else {
      overlay.show({ ...view, element, actions: withMain(step.advance === 'next' ? nextButton : undefined), focus: 'heading' });
    }
    watchRemoval(element, signal, () => {
      if (done()) return advance();
      // Acted, and the page took the button away: it is working on the answer.
      if (acts) return waitForAnswer();
      drawnKey = '';
      render(current);
    });
  }

  function showInput(element: Element, view: OverlayView, whenFilled: OverlayButton[], whenEmpty: OverlayButton[], enter: OverlayButton, signal: AbortSignal) {
    const viewFor = (filled: boolean): OverlayView => ({
      ...view,
      element,
      hint: T.inputHint,
      actions: filled ? whenFilled : whenEmpty,
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
      if ((event as KeyboardEvent).key === 'Enter' && isFilled(element)) enter.onClick();
    }, signal);
    overlay.show(viewFor(filled));
  }

  function showMissing(tour: Tour, run: RunState, step: Step, view: OverlayView, message: PortalMessage | null, signal: AbortSignal, part = '') {
    if (signal.aborted) return;
    if (step.target) host.report?.({ tourId: tour.id, stepId: step.id, failed: strategiesOf(step.target).map(strategyKind) });
    showStuck(tour, run, step, {
      ...view,
      title: T.missingTitle,
      alert: message ? (message.kind === 'not-found' ? T.portalNotFound(message.text) : T.portalError(message.text)) : undefined,
      text: T.missing(describeTarget(step), part),
      hint: T.missingHint,
      keepClear: message ? [message.element] : undefined,
      focus: 'heading',
    });
  }

  /** The step cannot go on by itself: the page stays usable, with a way back and someone to ask. */
  function showStuck(tour: Tour, run: RunState, step: Step, stuck: OverlayView) {
    const actions: OverlayButton[] = [];
    const view: OverlayView = { ...stuck, passive: true, actions };
    if (run.stepIndex > 0 || history.length > 1) {
      const previousHere = run.stepIndex > 0 && stepMatchesUrl(tour, run.stepIndex - 1, pageUrl());
      actions.push({ label: T.backStep, onClick: () => (previousHere ? void send({ type: 'back', stepId: step.id }) : history.back()) });
    }
    if (host.askForHelp) {
      const askForHelp = host.askForHelp;
      actions.push({
        label: T.askHelp,
        onClick: () => {
          askForHelp({ tourId: tour.id, stepId: step.id });
          overlay.update({ ...view, hint: T.helpAsked });
        },
      });
    }
    if (nextStepReachable(tour, run.stepIndex, pageUrl(), (i, url) => stepMatchesUrl(tour, i, url))) {
      actions.push({ label: T.skip, onClick: () => void send({ type: 'skip', stepId: step.id, url: pageUrl() }) });
    }
    overlay.show(view);
  }

  return { render: (snapshot: Snapshot | null) => render(snapshot) };
}
