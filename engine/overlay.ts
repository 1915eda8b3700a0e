import { DEFAULT_PREFS, type GuidePrefs, type SpeakResult, type SpeechRate } from './prefs';
import {
  choosePlacement,
  clearDockEdge,
  isPinned,
  letPointerThroughShadowHosts,
  modalDialogOf,
  overlaps,
  scrollIntoViewIfNeeded,
  scrollToMakeRoom,
  SENSITIVE_FIELDS,
  uncoverFromPinnedBars,
  visiblePart,
  type Box,
  type Placement,
} from './placement';
import { driver as spotlight } from './spotlight';
import { createPopoverDom, fillPopover, textToRead, type OverlayButton, type PopoverDom, type PopoverText } from './popover-content';
import { OVERLAY_TEXT as T } from './strings';

export type { OverlayButton } from './popover-content';
export { POPOVER_CLASS } from './popover-content';

/**
 * The overlay: engine/spotlight.ts dims the page and cuts out the target (it leaves the page's
 * attributes and the keyboard alone); our own popover is placed by placement.ts so it never covers the target, owns focus and the Tab order,
 * and acts only on a person's click on one of the exact buttons it created.
 */
export interface OverlayView extends PopoverText {
  element?: Element;
  /** the page stays usable: no dimming (waiting, something missing, an error to fix) */
  passive?: boolean;
  /** what the popover explains without highlighting it (the portal's own message): kept uncovered */
  keepClear?: Element[];
  onClose: () => void;
  /** 'element' when the citizen must act on the target (type, press); otherwise the heading */
  focus?: 'element' | 'heading';
  /** "×" ends at once, without asking (the finished view) */
  closeAtOnce?: boolean;
}

export interface OverlayHost {
  speak?(text: string, rate: SpeechRate): Promise<SpeakResult>;
  stopSpeaking?(): void;
  /** how the citizen opens the guide again, in this host's words (default: the extension's toolbar button) */
  reopenHint?: string;
}

export interface Overlay {
  show(view: OverlayView): void;
  /** Redraws text and buttons in place, without moving the highlight or the focus. */
  update(view: OverlayView): void;
  hide(): void;
  current(): OverlayView | undefined;
  setPrefs(prefs: GuidePrefs): void;
}

const PASSIVE_CLASS = 'danbuoc-passive';
const FOCUSABLE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable]';

function isFocusable(el: Element): boolean {
  return (
    el instanceof HTMLElement &&
    el.matches(FOCUSABLE) &&
    el.tabIndex >= 0 &&
    !(el as HTMLButtonElement).disabled &&
    el.getClientRects().length > 0
  );
}

