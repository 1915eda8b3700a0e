// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onDomChange, onTrusted, watchErrors, watchRemoval } from '../../engine/step-guards';
import { MAX_SAFETY_MS, SAFETY_MS } from '../../engine/wait';

// jsdom has no layout: an element counts as shown unless it or an ancestor is [hidden].
vi.mock('../../engine/visibility', () => ({ isRendered: (el: Element) => !el.closest('[hidden]') }));

/** Animation frames run only when the test says so, so "once per frame" can be counted. */
const frames = new Map<number, FrameRequestCallback>();
let lastFrame = 0;
const requestFrame = vi.fn((cb: FrameRequestCallback) => {
  frames.set(++lastFrame, cb);
  return lastFrame;
});
const cancelFrame = vi.fn((id: number) => void frames.delete(id));
function runFrames() {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(0);
}
/** Lets the MutationObserver deliver its batch. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

let clock = 0;
const controllers: AbortController[] = [];
function lifetime() {
  const controller = new AbortController();
  controllers.push(controller);
  return controller;
}

/** A document of its own (no window of its own either), so no test shares an observer with another. */
function freshDocument(html = '<main><p id="a">Một</p><p id="b">Hai</p></main>') {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return doc;
}

beforeEach(() => {
  frames.clear();
  requestFrame.mockClear();
  cancelFrame.mockClear();
  window.requestAnimationFrame = requestFrame;
  window.cancelAnimationFrame = cancelFrame;
  clock = 0;
  vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
});

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  vi.restoreAllMocks();
});

