import { describe, expect, it } from 'vitest';
import { choosePlacement, clearDockEdge, dockBox, overlaps, scrollToMakeRoom, visiblePart, type Box } from '../../engine/placement';

const phone = { width: 360, height: 740 };
const zoomed = { width: 683, height: 384 };
const popover = { width: 340, height: 220 };
const at = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
const boxOf = (p: ReturnType<typeof choosePlacement>, size = popover): Box =>
  p.kind === 'side' ? at(p.left, p.top, size.width, size.height) : at(0, 0, 0, 0);

describe('choosePlacement', () => {
  it('puts the popover below a target with room under it, inside the viewport and off the target', () => {
    const target = at(20, 100, 300, 48);
    const p = choosePlacement({ target, popover, viewport: phone });
    expect(p).toMatchObject({ kind: 'side', side: 'bottom' });
    const box = boxOf(p);
    expect(overlaps(box, target)).toBe(false);
    expect(box.left).toBeGreaterThanOrEqual(8);
    expect(box.left + box.width).toBeLessThanOrEqual(phone.width - 8);
  });

  it('goes above when there is no room below', () => {
    const target = at(20, 600, 300, 48);
    expect(choosePlacement({ target, popover, viewport: phone })).toMatchObject({ kind: 'side', side: 'top' });
  });

  it('goes beside a tall target on a wide screen', () => {
    const target = at(40, 40, 400, 300);
    expect(choosePlacement({ target, popover, viewport: { width: 1366, height: 384 } })).toMatchObject({ kind: 'side', side: 'right' });
  });

  it('docks on the side with more room when no side fits, never over the target', () => {
    const target = at(10, 60, 660, 140);
    const p = choosePlacement({ target, popover: { width: 600, height: 260 }, viewport: zoomed });
    expect(p).toEqual({ kind: 'dock', edge: 'bottom' });
    expect(overlaps(dockBox('bottom', 260, zoomed), target)).toBe(false);
    const low = at(10, 220, 660, 140);
    expect(choosePlacement({ target: low, popover: { width: 600, height: 260 }, viewport: zoomed })).toEqual({ kind: 'dock', edge: 'top' });
  });

  it('a bar folded on the edge away from its target moves to the other edge when it would cover a password box', () => {
    // the consent checkbox in a modal <dialog> low on a 200 % screen, the login form's password box high behind it
    const target = at(149, 279, 20, 20);
    const password = at(130, 55, 424, 48);
    expect(clearDockEdge('top', 60, zoomed, [target])).toBe('top');
    expect(clearDockEdge('top', 60, zoomed, [target, password])).toBe('bottom');
    // when neither edge is clear, the preferred one stays
    expect(clearDockEdge('top', 60, zoomed, [at(0, 30, 10, 10), at(0, 350, 10, 10)])).toBe('top');
  });

  it('a docked sheet takes at most 40% of the height', () => {
    expect(dockBox('bottom', 1000, zoomed).height).toBeCloseTo(384 * 0.4);
    expect(dockBox('top', 100, zoomed)).toEqual(at(0, 0, 683, 100));
  });

  it('never covers a password or OTP field, even when the target is elsewhere', () => {
    const target = at(20, 400, 300, 48);
    const otp = at(20, 470, 300, 48);
    const p = choosePlacement({ target, popover, viewport: phone, avoid: [otp] });
    expect(p).toMatchObject({ kind: 'side', side: 'top' });
    expect(choosePlacement({ target, popover, viewport: phone })).toMatchObject({ side: 'bottom' });
    expect(overlaps(boxOf(p), otp)).toBe(false);
    expect(overlaps(boxOf(p), target)).toBe(false);
  });

  it('with nothing to explain sits in the corner; with a target off screen docks at the bottom', () => {
    expect(choosePlacement({ popover, viewport: phone })).toEqual({ kind: 'corner' });
    expect(choosePlacement({ target: at(0, 2000, 100, 40), popover, viewport: phone })).toEqual({ kind: 'dock', edge: 'bottom' });
  });

  it('judges only the visible part of a target taller than the screen', () => {
    const table = at(0, -200, 360, 900);
    const p = choosePlacement({ target: table, popover, viewport: phone });
    expect(p).toEqual({ kind: 'dock', edge: 'bottom' });
  });
});

