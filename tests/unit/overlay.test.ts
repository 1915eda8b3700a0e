// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlay, type Overlay, type OverlayHost, type OverlayView } from '../../engine/overlay';
import { DEFAULT_PREFS, type SpeakResult } from '../../engine/prefs';
import { OVERLAY_TEXT as T } from '../../engine/strings';

/**
 * The overlay in jsdom, which has no layout: a small fake gives the page's elements the boxes a test
 * sets, and lays the popover out from its classes the way overlay.css does (docked sheet on an edge,
 * folded bar, corner card, or at its left/top). Scrolling moves the page's boxes.
 */
interface Box { left: number; top: number; width: number; height: number }
const VW = 1024;
const VH = innerHeight;
const boxes = new Map<Element, Box>();
let natural = { width: 340, height: 220 };
const FOLDED = 48;

function popoverBox(root: HTMLElement): Box {
  const height = root.classList.contains('danbuoc-collapsed') ? FOLDED : natural.height;
  if (root.classList.contains('danbuoc-docked')) {
    const h = Math.min(height, VH * 0.4);
    return { left: 0, top: root.classList.contains('danbuoc-dock-top') ? 0 : VH - h, width: VW, height: h };
  }
  if (root.classList.contains('danbuoc-corner')) return { left: 8, top: VH - height - 8, width: natural.width, height };
  return { left: parseFloat(root.style.left) || 0, top: parseFloat(root.style.top) || 0, width: natural.width, height };
}
const layout = (el: Element): Box =>
  el instanceof HTMLElement && el.classList.contains('danbuoc-popover') ? popoverBox(el) : boxes.get(el) ?? { left: 0, top: 0, width: 0, height: 0 };
const rect = ({ left, top, width, height }: Box) =>
  ({ left, top, width, height, x: left, y: top, right: left + width, bottom: top + height, toJSON: () => ({}) }) as DOMRect;

const scrollBy = vi.fn((options: ScrollToOptions) => {
  for (const [el, b] of boxes) boxes.set(el, { ...b, top: b.top - (options.top ?? 0) });
});

/** The popover's buttons act only on a person's click: their click listeners are kept to be called with one. */
const clickListeners = new Map<Element, EventListener[]>();
function press(button: Element, target: EventTarget = button) {
  for (const listener of clickListeners.get(button) ?? []) listener({ isTrusted: true, target } as unknown as Event);
}

let frames: FrameRequestCallback[] = [];
function runFrames() {
  const due = frames;
  frames = [];
  for (const cb of due) cb(0);
}

beforeEach(() => {
  boxes.clear();
  clickListeners.clear();
  natural = { width: 340, height: 220 };
  frames = [];
  scrollBy.mockClear();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.spyOn(window, 'scrollBy').mockImplementation(scrollBy as unknown as typeof window.scrollBy);
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(VW);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return rect(layout(this));
  });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected && !this.closest('[hidden]') ? [rect(layout(this))] : []) as unknown as DOMRectList;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return layout(this).width;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return layout(this).height;
  });
  Element.prototype.scrollIntoView = () => undefined;
  // No fixed header on these pages: nothing to uncover the target from.
  (document as { elementsFromPoint?: unknown }).elementsFromPoint = () => [];
  const add = EventTarget.prototype.addEventListener;
  vi.spyOn(HTMLButtonElement.prototype, 'addEventListener').mockImplementation(function (this: HTMLButtonElement, type, listener, options) {
    if (type === 'click' && typeof listener === 'function') clickListeners.set(this, [...(clickListeners.get(this) ?? []), listener]);
    add.call(this, type, listener, options);
  });
});

let overlay: Overlay | undefined;
afterEach(() => {
  overlay?.hide();
  overlay = undefined;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  document.body.removeAttribute('class');
});

function page(html: string) {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}
const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
const placed = (el: Element, box: Box) => (boxes.set(el, box), el as HTMLElement);
function start(host: OverlayHost = {}) {
  overlay = createOverlay(host);
  return overlay;
}
const popover = () => $('.danbuoc-popover');
const button = (label: string) => [...popover().querySelectorAll('button')].find((b) => b.textContent === label)!;
const view = (extra: Partial<OverlayView> = {}): OverlayView => ({ title: 'Đăng nhập', text: 'Bấm nút Đăng nhập.', onClose: vi.fn(), ...extra });
function key(key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  (document.activeElement ?? document.body).dispatchEvent(event);
  return event;
}

