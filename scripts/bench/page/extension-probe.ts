import { prng } from '../stats';

/**
 * Page-side probe for the bench with the built extension running on the page. The extension's content
 * script lives in its own world; the page only sees what it does to the DOM: driver.js marks the
 * highlighted element with `driver-active-element`.
 *
 * Frame clock: every frame's rAF callback posts a task; a posted task runs after that frame's
 * rendering, so the first such task after the highlight marks the first frame painted with it.
 */
const rendered: number[] = [];
let ticking = false;

function startFrameClock() {
  if (ticking) return;
  ticking = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    rendered.push(performance.now());
    if (rendered.length > 600) rendered.splice(0, 300);
  };
  const tick = () => {
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function firstRenderedAfter(t: number): Promise<number> {
  return new Promise((resolve) => {
    const look = () => {
      const hit = rendered.find((r) => r >= t);
      if (hit !== undefined) resolve(hit);
      else setTimeout(look, 5);
    };
    look();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isHighlighted = (root: Element) => root.matches('.driver-active-element') || root.querySelector('.driver-active-element') !== null;

export interface HighlightSample {
  /** insert → `driver-active-element` set inside the inserted results (seen by a page MutationObserver) */
  inDom: number;
  /** insert → first frame rendered after that */
  painted: number;
}

function resultsList(n: number): HTMLElement {
  const list = document.createElement('ul');
  list.setAttribute('aria-label', 'Kết quả tìm kiếm');
  list.className = `ket-qua-${n.toString(36)}`;
  for (const [i, name] of ['Cấp đổi giấy phép lái xe', 'Đăng ký khai sinh', 'Cấp phiếu lý lịch tư pháp'].entries()) {
    const item = list.appendChild(document.createElement('li'));
    const link = item.appendChild(document.createElement('a'));
    link.href = `/thu-tuc-hanh-chinh/${n}-${i}`;
    link.textContent = name;
  }
  return list;
}

/**
 * While the extension waits for the find-procedure tour's results step, inserts the results list at
 * a random moment (not phase-locked to frames), times insert → highlight, then removes the list and
 * lets the step go back to waiting.
 */
export async function measureInsertToHighlight(parent: Element, samples: number, seed = 11): Promise<HighlightSample[]> {
  startFrameClock();
  const random = prng(seed);
  const out: HighlightSample[] = [];
  for (let i = 0; i < samples; i++) {
    await sleep(150 + random() * 150);
    const list = resultsList(i);
    const seen = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!isHighlighted(list)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(list, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    const t0 = performance.now();
    parent.prepend(list);
    const inDom = await Promise.race([seen, sleep(10_000).then(() => NaN)]);
    if (Number.isNaN(inDom)) throw new Error(`sample ${i}: the extension did not highlight the inserted results within 10 s`);
    const painted = await firstRenderedAfter(inDom);
    out.push({ inDom: inDom - t0, painted: painted - t0 });
    list.remove();
  }
  return out;
}
