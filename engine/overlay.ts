import { driver, type Driver, type PopoverDOM } from 'driver.js';
import {
  keepClearOfSensitiveFields,
  letPointerThroughShadowHosts,
  modalDialogOf,
  scrollIntoViewIfNeeded,
  uncoverFromPinnedBars,
} from './placement';
import { fillPopover, type PopoverText } from './popover-content';

export type { OverlayButton } from './popover-content';

/**
 * driver.js adapter. Keyboard shortcuts are off (arrow keys would skip steps while a citizen edits a
 * field) and a click on the dimmed page does not end the tour. A passive view (waiting, loading,
 * something missing) docks at the bottom of the screen and leaves the page usable.
 */
export interface OverlayView extends PopoverText {
  element?: Element;
  passive?: boolean;
  onClose: () => void;
  /** what gets keyboard focus once shown: the highlighted element (to type or press) or the primary button */
  focus?: 'element' | 'primary';
}

export interface Overlay {
  show(view: OverlayView): void;
  /** Redraws the text and buttons of the popover on screen without moving the highlight or the focus. */
  update(view: OverlayView): void;
  hide(): void;
  current(): OverlayView | undefined;
}

const PLACEHOLDER = '\u200b';
export const POPOVER_CLASS = 'danbuoc-popover';
const PASSIVE_CLASS = 'danbuoc-passive';
const DRIVER_ATTRIBUTES = ['aria-haspopup', 'aria-expanded', 'aria-controls'] as const;

export function createOverlay(): Overlay {
  let instance: Driver | undefined;
  let restore: (() => void) | undefined;
  let undoShadowHosts: (() => void) | undefined;
  let currentView: OverlayView | undefined;
  let lastClickTrusted = false;
  let listening: AbortController | undefined;

  // driver.js calls our button hooks without the event; a window capture listener (which runs before
  // driver.js's document listener) remembers whether the click came from a real person.
  function listenForTrustedClicks() {
    if (listening) return;
    listening = new AbortController();
    window.addEventListener(
      'click',
      (event) => {
        const target = event.target;
        if (target instanceof Element && target.closest(`.${POPOVER_CLASS}`)) lastClickTrusted = event.isTrusted;
      },
      { capture: true, signal: listening.signal },
    );
  }

  const trusted = (fn: () => void) => () => {
    if (!lastClickTrusted) return;
    lastClickTrusted = false;
    fn();
  };

  // driver.js writes aria-haspopup/expanded/controls on the highlighted element and deletes them when
  // it moves on: invalid ARIA on a heading or table, and the portal's dropdown buttons lose theirs.
  // The page's own values are put back right after every driver.js call.
  function rememberPageAttributes(el: Element | undefined) {
    const previous = restore;
    if (!el) return (restore = previous);
    const saved = DRIVER_ATTRIBUTES.map((name) => [name, el.getAttribute(name)] as const);
    restore = () => {
      previous?.();
      for (const [name, value] of saved) {
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
    };
  }

  function restorePageAttributes() {
    restore?.();
  }

  function popoverDom(): PopoverDOM | undefined {
    return instance?.getState('popover') as PopoverDOM | undefined;
  }

  function place(view: OverlayView) {
    const wrapper = popoverDom()?.wrapper;
    if (!wrapper) return;
    const dialog = modalDialogOf(view.element);
    if (dialog && wrapper.parentElement !== dialog) dialog.append(wrapper);
    keepClearOfSensitiveFields(wrapper, view.element);
  }

  function show(view: OverlayView) {
    listenForTrustedClicks();
    currentView = view;
    instance ??= driver({
      animate: false,
      allowClose: true,
      allowKeyboardControl: false,
      overlayClickBehavior: () => {},
      overlayColor: '#000',
      overlayOpacity: 0.55,
      stagePadding: 6,
      stageRadius: 6,
      popoverClass: POPOVER_CLASS,
      smoothScroll: false,
      onDestroyStarted: () => currentView?.onClose(),
    });
    document.body.classList.toggle(PASSIVE_CLASS, Boolean(view.passive));
    rememberPageAttributes(view.element);
    undoShadowHosts?.();
    undoShadowHosts = view.element ? letPointerThroughShadowHosts(view.element) : undefined;
    if (view.element) {
      scrollIntoViewIfNeeded(view.element);
      uncoverFromPinnedBars(view.element);
    }
    instance.highlight({
      element: view.element,
      popover: {
        title: PLACEHOLDER,
        description: PLACEHOLDER,
        showButtons: ['close', ...(view.primary ? (['next'] as const) : []), ...(view.secondary ? (['previous'] as const) : [])],
        showProgress: Boolean(view.progress),
        progressText: PLACEHOLDER,
        nextBtnText: PLACEHOLDER,
        prevBtnText: PLACEHOLDER,
        onPopoverRender: (popover) => fillPopover(popover, currentView ?? view),
        onNextClick: trusted(() => currentView?.primary?.onClick()),
        onPrevClick: trusted(() => currentView?.secondary?.onClick()),
        onCloseClick: trusted(() => currentView?.onClose()),
      },
    });
    restorePageAttributes();
    restore = undefined;
    rememberPageAttributes(view.element);
    place(view);
    placeFocus(view);
  }

  function placeFocus(view: OverlayView) {
    const popover = popoverDom()?.wrapper;
    const target =
      view.focus === 'element' && view.element instanceof HTMLElement
        ? view.element
        : popover?.querySelector<HTMLElement>('.driver-popover-next-btn:not([style*="none"])');
    target?.focus({ preventScroll: true });
  }

  function update(view: OverlayView) {
    const popover = popoverDom();
    if (!instance || !popover || view.element !== currentView?.element || view.passive !== currentView?.passive) return show(view);
    currentView = view;
    fillPopover(popover, view);
    instance.refresh();
    place(view);
  }

  function hide() {
    currentView = undefined;
    listening?.abort();
    listening = undefined;
    if (instance) {
      instance.destroy();
      instance = undefined;
    }
    document.body.classList.remove(PASSIVE_CLASS);
    restorePageAttributes();
    restore = undefined;
    undoShadowHosts?.();
    undoShadowHosts = undefined;
  }

  return { show, update, hide, current: () => currentView };
}
