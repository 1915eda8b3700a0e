// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SAFETY_MS, SAFETY_MS, waitForElement, WaitTimeout } from '../../engine/wait';

beforeAll(() => {
  // jsdom only has requestAnimationFrame with pretendToBeVisual; shim it otherwise.
  if (typeof window.requestAnimationFrame !== 'function') {
    window.requestAnimationFrame = (cb) => setTimeout(() => cb(performance.now()), 0) as unknown as number;
    window.cancelAnimationFrame = (id) => clearTimeout(id);
  }
});

beforeEach(() => {
  const app = document.createElement('main');
  app.id = 'app';
  document.body.replaceChildren(app);
});

afterEach(() => {
  vi.useRealTimers();
});

const frame = () => new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function add(id: string, parent = document.getElementById('app')!): HTMLElement {
  const el = document.createElement('div');
  el.id = id;
  parent.append(el);
  return el;
}

/** A find() that counts its calls. */
function finder(selector: string) {
  const fn = vi.fn(() => document.querySelector(selector));
  return fn;
}

describe('waitForElement', () => {
  it('resolves at once, without observing, when the element is already there', async () => {
    const el = add('ready');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const find = finder('#ready');
    await expect(waitForElement(find, { signal: new AbortController().signal, timeoutMs: 1000 })).resolves.toBe(el);
    expect(find).toHaveBeenCalledTimes(1);
    expect(observe).not.toHaveBeenCalled();
  });

  it('resolves when the element is inserted later', async () => {
    const find = finder('#late');
    const waiting = waitForElement(find, { signal: new AbortController().signal, timeoutMs: 2000 });
    await sleep(5);
    const el = add('late');
    await expect(waiting).resolves.toBe(el);
  });

  it('notices an attribute change that makes find succeed', async () => {
    const el = add('x');
    const find = finder('#x[aria-expanded=true]');
    const waiting = waitForElement(find, { signal: new AbortController().signal });
    el.setAttribute('aria-expanded', 'true');
    await expect(waiting).resolves.toBe(el);
  });

  it('looks at most once per animation frame however many mutations happen', async () => {
    const find = finder('#target');
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal });
    for (let i = 0; i < 50; i++) add(`noise-${i}`);
    await frame();
    await frame();
    expect(find).toHaveBeenCalledTimes(2); // the first look, then one for the whole burst
    add('target');
    await expect(waiting).resolves.toBe(document.getElementById('target'));
    expect(find).toHaveBeenCalledTimes(3);
  });

  it('does not poll while the page is quiet', async () => {
    const find = finder('#never');
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal }).catch(() => 'aborted');
    await sleep(80);
    expect(find).toHaveBeenCalledTimes(1);
    controller.abort();
    await waiting;
  });

  it('rejects with WaitTimeout after timeoutMs', async () => {
    const find = finder('#never');
    const started = Date.now();
    const error = await waitForElement(find, { signal: new AbortController().signal, timeoutMs: 40 }).catch((e) => e);
    expect(error).toBeInstanceOf(WaitTimeout);
    expect(error).toMatchObject({ name: 'WaitTimeout', timeoutMs: 40 });
    expect(error.message).toContain('40 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('rejects with WaitTimeout under fake timers without waiting for real time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const waiting = waitForElement(finder('#never'), { signal: new AbortController().signal, timeoutMs: 30_000 });
    const settled = vi.fn();
    waiting.then(settled, settled);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).rejects.toBeInstanceOf(WaitTimeout);
  });

  it('takes one last look at the timeout before giving up', async () => {
    let ready = false;
    const el = add('quiet');
    const find = vi.fn(() => (ready ? el : null));
    const waiting = waitForElement(find, { signal: new AbortController().signal, timeoutMs: 30 });
    ready = true; // no DOM mutation announces it
    await expect(waiting).resolves.toBe(el);
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = waitForElement(finder('#never'), { signal: controller.signal, timeoutMs: 5000 });
    const reason = new Error('tour closed');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('rejects at once, without looking, when the signal is already aborted', async () => {
    add('ready');
    const find = finder('#ready');
    const controller = new AbortController();
    controller.abort('gone');
    await expect(waitForElement(find, { signal: controller.signal })).rejects.toBe('gone');
    expect(find).not.toHaveBeenCalled();
  });

  it('waits without a timeout until the element comes', async () => {
    const find = finder('#sms');
    const waiting = waitForElement(find, { signal: new AbortController().signal });
    await sleep(50);
    const el = add('sms');
    await expect(waiting).resolves.toBe(el);
  });

  it('observes the document it is given', async () => {
    const other = document.implementation.createHTMLDocument('other');
    const find = vi.fn(() => other.querySelector('#there'));
    const waiting = waitForElement(find, { signal: new AbortController().signal, timeoutMs: 2000, doc: other });
    const el = other.createElement('p');
    el.id = 'there';
    other.body.append(el);
    await expect(waiting).resolves.toBe(el);
  });
});

