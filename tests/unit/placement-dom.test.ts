// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { letPointerThroughShadowHosts, modalDialogOf, scrollIntoViewIfNeeded, uncoverFromPinnedBars } from '../../engine/placement';

// jsdom has no layout: boxes are given to each element, and the viewport is jsdom's 1024 × 768.
const VW = innerWidth;
const VH = innerHeight;

function box(el: Element, left: number, top: number, width: number, height: number) {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}),
  } as DOMRect);
  return el;
}

function make(tag: string, parent: Element = document.body, style = '') {
  const el = document.createElement(tag);
  if (style) el.setAttribute('style', style);
  parent.append(el);
  return el;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('style');
  delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
});

describe('scrollIntoViewIfNeeded', () => {
  function scrolled(left: number, top: number, width: number, height: number) {
    const el = box(make('div'), left, top, width, height);
    const scroll = vi.fn();
    el.scrollIntoView = scroll;
    scrollIntoViewIfNeeded(el);
    return scroll;
  }

  it('leaves an element that is fully on screen, even touching every edge', () => {
    expect(scrolled(0, 0, VW, VH)).not.toHaveBeenCalled();
    expect(scrolled(100, 100, 50, 20)).not.toHaveBeenCalled();
  });

  it('brings an element cut by any edge to the middle', () => {
    for (const [left, top, width, height] of [[0, -1, 50, 20], [-1, 0, 50, 20], [0, VH - 19, 50, 20], [VW - 49, 0, 50, 20]]) {
      expect(scrolled(left, top, width, height), `${left},${top}`).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'instant' });
    }
  });

  it('shows the start of an element taller than the screen', () => {
    expect(scrolled(0, -10, 50, VH + 1)).toHaveBeenCalledWith({ block: 'start', inline: 'nearest', behavior: 'instant' });
    expect(scrolled(0, -10, 50, VH)).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'instant' });
  });
});

describe('uncoverFromPinnedBars', () => {
  /** What lies at each point, top first; records the points asked. */
  function pointsShow(...stack: Element[]) {
    const asked: Array<[number, number]> = [];
    (document as { elementsFromPoint?: unknown }).elementsFromPoint = (x: number, y: number) => {
      asked.push([x, y]);
      return stack;
    };
    return asked;
  }
  const scrollBy = () => vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);

  it('scrolls the element out from under a fixed header, with room to spare, asking at its left, middle and right', () => {
    const header = box(make('header', document.body, 'position: fixed'), 0, 0, VW, 60);
    const field = box(make('input'), 100, 40, 200, 30);
    const asked = pointsShow(header, field, document.body);
    const scroll = scrollBy();
    uncoverFromPinnedBars(field);
    expect(asked).toEqual([[104, 42], [200, 42], [296, 42]]);
    expect(scroll).toHaveBeenCalledWith({ top: -(20 + 16), behavior: 'instant' });
  });

  it('a sticky bar counts through the element hit inside it; driver.js parts are looked through', () => {
    const bar = make('nav', document.body, 'position: sticky');
    const link = box(make('a', bar), 0, 0, 100, 50);
    const overlay = make('div');
    overlay.className = 'driver-overlay';
    const popover = make('div');
    popover.className = 'driver-popover';
    const inPopover = make('span', popover);
    const field = box(make('input'), 100, 30, 200, 30);
    pointsShow(overlay, popover, inPopover, link, field);
    const scroll = scrollBy();
    uncoverFromPinnedBars(field);
    expect(scroll).toHaveBeenCalledWith({ top: -(50 - 30 + 16), behavior: 'instant' });
  });

  it('takes the lowest of the bars over its three points', () => {
    const left = box(make('div', document.body, 'position: fixed'), 0, 0, 150, 50);
    const right = box(make('div', document.body, 'position: fixed'), 150, 0, 150, 90);
    const field = box(make('input'), 100, 40, 200, 30);
    (document as { elementsFromPoint?: unknown }).elementsFromPoint = (x: number) => [x < 150 ? left : right, field];
    const scroll = scrollBy();
    uncoverFromPinnedBars(field);
    expect(scroll).toHaveBeenCalledWith({ top: -(50 + 16), behavior: 'instant' });
  });

  it('a bar that only touches the top edge, an ordinary element, the element itself or its own parts: no scroll', () => {
    const field = box(make('label'), 100, 60, 200, 30);
    const inside = make('span', field, 'position: fixed');
    const header = box(make('header', document.body, 'position: fixed'), 0, 0, VW, 60);
    const plain = box(make('div'), 0, 0, VW, 80);
    const wrapper = make('div', document.body, 'position: fixed');
    wrapper.append(field);
    const scroll = scrollBy();
    for (const top of [header, plain, field, inside, wrapper]) {
      pointsShow(top);
      uncoverFromPinnedBars(field);
    }
    pointsShow();
    uncoverFromPinnedBars(field);
    expect(scroll).not.toHaveBeenCalled();
  });

  it('the page root being positioned does not make everything a bar', () => {
    document.documentElement.setAttribute('style', 'position: fixed');
    const plain = box(make('div'), 0, 0, VW, 80);
    const field = box(make('input'), 100, 40, 200, 30);
    pointsShow(plain, field);
    const scroll = scrollBy();
    uncoverFromPinnedBars(field);
    expect(scroll).not.toHaveBeenCalled();
  });

  it('asks nothing for an element with no height or off screen, and only at points on screen', () => {
    const header = box(make('header', document.body, 'position: fixed'), 0, 0, VW, 60);
    const asked = pointsShow(header);
    scrollBy();
    for (const [top, height] of [[40, 0], [-31, 30], [VH + 1, 30]]) uncoverFromPinnedBars(box(make('div'), 100, top, 200, height));
    expect(asked).toEqual([]);
    uncoverFromPinnedBars(box(make('div'), 100, -30, 200, 30));
    uncoverFromPinnedBars(box(make('div'), 100, VH, 200, 30));
    expect(asked).toEqual([[104, 0], [200, 0], [296, 0], [104, VH + 2], [200, VH + 2], [296, VH + 2]]);
    asked.length = 0;
    uncoverFromPinnedBars(box(make('div'), -4, 40, VW + 8, 30));
    expect(asked).toEqual([[0, 42], [VW / 2, 42], [VW, 42]]);
    asked.length = 0;
    uncoverFromPinnedBars(box(make('div'), -5, 40, VW + 10, 30));
    expect(asked).toEqual([[VW / 2, 42]]);
  });
});

