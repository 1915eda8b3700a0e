import { driver, type Driver, type PopoverDOM } from 'driver.js';
import { OVERLAY_TEXT as T } from './strings';

/**
 * driver.js adapter. driver.js writes popover text with innerHTML, so every string we show goes in
 * through textContent in `onPopoverRender`; driver.js only ever receives a zero-width placeholder.
 * Keyboard shortcuts are off (arrow keys would skip steps while a citizen edits a field) and a click
 * on the dimmed page does not end the tour.
 */
export interface OverlayButton {
  label: string;
  onClick: () => void;
}

export interface OverlayView {
  title?: string;
  text: string;
  hint?: string;
  progress?: string;
  element?: Element;
  primary?: OverlayButton;
  secondary?: OverlayButton;
  onClose: () => void;
  /** what gets keyboard focus once shown: the highlighted element (to type or press) or the primary button */
  focus?: 'element' | 'primary';
}

const PLACEHOLDER = '\u200b';
const POPOVER_CLASS = 'danbuoc-popover';
const DRIVER_ATTRIBUTES = ['aria-haspopup', 'aria-expanded', 'aria-controls'] as const;

export interface Overlay {
  show(view: OverlayView): void;
  /** Redraws the text and buttons of the popover on screen without moving the highlight or the focus. */
  update(view: OverlayView): void;
  hide(): void;
  isShowing(): boolean;
}

function headingOf(popover: PopoverDOM): HTMLElement {
  if (popover.title.tagName === 'H2') return popover.title;
  const heading = document.createElement('h2');
  heading.id = popover.title.id;
  heading.className = popover.title.className;
  popover.title.replaceWith(heading);
  popover.title = heading;
  return heading;
}

export function createOverlay(): Overlay {
  let instance: Driver | undefined;
  let restore: (() => void) | undefined;
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

  function restorePageAttributes() {
    restore?.();
    restore = undefined;
  }

  // driver.js rewrites aria-haspopup/expanded/controls on the highlighted element and deletes them
  // afterwards; the portal's dropdown buttons need theirs back.
  function rememberPageAttributes(el: Element) {
    const saved = DRIVER_ATTRIBUTES.map((name) => [name, el.getAttribute(name)] as const);
    restore = () => {
      for (const [name, value] of saved) {
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
    };
  }

  function render(view: OverlayView, popover: PopoverDOM) {
    // driver.js builds the title and footer as <header>/<footer>: outside a landmark they would read as
    // a second banner and contentinfo of the page. The title becomes a real heading.
    const title = headingOf(popover);
    popover.footer.setAttribute('role', 'group');
    popover.footer.setAttribute('aria-label', T.navigation);
    title.textContent = view.title ?? '';
    title.style.display = view.title ? 'block' : 'none';
    popover.description.textContent = '';
    const text = document.createElement('p');
    text.className = 'danbuoc-say';
    text.textContent = view.text;
    popover.description.append(text);
    if (view.hint) {
      const hint = document.createElement('p');
      hint.className = 'danbuoc-hint';
      hint.textContent = view.hint;
      popover.description.append(hint);
    }
    popover.description.style.display = 'block';
    popover.progress.textContent = view.progress ?? '';
    popover.progress.style.display = view.progress ? 'block' : 'none';
    popover.closeButton.textContent = '×';
    popover.closeButton.setAttribute('aria-label', T.close);
    popover.closeButton.title = T.close;
    setButton(popover.nextButton, view.primary);
    setButton(popover.previousButton, view.secondary);
    popover.footer.style.display = view.primary || view.secondary || view.progress ? 'flex' : 'none';
    popover.wrapper.setAttribute('lang', 'vi');
    popover.wrapper.setAttribute('aria-live', 'polite');
  }

  function setButton(button: HTMLButtonElement, spec: OverlayButton | undefined) {
    button.textContent = spec?.label ?? '';
    button.style.display = spec ? 'inline-block' : 'none';
    button.disabled = false;
    button.classList.remove('driver-popover-btn-disabled');
  }

  function show(view: OverlayView) {
    restorePageAttributes();
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
    if (view.element) rememberPageAttributes(view.element);
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
        onPopoverRender: (popover) => render(currentView ?? view, popover),
        onNextClick: trusted(() => currentView?.primary?.onClick()),
        onPrevClick: trusted(() => currentView?.secondary?.onClick()),
        onCloseClick: trusted(() => currentView?.onClose()),
      },
    });
    placeFocus(view);
  }

  function placeFocus(view: OverlayView) {
    const popover = document.querySelector<HTMLElement>(`.${POPOVER_CLASS}`);
    const target =
      view.focus === 'element' && view.element instanceof HTMLElement
        ? view.element
        : popover?.querySelector<HTMLElement>('.driver-popover-next-btn:not([style*="none"])');
    target?.focus({ preventScroll: true });
  }

  function update(view: OverlayView) {
    const popover = instance?.getState('popover') as PopoverDOM | undefined;
    if (!instance || !popover || view.element !== currentView?.element) return show(view);
    currentView = view;
    render(view, popover);
    instance.refresh();
  }

  function hide() {
    currentView = undefined;
    listening?.abort();
    listening = undefined;
    if (instance) {
      instance.destroy();
      instance = undefined;
    }
    restorePageAttributes();
  }

  return { show, update, hide, isShowing: () => Boolean(instance?.isActive()) };
}
