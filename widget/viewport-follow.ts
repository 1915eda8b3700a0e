import { overlaps, uncoverFromPinnedBars } from '../engine/placement';

/**
 * Phones: with the on-screen keyboard open only part of the page is visible (the visual viewport).
 * The popover is kept inside that part and off the field that has focus, in the larger band above
 * or below the field, scrolling inside itself when the band is short. It only moves the popover when
 * it is hidden or in the way, and gives the overlay its own placement back as soon as that fits.
 * The move is a class whose !important rules (widget/overlay-styles.ts) win over the overlay's own
 * inline left/top, fed by custom properties; taking the class away restores the overlay's look.
 */
const EDITABLE = 'input:not([type=button],[type=submit],[type=reset],[type=checkbox],[type=radio],[type=hidden]),textarea,select,[contenteditable=""],[contenteditable="true"]';
const GAP = 8;
export const FOLLOW_CLASS = 'danbuoc-vv';

export function fitPopover(popover: HTMLElement, vv: VisualViewport): void {
  popover.classList.remove(FOLLOW_CLASS);
  // Rectangles and position: fixed are both in layout-viewport coordinates; the visual viewport is
  // the part of it at (offsetLeft, offsetTop) of size width × height.
  const top = vv.offsetTop;
  const bottom = top + vv.height;
  const left = vv.offsetLeft;
  const active = document.activeElement;
  const focused = active?.matches(EDITABLE) && !popover.contains(active) ? active : null;
  let field = focused?.getBoundingClientRect();
  // What the browser does when the keyboard opens, done again if the page scrolled the field away.
  if (field && field.height < vv.height && (field.top < top || field.bottom > bottom)) {
    window.scrollBy({ top: field.top < top ? field.top - top - GAP : field.bottom - bottom + GAP, behavior: 'instant' });
    field = focused!.getBoundingClientRect();
  }
  const rect = popover.getBoundingClientRect();
  if (!rect.width) return;
  const inside = rect.top >= top - 1 && rect.bottom <= bottom + 1 && rect.left >= left - 1 && rect.right <= left + vv.width + 1;
  if (inside && !(field && overlaps(rect, field))) return;

  // The larger band beside the field (the whole visible part without one).
  const below = !field || bottom - field.bottom >= field.top - top;
  const from = field && below ? Math.max(field.bottom, top) : top;
  const to = field && !below ? Math.min(field.top, bottom) : bottom;
  const room = Math.max(to - from - 2 * GAP, 48);
  const set = (name: string, px: number) => popover.style.setProperty(`--danbuoc-vv-${name}`, `${px}px`);
  set('room', room);
  set('width', Math.max(vv.width - 2 * GAP, 200));
  set('left', left + GAP);
  set('top', from + GAP);
  popover.classList.add(FOLLOW_CLASS);
  if (!below) set('top', to - GAP - Math.min(popover.getBoundingClientRect().height, room));
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
      // The overlay moves its popover by writing its style on scroll and resize: check again after it.
      if (popover) styleWatch.observe(popover, { attributes: true, attributeFilter: ['style', 'class'] });
    }
    if (!popover) return;
    // The overlay scrolls the page to make room for the popover, which can slide the target under
    // the host's pinned header: it is scrolled clear again, and the overlay places its popover anew.
    // While the page is dimmed its elements take no pointer events and hit testing would skip the
    // header: the dimming is lifted for this one check.
    const target = document.querySelector('.driver-active-element');
    if (target) {
      const dimmed = document.body.classList.replace('driver-active', 'danbuoc-measuring');
      uncoverFromPinnedBars(target);
      if (dimmed) document.body.classList.replace('danbuoc-measuring', 'driver-active');
    }
    fitPopover(popover, vv);
    // Our own writes are not news: only the overlay moving the popover calls for another look.
    styleWatch.takeRecords();
  };
  function schedule() {
    if (queued || signal.aborted) return;
    queued = true;
    requestAnimationFrame(run);
  }
  const options = { signal, passive: true, capture: true };
  vv.addEventListener('resize', schedule, options);
  vv.addEventListener('scroll', schedule, options);
  document.addEventListener('focusin', schedule, options);
  const bodyWatch = new MutationObserver(schedule);
  bodyWatch.observe(document.body, { childList: true });
  signal.addEventListener('abort', () => {
    bodyWatch.disconnect();
    styleWatch.disconnect();
  });
}