describe('showing a step', () => {
  it('hit-tests for a pinned header only after the frame that draws the step, then scrolls the target clear of it', async () => {
    page('<header id="bar" style="position: fixed">Cổng Dịch vụ công</header><main><button id="t">Đăng nhập</button></main>');
    placed($('#bar'), { left: 0, top: 0, width: VW, height: 80 });
    const target = placed($('#t'), { left: 20, top: 40, width: 300, height: 48 });
    const hits = vi.fn(() => [$('#bar')]);
    (document as { elementsFromPoint?: unknown }).elementsFromPoint = hits;
    start().show(view({ element: target, focus: 'element' }));
    expect(target.classList.contains('driver-active-element')).toBe(true);
    expect(hits, 'no hit test while the frame that shows the step is built').not.toHaveBeenCalled();
    expect(scrollBy).not.toHaveBeenCalled();
    runFrames();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hits).toHaveBeenCalled();
    expect(scrollBy).toHaveBeenCalledWith(expect.objectContaining({ top: -(80 - 40 + 16) }));
    // the popover follows its target down the screen
    expect(popover().style.top).toBe(`${40 + 56 + 48 + 12}px`);
  });

  it('with nothing to highlight: a card in the corner that takes the focus and is announced', () => {
    start().show(view({ badge: 'Bản nháp', progress: 'Bước 1/3', alert: 'Sai mã', text: 'Chờ trang tải.' }));
    expect(popover().parentElement).toBe(document.body);
    expect(popover().classList.contains('danbuoc-corner')).toBe(true);
    expect(popover().style.left).toBe('');
    expect(document.activeElement).toBe($('.danbuoc-title'));
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    const live = $('.danbuoc-live');
    expect(live.parentElement).toBe(document.body);
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');
    runFrames();
    expect(live.textContent).toBe('Bản nháp. Bước 1/3. Đăng nhập. Sai mã. Chờ trang tải.');
    expect(document.body.classList.contains('driver-active')).toBe(false);
    expect($('.danbuoc-read').hidden).toBe(true);
    expect($('.danbuoc-close').hidden).toBe(false);
  });

  it('below its target, which keeps its own aria attributes, and focus on the target when it must be used', () => {
    page('<main><button id="t" aria-expanded="false">Đăng nhập</button></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: target, focus: 'element' }));
    expect(document.body.classList.contains('driver-active')).toBe(true);
    expect(popover().style.left).toBe('20px');
    expect(popover().style.top).toBe(`${100 + 48 + 12}px`);
    expect(popover().classList.contains('danbuoc-corner')).toBe(false);
    expect(target.getAttribute('aria-expanded')).toBe('false');
    expect(target.hasAttribute('aria-haspopup')).toBe(false);
    expect(target.hasAttribute('aria-controls')).toBe(false);
    expect(document.activeElement).toBe(target);
    expect(scrollBy).not.toHaveBeenCalled();
    overlay!.hide();
    expect(target.getAttribute('aria-expanded')).toBe('false');
    expect(target.hasAttribute('aria-haspopup')).toBe(false);
    expect(document.body.classList.contains('driver-active')).toBe(false);
  });

  it('a target that cannot take the focus leaves it on the heading', () => {
    page('<main><p id="t">Thành phần hồ sơ</p></main>');
    start().show(view({ element: placed($('#t'), { left: 20, top: 100, width: 300, height: 48 }), focus: 'element' }));
    expect(document.activeElement).toBe($('.danbuoc-title'));
  });

  it('scrolls the page so the popover fits under a target in the middle of the screen', () => {
    page('<main><button id="t">Tra cứu</button></main>');
    const target = placed($('#t'), { left: 20, top: 200, width: 300, height: 400 });
    start().show(view({ element: target }));
    expect(scrollBy).toHaveBeenCalledWith({ top: 200 - 8, behavior: 'instant' });
    expect(popover().style.top).toBe(`${8 + 400 + 12}px`);
  });

  it('a passive step does not move the page and leaves it usable', () => {
    page('<main><button id="t">Tra cứu</button></main>');
    const target = placed($('#t'), { left: 20, top: 400, width: 300, height: 200 });
    start().show(view({ element: target, passive: true }));
    expect(scrollBy).not.toHaveBeenCalled();
    expect(document.body.classList.contains('danbuoc-passive')).toBe(true);
    overlay!.show(view({ element: target }));
    expect(document.body.classList.contains('danbuoc-passive')).toBe(false);
  });

  it('never covers a password field on the page; a message to keep clear is kept clear too', () => {
    page('<main><input id="t"><input id="otp" autocomplete="one-time-code"><p id="msg">Sai mật khẩu</p></main>');
    const target = placed($('#t'), { left: 20, top: 400, width: 300, height: 48 });
    placed($('#otp'), { left: 20, top: 470, width: 300, height: 48 });
    start().show(view({ element: target, passive: true }));
    expect(popover().style.top).toBe(`${400 - 12 - 220}px`);
    const msg = placed($('#msg'), { left: 20, top: 100, width: 300, height: 48 });
    overlay!.show(view({ passive: true, keepClear: [msg] }));
    expect(popover().style.top).toBe(`${100 + 48 + 12}px`);
  });

  it('inside an open modal dialog, the popover goes into the dialog (the rest of the page is inert)', () => {
    page('<main><dialog id="d" open><input id="t"></dialog></main>');
    const dialog = $('#d');
    const matches = dialog.matches.bind(dialog);
    vi.spyOn(dialog, 'matches').mockImplementation((s) => s === ':modal' || matches(s));
    start().show(view({ element: placed($('#t'), { left: 20, top: 100, width: 300, height: 48 }) }));
    expect(popover().parentElement).toBe(dialog);
    expect($('.danbuoc-live').parentElement).toBe(dialog);
    overlay!.show(view());
    expect(popover().parentElement).toBe(document.body);
    expect($('.danbuoc-live').parentElement).toBe(document.body);
  });

  it('a target inside a web component gets the pointer through its host until the step ends', () => {
    page('<main><x-form id="host"></x-form></main>');
    const host = $('#host');
    const input = document.createElement('input');
    host.attachShadow({ mode: 'open' }).append(input);
    start().show(view({ element: placed(input, { left: 20, top: 100, width: 300, height: 48 }) }));
    expect(host.style.getPropertyValue('pointer-events')).toBe('auto');
    overlay!.show(view());
    expect(host.style.getPropertyValue('pointer-events')).toBe('');
    overlay!.show(view({ element: input }));
    overlay!.hide();
    expect(host.style.getPropertyValue('pointer-events')).toBe('');
  });
});

