import { createOverlay } from '../../../engine/overlay';
import { mayMatterFor } from '../../../engine/relevance';
import { resolveTarget } from '../../../engine/resolve';
import { waitForElement } from '../../../engine/wait';
import { prng } from '../stats';

export interface LatencySample {
  /** insert → overlay.show() returned (highlight drawn into the DOM) */
  drawn: number;
  /** insert → rendering of that frame done on the main thread (a message posted after show) */
  painted: number;
  /** insert → the next requestAnimationFrame callback */
  nextFrame: number;
  /** insert → the first frame boundary after it (the waiter looks once per frame) */
  insertToFrame: number;
  /** insert → the lookup that found the button returned */
  found: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const afterRendering = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });

/**
 * For each sample: wait for a button that is absent, insert it after a random 0–30 ms delay (so the
 * insertion is not phase-locked to frames), and time insert → highlight drawn → next frame.
 */
export async function measureLatency(slot: Element, samples: number, seed = 7): Promise<LatencySample[]> {
  const random = prng(seed);
  const overlay = createOverlay();
  const out: LatencySample[] = [];
  for (let i = 0; i < samples; i++) {
    const controller = new AbortController();
    let foundAt = 0;
    const find = () => {
      const element = resolveTarget({ role: 'button', name: 'Nộp hồ sơ' }, document).element;
      foundAt = performance.now();
      return element;
    };
    const waiting = waitForElement(find, { signal: controller.signal, mayMatter: mayMatterFor({ role: 'button', name: 'Nộp hồ sơ' }) });
    await sleep(random() * 30);
    const button = document.createElement('button');
    button.type = 'submit';
    button.className = 'btn btn-primary';
    button.textContent = 'Nộp hồ sơ';
    let frameStart = 0;
    requestAnimationFrame(() => (frameStart = performance.now()));
    const t0 = performance.now();
    slot.prepend(button);
    const element = await waiting;
    overlay.show({ element, text: 'Bấm “Nộp hồ sơ” để gửi hồ sơ.', onClose() {} });
    const t1 = performance.now();
    const [painted, t2] = await Promise.all([afterRendering(), nextFrame()]);
    out.push({ drawn: t1 - t0, painted: painted - t0, nextFrame: t2 - t0, insertToFrame: frameStart - t0, found: foundAt - t0 });
    overlay.hide();
    button.remove();
    controller.abort();
    window.scrollTo(0, 0);
    await nextFrame();
  }
  return out;
}
