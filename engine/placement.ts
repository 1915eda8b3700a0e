/**
 * Where the popover and the highlighted element end up on real pages: fixed headers that would cover
 * the element, modal <dialog>s that make the rest of the page inert, and OTP or password fields the
 * popover must never hide.
 */
const DRIVER_PARTS = '.driver-overlay, .driver-popover, .driver-popover *';

/** Fixed or sticky, or inside something that is (a modal <dialog> in the top layer is fixed): scrolling the page does not move it. */
export function isPinned(el: Element | null): boolean {
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

/** Scrolls so that no fixed or sticky bar (a site header) covers the top edge of the element; says whether it scrolled. */
export function uncoverFromPinnedBars(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) return false;
  let covered = 0;
  for (const x of [rect.left + 4, rect.left + rect.width / 2, rect.right - 4]) {
    if (x < 0 || x > innerWidth) continue;
    const y = Math.max(rect.top + 2, 0);
    const top = document.elementsFromPoint(x, y).find((hit) => !hit.matches(DRIVER_PARTS));
    if (!top || el === top || el.contains(top) || top.contains(el) || !isPinned(top)) continue;
    covered = Math.max(covered, top.getBoundingClientRect().bottom - rect.top);
  }
  if (covered > 0) window.scrollBy({ top: -(covered + 16), behavior: 'instant' });
  return covered > 0;
}

/** The open modal dialog holding the element: everything outside it is inert, so the popover goes inside. */
export function modalDialogOf(el: Element | undefined): HTMLDialogElement | null {
  const dialog = el?.closest('dialog');
  return dialog && dialog.open && dialog.matches(':modal') ? dialog : null;
}

/** OTP and password boxes: the popover never sits on one, whether it is the target or not. */
export const SENSITIVE_FIELDS =
  'input[autocomplete="one-time-code"], input[type="password"], input[autocomplete="current-password"]';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'bottom' | 'top' | 'right' | 'left';

export type Placement =
  | { kind: 'side'; side: Side; left: number; top: number }
  | { kind: 'dock'; edge: 'top' | 'bottom' }
  /** nothing to explain on screen: a card in the lower left corner, the page around it free */
  | { kind: 'corner' };

export interface PlacementInput {
  /** the element the popover explains (highlighted or kept clear), in viewport coordinates */
  target?: Box;
  /** the popover's own size at its natural height */
  popover: { width: number; height: number };
  viewport: { width: number; height: number };
  /** other boxes it must not cover (OTP and password fields, the portal's own message) */
  avoid?: readonly Box[];
}

const MARGIN = 8;
const GAP = 12;
/** a docked sheet takes at most this share of the viewport height */
export const DOCK_SHARE = 0.4;

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The part of a box inside the viewport, or null when none of it is on screen. */
export function visiblePart(box: Box, viewport: { width: number; height: number }): Box | null {
  const left = Math.max(box.left, 0);
  const top = Math.max(box.top, 0);
  const right = Math.min(box.left + box.width, viewport.width);
  const bottom = Math.min(box.top + box.height, viewport.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

function sideBox(side: Side, t: Box, w: number, h: number, vw: number, vh: number): Box | null {
  const alignX = clamp(t.left, MARGIN, vw - w - MARGIN);
  const alignY = clamp(t.top, MARGIN, vh - h - MARGIN);
  const box =
    side === 'bottom' ? { left: alignX, top: t.top + t.height + GAP, width: w, height: h }
    : side === 'top' ? { left: alignX, top: t.top - GAP - h, width: w, height: h }
    : side === 'right' ? { left: t.left + t.width + GAP, top: alignY, width: w, height: h }
    : { left: t.left - GAP - w, top: alignY, width: w, height: h };
  const inside = box.left >= MARGIN - 0.5 && box.top >= MARGIN - 0.5 && box.left + w <= vw - MARGIN + 0.5 && box.top + h <= vh - MARGIN + 0.5;
  return inside ? box : null;
}

/** The box a docked sheet of this natural height occupies on the given edge. */
export function dockBox(edge: 'top' | 'bottom', naturalHeight: number, viewport: { width: number; height: number }): Box {
  const height = Math.min(naturalHeight, viewport.height * DOCK_SHARE);
  return { left: 0, top: edge === 'top' ? 0 : viewport.height - height, width: viewport.width, height };
}

/**
 * Where the popover goes: beside the target (below, above, right, left — the first side where it
 * fits whole, covering neither the target nor anything to avoid), else docked as a sheet on the
 * edge with more free room. With nothing to explain it sits in the lower left corner.
 */
export function choosePlacement({ target, popover, viewport, avoid = [] }: PlacementInput): Placement {
  const { width: vw, height: vh } = viewport;
  if (!target) return { kind: 'corner' };
  const shown = visiblePart(target, viewport);
  if (!shown) return { kind: 'dock', edge: 'bottom' };
  const keepClear = [shown, ...avoid];
  for (const side of ['bottom', 'top', 'right', 'left'] as const) {
    const box = sideBox(side, target, popover.width, popover.height, vw, vh);
    if (box && !keepClear.some((clear) => overlaps(box, clear))) return { kind: 'side', side, left: box.left, top: box.top };
  }
  const roomAbove = shown.top;
  const roomBelow = vh - (shown.top + shown.height);
  return { kind: 'dock', edge: clearDockEdge(roomAbove > roomBelow ? 'top' : 'bottom', popover.height, viewport, keepClear) };
}

/** The preferred edge for a docked sheet of this height, or the other one when only that leaves every box uncovered. */
export function clearDockEdge(preferred: 'top' | 'bottom', height: number, viewport: { width: number; height: number }, keepClear: readonly Box[]): 'top' | 'bottom' {
  const edges = [preferred, preferred === 'top' ? 'bottom' : 'top'] as const;
  return edges.find((edge) => !keepClear.some((clear) => overlaps(dockBox(edge, height, viewport), clear))) ?? preferred;
}

/**
 * How far to scroll so that a target and a popover of this height fit one above the other, or 0
 * when they already do or cannot (the target is too tall, or the page cannot move).
 */
export function scrollToMakeRoom(target: Box, popoverHeight: number, viewportHeight: number, topInset = 0): number {
  const needed = target.height + GAP + popoverHeight + 2 * MARGIN;
  if (needed > viewportHeight - topInset) return 0;
  const fitsBelow = target.top >= topInset + MARGIN && target.top + needed - MARGIN <= viewportHeight;
  const fitsAbove = target.top - GAP - popoverHeight >= topInset + MARGIN && target.top + target.height <= viewportHeight - MARGIN;
  if (fitsBelow || fitsAbove) return 0;
  return target.top - (topInset + MARGIN);
}

/**
 * The dimming (engine/overlay.css) makes everything but the highlighted element ignore the pointer, with document CSS that
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