describe('waitForElement cleanup', () => {
  async function expectNoMoreLooks(find: ReturnType<typeof vi.fn>) {
    const calls = find.mock.calls.length;
    for (let i = 0; i < 5; i++) add(`after-${i}`);
    await frame();
    await frame();
    await sleep(60);
    expect(find).toHaveBeenCalledTimes(calls);
  }

  it('disconnects its observer once the element is found', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const find = finder('#late');
    const waiting = waitForElement(find, { signal: new AbortController().signal, timeoutMs: 50 });
    add('late');
    await waiting;
    expect(disconnect).toHaveBeenCalledTimes(1);
    await expectNoMoreLooks(find); // the 50 ms timer was cleared too
  });

  it('stops looking after a timeout', async () => {
    const find = finder('#never');
    await waitForElement(find, { signal: new AbortController().signal, timeoutMs: 20 }).catch(() => undefined);
    await expectNoMoreLooks(find);
  });

  it('stops looking, and clears its timer, after an abort', async () => {
    const find = finder('#never');
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal, timeoutMs: 30 }).catch(() => undefined);
    add('noise'); // schedules a frame that must be cancelled
    controller.abort();
    await waiting;
    await expectNoMoreLooks(find);
  });

  it('removes its abort listener once settled', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const waiting = waitForElement(finder('#late'), { signal: controller.signal });
    add('late');
    await waiting;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('waitForElement on a page that never stops changing', () => {
  it('keeps its lookups within the main-thread budget (bucket of BURST_MS refilled at LOOKUP_BUDGET)', async () => {
    const { BURST_MS, LOOKUP_BUDGET } = await import('../../engine/wait');
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const COST = 3;
    const find = vi.fn(() => {
      clock += COST; // each lookup "takes" 3 ms of main thread
      return null;
    });
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal }).catch(() => undefined);
    const ticker = add('ticker');
    const WALL = 1000;
    for (let t = 0; t < WALL; t += 16) {
      ticker.textContent = String(t); // a mutation every frame
      clock += 16;
      await sleep(0);
      await sleep(0);
    }
    controller.abort();
    await waiting;
    // The first look is not charged to the bucket (it runs once); every look after it is.
    const spent = (find.mock.calls.length - 1) * COST;
    expect(spent).toBeLessThanOrEqual(BURST_MS + LOOKUP_BUDGET * clock + COST);
    // …and it did keep looking, rather than giving up.
    expect(find.mock.calls.length).toBeGreaterThan(BURST_MS / COST);
  });
});

