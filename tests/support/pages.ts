import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

/** The citizen's display prefs, written where the extension keeps them (storage.local, key "prefs"). */
export async function setPrefs(ext: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  await ext.worker.evaluate(async (p) => {
    await chrome.storage.local.set({ prefs: { v: 1, textSize: 100, contrast: 'normal', lang: 'vi', alwaysRead: false, rate: 'normal', ...p } });
  }, patch);
}

export async function storedPrefs(ext: ExtensionBrowser): Promise<unknown> {
  return ext.worker.evaluate(async () => (await chrome.storage.local.get('prefs')).prefs);
}

export async function expectAxeClean(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, `axe: ${label}`).toEqual([]);
}

/** Computed font sizes (px) of the body and of the smallest piece of running text (paragraphs, list items, labels, buttons, cells). */
export async function textSizes(page: Page): Promise<{ body: number; smallest: number; smallestText: string }> {
  return page.evaluate(() => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    let smallest = Infinity;
    let smallestText = '';
    for (const el of document.querySelectorAll('main p, main li, main label, main button, main td, main th, main legend')) {
      const box = el.getBoundingClientRect();
      if (!box.width || !box.height || el.closest('.visually-hidden, details:not([open])')) continue;
      if (px(el) < smallest) {
        smallest = px(el);
        smallestText = (el.textContent ?? '').trim().slice(0, 60);
      }
    }
    return { body: px(document.body), smallest, smallestText };
  });
}

/**
 * What sticks out sideways: the page scrolls horizontally, or a visible element ends past the
 * viewport's right edge (outside a container that scrolls on purpose, such as a wide table), or a
 * container's content is wider than the container and cut off.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const scrolls = (el: Element | null) => {
      for (let node = el; node && node !== document.body; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    for (const el of document.querySelectorAll('main *')) {
      const box = el.getBoundingClientRect();
      if (!box.width || !box.height || el.closest('.visually-hidden') || el.closest('details:not([open]) > :not(summary)') || scrolls(el.parentElement)) continue;
      if (box.right > root.clientWidth + 1) problems.push(`${name(el)} ends at ${Math.round(box.right)} > ${root.clientWidth}`);
    }
    for (const el of document.querySelectorAll('main, main section, main form, main fieldset, main .card, main .actions')) {
      const { overflowX } = getComputedStyle(el);
      if (overflowX !== 'auto' && overflowX !== 'scroll' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} cuts its content: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return problems.slice(0, 10);
  });
}