describe('onDomChange: one shared observer, one look per frame', () => {
  it('keeps the observer and its index when a step is drawn again: every watcher dropped and new ones added in the same task', async () => {
    const doc = freshDocument();
    const first = lifetime();
    onDomChange(() => {}, first.signal, doc);
    const scans = vi.spyOn(doc, 'querySelectorAll');
    first.abort();
    const check = vi.fn();
    onDomChange(check, lifetime().signal, doc);
    await delivered();
    expect(scans.mock.calls.filter(([selector]) => selector === '*'), 'the page is not scanned again').toHaveLength(0);
    doc.getElementById('a')!.textContent = 'Ba';
    await delivered();
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('runs a watcher that can wait once the frame is painted, not inside it', async () => {
    const doc = freshDocument();
    const check = vi.fn();
    onDomChange(check, lifetime().signal, doc, undefined, true);
    doc.getElementById('a')!.textContent = 'Ba';
    await delivered();
    runFrames();
    expect(check, 'not in the frame').not.toHaveBeenCalled();
    await delivered();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('a watcher that can wait, stopped between the frame and its turn, does not run', async () => {
    const doc = freshDocument();
    const check = vi.fn();
    const watch = lifetime();
    onDomChange(check, watch.signal, doc, undefined, true);
    doc.getElementById('a')!.textContent = 'Ba';
    await delivered();
    runFrames();
    watch.abort();
    await delivered();
    expect(check).not.toHaveBeenCalled();
  });

  it('stops observing once the last watcher is gone for good', async () => {
    const doc = freshDocument();
    const watch = lifetime();
    onDomChange(() => {}, watch.signal, doc);
    watch.abort();
    await delivered();
    const scans = vi.spyOn(doc, 'querySelectorAll');
    onDomChange(() => {}, lifetime().signal, doc);
    expect(scans.mock.calls.filter(([selector]) => selector === '*'), 'a new observer scans the page afresh').toHaveLength(1);
  });

  it('looks once for a burst of changes, in the next frame, and again after a later change', async () => {
    const doc = freshDocument();
    const check = vi.fn();
    onDomChange(check, lifetime().signal, doc);
    expect(check).not.toHaveBeenCalled();
    doc.body.append(doc.createElement('div'));
    await delivered();
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(requestFrame).toHaveBeenCalledTimes(1);
    expect(check).not.toHaveBeenCalled();
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);
    doc.getElementById('a')!.textContent = 'Ba';
    await delivered();
    expect(requestFrame).toHaveBeenCalledTimes(2);
    runFrames();
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('watches the document of the page too (which has a window of its own)', async () => {
    document.body.replaceChildren(document.createElement('main'));
    const check = vi.fn();
    onDomChange(check, lifetime().signal);
    document.querySelector('main')!.append('Xin chào');
    await delivered();
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('a batch that cannot matter runs nothing, but a safety look comes once SAFETY_MS has passed', async () => {
    const doc = freshDocument();
    const check = vi.fn();
    const mayMatter = vi.fn((_records: readonly MutationRecord[]) => false);
    onDomChange(check, lifetime().signal, doc, mayMatter);
    clock = SAFETY_MS - 1;
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(mayMatter).toHaveBeenCalledTimes(1);
    expect(mayMatter.mock.calls[0][0][0]).toMatchObject({ type: 'childList', target: doc.body });
    expect(requestFrame).not.toHaveBeenCalled();
    runFrames();
    expect(check).not.toHaveBeenCalled();

    clock = SAFETY_MS;
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);

    // The safety look counts from the last run, not from the start.
    clock = SAFETY_MS + SAFETY_MS / 2;
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);

    mayMatter.mockReturnValue(true);
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('safety looks space out while they find nothing, up to MAX_SAFETY_MS, and a batch that may matter starts the spacing again', async () => {
    const doc = freshDocument();
    const check = vi.fn();
    let relevant = false;
    onDomChange(check, lifetime().signal, doc, () => relevant);
    /** A batch at `at` ms; returns whether it brought a run. */
    const batchAt = async (at: number) => {
      clock = at;
      const before = check.mock.calls.length;
      doc.body.append(doc.createElement('div'));
      await delivered();
      runFrames();
      return check.mock.calls.length > before;
    };
    // Looks at 3 s, then 6 s later (9 s), then 12 s later (21 s), then never more than 12 s apart.
    const expected: Array<[number, boolean]> = [
      [SAFETY_MS, true],
      [SAFETY_MS * 3 - 1, false],
      [SAFETY_MS * 3, true],
      [SAFETY_MS * 7 - 1, false],
      [SAFETY_MS * 7, true],
      [SAFETY_MS * 7 + MAX_SAFETY_MS - 1, false],
      [SAFETY_MS * 7 + MAX_SAFETY_MS, true],
      [SAFETY_MS * 7 + MAX_SAFETY_MS * 2, true],
    ];
    for (const [at, runs] of expected) expect([at, await batchAt(at)]).toEqual([at, runs]);
    const last = SAFETY_MS * 7 + MAX_SAFETY_MS * 2;
    relevant = true;
    expect(await batchAt(last + 1)).toBe(true);
    relevant = false;
    expect(await batchAt(last + 1 + SAFETY_MS - 1)).toBe(false);
    expect(await batchAt(last + 1 + SAFETY_MS)).toBe(true);
  });

  it('the shared observer does not read the node lists of cells that only gained text (no shadow root can come that way)', async () => {
    const doc = freshDocument();
    const cells = Array.from({ length: 10 }, () => doc.body.appendChild(doc.createElement('span')));
    const mayMatter = vi.fn((_records: readonly MutationRecord[]) => false);
    onDomChange(() => {}, lifetime().signal, doc, mayMatter);
    await delivered();
    const nodeLists = vi.spyOn(MutationRecord.prototype, 'addedNodes', 'get');
    cells.forEach((cell, i) => (cell.textContent = `10:00:0${i}`));
    await delivered();
    expect(mayMatter).toHaveBeenCalledTimes(1);
    expect(nodeLists).not.toHaveBeenCalled();
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(nodeLists).toHaveBeenCalled();
  });

  it('a watcher already due is not asked again before its frame', async () => {
    const doc = freshDocument();
    const mayMatter = vi.fn(() => true);
    const check = vi.fn();
    onDomChange(check, lifetime().signal, doc, mayMatter);
    doc.body.append(doc.createElement('div'));
    await delivered();
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(mayMatter).toHaveBeenCalledTimes(1);
    runFrames();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('each watcher runs only when its own relevance accepts the batch', async () => {
    const doc = freshDocument();
    const deaf = vi.fn();
    const listening = vi.fn();
    onDomChange(deaf, lifetime().signal, doc, () => false);
    onDomChange(listening, lifetime().signal, doc);
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(deaf).not.toHaveBeenCalled();
    expect(listening).toHaveBeenCalledTimes(1);
  });

  it('an already ended step registers nothing', async () => {
    const doc = freshDocument();
    const ended = new AbortController();
    ended.abort();
    const check = vi.fn();
    onDomChange(check, ended.signal, doc);
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(check).not.toHaveBeenCalled();
    expect(requestFrame).not.toHaveBeenCalled();
  });

  it('ending one watcher leaves the others; ending the last stops the observer and its pending frame', async () => {
    const doc = freshDocument();
    const first = lifetime();
    const second = lifetime();
    const one = vi.fn();
    const two = vi.fn();
    onDomChange(one, first.signal, doc);
    onDomChange(two, second.signal, doc);
    doc.body.append(doc.createElement('div'));
    await delivered();
    first.abort();
    runFrames();
    expect(one).not.toHaveBeenCalled();
    expect(two).toHaveBeenCalledTimes(1);

    doc.body.append(doc.createElement('div'));
    await delivered();
    const pending = requestFrame.mock.results.at(-1)!.value as number;
    second.abort();
    expect(cancelFrame).toHaveBeenCalledWith(pending);
    runFrames();
    expect(two).toHaveBeenCalledTimes(1);
    const framesSoFar = requestFrame.mock.calls.length;
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(requestFrame).toHaveBeenCalledTimes(framesSoFar);

    // A later step on the same document gets a working observer again.
    const three = vi.fn();
    onDomChange(three, lifetime().signal, doc);
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(three).toHaveBeenCalledTimes(1);
    expect(two).toHaveBeenCalledTimes(1);
  });

  it('a watcher ended by another one during the frame does not run', async () => {
    const doc = freshDocument();
    const later = lifetime();
    const skipped = vi.fn();
    onDomChange(() => later.abort(), lifetime().signal, doc);
    onDomChange(skipped, later.signal, doc);
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(skipped).not.toHaveBeenCalled();
  });
});

describe('watchErrors', () => {
  it('a step with no error to watch for puts no watcher on the page, not even for safety looks', async () => {
    const doc = freshDocument('<main><p role="alert">Lỗi</p></main>');
    const onError = vi.fn();
    watchErrors([], lifetime().signal, onError, doc);
    clock = SAFETY_MS;
    doc.body.append(doc.createElement('div'));
    await delivered();
    expect(requestFrame).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('watchRemoval', () => {
  it('tells once that the element left the page, and not for changes elsewhere', async () => {
    const doc = freshDocument();
    const target = doc.getElementById('a')!;
    const onGone = vi.fn();
    watchRemoval(target, lifetime().signal, onGone);
    doc.getElementById('b')!.setAttribute('class', 'x');
    doc.body.append(doc.createElement('div'));
    await delivered();
    runFrames();
    expect(onGone).not.toHaveBeenCalled();
    target.remove();
    await delivered();
    runFrames();
    expect(onGone).toHaveBeenCalledTimes(1);
    doc.getElementById('b')!.remove();
    await delivered();
    runFrames();
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('an element still on the page but hidden counts as gone', async () => {
    const doc = freshDocument();
    const onGone = vi.fn();
    watchRemoval(doc.getElementById('a')!, lifetime().signal, onGone);
    doc.querySelector('main')!.setAttribute('hidden', '');
    await delivered();
    runFrames();
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('a re-render that keeps the element shown is not a removal', async () => {
    const doc = freshDocument();
    const target = doc.getElementById('a')!;
    const onGone = vi.fn();
    watchRemoval(target, lifetime().signal, onGone);
    target.setAttribute('class', 'active');
    await delivered();
    runFrames();
    expect(onGone).not.toHaveBeenCalled();
  });
});

describe('onTrusted: which events count as the citizen’s', () => {
  // jsdom cannot make a trusted event: the listener is taken from the document and given event-like objects.
  function listenerFor(element: Element) {
    const add = vi.spyOn(element.ownerDocument, 'addEventListener');
    const heard: Event[] = [];
    const signal = lifetime().signal;
    onTrusted(element, 'click', (event) => heard.push(event), signal);
    expect(add).toHaveBeenCalledTimes(1);
    const [type, listener, options] = add.mock.calls[0];
    expect(type).toBe('click');
    // Capture phase, so a page that stops propagation cannot hide the click; gone with the step.
    expect(options).toEqual({ capture: true, signal });
    const fire = (isTrusted: boolean, path: EventTarget[]) => {
      const event = { isTrusted, composedPath: () => path } as unknown as Event;
      (listener as (event: Event) => void)(event);
      return event;
    };
    return { heard, fire };
  }

  it('a person’s click on the element or inside it counts; a script’s, or one elsewhere, does not', () => {
    const doc = freshDocument('<button id="b"><span id="in">Tìm kiếm</span></button><button id="other">Khác</button>');
    const button = doc.getElementById('b')!;
    const { heard, fire } = listenerFor(button);
    const inside = fire(true, [doc.getElementById('in')!, button, doc.body, doc]);
    const onIt = fire(true, [button, doc.body, doc]);
    fire(true, [doc.getElementById('other')!, doc.body, doc]);
    fire(false, [button, doc.body, doc]);
    expect(heard).toEqual([inside, onIt]);
  });
});