describe('waitForElement with a relevance test', () => {
  it('runs no lookup for batches that cannot matter, then one when a batch can', async () => {
    const find = finder('#wanted');
    const controller = new AbortController();
    const waiting = waitForElement(find, {
      signal: controller.signal,
      mayMatter: (records) => records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.id === 'wanted')),
    });
    for (let i = 0; i < 5; i++) {
      add(`noise-${i}`);
      await frame();
      await frame();
    }
    expect(find).toHaveBeenCalledTimes(1);
    const el = add('wanted');
    await expect(waiting).resolves.toBe(el);
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('a costly safety look does not make the look a relevant batch asks for wait behind it', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const find = vi.fn(() => {
      clock += 40; // far over BURST_MS: a charged look would space the next one out by seconds
      return document.getElementById('wanted');
    });
    const controller = new AbortController();
    let found: Element | undefined;
    const waiting = waitForElement(find, {
      signal: controller.signal,
      mayMatter: (records) => records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.id === 'wanted')),
    }).then((el) => (found = el));
    clock += SAFETY_MS;
    add('noise'); // a batch that cannot matter, but SAFETY_MS have passed: a safety look
    await frame();
    await frame();
    expect(find).toHaveBeenCalledTimes(2);
    const el = add('wanted');
    await frame();
    await frame();
    expect(found).toBe(el);
    controller.abort();
    await waiting;
  });

  it('spaces its safety looks out while they find nothing (SAFETY_MS, then twice as long, up to MAX_SAFETY_MS)', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const find = finder('#never');
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal, mayMatter: () => false }).catch(() => undefined);
    const looksAt = async (at: number) => {
      clock = at;
      const before = find.mock.calls.length;
      add(`noise-${at}`);
      await frame();
      await frame();
      return find.mock.calls.length - before;
    };
    expect(await looksAt(SAFETY_MS)).toBe(1);
    expect(await looksAt(SAFETY_MS * 3 - 1)).toBe(0);
    expect(await looksAt(SAFETY_MS * 3)).toBe(1);
    expect(await looksAt(SAFETY_MS * 7)).toBe(1);
    expect(await looksAt(SAFETY_MS * 7 + MAX_SAFETY_MS - 1)).toBe(0);
    expect(await looksAt(SAFETY_MS * 7 + MAX_SAFETY_MS)).toBe(1);
    controller.abort();
    await waiting;
    vi.restoreAllMocks();
  });

  it(`still looks once SAFETY_MS (${SAFETY_MS} ms) have passed while the page keeps changing`, async () => {
    const find = finder('#shown');
    const controller = new AbortController();
    const el = add('hidden-until-later');
    const waiting = waitForElement(find, { signal: controller.signal, mayMatter: () => false });
    el.id = 'shown';
    await sleep(SAFETY_MS + 50);
    add('noise');
    await expect(waiting).resolves.toBe(el);
  });
});

/**
 * A page the test drives: a clock (`pass` moves wall time and runs the timers due; a lookup's cost
 * moves it too), and animation frames that are painted only when the test says so.
 */
function drivenPage() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const frames = new Map<number, FrameRequestCallback>();
  let ids = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
    frames.set(++ids, cb);
    return ids;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => frames.delete(id));
  return {
    /** main-thread time a lookup takes */
    spend: (ms: number) => (clock += ms),
    async pass(ms: number) {
      clock += ms;
      await vi.advanceTimersByTimeAsync(ms);
    },
    /** delivers pending mutation records, then paints one frame */
    async paint() {
      await Promise.resolve();
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb(clock);
      await Promise.resolve();
    },
  };
}

describe('waitForElement, frame by frame', () => {
  it('looks in the very next frame after a change while it has budget', async () => {
    const page = drivenPage();
    const find = finder('#target');
    let found: Element | undefined;
    void waitForElement(find, { signal: new AbortController().signal }).then((el) => (found = el));
    const el = add('target');
    await page.paint();
    expect(found).toBe(el);
  });

  it('does not charge its first look to the budget: a costly first look does not delay the next', async () => {
    const page = drivenPage();
    const find = vi.fn(() => {
      page.spend(100); // far over BURST_MS
      return document.getElementById('wanted');
    });
    let found: Element | undefined;
    void waitForElement(find, { signal: new AbortController().signal }).then((el) => (found = el));
    const el = add('wanted');
    await page.paint();
    expect(found).toBe(el);
  });

  it('on a page that mutates every frame, keeps looking at the pace its budget refills', async () => {
    const { BURST_MS, LOOKUP_BUDGET } = await import('../../engine/wait');
    const page = drivenPage();
    const COST = 3;
    const find = vi.fn(() => {
      page.spend(COST);
      return null;
    });
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal }).catch(() => undefined);
    const ticker = add('ticker');
    const WALL = 10_000;
    for (let t = 0; t < WALL; t += 16) {
      ticker.textContent = String(t);
      await page.paint();
      await page.pass(16);
    }
    controller.abort();
    await waiting;
    const spent = (find.mock.calls.length - 1) * COST; // the first look is not charged
    const budget = BURST_MS + LOOKUP_BUDGET * (WALL + spent);
    expect(spent).toBeLessThanOrEqual(budget + COST);
    expect(spent).toBeGreaterThanOrEqual(budget - 2 * COST);
  });

  it('cancels the frame it asked for when the signal aborts', async () => {
    const page = drivenPage();
    const find = finder('#never');
    const controller = new AbortController();
    const waiting = waitForElement(find, { signal: controller.signal }).catch(() => undefined);
    add('noise');
    await Promise.resolve(); // the batch is delivered: a frame is requested
    controller.abort();
    await waiting;
    await page.paint();
    expect(find).toHaveBeenCalledTimes(1);
  });
});
