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
