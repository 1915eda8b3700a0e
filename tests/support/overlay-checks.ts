import { expect, type Frame, type Page } from '@playwright/test';
import { HIGHLIGHTED } from './citizen';

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  laptop: { width: 1366, height: 768 },
  /** 1366×768 at 200% zoom: the same page laid out in half the CSS pixels */
  zoom200: { width: 683, height: 384 },
} as const;

/**
 * What a citizen needs at every step: the highlighted element's visible box and its centre are not
 * under the popover (a real click at the centre reaches it), no password or code box is covered,
 * the popover fits inside the window, and each of its visible buttons is a 44 × 44 px tap target.
 */
export async function expectTargetUncovered(page: Page | Frame, label: string): Promise<void> {
  const popover = page.locator('.danbuoc-popover');
  await expect(popover).toBeVisible();
  // The first frame after a step change may still be placing: wait for two animation frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const report = await page.evaluate((selector) => {
    const pop = document.querySelector('.danbuoc-popover')!.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = innerHeight;
    const overlapping = (r: DOMRect) => {
      const left = Math.max(r.left, 0), top = Math.max(r.top, 0), right = Math.min(r.right, vw), bottom = Math.min(r.bottom, vh);
      if (right <= left || bottom <= top) return { visible: false, overlap: false, cx: 0, cy: 0 };
      const overlap = pop.left < right - 0.5 && left < pop.right - 0.5 && pop.top < bottom - 0.5 && top < pop.bottom - 0.5;
      return { visible: true, overlap, cx: (left + right) / 2, cy: (top + bottom) / 2 };
    };
    const target = document.querySelector(selector);
    let centreHit = true;
    let targetOverlap = false;
    if (target) {
      const t = overlapping(target.getBoundingClientRect());
      targetOverlap = t.overlap;
      if (t.visible) {
        const hit = document.elementFromPoint(t.cx, t.cy);
        centreHit = Boolean(hit && (hit === target || target.contains(hit)));
      }
    }
    const sensitive = [...document.querySelectorAll('input[type=password], input[autocomplete="one-time-code"]')]
      .filter((f) => overlapping(f.getBoundingClientRect()).overlap)
      .map((f) => f.outerHTML.slice(0, 80));
    const fits = pop.left >= -0.5 && pop.top >= -0.5 && pop.right <= vw + 0.5 && pop.bottom <= vh + 0.5;
    const small = [...document.querySelectorAll('.danbuoc-popover button')]
      .map((b) => [b.textContent, b.getBoundingClientRect()] as const)
      .filter(([, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(([name, r]) => `${name} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    return { centreHit, targetOverlap, sensitive, fits, small };
  }, HIGHLIGHTED);
  expect(report, `${label}: popover placement`).toEqual({ centreHit: true, targetOverlap: false, sensitive: [], fits: true, small: [] });
}
