import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { launchBench } from './browser-harness';
import { benchAnchor } from './anchor';
import { benchCouch } from './couch';
import { benchDashboard } from './dashboard';
import { benchWithExtension } from './extension';
import { benchLatency } from './latency';
import { benchPersist } from './persist';
import { benchPicker } from './picker';
import { benchResolver } from './resolver';
import { benchSizes, type Size } from './sizes';
import { kb } from './stats';
import { renderTable, type Row, type Section } from './table';
import { benchWaitingCpu } from './waiting-cpu';
import { benchWidget } from './widget';

/**
 * `npm run bench`: builds the extension, then prints one table of figures (and writes them to
 * bench-output/bench.json). Nothing here asserts a time; the figures are for people to read.
 *   BENCH_WAIT_SECONDS (10)       length of each main-thread run in section 4
 *   BENCH_WAIT_ELEMENTS (2000)    size of the mutating page in section 4
 *   BENCH_LATENCY_SAMPLES (240)   insertions in section 2
 *   BENCH_LOOKUPS (200)           lookups per strategy in section 3
 *   BENCH_PICKS (30)              proposeTargets() runs per picked element in section "picker"
 *   BENCH_WIDGET_LOADS (9)        page loads timed in the widget section
 *   BENCH_COUCH_SESSIONS (100000), BENCH_COUCH_DESKS (20): section "couch" (loopback replication)
 *   BENCH_ONLY (all)              comma-separated section names to run, e.g. "anchor,sizes"
 */
const OUTPUT = 'bench-output/bench.json';
const SESSIONS = resolve('scripts/bench/sessions.ts');

const signed = (bytes: number) => `${bytes < 0 ? '−' : '+'}${kb(Math.abs(bytes))}`;

function sizesSection(s: Awaited<ReturnType<typeof benchSizes>>): Section {
  const size = (x: Size) => `${kb(x.gzip)} gzip (${kb(x.raw)} raw)`;
  const ours = s.contentJs.gzip + s.contentCss.gzip;
  const theirs = s.driverJs.gzip + s.driverCss.gzip;
  return {
    title: '1. Sizes (gzip -9)',
    rows: [
      { name: 'content script  .output/chrome-mv3/content-scripts/content.js', value: `${size(s.contentJs)}; budget 18 KB gzip (JS + CSS)` },
      { name: 'content styles  .output/chrome-mv3/content-scripts/content.css', value: size(s.contentCss) },
      { name: 'content script total (JS + CSS)', value: `${kb(ours)} gzip` },
      { name: 'plain driver.js (esbuild, minified iife es2020)', value: size(s.driverJs) },
      { name: 'plain driver.js/dist/driver.css', value: size(s.driverCss) },
      { name: 'plain driver.js total (JS + CSS)', value: `${kb(theirs)} gzip` },
      // The content script carries no driver.js (engine/spotlight.ts dims the page): driver.js is a peer here, not a part.
      { name: 'whole content script (engine + spotlight) vs plain driver.js', value: `${signed(ours - theirs)} gzip (JS ${signed(s.contentJs.gzip - s.driverJs.gzip)}, CSS ${signed(s.contentCss.gzip - s.driverCss.gzip)})` },
    ],
    data: { ...s, totalGzip: ours, driverTotalGzip: theirs, versusDriverGzip: ours - theirs },
  };
}

async function sessionsSection(): Promise<Section | undefined> {
  if (!existsSync(SESSIONS)) return undefined;
  const module = (await import(pathToFileURL(SESSIONS).href)) as { benchSessions?: () => Promise<Row[]> };
  if (typeof module.benchSessions !== 'function') return undefined;
  const rows = await module.benchSessions();
  return { title: '6. Assisted sessions (scripts/bench/sessions.ts)', rows, data: rows };
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);

async function main() {
  const started = performance.now();
  const sections: Section[] = [];
  const step = (what: string) => console.error(`bench: ${what}… (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  if (wanted('sizes')) {
    step('sizes');
    sections.push(sizesSection(await benchSizes()));
  }
  step('launching Chromium');
  const browser = await launchBench();
  const machine = {
    node: process.version,
    chromium: browser.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  };
  try {
    const inBrowser: Array<[string, () => Promise<Section>]> = [
      ['latency', () => benchLatency(browser)],
      ['latency', () => benchLatency(browser, { elements: 10_000, changing: true })],
      ['resolver', () => benchResolver(browser)],
      ['anchor', () => benchAnchor(browser)],
      ['waiting', () => benchWaitingCpu(browser)],
      ['persist', () => benchPersist(browser)],
      ['picker', () => benchPicker(browser)],
    ];
    for (const [name, run] of inBrowser) {
      if (!wanted(name)) continue;
      step(name);
      sections.push(await run());
    }
  } finally {
    await browser.close();
  }
  if (wanted('extension')) {
    step('the built extension on a busy page');
    sections.push(...(await benchWithExtension()));
  }
  if (wanted('dashboard')) {
    step('the reports dashboard with 100,000 sessions');
    sections.push(await benchDashboard());
  }
  if (wanted('widget')) {
    step('the embeddable widget and its peers');
    sections.push(await benchWidget());
  }
  if (wanted('sessions')) {
    step('assisted sessions');
    const sessions = await sessionsSection();
    if (sessions) sections.push(sessions);
  }
  if (wanted('couch')) {
    step('replication of 100,000 sessions from 20 desks to a loopback CouchDB-compatible server');
    sections.push(await benchCouch());
  }

  const total = (performance.now() - started) / 1000;
  sections.unshift({
    title: 'Machine',
    rows: [
      { name: 'Node.js', value: machine.node },
      { name: 'Chromium (headless)', value: machine.chromium },
      { name: 'CPU', value: `${machine.cpu}, ${machine.cores} cores` },
      { name: 'load average before the browser runs (1/5/15 min)', value: machine.loadAverage.join(' / ') },
      { name: 'bench run time (after build)', value: `${total.toFixed(1)} s` },
    ],
    data: { ...machine, runSeconds: total },
  });
  console.log(renderTable(sections));

  await mkdir('bench-output', { recursive: true });
  const json = { generatedAt: new Date().toISOString(), sections: sections.map(({ title, rows, data }) => ({ title, rows, data })) };
  await writeFile(OUTPUT, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`figures also written to ${OUTPUT}`);
}

await main();
