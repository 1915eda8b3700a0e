import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumExecutable } from '../../tests/support/browser';
import { PORTAL_CSS, type PortalOptions } from './page-10k';
import type { BenchApi } from './page/entry';

/** A fake origin: the bench page never touches the network, and no extension runs on it. */
export const BENCH_URL = 'https://bench.invalid/';

/** scripts/bench/page/entry.ts (engine modules + page generator + in-page runners) as one classic script. */
async function benchScript(): Promise<string> {
  const result = await build({
    entryPoints: ['scripts/bench/page/entry.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** The bench page; `engineCss` adds driver.js's and our overlay CSS for in-page runs without the extension. */
export async function benchHtml({ engineCss = true } = {}): Promise<string> {
  const overlayCss = engineCss ? (await readFile('node_modules/driver.js/dist/driver.css', 'utf8')) + (await readFile('engine/overlay.css', 'utf8')) : '';
  const css = PORTAL_CSS + overlayCss;
  // A <script> body ends at the first "</script": escape it inside the bundle.
  const script = (await benchScript()).replace(/<\/script/gi, '<\\/script');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng Dịch vụ công Quốc gia</title>
<style>${css}</style></head><body><script>${script}</script></body></html>`;
}

export interface BenchBrowser {
  version: string;
  /** A fresh page at BENCH_URL with the replica portal built in it. */
  open(options: PortalOptions): Promise<{ page: Page; elements: number; nodes: number }>;
  close(): Promise<void>;
}

export async function launchBench(): Promise<BenchBrowser> {
  const html = await benchHtml();
  const browser: Browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  await context.route(`${BENCH_URL}**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return {
    version: browser.version(),
    async open(options) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
      await page.goto(BENCH_URL);
      const built = await call(page, 'build', options);
      return { page, ...built };
    },
    close: () => browser.close(),
  };
}

type Api = BenchApi;
type Method = { [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never }[keyof Api];

/** Calls `window.danbuocBench[name](...args)` in the page. */
export function call<K extends Method>(page: Page, name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> {
  return page.evaluate(
    ([method, params]) => {
      const api = (window as unknown as { danbuocBench: Record<string, (...a: unknown[]) => unknown> }).danbuocBench;
      return api[method](...params);
    },
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
}
