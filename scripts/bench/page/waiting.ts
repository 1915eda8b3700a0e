import { resolveTarget } from '../../../engine/resolve';
import { waitForElement } from '../../../engine/wait';

/**
 * A page that never stops changing (a live clock and counters in 50 cells, a "recent dossiers" table
 * that gains a row and loses its oldest every animation frame), and a waiter for a button that never
 * appears, whose lookups are timed one by one.
 */
export interface WaitCounters {
  now: number;
  frames: number;
  lookups: number;
  lookupMs: number;
  waiterSettled: boolean;
}

const state = { frames: 0, lookups: 0, lookupMs: 0, waiterSettled: false };
let waiter: AbortController | undefined;

let mutator: { tick: () => void; running: boolean; wanted: boolean } | undefined;

export function stopMutator(): void {
  if (mutator) mutator.wanted = false;
}

/** Starts (or resumes) the page's changes: one section of ticking cells and a live table, built once. */
export function startMutator(parent: Element): void {
  if (!mutator) {
    const ticker = document.createElement('section');
    ticker.setAttribute('aria-label', 'Số liệu trực tuyến');
    const cells = Array.from({ length: 50 }, () => ticker.appendChild(document.createElement('span')));
    const table = ticker.appendChild(document.createElement('table'));
    const body = table.appendChild(document.createElement('tbody'));
    parent.prepend(ticker);
    let row = 0;
    const self = {
      running: false,
      wanted: false,
      tick() {
        if (!self.wanted) {
          self.running = false;
          return;
        }
        state.frames++;
        const now = new Date();
        cells.forEach((cell, i) => (cell.textContent = `${now.toLocaleTimeString('vi-VN')} · ${(state.frames * 7 + i * 13) % 100000} hồ sơ `));
        const tr = body.insertRow(0);
        for (const text of [`H${String(row++).padStart(8, '0')}`, 'Đăng ký khai sinh', 'Đã tiếp nhận']) tr.insertCell().textContent = text;
        if (body.rows.length > 20) body.deleteRow(-1);
        requestAnimationFrame(self.tick);
      },
    };
    mutator = self;
  }
  mutator.wanted = true;
  if (!mutator.running) {
    mutator.running = true;
    requestAnimationFrame(mutator.tick);
  }
}

export function startWaiter(): void {
  waiter?.abort();
  waiter = new AbortController();
  const find = () => {
    const t = performance.now();
    const element = resolveTarget({ role: 'button', name: 'Không bao giờ có' }, document).element;
    state.lookupMs += performance.now() - t;
    state.lookups++;
    return element;
  };
  waitForElement(find, { signal: waiter.signal }).then(
    () => (state.waiterSettled = true),
    (error: unknown) => (state.waiterSettled = !(error instanceof DOMException && error.name === 'AbortError')),
  );
}

export function stopWaiter(): void {
  waiter?.abort();
}

export function counters(): WaitCounters {
  return { now: performance.now(), ...state };
}