describe('modalDialogOf', () => {
  it('is the open modal dialog around the element, else nothing', () => {
    const dialog = make('dialog') as HTMLDialogElement;
    const field = make('input', dialog);
    expect(modalDialogOf(field)).toBeNull();
    dialog.setAttribute('open', '');
    // Opened with show(), not showModal(): the page around it stays usable.
    expect(modalDialogOf(field)).toBeNull();
    const matches = dialog.matches.bind(dialog);
    vi.spyOn(dialog, 'matches').mockImplementation((selector) => selector === ':modal' || matches(selector));
    expect(modalDialogOf(field)).toBe(dialog);
    expect(modalDialogOf(dialog)).toBe(dialog);
    dialog.removeAttribute('open');
    expect(modalDialogOf(field)).toBeNull();
    expect(modalDialogOf(make('input'))).toBeNull();
    expect(modalDialogOf(undefined)).toBeNull();
  });
});

describe('letPointerThroughShadowHosts', () => {
  it('lets the pointer through every shadow host around the element, and puts each back as it was', () => {
    const outer = make('x-outer', document.body, 'pointer-events: none !important');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('x-inner');
    inner.style.setProperty('pointer-events', 'none');
    outerRoot.append(inner);
    const button = document.createElement('button');
    inner.attachShadow({ mode: 'open' }).append(button);
    const undo = letPointerThroughShadowHosts(button);
    for (const host of [outer, inner]) {
      expect(host.style.getPropertyValue('pointer-events')).toBe('auto');
      expect(host.style.getPropertyPriority('pointer-events')).toBe('important');
    }
    undo();
    expect(outer.style.getPropertyValue('pointer-events')).toBe('none');
    expect(outer.style.getPropertyPriority('pointer-events')).toBe('important');
    expect(inner.style.getPropertyValue('pointer-events')).toBe('none');
    expect(inner.style.getPropertyPriority('pointer-events')).toBe('');
  });

  it('touches nothing for an element in the page itself', () => {
    const button = make('button');
    const undo = letPointerThroughShadowHosts(button);
    expect(document.body.getAttribute('style')).toBeNull();
    undo();
    expect(document.body.getAttribute('style')).toBeNull();
  });
});
