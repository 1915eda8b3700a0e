/**
 * Where the popover and the highlighted element end up on real pages: fixed headers that would cover
 * the element, modal <dialog>s that make the rest of the page inert, and OTP or password fields the
 * popover must never hide.
 */
const DRIVER_PARTS = '.driver-overlay, .driver-popover, .driver-popover *';

function isPinned(el: Element | null): boolean {
  for (let node = el; node && node !== document.documentElement; node = node.parentElement) {
    const position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/** Brings the element to the middle of the screen unless it is already fully visible. */
export function scrollIntoViewIfNeeded(el: Element): void {
  const rect = el.getBoundingClientRect();
  const visible = rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth;
  if (!visible) el.scrollIntoView({ block: rect.height > innerHeight ? 'start' : 'center', inline: 'nearest', behavior: 'instant' });
}

/** Scrolls so that no fixed or sticky bar (a site header) covers the top edge of the element. */
export function uncoverFromPinnedBars(el: Element): void {
  const rect = el.getBoundingClientRect();
  if (rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) return;
  let covered = 0;
  for (const x of [rect.left + 4, rect.left + rect.width / 2, rect.right - 4]) {
    if (x < 0 || x > innerWidth) continue;
    const y = Math.max(rect.top + 2, 0);
    const top = document.elementsFromPoint(x, y).find((hit) => !hit.matches(DRIVER_PARTS));
    if (!top || el === top || el.contains(top) || top.contains(el) || !isPinned(top)) continue;
    covered = Math.max(covered, top.getBoundingClientRect().bottom - rect.top);
  }
  if (covered > 0) window.scrollBy({ top: -(covered + 16), behavior: 'instant' });
}

/** The open modal dialog holding the element: everything outside it is inert, so the popover goes inside. */
export function modalDialogOf(el: Element | undefined): HTMLDialogElement | null {
  const dialog = el?.closest('dialog');
  return dialog && dialog.open && dialog.matches(':modal') ? dialog : null;
}

const SENSITIVE = 'input[autocomplete="one-time-code"], input[type="password"], input[autocomplete="current-password"]';

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Moves the popover to a corner of the viewport where it covers no visible OTP or password field
 * (other than the one being highlighted, which driver.js already keeps clear).
 */
export function keepClearOfSensitiveFields(popover: HTMLElement, target?: Element): void {
  const fields = [...document.querySelectorAll(SENSITIVE)].filter((f) => f !== target && f.getBoundingClientRect().width > 0);
  if (!fields.length) return;
  const clear = () => fields.every((f) => !overlaps(popover.getBoundingClientRect(), f.getBoundingClientRect()));
  if (clear()) return;
  const corners: Array<Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>> = [
    { bottom: '16px', right: '16px' },
    { top: '16px', right: '16px' },
    { bottom: '16px', left: '16px' },
    { top: '16px', left: '16px' },
  ];
  for (const corner of corners) {
    for (const side of ['top', 'bottom', 'left', 'right'] as const) popover.style.setProperty(side, corner[side] ?? 'auto', 'important');
    if (clear()) return;
  }
}

/**
 * driver.js makes everything but the highlighted element ignore the pointer, with document CSS that
 * cannot see into shadow roots: an element inside a web component would stay unclickable. Its hosts
 * get `pointer-events: auto` until the step ends; returns the undo.
 */
export function letPointerThroughShadowHosts(el: Element): () => void {
  const undo: Array<() => void> = [];
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    const host = root.host as HTMLElement;
    const before = host.style.getPropertyValue('pointer-events');
    const priority = host.style.getPropertyPriority('pointer-events');
    host.style.setProperty('pointer-events', 'auto', 'important');
    undo.push(() => host.style.setProperty('pointer-events', before, priority));
  }
  return () => undo.forEach((fn) => fn());
}
