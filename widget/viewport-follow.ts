import { uncoverFromPinnedBars } from '../engine/placement';

/**
 * Phones: with the on-screen keyboard open only part of the page is visible (the visual viewport).
 * The popover is kept inside that part and off the field that has focus, in the larger band above
 * or below the field, scrolling inside itself when the band is short. It only moves the popover when
 * it is hidden or in the way, and gives the overlay its own placement back as soon as that fits.
 */
const EDITABLE = 'input:not([type=button],[type=submit],[type=reset],[type=checkbox],[type=radio],[type=hidden]),textarea,select,[contenteditable=""],[contenteditable="true"]';
const GAP = 8;

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function focusedField(popover: Element): Element | null {
  const active = document.activeElement;
  return active && active.matches(EDITABLE) && !popover.contains(active) ? active : null;
}

const OVERRIDDEN = ['position', 'max-height', 'overflow-y', 'max-width', 'min-width', 'left', 'right', 'bottom', 'transform', 'top'];
/** The overlay's own inline values under our overrides, put back before every new look. */
const saved = new WeakMap<HTMLElement, Array<[string, string, string]>>();

function restore(popover: HTMLElement): void {
  for (const [name, value, priority] of saved.get(popover) ?? []) {
    if (value) popover.style.setProperty(name, value, priority);
    else popover.style.removeProperty(name);
  }
  saved.delete(popover);
}

export function fitPopover(popover: HTMLElement, vv: VisualViewport): void {
  restore(popover);
  // Rectangles and position: fixed are both in layout-viewport coordinates; the visual viewport is
  // the part of it at (offsetLeft, offsetTop) of size width × height.
  const area = { top: vv.offsetTop, bottom: vv.offsetTop + vv.height, left: vv.offsetLeft, right: vv.offsetLeft + vv.width };
  const focused = focusedField(popover);
  let field = focused?.getBoundingClientRect();
  // What the browser does when the keyboard opens, done again if the page scrolled the field away.
  if (focused && field && field.height < area.bottom - area.top && (field.top < area.top || field.bottom > area.bottom)) {
    window.scrollBy({ top: field.top < area.top ? field.top - area.top - GAP : field.bottom - area.bottom + GAP, behavior: 'instant' });
    field = focused.getBoundingClientRect();
  }
  const rect = popover.getBoundingClientRect();
  if (rect.width === 0) return;
  const inside = rect.top >= area.top - 1 && rect.bottom <= area.bottom + 1 && rect.left >= area.left - 1 && rect.right <= area.right + 1;
  if (inside && !(field && overlaps(rect, field))) return;

  let top = area.top;
  let bottom = area.bottom;
  let below = true;
  if (field) {
    below = area.bottom - field.bottom >= field.top - area.top;
    if (below) top = Math.max(field.bottom, area.top);
    else bottom = Math.min(field.top, area.bottom);
  }
  const room = Math.max(bottom - top - 2 * GAP, 48);
  saved.set(popover, OVERRIDDEN.map((name) => [name, popover.style.getPropertyValue(name), popover.style.getPropertyPriority(name)]));
  const set = (name: string, value: string) => popover.style.setProperty(name, value, 'important');
  set('position', 'fixed');
  set('max-height', `${room}px`);
  set('overflow-y', 'auto');
  set('max-width', `${Math.max(area.right - area.left - 2 * GAP, 200)}px`);
  set('min-width', '0');
  set('left', `${area.left + GAP}px`);
  set('right', 'auto');
  set('bottom', 'auto');
  set('transform', 'none');
  const height = Math.min(popover.getBoundingClientRect().height, room);
  set('top', `${below ? top + GAP : bottom - GAP - height}px`);
}

export function followVisualViewport(selector: string, signal: AbortSignal): void {
  const vv = window.visualViewport;
  if (!vv) return;
  let queued = false;
  let watched: Element | null = null;
  const styleWatch = new MutationObserver(() => schedule());
  const run = () => {
    queued = false;
    if (signal.aborted) return;
    const popover = document.querySelector<HTMLElement>(selector);
    if (popover !== watched) {
      styleWatch.disconnect();
      watched = popover;
      // driver.js moves its popover by writing its style on scroll and resize: check again after it.
      if (popover) styleWatch.observe(popover, { attributes: true, attributeFilter: ['style', 'class'] });
    }
    // The overlay scrolls the page to make room for the popover, which can slide the target under
    // the host's pinned header: it is scrolled clear again, and the overlay places its popover anew.
    // While the page is dimmed its elements take no pointer events and hit testing would skip the
    // header: the dimming is lifted for this one check.
    const target = document.querySelector('.driver-active-element');
    if (popover && target) {
      const dimmed = document.body.classList.replace('driver-active', 'danbuoc-measuring');
      uncoverFromPinnedBars(target);
      if (dimmed) document.body.classList.replace('danbuoc-measuring', 'driver-active');
    }
    if (popover) fitPopover(popover, vv);
    // Our own writes are not news: only the overlay moving the popover calls for another look.
    styleWatch.takeRecords();
  };
  function schedule() {
    if (queued || signal.aborted) return;
    queued = true;
    requestAnimationFrame(run);
  }
  const options = { signal, passive: true } as const;
  vv.addEventListener('resize', schedule, options);
  vv.addEventListener('scroll', schedule, options);
  document.addEventListener('focusin', schedule, { ...options, capture: true });
  const bodyWatch = new MutationObserver(schedule);
  bodyWatch.observe(document.body, { childList: true });
  signal.addEventListener('abort', () => {
    bodyWatch.disconnect();
    styleWatch.disconnect();
  }, { once: true });
}
