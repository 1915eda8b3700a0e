import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices } from '@playwright/test';
import { build } from 'vite';
import { chromiumExecutable } from '../../tests/support/browser';
import { SAMPLE_PAGE, serveWidgetSite, signedTestPack, widgetBuild } from '../../tests/support/widget-site';
import { WIDGET_BROWSERS } from '../lib/widget-browsers';
import { kb, ms, summarize } from './stats';
import type { Section } from './table';

/**
 * The embeddable widget next to the tour libraries a site might embed instead, each bundled the
 * way the widget is (scripts/build-widget.ts: Vite library build, IIFE for Chrome 99 / Firefox 101 / Safari 16.4, terser with two
 * passes, gzip -9; JS + its CSS), in the same run, and the widget's time from
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

const PEER_DIR = resolve('.output/bench-peers');

/** The widget's own build settings (scripts/build-widget.ts), without its driver.js hardening. */
async function peerSize(peer: Peer): Promise<{ js: number; css: number }> {
  const entry = resolve(PEER_DIR, 'entry.js');
  await mkdir(PEER_DIR, { recursive: true });
  await writeFile(entry, peer.entry);
  const outDir = resolve(PEER_DIR, 'out');
  await build({
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    root: process.cwd(),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      target: WIDGET_BROWSERS,
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      lib: { entry, name: 'Peer', formats: ['iife'], fileName: () => 'peer.js' },
    },
  });
  const js = gzip(await readFile(resolve(outDir, 'peer.js')));
  await rm(PEER_DIR, { recursive: true, force: true });
  return { js, css: peer.css ? gzip(await readFile(peer.css)) : 0 };
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

/** The main file and the chunks it loads beside itself (widget/chunks.ts), gzip -9 each. */
async function widgetSizes() {
  const widget = await widgetBuild();
  const info = JSON.parse(await readFile(resolve('.output/widget/integrity.json'), 'utf8')) as { chunks: Record<string, { file: string }> };
  const chunk = async (name: string) => gzip(await readFile(resolve('.output/widget', info.chunks[name].file)));
  return { file: widget.file.split('/').pop(), main: gzip(await readFile(widget.file)), guide: await chunk('guide'), signature: await chunk('signature'), speech: await chunk('speech') };
}

export async function benchWidget(): Promise<Section> {
  const sizes = await widgetSizes();
  const widgetGzip = sizes.main + sizes.guide;
  const peers = [];
  for (const peer of PEERS) peers.push({ name: peer.name, ...(await peerSize(peer)) });
  const times = summarize(await launcherTimes(Number(process.env.BENCH_WIDGET_LOADS ?? 9)));
  return {
    title: '8. Embeddable widget (scripts/bench/widget.ts)',
    rows: [
      { name: `Dẫn Bước widget, main file every page loads  .output/widget/${sizes.file}`, value: `${kb(sizes.main)} gzip` },
      { name: 'Dẫn Bước widget, a tour run: main file + guide chunk sharing its engine modules (CSS inside; compare with the peers)', value: `${kb(widgetGzip)} gzip (guide ${kb(sizes.guide)})` },
      { name: 'Dẫn Bước widget, on demand: signature chunk (data-public-key) / read-aloud chunk', value: `${kb(sizes.signature)} / ${kb(sizes.speech)} gzip` },
      ...peers.map((p) => ({ name: `${p.name} (built as the widget is: Vite IIFE for the same browsers, terser, JS + CSS)`, value: `${kb(p.js + p.css)} gzip (JS ${kb(p.js)}, CSS ${kb(p.css)})` })),
      {
        name: 'DOMContentLoaded → "Hướng dẫn" on screen, Pixel 7 emulation, 4× CPU throttling (pack fetch, signature chunk and check included)',
        value: `median ${ms(times.median, 1)}, p95 ${ms(times.p95, 1)}, max ${ms(times.max, 1)} (n=${times.n})`,
      },
    ],
    data: { widgetGzip, widgetFiles: sizes, peers, launcherMs: times },
  };
}
