import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium, devices } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumExecutable } from '../../tests/support/browser';
import { SAMPLE_PAGE, serveWidgetSite, signedTestPack, widgetBuild } from '../../tests/support/widget-site';
import { kb, ms, summarize } from './stats';
import type { Section } from './table';

/**
 * The embeddable widget next to the tour libraries a site might embed instead, each bundled the
 * same way (esbuild, minified IIFE, es2020, gzip -9, JS + its CSS), and the widget's time from
 * DOMContentLoaded to the "Hướng dẫn" button on screen on an emulated phone with 4× CPU throttling.
 *   BENCH_WIDGET_LOADS (9)   page loads measured
 */
interface Peer {
  name: string;
  entry: string;
  css?: string;
}

const PEERS: Peer[] = [
  {
    name: 'driver.js alone',
    entry: "import { driver } from 'driver.js'; driver().highlight({ element: 'body', popover: { title: 'x' } });",
    css: 'node_modules/driver.js/dist/driver.css',
  },
  {
    name: 'Shepherd (shepherd.js)',
    entry: "import Shepherd from 'shepherd.js'; const t = new Shepherd.Tour(); t.addStep({ text: 'x' }); t.start();",
    css: 'node_modules/shepherd.js/dist/css/shepherd.css',
  },
  {
    name: 'Intro.js (intro.js)',
    entry: "import introJs from 'intro.js'; introJs().setOptions({ steps: [{ intro: 'x' }] }).start();",
    css: 'node_modules/intro.js/introjs.css',
  },
  {
    name: 'React Joyride with React and ReactDOM',
    entry:
      "import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; import { Joyride } from 'react-joyride';" +
      "createRoot(document.body).render(createElement(Joyride, { run: true, steps: [{ target: 'body', content: 'x' }] }));",
  },
];

const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

async function peerSize(peer: Peer): Promise<{ js: number; css: number }> {
  const result = await build({
    stdin: { contents: peer.entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  return { js: gzip(result.outputFiles[0].contents), css: peer.css ? gzip(await readFile(peer.css)) : 0 };
}

async function launcherTimes(loads: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const pack = await signedTestPack();
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'vi-VN' });
    await serveWidgetSite(context, { pack: { bytes: pack.bytes, signature: pack.signature, publicKey: pack.keys.publicSpki } });
    await context.addInitScript(() => {
      // The launcher counts as shown at the first frame after its element is in the page.
      new MutationObserver((_, observer) => {
        if (!document.querySelector('dan-buoc-widget')) return;
        observer.disconnect();
        requestAnimationFrame(() => sessionStorage.setItem('bench:launcher', String(performance.now())));
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const samples: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
      await page.goto(SAMPLE_PAGE);
      await page.waitForFunction(() => sessionStorage.getItem('bench:launcher') !== null);
      samples.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return Number(sessionStorage.getItem('bench:launcher')) - nav.domContentLoadedEventStart;
        }),
      );
    }
    return samples;
  } finally {
    await browser.close();
  }
}

export async function benchWidget(): Promise<Section> {
  const widget = await widgetBuild();
  const widgetGzip = gzip(await readFile(widget.file));
  const peers = [];
  for (const peer of PEERS) peers.push({ name: peer.name, ...(await peerSize(peer)) });
  const times = summarize(await launcherTimes(Number(process.env.BENCH_WIDGET_LOADS ?? 9)));
  return {
    title: '8. Embeddable widget (scripts/bench/widget.ts)',
    rows: [
      { name: `Dẫn Bước widget  .output/widget/${widget.file.split('/').pop()} (CSS inside)`, value: `${kb(widgetGzip)} gzip` },
      ...peers.map((p) => ({ name: `${p.name} (esbuild, minified iife es2020, JS + CSS)`, value: `${kb(p.js + p.css)} gzip (JS ${kb(p.js)}, CSS ${kb(p.css)})` })),
      {
        name: 'DOMContentLoaded → "Hướng dẫn" on screen, Pixel 7 emulation, 4× CPU throttling (pack fetch + signature check included)',
        value: `median ${ms(times.median, 1)}, p95 ${ms(times.p95, 1)}, max ${ms(times.max, 1)} (n=${times.n})`,
      },
    ],
    data: { widgetGzip, peers, launcherMs: times },
  };
}