describe('docking when no side fits', () => {
  it('docks on the edge with more room, off the target', () => {
    page('<main><table id="t"></table></main>');
    natural = { width: 1020, height: 260 };
    const target = placed($('#t'), { left: 0, top: 60, width: VW, height: 200 });
    start().show(view({ element: target, passive: true }));
    expect(popover().classList.contains('danbuoc-dock-bottom')).toBe(true);
    expect(popover().classList.contains('danbuoc-docked')).toBe(true);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);
  });

  it('tries the other edge when the sheet would sit on a field to keep clear', () => {
    page('<main><table id="t"></table><input id="pw" type="password"></main>');
    natural = { width: 1020, height: 260 };
    placed($('#t'), { left: 0, top: 60, width: VW, height: 200 });
    placed($('#pw'), { left: 0, top: VH - 40, width: 300, height: 30 });
    // the whole sheet fits on neither edge: folded to its bar, which fits above the target
    start().show(view({ element: $('#t'), passive: true }));
    expect(popover().classList.contains('danbuoc-dock-top')).toBe(true);
    expect(popover().classList.contains('danbuoc-dock-bottom')).toBe(false);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('scrolls the target clear of the sheet, or folds the sheet to its bar when it cannot', () => {
    page('<main><table id="t"></table></main>');
    natural = { width: 1020, height: 400 };
    const target = placed($('#t'), { left: 0, top: 200, width: VW, height: 300 });
    start().show(view({ element: target, passive: true }));
    // a 307-px sheet at the bottom, the target ending at 500: scrolled up until it ends above the sheet
    expect(scrollBy).toHaveBeenCalledWith({ top: 500 - (VH - VH * 0.4) + 8, behavior: 'instant' });
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);

    page('<main><table id="big"></table></main>');
    placed($('#big'), { left: 0, top: 0, width: VW, height: VH });
    overlay!.show(view({ element: $('#big'), passive: true }));
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    expect($('.danbuoc-minimise').textContent).toBe(T.expand);
    expect($('.danbuoc-minimise').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the popover buttons', () => {
  it('act only on a person’s click on the button itself, and run the latest view’s action', () => {
    const first = vi.fn();
    const second = vi.fn();
    start().show(view({ actions: [{ label: 'Tiếp', onClick: first }] }));
    const next = button('Tiếp');
    expect(next.classList.contains('danbuoc-main')).toBe(true);
    next.click();
    press(next, $('.danbuoc-title'));
    expect(first).not.toHaveBeenCalled();
    press(next);
    expect(first).toHaveBeenCalledTimes(1);
    overlay!.update(view({ actions: [{ label: 'Tiếp', onClick: second }] }));
    expect(button('Tiếp')).toBe(next);
    press(next);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('a redraw with new buttons keeps the focus on the button at the same place', () => {
    start().show(view({ actions: [{ label: 'Tiếp', onClick: vi.fn() }, { label: 'Quay lại', onClick: vi.fn() }] }));
    button('Quay lại').focus();
    overlay!.update(view({ actions: [{ label: 'Xong', onClick: vi.fn() }] }));
    expect(document.activeElement).toBe(button('Xong'));
  });

  it('“×” asks before stopping; “Tiếp tục hướng dẫn” goes back to the step, “Dừng” stops', () => {
    const onClose = vi.fn();
    start().show(view({ onClose, actions: [{ label: 'Tiếp', onClick: vi.fn() }] }));
    press($('.danbuoc-close'));
    expect($('.danbuoc-title').textContent).toBe(T.stopQuestion);
    expect($('.danbuoc-say').textContent).toBe(T.stopExplain);
    expect([...$('.danbuoc-actions').children].map((b) => b.textContent)).toEqual([T.stopNo, T.stopYes]);
    expect($('.danbuoc-close').hidden).toBe(true);
    expect(document.activeElement).toBe(button(T.stopNo));
    press(button(T.stopNo));
    expect(onClose).not.toHaveBeenCalled();
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    expect($('.danbuoc-close').hidden).toBe(false);
    expect(document.activeElement).toBe($('.danbuoc-title'));
    press($('.danbuoc-close'));
    press(button(T.stopYes));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('the host says how to open the guide again; the finished view closes at once', () => {
    const onClose = vi.fn();
    start({ reopenHint: 'Bấm nút Dẫn Bước ở góc trang.' }).show(view({ onClose }));
    press($('.danbuoc-close'));
    expect($('.danbuoc-say').textContent).toBe('Bấm nút Dẫn Bước ở góc trang.');
    overlay!.show(view({ onClose, closeAtOnce: true }));
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    press($('.danbuoc-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('“Thu nhỏ” folds the popover to its bar and back, keeping the focus on itself', () => {
    start().show(view());
    const minimise = $('.danbuoc-minimise');
    expect(minimise.getAttribute('aria-expanded')).toBe('true');
    press(minimise);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    expect(minimise.textContent).toBe(T.expand);
    expect(minimise.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(minimise);
    press(minimise);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);
    expect(minimise.textContent).toBe(T.minimise);
  });

  it('a folded sheet stays a bar on the edge away from its target, and unfolds for a new target', () => {
    page('<main><button id="a">A</button><button id="b">B</button></main>');
    const low = placed($('#a'), { left: 20, top: 600, width: 300, height: 48 });
    start().show(view({ element: low, passive: true }));
    press($('.danbuoc-minimise'));
    expect(popover().classList.contains('danbuoc-dock-top')).toBe(true);
    boxes.set(low, { left: 20, top: 100, width: 300, height: 48 });
    overlay!.update(view({ element: low, passive: true, text: 'Khác' }));
    expect(popover().classList.contains('danbuoc-dock-bottom')).toBe(true);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    overlay!.show(view({ element: placed($('#b'), { left: 20, top: 100, width: 300, height: 48 }), passive: true }));
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);
  });
});

describe('reading aloud', () => {
  it('“🔊 Đọc” reads what is on screen at the chosen speed, after stopping what was being read', async () => {
    const said: string[] = [];
    const stopSpeaking = vi.fn();
    const speak = vi.fn(async (text: string) => (said.push(text), { ok: true }) as SpeakResult);
    start({ speak, stopSpeaking }).show(view({ hint: 'Chậm thôi.' }));
    expect($('.danbuoc-read').hidden).toBe(false);
    stopSpeaking.mockClear();
    press($('.danbuoc-read'));
    await Promise.resolve();
    expect(stopSpeaking).toHaveBeenCalledTimes(1);
    expect(speak).toHaveBeenCalledWith('Đăng nhập. Bấm nút Đăng nhập. Chậm thôi.', 'normal');
    expect(said).toHaveLength(1);
    expect($('.danbuoc-hint').textContent).toBe('Chậm thôi.');
  });

  it('without a Vietnamese voice it says so once, and stops reading every step by itself', async () => {
    const speak = vi.fn(async () => ({ ok: false, reason: 'no-voice' }) as SpeakResult);
    start({ speak });
    overlay!.setPrefs({ ...DEFAULT_PREFS, alwaysRead: true });
    overlay!.show(view());
    await vi.waitFor(() => expect($('.danbuoc-hint')?.textContent).toBe(T.noVoice));
    expect(speak).toHaveBeenCalledTimes(1);
    overlay!.show(view({ text: 'Bước sau.' }));
    await Promise.resolve();
    expect(speak).toHaveBeenCalledTimes(1);
    expect($('.danbuoc-hint')).toBeNull();
    press($('.danbuoc-read'));
    expect(speak).toHaveBeenCalledTimes(2);
  });

  it('another failure says reading failed; a failure for a step already gone says nothing', async () => {
    let finish: (r: SpeakResult) => void = () => undefined;
    const speak = vi.fn(() => new Promise<SpeakResult>((resolve) => (finish = resolve)));
    start({ speak }).show(view());
    press($('.danbuoc-read'));
    finish({ ok: false, reason: 'failed' });
    await vi.waitFor(() => expect($('.danbuoc-hint')?.textContent).toBe(T.readFailed));
    press($('.danbuoc-read'));
    overlay!.show(view({ text: 'Bước sau.' }));
    finish({ ok: false, reason: 'failed' });
    await new Promise((r) => setTimeout(r, 0));
    expect($('.danbuoc-hint')).toBeNull();
  });

  it('no reading without a voice host, even when asked to read every step', () => {
    start();
    overlay!.setPrefs({ ...DEFAULT_PREFS, alwaysRead: true });
    overlay!.show(view());
    expect($('.danbuoc-read').hidden).toBe(true);
  });
});

describe('preferences', () => {
  it('high contrast, text size and language apply to the popover on screen', () => {
    start().show(view());
    overlay!.setPrefs({ ...DEFAULT_PREFS, contrast: 'high', textSize: 150, lang: 'en' });
    expect(popover().classList.contains('danbuoc-high')).toBe(true);
    expect(popover().style.getPropertyValue('--danbuoc-scale')).toBe('1.5');
    expect(popover().lang).toBe('en');
    overlay!.setPrefs(DEFAULT_PREFS);
    expect(popover().classList.contains('danbuoc-high')).toBe(false);
    expect(popover().style.getPropertyValue('--danbuoc-scale')).toBe('1');
  });

  it('set before any step, they apply to the first one', () => {
    start().setPrefs({ ...DEFAULT_PREFS, contrast: 'high' });
    expect(popover()).toBeNull();
    overlay!.show(view());
    expect(popover().classList.contains('danbuoc-high')).toBe(true);
  });
});

describe('updating in place', () => {
  it('the same target redraws text without moving the focus; a new alert is announced', () => {
    page('<main><input id="t"></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: target, focus: 'element' }));
    runFrames();
    const root = popover();
    $('.danbuoc-minimise').focus();
    overlay!.update(view({ element: target, focus: 'element', text: 'Gõ số định danh.' }));
    expect(popover()).toBe(root);
    expect($('.danbuoc-say').textContent).toBe('Gõ số định danh.');
    expect(document.activeElement).toBe($('.danbuoc-minimise'));
    // not announced again: the live region keeps the words it has
    expect($('.danbuoc-live').textContent).toBe('Đăng nhập. Bấm nút Đăng nhập.');
    overlay!.update(view({ element: target, focus: 'element', alert: 'Số định danh chưa đúng' }));
    expect($('.danbuoc-live').textContent).toBe('');
    runFrames();
    expect($('.danbuoc-live').textContent).toContain('Số định danh chưa đúng');
    expect(overlay!.current()?.alert).toBe('Số định danh chưa đúng');
  });

  it('a new target, a change to passive or to what to keep clear shows the step afresh', () => {
    page('<main><input id="t"><p id="m">Lỗi</p><p id="n">Lỗi khác</p></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    const m = placed($('#m'), { left: 20, top: 300, width: 300, height: 48 });
    const n = placed($('#n'), { left: 20, top: 300, width: 300, height: 48 });
    start().show(view({ element: target, focus: 'element', keepClear: [m] }));
    const again = () => {
      $('.danbuoc-minimise').focus();
      return document.activeElement === target;
    };
    overlay!.update(view({ element: target, focus: 'element', keepClear: [m] }));
    expect(again()).toBe(false);
    overlay!.update(view({ element: target, focus: 'element', keepClear: [n] }));
    expect(document.activeElement).toBe(target);
    $('.danbuoc-minimise').focus();
    overlay!.update(view({ element: target, focus: 'element', keepClear: [n, m] }));
    expect(document.activeElement).toBe(target);
    $('.danbuoc-minimise').focus();
    overlay!.update(view({ element: target, focus: 'element', keepClear: [n, m], passive: true }));
    expect(document.activeElement).toBe(target);
    expect(document.body.classList.contains('danbuoc-passive')).toBe(true);
    $('.danbuoc-minimise').focus();
    overlay!.update(view({ focus: 'element', keepClear: [n, m], passive: true }));
    expect(document.activeElement).toBe($('.danbuoc-title'));
  });

  it('update before any show shows the step', () => {
    start().update(view());
    expect(popover()).not.toBeNull();
    expect(overlay!.current()?.title).toBe('Đăng nhập');
  });
});

describe('the keyboard', () => {
  it('Escape asks before stopping, and Escape again goes back to the step', () => {
    const onClose = vi.fn();
    start().show(view({ onClose }));
    const event = key('Escape');
    expect(event.defaultPrevented).toBe(true);
    expect($('.danbuoc-title').textContent).toBe(T.stopQuestion);
    key('Escape');
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    expect(onClose).not.toHaveBeenCalled();
    overlay!.show(view({ onClose, closeAtOnce: true }));
    key('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a key the page already handled, or any key after the guide ends, is left alone', () => {
    const onClose = vi.fn();
    start().show(view({ onClose }));
    const handled = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    handled.preventDefault();
    document.activeElement!.dispatchEvent(handled);
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    overlay!.hide();
    expect(key('Escape').defaultPrevented).toBe(false);
  });

  it('Tab cycles the target’s controls and the popover’s buttons, both ways', () => {
    page('<main><form id="t"><input id="a"><span id="s" tabindex="-1">?</span><input id="b"></form><a id="out" href="/">Khác</a></main>');
    const form = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: form, actions: [{ label: 'Tiếp', onClick: vi.fn() }] }));
    const order = [$('#a'), $('#b'), button('Tiếp'), $('.danbuoc-read'), $('.danbuoc-minimise'), $('.danbuoc-close')].filter((b) => !b.hidden);
    expect(document.activeElement).toBe($('.danbuoc-title'));
    expect(key('Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(order[0]);
    key('Tab');
    expect(document.activeElement).toBe(order[1]);
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(order[0]);
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(order.at(-1));
    key('Tab');
    expect(document.activeElement).toBe(order[0]);
    // from a part of the target Tab does not reach, on to the next control after the target's
    $('#s').focus();
    key('Tab');
    expect(document.activeElement).toBe(order[2]);
    $('.danbuoc-title').focus();
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(order.at(-1));
  });

  it('while the question is asked, Tab stays in the popover', () => {
    page('<main><input id="t"></main>');
    start().show(view({ element: placed($('#t'), { left: 20, top: 100, width: 300, height: 48 }) }));
    key('Escape');
    expect(document.activeElement).toBe(button(T.stopNo));
    key('Tab');
    expect(document.activeElement).toBe(button(T.stopYes));
    key('Tab');
    expect(document.activeElement).toBe($('.danbuoc-minimise'));
    key('Tab');
    expect(document.activeElement).toBe(button(T.stopNo));
  });

  it('a passive step lets Tab go on through the page, and ignores keys while the citizen works elsewhere', () => {
    page('<main><input id="t"><a id="out" href="/">Khác</a></main>');
    start().show(view({ passive: true }));
    expect(key('Tab').defaultPrevented).toBe(false);
    // (with a target, driver.js's own Tab trap, removed from the built extension, would take the Tab here)
    overlay!.show(view({ element: placed($('#t'), { left: 20, top: 100, width: 300, height: 48 }), passive: true }));
    $('#out').focus();
    expect(key('Escape').defaultPrevented).toBe(false);
    expect($('.danbuoc-title').textContent).toBe('Đăng nhập');
    $('#t').focus();
    expect(key('Escape').defaultPrevented).toBe(true);
    expect($('.danbuoc-title').textContent).toBe(T.stopQuestion);
  });

  it('focus lost to the page body still reaches the guide; other keys pass', () => {
    start().show(view({ passive: true }));
    (document.activeElement as HTMLElement).blur();
    expect(key('Enter').defaultPrevented).toBe(false);
    expect(key('Escape').defaultPrevented).toBe(true);
  });

  it('a step with nothing focusable lets Tab be', () => {
    start().show(view());
    for (const b of popover().querySelectorAll('button')) b.hidden = true;
    expect(key('Tab').defaultPrevented).toBe(false);
  });
});

describe('following the page', () => {
  it('moves with its target when the page scrolls or resizes; a scroll inside the popover does not', () => {
    page('<main><button id="t">Tra cứu</button></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: target }));
    boxes.set(target, { left: 20, top: 50, width: 300, height: 48 });
    popover().dispatchEvent(new Event('scroll'));
    runFrames();
    expect(popover().style.top).toBe(`${100 + 48 + 12}px`);
    window.dispatchEvent(new Event('scroll'));
    runFrames();
    expect(popover().style.top).toBe(`${50 + 48 + 12}px`);
    boxes.set(target, { left: 20, top: 80, width: 300, height: 48 });
    window.dispatchEvent(new Event('resize'));
    runFrames();
    expect(popover().style.top).toBe(`${80 + 48 + 12}px`);
    const root = popover();
    overlay!.hide();
    boxes.set(target, { left: 20, top: 30, width: 300, height: 48 });
    window.dispatchEvent(new Event('scroll'));
    runFrames();
    expect(root.style.top).toBe(`${80 + 48 + 12}px`);
  });
});

describe('hiding', () => {
  it('removes everything and puts the focus back on the last target', () => {
    page('<main><h1>Dịch vụ công</h1><p id="t">Thủ tục</p></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: target, passive: true }));
    overlay!.show(view({ passive: true }));
    overlay!.hide();
    expect(popover()).toBeNull();
    expect($('.danbuoc-live')).toBeNull();
    expect(document.body.classList.contains('danbuoc-passive')).toBe(false);
    expect(overlay!.current()).toBeUndefined();
    expect(document.activeElement).toBe(target);
    expect(target.getAttribute('tabindex')).toBe('-1');
    target.blur();
    expect(target.hasAttribute('tabindex')).toBe(false);
  });

  it('without a target, the heading of the page, then its main part; a focusable one keeps its own tabindex', () => {
    page('<main><h1 tabindex="0">Dịch vụ công</h1></main>');
    start().show(view());
    overlay!.hide();
    expect(document.activeElement).toBe($('h1'));
    expect($('h1').getAttribute('tabindex')).toBe('0');
    $('h1').blur();
    expect($('h1').getAttribute('tabindex')).toBe('0');
    page('<main><p>Trang</p></main>');
    overlay!.show(view());
    overlay!.hide();
    expect(document.activeElement).toBe($('main'));
  });

  it('a target gone from the page is skipped; focus already on the page stays there', () => {
    page('<main><h1>Dịch vụ công</h1><button id="t">Tra cứu</button><a id="out" href="/">Khác</a></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start().show(view({ element: target }));
    target.remove();
    overlay!.hide();
    expect(document.activeElement).toBe($('h1'));
    overlay!.show(view());
    $('#out').focus();
    overlay!.hide();
    expect(document.activeElement).toBe($('#out'));
  });
});

describe('the overlay in detail', () => {
  it('moving to another target gives the first one its own attributes back; a step without one ends the highlight', () => {
    page('<main><button id="a" aria-haspopup="menu">A</button><button id="b">B</button></main>');
    const a = placed($('#a'), { left: 20, top: 100, width: 300, height: 48 });
    const b = placed($('#b'), { left: 20, top: 200, width: 300, height: 48 });
    start().show(view({ element: a }));
    overlay!.show(view({ element: b }));
    expect(a.getAttribute('aria-haspopup')).toBe('menu');
    expect(a.hasAttribute('aria-expanded')).toBe(false);
    expect(b.hasAttribute('aria-haspopup')).toBe(false);
    overlay!.show(view());
    expect(document.body.classList.contains('driver-active')).toBe(false);
    expect(b.hasAttribute('aria-expanded')).toBe(false);
    expect(popover().style.left).toBe('');
    expect(popover().style.top).toBe('');
    expect(popover().classList.contains('danbuoc-corner')).toBe(true);
    overlay!.show(view({ element: a }));
    expect(popover().classList.contains('danbuoc-corner')).toBe(false);
    expect(document.body.classList.contains('driver-active')).toBe(true);
  });

  it('a redraw with new buttons keeps the focus on the first button too', () => {
    start().show(view({ actions: [{ label: 'Tiếp', onClick: vi.fn() }] }));
    button('Tiếp').focus();
    overlay!.update(view({ actions: [{ label: 'Xong', onClick: vi.fn() }, { label: 'Quay lại', onClick: vi.fn() }] }));
    expect(document.activeElement).toBe(button('Xong'));
  });

  it('while the question is asked, neither “🔊 Đọc” nor the folded look is shown; answering “no” brings both back and the focus to the target', () => {
    page('<main><input id="t"></main>');
    const target = placed($('#t'), { left: 20, top: 100, width: 300, height: 48 });
    start({ speak: async () => ({ ok: true }) }).show(view({ element: target, focus: 'element' }));
    press($('.danbuoc-minimise'));
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    press($('.danbuoc-close'));
    expect($('.danbuoc-read').hidden).toBe(true);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);
    press(button(T.stopNo));
    expect($('.danbuoc-read').hidden).toBe(false);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
    expect(document.activeElement).toBe(target);
  });

  it('the step’s own hint and the note about the voice are shown together', async () => {
    start({ speak: async () => ({ ok: false, reason: 'failed' }) }).show(view({ hint: 'Chậm thôi.' }));
    press($('.danbuoc-read'));
    await vi.waitFor(() => expect($('.danbuoc-hint').textContent).toBe(`Chậm thôi. ${T.readFailed}`));
  });

  it('after a failure that is not a missing voice, every step is still read aloud', async () => {
    const speak = vi.fn(async () => ({ ok: false, reason: 'failed' }) as SpeakResult);
    const stopSpeaking = vi.fn();
    start({ speak, stopSpeaking });
    overlay!.setPrefs({ ...DEFAULT_PREFS, alwaysRead: true, rate: 'slow' });
    overlay!.show(view());
    await vi.waitFor(() => expect($('.danbuoc-hint')?.textContent).toBe(T.readFailed));
    overlay!.show(view({ text: 'Bước sau.' }));
    expect(speak).toHaveBeenCalledTimes(2);
    expect(speak).toHaveBeenLastCalledWith('Đăng nhập. Bước sau.', 'slow');
    stopSpeaking.mockClear();
    overlay!.hide();
    expect(stopSpeaking).toHaveBeenCalledTimes(1);
  });

  it('a hidden password field is not kept clear', () => {
    page('<main><input id="t"><input id="otp" type="password" hidden></main>');
    const target = placed($('#t'), { left: 20, top: 400, width: 300, height: 48 });
    placed($('#otp'), { left: 20, top: 470, width: 300, height: 48 });
    start().show(view({ element: target, passive: true }));
    expect(popover().style.top).toBe(`${400 + 48 + 12}px`);
  });

  it('a folded bar moves edge without keeping the old one; a target in the middle keeps it at the bottom', () => {
    page('<main><button id="a">A</button></main>');
    const a = placed($('#a'), { left: 20, top: 600, width: 300, height: 48 });
    start().show(view({ element: a, passive: true }));
    press($('.danbuoc-minimise'));
    boxes.set(a, { left: 20, top: VH / 2 - 24, width: 300, height: 48 });
    overlay!.update(view({ element: a, passive: true, text: 'Khác' }));
    expect(popover().classList.contains('danbuoc-dock-bottom')).toBe(true);
    expect(popover().classList.contains('danbuoc-dock-top')).toBe(false);
    overlay!.show(view({ element: a, passive: true, text: 'Lại' }));
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(true);
  });

  it('following a scroll never scrolls the page itself', () => {
    page('<main><div id="pane"><button id="t">Tra cứu</button></div></main>');
    const target = placed($('#t'), { left: 20, top: 8, width: 300, height: 400 });
    start().show(view({ element: target }));
    expect(scrollBy).not.toHaveBeenCalled();
    boxes.set(target, { left: 20, top: 200, width: 300, height: 400 });
    // a scroll inside the page does not bubble: heard in the capture phase
    $('#pane').dispatchEvent(new Event('scroll'));
    runFrames();
    expect(scrollBy).not.toHaveBeenCalled();
    expect([popover().style.left, popover().style.top]).toEqual([`${20 + 300 + 12}px`, '200px']);
  });

  it('a sheet docked at the top scrolls the target down out from under it', () => {
    page('<main><table id="t"></table></main>');
    natural = { width: 1020, height: 400 };
    placed($('#t'), { left: 0, top: 250, width: VW, height: 300 });
    start().show(view({ element: $('#t'), passive: true }));
    expect(scrollBy).toHaveBeenCalledTimes(1);
    expect(scrollBy.mock.calls[0][0].top).toBeCloseTo(250 - VH * 0.4 - 8);
    expect(popover().classList.contains('danbuoc-dock-top')).toBe(true);
    expect(popover().classList.contains('danbuoc-collapsed')).toBe(false);
  });

  it('showing a step twice does not hear each key twice; a page that stops the key still lets the guide hear it', () => {
    start().show(view());
    overlay!.show(view({ text: 'Lại.' }));
    document.addEventListener('keydown', (e) => e.stopPropagation(), { once: true });
    key('Escape');
    expect($('.danbuoc-title').textContent).toBe(T.stopQuestion);
  });

  it('shows stop any reading in progress', () => {
    const stopSpeaking = vi.fn();
    start({ speak: async () => ({ ok: true }), stopSpeaking }).show(view());
    expect(stopSpeaking).toHaveBeenCalledTimes(1);
  });

  it('a message to keep clear is scrolled into view like a target', () => {
    page('<main><p id="msg">Sai mật khẩu</p></main>');
    const msg = placed($('#msg'), { left: 20, top: -100, width: 300, height: 48 });
    const scrollIntoView = vi.fn();
    msg.scrollIntoView = scrollIntoView;
    start().show(view({ passive: true, keepClear: [msg] }));
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
  });
});