describe('visiblePart and scrollToMakeRoom', () => {
  it('clips a box to the viewport', () => {
    expect(visiblePart(at(-10, -10, 50, 50), phone)).toEqual(at(0, 0, 40, 40));
    expect(visiblePart(at(0, 800, 50, 50), phone)).toBeNull();
  });

  it('scrolls a centred target up so the popover fits under it, and not at all when it already fits', () => {
    const target = at(20, 200, 300, 100);
    const dy = scrollToMakeRoom(target, 200, 384);
    expect(dy).toBe(200 - 8);
    expect(scrollToMakeRoom(at(20, 8, 300, 100), 200, 384)).toBe(0);
    expect(scrollToMakeRoom(at(20, 100, 300, 300), 300, 384)).toBe(0);
  });
});

describe('placement at the edges', () => {
  const small = { width: 100, height: 50 };
  const view = { width: 400, height: 300 };

  it('boxes that only touch do not overlap; a box inside is its own visible part; a box past an edge shows nothing', () => {
    const a = at(10, 10, 20, 20);
    for (const b of [at(30, 10, 5, 5), at(5, 10, 5, 5), at(10, 30, 5, 5), at(10, 5, 5, 5)]) {
      expect(overlaps(a, b)).toBe(false);
      expect(overlaps(b, a)).toBe(false);
    }
    expect(overlaps(a, at(29, 29, 5, 5))).toBe(true);
    expect(overlaps(a, at(6, 6, 5, 5))).toBe(true);
    expect(visiblePart(at(10, 20, 30, 40), view)).toEqual(at(10, 20, 30, 40));
    expect(visiblePart(at(350, 250, 100, 100), view)).toEqual(at(350, 250, 50, 50));
    expect(visiblePart(at(400, 0, 50, 50), view)).toBeNull();
    expect(visiblePart(at(0, 300, 50, 50), view)).toBeNull();
    expect(visiblePart(at(-50, 0, 50, 50), view)).toBeNull();
  });

  it('each side sits a gap away from the target, aligned with it and kept 8 px inside the screen', () => {
    expect(choosePlacement({ target: at(150, 20, 40, 20), popover: small, viewport: view })).toEqual({ kind: 'side', side: 'bottom', left: 150, top: 52 });
    expect(choosePlacement({ target: at(0, 20, 40, 20), popover: small, viewport: view })).toEqual({ kind: 'side', side: 'bottom', left: 8, top: 52 });
    expect(choosePlacement({ target: at(380, 20, 20, 20), popover: small, viewport: view })).toEqual({ kind: 'side', side: 'bottom', left: 292, top: 52 });
    expect(choosePlacement({ target: at(150, 240, 40, 20), popover: small, viewport: view })).toEqual({ kind: 'side', side: 'top', left: 150, top: 178 });
    const tall = { width: 100, height: 250 };
    expect(choosePlacement({ target: at(20, 30, 40, 240), popover: tall, viewport: view })).toEqual({ kind: 'side', side: 'right', left: 72, top: 30 });
    expect(choosePlacement({ target: at(20, 0, 40, 300), popover: tall, viewport: view })).toEqual({ kind: 'side', side: 'right', left: 72, top: 8 });
    expect(choosePlacement({ target: at(20, 100, 40, 200), popover: tall, viewport: view })).toEqual({ kind: 'side', side: 'right', left: 72, top: 42 });
    expect(choosePlacement({ target: at(300, 30, 100, 240), popover: tall, viewport: view })).toEqual({ kind: 'side', side: 'left', left: 188, top: 30 });
  });

  it('a popover fits up to half a pixel past the 8-px margin, not more', () => {
    // below: the popover's bottom at 300 - 7.5 fits, at 300 - 7.4 does not
    expect(choosePlacement({ target: at(150, 180.5, 40, 50), popover: small, viewport: view })).toMatchObject({ side: 'bottom' });
    expect(choosePlacement({ target: at(150, 180.6, 40, 50), popover: small, viewport: view })).toMatchObject({ side: 'top' });
    // above: the popover's top at 7.5 fits, at 7.4 does not
    expect(choosePlacement({ target: at(150, 69.5, 40, 231), popover: small, viewport: view })).toMatchObject({ side: 'top' });
    expect(choosePlacement({ target: at(150, 69.4, 40, 231), popover: small, viewport: view })).not.toMatchObject({ side: 'top' });
    const tall = { width: 100, height: 250 };
    // right: the popover's right edge at 400 - 7.5 fits, at 400 - 7.4 does not
    expect(choosePlacement({ target: at(100, 0, 180.5, 300), popover: tall, viewport: view })).toMatchObject({ side: 'right' });
    expect(choosePlacement({ target: at(100, 0, 180.6, 300), popover: tall, viewport: view })).not.toMatchObject({ side: 'right' });
    // left: the popover's left edge at 7.5 fits, at 7.4 does not
    expect(choosePlacement({ target: at(119.5, 0, 281, 300), popover: tall, viewport: view })).toMatchObject({ side: 'left' });
    expect(choosePlacement({ target: at(119.4, 0, 281, 300), popover: tall, viewport: view })).toEqual({ kind: 'dock', edge: 'bottom' });
  });

  it('with equal room above and below docks at the bottom; with no clear edge, on the roomier one anyway', () => {
    const wide = { width: 400, height: 100 };
    expect(choosePlacement({ target: at(0, 100, 400, 100), popover: wide, viewport: view })).toEqual({ kind: 'dock', edge: 'bottom' });
    const both = [at(0, 0, 10, 10), at(0, 290, 10, 10)];
    expect(choosePlacement({ target: at(0, 100, 400, 100), popover: wide, viewport: view, avoid: both })).toEqual({ kind: 'dock', edge: 'bottom' });
    expect(choosePlacement({ target: at(0, 150, 400, 100), popover: wide, viewport: view, avoid: both })).toEqual({ kind: 'dock', edge: 'top' });
    expect(choosePlacement({ target: at(0, 120, 400, 70), popover: wide, viewport: view, avoid: [both[0]] })).toEqual({ kind: 'dock', edge: 'bottom' });
    expect(choosePlacement({ target: at(0, 120, 400, 70), popover: wide, viewport: view })).toEqual({ kind: 'dock', edge: 'top' });
    expect(choosePlacement({ target: at(0, 100, 400, 70), popover: wide, viewport: view, avoid: [both[1]] })).toEqual({ kind: 'dock', edge: 'top' });
  });

  it('scrollToMakeRoom at its limits, and under a top bar', () => {
    // target 100 + gap 12 + popover 200 + two margins = 328 px needed
    expect(scrollToMakeRoom(at(0, 50, 10, 100), 200, 328)).toBe(42);
    expect(scrollToMakeRoom(at(0, 50, 10, 100), 200, 327)).toBe(0);
    expect(scrollToMakeRoom(at(0, 80, 10, 100), 200, 400)).toBe(0);
    expect(scrollToMakeRoom(at(0, 81, 10, 100), 200, 400)).toBe(73);
    expect(scrollToMakeRoom(at(0, 220, 10, 100), 200, 400)).toBe(0);
    expect(scrollToMakeRoom(at(0, 219, 10, 100), 200, 400)).toBe(211);
    expect(scrollToMakeRoom(at(0, 220, 10, 100), 200, 328)).toBe(0);
    expect(scrollToMakeRoom(at(0, 221, 10, 100), 200, 328)).toBe(213);
    expect(scrollToMakeRoom(at(0, 200, 10, 100), 200, 500, 50)).toBe(142);
    expect(scrollToMakeRoom(at(0, 100, 10, 100), 200, 370, 50)).toBe(0);
    expect(scrollToMakeRoom(at(0, 270, 10, 100), 200, 500, 50)).toBe(0);
    expect(scrollToMakeRoom(at(0, 0, 10, 100), 200, 500, 50)).toBe(-58);
    expect(scrollToMakeRoom(at(0, 50, 10, 100), 200, 500, 50)).toBe(-8);
  });
});
