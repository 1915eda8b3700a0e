import { prng } from '../stats';

/**
 * Page-side probe for the bench with the built extension running on the page. The extension's content
 * script lives in its own world; the page only sees what it does to the DOM: the overlay marks the
 * highlighted element with `driver-active-element`. Each moment is also a performance.mark, so the
 * bench finds in Chromium's trace the frame that painted it (scripts/bench/paint-trace.ts).
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isHighlighted = (root: Element) => root.matches('.driver-active-element') || root.querySelector('.driver-active-element') !== null;

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
 * a random moment (not phase-locked to frames) and answers insert → `driver-active-element` set
 * inside it (seen by a page MutationObserver), then removes the list and lets the step go back to
 * waiting. Marks `bench:hl:start:i` at the insert and `bench:hl:done:i` when the highlight is in.
 */
export async function measureInsertToHighlight(parent: Element, samples: number, seed = 11): Promise<number[]> {
  const random = prng(seed);
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await sleep(150 + random() * 150);
    const list = resultsList(i);
    const seen = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!isHighlighted(list)) return;
        observer.disconnect();
        performance.mark(`bench:hl:done:${i}`);
        resolve(performance.now());
      });
      observer.observe(list, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    const t0 = performance.now();
    performance.mark(`bench:hl:start:${i}`);
    parent.prepend(list);
    const inDom = await Promise.race([seen, sleep(10_000).then(() => NaN)]);
    if (Number.isNaN(inDom)) throw new Error(`sample ${i}: the extension did not highlight the inserted results within 10 s`);
    out.push(inDom - t0);
    await sleep(50);
    list.remove();
  }
  return out;
}

/**
 * The floor under the highlight figure: the same page and insertions with no extension, each marked
 * inserted and "done" at once, so the trace gives insert → the frame that paints the insert.
 */
export async function markInsertions(parent: Element, samples: number, seed = 11): Promise<void> {
  const random = prng(seed);
  for (let i = 0; i < samples; i++) {
    await sleep(150 + random() * 150);
    const list = resultsList(i);
    performance.mark(`bench:floor:start:${i}`);
    parent.prepend(list);
    performance.mark(`bench:floor:done:${i}`);
    await sleep(50);
    list.remove();
  }
}