function focusablesIn(el: Element | undefined): HTMLElement[] {
  if (!el) return [];
  return [el, ...el.querySelectorAll(FOCUSABLE)].filter((e): e is HTMLElement => isFocusable(e));
}

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function createOverlay(host: OverlayHost = {}): Overlay {
  let instance: ReturnType<typeof spotlight> | undefined;
  let dom: PopoverDom | undefined;
  let live: HTMLElement | undefined;
  let currentView: OverlayView | undefined;
  let prefs: GuidePrefs = DEFAULT_PREFS;
  let asking = false;
  let collapsed = false;
  let voiceMissing = false;
  let voiceNote = '';
  let undoShadowHosts: (() => void) | undefined;
  let listening: AbortController | undefined;
  let lastTarget: Element | undefined;
  let uncoverFrame = 0;
  /** what the popover's buttons do now; a kept button runs the latest view's action */
  let actions: OverlayButton[] = [];

  /**
   * The one rule for every popover button: a person's click whose target is this very element (a
   * button hosts no shadow root, so the target is never retargeted).
   */
  function wire(el: HTMLButtonElement, action: () => void) {
    el.addEventListener('click', (event) => event.isTrusted && event.target === el && action());
  }

  function ensureDom(): PopoverDom {
    if (dom) return dom;
    const d = createPopoverDom();
    wire(d.close, () => (currentView?.closeAtOnce ? currentView.onClose() : ask()));
    wire(d.read, () => void readAloud(true));
    wire(d.minimise, () => {
      collapsed = !collapsed;
      render();
      place();
      d.minimise.focus();
    });
    live = document.createElement('div');
    live.className = 'danbuoc-live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    return (dom = d);
  }

  function highlight(view: OverlayView) {
    if (!view.element) {
      instance?.destroy();
      instance = undefined;
      return;
    }
    instance ??= spotlight({ overlayColor: '#000', overlayOpacity: 0.55, stagePadding: 6, stageRadius: 6 });
    instance.highlight({ element: view.element });
  }

  function render() {
    const d = ensureDom();
    const view = currentView;
    if (!view) return;
    const focusedAction = [...d.actions.children].indexOf(deepActive() as Element);
    const shown: PopoverText = asking
      ? {
          title: T.stopQuestion,
          text: host.reopenHint ?? T.stopExplain,
          actions: [
            { label: T.stopNo, onClick: () => answer(false) },
            { label: T.stopYes, onClick: () => answer(true) },
          ],
        }
      : { ...view, hint: [view.hint, voiceNote].filter(Boolean).join(' ') || undefined };
    const fresh = fillPopover(d, shown, prefs.lang);
    actions = shown.actions ?? [];
    fresh?.forEach((b, i) => wire(b, () => actions[i]?.onClick()));
    if (fresh && focusedAction >= 0) fresh[Math.min(focusedAction, fresh.length - 1)]?.focus({ preventScroll: true });
    d.read.hidden = asking || !host.speak;
    d.close.hidden = asking;
    d.root.classList.toggle('danbuoc-collapsed', collapsed && !asking);
    d.root.classList.toggle('danbuoc-high', prefs.contrast === 'high');
    d.root.style.setProperty('--danbuoc-scale', String(prefs.textSize / 100));
    d.minimise.textContent = collapsed ? T.expand : T.minimise;
    d.minimise.setAttribute('aria-expanded', String(!collapsed));
  }

  function ask() {
    asking = true;
    render();
    place();
    dom?.actions.querySelector('button')?.focus({ preventScroll: true });
  }

  function answer(stop: boolean) {
    asking = false;
    if (stop) return currentView?.onClose();
    render();
    place();
    placeFocus(currentView!);
  }

  async function readAloud(asked: boolean) {
    const view = currentView;
    if (!host.speak || !view || (!asked && voiceMissing)) return;
    host.stopSpeaking?.();
    const result = await host.speak(textToRead(view), prefs.rate);
    if (result.ok || view !== currentView) return;
    voiceMissing = result.reason === 'no-voice';
    voiceNote = voiceMissing ? T.noVoice : T.readFailed;
    render();
    place();
  }

  function announce(view: OverlayView) {
    if (!live) return;
    live.textContent = '';
    const words = [view.badge, view.progress, view.title, view.alert, view.text].filter(Boolean).join('. ');
    requestAnimationFrame(() => live && (live.textContent = words));
  }

  function attach(view: OverlayView) {
    const d = ensureDom();
    const home = modalDialogOf(view.element ?? view.keepClear?.[0]) ?? document.body;
    if (d.root.parentElement !== home) home.append(d.root);
    if (live && live.parentElement !== home) home.append(live);
  }

  /** Everything the popover must leave uncovered besides its target. */
  function keepClearBoxes(view: OverlayView, main: Element | undefined): Box[] {
    const fields = [...document.querySelectorAll(SENSITIVE_FIELDS), ...(view.keepClear ?? [])];
    return fields.filter((f) => f !== main && f.getClientRects().length > 0).map(boxOf);
  }

  function viewport() {
    return { width: document.documentElement.clientWidth, height: innerHeight };
  }

  function setDock(root: HTMLElement, edge: 'top' | 'bottom') {
    root.classList.remove('danbuoc-dock-top', 'danbuoc-dock-bottom');
    root.classList.add('danbuoc-docked', `danbuoc-dock-${edge}`);
  }

  /** `settling`: the step just appeared, so the page may scroll and the sheet may fold; a citizen's own scroll only moves the popover. */
  function place(settling = true) {
    const view = currentView;
    const root = dom?.root;
    if (!view || !root) return;
    root.classList.remove('danbuoc-docked', 'danbuoc-dock-top', 'danbuoc-dock-bottom', 'danbuoc-corner');
    root.style.left = root.style.top = '';
    const main = view.element ?? view.keepClear?.[0];
    const vp = viewport();
    const size = () => ({ width: root.offsetWidth, height: root.offsetHeight });
    // A target in a fixed bar or a modal <dialog> does not move with the page: scrolling would only
    // slide the rest of the page (a password box) under the popover.
    if (main && !view.passive && settling && !isPinned(main)) {
      const dy = scrollToMakeRoom(boxOf(main), size().height, vp.height);
      if (dy) {
        // Scrolled to make room (rare: the page has already laid out again): the header check now.
        window.scrollBy({ top: dy, behavior: 'instant' });
        uncoverFromPinnedBars(main);
        instance?.refresh();
      }
    }
    const target = main ? boxOf(main) : undefined;
    const avoid = keepClearBoxes(view, main);
    const shown = target && visiblePart(target, vp);
    // A sheet folded to its bar stays a bar on its edge, the one away from the target unless only the other leaves the boxes to keep clear uncovered; it unfolds only when asked.
    const folded: Placement | undefined =
      collapsed && target
        ? { kind: 'dock', edge: clearDockEdge(target.top + target.height / 2 > vp.height / 2 ? 'top' : 'bottom', size().height, vp, shown ? [shown, ...avoid] : avoid) }
        : undefined;
    const placement = folded ?? choosePlacement({ target, popover: size(), viewport: vp, avoid });
    if (placement.kind === 'side') {
      root.style.left = `${placement.left}px`;
      root.style.top = `${placement.top}px`;
    } else if (placement.kind === 'dock') {
      if (settling) settleDock(view, root, placement.edge, main);
      else setDock(root, placement.edge);
    } else {
      root.classList.add('danbuoc-corner');
    }
  }

  /**
   * A docked sheet must not sit on the target or a field to keep clear either: try the other edge,
   * then scroll the target into the free part, then fold the sheet to its one-line bar.
   */
  function settleDock(view: OverlayView, root: HTMLElement, edge: 'top' | 'bottom', main: Element | undefined) {
    const other: 'top' | 'bottom' = edge === 'top' ? 'bottom' : 'top';
    const clear = () => {
      const sheet = boxOf(root);
      const shown = main && visiblePart(boxOf(main), viewport());
      return ![...(shown ? [shown] : []), ...keepClearBoxes(view, main)].some((box) => overlaps(box, sheet));
    };
    const tryEdges = () => [edge, other].some((e) => (setDock(root, e), clear())) || (setDock(root, edge), false);
    const scrollClear = () => {
      if (!main || isPinned(main)) return false;
      const sheet = boxOf(root);
      const t = boxOf(main);
      const vh = viewport().height;
      if (t.height + 16 > vh - sheet.height) return false;
      const atBottom = sheet.top > 0;
      const dy = atBottom ? t.top + t.height - sheet.top + 8 : t.top - (sheet.top + sheet.height) - 8;
      if ((atBottom && dy > 0) || (!atBottom && dy < 0)) {
        window.scrollBy({ top: dy, behavior: 'instant' });
        instance?.refresh();
      }
      return clear();
    };
    if (tryEdges() || scrollClear()) return;
    if (!collapsed && !asking) {
      collapsed = true;
      render();
      if (!tryEdges()) scrollClear();
    }
  }

  function placeFocus(view: OverlayView) {
    const el = view.element;
    if (view.focus === 'element' && el instanceof HTMLElement && !asking) {
      el.focus({ preventScroll: true });
      if (deepActive() === el) return;
    }
    dom?.heading.focus({ preventScroll: true });
  }

  /** Tab cycles the target's controls and the popover's; Escape asks before stopping. */
  function onKeydown(event: KeyboardEvent) {
    const view = currentView;
    if (!view || !dom || event.defaultPrevented) return;
    const active = deepActive();
    const inPopover = Boolean(active && dom.root.contains(active));
    const inTarget = Boolean(active && view.element && !asking && (view.element === active || view.element.contains(active)));
    const lost = !active || active === document.body;
    if (!inPopover && !inTarget && !(lost || !view.passive)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      if (asking) answer(false);
      else if (view.closeAtOnce) view.onClose();
      else ask();
      return;
    }
    // A passive view is not modal: Tab goes on through the page.
    if (event.key !== 'Tab' || view.passive) return;
    const items = [...(asking ? [] : focusablesIn(view.element)), ...[...dom.root.querySelectorAll('button')].filter((e) => isFocusable(e))];
    if (!items.length) return;
    event.preventDefault();
    let at = items.indexOf(active as HTMLElement);
    if (at < 0 && inTarget) at = items.filter((item) => view.element!.contains(item)).length - 1;
    const next = at < 0 ? (event.shiftKey ? items.length - 1 : 0) : (at + (event.shiftKey ? -1 : 1) + items.length) % items.length;
    items[next].focus();
  }

  function listen() {
    if (listening) return;
    listening = new AbortController();
    window.addEventListener('keydown', onKeydown, { capture: true, signal: listening.signal });
    // The spotlight moves the cut-out when the page scrolls or resizes; the popover follows its target.
    let frame = 0;
    // Scrolling inside the popover (a long sheet) does not move it; a resize's target is the window.
    const follow = (event: Event) => event.target === dom?.root || (frame ||= requestAnimationFrame(() => ((frame = 0), place(false))));
    for (const type of ['scroll', 'resize']) window.addEventListener(type, follow, { capture: true, passive: true, signal: listening.signal });
  }

  /**
   * A site's pinned header may cover the target's top edge: found by hit testing, which makes the
   * browser compute the whole page's paint properties first. On a big page that changes every frame
   * that costs the very frame the highlight must appear in (15–30 ms at 10,000 elements), so the
   * test waits until that frame is painted, when the page is clean and it is cheap; a covered
   * target is then scrolled clear one frame later and the popover placed again.
   */
  function uncoverAfterPaint(main: Element) {
    cancelAnimationFrame(uncoverFrame);
    uncoverFrame = requestAnimationFrame(() =>
      setTimeout(() => {
        uncoverFrame = 0;
        const view = currentView;
        if (!view || (view.element ?? view.keepClear?.[0]) !== main) return;
        if (!uncoverFromPinnedBars(main)) return;
        instance?.refresh();
        // The page moved under the popover: settle it again, so it keeps password boxes clear.
        place();
      }),
    );
  }

  function show(view: OverlayView) {
    const changedTarget = view.element !== currentView?.element;
    currentView = view;
    asking = false;
    if (changedTarget || !view.element) collapsed = false;
    voiceNote = '';
    host.stopSpeaking?.();
    listen();
    document.body.classList.toggle(PASSIVE_CLASS, Boolean(view.passive));
    undoShadowHosts?.();
    undoShadowHosts = view.element ? letPointerThroughShadowHosts(view.element) : undefined;
    const main = view.element ?? view.keepClear?.[0];
    if (main) {
      scrollIntoViewIfNeeded(main);
      uncoverAfterPaint(main);
    }
    highlight(view);
    lastTarget = view.element ?? lastTarget;
    attach(view);
    render();
    place();
    placeFocus(view);
    announce(view);
    if (prefs.alwaysRead) void readAloud(false);
  }

  function update(view: OverlayView) {
    const shown = currentView;
    const before = shown?.keepClear ?? [];
    const sameClear = (view.keepClear ?? []).length === before.length && (view.keepClear ?? []).every((el, i) => el === before[i]);
    if (!dom || !shown || view.element !== shown.element || view.passive !== shown.passive || !sameClear) return show(view);
    currentView = view;
    if (view.passive) document.body.classList.add(PASSIVE_CLASS);
    render();
    place();
    if (view.alert !== shown.alert) announce(view);
  }

  /** After the last popover goes, focus lands on something the citizen knows, never on <body>. */
  function keepFocusOnPage() {
    const active = deepActive();
    if (active && active !== document.body) return;
    const candidates = [lastTarget, document.querySelector('h1'), document.querySelector('main')];
    for (const el of candidates) {
      if (!(el instanceof HTMLElement) || !el.isConnected) continue;
      if (!isFocusable(el) && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '-1');
        el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
      }
      el.focus({ preventScroll: true });
      if (deepActive() === el) return;
    }
  }

  function hide() {
    currentView = undefined;
    asking = collapsed = false;
    host.stopSpeaking?.();
    listening?.abort();
    listening = undefined;
    cancelAnimationFrame(uncoverFrame);
    uncoverFrame = 0;
    instance?.destroy();
    instance = undefined;
    dom?.root.remove();
    live?.remove();
    document.body.classList.remove(PASSIVE_CLASS);
    undoShadowHosts?.();
    undoShadowHosts = undefined;
    keepFocusOnPage();
    lastTarget = undefined;
  }

  function setPrefs(next: GuidePrefs) {
    const changed = JSON.stringify(next) !== JSON.stringify(prefs);
    prefs = next;
    if (changed && currentView) {
      render();
      place();
    }
  }

  return { show, update, hide, current: () => currentView, setPrefs };
}
